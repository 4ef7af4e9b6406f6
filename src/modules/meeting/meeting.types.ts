import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SignedIn } from '../../auth/visibility';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { VersionedNode } from '../../graphql/record-types';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars';
import { Meeting, MeetingAgendaItem } from './meeting.entity';
import { AgendaDecision } from './meeting.enums';

registerEnumType(AgendaDecision, {
  name: 'AgendaDecision',
  description: '议事决定 What the meeting decided about a need on its agenda',
  valuesConfig: {
    LISTED: { description: '列入民生“微实事”清单，待认领 Put on the list of small practical matters, to be claimed' },
    REJECTED: { description: '不予受理（附理由）Rejected, with a reason' },
    REFERRED: { description: '交办部门办理 Referred to a department, which handles it' },
  },
});

export interface MeetingRecord {
  __typename: 'Meeting';
  id: string;
  dbId: string;
  regionId: number;
  stationId: string | null;
  venueId: string | null;
  heldOn: string;
  title: string;
  attendeeCount: number | null;
  attendees: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const MEETING_PROPERTIES = ['id', 'region', 'station', 'venue', 'heldOn', 'title', 'attendeeCount', 'attendees', 'version', 'createdAt', 'updatedAt'] as const;
export type MeetingRow = RowOf<Meeting, (typeof MEETING_PROPERTIES)[number]>;
export const MEETING_COLUMNS = columnsOf(Meeting, 'm', MEETING_PROPERTIES);

export function toMeetingRecord(row: MeetingRow): MeetingRecord {
  return {
    __typename: 'Meeting',
    id: toGlobalId('Meeting', row.id),
    dbId: row.id,
    regionId: row.region_id,
    stationId: row.station_id,
    venueId: row.venue_id,
    heldOn: row.held_on,
    title: row.title,
    attendeeCount: row.attendee_count,
    attendees: row.attendees,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export interface MeetingAgendaItemRecord {
  __typename: 'MeetingAgendaItem';
  id: string;
  dbId: string;
  meetingId: string;
  needId: string;
  position: number;
  decision: AgendaDecision | null;
  decisionReason: string | null;
  referredDepartmentId: string | null;
  decidedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ITEM_PROPERTIES = ['id', 'meeting', 'need', 'position', 'decision', 'decisionReason', 'referredDepartment', 'decidedAt', 'version', 'createdAt', 'updatedAt'] as const;
export type MeetingAgendaItemRow = RowOf<MeetingAgendaItem, (typeof ITEM_PROPERTIES)[number]>;
export const AGENDA_ITEM_COLUMNS = columnsOf(MeetingAgendaItem, 'ai', ITEM_PROPERTIES);

export function toMeetingAgendaItemRecord(row: MeetingAgendaItemRow): MeetingAgendaItemRecord {
  return {
    __typename: 'MeetingAgendaItem',
    id: toGlobalId('MeetingAgendaItem', row.id),
    dbId: row.id,
    meetingId: row.meeting_id,
    needId: row.need_id,
    position: row.position,
    decision: row.decision,
    decisionReason: row.decision_reason,
    referredDepartmentId: row.referred_department_id,
    decidedAt: toDate(row.decided_at),
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('Meeting', {
  implements: Node,
  simpleResolvers: true,
  description:
    '民生议事厅：社区（驿站）每周三召开的议事会，审议收集的群众需求，决定列入微实事清单、不予受理或交办部门 A livelihood meeting of a community or its station, held weekly on Wednesdays, that decides about collected needs: list them, reject them or refer them to a department',
})
export class MeetingType extends VersionedNode(SignedIn, { createdAt: '登记时间 When it was recorded' }) {
  @SignedIn()
  @Field(() => LocalDateScalar, { description: '会议日期（默认为当周周三）The day it is held; the Wednesday of the week unless given' })
  heldOn!: string;

  @SignedIn()
  @Field({ description: '会议名称 Title' })
  title!: string;

  @SignedIn()
  @Field(() => Int, { nullable: true, description: '参会人数 How many attended' })
  attendeeCount!: number | null;

  @SignedIn()
  @Field(() => String, {
    nullable: true,
    description: '参会人员（单位和身份的文字列表，如“社区党委、居民代表、物业”；不含电话）Who attended, as text: units and roles, never phone numbers',
  })
  attendees!: string | null;
}

@SignedIn()
@ObjectType('MeetingAgendaItem', {
  implements: Node,
  simpleResolvers: true,
  description: '议事议题：列入民生议事厅议程的一项需求及会议对它的决定 A need on a meeting’s agenda and what the meeting decided about it',
})
export class MeetingAgendaItemType extends VersionedNode(SignedIn, { createdAt: '列入议程的时间 When it was put on the agenda' }) {
  @SignedIn()
  @Field(() => Int, { description: '议程序号（按列入先后，从1开始）Position on the agenda, from 1, in the order items were added' })
  position!: number;

  @SignedIn()
  @Field(() => AgendaDecision, { nullable: true, description: '会议决定（未决定为空）The decision; null until the meeting takes it' })
  decision!: AgendaDecision | null;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '决定理由或说明（不予受理时必填）The reason for the decision; required for a rejection' })
  decisionReason!: string | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { nullable: true, description: '决定时间 When the decision was taken' })
  decidedAt!: Date | null;
}

export const MeetingConnection = connectionTypeOf(MeetingType, 'Meeting', '民生议事厅会议');
export const MeetingAgendaItemConnection = connectionTypeOf(MeetingAgendaItemType, 'MeetingAgendaItem', '议事议题');

const meetingPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'meeting', type: () => MeetingType, zh: '会议', en: 'The meeting' });
const itemPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'agendaItem', type: () => MeetingAgendaItemType, zh: '议题', en: 'The agenda item' });

export const CreateMeetingPayload = meetingPayload('CreateMeetingPayload', '登记民生议事厅会议结果 Result of createMeeting');
export const UpdateMeetingPayload = meetingPayload('UpdateMeetingPayload', '修改民生议事厅会议结果 Result of updateMeeting');
export const AddNeedToAgendaPayload = itemPayload('AddNeedToAgendaPayload', '需求列入议程结果 Result of addNeedToAgenda');
export const DecideAgendaItemPayload = itemPayload('DecideAgendaItemPayload', '议题决定结果 Result of decideAgendaItem');

export interface MeetingPayload {
  meeting: MeetingRecord | null;
  userErrors: UserError[];
}

export interface AgendaItemPayload {
  agendaItem: MeetingAgendaItemRecord | null;
  userErrors: UserError[];
}
