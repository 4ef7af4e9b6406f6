import { joinSql, rawSql, sql } from '../../db/sql';
import { column, dateSql, recordFields, registerReadFields, registerReadModel } from '../../graphql/plan/read-model';
import { todayInChina } from '../station/station.service';
import type { CoBuildingOrder } from './co-building.inputs';
import { coBuildingSort, inForceOn } from './co-building.reader';
import { CO_BUILDING_COLUMNS, toCoBuildingRecord } from './co-building.types';

/** How a CoBuilding is read (see graphql/plan/read-model.ts), and the co-buildings of stations and organizations. */
export function registerCoBuildingReadModel(): void {
  registerReadModel({
    type: 'CoBuilding',
    table: 'co_building',
    key: 'id',
    record: { columns: CO_BUILDING_COLUMNS, from: 'co_building cb', alias: 'cb', toRecord: toCoBuildingRecord },
    fields: {
      ...recordFields('CoBuilding'),
      role: column('role'),
      agreementSignedOn: { kind: 'value', sql: (t) => dateSql(`${t}.agreement_signed_on`) },
      commitments: { kind: 'value', sql: (t) => `to_json(${t}.commitments)` },
      commitmentNote: column('commitment_note'),
      validFrom: { kind: 'value', sql: (t) => dateSql(`${t}.valid_from`) },
      validTo: { kind: 'value', sql: (t) => dateSql(`${t}.valid_to`) },
      // Today as the record reads it (China time, from Node's clock), so both paths agree.
      active: { kind: 'value', sql: (t) => sql`(${inForceOn(t, todayInChina())})` },
      organization: { kind: 'one', type: 'Organization', key: (t) => `${t}.organization_id` },
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
    },
  });
  registerReadFields('Station', {
    coBuildings: {
      kind: 'connection',
      type: 'CoBuilding',
      where: (t, c, args) => {
        const conditions = [rawSql(`${c}.station_id = ${t}.id`)];
        if (!args.includeInactive) conditions.push(inForceOn(c, todayInChina()));
        return joinSql(conditions, ' and ');
      },
      // By role, then first day in force: one text key (roles differ in their first letter).
      sort: (c) => ({ expression: `${c}.role || ' ' || ${dateSql(`${c}.valid_from`)}`, type: 'text', id: `${c}.id`, idType: 'uuid' }),
    },
  });
  registerReadFields('Organization', {
    coBuildings: {
      kind: 'connection',
      type: 'CoBuilding',
      where: (t, c) => rawSql(`${c}.organization_id = ${t}.id`),
      sort: (c, args) => coBuildingSort(c, args.orderBy as CoBuildingOrder | null | undefined),
    },
  });
}
