import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { Action, checkCan, checkCanInRegion } from '../../auth/permissions';
import { isInsideChina, toWgs84, type LatLng } from '../../geo/coordinates';
import type { GeoPointInput } from '../../geo/geo.types';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { localIdOf } from '../../graphql/relay';
import { write } from '../../graphql/unit-of-work';
import { blankToNull } from '../co-building/co-building.service';
import { Region } from '../region/region.entity';
import { ExternalRecordType } from '../external-ref/external-ref.enums';
import type { UpsertDeliberationVenueInput } from '../external-ref/external-ref.inputs';
import { applyChanges } from '../external-ref/external-ref.rules';
import { checkExternalRefKey, upsertByExternalRef } from '../external-ref/external-ref.service';
import type { UpsertDeliberationVenueResult } from '../external-ref/external-ref.types';
import { checkSameCommunity, resolveCommunity, resolveStationInCommunity, setReference } from '../volunteer-team/volunteer-team.service';
import { DeliberationVenue } from './deliberation-venue.entity';
import type { ArchiveDeliberationVenueInput, CreateDeliberationVenueInput, UpdateDeliberationVenueInput } from './deliberation-venue.inputs';
import { deliberationVenuesByIds } from './deliberation-venue.reader';
import type { DeliberationVenuePayload } from './deliberation-venue.types';

export const DELIBERATION_VENUE: RecordKind = { zh: '议事场所', en: 'deliberation venue' };
const VENUE_NAME: RecordKind = { zh: '场所名称', en: 'venue name' };
const ADDRESS: RecordKind = { zh: '地址', en: 'address' };
export const VENUE_NAME_MAX = 100;
export const ADDRESS_MAX = 200;

/** A location given in any supported system, as WGS-84; null clears it; a user error when it is outside China. */
function checkLocation(problems: Problems, location: GeoPointInput | null | undefined): LatLng | null | undefined {
  if (location == null) return location;
  const given = { lat: location.latitude, lng: location.longitude };
  if (!isInsideChina(given)) {
    problems.add('location', UserErrorCode.OUT_OF_BOUNDS, 'COORDINATES_OUT_OF_CHINA', { lat: location.latitude, lng: location.longitude });
    return undefined;
  }
  return toWgs84(given, location.coordinateSystem);
}

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<DeliberationVenuePayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { deliberationVenue: null, userErrors };
  const [deliberationVenue] = await deliberationVenuesByIds(ctx.db, [id]);
  return { deliberationVenue, userErrors };
}

/** The venue an input names by ID, read without a lock, with the caller's right to write its community checked. */
async function venueInScope(ctx: Context, problems: Problems, id: string) {
  const localId = localIdOf(id, 'DeliberationVenue');
  if (!localId) problems.invalidId('id', DELIBERATION_VENUE);
  const current = localId ? await ctx.loaders.deliberationVenueById.load(localId) : null;
  const allowed = await checkCanInRegion(ctx, problems, Action.WRITE_COMMUNITY, current);
  return { localId, allowed };
}

/** Registers a deliberation venue of a community; the caller's right to write there comes first. */
export async function createDeliberationVenue(ctx: Context, input: CreateDeliberationVenueInput): Promise<DeliberationVenuePayload> {
  const problems = new Problems(ctx.locale);
  const region = await resolveCommunity(ctx, problems, 'regionCode', input.regionCode, DELIBERATION_VENUE);
  if (!checkCan(ctx, problems, Action.WRITE_COMMUNITY, region ? { regionPath: region.path } : null, 'regionCode')) {
    return { deliberationVenue: null, userErrors: problems.errors };
  }
  const name = checkText(problems, 'name', input.name, VENUE_NAME_MAX, VENUE_NAME);
  const address = checkText(problems, 'address', blankToNull(input.address), ADDRESS_MAX, ADDRESS);
  const location = checkLocation(problems, input.location);
  if (problems.any) return { deliberationVenue: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const station = await resolveStationInCommunity(ctx, problems, input.stationId, region!.dbId, DELIBERATION_VENUE);
      problems.throwIfAny();
      const venue = em.create(DeliberationVenue, {
        id: randomUUID(),
        name: name!,
        kind: input.kind,
        region: em.getReference(Region, region!.dbId),
        station: station ?? null,
        address: address ?? null,
        lat: location?.lat ?? null,
        lng: location?.lng ?? null,
      });
      await em.flush();
      return venue.id;
    }),
  );
}

/**
 * 按外部编号同步 Creates the venue a partner's reference names, or makes it match the input
 * (upsertByExternalRef: idempotent under retries, `changed: false` when it already matched). The
 * caller's right to write in the community comes first; an existing venue's community never changes.
 */
export async function upsertDeliberationVenue(ctx: Context, input: UpsertDeliberationVenueInput): Promise<UpsertDeliberationVenueResult> {
  const problems = new Problems(ctx.locale);
  const failed = (): UpsertDeliberationVenueResult => ({ deliberationVenue: null, created: false, changed: false, userErrors: problems.errors });
  const region = await resolveCommunity(ctx, problems, 'regionCode', input.regionCode, DELIBERATION_VENUE);
  if (!checkCan(ctx, problems, Action.WRITE_COMMUNITY, region ? { regionPath: region.path } : null, 'regionCode')) return failed();
  const key = checkExternalRefKey(problems, 'externalRef.', ExternalRecordType.DELIBERATION_VENUE, input.externalRef.system, input.externalRef.externalId);
  const name = checkText(problems, 'name', input.name, VENUE_NAME_MAX, VENUE_NAME);
  const address = checkText(problems, 'address', blankToNull(input.address), ADDRESS_MAX, ADDRESS);
  const location = checkLocation(problems, input.location);
  if (problems.any || !key || !region) return failed();
  const point = location === undefined ? {} : { lat: location?.lat ?? null, lng: location?.lng ?? null };

  const { value, userErrors } = await withUserErrors(ctx, () =>
    upsertByExternalRef(ctx, problems, 'externalRef.', key, {
      async create(em, id) {
        const station = await resolveStationInCommunity(ctx, problems, input.stationId, region.dbId, DELIBERATION_VENUE);
        problems.throwIfAny();
        em.create(DeliberationVenue, {
          id,
          name: name!,
          kind: input.kind,
          region: em.getReference(Region, region.dbId),
          station: station ?? null,
          address: address ?? null,
          lat: location?.lat ?? null,
          lng: location?.lng ?? null,
          active: input.active ?? true,
        });
      },
      async update(em, id) {
        const venue = await em.findOneOrFail(DeliberationVenue, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        await checkSameCommunity(ctx, problems, DELIBERATION_VENUE, venue.region.id, region);
        const station = await resolveStationInCommunity(ctx, problems, input.stationId, region.dbId, DELIBERATION_VENUE);
        problems.throwIfAny();
        const changed = applyChanges(venue, { name: name!, kind: input.kind, address, ...point, active: input.active ?? undefined });
        return setReference(venue.station, station, (value) => (venue.station = value)) || changed;
      },
    }),
  );
  if (!value) return { deliberationVenue: null, created: false, changed: false, userErrors };
  const [deliberationVenue] = await deliberationVenuesByIds(ctx.db, [value.id]);
  return { deliberationVenue, created: value.created, changed: value.changed, userErrors };
}

/** Changes the given fields at the version the caller read; the community stays. */
export async function updateDeliberationVenue(ctx: Context, input: UpdateDeliberationVenueInput): Promise<DeliberationVenuePayload> {
  const problems = new Problems(ctx.locale);
  const { localId, allowed } = await venueInScope(ctx, problems, input.id);
  if (!allowed) return { deliberationVenue: null, userErrors: problems.errors };
  const name = checkText(problems, 'name', input.name ?? undefined, VENUE_NAME_MAX, VENUE_NAME);
  const address = checkText(problems, 'address', blankToNull(input.address), ADDRESS_MAX, ADDRESS);
  const location = checkLocation(problems, input.location);
  if (problems.any) return { deliberationVenue: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const venue = await lockVersioned(em, DeliberationVenue, localId!, input.version, problems, DELIBERATION_VENUE);
      const station = await resolveStationInCommunity(ctx, problems, input.stationId, venue.region.id, DELIBERATION_VENUE);
      problems.throwIfAny();
      if (name != null) venue.name = name;
      if (input.kind) venue.kind = input.kind;
      if (station !== undefined) venue.station = station;
      if (address !== undefined) venue.address = address;
      if (location !== undefined) {
        venue.lat = location?.lat ?? null;
        venue.lng = location?.lng ?? null;
      }
      if (input.active != null) venue.active = input.active;
      return venue.id;
    }),
  );
}

/** Archives a venue that is no longer in use. */
export async function archiveDeliberationVenue(ctx: Context, input: ArchiveDeliberationVenueInput): Promise<DeliberationVenuePayload> {
  const problems = new Problems(ctx.locale);
  const { localId, allowed } = await venueInScope(ctx, problems, input.id);
  if (!allowed || problems.any) return { deliberationVenue: null, userErrors: problems.errors };
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const venue = await lockVersioned(em, DeliberationVenue, localId!, input.version, problems, DELIBERATION_VENUE);
      if (!venue.active) problems.add('id', UserErrorCode.ARCHIVED, 'RECORD_ALREADY_ARCHIVED', { kindZh: DELIBERATION_VENUE.zh, kind: DELIBERATION_VENUE.en });
      problems.throwIfAny();
      venue.active = false;
      return venue.id;
    }),
  );
}
