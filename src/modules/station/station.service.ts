import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { Action, checkCan } from '../../auth/permissions';
import { UserErrorCode } from '../../graphql/errors';
import { Problems, withUserErrors } from '../../graphql/mutation';
import { localIdOf } from '../../graphql/relay';
import { isInsideChina, toWgs84 } from '../../geo/coordinates';
import type { GeoPointInput } from '../../geo/geo.types';
import { RegionLevel } from '../region/region-level';
import { Region } from '../region/region.entity';
import type { RegionRecord } from '../region/region.types';
import { ServiceCircle } from '../service-circle/service-circle.entity';
import type { ServiceCircleRecord } from '../service-circle/service-circle.types';
import { formatStationCode } from './station-code';
import { allowedTransitions, ARCHIVABLE_STATUSES, canTransition, INITIAL_STATUSES, STATUS_NAMES_ZH } from './station-status';
import { Station } from './station.entity';
import { StationStatus } from './station.enums';
import type { ArchiveStationInput, ChangeStationStatusInput, CreateStationInput, UpdateStationInput } from './station.inputs';
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
 * Looks up the region and circle an input names. Runs before the write transaction: the
 * embedded database has a single connection, so nothing inside a transaction may wait for
 * another one.
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
    if (!circle) problems.add('serviceCircleId', UserErrorCode.NOT_FOUND, 'CIRCLE_NOT_FOUND');
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

/** Issues the next code of a community: one row per region, incremented under its row lock. */
async function issueStationCode(em: EntityManager, region: RegionRecord): Promise<string> {
  const row = await em.execute<{ last_value: number }>(
    `insert into region_code_sequence (region_id, last_value) values (?, 1)
     on conflict (region_id) do update set last_value = region_code_sequence.last_value + 1
     returning last_value`,
    [region.dbId],
    'get',
  );
  return formatStationCode(region.code, row.last_value);
}

/**
 * Runs `change` in one transaction on the locked station row, after checking it exists, is
 * not archived and is at the version the caller read. User errors roll everything back.
 */
async function changeStation(
  ctx: Context,
  id: string,
  version: number,
  change: (station: Station, em: EntityManager, problems: Problems) => Promise<void> | void,
): Promise<StationPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(id, 'Station');
  if (!localId) {
    problems.add('id', UserErrorCode.NOT_FOUND, 'STATION_ID_INVALID');
    return { station: null, userErrors: problems.errors };
  }
  // The scope is checked on the station as read here; if it moves meanwhile its version changes,
  // and the version check under the row lock below turns this write into a CONFLICT.
  const current = await ctx.loaders.stationById.load(localId);
  const region = current && (await ctx.loaders.regionById.load(current.regionId));
  if ((region || ctx.principal.kind === 'anonymous') && !checkCan(ctx, problems, Action.WRITE_STATION, { regionPath: region?.path })) {
    return { station: null, userErrors: problems.errors };
  }
  return runPayload(ctx, async () => {
    await ctx.em.transactional(async (em) => {
      const station = await em.findOne(Station, { id: localId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!station) problems.add('id', UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
      else if (station.archivedAt) problems.add('id', UserErrorCode.ARCHIVED, 'ARCHIVED');
      else if (station.version !== version) {
        problems.add('version', UserErrorCode.CONFLICT, 'VERSION_CONFLICT', { given: version, current: station.version });
      }
      problems.throwIfAny();
      await change(station!, em, problems);
      problems.throwIfAny();
    });
    return localId;
  });
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
  const refs = await resolveRefs(ctx, problems, input.regionCode, input.serviceCircleId);
  checkCircleFits(problems, refs, refs.region?.path);
  if (refs.region || ctx.principal.kind === 'anonymous') checkCan(ctx, problems, Action.WRITE_STATION, { regionPath: refs.region?.path }, 'regionCode');
  if (problems.errors.length) return { station: null, userErrors: problems.errors };

  return runPayload(ctx, () =>
    ctx.em.transactional(async (em) => {
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
      });
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
  const refs = await resolveRefs(ctx, problems, input.regionCode ?? undefined, input.serviceCircleId);
  // Moving a station into another community needs the right to write there too.
  if (refs.region) checkCan(ctx, problems, Action.WRITE_STATION, { regionPath: refs.region.path }, 'regionCode');
  if (problems.errors.length) return { station: null, userErrors: problems.errors };

  return changeStation(ctx, input.id, input.version, async (station, em, inner) => {
    if (refs.circle) {
      // Read through the transaction's own connection (see resolveRefs).
      const regionPath = refs.region?.path ?? (await em.findOneOrFail(Region, station.region.id)).path;
      checkCircleFits(inner, refs, regionPath);
    }
    if (input.openedOn !== undefined) checkOpenedOn(inner, input.openedOn, station.status);
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
  });
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
  return changeStation(ctx, input.id, input.version, (station, _em, problems) => {
    if (!ARCHIVABLE_STATUSES.includes(station.status)) {
      problems.add('id', UserErrorCode.INVALID_TRANSITION, 'ARCHIVE_NOT_ALLOWED', {
        status: station.status,
        statusZh: STATUS_NAMES_ZH[station.status],
      });
      return;
    }
    station.archivedAt = new Date();
  });
}
