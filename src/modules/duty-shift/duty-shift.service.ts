import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toDate, toTextArrayLiteral } from '../../db/sql';
import { Action, checkCanAtStation } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode, type UserError } from '../../graphql/errors';
import { lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { savepoint, write } from '../../graphql/unit-of-work';
import { localIdOf } from '../../graphql/relay';
import { Organization } from '../organization/organization.entity';
import type { OrganizationRecord } from '../organization/organization.types';
import { Person } from '../person/person.entity';
import { ORGANIZATION, PERSON, personNameForMessage, personNameForMessageIn, resolveOrganizationRef, resolvePersonRef } from '../person/person.service';
import { Station } from '../station/station.entity';
import { StationStatus } from '../station/station.enums';
import type { StationRecord } from '../station/station.types';
import { chinaSpan, checkShiftSpan, findRosterClashes, MAX_ROSTER_SHIFTS, MAX_SHIFT_HOURS, SHIFT_NOTE_MAX } from './duty-shift-rules';
import { DutyShift } from './duty-shift.entity';
import { DutyShiftKind, SHIFT_KIND_NAMES_ZH } from './duty-shift.enums';
import type { CreateDutyShiftInput, DeleteDutyShiftInput, RosterShiftInput, ScheduleDutyShiftsInput, UpdateDutyShiftInput } from './duty-shift.inputs';
import { dutyShiftsByIds } from './duty-shift.reader';
import type { DutyShiftPayload, DutyShiftRecord } from './duty-shift.types';

export const DUTY_SHIFT: RecordKind = { zh: '值班', en: 'shift' };
/** SQLSTATE of an exclusion-constraint violation (duty_shift_person_no_overlap); MikroORM has no class for it. */
const EXCLUSION_VIOLATION = '23P01';

/** A person about to be on duty: their ID and their name as the caller may see it. */
interface ShiftPerson {
  dbId: string;
  shownName: string;
}

/** A shift checked field by field, waiting for the checks that need the transaction. */
interface ShiftDraft {
  /** Field path prefix of its input, e.g. "" or "shifts.3.". */
  prefix: string;
  index: number;
  /** The person on duty, with their name as the caller may see it (masked for another region's operator): messages quote it. */
  person: ShiftPerson | null;
  organization: { dbId: string } | null;
  /** Whether the person must still be active (not so for the person already on a shift being changed). */
  newAssignee: boolean;
  startsAt: Date;
  endsAt: Date;
  kind: DutyShiftKind;
  note: string | null;
}

/**
 * The station an input names: it exists, is not archived and not closed. Read without a lock so
 * that the caller's right to roster it is decided first; lockForShifts locks it and checks again.
 */
export async function resolveDutyStation(ctx: Context, problems: Problems, id: string): Promise<StationRecord | undefined> {
  const localId = localIdOf(id, 'Station');
  const station = localId ? await ctx.loaders.stationById.load(localId) : null;
  if (!localId) problems.add('stationId', UserErrorCode.INVALID, 'STATION_ID_INVALID');
  else if (!station) problems.add('stationId', UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
  else if (station.archivedAt) problems.add('stationId', UserErrorCode.ARCHIVED, 'ARCHIVED');
  else if (station.status === StationStatus.CLOSED) problems.add('stationId', UserErrorCode.INVALID, 'SHIFT_STATION_CLOSED', { name: station.name });
  else return station;
  return undefined;
}

function checkSpan(problems: Problems, prefix: string, startsAt: Date, endsAt: Date): boolean {
  const problem = checkShiftSpan(startsAt, endsAt);
  if (problem === 'ENDS_NOT_AFTER_START') problems.add(`${prefix}endsAt`, UserErrorCode.INVALID, 'SHIFT_ENDS_BEFORE_START');
  if (problem === 'TOO_LONG') problems.add(`${prefix}endsAt`, UserErrorCode.INVALID, 'SHIFT_TOO_LONG', { hours: MAX_SHIFT_HOURS });
  return problem === null;
}

function checkNote(problems: Problems, prefix: string, note: string | null | undefined): string | null | undefined {
  if (note === undefined) return undefined;
  const trimmed = note?.trim() || null;
  if (trimmed && [...trimmed].length > SHIFT_NOTE_MAX) {
    problems.add(`${prefix}note`, UserErrorCode.TOO_LONG, 'TEXT_TOO_LONG', { labelZh: '值班备注', label: 'shift note', max: SHIFT_NOTE_MAX });
  }
  return trimmed;
}

/** Exactly one of person and organization, existing and active. */
async function resolveAssignee(
  ctx: Context,
  problems: Problems,
  prefix: string,
  personId: string | null | undefined,
  organizationId: string | null | undefined,
): Promise<{ person: ShiftPerson | null; organization: OrganizationRecord | null } | undefined> {
  if (personId == null && organizationId == null) {
    problems.add(`${prefix}personId`, UserErrorCode.REQUIRED, 'SHIFT_ASSIGNEE_REQUIRED');
    return undefined;
  }
  if (personId != null && organizationId != null) {
    problems.add(`${prefix}organizationId`, UserErrorCode.INVALID, 'SHIFT_ASSIGNEE_BOTH');
    return undefined;
  }
  if (personId != null) {
    const person = await resolvePersonRef(ctx, problems, `${prefix}personId`, personId);
    if (!person) return undefined;
    const shownName = await personNameForMessage(ctx, person);
    if (!person.active) {
      problems.add(`${prefix}personId`, UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: PERSON.zh, kind: PERSON.en, name: shownName });
      return undefined;
    }
    return { person: { dbId: person.dbId, shownName }, organization: null };
  }
  const organization = await resolveOrganizationRef(ctx, problems, `${prefix}organizationId`, organizationId);
  if (organization && !organization.active) {
    problems.add(`${prefix}organizationId`, UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en, name: organization.name });
  }
  return organization?.active ? { person: null, organization } : undefined;
}

/** Checks one new shift's own fields; the checks against other shifts follow once the people are locked (lockForShifts). */
async function draftShift(ctx: Context, problems: Problems, prefix: string, index: number, input: RosterShiftInput): Promise<ShiftDraft | undefined> {
  const before = problems.errors.length;
  const assignee = await resolveAssignee(ctx, problems, prefix, input.personId, input.organizationId);
  checkSpan(problems, prefix, input.startsAt, input.endsAt);
  const note = checkNote(problems, prefix, input.note);
  if (problems.errors.length > before || !assignee) return undefined;
  return { prefix, index, ...assignee, newAssignee: true, startsAt: input.startsAt, endsAt: input.endsAt, kind: input.kind, note: note ?? null };
}

/**
 * Locks the station (shared, so it cannot be archived or closed meanwhile) and the people on the
 * drafts (exclusive, in id order, so that two rosters for the same person run one after the other
 * and the second sees the first's shifts), and checks them again under those locks.
 */
async function lockForShifts(em: EntityManager, problems: Problems, stationId: string, drafts: readonly ShiftDraft[]): Promise<{ name: string }> {
  const [station] = await em.execute<{ name: string; status: StationStatus; archived_at: string | null }[]>(
    'select name, status, archived_at from station where id = ? for share',
    [stationId],
  );
  if (!station) problems.add('stationId', UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
  else if (station.archived_at) problems.add('stationId', UserErrorCode.ARCHIVED, 'ARCHIVED');
  else if (station.status === StationStatus.CLOSED) problems.add('stationId', UserErrorCode.INVALID, 'SHIFT_STATION_CLOSED', { name: station.name });
  const personIds = [...new Set(drafts.flatMap((draft) => (draft.person ? [draft.person.dbId] : [])))];
  if (personIds.length) {
    const rows = await em.execute<{ id: string; active: boolean }[]>('select id, active from person where id = any(?::uuid[]) order by id for update', [
      toTextArrayLiteral(personIds),
    ]);
    const active = new Set(rows.filter((row) => row.active).map((row) => row.id));
    for (const draft of drafts) {
      if (draft.person && draft.newAssignee && !active.has(draft.person.dbId)) {
        problems.add(`${draft.prefix}personId`, UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: PERSON.zh, kind: PERSON.en, name: draft.person.shownName });
      }
    }
  }
  problems.throwIfAny();
  return station;
}

/**
 * Adds a user error for every draft that would give its person two shifts at once, naming the
 * clash: another shift already stored, or an earlier entry of the same roster. The person is
 * named as the caller may see them; the clashing shift's station and time are what any signed-in
 * caller may read in dutyShifts.
 */
async function checkOverlaps(em: EntityManager, problems: Problems, drafts: readonly ShiftDraft[], excludeShiftId: string | null): Promise<void> {
  const personal = drafts.filter((draft) => draft.person);
  if (!personal.length) return;
  const clashes = await em.execute<{ draft_index: number; starts_at: string; ends_at: string; kind: DutyShiftKind; station_name: string }[]>(
    `select k.draft_index, d.starts_at, d.ends_at, d.kind, s.name as station_name
     from unnest(?::int[], ?::uuid[], ?::timestamptz[], ?::timestamptz[]) as k(draft_index, person_id, starts_at, ends_at)
     join duty_shift d on d.person_id = k.person_id and tstzrange(d.starts_at, d.ends_at) && tstzrange(k.starts_at, k.ends_at)
     join station s on s.id = d.station_id
     where d.id is distinct from ?::uuid
     order by k.draft_index, d.starts_at`,
    [
      toTextArrayLiteral(personal.map((draft) => draft.index)),
      toTextArrayLiteral(personal.map((draft) => draft.person!.dbId)),
      toTextArrayLiteral(personal.map((draft) => draft.startsAt.toISOString())),
      toTextArrayLiteral(personal.map((draft) => draft.endsAt.toISOString())),
      excludeShiftId,
    ],
  );
  const byIndex = new Map(drafts.map((draft) => [draft.index, draft]));
  const reported = new Set<number>();
  for (const clash of clashes) {
    const draft = byIndex.get(Number(clash.draft_index))!;
    if (reported.has(draft.index)) continue;
    reported.add(draft.index);
    problems.add(`${draft.prefix}startsAt`, UserErrorCode.INVALID, 'SHIFT_OVERLAP', {
      name: draft.person!.shownName,
      station: clash.station_name,
      kindZh: SHIFT_KIND_NAMES_ZH[clash.kind],
      kind: clash.kind,
      span: chinaSpan(toDate(clash.starts_at), toDate(clash.ends_at)),
    });
  }
  const rosterClashes = findRosterClashes(personal.map((draft) => ({ index: draft.index, personId: draft.person!.dbId, startsAt: draft.startsAt, endsAt: draft.endsAt })));
  for (const { index, clashesWith } of rosterClashes) {
    if (reported.has(index)) continue;
    reported.add(index);
    const draft = byIndex.get(index)!;
    const other = byIndex.get(clashesWith)!;
    problems.add(`${draft.prefix}startsAt`, UserErrorCode.INVALID, 'SHIFT_OVERLAP_IN_ROSTER', {
      name: draft.person!.shownName,
      ordinal: clashesWith + 1,
      span: chinaSpan(other.startsAt, other.endsAt),
    });
  }
}

/** Turns the database's own overlap refusal (a writer that bypassed the check) into a user error. */
async function catchOverlapRace<T>(problems: Problems, field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === EXCLUSION_VIOLATION) {
      problems.add(field, UserErrorCode.INVALID, 'SHIFT_OVERLAP_CONCURRENT');
      problems.throwIfAny();
    }
    throw error;
  }
}

/** Saves checked drafts of one station in one transaction; all of them, or none. */
async function saveShifts(
  ctx: Context,
  problems: Problems,
  station: StationRecord,
  drafts: ShiftDraft[],
  raceField: string,
): Promise<{ ids: string[] | null; userErrors: UserError[] }> {
  const { value, userErrors } = await withUserErrors(ctx, () =>
    catchOverlapRace(problems, raceField, () =>
      savepoint(ctx, async (em) => {
        await lockForShifts(em, problems, station.dbId, drafts);
        await checkOverlaps(em, problems, drafts, null);
        problems.throwIfAny();
        const shifts = drafts.map((draft) =>
          em.create(DutyShift, {
            id: randomUUID(),
            station: em.getReference(Station, station.dbId),
            person: draft.person ? em.getReference(Person, draft.person.dbId) : null,
            organization: draft.organization ? em.getReference(Organization, draft.organization.dbId) : null,
            startsAt: draft.startsAt,
            endsAt: draft.endsAt,
            kind: draft.kind,
            note: draft.note,
          }),
        );
        await em.flush();
        return shifts.map((shift) => shift.id);
      }),
    ),
  );
  return { ids: value, userErrors };
}

async function readShifts(ctx: Context, ids: string[]): Promise<DutyShiftRecord[]> {
  const byId = new Map((await dutyShiftsByIds(ctx.db, ids)).map((shift) => [shift.dbId, shift]));
  return ids.map((id) => byId.get(id)!);
}

/** Puts one person or organization on duty at a station. */
export async function createDutyShift(ctx: Context, input: CreateDutyShiftInput): Promise<DutyShiftPayload> {
  const problems = new Problems(ctx.locale);
  const station = await resolveDutyStation(ctx, problems, input.stationId);
  // The right to roster the station comes before the person is looked at: a refused caller learns nothing about them.
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_STAFF, station?.dbId, 'stationId'))) {
    return { dutyShift: null, userErrors: problems.errors };
  }
  const draft = await draftShift(ctx, problems, '', 0, input);
  if (problems.any) return { dutyShift: null, userErrors: problems.errors };
  const { ids, userErrors } = await saveShifts(ctx, problems, station!, [draft!], 'startsAt');
  return { dutyShift: ids ? (await readShifts(ctx, ids))[0] : null, userErrors };
}

/**
 * Adds a roster of up to MAX_ROSTER_SHIFTS shifts to one station in one transaction. Every entry
 * is checked and every problem reported, with the entry's index in the field path; nothing is
 * saved unless all entries pass.
 */
export async function scheduleDutyShifts(ctx: Context, input: ScheduleDutyShiftsInput): Promise<{ dutyShifts: DutyShiftRecord[] | null; userErrors: UserError[] }> {
  const problems = new Problems(ctx.locale);
  if (input.shifts.length === 0) problems.add('shifts', UserErrorCode.REQUIRED, 'ROSTER_EMPTY');
  if (input.shifts.length > MAX_ROSTER_SHIFTS) problems.add('shifts', UserErrorCode.INVALID, 'ROSTER_TOO_LARGE', { max: MAX_ROSTER_SHIFTS });
  if (problems.any) return { dutyShifts: null, userErrors: problems.errors };
  const station = await resolveDutyStation(ctx, problems, input.stationId);
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_STAFF, station?.dbId, 'stationId'))) {
    return { dutyShifts: null, userErrors: problems.errors };
  }
  const drafts = await Promise.all(input.shifts.map((shift, index) => draftShift(ctx, problems, `shifts.${index}.`, index, shift)));
  if (problems.any) return { dutyShifts: null, userErrors: sortByIndex(problems.errors) };
  const { ids, userErrors } = await saveShifts(ctx, problems, station!, drafts as ShiftDraft[], 'shifts');
  return { dutyShifts: ids ? await readShifts(ctx, ids) : null, userErrors: sortByIndex(userErrors) };
}

/** Roster errors in entry order (the drafts are checked concurrently, so they arrive in any order). */
function sortByIndex(errors: UserError[]): UserError[] {
  const indexOf = (error: UserError) => (error.field[1] === 'shifts' && error.field.length > 2 ? Number(error.field[2]) : -1);
  return [...errors].sort((a, b) => indexOf(a) - indexOf(b));
}

/** Changes a shift's times, kind, note or who is on duty; the station stays. */
export async function updateDutyShift(ctx: Context, input: UpdateDutyShiftInput): Promise<DutyShiftPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'DutyShift');
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: DUTY_SHIFT.zh, kind: DUTY_SHIFT.en });
  // A shift never moves to another station, so its scope can be checked as read.
  const current = localId ? await ctx.loaders.dutyShiftById.load(localId) : null;
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_STAFF, current?.stationId))) {
    return { dutyShift: null, userErrors: problems.errors };
  }
  let assignee: { person: ShiftPerson | null; organization: OrganizationRecord | null } | undefined;
  if (input.personId != null || input.organizationId != null) {
    assignee = await resolveAssignee(ctx, problems, '', input.personId, input.organizationId);
  }
  if (input.startsAt && input.endsAt) checkSpan(problems, '', input.startsAt, input.endsAt);
  const note = checkNote(problems, '', input.note);
  if (problems.any) return { dutyShift: null, userErrors: problems.errors };

  const { value: id, userErrors } = await withUserErrors(ctx, () =>
    catchOverlapRace(problems, 'startsAt', () =>
      savepoint(ctx, async (em) => {
        const shift = await lockVersioned(em, DutyShift, localId!, input.version, problems, DUTY_SHIFT);
        const startsAt = input.startsAt ?? shift.startsAt;
        const endsAt = input.endsAt ?? shift.endsAt;
        if (!(input.startsAt && input.endsAt)) checkSpan(problems, '', startsAt, endsAt);
        problems.throwIfAny();
        const person = assignee ? assignee.person : shift.person ? await currentPerson(em, ctx, shift.person.id) : null;
        const draft: ShiftDraft = {
          prefix: '',
          index: 0,
          person,
          organization: assignee ? assignee.organization : null,
          newAssignee: assignee !== undefined,
          startsAt,
          endsAt,
          kind: input.kind ?? shift.kind,
          note: note === undefined ? (shift.note ?? null) : note,
        };
        await lockForShifts(em, problems, shift.station.id, person ? [draft] : []);
        if (person) await checkOverlaps(em, problems, [draft], shift.id);
        problems.throwIfAny();
        if (assignee) {
          shift.person = assignee.person ? em.getReference(Person, assignee.person.dbId) : null;
          shift.organization = assignee.organization ? em.getReference(Organization, assignee.organization.dbId) : null;
        }
        shift.startsAt = startsAt;
        shift.endsAt = endsAt;
        shift.kind = draft.kind;
        shift.note = draft.note;
        await em.flush();
        return shift.id;
      }),
    ),
  );
  return { dutyShift: id ? (await readShifts(ctx, [id]))[0] : null, userErrors };
}

/** The person already on a shift, named as the caller may see them. */
async function currentPerson(em: EntityManager, ctx: Context, id: string): Promise<ShiftPerson> {
  return { dbId: id, shownName: await personNameForMessageIn(em, ctx.principal, id) };
}

/** Cancels a shift. Shifts at an archived station are kept as its record. */
export async function deleteDutyShift(ctx: Context, input: DeleteDutyShiftInput): Promise<{ deletedId: string | null; userErrors: UserError[] }> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'DutyShift');
  if (!localId) {
    problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: DUTY_SHIFT.zh, kind: DUTY_SHIFT.en });
    return { deletedId: null, userErrors: problems.errors };
  }
  const current = await ctx.loaders.dutyShiftById.load(localId);
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_STAFF, current?.stationId))) {
    return { deletedId: null, userErrors: problems.errors };
  }
  const { value, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      const shift = await lockVersioned(em, DutyShift, localId, input.version, problems, DUTY_SHIFT);
      const [station] = await em.execute<{ archived_at: string | null }[]>('select archived_at from station where id = ? for share', [shift.station.id]);
      if (station?.archived_at) problems.add('id', UserErrorCode.ARCHIVED, 'ARCHIVED');
      problems.throwIfAny();
      em.remove(shift);
      await em.flush();
      return input.id;
    }),
  );
  return { deletedId: value, userErrors };
}
