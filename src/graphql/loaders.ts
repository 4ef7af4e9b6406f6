import DataLoader from 'dataloader';
import type { SqlReader } from '../db/sql';
import { activitiesByIds } from '../modules/activity/activity.reader';
import type { ActivityRecord } from '../modules/activity/activity.types';
import { needsByIds } from '../modules/need/need.reader';
import type { NeedRecord } from '../modules/need/need.types';
import { coBuildingsByIds } from '../modules/co-building/co-building.reader';
import type { CoBuildingRecord } from '../modules/co-building/co-building.types';
import { departmentsByCodes, departmentsByIds } from '../modules/department/department.reader';
import { dutyShiftsByIds } from '../modules/duty-shift/duty-shift.reader';
import type { DutyShiftRecord } from '../modules/duty-shift/duty-shift.types';
import type { DepartmentRecord } from '../modules/department/department.types';
import { organizationsByIds } from '../modules/organization/organization.reader';
import { platformsByIds } from '../modules/platform/platform.reader';
import type { PlatformRecord } from '../modules/platform/platform.types';
import type { OrganizationRecord } from '../modules/organization/organization.types';
import { peopleByIds } from '../modules/person/person.reader';
import type { PersonRecord } from '../modules/person/person.types';
import { regionsByCodes, regionsByIds } from '../modules/region/region.reader';
import type { RegionRecord } from '../modules/region/region.types';
import { serviceItemsByCodes, serviceItemsByIds, stationServiceItemsByIds } from '../modules/service-item/service-item.reader';
import type { ServiceItemRecord, StationServiceItemRecord } from '../modules/service-item/service-item.types';
import { circlesByIds } from '../modules/service-circle/service-circle.reader';
import type { ServiceCircleRecord } from '../modules/service-circle/service-circle.types';
import { hubMemberCounts, hubMemberPages, stationsByIds } from '../modules/station/station.reader';
import type { StationRecord } from '../modules/station/station.types';
import type { Page, PageRequest } from './relay';
import { contactCadresOfStations, managingOrganizationsOfStations } from '../modules/station-staff/station-staff.reader';
import { externalRefKeyString, externalRefsByKeys, type ExternalRefKey } from '../modules/external-ref/external-ref.reader';
import type { ExternalRefRecord } from '../modules/external-ref/external-ref.types';
import { volunteerTeamMembersByIds, volunteerTeamsByIds } from '../modules/volunteer-team/volunteer-team.reader';
import type { VolunteerTeamMemberRecord, VolunteerTeamRecord } from '../modules/volunteer-team/volunteer-team.types';
import { deliberationVenuesByIds } from '../modules/deliberation-venue/deliberation-venue.reader';
import type { DeliberationVenueRecord } from '../modules/deliberation-venue/deliberation-venue.types';

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

/** Per-request DataLoaders: every relation a list shows costs one query, not one per row. */
export function createLoaders(db: SqlReader) {
  const hubMemberCount = counted<string>((hubIds) => hubMemberCounts(db, hubIds));
  return {
    regionById: keyed<number, RegionRecord>(
      (ids) => regionsByIds(db, ids),
      (region) => region.dbId,
    ),
    regionByCode: keyed<string, RegionRecord>(
      (codes) => regionsByCodes(db, codes),
      (region) => region.code,
    ),
    circleById: keyed<string, ServiceCircleRecord>(
      (ids) => circlesByIds(db, ids),
      (circle) => circle.dbId,
    ),
    stationById: keyed<string, StationRecord>(
      (ids) => stationsByIds(db, ids),
      (station) => station.dbId,
    ),
    departmentById: keyed<string, DepartmentRecord>(
      (ids) => departmentsByIds(db, ids),
      (department) => department.dbId,
    ),
    organizationById: keyed<string, OrganizationRecord>(
      (ids) => organizationsByIds(db, ids),
      (organization) => organization.dbId,
    ),
    departmentByCode: keyed<string, DepartmentRecord>(
      (codes) => departmentsByCodes(db, codes),
      (department) => department.code,
    ),
    platformById: keyed<string, PlatformRecord>(
      (ids) => platformsByIds(db, ids),
      (platform) => platform.dbId,
    ),
    coBuildingById: keyed<string, CoBuildingRecord>(
      (ids) => coBuildingsByIds(db, ids),
      (coBuilding) => coBuilding.dbId,
    ),
    activityById: keyed<string, ActivityRecord>(
      (ids) => activitiesByIds(db, ids),
      (activity) => activity.dbId,
    ),
    /** Needs by id, whatever the caller may see: for records already reached through a scoped read (a transition's need). */
    needById: keyed<string, NeedRecord>(
      (ids) => needsByIds(db, ids),
      (need) => need.dbId,
    ),
    volunteerTeamById: keyed<string, VolunteerTeamRecord>(
      (ids) => volunteerTeamsByIds(db, ids),
      (team) => team.dbId,
    ),
    volunteerTeamMemberById: keyed<string, VolunteerTeamMemberRecord>(
      (ids) => volunteerTeamMembersByIds(db, ids),
      (member) => member.dbId,
    ),
    deliberationVenueById: keyed<string, DeliberationVenueRecord>(
      (ids) => deliberationVenuesByIds(db, ids),
      (venue) => venue.dbId,
    ),
    serviceItemById: keyed<string, ServiceItemRecord>(
      (ids) => serviceItemsByIds(db, ids),
      (item) => item.dbId,
    ),
    serviceItemByCode: keyed<string, ServiceItemRecord>(
      (codes) => serviceItemsByCodes(db, codes),
      (item) => item.code,
    ),
    stationServiceItemById: keyed<string, StationServiceItemRecord>(
      (ids) => stationServiceItemsByIds(db, ids),
      (record) => record.dbId,
    ),
    personById: keyed<string, PersonRecord>(
      (ids) => peopleByIds(db, ids),
      (person) => person.dbId,
    ),
    dutyShiftById: keyed<string, DutyShiftRecord>(
      (ids) => dutyShiftsByIds(db, ids),
      (shift) => shift.dbId,
    ),
    /** A station's managing party organization, by station id (one join per batch). */
    stationManagingOrganization: related(
      (ids) => managingOrganizationsOfStations(db, ids),
      (row) => [row.stationId, row.organization],
    ),
    /** A station's contact cadre, by station id. */
    stationContactCadre: related(
      (ids) => contactCadresOfStations(db, ids),
      (row) => [row.stationId, row.person],
    ),
    /** The reference with a (type, system, external ID), if any. */
    externalRefByKey: new DataLoader<ExternalRefKey, ExternalRefRecord | null, string>(
      async (keys) => {
        const found = new Map(
          (await externalRefsByKeys(db, keys)).map((ref) => [externalRefKeyString({ type: ref.recordType, system: ref.system, externalId: ref.externalId }), ref]),
        );
        return keys.map((key) => found.get(externalRefKeyString(key)) ?? null);
      },
      { cacheKeyFn: externalRefKeyString },
    ),
    /** Stations (not archived) belonging to a hub, keyed by the hub's local id. */
    hubMemberCount,
    /** A page of a hub's members, keyed by the hub's local id; one loader per distinct paging request. */
    hubMembers: pagedBy<string, StationRecord>((hubIds, request) => hubMemberPages(db, hubIds, request, (hubId) => hubMemberCount.load(hubId))),
  };
}

/**
 * Nested pages (a parent's children, first N after a cursor): one DataLoader per distinct paging
 * request, so all parents asking the same page of their children share one query.
 */
function pagedBy<K, V>(fetch: (keys: readonly K[], request: PageRequest) => Promise<Map<K, Page<V>>>) {
  return perArguments(
    (request: PageRequest) =>
      new DataLoader<K, Page<V>>(async (keys) => {
        const pages = await fetch(keys, request);
        return keys.map((parent) => pages.get(parent)!);
      }),
  );
}

export type Loaders = ReturnType<typeof createLoaders>;
