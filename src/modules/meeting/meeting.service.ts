import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/postgresql';
import { Action, checkCan } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode, UserErrorsException } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { localIdOf } from '../../graphql/relay';
import { write } from '../../graphql/unit-of-work';
import { blankToNull } from '../co-building/co-building.service';
import { DeliberationVenue } from '../deliberation-venue/deliberation-venue.entity';
import { resolveActiveDepartment } from '../department/department.service';
import { Department } from '../department/department.entity';
import type { DepartmentRecord } from '../department/department.types';
import { Need } from '../need/need.entity';
import { NeedState } from '../need/need.enums';
import { applyNeedTransition, NEED } from '../need/need.service';
import { Region } from '../region/region.entity';
import type { RegionRecord } from '../region/region.types';
import { todayInChina } from '../station/station.service';
import { resolveCommunity, resolveStationInCommunity } from '../volunteer-team/volunteer-team.service';
import { Meeting, MeetingAgendaItem } from './meeting.entity';
import { AGENDA_DECISION_NAMES_ZH, AgendaDecision } from './meeting.enums';
import type { AddNeedToAgendaInput, CreateMeetingInput, DecideAgendaItemInput, UpdateMeetingInput } from './meeting.inputs';
import { agendaItemsByIds, meetingsByIds } from './meeting.reader';
import type { AgendaItemPayload, MeetingPayload, MeetingRecord } from './meeting.types';

const MEETING: RecordKind = { zh: '民生议事厅会议', en: 'meeting' };
const AGENDA_ITEM: RecordKind = { zh: '议题', en: 'agenda item' };
const VENUE: RecordKind = { zh: '议事场所', en: 'deliberation venue' };
const STATION: RecordKind = { zh: '驿站', en: 'station' };
const TITLE: RecordKind = { zh: '会议名称', en: 'title' };
const ATTENDEES: RecordKind = { zh: '参会人员', en: 'attendees' };
const REASON: RecordKind = { zh: '决定理由', en: 'reason' };
const TITLE_MAX = 200;
const ATTENDEES_MAX = 2000;
const REASON_MAX = 500;
/** A mainland mobile number anywhere in a text (spaces or dashes allowed between digits). */
const PHONE_IN_TEXT = /(?<!\d)1[3-9](?:[\s-]?\d){9}(?!\d)/;

/** The Wednesday of the week (Monday to Sunday) a calendar day falls in, YYYY-MM-DD. */
export function wednesdayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() + 2 - weekday);
  return date.toISOString().slice(0, 10);
}

function checkAttendees(
  problems: Problems,
  count: number | null | undefined,
  text: string | null | undefined,
): { count: number | null | undefined; text: string | null | undefined } {
  if (count != null && !(Number.isInteger(count) && count >= 0 && count <= 100000))
    problems.add('attendeeCount', UserErrorCode.INVALID, 'MEETING_ATTENDEE_COUNT_INVALID', { given: count });
  const checked = checkText(problems, 'attendees', text, ATTENDEES_MAX, ATTENDEES);
  if (checked && PHONE_IN_TEXT.test(checked)) problems.add('attendees', UserErrorCode.INVALID, 'MEETING_ATTENDEES_NO_PHONES');
  return { count, text: checked };
}

/** The venue an input names: registered, active and of the meeting's community. */
async function resolveVenue(ctx: Context, problems: Problems, venueId: string | null | undefined, regionId: number | undefined): Promise<string | null | undefined> {
  const given = blankToNull(venueId);
  if (given == null) return given;
  const localId = localIdOf(given, 'DeliberationVenue');
  if (!localId) {
    problems.invalidId('venueId', VENUE);
    return undefined;
  }
  const venue = await ctx.loaders.deliberationVenueById.load(localId);
  if (!venue) problems.add('venueId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: VENUE.zh, kind: VENUE.en });
  else if (!venue.active) problems.add('venueId', UserErrorCode.ARCHIVED, 'REFERENCE_INACTIVE', { kindZh: VENUE.zh, kind: VENUE.en, name: venue.name });
  else if (regionId !== undefined && venue.regionId !== regionId) problems.add('venueId', UserErrorCode.INVALID, 'MEETING_VENUE_OTHER_COMMUNITY', { name: venue.name });
  else return localId;
  return undefined;
}

async function meetingPayload(ctx: Context, work: () => Promise<string>): Promise<MeetingPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { meeting: null, userErrors };
  const [meeting] = await meetingsByIds(ctx.db, [id]);
  return { meeting, userErrors };
}

async function itemPayload(ctx: Context, work: () => Promise<string>): Promise<AgendaItemPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { agendaItem: null, userErrors };
  const [agendaItem] = await agendaItemsByIds(ctx.db, [id]);
  return { agendaItem, userErrors };
}

/**
 * The community of the station an input names, read before the unit of work so that the region
 * check comes first; the station itself is checked (not archived) and locked inside it.
 */
async function communityOfStation(ctx: Context, problems: Problems, stationId: string): Promise<RegionRecord | undefined> {
  const localId = localIdOf(stationId, 'Station');
  const station = localId ? await ctx.loaders.stationById.load(localId) : null;
  if (!localId) problems.invalidId('stationId', STATION);
  else if (!station) problems.add('stationId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: STATION.zh, kind: STATION.en });
  else return (await ctx.loaders.regionById.load(station.regionId)) ?? undefined;
  return undefined;
}

/**
 * 召开民生议事厅 Records a station's or a community's meeting (operators of its region,
 * administrators): a station's meeting is of the station's community; on this week's Wednesday
 * unless a day is given.
 */
export async function createMeeting(ctx: Context, input: CreateMeetingInput): Promise<MeetingPayload> {
  const problems = new Problems(ctx.locale);
  const code = blankToNull(input.regionCode);
  const stationId = blankToNull(input.stationId);
  let region: RegionRecord | undefined;
  if (code != null) region = await resolveCommunity(ctx, problems, 'regionCode', code, MEETING);
  else if (stationId != null) region = await communityOfStation(ctx, problems, stationId);
  else problems.add('stationId', UserErrorCode.REQUIRED, 'MEETING_PLACE_REQUIRED');
  const scopeField = code != null ? 'regionCode' : 'stationId';
  if (!checkCan(ctx, problems, Action.HANDLE_NEED, region ? { regionPath: region.path } : null, scopeField)) return { meeting: null, userErrors: problems.errors };
  const title = checkText(problems, 'title', input.title, TITLE_MAX, TITLE);
  const attendees = checkAttendees(problems, input.attendeeCount, blankToNull(input.attendees));
  const venueId = await resolveVenue(ctx, problems, input.venueId, region?.dbId);
  if (problems.any || !region) return { meeting: null, userErrors: problems.errors };
  return meetingPayload(ctx, () =>
    write(ctx, async (em) => {
      const station = await resolveStationInCommunity(ctx, problems, stationId, region.dbId, MEETING);
      problems.throwIfAny();
      const meeting = em.create(Meeting, {
        id: randomUUID(),
        region: em.getReference(Region, region.dbId),
        station: station ?? null,
        venue: venueId ? em.getReference(DeliberationVenue, venueId) : null,
        heldOn: input.heldOn ?? wednesdayOf(todayInChina()),
        title: title!,
        attendeeCount: attendees.count ?? null,
        attendees: attendees.text ?? null,
      });
      await em.flush();
      return meeting.id;
    }),
  );
}

/** The meeting's community, for the region check of every write that touches the meeting. */
async function regionOfMeeting(ctx: Context, meeting: Meeting): Promise<RegionRecord | null> {
  return ctx.loaders.regionById.load(meeting.region.id);
}

/**
 * Changes a meeting at the version read (operators of its region, administrators). An omitted
 * field stays; null clears the station, venue and attendees (the day and title cannot be cleared:
 * null leaves them). The community never changes: a station or venue must be of it.
 */
export async function updateMeeting(ctx: Context, input: UpdateMeetingInput): Promise<MeetingPayload> {
  const problems = new Problems(ctx.locale);
  const id = localIdOf(input.id, 'Meeting');
  if (!id) problems.invalidId('id', MEETING);
  const title = input.title === undefined ? undefined : checkText(problems, 'title', input.title, TITLE_MAX, TITLE);
  const attendees = checkAttendees(problems, input.attendeeCount, input.attendees === undefined ? undefined : blankToNull(input.attendees));
  if (problems.any || !id) return { meeting: null, userErrors: problems.errors };
  return meetingPayload(ctx, () =>
    write(ctx, async (em) => {
      const meeting = await lockVersioned(em, Meeting, id, input.version, problems, MEETING);
      const region = await regionOfMeeting(ctx, meeting);
      if (!checkCan(ctx, problems, Action.HANDLE_NEED, { regionPath: region?.path }, 'id')) problems.throwIfAny();
      const venueId = await resolveVenue(ctx, problems, input.venueId, meeting.region.id);
      const station = await resolveStationInCommunity(ctx, problems, blankToNull(input.stationId), meeting.region.id, MEETING);
      problems.throwIfAny();
      if (title) meeting.title = title;
      if (input.heldOn) meeting.heldOn = input.heldOn;
      if (input.stationId !== undefined) meeting.station = station ?? null;
      if (input.venueId !== undefined) meeting.venue = venueId ? em.getReference(DeliberationVenue, venueId) : null;
      if (input.attendeeCount !== undefined) meeting.attendeeCount = attendees.count ?? null;
      if (input.attendees !== undefined) meeting.attendees = attendees.text ?? null;
      return meeting.id;
    }),
  );
}

function meetingName(meeting: Pick<MeetingRecord, 'title' | 'heldOn'>): string {
  return `民生议事厅“${meeting.title}”（${meeting.heldOn}）`;
}

function timelineNote(text: string): string {
  return [...text].slice(0, REASON_MAX).join('');
}

/**
 * 列入议程 Puts a SUBMITTED need of the meeting's community on its agenda: the need moves to
 * ON_AGENDA through its transition, recorded with the meeting named, in one unit of work.
 */
export async function addNeedToAgenda(ctx: Context, input: AddNeedToAgendaInput): Promise<AgendaItemPayload> {
  const problems = new Problems(ctx.locale);
  const meetingId = localIdOf(input.meetingId, 'Meeting');
  if (!meetingId) problems.invalidId('meetingId', MEETING);
  const needId = localIdOf(input.needId, 'Need');
  if (!needId) problems.invalidId('needId', NEED);
  if (problems.any || !meetingId || !needId) return { agendaItem: null, userErrors: problems.errors };
  return itemPayload(ctx, () =>
    write(ctx, async (em) => {
      const meeting = await em.findOne(Meeting, { id: meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!meeting) {
        problems.add('meetingId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: MEETING.zh, kind: MEETING.en });
        throw new UserErrorsException(problems.errors);
      }
      const region = await regionOfMeeting(ctx, meeting);
      if (!checkCan(ctx, problems, Action.HANDLE_NEED, { regionPath: region?.path }, 'meetingId')) problems.throwIfAny();
      const need = await applyNeedTransition(ctx, em, problems, {
        needId,
        version: input.needVersion,
        to: NeedState.ON_AGENDA,
        route: 'WORKFLOW',
        note: timelineNote(`列入${meetingName(meeting)}议程`),
        authorize: async (locked: Need) => {
          const needRegion = await ctx.loaders.regionById.load(locked.region.id);
          if (needRegion && region && needRegion.path.startsWith(region.path)) return true;
          problems.add('needId', UserErrorCode.INVALID, 'MEETING_NEED_OTHER_COMMUNITY');
          return false;
        },
      });
      const position = (await em.count(MeetingAgendaItem, { meeting: meeting.id })) + 1;
      const item = em.create(MeetingAgendaItem, { id: randomUUID(), meeting, need, position });
      meeting.updatedAt = new Date();
      return item.id;
    }),
  );
}

/**
 * 议事决定 The meeting's decision on an agenda item, moving its need through its transition in
 * the same unit of work and recording it with the meeting named: LISTED (→ LISTED, the 微实事
 * list), REJECTED with a reason (→ REJECTED), or REFERRED to a department (→ IN_PROGRESS, the
 * referral path). An item is decided once.
 */
export async function decideAgendaItem(ctx: Context, input: DecideAgendaItemInput): Promise<AgendaItemPayload> {
  const problems = new Problems(ctx.locale);
  const itemId = localIdOf(input.id, 'MeetingAgendaItem');
  if (!itemId) problems.invalidId('id', AGENDA_ITEM);
  const reason = checkText(problems, 'reason', blankToNull(input.reason), REASON_MAX, REASON) ?? null;
  if (input.decision === AgendaDecision.REJECTED && reason == null && !problems.any) problems.add('reason', UserErrorCode.REQUIRED, 'MEETING_REJECTION_REASON_REQUIRED');
  let department: DepartmentRecord | null = null;
  if (input.decision === AgendaDecision.REFERRED) {
    const code = blankToNull(input.departmentCode);
    if (code == null) problems.add('departmentCode', UserErrorCode.REQUIRED, 'MEETING_REFERRAL_DEPARTMENT_REQUIRED');
    else department = await resolveActiveDepartment(ctx, problems, 'departmentCode', code);
  }
  if (problems.any || !itemId) return { agendaItem: null, userErrors: problems.errors };
  return itemPayload(ctx, () =>
    write(ctx, async (em) => {
      const [found] = await agendaItemsByIds(ctx.db, [itemId]);
      if (!found) {
        problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: AGENDA_ITEM.zh, kind: AGENDA_ITEM.en });
        throw new UserErrorsException(problems.errors);
      }
      const meeting = await em.findOneOrFail(Meeting, { id: found.meetingId });
      const region = await regionOfMeeting(ctx, meeting);
      if (!checkCan(ctx, problems, Action.HANDLE_NEED, { regionPath: region?.path }, 'id')) problems.throwIfAny();
      // The need before the item, as every write that touches both.
      const need = await em.findOneOrFail(Need, { id: found.needId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const item = await lockVersioned(em, MeetingAgendaItem, itemId, input.version, problems, AGENDA_ITEM);
      if (item.decision) {
        problems.add('id', UserErrorCode.INVALID_TRANSITION, 'MEETING_ITEM_ALREADY_DECIDED', { decisionZh: AGENDA_DECISION_NAMES_ZH[item.decision], decision: item.decision });
        problems.throwIfAny();
      }
      const decided = `${meetingName(meeting)}决定：${AGENDA_DECISION_NAMES_ZH[input.decision]}${department ? `（${department.name}）` : ''}${reason ? `。${reason}` : ''}`;
      await applyNeedTransition(ctx, em, problems, {
        needId: need.id,
        version: need.version,
        to: input.decision === AgendaDecision.LISTED ? NeedState.LISTED : input.decision === AgendaDecision.REJECTED ? NeedState.REJECTED : NeedState.IN_PROGRESS,
        route: input.decision === AgendaDecision.REFERRED ? 'REFERRAL' : 'WORKFLOW',
        note: timelineNote(decided),
        rejectionReason: reason,
        department,
        deadline: input.decision === AgendaDecision.REFERRED ? (input.deadline ?? undefined) : undefined,
        authorize: async () => true,
      });
      item.decision = input.decision;
      item.decisionReason = reason;
      item.referredDepartment = department ? em.getReference(Department, department.dbId) : null;
      item.decidedAt = new Date();
      return item.id;
    }),
  );
}
