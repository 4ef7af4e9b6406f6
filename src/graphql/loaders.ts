import DataLoader from 'dataloader';
import type { SqlReader } from '../db/sql';
import { departmentsByCodes, departmentsByIds } from '../modules/department/department.reader';
import type { DepartmentRecord } from '../modules/department/department.types';
import { organizationsByIds } from '../modules/organization/organization.reader';
import type { OrganizationRecord } from '../modules/organization/organization.types';
import { regionsByCodes, regionsByIds } from '../modules/region/region.reader';
import type { RegionRecord } from '../modules/region/region.types';
import { circlesByIds } from '../modules/service-circle/service-circle.reader';
import type { ServiceCircleRecord } from '../modules/service-circle/service-circle.types';
import { hubMemberCounts, hubMemberPages, stationsByIds } from '../modules/station/station.reader';
import type { StationRecord } from '../modules/station/station.types';
import type { Page, PageRequest } from './relay';

/** Batches "load by key" into one query per kind of record per tick, in key order. */
function keyed<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const found = new Map<K, V>();
    for (const value of await fetch(keys)) found.set(keyOf(value), value);
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
  const loaders = new Map<string, DataLoader<K, Page<V>>>();
  return (request: PageRequest): DataLoader<K, Page<V>> => {
    const key = JSON.stringify(request);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, Page<V>>(async (keys) => {
        const pages = await fetch(keys, request);
        return keys.map((parent) => pages.get(parent)!);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Stations of one owner (region or circle), optionally only those in the given statuses. */
export async function countStations(loader: DataLoader<string, number>, owner: string | number, statuses?: readonly string[]): Promise<number> {
  const keys = statuses?.length ? statuses.map((status) => `${owner}:${status}`) : [String(owner)];
  const counts = await loader.loadMany(keys);
  return counts.reduce<number>((sum, count) => sum + (typeof count === 'number' ? count : 0), 0);
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
