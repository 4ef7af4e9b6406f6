import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { sortedList, type SortKey, type PlannedList } from '../../graphql/plan/planner';
import type { PageRequest } from '../../graphql/relay';
import { ServiceItemSortField, type ServiceItemFilter, type ServiceItemOrder } from './service-item.inputs';
import {
  SERVICE_ITEM_COLUMNS,
  STATION_SERVICE_ITEM_COLUMNS,
  toServiceItemRecord,
  toStationServiceItemRecord,
  type ServiceItemRecord,
  type ServiceItemRow,
  type StationServiceItemRecord,
  type StationServiceItemRow,
} from './service-item.types';

export async function serviceItemsByIds(db: SqlReader, ids: readonly string[]): Promise<ServiceItemRecord[]> {
  const rows = await db.all<ServiceItemRow>(`select ${SERVICE_ITEM_COLUMNS} from service_item i where i.id = any(?::uuid[])`, [ids]);
  return rows.map(toServiceItemRecord);
}

export async function serviceItemsByCodes(db: SqlReader, codes: readonly string[]): Promise<ServiceItemRecord[]> {
  const rows = await db.all<ServiceItemRow>(`select ${SERVICE_ITEM_COLUMNS} from service_item i where i.code = any(?::text[])`, [codes]);
  return rows.map(toServiceItemRecord);
}

export async function stationServiceItemsByIds(db: SqlReader, ids: readonly string[]): Promise<StationServiceItemRecord[]> {
  const rows = await db.all<StationServiceItemRow>(`select ${STATION_SERVICE_ITEM_COLUMNS} from station_service_item ssi where ssi.id = any(?::uuid[])`, [ids]);
  return rows.map(toStationServiceItemRecord);
}

/** The push-down of an item to a station, if there is one. */
export async function stationServiceItemOf(db: SqlReader, stationId: string, serviceItemId: string): Promise<StationServiceItemRecord | null> {
  const row = await db.one<StationServiceItemRow>(`select ${STATION_SERVICE_ITEM_COLUMNS} from station_service_item ssi where ssi.station_id = ? and ssi.service_item_id = ?`, [
    stationId,
    serviceItemId,
  ]);
  return row ? toStationServiceItemRecord(row) : null;
}

/** The service-item filter as SQL over alias `i`: the list's, and the coverage figures'. */
export function compileServiceItemFilter(filter: ServiceItemFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (!filter?.includeInactive) conditions.push(rawSql('i.active'));
  if (filter?.level?.length) conditions.push(sql`i.level = any(${filter.level}::text[])`);
  if (filter?.category?.length) conditions.push(sql`i.category = any(${filter.category}::text[])`);
  if (filter?.handlingMode?.length) conditions.push(sql`i.handling_mode = any(${filter.handlingMode}::text[])`);
  if (filter?.departmentCode != null) {
    conditions.push(sql`i.department_id = (select d.id from department d where d.code = ${filter.departmentCode.trim()})`);
  }
  const search = filter?.search?.trim();
  if (search) {
    // Same expression as the trigram index service_item_search_trgm_idx.
    conditions.push(sql`(i.name || ' ' || i.code) ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_KEYS: Record<ServiceItemSortField, SortKey> = {
  [ServiceItemSortField.CODE]: { expression: 'i.code', type: 'text', unique: true },
  [ServiceItemSortField.NAME]: { expression: 'i.name', type: 'text' },
  [ServiceItemSortField.CREATED_AT]: { expression: 'i.created_at', type: 'timestamptz' },
  [ServiceItemSortField.UPDATED_AT]: { expression: 'i.updated_at', type: 'timestamptz' },
};

/**
 * The catalogue items a list asks for, in its order (by code unless told), as the planner reads
 * them (alias `i`); `also` narrows them further (serviceItemCoverage's thinly offered items).
 */
export function serviceItemList(filter: ServiceItemFilter | undefined, order: ServiceItemOrder | undefined, request: PageRequest, also?: SqlFragment): PlannedList {
  const where = also ? sql`${compileServiceItemFilter(filter)} and ${also}` : compileServiceItemFilter(filter);
  return sortedList({ nodeType: 'ServiceItem', table: 'service_item', alias: 'i', where, request }, SORT_KEYS, order, ServiceItemSortField.CODE);
}
