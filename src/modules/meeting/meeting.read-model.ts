import { rawSql } from '../../db/sql';
import { column, dateSql, instant, recordFields, registerReadFields, registerReadModel } from '../../graphql/plan/read-model';
import { agendaItemReadScope, agendaSort, meetingSort } from './meeting.reader';
import { AGENDA_ITEM_COLUMNS, MEETING_COLUMNS, toMeetingAgendaItemRecord, toMeetingRecord } from './meeting.types';

/** How meetings and their agenda items are read (see graphql/plan/read-model.ts), Need.agendaItems and Station.meetings. */
export function registerMeetingReadModel(): void {
  registerReadModel({
    type: 'Meeting',
    table: 'meeting',
    key: 'id',
    record: { columns: MEETING_COLUMNS, from: 'meeting m', alias: 'm', toRecord: toMeetingRecord },
    fields: {
      ...recordFields('Meeting'),
      heldOn: { kind: 'value', sql: (t) => dateSql(`${t}.held_on`) },
      title: column('title'),
      attendeeCount: column('attendee_count'),
      attendees: column('attendees'),
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
      venue: { kind: 'one', type: 'DeliberationVenue', key: (t) => `${t}.venue_id` },
      agenda: { kind: 'connection', type: 'MeetingAgendaItem', where: (t, c) => rawSql(`${c}.meeting_id = ${t}.id`), sort: (c) => agendaSort(c) },
    },
  });
  registerReadModel({
    type: 'MeetingAgendaItem',
    table: 'meeting_agenda_item',
    key: 'id',
    record: { columns: AGENDA_ITEM_COLUMNS, from: 'meeting_agenda_item ai', alias: 'ai', toRecord: toMeetingAgendaItemRecord },
    rows: (principal, t) => agendaItemReadScope(principal, t),
    fields: {
      ...recordFields('MeetingAgendaItem'),
      position: column('position'),
      decision: column('decision'),
      decisionReason: column('decision_reason'),
      decidedAt: instant('decided_at'),
      meeting: { kind: 'one', type: 'Meeting', key: (t) => `${t}.meeting_id` },
      need: { kind: 'one', type: 'Need', key: (t) => `${t}.need_id` },
      referredDepartment: { kind: 'one', type: 'Department', key: (t) => `${t}.referred_department_id` },
    },
  });
  registerReadFields('Station', {
    meetings: { kind: 'connection', type: 'Meeting', where: (t, c) => rawSql(`${c}.station_id = ${t}.id`), sort: (c) => meetingSort(c) },
  });
  registerReadFields('Need', {
    agendaItems: {
      kind: 'connection',
      type: 'MeetingAgendaItem',
      where: (t, c) => rawSql(`${c}.need_id = ${t}.id`),
      sort: (c) => ({ expression: `${c}.created_at`, type: 'timestamptz', id: `${c}.id`, idType: 'uuid' }),
    },
  });
}
