import type { Principal } from '../../auth/principal';
import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { listInOrder, type PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import { badInputOf, type PageRequest } from '../../graphql/relay';
import { recordIdCondition } from '../../graphql/plan/list-filters';
import { withReadableNeed } from '../need/need.reader';
import { inRegionSubtree } from '../region/region-subtree';
import { MeetingSortField, type MeetingFilter, type MeetingOrder } from './meeting.inputs';
import { SortDirection } from '../station/station.inputs';
import {
  AGENDA_ITEM_COLUMNS,
  MEETING_COLUMNS,
  toMeetingAgendaItemRecord,
  toMeetingRecord,
  type MeetingAgendaItemRecord,
  type MeetingAgendaItemRow,
  type MeetingRecord,
  type MeetingRow,
} from './meeting.types';

/** Which agenda items (alias `ai`) a caller may read: those of the needs it may read. */
export function agendaItemReadScope(principal: Principal, ai: string): SqlFragment {
  return withReadableNeed(principal, `${ai}.need_id`);
}

export async function meetingsByIds(db: SqlReader, ids: readonly string[]): Promise<MeetingRecord[]> {
  return (await db.all<MeetingRow>(`select ${MEETING_COLUMNS} from meeting m where m.id = any(?::uuid[])`, [ids])).map(toMeetingRecord);
}

export async function agendaItemsByIds(db: SqlReader, ids: readonly string[]): Promise<MeetingAgendaItemRecord[]> {
  return (await db.all<MeetingAgendaItemRow>(`select ${AGENDA_ITEM_COLUMNS} from meeting_agenda_item ai where ai.id = any(?::uuid[])`, [ids])).map(toMeetingAgendaItemRecord);
}

/** Agenda items by id whose need the caller may read (node(id), the change feed's records). */
export async function visibleAgendaItemsByIds(db: SqlReader, principal: Principal, ids: readonly string[]): Promise<MeetingAgendaItemRecord[]> {
  const statement = sql`select ${rawSql(AGENDA_ITEM_COLUMNS)} from meeting_agenda_item ai where ai.id = any(${ids}::uuid[]) and ${agendaItemReadScope(principal, 'ai')}`;
  return (await db.all<MeetingAgendaItemRow>(statement.text, statement.bindings)).map(toMeetingAgendaItemRecord);
}

/** The order of a meeting list (alias `m`): the latest meeting first unless ordered otherwise; ties by id. */
export function meetingSort(m: string, order?: MeetingOrder | null): PlannedSort {
  const byCreation = order?.field === MeetingSortField.CREATED_AT;
  return {
    expression: byCreation ? `${m}.created_at` : `${m}.held_on`,
    type: byCreation ? 'timestamptz' : 'date',
    id: `${m}.id`,
    idType: 'uuid',
    descending: (order?.direction ?? SortDirection.DESC) === SortDirection.DESC,
  };
}

/** The order of an agenda (alias `ai`): by position. */
export function agendaSort(ai: string): PlannedSort {
  return { expression: `${ai}.position`, type: 'int', id: `${ai}.id`, idType: 'uuid' };
}

/** The meetings a root list asks for (alias `m`), latest first. */
export function meetingList(filter: MeetingFilter | undefined, order: MeetingOrder | undefined, request: PageRequest): PlannedList {
  const conditions: SqlFragment[] = [];
  if (filter?.regionCode) conditions.push(inRegionSubtree('m.region_id', filter.regionCode));
  const station = recordIdCondition('m.station_id', 'filter.stationId', filter?.stationId, 'Station');
  if (station) conditions.push(station);
  if (filter?.heldFrom && filter?.heldTo && filter.heldTo < filter.heldFrom) {
    throw badInputOf('TIME_WINDOW_INVALID', { from: 'filter.heldFrom', to: 'filter.heldTo' }, 'filter.heldTo');
  }
  if (filter?.heldFrom) conditions.push(sql`m.held_on >= ${filter.heldFrom}::date`);
  if (filter?.heldTo) conditions.push(sql`m.held_on <= ${filter.heldTo}::date`);
  return listInOrder(
    { nodeType: 'Meeting', table: 'meeting', alias: 'm', where: conditions.length ? joinSql(conditions, ' and ') : rawSql('true'), request },
    meetingSort('m', order),
  );
}
