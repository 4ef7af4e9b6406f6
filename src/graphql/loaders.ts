import DataLoader from 'dataloader';
import { serviceItemsOfPlatforms } from '../modules/platform/gov-service-point-items';
import type { SqlReader } from '../db/sql';
import { activitiesByIds, activitiesOfParents, type NestedActivitiesParams } from '../modules/activity/activity.reader';
import type { ActivityRecord } from '../modules/activity/activity.types';
import {
  coBuildingCountsOfOrganizations,
  coBuildingPagesOfOrganizations,
  coBuildingsByIds,
  coBuildingsOfStations,
  type OrganizationCoBuildingsParams,
  type StationCoBuildingsParams,
} from '../modules/co-building/co-building.reader';
import type { CoBuildingRecord } from '../modules/co-building/co-building.types';
import { departmentsByCodes, departmentsByIds } from '../modules/department/department.reader';
import { dutyShiftsByIds, shiftsOnDuty, stationShiftCounts, stationShiftPages, type ShiftWindow, type StationShiftsKey } from '../modules/duty-shift/duty-shift.reader';
import type { DutyShiftRecord } from '../modules/duty-shift/duty-shift.types';
import type { DepartmentRecord } from '../modules/department/department.types';
import { organizationsByIds } from '../modules/organization/organization.reader';
import {
  departmentPlatformCounts,
  departmentPlatformWindows,
  platformsByIds,
  platformsByStationIds,
  type PlatformWindow,
} from '../modules/platform/platform.reader';
import type { PlatformRecord } from '../modules/platform/platform.types';
import type { OrganizationRecord } from '../modules/organization/organization.types';
import { peopleByIds } from '../modules/person/person.reader';
import type { PersonRecord } from '../modules/person/person.types';
import { regionsByCodes, regionsByIds } from '../modules/region/region.reader';
import type { RegionRecord } from '../modules/region/region.types';
import {
  departmentItemCounts,
  departmentItemPages,
  itemStationCounts,
  itemStationPages,
  serviceItemsByCodes,
  serviceItemsByIds,
  stationServiceItemCounts,
  stationServiceItemPages,
  stationServiceItemsByIds,
  type DepartmentItemsFilter,
  type ItemStationsFilter,
  type StationItemsFilter,
} from '../modules/service-item/service-item.reader';
import type { ServiceItemRecord, StationServiceItemRecord } from '../modules/service-item/service-item.types';
import { circlesByIds } from '../modules/service-circle/service-circle.reader';
import type { ServiceCircleRecord } from '../modules/service-circle/service-circle.types';
import { hubMemberCounts, hubMemberPages, stationsByIds } from '../modules/station/station.reader';
import type { StationRecord } from '../modules/station/station.types';
import { emptyNestedPage, type NestedPage, type NestedPaging } from '../db/nested-keyset';
import type { Page, PageRequest } from './relay';
import { contactCadresOfStations, managingOrganizationsOfStations } from '../modules/station-staff/station-staff.reader';
import { externalRefKeyString, externalRefsByKeys, type ExternalRefKey } from '../modules/external-ref/external-ref.reader';
import type { ExternalRefRecord } from '../modules/external-ref/external-ref.types';

/** Batches "load by key" into one query per kind of record per tick, in key order. */
function keyed<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const found = new Map<K, V>();
    for (const value of await fetch(keys)) found.set(keyOf(value), value);
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** A to-one relation fetched by the parent's key (rows carry the parent key); parents without one get null. */
function related<R, V>(fetch: (keys: readonly string[]) => Promise<R[]>, entryOf: (row: R) => [string, V]): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(async (keys) => {
    const found = new Map((await fetch(keys)).map(entryOf));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** Counts per key, batched the same way; keys with no rows count 0. */
function counted<K>(fetch: (keys: readonly K[]) => Promise<{ key: K; count: number }[]>): DataLoader<K, number> {
  return new DataLoader<K, number>(async (keys) => {
    const found = new Map<K, number>();
    for (const { key, count } of await fetch(keys)) found.set(key, count);
    return keys.map((key) => found.get(key) ?? 0);
  });
}

/** All values per key (e.g. the platforms of each station), batched the same way; keys with no rows get []. */
function grouped<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const found = new Map<K, V[]>();
    for (const value of await fetch(keys)) {
      const key = keyOf(value);
      const list = found.get(key);
      if (list) list.push(value);
      else found.set(key, [value]);
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}

/**
 * One loader per distinct argument set, made on first use: a nested list's filter and paging are
 * the same for every parent in a query, so its parents still batch into one query.
 */
function perArguments<A, L>(create: (args: A) => L): (args: A) => L {
  const loaders = new Map<string, L>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = create(args)));
    return loader;
  };
}

/** Pages of a list nested under each parent (see db/nested-keyset.ts), keyed by parent id. */
function nestedPages<F, T>(fetch: (parentIds: readonly string[], filter: F, paging: NestedPaging) => Promise<Map<string, NestedPage<T>>>) {
  return perArguments(({ filter, paging }: { filter: F; paging: NestedPaging }) =>
    new DataLoader<string, NestedPage<T>>(async (ids) => {
      const pages = await fetch(ids, filter, paging);
      return ids.map((id) => pages.get(id) ?? emptyNestedPage<T>(paging));
    }),
  );
}

/** Per-parent totals of a nested list under a filter, keyed by parent id. */
function nestedCounts<F>(fetch: (parentIds: readonly string[], filter: F) => Promise<Map<string, number>>) {
  return perArguments((filter: F) => counted<string>(async (ids) => {
    const counts = await fetch(ids, filter);
    return ids.map((key) => ({ key, count: counts.get(key) ?? 0 }));
  }));
}

/** Per-request DataLoaders: every relation a list shows costs one query, not one per row. */
export function createLoaders(db: SqlReader) {
  const hubMemberCount = counted<string>((hubIds) => hubMemberCounts(db, hubIds));
  return {
    regionById: keyed<number, RegionRecord>((ids) => regionsByIds(db, ids), (region) => region.dbId),
    regionByCode: keyed<string, RegionRecord>((codes) => regionsByCodes(db, codes), (region) => region.code),
    circleById: keyed<string, ServiceCircleRecord>((ids) => circlesByIds(db, ids), (circle) => circle.dbId),
    stationById: keyed<string, StationRecord>((ids) => stationsByIds(db, ids), (station) => station.dbId),
    departmentById: keyed<string, DepartmentRecord>((ids) => departmentsByIds(db, ids), (department) => department.dbId),
    organizationById: keyed<string, OrganizationRecord>((ids) => organizationsByIds(db, ids), (organization) => organization.dbId),
    departmentByCode: keyed<string, DepartmentRecord>((codes) => departmentsByCodes(db, codes), (department) => department.code),
    platformById: keyed<string, PlatformRecord>((ids) => platformsByIds(db, ids), (platform) => platform.dbId),
    /** Every platform (active or not) of a station, in kind order then name. */
    stationPlatforms: grouped<string, PlatformRecord>((ids) => platformsByStationIds(db, ids), (platform) => platform.stationId),
    /** One page of a department's platforms, ordered by owner reference: one windowed query per batch. */
    departmentPlatformWindow: perArguments((args: { request: PageRequest; includeInactive: boolean }) =>
      new DataLoader<string, PlatformWindow>(async (ids) => {
        const windows = await departmentPlatformWindows(db, ids, args.request, args.includeInactive);
        return ids.map((id) => windows.get(id) ?? { records: [], cursors: [] });
      }),
    ),
    /** Platforms of a department, keyed by "departmentId" (active only) or "departmentId:all". */
    departmentPlatformCount: counted<string>((keys) => departmentPlatformCounts(db, keys)),
    coBuildingById: keyed<string, CoBuildingRecord>((ids) => coBuildingsByIds(db, ids), (coBuilding) => coBuilding.dbId),
    activityById: keyed<string, ActivityRecord>((ids) => activitiesByIds(db, ids), (activity) => activity.dbId),
    /** station.coBuildings: one query per page of stations. */
    stationCoBuildings: perArguments((params: StationCoBuildingsParams) =>
      grouped<string, CoBuildingRecord>((ids) => coBuildingsOfStations(db, [...ids], params), (row) => row.stationId),
    ),
    /** organization.coBuildings(first, after): one windowed query per page of organizations. */
    organizationCoBuildingPages: perArguments((params: OrganizationCoBuildingsParams) =>
      grouped((ids: readonly string[]) => coBuildingPagesOfOrganizations(db, [...ids], params), (row) => row.organizationId),
    ),
    /** organization.coBuildings totalCount: one grouped count per page of organizations. */
    organizationCoBuildingCount: counted<string>(async (ids) =>
      (await coBuildingCountsOfOrganizations(db, [...ids])).map((row) => ({ key: row.parentId, count: row.count })),
    ),
    /** station.activities(first, from, to): one windowed query per page of stations. */
    stationActivities: perArguments((params: NestedActivitiesParams) =>
      grouped<string, ActivityRecord>((ids) => activitiesOfParents(db, 'station', [...ids], params), (row) => row.stationId),
    ),
    /** organization.activities(first, from, to): one windowed query per page of organizations. */
    organizerActivities: perArguments((params: NestedActivitiesParams) =>
      grouped<string, ActivityRecord>((ids) => activitiesOfParents(db, 'organizer', [...ids], params), (row) => row.organizerId!),
    ),
    serviceItemById: keyed<string, ServiceItemRecord>((ids) => serviceItemsByIds(db, ids), (item) => item.dbId),
    serviceItemByCode: keyed<string, ServiceItemRecord>((codes) => serviceItemsByCodes(db, codes), (item) => item.code),
    /** The service items each 24-hour point handles: one query per batch of platforms. */
    govPointServiceItems: grouped<string, { platformId: string; item: ServiceItemRecord }>((ids) => serviceItemsOfPlatforms(db, ids), (entry) => entry.platformId),
    stationServiceItemById: keyed<string, StationServiceItemRecord>((ids) => stationServiceItemsByIds(db, ids), (record) => record.dbId),
    /** Station.serviceItems: push-downs of each station, by item code. */
    stationServiceItemPages: nestedPages<StationItemsFilter, StationServiceItemRecord>((ids, filter, paging) => stationServiceItemPages(db, ids, filter, paging)),
    stationServiceItemCounts: nestedCounts<StationItemsFilter>((ids, filter) => stationServiceItemCounts(db, ids, filter)),
    /** ServiceItem.stations and stationCount: push-downs of each item to non-archived stations, by station code. */
    itemStationPages: nestedPages<ItemStationsFilter, StationServiceItemRecord>((ids, filter, paging) => itemStationPages(db, ids, filter, paging)),
    itemStationCounts: nestedCounts<ItemStationsFilter>((ids, filter) => itemStationCounts(db, ids, filter)),
    /** Department.serviceItems: items each department is responsible for, by code. */
    departmentItemPages: nestedPages<DepartmentItemsFilter, ServiceItemRecord>((ids, filter, paging) => departmentItemPages(db, ids, filter, paging)),
    departmentItemCounts: nestedCounts<DepartmentItemsFilter>((ids, filter) => departmentItemCounts(db, ids, filter)),
    personById: keyed<string, PersonRecord>((ids) => peopleByIds(db, ids), (person) => person.dbId),
    dutyShiftById: keyed<string, DutyShiftRecord>((ids) => dutyShiftsByIds(db, ids), (shift) => shift.dbId),
    /** A station's managing party organization, by station id (one join per batch). */
    stationManagingOrganization: related((ids) => managingOrganizationsOfStations(db, ids), (row) => [row.stationId, row.organization]),
    /** A station's contact cadre, by station id. */
    stationContactCadre: related((ids) => contactCadresOfStations(db, ids), (row) => [row.stationId, row.person]),
    /** One page of a station's shifts; the stations of a parent page share one windowed query. */
    stationShiftPage: new DataLoader((keys: readonly StationShiftsKey[]) => stationShiftPages(db, keys), { cacheKeyFn: (key) => JSON.stringify(key) }),
    /** A station's shift count within a window. */
    stationShiftCount: new DataLoader((keys: readonly { stationId: string; window: ShiftWindow }[]) => stationShiftCounts(db, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    /** Shifts on duty at (station, instant). */
    onDutyAt: new DataLoader((keys: readonly { stationId: string; at: Date }[]) => shiftsOnDuty(db, keys), {
      cacheKeyFn: (key) => `${key.stationId}@${key.at.toISOString()}`,
    }),
    /** The reference with a (type, system, external ID), if any. */
    externalRefByKey: new DataLoader<ExternalRefKey, ExternalRefRecord | null, string>(
      async (keys) => {
        const found = new Map((await externalRefsByKeys(db, keys)).map((ref) => [externalRefKeyString({ type: ref.recordType, system: ref.system, externalId: ref.externalId }), ref]));
        return keys.map((key) => found.get(externalRefKeyString(key)) ?? null);
      },
      { cacheKeyFn: externalRefKeyString },
    ),
    /** Stations (not archived) in a region's subtree, keyed by "regionId" or "regionId:STATUS". */
    regionStationCount: counted<string>((keys) => fetchStationCounts(db, keys, 'region')),
    /** Stations (not archived) in a service circle, keyed by "circleId" or "circleId:STATUS". */
    circleStationCount: counted<string>((keys) => fetchStationCounts(db, keys, 'circle')),
    /** Stations (not archived) belonging to a hub, keyed by the hub's local id. */
    hubMemberCount,
    /** A page of a hub's members, keyed by the hub's local id; one loader per distinct paging request. */
    hubMembers: pagedBy<string, StationRecord>((hubIds, request) =>
      hubMemberPages(db, hubIds, request, (hubId) => hubMemberCount.load(hubId)),
    ),
  };
}

/**
 * Nested pages (a parent's children, first N after a cursor): one DataLoader per distinct paging
 * request, so all parents asking the same page of their children share one query.
 */
function pagedBy<K, V>(fetch: (keys: readonly K[], request: PageRequest) => Promise<Map<K, Page<V>>>) {
  return perArguments((request: PageRequest) =>
    new DataLoader<K, Page<V>>(async (keys) => {
      const pages = await fetch(keys, request);
      return keys.map((parent) => pages.get(parent)!);
    }),
  );
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Stations of one owner (region or circle), optionally only those in the given statuses. */
export async function countStations(loader: DataLoader<string, number>, owner: string | number, statuses?: readonly string[]): Promise<number> {
  const keys = statuses?.length ? statuses.map((status) => `${owner}:${status}`) : [String(owner)];
  const counts = await loader.loadMany(keys);
  // loadMany hands back a failed batch as Error values: rethrow, never count them as 0.
  const failed = counts.find((count): count is Error => count instanceof Error);
  if (failed) throw failed;
  return counts.reduce<number>((sum, count) => sum + (count as number), 0);
}

/** One grouped count for all requested (owner, status) pairs. */
async function fetchStationCounts(db: SqlReader, keys: readonly string[], by: 'region' | 'circle') {
  const owners = [...new Set(keys.map((key) => key.split(':')[0]))];
  const ownerColumn = by === 'region' ? 'r.id::text' : 's.circle_id::text';
  const join =
    by === 'region'
      ? `from region r join region d on d.path like r.path || '%' join station s on s.region_id = d.id where r.id = any(?::int[])`
      : `from station s where s.circle_id = any(?::uuid[])`;
  const rows = await db.all<{ owner: string; status: string; count: number }>(
    `select ${ownerColumn} as owner, s.status, count(*)::int as count ${join} and s.archived_at is null group by 1, 2`,
    [by === 'region' ? owners.map(Number) : owners],
  );
  const totals = new Map<string, number>();
  for (const row of rows) {
    totals.set(row.owner, (totals.get(row.owner) ?? 0) + row.count);
    totals.set(`${row.owner}:${row.status}`, row.count);
  }
  return keys.map((key) => ({ key, count: totals.get(key) ?? 0 }));
}
