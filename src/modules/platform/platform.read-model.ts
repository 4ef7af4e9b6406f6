import { joinSql, rawSql, sql } from '../../db/sql';
import { column, registerReadFields, registerReadInterface, registerReadModel, recordFields } from '../../graphql/plan/read-model';
import { openingHoursPlan } from '../station/station.read-model';
import { PLATFORM_KINDS, type PlatformKind } from './platform.enums';
import { PLATFORM_COLUMNS, PLATFORM_TYPENAMES, toPlatformRecord } from './platform.types';

const kindsInOrder = `array[${PLATFORM_KINDS.map((kind) => `'${kind}'`).join(', ')}]::text[]`;

/** How platforms are read (see graphql/plan/read-model.ts): one table, a concrete type per kind. */
export function registerPlatformReadModel(): void {
  const typeOfKind = Object.entries(PLATFORM_TYPENAMES).map(([kind, type]) => `when '${kind}' then '${type}'`);
  registerReadInterface('Platform', 'platform', 'id', (t) => `(case ${t}.kind ${typeOfKind.join(' ')} end)`);
  for (const type of Object.values(PLATFORM_TYPENAMES)) {
    registerReadModel({
      type,
      table: 'platform',
      key: 'id',
      record: { columns: PLATFORM_COLUMNS, from: 'platform p', alias: 'p', toRecord: toPlatformRecord },
      fields: {
        ...recordFields('Platform'),
        kind: column('kind'),
        name: column('name'),
        ownerRef: column('owner_ref'),
        openingHours: openingHoursPlan,
        active: column('active'),
        department: { kind: 'one', type: 'Department', key: (t) => `${t}.department_id` },
        station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
      },
    });
  }
  registerReadFields('Station', {
    platforms: {
      kind: 'connection',
      type: 'Platform',
      where: (t, c, args) => {
        const conditions = [rawSql(`${c}.station_id = ${t}.id`)];
        if (!args.includeInactive) conditions.push(rawSql(`${c}.active`));
        const kinds = (args.kind as PlatformKind[] | null | undefined) ?? [];
        if (kinds.length) conditions.push(sql`${rawSql(`${c}.kind`)} = any(${kinds}::text[])`);
        return joinSql(conditions, ' and ');
      },
      // Kind order, then name: one text key ("03 name"; the database compares text by code point).
      sort: (c) => ({ expression: `lpad(array_position(${kindsInOrder}, ${c}.kind::text)::text, 2, '0') || ' ' || ${c}.name`, type: 'text', id: `${c}.id`, idType: 'uuid' }),
    },
  });
  registerReadFields('Department', {
    platforms: {
      kind: 'connection',
      type: 'Platform',
      where: (t, c, args) => rawSql(`${c}.department_id = ${t}.id${args.includeInactive ? '' : ` and ${c}.active`}`),
      sort: (c) => ({ expression: `${c}.owner_ref`, type: 'text', id: `${c}.id`, idType: 'uuid' }),
    },
  });
  registerReadFields(PLATFORM_TYPENAMES.GOV_SERVICE_24H, {
    serviceItems: {
      kind: 'connection',
      type: 'ServiceItem',
      joins: (c) => `join platform_service_item ${c}_psi on ${c}_psi.service_item_id = ${c}.id`,
      where: (t, c) => rawSql(`${c}_psi.platform_id = ${t}.id`),
      sort: (c) => ({ expression: `${c}.code`, type: 'text', id: `${c}.id`, idType: 'uuid' }),
    },
  });
}
