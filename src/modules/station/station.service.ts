import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { Action, checkCan } from '../../auth/permissions';
import { UserErrorCode } from '../../graphql/errors';
import { Problems, withUserErrors } from '../../graphql/mutation';
import { write } from '../../graphql/unit-of-work';
import { localIdOf } from '../../graphql/relay';
import { isInsideChina, toWgs84 } from '../../geo/coordinates';
import type { GeoPointInput } from '../../geo/geo.types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { RegionLevel } from '../region/region-level';
import { RegionCodeSequence } from '../region/region-code-sequence.entity';
import { Region } from '../region/region.entity';
import type { RegionRecord } from '../region/region.types';
import { ServiceCircle } from '../service-circle/service-circle.entity';
import type { ServiceCircleRecord } from '../service-circle/service-circle.types';
import { checkOpeningHours, type OpeningHours } from '../opening-hours/opening-hours';
import { formatStationCode } from './station-code';
import {
  districtPathOf,
  enumSet,
  FIVE_INTO_FACILITIES,
  normaliseFunctionZones,
  SERVED_GROUPS,
  type FiveIntoFacility,
  type FunctionZone,
  type ServedGroup,
} from './station-profile';
import { allowedTransitions, ARCHIVABLE_STATUSES, canTransition, INITIAL_STATUSES, STATUS_NAMES_ZH } from './station-status';
import { Station } from './station.entity';
import { StationStatus } from './station.enums';
import type { ArchiveStationInput, ChangeStationStatusInput, CreateStationInput, FunctionZoneInput, UpdateStationInput } from './station.inputs';
import { stationsByIds } from './station.reader';
import type { StationPayload } from './station.types';

export const NAME_MAX = 100;
export const ADDRESS_MAX = 200;
export const FIRST_PLAN_YEAR = 2000;

/** Today's date in China (YYYY-MM-DD): opening dates are local calendar dates. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

interface ResolvedRefs {
  region?: RegionRecord;
  circle?: ServiceCircleRecord | null;
  /** Path of the circle's district, to check the station's community lies inside it. */
  circleDistrictPath?: string;
}

function checkText(problems: Problems, field: 'name' | 'address', value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) problems.add(field, UserErrorCode.REQUIRED, field === 'name' ? 'NAME_REQUIRED' : 'ADDRESS_REQUIRED');
  else if ([...trimmed].length > max) problems.add(field, UserErrorCode.TOO_LONG, field === 'name' ? 'NAME_TOO_LONG' : 'ADDRESS_TOO_LONG', { max });
  return trimmed;
}

function checkLocation(problems: Problems, location: GeoPointInput | undefined): { lat: number; lng: number } | undefined {
  if (!location) return undefined;
  const given = { lat: location.latitude, lng: location.longitude };
  if (!isInsideChina(given)) {
    problems.add('location', UserErrorCode.OUT_OF_BOUNDS, 'COORDINATES_OUT_OF_CHINA', { lat: location.latitude, lng: location.longitude });
    return undefined;
  }
  return toWgs84(given, location.coordinateSystem);
}

function checkPlanYear(problems: Problems, planYear: number | null | undefined): void {
  const max = Number(todayInChina().slice(0, 4)) + 5;
  if (planYear != null && (planYear < FIRST_PLAN_YEAR || planYear > max)) {
    problems.add('planYear', UserErrorCode.INVALID, 'PLAN_YEAR_INVALID', { min: FIRST_PLAN_YEAR, max });
  }
}

function checkOpenedOn(problems: Problems, openedOn: string | null | undefined, status: StationStatus): void {
  if (openedOn == null) return;
  if (status === StationStatus.PLANNED || status === StationStatus.UNDER_CONSTRUCTION) {
    problems.add('openedOn', UserErrorCode.INVALID, 'OPENED_ON_NOT_OPENED');
  } else if (openedOn > todayInChina()) {
    problems.add('openedOn', UserErrorCode.INVALID, 'OPENED_ON_INVALID', { today: todayInChina() });
  }
}

/**
 * Looks up the region and circle an input names (reference data no mutation changes, so read
 * without a lock).
 */
async function resolveRefs(ctx: Context, problems: Problems, regionCode: string | undefined, circleId: string | null | undefined): Promise<ResolvedRefs> {
  const refs: ResolvedRefs = {};
  if (regionCode !== undefined) {
    const region = await ctx.loaders.regionByCode.load(regionCode.trim());
    if (!region) problems.add('regionCode', UserErrorCode.NOT_FOUND, 'REGION_NOT_FOUND', { code: regionCode });
    else if (region.level !== RegionLevel.COMMUNITY) {
      problems.add('regionCode', UserErrorCode.INVALID, 'REGION_NOT_COMMUNITY', { code: region.code, name: region.name });
    } else refs.region = region;
  }
  if (circleId === null) refs.circle = null;
  else if (circleId !== undefined) {
    const localId = localIdOf(circleId, 'ServiceCircle');
    const circle = localId ? await ctx.loaders.circleById.load(localId) : null;
    if (!localId) problems.invalidId('serviceCircleId', { zh: '服务圈', en: 'service circle' });
    else if (!circle) problems.add('serviceCircleId', UserErrorCode.NOT_FOUND, 'CIRCLE_NOT_FOUND');
    else {
      refs.circle = circle;
      refs.circleDistrictPath = (await ctx.loaders.regionById.load(circle.districtId))?.path;
    }
  }
  return refs;
}

/** A station's circle must lie in the station's district. */
function checkCircleFits(problems: Problems, refs: ResolvedRefs, regionPath: string | undefined): void {
  if (refs.circle && regionPath && !(refs.circleDistrictPath && regionPath.startsWith(refs.circleDistrictPath))) {
    problems.add('serviceCircleId', UserErrorCode.INVALID, 'CIRCLE_OUTSIDE_DISTRICT', { circle: refs.circle.name });
  }
}

/** The profile fields of an input, checked; `undefined` means "not given, leave as is". */
interface CheckedProfile {
  openingHours?: OpeningHours | null;
  functionZones?: FunctionZone[];
  fiveIntoFacilities?: FiveIntoFacility[];
  groupsServed?: ServedGroup[];
}

function checkProfile(
  problems: Problems,
  input: {
    openingHours?: OpeningHours | { windows: OpeningHours['windows']; note?: string | null } | null;
    functionZones?: FunctionZoneInput[] | null;
    fiveIntoFacilities?: FiveIntoFacility[] | null;
    groupsServed?: ServedGroup[] | null;
  },
): CheckedProfile {
  const checked: CheckedProfile = {};
  if (input.openingHours !== undefined) checked.openingHours = checkOpeningHours(problems, 'openingHours', input.openingHours);
  if (input.functionZones != null) {
    const { zones, problems: found } = normaliseFunctionZones(input.functionZones);
    for (const problem of found) {
      const field = problem.field ? `functionZones.${problem.field}` : 'functionZones';
      const code =
        problem.key === 'FUNCTION_ZONE_NAME_REQUIRED' ? UserErrorCode.REQUIRED : problem.key === 'FUNCTION_ZONE_NAME_TOO_LONG' ? UserErrorCode.TOO_LONG : UserErrorCode.INVALID;
      problems.add(field, code, problem.key, problem.params);
    }
    if (zones) checked.functionZones = zones;
  }
  // Sets: duplicates collapse, and equal sets are stored in one order.
  if (input.fiveIntoFacilities != null) checked.fiveIntoFacilities = enumSet(input.fiveIntoFacilities, FIVE_INTO_FACILITIES);
  if (input.groupsServed != null) checked.groupsServed = enumSet(input.groupsServed, SERVED_GROUPS);
  return checked;
}

function applyProfile(station: Station, profile: CheckedProfile): void {
  if (profile.openingHours !== undefined) station.openingHours = profile.openingHours;
  if (profile.functionZones) station.functionZones = profile.functionZones;
  if (profile.fiveIntoFacilities) station.fiveIntoFacilities = profile.fiveIntoFacilities;
  if (profile.groupsServed) station.groupsServed = profile.groupsServed;
}

/** A hub as a member refers to it, and names it in messages. */
interface HubRef {
  dbId: string;
  name: string;
  code: string;
}

/** The hub an input names: `null` clears it, `undefined` leaves it as is. */
interface ResolvedHub {
  hub?: HubRef | null;
  /** Path of the hub's district, to check the station lies in it. */
  districtPath?: string | null;
}

/**
 * Locks (shared) and checks the hub (党群服务中心) an input names: it must exist, be a hub, not be
 * archived and not be the station itself. The lock holds until the unit of work ends, so the hub
 * cannot stop being one meanwhile (clearing isHub locks its row exclusively and counts members
 * afterwards). The district and the "a hub cannot belong to a hub" rules need the station's own
 * state and are checked by the callers.
 */
async function resolveHub(ctx: Context, problems: Problems, hubId: string | null | undefined, selfId?: string): Promise<ResolvedHub> {
  if (hubId === undefined) return {};
  if (hubId === null) return { hub: null };
  const localId = localIdOf(hubId, 'Station');
  // Never a shared lock on the station itself, which its update is about to lock exclusively.
  if (localId && localId === selfId) {
    problems.add('hubId', UserErrorCode.INVALID, 'HUB_SELF');
    return {};
  }
  const [hub] = localId
    ? await ctx.em.execute<{ id: string; name: string; code: string; is_hub: boolean; archived_at: string | null; path: string }[]>(
        'select s.id, s.name, s.code, s.is_hub, s.archived_at, r.path from station s join region r on r.id = s.region_id where s.id = ? for share of s',
        [localId],
      )
    : [];
  if (!localId) problems.add('hubId', UserErrorCode.INVALID, 'STATION_ID_INVALID');
  else if (!hub) problems.add('hubId', UserErrorCode.NOT_FOUND, 'HUB_NOT_FOUND');
  else if (hub.archived_at) problems.add('hubId', UserErrorCode.ARCHIVED, 'HUB_ARCHIVED', { name: hub.name, code: hub.code });
  else if (!hub.is_hub) problems.add('hubId', UserErrorCode.INVALID, 'HUB_NOT_A_HUB', { name: hub.name, code: hub.code });
  else return { hub: { dbId: hub.id, name: hub.name, code: hub.code }, districtPath: districtPathOf(hub.path) };
  return {};
}

function checkHubDistrict(problems: Problems, field: string, hub: Pick<HubRef, 'name' | 'code'>, hubDistrictPath: string | null | undefined, regionPath: string): void {
  if (!hubDistrictPath || districtPathOf(regionPath) !== hubDistrictPath) {
    problems.add(field, UserErrorCode.INVALID, 'HUB_OTHER_DISTRICT', { name: hub.name, code: hub.code });
  }
}

/** Stations (not archived) belonging to a hub. */
async function countMembers(em: EntityManager, hubId: string): Promise<number> {
  const row = await em.execute<{ count: number }>('select count(*)::int as count from station where hub_id = ? and archived_at is null', [hubId], 'get');
  return row?.count ?? 0;
}

/** Issues the next code of a community: one row per region, incremented under its row lock. */
async function issueStationCode(em: EntityManager, region: RegionRecord): Promise<string> {
  const row = await em.execute<RowOf<RegionCodeSequence, 'lastValue'>>(
    `insert into region_code_sequence as q (region_id, last_value) values (?, 1)
     on conflict (region_id) do update set last_value = q.last_value + 1
     returning ${columnsOf(RegionCodeSequence, 'q', ['lastValue'])}`,
    [region.dbId],
    'get',
  );
  return formatStationCode(region.code, row.last_value);
}

/**
 * Runs `change` on the station row, locked before anything is checked on it: the caller's right
 * to write it (which depends on where it is), that it is not archived and is at the version the
 * caller read. User errors roll everything back.
 */
async function changeStation(
  ctx: Context,
  id: string,
  version: number,
  change: (station: Station, em: EntityManager, problems: Problems) => Promise<void> | void,
): Promise<StationPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(id, 'Station');
  problems.checkVersion(version);
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'STATION_ID_INVALID');
  if (!localId || problems.any) return { station: null, userErrors: problems.errors };
  return runPayload(ctx, () =>
    write(ctx, async (em) => {
      const station = await em.findOne(Station, { id: localId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const region = station && (await ctx.loaders.regionById.load(station.region.id));
      if (!checkCan(ctx, problems, Action.WRITE_STATION, region ? { regionPath: region.path } : null)) problems.throwIfAny();
      if (!station) problems.add('id', UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
      else if (station.archivedAt) problems.add('id', UserErrorCode.ARCHIVED, 'ARCHIVED');
      else if (station.version !== version) {
        problems.add('version', UserErrorCode.CONFLICT, 'VERSION_CONFLICT', { given: version, current: station.version }, { currentVersion: station.version });
      }
      problems.throwIfAny();
      await change(station!, em, problems);
      problems.throwIfAny();
      return localId;
    }),
  );
}

/** Turns a committed station id into a payload, or the user errors that rolled it back into one. */
async function runPayload(ctx: Context, work: () => Promise<string>): Promise<StationPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { station: null, userErrors };
  const [station] = await stationsByIds(ctx.db, [id]);
  return { station, userErrors };
}

/** Registers a new station and issues its code. */
export async function createStation(ctx: Context, input: CreateStationInput): Promise<StationPayload> {
  const problems = new Problems(ctx.locale);
  const name = checkText(problems, 'name', input.name, NAME_MAX);
  const address = checkText(problems, 'address', input.address, ADDRESS_MAX);
  const location = checkLocation(problems, input.location);
  checkPlanYear(problems, input.planYear);
  if (!INITIAL_STATUSES.includes(input.status)) problems.add('status', UserErrorCode.INVALID_TRANSITION, 'INITIAL_STATUS_INVALID');
  checkOpenedOn(problems, input.openedOn, input.status);
  const profile = checkProfile(problems, input);
  const refs = await resolveRefs(ctx, problems, input.regionCode, input.serviceCircleId);
  checkCircleFits(problems, refs, refs.region?.path);
  checkCan(ctx, problems, Action.WRITE_STATION, refs.region ? { regionPath: refs.region.path } : null, 'regionCode');
  const hubRef = await resolveHub(ctx, problems, input.hubId);
  if (hubRef.hub && input.isHub) problems.add('hubId', UserErrorCode.INVALID, 'HUB_NESTED');
  else if (hubRef.hub && refs.region) checkHubDistrict(problems, 'hubId', hubRef.hub, hubRef.districtPath, refs.region.path);
  if (problems.errors.length) return { station: null, userErrors: problems.errors };

  return runPayload(ctx, () =>
    write(ctx, async (em) => {
      const region = refs.region!;
      const station = em.create(Station, {
        id: randomUUID(),
        code: await issueStationCode(em, region),
        name: name!,
        tier: input.tier,
        kind: input.kind,
        status: input.status,
        region: em.getReference(Region, region.dbId),
        circle: refs.circle ? em.getReference(ServiceCircle, refs.circle.dbId) : null,
        address: address!,
        lat: location!.lat,
        lng: location!.lng,
        planYear: input.planYear ?? null,
        openedOn: input.status === StationStatus.OPEN ? (input.openedOn ?? todayInChina()) : null,
        hostsMobilePartyMemberServicePoint: input.hostsMobilePartyMemberServicePoint,
        isHub: input.isHub,
        hub: hubRef.hub ? em.getReference(Station, hubRef.hub.dbId) : null,
      });
      applyProfile(station, profile);
      await em.flush();
      return station.id;
    }),
  );
}

/** Changes the given fields; the station code never changes. */
export async function updateStation(ctx: Context, input: UpdateStationInput): Promise<StationPayload> {
  const problems = new Problems(ctx.locale);
  const name = checkText(problems, 'name', input.name ?? undefined, NAME_MAX);
  const address = checkText(problems, 'address', input.address ?? undefined, ADDRESS_MAX);
  const location = checkLocation(problems, input.location ?? undefined);
  checkPlanYear(problems, input.planYear);
  const profile = checkProfile(problems, input);
  const refs = await resolveRefs(ctx, problems, input.regionCode ?? undefined, input.serviceCircleId);
  // Moving a station into another community needs the right to write there too.
  if (refs.region) checkCan(ctx, problems, Action.WRITE_STATION, { regionPath: refs.region.path }, 'regionCode');
  const hubRef = await resolveHub(ctx, problems, input.hubId, localIdOf(input.id, 'Station') ?? undefined);
  if (problems.errors.length) return { station: null, userErrors: problems.errors };

  return changeStation(ctx, input.id, input.version, async (station, em, inner) => {
    const currentRegionPath = async () => (await em.findOneOrFail(Region, station.region.id)).path;
    if (refs.circle) checkCircleFits(inner, refs, refs.region?.path ?? (await currentRegionPath()));
    if (input.openedOn !== undefined) checkOpenedOn(inner, input.openedOn, station.status);
    await checkHubChange(em, inner, station, input, hubRef, refs.region, currentRegionPath);
    inner.throwIfAny();
    if (name !== undefined) station.name = name;
    if (address !== undefined) station.address = address;
    if (input.tier) station.tier = input.tier;
    if (input.kind) station.kind = input.kind;
    if (location) Object.assign(station, location);
    if (refs.region) station.region = em.getReference(Region, refs.region.dbId);
    if (refs.circle !== undefined) station.circle = refs.circle ? em.getReference(ServiceCircle, refs.circle.dbId) : null;
    if (input.planYear !== undefined) station.planYear = input.planYear;
    if (input.openedOn !== undefined) station.openedOn = input.openedOn;
    applyProfile(station, profile);
    if (input.hostsMobilePartyMemberServicePoint != null) station.hostsMobilePartyMemberServicePoint = input.hostsMobilePartyMemberServicePoint;
    if (input.isHub != null) station.isHub = input.isHub;
    if (hubRef.hub !== undefined) station.hub = hubRef.hub ? em.getReference(Station, hubRef.hub.dbId) : null;
  });
}

/**
 * The hub rules of an update, on the locked station: a hub cannot belong to a hub; a member and
 * its hub share a district (also when the member moves); a hub keeps its hub role, and its
 * district, while stations belong to it.
 */
async function checkHubChange(
  em: EntityManager,
  problems: Problems,
  station: Station,
  input: UpdateStationInput,
  hubRef: ResolvedHub,
  newRegion: RegionRecord | undefined,
  currentRegionPath: () => Promise<string>,
): Promise<void> {
  const isHub = input.isHub ?? station.isHub;
  const hubId = hubRef.hub !== undefined ? (hubRef.hub?.dbId ?? null) : (station.hub?.id ?? null);
  if (isHub && hubId) {
    problems.add(input.hubId !== undefined ? 'hubId' : 'isHub', UserErrorCode.INVALID, 'HUB_NESTED');
    return;
  }
  if (hubRef.hub) {
    checkHubDistrict(problems, 'hubId', hubRef.hub, hubRef.districtPath, newRegion?.path ?? (await currentRegionPath()));
  } else if (hubId && newRegion) {
    // Moving a member: its current hub must lie in the new district too.
    const [hub] = await em.execute<{ name: string; code: string; path: string }[]>(
      'select h.name, h.code, r.path from station h join region r on r.id = h.region_id where h.id = ?',
      [hubId],
    );
    if (hub) checkHubDistrict(problems, 'regionCode', hub, districtPathOf(hub.path), newRegion.path);
  }
  if (station.isHub && !isHub) {
    const count = await countMembers(em, station.id);
    if (count > 0) problems.add('isHub', UserErrorCode.INVALID, 'HUB_HAS_MEMBERS', { count });
  } else if (isHub && station.isHub && newRegion && districtPathOf(newRegion.path) !== districtPathOf(await currentRegionPath())) {
    const count = await countMembers(em, station.id);
    if (count > 0) problems.add('regionCode', UserErrorCode.INVALID, 'HUB_MEMBERS_OTHER_DISTRICT', { count });
  }
}

/** Moves a station along its life cycle; opening it for the first time records today's date. */
export async function changeStationStatus(ctx: Context, input: ChangeStationStatusInput): Promise<StationPayload> {
  return changeStation(ctx, input.id, input.version, (station, _em, problems) => {
    if (!canTransition(station.status, input.status)) {
      const allowed = allowedTransitions(station.status);
      problems.add('status', UserErrorCode.INVALID_TRANSITION, 'INVALID_TRANSITION', {
        from: station.status,
        to: input.status,
        fromZh: STATUS_NAMES_ZH[station.status],
        toZh: STATUS_NAMES_ZH[input.status],
        allowed: allowed.join(', ') || 'none',
        allowedZh: allowed.map((status) => `“${STATUS_NAMES_ZH[status]}”`).join('、') || '无',
      });
      return;
    }
    station.status = input.status;
    if (input.status === StationStatus.OPEN && !station.openedOn) station.openedOn = todayInChina();
  });
}

/** Takes a closed or never-built station out of the working registry; its code stays taken. */
export async function archiveStation(ctx: Context, input: ArchiveStationInput): Promise<StationPayload> {
  return changeStation(ctx, input.id, input.version, async (station, em, problems) => {
    if (!ARCHIVABLE_STATUSES.includes(station.status)) {
      problems.add('id', UserErrorCode.INVALID_TRANSITION, 'ARCHIVE_NOT_ALLOWED', {
        status: station.status,
        statusZh: STATUS_NAMES_ZH[station.status],
      });
      return;
    }
    if (station.isHub) {
      const count = await countMembers(em, station.id);
      if (count > 0) {
        problems.add('id', UserErrorCode.INVALID, 'HUB_ARCHIVE_HAS_MEMBERS', { count });
        return;
      }
    }
    // Out of the working registry, it no longer counts in a hub's network.
    station.hub = null;
    station.archivedAt = new Date();
  });
}
