import DataLoader from 'dataloader';
import type { SqlReader } from '../db/sql';
import { departmentsByCodes, departmentsByIds } from '../modules/department/department.reader';
import { dutyShiftsByIds, shiftsOnDuty, stationShiftCounts, stationShiftPages, type ShiftWindow, type StationShiftsKey } from '../modules/duty-shift/duty-shift.reader';
import type { DutyShiftRecord } from '../modules/duty-shift/duty-shift.types';
import type { DepartmentRecord } from '../modules/department/department.types';
import { organizationsByIds } from '../modules/organization/organization.reader';
import type { OrganizationRecord } from '../modules/organization/organization.types';
import { peopleByIds } from '../modules/person/person.reader';
import type { PersonRecord } from '../modules/person/person.types';
import { regionsByCodes, regionsByIds } from '../modules/region/region.reader';
import type { RegionRecord } from '../modules/region/region.types';
import { circlesByIds } from '../modules/service-circle/service-circle.reader';
import type { ServiceCircleRecord } from '../modules/service-circle/service-circle.types';
import { stationsByIds } from '../modules/station/station.reader';
import type { StationRecord } from '../modules/station/station.types';
import { contactCadresOfStations, gridWorkersOfStations, managingOrganizationsOfStations } from '../modules/station-staff/station-staff.reader';

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

/** Per-request DataLoaders: every relation a list shows costs one query, not one per row. */
export function createLoaders(db: SqlReader) {
  return {
    regionById: keyed<number, RegionRecord>((ids) => regionsByIds(db, ids), (region) => region.dbId),
    regionByCode: keyed<string, RegionRecord>((codes) => regionsByCodes(db, codes), (region) => region.code),
    circleById: keyed<string, ServiceCircleRecord>((ids) => circlesByIds(db, ids), (circle) => circle.dbId),
    stationById: keyed<string, StationRecord>((ids) => stationsByIds(db, ids), (station) => station.dbId),
    departmentById: keyed<string, DepartmentRecord>((ids) => departmentsByIds(db, ids), (department) => department.dbId),
    organizationById: keyed<string, OrganizationRecord>((ids) => organizationsByIds(db, ids), (organization) => organization.dbId),
    departmentByCode: keyed<string, DepartmentRecord>((codes) => departmentsByCodes(db, codes), (department) => department.code),
    personById: keyed<string, PersonRecord>((ids) => peopleByIds(db, ids), (person) => person.dbId),
    dutyShiftById: keyed<string, DutyShiftRecord>((ids) => dutyShiftsByIds(db, ids), (shift) => shift.dbId),
    /** A station's managing party organization, by station id (one join per batch). */
    stationManagingOrganization: related((ids) => managingOrganizationsOfStations(db, ids), (row) => [row.stationId, row.organization]),
    /** A station's contact cadre, by station id. */
    stationContactCadre: related((ids) => contactCadresOfStations(db, ids), (row) => [row.stationId, row.person]),
    /** Grid workers stationed at a station, by station id. */
    stationGridWorkers: new DataLoader((ids: readonly string[]) => gridWorkersOfStations(db, ids)),
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
    /** Stations (not archived) in a region's subtree, keyed by "regionId" or "regionId:STATUS". */
    regionStationCount: counted<string>((keys) => fetchStationCounts(db, keys, 'region')),
    /** Stations (not archived) in a service circle, keyed by "circleId" or "circleId:STATUS". */
    circleStationCount: counted<string>((keys) => fetchStationCounts(db, keys, 'circle')),
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
