import { fetchKeysetPage } from '../../db/keyset';
import { countNested, fetchNestedPages, type NestedListQuery, type NestedPage, type NestedPaging } from '../../db/nested-keyset';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { Page, PageRequest } from '../../graphql/relay';
import type { ServiceItemCategory, StationServiceItemStatus } from './service-item.enums';
import type { ServiceItemFilter } from './service-item.inputs';
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
  const rows = await db.all<StationServiceItemRow>(
    `select ${STATION_SERVICE_ITEM_COLUMNS} from station_service_item ssi where ssi.id = any(?::uuid[])`,
    [ids],
  );
  return rows.map(toStationServiceItemRecord);
}

/** The push-down of an item to a station, if there is one. */
export async function stationServiceItemOf(db: SqlReader, stationId: string, serviceItemId: string): Promise<StationServiceItemRecord | null> {
  const row = await db.one<StationServiceItemRow>(
    `select ${STATION_SERVICE_ITEM_COLUMNS} from station_service_item ssi where ssi.station_id = ? and ssi.service_item_id = ?`,
    [stationId, serviceItemId],
  );
  return row ? toStationServiceItemRecord(row) : null;
}

function compileServiceItemFilter(filter: ServiceItemFilter | undefined): SqlFragment {
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

/** Catalogue items ordered by code, keyset-paged. */
export function listServiceItems(db: SqlReader, filter: ServiceItemFilter | undefined, request: PageRequest): Promise<Page<ServiceItemRecord>> {
  return fetchKeysetPage<ServiceItemRow, ServiceItemRecord>(
    db,
    {
      columns: SERVICE_ITEM_COLUMNS,
      from: 'service_item i',
      where: compileServiceItemFilter(filter),
      sort: { expression: rawSql('i.code'), type: 'text' },
      id: { expression: 'i.id', type: 'uuid' },
      descending: false,
      idOf: (row) => row.id,
    },
    request,
    toServiceItemRecord,
  );
}

/** Filters of Station.serviceItems; arrays sorted, so that equal filters share one loader. */
export interface StationItemsFilter {
  status: StationServiceItemStatus[] | null;
  category: ServiceItemCategory[] | null;
}

function stationItemsQuery(filter: StationItemsFilter): NestedListQuery {
  const conditions: SqlFragment[] = [rawSql('true')];
  if (filter.status) conditions.push(sql`ssi.status = any(${filter.status}::text[])`);
  if (filter.category) conditions.push(sql`i.category = any(${filter.category}::text[])`);
  return {
    columns: STATION_SERVICE_ITEM_COLUMNS,
    from: 'station_service_item ssi join service_item i on i.id = ssi.service_item_id',
    parent: 'ssi.station_id',
    where: joinSql(conditions, ' and '),
    sort: 'i.code',
  };
}

/** Items pushed down to each station, ordered by item code: one windowed query for all the stations. */
export function stationServiceItemPages(
  db: SqlReader,
  stationIds: readonly string[],
  filter: StationItemsFilter,
  paging: NestedPaging,
): Promise<Map<string, NestedPage<StationServiceItemRecord>>> {
  return fetchNestedPages(db, stationItemsQuery(filter), stationIds, paging, toStationServiceItemRecord);
}

export function stationServiceItemCounts(db: SqlReader, stationIds: readonly string[], filter: StationItemsFilter): Promise<Map<string, number>> {
  return countNested(db, stationItemsQuery(filter), stationIds);
}

/** Filters of ServiceItem.stations and stationCount. */
export interface ItemStationsFilter {
  regionCode: string | null;
  status: StationServiceItemStatus[] | null;
}

function itemStationsQuery(filter: ItemStationsFilter): NestedListQuery {
  // Archived stations are out of the working registry, like in every station list.
  const conditions: SqlFragment[] = [rawSql('s.archived_at is null')];
  if (filter.status) conditions.push(sql`ssi.status = any(${filter.status}::text[])`);
  if (filter.regionCode) {
    conditions.push(sql`s.region_id in (select d.id from region d where d.path like (select p.path from region p where p.code = ${filter.regionCode}) || '%')`);
  }
  return {
    columns: STATION_SERVICE_ITEM_COLUMNS,
    from: 'station_service_item ssi join station s on s.id = ssi.station_id',
    parent: 'ssi.service_item_id',
    where: joinSql(conditions, ' and '),
    sort: 's.code',
  };
}

/** Stations each item is pushed down to, ordered by station code: one windowed query for all the items. */
export function itemStationPages(
  db: SqlReader,
  itemIds: readonly string[],
  filter: ItemStationsFilter,
  paging: NestedPaging,
): Promise<Map<string, NestedPage<StationServiceItemRecord>>> {
  return fetchNestedPages(db, itemStationsQuery(filter), itemIds, paging, toStationServiceItemRecord);
}

export function itemStationCounts(db: SqlReader, itemIds: readonly string[], filter: ItemStationsFilter): Promise<Map<string, number>> {
  return countNested(db, itemStationsQuery(filter), itemIds);
}

export interface DepartmentItemsFilter {
  includeInactive: boolean;
}

function departmentItemsQuery(filter: DepartmentItemsFilter): NestedListQuery {
  return {
    columns: SERVICE_ITEM_COLUMNS,
    from: 'service_item i',
    parent: 'i.department_id',
    where: rawSql(filter.includeInactive ? 'true' : 'i.active'),
    sort: 'i.code',
  };
}

/** Items each department is responsible for, ordered by code: one windowed query for all the departments. */
export function departmentItemPages(
  db: SqlReader,
  departmentIds: readonly string[],
  filter: DepartmentItemsFilter,
  paging: NestedPaging,
): Promise<Map<string, NestedPage<ServiceItemRecord>>> {
  return fetchNestedPages(db, departmentItemsQuery(filter), departmentIds, paging, toServiceItemRecord);
}

export function departmentItemCounts(db: SqlReader, departmentIds: readonly string[], filter: DepartmentItemsFilter): Promise<Map<string, number>> {
  return countNested(db, departmentItemsQuery(filter), departmentIds);
}
