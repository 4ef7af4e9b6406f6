import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { Action, checkCan, checkCanInRegion } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { localIdOf } from '../../graphql/relay';
import { write } from '../../graphql/unit-of-work';
import { resolveOpenStation } from '../co-building/co-building.service';
import { ExternalRecordType } from '../external-ref/external-ref.enums';
import type { UpsertVolunteerTeamInput } from '../external-ref/external-ref.inputs';
import { applyChanges } from '../external-ref/external-ref.rules';
import { checkExternalRefKey, upsertByExternalRef } from '../external-ref/external-ref.service';
import type { UpsertVolunteerTeamResult } from '../external-ref/external-ref.types';
import { resolveActiveOrganization } from '../organization/organization.service';
import { Person } from '../person/person.entity';
import { personNameForMessage, resolvePersonRef } from '../person/person.service';
import type { PersonRecord } from '../person/person.types';
import { normalisePhone } from '../person/phone';
import { RegionLevel } from '../region/region-level';
import { Region } from '../region/region.entity';
import type { RegionRecord } from '../region/region.types';
import type { Station } from '../station/station.entity';
import { todayInChina } from '../station/station.service';
import { VolunteerTeam, VolunteerTeamMember } from './volunteer-team.entity';
import type {
  AddVolunteerTeamMemberInput,
  ArchiveVolunteerTeamInput,
  CreateVolunteerTeamInput,
  RemoveVolunteerTeamMemberInput,
  UpdateVolunteerTeamInput,
} from './volunteer-team.inputs';
import { volunteerTeamMembersByIds, volunteerTeamsByIds } from './volunteer-team.reader';
import type { RemoveMemberResult, VolunteerTeamMemberPayload, VolunteerTeamPayload } from './volunteer-team.types';

export const VOLUNTEER_TEAM: RecordKind = { zh: '志愿服务队伍', en: 'volunteer team' };
export const VOLUNTEER_TEAM_MEMBER: RecordKind = { zh: '队员', en: 'team member' };
const NEW_TEAMS: RecordKind = { zh: '志愿服务队伍', en: 'volunteer teams' };
const TEAM_NAME: RecordKind = { zh: '队伍名称', en: 'team name' };
const MEMBER_NAME: RecordKind = { zh: '姓名', en: 'name' };
const SENT_DOWN_AT: RecordKind = { zh: '下沉日期', en: 'sent-down date' };
const JOINED_ON: RecordKind = { zh: '入队日期', en: 'joining date' };
export const TEAM_NAME_MAX = 100;
export const MEMBER_NAME_MAX = 50;

/**
 * The community (or village) an input names by code, for a record of `kind` that hangs off one;
 * a user error at `field` when there is none or it is another level.
 */
export async function resolveCommunity(ctx: Context, problems: Problems, field: string, code: string, kind: RecordKind): Promise<RegionRecord | undefined> {
  const region = await ctx.loaders.regionByCode.load(code.trim());
  if (!region) problems.add(field, UserErrorCode.NOT_FOUND, 'REGION_NOT_FOUND', { code });
  else if (region.level !== RegionLevel.COMMUNITY) {
    problems.add(field, UserErrorCode.INVALID, 'COMMUNITY_REQUIRED', { kindZh: kind.zh, kind: kind.en, name: region.name, code: region.code });
  } else return region;
  return undefined;
}

/**
 * The station an input names (null clears it), locked for share and not archived, which must be
 * in the record's community `regionId`: a record of one community at another community's station
 * would escape its operator's scope.
 */
export async function resolveStationInCommunity(
  ctx: Context,
  problems: Problems,
  id: string | null | undefined,
  regionId: number | undefined,
  kind: RecordKind,
): Promise<Station | null | undefined> {
  if (id == null) return id;
  const station = await resolveOpenStation(ctx, problems, 'stationId', id, { zh: kind.zh, en: `${kind.en}s` });
  if (!station) return undefined;
  if (regionId !== undefined && station.region.id !== regionId) {
    problems.add('stationId', UserErrorCode.INVALID, 'STATION_OUTSIDE_COMMUNITY', { name: station.name, kindZh: kind.zh, kind: kind.en });
    return undefined;
  }
  return station;
}

/**
 * An upsert names an existing record's community again: it never moves (its station, members and
 * the meetings held there are the community's), so another one is refused at `regionCode`.
 */
export async function checkSameCommunity(ctx: Context, problems: Problems, kind: RecordKind, currentRegionId: number, given: RegionRecord): Promise<void> {
  if (currentRegionId === given.dbId) return;
  const current = await ctx.loaders.regionById.load(currentRegionId);
  problems.add('regionCode', UserErrorCode.INVALID, 'UPSERT_COMMUNITY_FIXED', { kindZh: kind.zh, kind: kind.en, name: current?.name ?? '', code: current?.code ?? '' });
  problems.throwIfAny();
}

/**
 * A station or organization an update names (null clears it, undefined keeps it): set when it
 * differs from the current one, by id; returns whether it did.
 */
export function setReference<T extends { id: string }>(current: T | null | undefined, wanted: T | null | undefined, set: (value: T | null) => void): boolean {
  if (wanted === undefined || (current?.id ?? null) === (wanted?.id ?? null)) return false;
  set(wanted);
  return true;
}

/** A calendar date that may not lie after today (China time); null clears it. */
export function checkPastDate(problems: Problems, field: string, date: string | null | undefined, label: RecordKind): void {
  const today = todayInChina();
  if (date != null && date > today) problems.add(field, UserErrorCode.INVALID, 'DATE_IN_FUTURE', { labelZh: label.zh, label: label.en, today });
}

function checkPhone(problems: Problems, raw: string | null | undefined): string | null | undefined {
  if (raw == null) return raw;
  if (!raw.trim()) return null;
  const phone = normalisePhone(raw);
  if (!phone) problems.add('phone', UserErrorCode.INVALID, 'PHONE_INVALID');
  return phone;
}

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<VolunteerTeamPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { volunteerTeam: null, userErrors };
  const [volunteerTeam] = await volunteerTeamsByIds(ctx.db, [id]);
  return { volunteerTeam, userErrors };
}

/** The team an input names by ID, read without a lock, with the caller's right to write its community checked. */
async function teamInScope(ctx: Context, problems: Problems, id: string, field = 'id') {
  const localId = localIdOf(id, 'VolunteerTeam');
  if (!localId) problems.invalidId(field, VOLUNTEER_TEAM);
  const current = localId ? await ctx.loaders.volunteerTeamById.load(localId) : null;
  const allowed = await checkCanInRegion(ctx, problems, Action.WRITE_COMMUNITY, current, field);
  if (allowed && localId && !current) problems.add(field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: VOLUNTEER_TEAM.zh, kind: VOLUNTEER_TEAM.en });
  return { localId, current, allowed };
}

/**
 * Registers a volunteer team serving a community, optionally at one of its stations and coming
 * from an active organization. The caller's right to write in the community comes first.
 */
export async function createVolunteerTeam(ctx: Context, input: CreateVolunteerTeamInput): Promise<VolunteerTeamPayload> {
  const problems = new Problems(ctx.locale);
  const region = await resolveCommunity(ctx, problems, 'regionCode', input.regionCode, VOLUNTEER_TEAM);
  if (!checkCan(ctx, problems, Action.WRITE_COMMUNITY, region ? { regionPath: region.path } : null, 'regionCode')) {
    return { volunteerTeam: null, userErrors: problems.errors };
  }
  const name = checkText(problems, 'name', input.name, TEAM_NAME_MAX, TEAM_NAME);
  checkPastDate(problems, 'sentDownAt', input.sentDownAt, SENT_DOWN_AT);
  if (problems.any) return { volunteerTeam: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const station = await resolveStationInCommunity(ctx, problems, input.stationId, region!.dbId, VOLUNTEER_TEAM);
      const organization = input.organizationId ? await resolveActiveOrganization(ctx, problems, 'organizationId', input.organizationId, NEW_TEAMS) : null;
      problems.throwIfAny();
      const team = em.create(VolunteerTeam, {
        id: randomUUID(),
        name: name!,
        kind: input.kind,
        region: em.getReference(Region, region!.dbId),
        station: station ?? null,
        organization,
        sentDownAt: input.sentDownAt ?? null,
      });
      await em.flush();
      return team.id;
    }),
  );
}

/**
 * 按外部编号同步 Creates the team a partner's reference names, or makes it match the input
 * (upsertByExternalRef: idempotent under retries, `changed: false` when it already matched). The
 * caller's right to write in the community comes first; an existing team's community never changes.
 */
export async function upsertVolunteerTeam(ctx: Context, input: UpsertVolunteerTeamInput): Promise<UpsertVolunteerTeamResult> {
  const problems = new Problems(ctx.locale);
  const failed = (): UpsertVolunteerTeamResult => ({ volunteerTeam: null, created: false, changed: false, userErrors: problems.errors });
  const region = await resolveCommunity(ctx, problems, 'regionCode', input.regionCode, VOLUNTEER_TEAM);
  if (!checkCan(ctx, problems, Action.WRITE_COMMUNITY, region ? { regionPath: region.path } : null, 'regionCode')) return failed();
  const key = checkExternalRefKey(problems, 'externalRef.', ExternalRecordType.VOLUNTEER_TEAM, input.externalRef.system, input.externalRef.externalId);
  const name = checkText(problems, 'name', input.name, TEAM_NAME_MAX, TEAM_NAME);
  checkPastDate(problems, 'sentDownAt', input.sentDownAt, SENT_DOWN_AT);
  if (problems.any || !key || !region) return failed();
  const references = async () => ({
    station: await resolveStationInCommunity(ctx, problems, input.stationId, region.dbId, VOLUNTEER_TEAM),
    organization: input.organizationId == null ? input.organizationId : await resolveActiveOrganization(ctx, problems, 'organizationId', input.organizationId, NEW_TEAMS),
  });

  const { value, userErrors } = await withUserErrors(ctx, () =>
    upsertByExternalRef(ctx, problems, 'externalRef.', key, {
      async create(em, id) {
        const { station, organization } = await references();
        problems.throwIfAny();
        em.create(VolunteerTeam, {
          id,
          name: name!,
          kind: input.kind,
          region: em.getReference(Region, region.dbId),
          station: station ?? null,
          organization: organization ?? null,
          sentDownAt: input.sentDownAt ?? null,
          active: input.active ?? true,
        });
      },
      async update(em, id) {
        const team = await em.findOneOrFail(VolunteerTeam, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        await checkSameCommunity(ctx, problems, VOLUNTEER_TEAM, team.region.id, region);
        const { station, organization } = await references();
        problems.throwIfAny();
        const changed = applyChanges(team, { name: name!, kind: input.kind, sentDownAt: input.sentDownAt, active: input.active ?? undefined });
        const movedStation = setReference(team.station, station, (value) => (team.station = value));
        const movedOrganization = setReference(team.organization, organization, (value) => (team.organization = value));
        return changed || movedStation || movedOrganization;
      },
    }),
  );
  if (!value) return { volunteerTeam: null, created: false, changed: false, userErrors };
  const [volunteerTeam] = await volunteerTeamsByIds(ctx.db, [value.id]);
  return { volunteerTeam, created: value.created, changed: value.changed, userErrors };
}

/** Changes the given fields at the version the caller read; the community stays. */
export async function updateVolunteerTeam(ctx: Context, input: UpdateVolunteerTeamInput): Promise<VolunteerTeamPayload> {
  const problems = new Problems(ctx.locale);
  const { localId, allowed } = await teamInScope(ctx, problems, input.id);
  if (!allowed) return { volunteerTeam: null, userErrors: problems.errors };
  const name = checkText(problems, 'name', input.name ?? undefined, TEAM_NAME_MAX, TEAM_NAME);
  checkPastDate(problems, 'sentDownAt', input.sentDownAt, SENT_DOWN_AT);
  if (problems.any) return { volunteerTeam: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const team = await lockVersioned(em, VolunteerTeam, localId!, input.version, problems, VOLUNTEER_TEAM);
      const station = await resolveStationInCommunity(ctx, problems, input.stationId, team.region.id, VOLUNTEER_TEAM);
      const organization = input.organizationId ? await resolveActiveOrganization(ctx, problems, 'organizationId', input.organizationId, NEW_TEAMS) : null;
      problems.throwIfAny();
      if (name != null) team.name = name;
      if (input.kind) team.kind = input.kind;
      if (station !== undefined) team.station = station;
      if (input.organizationId === null) team.organization = null;
      else if (organization) team.organization = organization;
      if (input.sentDownAt !== undefined) team.sentDownAt = input.sentDownAt;
      if (input.active != null) team.active = input.active;
      return team.id;
    }),
  );
}

/** Archives a team (it stays, with its members, for the records that name it). */
export async function archiveVolunteerTeam(ctx: Context, input: ArchiveVolunteerTeamInput): Promise<VolunteerTeamPayload> {
  const problems = new Problems(ctx.locale);
  const { localId, allowed } = await teamInScope(ctx, problems, input.id);
  if (!allowed || problems.any) return { volunteerTeam: null, userErrors: problems.errors };
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const team = await lockVersioned(em, VolunteerTeam, localId!, input.version, problems, VOLUNTEER_TEAM);
      if (!team.active) problems.add('id', UserErrorCode.ARCHIVED, 'RECORD_ALREADY_ARCHIVED', { kindZh: VOLUNTEER_TEAM.zh, kind: VOLUNTEER_TEAM.en });
      problems.throwIfAny();
      team.active = false;
      return team.id;
    }),
  );
}

/**
 * Adds a member to an active team: a registered, active person (their name and phone stay on
 * their record), or a resident known only to the team by the name and phone given. Name and
 * phone are personal data: never logged, and a person's name in a message is masked for callers
 * who may not see it whole.
 */
export async function addVolunteerTeamMember(ctx: Context, input: AddVolunteerTeamMemberInput): Promise<VolunteerTeamMemberPayload> {
  const problems = new Problems(ctx.locale);
  const { localId, allowed } = await teamInScope(ctx, problems, input.teamId, 'teamId');
  if (!allowed) return { member: null, userErrors: problems.errors };
  let person: PersonRecord | undefined;
  let name: string | null | undefined = null;
  let phone: string | null | undefined = null;
  if (input.personId != null) {
    if (input.name != null || input.phone != null) problems.add(input.name != null ? 'name' : 'phone', UserErrorCode.INVALID, 'MEMBER_PERSON_WITH_OWN_DATA');
    person = await resolvePersonRef(ctx, problems, 'personId', input.personId);
    if (person && !person.active) problems.add('personId', UserErrorCode.INVALID, 'PERSON_INACTIVE_MEMBER', { name: await personNameForMessage(ctx, person) });
  } else {
    name = checkText(problems, 'name', input.name ?? '', MEMBER_NAME_MAX, MEMBER_NAME);
    phone = checkPhone(problems, input.phone);
  }
  checkPastDate(problems, 'joinedOn', input.joinedOn, JOINED_ON);
  if (problems.any) return { member: null, userErrors: problems.errors };

  const { value: id, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      // Locked: the team cannot be archived, nor the same person added twice, while a member is being added.
      const team = await em.findOneOrFail(VolunteerTeam, { id: localId! }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!team.active) problems.add('teamId', UserErrorCode.ARCHIVED, 'VOLUNTEER_TEAM_ARCHIVED', { name: team.name });
      if (person && (await em.count(VolunteerTeamMember, { team: team.id, person: person.dbId })) > 0) {
        problems.add('personId', UserErrorCode.ALREADY_EXISTS, 'MEMBER_ALREADY_IN_TEAM');
      }
      problems.throwIfAny();
      const member = em.create(VolunteerTeamMember, {
        id: randomUUID(),
        team,
        person: person ? em.getReference(Person, person.dbId) : null,
        name: name ?? null,
        phone: phone ?? null,
        role: input.role,
        joinedOn: input.joinedOn ?? null,
      });
      await em.flush();
      return member.id;
    }),
  );
  if (id === null) return { member: null, userErrors };
  const [member] = await volunteerTeamMembersByIds(ctx.db, [id]);
  return { member, userErrors };
}

/** Removes a member from their team, at the version the caller read. */
export async function removeVolunteerTeamMember(ctx: Context, input: RemoveVolunteerTeamMemberInput): Promise<RemoveMemberResult> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'VolunteerTeamMember');
  if (!localId) {
    problems.invalidId('id', VOLUNTEER_TEAM_MEMBER);
    return { removedId: null, userErrors: problems.errors };
  }
  const current = await ctx.loaders.volunteerTeamMemberById.load(localId);
  // A member is its team's: the team's community is the scope, whoever the member is.
  const team = current ? await ctx.loaders.volunteerTeamById.load(current.teamId) : null;
  if (!(await checkCanInRegion(ctx, problems, Action.WRITE_COMMUNITY, team))) return { removedId: null, userErrors: problems.errors };
  const { value, userErrors } = await withUserErrors(ctx, async () => {
    await write(ctx, async (em) => {
      const member = await lockVersioned(em, VolunteerTeamMember, localId, input.version, problems, VOLUNTEER_TEAM_MEMBER);
      em.remove(member);
      await em.flush();
    });
    return input.id;
  });
  return { removedId: value, userErrors };
}
