import { randomInt, randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { Action, can, checkCan } from '../../auth/permissions';
import { hasRole } from '../../auth/principal';
import { Role } from '../../auth/roles';
import { toDate } from '../../db/sql';
import { translate } from '../../i18n/messages';
import { isInsideChina, toWgs84 } from '../../geo/coordinates';
import type { GeoPointInput } from '../../geo/geo.types';
import type { Context } from '../../graphql/context';
import { UserErrorCode, UserErrorsException } from '../../graphql/errors';
import { checkText, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { localIdOf } from '../../graphql/relay';
import { write } from '../../graphql/unit-of-work';
import { actorOf } from '../audit/change-recorder';
import { blankToNull, resolveOpenStation } from '../co-building/co-building.service';
import { resolveActiveDepartment } from '../department/department.service';
import { Department } from '../department/department.entity';
import type { DepartmentRecord } from '../department/department.types';
import { normalisePhone } from '../person/phone';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-level';
import type { RegionRecord } from '../region/region.types';
import type { Station } from '../station/station.entity';
import { acceptsNotes, isAllowedTransition, isSatisfaction, NEED_TRANSITIONS, nextStates, requirementsOf, type TransitionRoute } from './need-rules';
import { Need, NeedTransition } from './need.entity';
import { NEED_STATE_NAMES_ZH, NeedChannel, NeedKind, NeedState, type NeedCategory } from './need.enums';
import type { AddNeedNoteInput, CreateNeedInput, ReferNeedInput, SubmitNeedInput, TransitionNeedInput } from './need.inputs';
import { needsByIds, needStatusByReceipt } from './need.reader';
import type { NeedPayload, NeedStatus, SubmitNeedResult } from './need.types';

export const NEED: RecordKind = { zh: '需求', en: 'need' };
const TEXT: RecordKind = { zh: '诉求内容', en: 'need text' };
const NOTE: RecordKind = { zh: '备注', en: 'note' };
const RESIDENT_NAME: RecordKind = { zh: '居民姓名', en: "resident's name" };
const REJECTION_REASON: RecordKind = { zh: '不予受理理由', en: 'reason for rejecting it' };
const RESOLUTION: RecordKind = { zh: '解决情况', en: 'resolution' };
const COMMENT: RecordKind = { zh: '居民评价', en: "resident's comment" };
export const TEXT_MAX = 2000;
export const NOTE_MAX = 500;
export const MAX_PHOTOS = 9;
const PHOTO_URL_MAX = 500;
/** Receipt codes: 12 characters without the look-alikes 0/O, 1/I (about 60 bits: not guessable within any rate budget). */
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const RECEIPT_LENGTH = 12;
const RECEIPT_CODE = new RegExp(`^[${RECEIPT_ALPHABET}]{${RECEIPT_LENGTH}}$`);
/** Levels a need may belong to when it names no station. */
const NEED_REGION_LEVELS: readonly RegionLevel[] = [RegionLevel.COMMUNITY, RegionLevel.STREET];

function newReceiptCode(): string {
  return Array.from({ length: RECEIPT_LENGTH }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
}

/** A receipt code as a resident may type it (spaces, lower case), or null when it cannot be one. */
export function normaliseReceiptCode(raw: string): string | null {
  const code = raw.replace(/[\s-]+/g, '').toUpperCase();
  return RECEIPT_CODE.test(code) ? code : null;
}

function checkLocation(problems: Problems, location: GeoPointInput | null | undefined): { lat: number; lng: number } | null {
  if (!location) return null;
  const given = { lat: location.latitude, lng: location.longitude };
  if (!isInsideChina(given)) {
    problems.add('location', UserErrorCode.OUT_OF_BOUNDS, 'COORDINATES_OUT_OF_CHINA', { lat: location.latitude, lng: location.longitude });
    return null;
  }
  return toWgs84(given, location.coordinateSystem);
}

/** Photo URLs: https only, no credentials, at most MAX_PHOTOS. */
function checkPhotos(problems: Problems, urls: readonly string[] | null | undefined): string[] {
  const photos = (urls ?? []).map((url) => url.trim());
  if (photos.length > MAX_PHOTOS) problems.add('photoUrls', UserErrorCode.INVALID, 'NEED_PHOTOS_TOO_MANY', { max: MAX_PHOTOS });
  photos.forEach((url, index) => {
    let valid = url.length <= PHOTO_URL_MAX;
    try {
      const parsed = new URL(url);
      valid &&= parsed.protocol === 'https:' && !parsed.username && !parsed.password && !!parsed.hostname;
    } catch {
      valid = false;
    }
    if (!valid) problems.add(`photoUrls.${index}`, UserErrorCode.INVALID, 'NEED_PHOTO_URL_INVALID', { position: index + 1, max: PHOTO_URL_MAX });
  });
  return photos;
}

function checkResident(problems: Problems, name: string | null | undefined, phone: string | null | undefined): { name: string | null; phone: string | null } {
  const checkedName = checkText(problems, 'residentName', blankToNull(name), 50, RESIDENT_NAME) ?? null;
  const givenPhone = blankToNull(phone);
  let checkedPhone: string | null = null;
  if (givenPhone != null) {
    checkedPhone = normalisePhone(givenPhone);
    if (!checkedPhone) problems.add('residentPhone', UserErrorCode.INVALID, 'PHONE_INVALID');
  }
  return { name: checkedName, phone: checkedPhone };
}

/**
 * Where a need belongs: a station (not archived) and its community, or a community or street by
 * code; at least one. With both, the region must be the station's.
 */
async function resolvePlace(
  ctx: Context,
  problems: Problems,
  stationId: string | null | undefined,
  regionCode: string | null | undefined,
): Promise<{ station: Station | null; region: RegionRecord | null }> {
  const code = blankToNull(regionCode)?.trim() ?? null;
  if (!stationId && !code) {
    problems.add('stationId', UserErrorCode.REQUIRED, 'NEED_PLACE_REQUIRED');
    return { station: null, region: null };
  }
  if (stationId) {
    const station = await resolveOpenStation(ctx, problems, 'stationId', stationId, NEED);
    if (!station) return { station: null, region: null };
    const region = await ctx.loaders.regionById.load(station.region.id);
    if (code && region && code !== region.code) problems.add('regionCode', UserErrorCode.INVALID, 'NEED_REGION_NOT_STATIONS', { code, stationRegion: region.code });
    return { station, region };
  }
  const region = await ctx.loaders.regionByCode.load(code!);
  if (!region) problems.add('regionCode', UserErrorCode.NOT_FOUND, 'REGION_NOT_FOUND', { code: code! });
  else if (!NEED_REGION_LEVELS.includes(region.level)) problems.add('regionCode', UserErrorCode.INVALID, 'NEED_REGION_LEVEL', { name: region.name, code: region.code });
  else return { station: null, region };
  return { station: null, region: null };
}

/** The timeline's record of who moved a need: an API client's or user's name, nothing for anonymous callers. */
function timelineActor(ctx: Context): { actorKind: string; actorName: string | null } {
  const actor = actorOf(ctx.principal, ctx.requestId, ctx.unit?.mutation ?? '');
  return { actorKind: actor.kind, actorName: actor.name ? [...actor.name].slice(0, 100).join('') : null };
}

/** Creates a need and the first entry of its timeline (SUBMITTED), inside the caller's unit of work. */
async function insertNeed(
  ctx: Context,
  em: EntityManager,
  values: {
    kind: NeedKind;
    channel: NeedChannel;
    category: NeedCategory;
    station: Station | null;
    region: RegionRecord;
    text: string;
    location: { lat: number; lng: number } | null;
    photoUrls: string[];
    resident: { name: string | null; phone: string | null };
    deadline: Date | null;
    note: string | null;
  },
): Promise<Need> {
  const need = em.create(Need, {
    id: randomUUID(),
    kind: values.kind,
    channel: values.channel,
    category: values.category,
    state: NeedState.SUBMITTED,
    station: values.station,
    region: em.getReference(Region, values.region.dbId),
    text: values.text,
    lat: values.location?.lat ?? null,
    lng: values.location?.lng ?? null,
    photoUrls: values.photoUrls,
    residentName: values.resident.name,
    residentPhone: values.resident.phone,
    deadline: values.deadline,
    receiptCode: newReceiptCode(),
  });
  em.create(NeedTransition, {
    id: randomUUID(),
    need,
    sequence: 1,
    fromState: null,
    toState: NeedState.SUBMITTED,
    note: values.note,
    occurredAt: new Date(),
    ...timelineActor(ctx),
  });
  await em.flush();
  return need;
}

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<NeedPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { need: null, userErrors };
  const [need] = await needsByIds(ctx.db, [id]);
  return { need, userErrors };
}

/** Records a need collected by a station, a community, a patrol or the hotline (operators of its region, administrators). */
export async function createNeed(ctx: Context, input: CreateNeedInput): Promise<NeedPayload> {
  const problems = new Problems(ctx.locale);
  if (ctx.principal.kind === 'anonymous') {
    problems.add('kind', UserErrorCode.FORBIDDEN, 'NEED_NOT_SUBMITTED_ANONYMOUSLY');
    return { need: null, userErrors: problems.errors };
  }
  const { station, region } = await resolvePlace(ctx, problems, input.stationId, input.regionCode);
  if (region && !checkCan(ctx, problems, Action.HANDLE_NEED, { regionPath: region.path }, input.stationId ? 'stationId' : 'regionCode')) {
    return { need: null, userErrors: problems.errors };
  }
  const text = checkText(problems, 'text', input.text, TEXT_MAX, TEXT);
  const location = checkLocation(problems, input.location);
  const photoUrls = checkPhotos(problems, input.photoUrls);
  const resident = checkResident(problems, input.residentName, input.residentPhone);
  const note = checkText(problems, 'note', blankToNull(input.note), NOTE_MAX, NOTE) ?? null;
  if (problems.any || !region) return { need: null, userErrors: problems.errors };
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const need = await insertNeed(ctx, em, {
        kind: input.kind,
        channel: input.channel,
        category: input.category,
        station,
        region,
        text: text!,
        location,
        photoUrls,
        resident,
        deadline: input.deadline ?? null,
        note,
      });
      return need.id;
    }),
  );
}

/** What a receipt code shows: nothing personal, no text, no actors or notes. */
export async function needStatus(ctx: Context, receiptCode: string): Promise<NeedStatus | null> {
  const code = normaliseReceiptCode(receiptCode);
  if (!code) return null;
  const row = await needStatusByReceipt(ctx.db, code);
  if (!row) return null;
  return {
    receiptCode: row.receipt_code,
    state: row.state,
    kind: row.kind as NeedKind,
    category: row.category as NeedCategory,
    submittedAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    timeline: row.steps.map((step) => ({ state: step.state, at: toDate(step.at) })),
  };
}

/**
 * A resident's need, submitted by anyone (anonymous callers included, within their address's
 * rate budget) through the online channel; the answer is its receipt code and public status.
 */
export async function submitNeed(ctx: Context, input: SubmitNeedInput): Promise<SubmitNeedResult> {
  const problems = new Problems(ctx.locale);
  const { station, region } = await resolvePlace(ctx, problems, input.stationId, input.regionCode);
  const text = checkText(problems, 'text', input.text, TEXT_MAX, TEXT);
  const location = checkLocation(problems, input.location);
  const photoUrls = checkPhotos(problems, input.photoUrls);
  const resident = checkResident(problems, input.residentName, input.residentPhone);
  if (problems.any || !region) return { status: null, userErrors: problems.errors };
  const { value: receiptCode, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      const need = await insertNeed(ctx, em, {
        kind: NeedKind.RESIDENT_NEED,
        channel: NeedChannel.ONLINE,
        category: input.category,
        station,
        region,
        text: text!,
        location,
        photoUrls,
        resident,
        deadline: null,
        note: null,
      });
      return need.receiptCode;
    }),
  );
  if (receiptCode === null) return { status: null, userErrors };
  return { status: await needStatus(ctx, receiptCode), userErrors };
}

/** A move of a need, as the caller asks for it (see applyNeedTransition). */
export interface NeedTransitionRequest {
  /** The need's local id. */
  needId: string;
  /** The version the caller read. */
  version: number;
  to: NeedState;
  route: TransitionRoute;
  note?: string | null;
  rejectionReason?: string | null;
  resolution?: string | null;
  satisfaction?: number | null;
  satisfactionComment?: string | null;
  /** REFERRAL: the department it is handed to. */
  department?: DepartmentRecord | null;
  /** A deadline to set with the move (限期整改); left as it is when omitted. */
  deadline?: Date | null;
  /**
   * Whether the caller may make this move on the need as locked; adds the user error and returns
   * false when not. Checked before the version, so a caller learns nothing about a need it may not see.
   */
  authorize: (need: Need) => Promise<boolean>;
}

function refuseTransition(problems: Problems, from: NeedState, to: NeedState, route: TransitionRoute): void {
  const other = NEED_TRANSITIONS.find((rule) => rule.from === from && rule.to === to && rule.route !== route);
  if (other?.route === 'CLAIM') {
    problems.add('to', UserErrorCode.INVALID_TRANSITION, 'NEED_TRANSITION_ONLY_BY_CLAIM', { stateZh: NEED_STATE_NAMES_ZH[from], state: from, toZh: NEED_STATE_NAMES_ZH[to], to });
    return;
  }
  if (other?.route === 'REFERRAL') {
    problems.add('to', UserErrorCode.INVALID_TRANSITION, 'NEED_REFER_WITH_REFER_NEED', { stateZh: NEED_STATE_NAMES_ZH[from], state: from });
    return;
  }
  const next = nextStates(from, route);
  const statesZh = next.map((state) => `“${NEED_STATE_NAMES_ZH[state]}”（${state}）`).join('、');
  const nextZh = next.length ? translate('zh', 'NEED_NEXT_STATES', { statesZh }) : translate('zh', 'NEED_NO_NEXT_STATES', { state: from });
  const nextEn = next.length ? translate('en', 'NEED_NEXT_STATES', { state: from, states: next.join(', ') }) : translate('en', 'NEED_NO_NEXT_STATES', { state: from });
  problems.add('to', UserErrorCode.INVALID_TRANSITION, 'NEED_TRANSITION_NOT_ALLOWED', {
    stateZh: NEED_STATE_NAMES_ZH[from],
    state: from,
    toZh: NEED_STATE_NAMES_ZH[to],
    to,
    nextZh,
    next: nextEn,
  });
}

/**
 * What else moves with a need, inside the same unit of work: called after each transition is
 * applied (the claims module completes the active claim when its need is resolved).
 */
export type NeedTransitionHook = (ctx: Context, em: EntityManager, need: Need, from: NeedState, to: NeedState) => Promise<void>;
const transitionHooks: NeedTransitionHook[] = [];

/** Adds a hook run after every transition of a need (modules call it once, when loaded). */
export function onNeedTransition(hook: NeedTransitionHook): void {
  transitionHooks.push(hook);
}

/**
 * 状态变更 Moves a need along its workflow inside the caller's unit of work (its `write`): locks
 * the need, checks the caller (request.authorize), the version it read, the move against the
 * transition table (need-rules.ts) and what the move must bring along, applies it and records
 * it in the timeline. Any refusal is a user error that rolls the unit back, so nothing changes.
 * The claims mutations call it with route CLAIM (LISTED → CLAIMED, and back to LISTED when a
 * claim is withdrawn).
 */
export async function applyNeedTransition(ctx: Context, em: EntityManager, problems: Problems, request: NeedTransitionRequest): Promise<Need> {
  const need = await lockNeed(em, problems, request.needId, request.version, request.authorize);
  const from = need.state;
  const { to, route } = request;
  if (!isAllowedTransition(from, to, route)) {
    refuseTransition(problems, from, to, route);
    problems.throwIfAny();
  }
  const note = checkText(problems, 'note', blankToNull(request.note), NOTE_MAX, NOTE) ?? null;
  for (const requirement of requirementsOf(to, route)) {
    if (requirement === 'REJECTION_REASON') {
      const reason = checkText(problems, 'rejectionReason', blankToNull(request.rejectionReason) ?? '', 500, REJECTION_REASON);
      if (reason) need.rejectionReason = reason;
    } else if (requirement === 'RESOLUTION') {
      const resolution = checkText(problems, 'resolution', blankToNull(request.resolution) ?? '', TEXT_MAX, RESOLUTION);
      if (resolution) need.resolution = resolution;
    } else if (requirement === 'SATISFACTION') {
      if (request.satisfaction == null) problems.add('satisfaction', UserErrorCode.REQUIRED, 'NEED_SATISFACTION_REQUIRED');
      else if (!isSatisfaction(request.satisfaction)) problems.add('satisfaction', UserErrorCode.INVALID, 'NEED_SATISFACTION_INVALID', { given: request.satisfaction });
      else need.satisfaction = request.satisfaction;
      need.satisfactionComment = checkText(problems, 'satisfactionComment', blankToNull(request.satisfactionComment), 500, COMMENT) ?? null;
    } else if (requirement === 'DEPARTMENT') {
      if (!request.department) throw new Error('A referral needs the department it is referred to');
      need.referredDepartment = em.getReference(Department, request.department.dbId);
    }
  }
  problems.throwIfAny();
  if (request.deadline !== undefined) need.deadline = request.deadline;
  need.state = to;
  const sequence = await nextSequence(em, need);
  em.create(NeedTransition, { id: randomUUID(), need, sequence, fromState: from, toState: to, note, occurredAt: new Date(), ...timelineActor(ctx) });
  for (const hook of transitionHooks) await hook(ctx, em, need, from, to);
  return need;
}

/**
 * Locks a need for a change by the caller: NOT_FOUND when there is none, the caller's refusal
 * (authorize) before the version is compared, then CONFLICT on a stale version. Throws the user
 * errors, rolling the unit of work back.
 */
async function lockNeed(em: EntityManager, problems: Problems, needId: string, version: number, authorize: (need: Need) => Promise<boolean>): Promise<Need> {
  if (!problems.checkVersion(version)) problems.throwIfAny();
  const need = await em.findOne(Need, { id: needId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!need) {
    problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: NEED.zh, kind: NEED.en });
    throw new UserErrorsException(problems.errors);
  }
  if (!(await authorize(need))) problems.throwIfAny();
  if (need.version !== version) problems.conflict('version', NEED, version, need.version);
  problems.throwIfAny();
  return need;
}

/** The next position in a need's timeline (the need is locked, so no other writer takes it). */
async function nextSequence(em: EntityManager, need: Need): Promise<number> {
  return (await em.count(NeedTransition, { need: need.id })) + 1;
}

/** Whether a caller may read a need at all (node, lists): see needReadScope. */
export function mayReadNeed(ctx: Context, need: Need): boolean {
  const { principal } = ctx;
  if (hasRole(principal, Role.ADMIN) || hasRole(principal, Role.REGION_OPERATOR) || hasRole(principal, Role.ANALYST)) return true;
  return hasRole(principal, Role.DEPARTMENT_PARTNER) && principal.kind !== 'anonymous' && !!principal.departmentId && need.referredDepartment?.id === principal.departmentId;
}

/**
 * Who may move a need by `route` to `to` (or note its progress): the operator of its region (and
 * administrators) any move; the department it is referred to only IN_PROGRESS → RESOLVED, and
 * notes. A caller who may not read the need is told it does not exist.
 */
function handlerCheck(ctx: Context, problems: Problems, to: NeedState | null, route: TransitionRoute | 'NOTE'): (need: Need) => Promise<boolean> {
  return async (need) => {
    if (!mayReadNeed(ctx, need)) {
      if (ctx.principal.kind === 'anonymous') return checkCan(ctx, problems, Action.HANDLE_NEED, null);
      problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: NEED.zh, kind: NEED.en });
      return false;
    }
    const region = await ctx.loaders.regionById.load(need.region.id);
    if (can(ctx.principal, Action.HANDLE_NEED, { regionPath: region?.path })) return true;
    const departmentId = need.referredDepartment?.id ?? null;
    if (departmentId && can(ctx.principal, Action.RESOLVE_REFERRED_NEED, { departmentId })) {
      if (route === 'NOTE' || (route === 'WORKFLOW' && need.state === NeedState.IN_PROGRESS && to === NeedState.RESOLVED)) return true;
      problems.add('to', UserErrorCode.FORBIDDEN, 'NEED_PARTNER_RESOLVES_ONLY');
      return false;
    }
    return checkCan(ctx, problems, Action.HANDLE_NEED, { regionPath: region?.path });
  };
}

function needIdOf(problems: Problems, id: string): string | null {
  const localId = localIdOf(id, 'Need');
  if (!localId) problems.invalidId('id', NEED);
  return localId;
}

/** Moves a need along the main line of its workflow (transitionNeed). */
export async function transitionNeed(ctx: Context, input: TransitionNeedInput): Promise<NeedPayload> {
  const problems = new Problems(ctx.locale);
  const needId = needIdOf(problems, input.id);
  if (!needId) return { need: null, userErrors: problems.errors };
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const need = await applyNeedTransition(ctx, em, problems, {
        needId,
        version: input.version,
        to: input.to,
        route: 'WORKFLOW',
        note: input.note,
        rejectionReason: input.rejectionReason,
        resolution: input.resolution,
        satisfaction: input.satisfaction,
        satisfactionComment: input.satisfactionComment,
        authorize: handlerCheck(ctx, problems, input.to, 'WORKFLOW'),
      });
      return need.id;
    }),
  );
}

/** Refers a need to a department, which then handles it (SUBMITTED/ON_AGENDA → IN_PROGRESS). */
export async function referNeed(ctx: Context, input: ReferNeedInput): Promise<NeedPayload> {
  const problems = new Problems(ctx.locale);
  const needId = needIdOf(problems, input.id);
  if (!needId) return { need: null, userErrors: problems.errors };
  const department = await resolveActiveDepartment(ctx, problems, 'departmentCode', input.departmentCode);
  if (!department) return { need: null, userErrors: problems.errors };
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const need = await applyNeedTransition(ctx, em, problems, {
        needId,
        version: input.version,
        to: NeedState.IN_PROGRESS,
        route: 'REFERRAL',
        note: input.note,
        department,
        deadline: input.deadline ?? undefined,
        authorize: handlerCheck(ctx, problems, NeedState.IN_PROGRESS, 'REFERRAL'),
      });
      return need.id;
    }),
  );
}

/**
 * Notes a need's progress (办理进展) in its timeline without moving it: the operator of its region,
 * or the department it is referred to. The need's version moves on, as for any change.
 */
export async function addNeedNote(ctx: Context, input: AddNeedNoteInput): Promise<NeedPayload> {
  const problems = new Problems(ctx.locale);
  const needId = needIdOf(problems, input.id);
  const note = checkText(problems, 'note', input.note, NOTE_MAX, NOTE);
  if (!needId || problems.any) return { need: null, userErrors: problems.errors };
  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const need = await lockNeed(em, problems, needId, input.version, handlerCheck(ctx, problems, null, 'NOTE'));
      if (!acceptsNotes(need.state)) {
        problems.add('id', UserErrorCode.INVALID_TRANSITION, 'NEED_NOTE_NOT_ACCEPTED', { stateZh: NEED_STATE_NAMES_ZH[need.state], state: need.state });
        problems.throwIfAny();
      }
      need.updatedAt = new Date();
      const sequence = await nextSequence(em, need);
      em.create(NeedTransition, { id: randomUUID(), need, sequence, fromState: need.state, toState: need.state, note, occurredAt: new Date(), ...timelineActor(ctx) });
      return need.id;
    }),
  );
}
