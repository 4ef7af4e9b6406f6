import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { stationIdsInRegionSubtree } from '../region/region-subtree';
import { listInOrder, type PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import { localIdOf, notAnId, type PageRequest } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { CoBuildingSortField, type CoBuildingFilter, type CoBuildingOrder } from './co-building.inputs';
import { CO_BUILDING_COLUMNS, toCoBuildingRecord, type CoBuildingRecord, type CoBuildingRow } from './co-building.types';

export async function coBuildingsByIds(db: SqlReader, ids: readonly string[]): Promise<CoBuildingRecord[]> {
  const rows = await db.all<CoBuildingRow>(`select ${CO_BUILDING_COLUMNS} from co_building cb where cb.id = any(?::uuid[])`, [ids]);
  return rows.map(toCoBuildingRecord);
}

/** SQL for "the period of co-building `cb` includes this date" (validTo null = open-ended). */
export function inForceOn(cb: string, date: string): SqlFragment {
  return sql`${rawSql(`${cb}.valid_from`)} <= ${date}::date and (${rawSql(`${cb}.valid_to`)} is null or ${rawSql(`${cb}.valid_to`)} >= ${date}::date)`;
}

function localIdOrBadInput(id: string, type: 'Station' | 'Organization', field: string): string {
  const localId = localIdOf(id, type);
  if (!localId) throw notAnId(field, type);
  return localId;
}

function compileCoBuildingFilter(filter: CoBuildingFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter?.stationId) conditions.push(sql`cb.station_id = ${localIdOrBadInput(filter.stationId, 'Station', 'filter.stationId')}::uuid`);
  if (filter?.organizationId) {
    conditions.push(sql`cb.organization_id = ${localIdOrBadInput(filter.organizationId, 'Organization', 'filter.organizationId')}::uuid`);
  }
  if (filter?.role) conditions.push(sql`cb.role = ${filter.role}`);
  if (filter?.activeOn) conditions.push(inForceOn('cb', filter.activeOn));
  if (filter?.regionCode) {
    conditions.push(sql`cb.station_id in (${stationIdsInRegionSubtree(filter.regionCode)})`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_KEYS: Record<CoBuildingSortField, Pick<PlannedSort, 'type'> & { column: string }> = {
  [CoBuildingSortField.VALID_FROM]: { column: 'valid_from', type: 'date' },
  [CoBuildingSortField.CREATED_AT]: { column: 'created_at', type: 'timestamptz' },
};

/** The order of a co-building list (alias `cb`): newest first by first day in force unless ordered otherwise; ties by id. */
export function coBuildingSort(cb: string, order: CoBuildingOrder | null | undefined): PlannedSort {
  const key = SORT_KEYS[order?.field ?? CoBuildingSortField.VALID_FROM];
  return {
    expression: `${cb}.${key.column}`,
    type: key.type,
    id: `${cb}.id`,
    idType: 'uuid',
    descending: (order?.direction ?? SortDirection.DESC) === SortDirection.DESC,
  };
}

/** The co-buildings a root list asks for, in its order, as the planner reads them (alias `cb`). */
export function coBuildingList(filter: CoBuildingFilter | undefined, order: CoBuildingOrder | undefined, request: PageRequest): PlannedList {
  return listInOrder({ nodeType: 'CoBuilding', table: 'co_building', alias: 'cb', where: compileCoBuildingFilter(filter), request }, coBuildingSort('cb', order));
}
