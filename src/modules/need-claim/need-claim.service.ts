import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Action, checkCan } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode, UserErrorsException } from '../../graphql/errors';
import { checkText, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { localIdOf, type NodeTypeName } from '../../graphql/relay';
import { write } from '../../graphql/unit-of-work';
import { blankToNull } from '../co-building/co-building.service';
import { CoBuilding } from '../co-building/co-building.entity';
import { Need } from '../need/need.entity';
import { NeedKind, NeedState } from '../need/need.enums';
import { applyNeedTransition, mayReadNeed, NEED, onNeedTransition } from '../need/need.service';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { VolunteerTeam } from '../volunteer-team/volunteer-team.entity';
import { NeedClaim } from './need-claim.entity';
import { NeedClaimState } from './need-claim.enums';
import type { ClaimNeedInput, WithdrawNeedClaimInput } from './need-claim.inputs';
import { claimsByIds } from './need-claim.reader';
import type { NeedClaimPayload } from './need-claim.types';

const CLAIM: RecordKind = { zh: '认领', en: 'claim' };
const NOTE: RecordKind = { zh: '认领说明', en: 'note' };
const REASON: RecordKind = { zh: '撤回理由', en: 'reason for withdrawing' };
const NOTE_MAX = 500;
const CLAIM_STATE_NAMES_ZH: Record<NeedClaimState, string> = { ACTIVE: '认领中', WITHDRAWN: '撤回', COMPLETED: '完成' };

const CLAIMANTS = [
  { field: 'organizationId', type: 'Organization', kind: { zh: '认领组织', en: 'organization' } },
  { field: 'personId', type: 'Person', kind: { zh: '认领个人', en: 'person' } },
  { field: 'volunteerTeamId', type: 'VolunteerTeam', kind: { zh: '认领志愿服务队伍', en: 'volunteer team' } },
] as const satisfies readonly { field: keyof ClaimNeedInput; type: NodeTypeName; kind: RecordKind }[];

interface Claimant {
  organization: string | null;
  person: string | null;
  volunteerTeam: string | null;
  /** How the need's timeline names the claimant: an organization's or team's name; never a person's (personal data). */
  label: string;
}

/** The one claimant the input names, existing and active; the user errors otherwise. */
async function resolveClaimant(ctx: Context, problems: Problems, input: ClaimNeedInput): Promise<Claimant | null> {
  const given = CLAIMANTS.filter((claimant) => blankToNull(input[claimant.field]) != null);
  if (given.length !== 1) {
    problems.add(given[1]?.field ?? 'organizationId', UserErrorCode.INVALID, 'NEED_CLAIMANT_EXACTLY_ONE');
    return null;
  }
  const [{ field, type, kind }] = given;
  const localId = localIdOf(input[field]!, type);
  if (!localId) {
    problems.invalidId(field, kind);
    return null;
  }
  const record =
    type === 'Organization'
      ? await ctx.loaders.organizationById.load(localId)
      : type === 'Person'
        ? await ctx.loaders.personById.load(localId)
        : await ctx.loaders.volunteerTeamById.load(localId);
  if (!record) {
    problems.add(field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: kind.zh, kind: kind.en });
    return null;
  }
  if (!record.active) {
    const name = type === 'Person' ? kind.zh : (record as { name: string }).name;
    problems.add(field, UserErrorCode.ARCHIVED, 'REFERENCE_INACTIVE', { kindZh: kind.zh, kind: kind.en, name });
    return null;
  }
  return {
    organization: type === 'Organization' ? localId : null,
    person: type === 'Person' ? localId : null,
    volunteerTeam: type === 'VolunteerTeam' ? localId : null,
    label: type === 'Person' ? '党员个人' : (record as { name: string }).name,
  };
}

/** The co-building agreement a claim names: the claiming organization's own, active. */
async function resolveCoBuilding(ctx: Context, problems: Problems, coBuildingId: string | null | undefined, claimant: Claimant | null): Promise<string | null> {
  const given = blankToNull(coBuildingId);
  if (given == null) return null;
  const kind: RecordKind = { zh: '共建关系', en: 'co-building agreement' };
  const localId = localIdOf(given, 'CoBuilding');
  if (!localId) {
    problems.invalidId('coBuildingId', kind);
    return null;
  }
  const coBuilding = await ctx.loaders.coBuildingById.load(localId);
  if (!coBuilding) problems.add('coBuildingId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: kind.zh, kind: kind.en });
  else if (claimant && coBuilding.organizationId !== claimant.organization) problems.add('coBuildingId', UserErrorCode.INVALID, 'NEED_CLAIM_CO_BUILDING_OTHER_ORGANIZATION');
  else return localId;
  return null;
}

/**
 * Who may claim a need for a claimant, or withdraw a claim: the operator of the need's region and
 * administrators. A caller who may not read the need is told it does not exist.
 */
function claimCheck(ctx: Context, problems: Problems): (need: Need) => Promise<boolean> {
  return async (need) => {
    if (ctx.principal.kind !== 'anonymous' && !mayReadNeed(ctx, need)) {
      problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: NEED.zh, kind: NEED.en });
      return false;
    }
    const region = await ctx.loaders.regionById.load(need.region.id);
    return checkCan(ctx, problems, Action.HANDLE_NEED, { regionPath: region?.path });
  };
}

/** The need's active claim, if any (the need is locked by the caller). */
function activeClaimOf(em: EntityManager, needId: string): Promise<NeedClaim | null> {
  return em.findOne(NeedClaim, { need: needId, state: NeedClaimState.ACTIVE });
}

function timelineNote(prefix: string, note: string | null): string {
  return [...(note ? `${prefix}：${note}` : prefix)].slice(0, NOTE_MAX).join('');
}

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<NeedClaimPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { claim: null, userErrors };
  const [claim] = await claimsByIds(ctx.db, [id]);
  return { claim, userErrors };
}

/**
 * 认领 Claims a listed need for one claimant: LISTED → CLAIMED through the need's transition
 * (recorded in its timeline, naming the claimant unless it is a person), and the claim recorded,
 * in one unit of work. The need is locked first, so of two concurrent claims the second sees the
 * first and is told the need is already claimed; the partial unique index on active claims is the
 * database's own guard behind that check.
 */
export async function claimNeed(ctx: Context, input: ClaimNeedInput): Promise<NeedClaimPayload> {
  const problems = new Problems(ctx.locale);
  const needId = localIdOf(input.needId, 'Need');
  if (!needId) problems.invalidId('needId', NEED);
  const claimant = await resolveClaimant(ctx, problems, input);
  const coBuildingId = await resolveCoBuilding(ctx, problems, input.coBuildingId, claimant);
  const note = checkText(problems, 'note', blankToNull(input.note), NOTE_MAX, NOTE) ?? null;
  if (problems.any || !needId || !claimant) return { claim: null, userErrors: problems.errors };
  const authorize = claimCheck(ctx, problems);
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const locked = await em.findOne(Need, { id: needId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!locked) {
        problems.add('needId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: NEED.zh, kind: NEED.en });
        throw new UserErrorsException(problems.errors);
      }
      if (!(await authorize(locked))) problems.throwIfAny();
      if (locked.state === NeedState.CLAIMED || (await activeClaimOf(em, needId))) {
        problems.add('needId', UserErrorCode.CONFLICT, 'NEED_ALREADY_CLAIMED');
        problems.throwIfAny();
      }
      if (coBuildingId && locked.kind !== NeedKind.CO_BUILDING_PROJECT) {
        problems.add('coBuildingId', UserErrorCode.INVALID, 'NEED_CLAIM_CO_BUILDING_PROJECTS_ONLY');
        problems.throwIfAny();
      }
      const need = await applyNeedTransition(ctx, em, problems, {
        needId,
        version: input.version,
        to: NeedState.CLAIMED,
        route: 'CLAIM',
        note: timelineNote(`认领：${claimant.label}`, note),
        authorize: async () => true,
      });
      const claim = em.create(NeedClaim, {
        id: randomUUID(),
        need,
        organization: claimant.organization ? em.getReference(Organization, claimant.organization) : null,
        person: claimant.person ? em.getReference(Person, claimant.person) : null,
        volunteerTeam: claimant.volunteerTeam ? em.getReference(VolunteerTeam, claimant.volunteerTeam) : null,
        coBuilding: coBuildingId ? em.getReference(CoBuilding, coBuildingId) : null,
        state: NeedClaimState.ACTIVE,
        claimedAt: new Date(),
        note,
      });
      try {
        await em.flush();
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        problems.add('needId', UserErrorCode.CONFLICT, 'NEED_ALREADY_CLAIMED');
        problems.throwIfAny();
      }
      return claim.id;
    }),
  );
}

/**
 * 撤回认领 Withdraws an active claim with a reason: the need goes back to LISTED through its
 * transition (CLAIMED or IN_PROGRESS → LISTED, recorded with the reason), in one unit of work.
 * The claim's version is the caller's guard; the need is locked before the claim, as everywhere.
 */
export async function withdrawNeedClaim(ctx: Context, input: WithdrawNeedClaimInput): Promise<NeedClaimPayload> {
  const problems = new Problems(ctx.locale);
  const claimId = localIdOf(input.id, 'NeedClaim');
  if (!claimId) problems.invalidId('id', CLAIM);
  const reason = checkText(problems, 'reason', input.reason, NOTE_MAX, REASON);
  problems.checkVersion(input.version);
  if (problems.any || !claimId || !reason) return { claim: null, userErrors: problems.errors };
  const authorize = claimCheck(ctx, problems);
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const [found] = await claimsByIds(ctx.db, [claimId]);
      const need = found ? await em.findOne(Need, { id: found.needId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!found || !need) {
        problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: CLAIM.zh, kind: CLAIM.en });
        throw new UserErrorsException(problems.errors);
      }
      if (!(await authorize(need))) problems.throwIfAny();
      const claim = await em.findOneOrFail(NeedClaim, { id: claimId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (claim.version !== input.version) problems.conflict('version', CLAIM, input.version, claim.version);
      else if (claim.state !== NeedClaimState.ACTIVE) {
        problems.add('id', UserErrorCode.INVALID_TRANSITION, 'NEED_CLAIM_NOT_ACTIVE', { stateZh: CLAIM_STATE_NAMES_ZH[claim.state], state: claim.state });
      }
      problems.throwIfAny();
      await applyNeedTransition(ctx, em, problems, {
        needId: need.id,
        version: need.version,
        to: NeedState.LISTED,
        route: 'CLAIM',
        note: timelineNote('撤回认领', reason),
        authorize: async () => true,
      });
      claim.state = NeedClaimState.WITHDRAWN;
      claim.withdrawnAt = new Date();
      claim.withdrawalReason = reason;
      return claim.id;
    }),
  );
}

/** A need resolved under a claim completes the claim, in the unit of work that resolves it. */
onNeedTransition(async (_ctx, em, need, _from, to) => {
  if (to !== NeedState.RESOLVED) return;
  const claim = await activeClaimOf(em, need.id);
  if (!claim) return;
  claim.state = NeedClaimState.COMPLETED;
  claim.completedAt = new Date();
});
