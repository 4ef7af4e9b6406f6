import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Action, checkCanAtStation } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { write } from '../../graphql/unit-of-work';
import { localIdOf } from '../../graphql/relay';
import { Organization } from '../organization/organization.entity';
import { ORGANIZATION, resolveActiveOrganization } from '../organization/organization.service';
import { Station } from '../station/station.entity';
import { todayInChina } from '../station/station.service';
import { CoBuilding } from './co-building.entity';
import { CoBuildingRole, CommitmentKind, normaliseCommitments, ROLE_NAMES_ZH } from './co-building.enums';
import type { CreateCoBuildingInput, EndCoBuildingInput, UpdateCoBuildingInput } from './co-building.inputs';
import { coBuildingsByIds } from './co-building.reader';
import type { CoBuildingPayload } from './co-building.types';

export const CO_BUILDING: RecordKind = { zh: '共建关系', en: 'co-building' };
const NEW_CO_BUILDINGS: RecordKind = { zh: '共建关系', en: 'co-buildings' };
const STATION: RecordKind = { zh: '驿站', en: 'station' };
const COMMITMENT_NOTE: RecordKind = { zh: '承诺说明', en: 'commitment note' };
export const COMMITMENT_NOTE_MAX = 500;

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<CoBuildingPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { coBuilding: null, userErrors };
  const [coBuilding] = await coBuildingsByIds(ctx.db, [id]);
  return { coBuilding, userErrors };
}

/**
 * Finds a station a new record is to reference and share-locks it until the unit of work ends
 * (so it cannot be archived before the reference commits), adding a user error at `field` when
 * the ID is malformed, nothing has it, or it is archived.
 */
export async function resolveOpenStation(ctx: Context, problems: Problems, field: string, id: string, what: RecordKind): Promise<Station | null> {
  const localId = localIdOf(id, 'Station');
  const station = localId ? await ctx.em.findOne(Station, { id: localId }, { lockMode: LockMode.PESSIMISTIC_READ }) : null;
  if (!localId) problems.add(field, UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: STATION.zh, kind: STATION.en });
  else if (!station) problems.add(field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: STATION.zh, kind: STATION.en });
  else if (station.archivedAt) problems.add(field, UserErrorCode.ARCHIVED, 'STATION_ARCHIVED_REFERENCE', { name: station.name, whatZh: what.zh, what: what.en });
  else return station;
  return null;
}

/** An optional text left blank means "none". */
export function blankToNull(value: string | null | undefined): string | null | undefined {
  return value != null && !value.trim() ? null : value;
}

function checkCommitments(problems: Problems, commitments: CommitmentKind[] | undefined | null): CommitmentKind[] | undefined {
  if (commitments == null) return undefined;
  const set = normaliseCommitments(commitments);
  if (!set.length) problems.add('commitments', UserErrorCode.REQUIRED, 'COMMITMENTS_REQUIRED');
  return set;
}

function checkAgreementDate(problems: Problems, date: string | null | undefined): void {
  const today = todayInChina();
  if (date != null && date > today) problems.add('agreementSignedOn', UserErrorCode.INVALID, 'AGREEMENT_DATE_IN_FUTURE', { today });
}

function checkPeriod(problems: Problems, validFrom: string, validTo: string | null, field = 'validTo'): void {
  if (validTo !== null && validTo < validFrom) problems.add(field, UserErrorCode.INVALID, 'CO_BUILDING_PERIOD_INVALID', { validFrom, validTo });
}

/**
 * With the organization's row locked (so that two writers cannot both pass): refuses a period that overlaps another relation of the same organization, station
 * and role — only one may be in force at a time.
 */
async function checkNoOverlap(
  em: EntityManager,
  problems: Problems,
  relation: { id: string; organizationId: string; organizationName: string; stationId: string; role: CoBuildingRole; validFrom: string; validTo: string | null },
): Promise<void> {
  const [clash] = await em.execute<{ valid_from: string; valid_to: string | null }[]>(
    `select to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to from co_building
     where organization_id = ? and station_id = ? and role = ? and id <> ?
       and daterange(valid_from, valid_to, '[]') && daterange(?::date, ?::date, '[]')
     order by valid_from limit 1`,
    [relation.organizationId, relation.stationId, relation.role, relation.id, relation.validFrom, relation.validTo],
  );
  if (!clash) return;
  const periodZh = clash.valid_to ? `${clash.valid_from} 至 ${clash.valid_to}` : `${clash.valid_from} 起长期有效`;
  const period = clash.valid_to ? `${clash.valid_from} to ${clash.valid_to}` : `from ${clash.valid_from}, open-ended`;
  problems.add('validFrom', UserErrorCode.INVALID, 'CO_BUILDING_OVERLAP', {
    organization: relation.organizationName,
    roleZh: ROLE_NAMES_ZH[relation.role],
    role: relation.role,
    periodZh,
    period,
  });
}

/** Locks the organization's row: every write to its co-buildings serialises on it. */
async function lockOrganization(em: EntityManager, problems: Problems, id: string): Promise<Organization> {
  const organization = await em.findOne(Organization, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!organization) problems.add('organizationId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en });
  problems.throwIfAny();
  return organization!;
}

/** Records a co-building of an active organization with a station that is not archived. */
export async function createCoBuilding(ctx: Context, input: CreateCoBuildingInput): Promise<CoBuildingPayload> {
  const problems = new Problems(ctx.locale);
  const station = await resolveOpenStation(ctx, problems, 'stationId', input.stationId, NEW_CO_BUILDINGS);
  // The right to write at the station comes before the organization is looked at: a refused caller learns nothing about it.
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_COMMUNITY, station?.id, 'stationId'))) {
    return { coBuilding: null, userErrors: problems.errors };
  }
  // Locked exclusively: every write to an organization's co-buildings serialises on it (see checkNoOverlap).
  const organization = await resolveActiveOrganization(ctx, problems, 'organizationId', input.organizationId, NEW_CO_BUILDINGS, LockMode.PESSIMISTIC_WRITE);
  const commitments = checkCommitments(problems, input.commitments);
  const commitmentNote = checkText(problems, 'commitmentNote', blankToNull(input.commitmentNote), COMMITMENT_NOTE_MAX, COMMITMENT_NOTE);
  checkAgreementDate(problems, input.agreementSignedOn);
  const validFrom = input.validFrom ?? todayInChina();
  const validTo = input.validTo ?? null;
  checkPeriod(problems, validFrom, validTo);
  if (problems.any) return { coBuilding: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const locked = organization!;
      const id = randomUUID();
      await checkNoOverlap(em, problems, { id, organizationId: locked.id, organizationName: locked.name, stationId: station!.id, role: input.role, validFrom, validTo });
      problems.throwIfAny();
      em.create(CoBuilding, {
        id,
        organization: locked,
        station: station!,
        role: input.role,
        agreementSignedOn: input.agreementSignedOn ?? null,
        commitments: commitments!,
        commitmentNote: commitmentNote ?? null,
        validFrom,
        validTo,
      });
      await em.flush();
      return id;
    }),
  );
}

/**
 * Runs `change` in one transaction on a co-building, locked together with its organization (the
 * lock every co-building write of that organization takes first), after checking its version.
 */
async function changeCoBuilding(
  ctx: Context,
  problems: Problems,
  id: string,
  version: number,
  change: (coBuilding: CoBuilding, organization: Organization, em: EntityManager) => Promise<void>,
): Promise<CoBuildingPayload> {
  const localId = localIdOf(id, 'CoBuilding');
  const current = localId ? await ctx.loaders.coBuildingById.load(localId) : null;
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: CO_BUILDING.zh, kind: CO_BUILDING.en });
  else if (!current) problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: CO_BUILDING.zh, kind: CO_BUILDING.en });
  // A co-building never moves to another station, so its scope can be checked as read.
  else await checkCanAtStation(ctx, problems, Action.WRITE_COMMUNITY, current.stationId);
  if (problems.any) return { coBuilding: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const organization = await lockOrganization(em, problems, current!.organizationId);
      const coBuilding = await lockVersioned(em, CoBuilding, localId!, version, problems, CO_BUILDING);
      await change(coBuilding, organization, em);
      problems.throwIfAny();
      return coBuilding.id;
    }),
  );
}

/** Changes role, agreement, commitments or period; a changed period or role must not overlap another relation. */
export async function updateCoBuilding(ctx: Context, input: UpdateCoBuildingInput): Promise<CoBuildingPayload> {
  const problems = new Problems(ctx.locale);
  const commitments = checkCommitments(problems, input.commitments);
  const commitmentNote = checkText(problems, 'commitmentNote', blankToNull(input.commitmentNote), COMMITMENT_NOTE_MAX, COMMITMENT_NOTE);
  checkAgreementDate(problems, input.agreementSignedOn);
  if (problems.any) return { coBuilding: null, userErrors: problems.errors };

  return changeCoBuilding(ctx, problems, input.id, input.version, async (coBuilding, organization, em) => {
    const role = input.role ?? coBuilding.role;
    const validFrom = input.validFrom ?? coBuilding.validFrom;
    const validTo = input.validTo === undefined ? (coBuilding.validTo ?? null) : input.validTo;
    checkPeriod(problems, validFrom, validTo, input.validTo !== undefined ? 'validTo' : 'validFrom');
    problems.throwIfAny();
    if (role !== coBuilding.role || validFrom !== coBuilding.validFrom || validTo !== (coBuilding.validTo ?? null)) {
      await checkNoOverlap(em, problems, {
        id: coBuilding.id,
        organizationId: organization.id,
        organizationName: organization.name,
        stationId: coBuilding.station.id,
        role,
        validFrom,
        validTo,
      });
      problems.throwIfAny();
    }
    coBuilding.role = role;
    coBuilding.validFrom = validFrom;
    coBuilding.validTo = validTo;
    if (input.agreementSignedOn !== undefined) coBuilding.agreementSignedOn = input.agreementSignedOn;
    if (commitments) coBuilding.commitments = commitments;
    if (commitmentNote !== undefined) coBuilding.commitmentNote = commitmentNote;
  });
}

/** Ends a co-building on the given day (default today); it cannot end before it started, nor end twice. */
export async function endCoBuilding(ctx: Context, input: EndCoBuildingInput): Promise<CoBuildingPayload> {
  const problems = new Problems(ctx.locale);
  const today = todayInChina();
  const validTo = input.validTo ?? today;
  return changeCoBuilding(ctx, problems, input.id, input.version, async (coBuilding, organization, em) => {
    if (coBuilding.validTo != null && coBuilding.validTo < today) {
      problems.add('id', UserErrorCode.INVALID_TRANSITION, 'CO_BUILDING_ALREADY_ENDED', { validTo: coBuilding.validTo });
      return;
    }
    checkPeriod(problems, coBuilding.validFrom, validTo);
    problems.throwIfAny();
    // Moving the end later than planned extends the relation, which must not overlap another one.
    await checkNoOverlap(em, problems, {
      id: coBuilding.id,
      organizationId: organization.id,
      organizationName: organization.name,
      stationId: coBuilding.station.id,
      role: coBuilding.role,
      validFrom: coBuilding.validFrom,
      validTo,
    });
    coBuilding.validTo = validTo;
  });
}
