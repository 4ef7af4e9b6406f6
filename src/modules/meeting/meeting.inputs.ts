import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars';
import { AgendaDecision } from './meeting.enums';

@InputType('CreateMeetingInput', {
  description:
    '新的民生议事厅会议：驿站的或社区的，驿站和社区至少填一项（填驿站即属于驿站所在社区）A new livelihood meeting, a station’s or a community’s: give at least one of the two (a station’s meeting is of the station’s community)',
})
export class CreateMeetingInput {
  @Field(() => String, {
    nullable: true,
    description:
      '社区（村）区划代码；填驿站时可不填（即驿站所在社区），两者都填时须一致 The community the meeting is of; may be left out with a station (its community), and must be it when both are given',
  })
  regionCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: '召开会议的驿站（民生驿站的议事厅）；填社区时须为该社区的驿站 The station whose meeting it is; with a regionCode, a station of that community',
  })
  stationId?: string | null;

  @Field(() => ID, { nullable: true, description: '议事场所 ID（须在该社区）The deliberation venue, in that community' })
  venueId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '会议日期；不填为本周三（北京时间）The day; the Wednesday of this week (China time) when left out' })
  heldOn?: string;

  @Field({ description: '会议名称（至多200字）Title, at most 200 characters' })
  title!: string;

  @Field(() => Int, { nullable: true, description: '参会人数 How many attended' })
  attendeeCount?: number;

  @Field({ nullable: true, description: '参会人员（单位和身份，不得含电话号码，至多2000字）Who attended: units and roles, no phone numbers, at most 2000 characters' })
  attendees?: string;
}

@InputType('UpdateMeetingInput', { description: '修改民生议事厅会议（只改所填字段）Change a meeting; only the fields given change' })
export class UpdateMeetingInput {
  @Field(() => ID, { description: '会议 ID Meeting ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version you read' })
  version!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '会议日期（不可清空，传 null 等同不填）The day; it cannot be cleared, so null leaves it as it is' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true, description: '会议名称（不可清空，传 null 等同不填）Title; it cannot be cleared, so null leaves it as it is' })
  title?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      '召开会议的驿站（须为会议所在社区的驿站）；传 null 表示清空，会议仍属于所在社区 The station, of the meeting’s community; null clears it and the meeting stays its community’s',
  })
  stationId?: string | null;

  @Field(() => ID, { nullable: true, description: '议事场所 ID；传 null 表示清空 The deliberation venue; null clears it' })
  venueId?: string | null;

  @Field(() => Int, { nullable: true, description: '参会人数；传 null 表示清空 How many attended; null clears it' })
  attendeeCount?: number | null;

  @Field(() => String, { nullable: true, description: '参会人员；传 null 或空白表示清空 Who attended; null or blank clears it' })
  attendees?: string | null;
}

@InputType('AddNeedToAgendaInput', { description: '将已提交的需求列入会议议程（需求变为“已列入议事”）Put a SUBMITTED need on a meeting’s agenda; the need moves to ON_AGENDA' })
export class AddNeedToAgendaInput {
  @Field(() => ID, { description: '会议 ID Meeting ID' })
  meetingId!: string;

  @Field(() => ID, { description: '需求 ID（须在会议所在社区）The need, of the meeting’s community' })
  needId!: string;

  @Field(() => Int, { description: '读取需求时的版本号 The need’s version as you read it' })
  needVersion!: number;
}

@InputType('DecideAgendaItemInput', { description: '会议对议题的决定 The meeting’s decision on an agenda item' })
export class DecideAgendaItemInput {
  @Field(() => ID, { description: '议题 ID Agenda item ID' })
  id!: string;

  @Field(() => Int, { description: '读取议题时的版本号 The item’s version as you read it' })
  version!: number;

  @Field(() => AgendaDecision, { description: '决定 The decision' })
  decision!: AgendaDecision;

  @Field({ nullable: true, description: '理由或说明（不予受理时必填，至多500字）The reason; required for REJECTED, at most 500 characters' })
  reason?: string;

  @Field({ nullable: true, description: '承办部门代码（交办时必填）The department’s code; required for REFERRED' })
  departmentCode?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '整改期限（交办时可填）A deadline, for a referral' })
  deadline?: Date;
}

@InputType('MeetingFilter', { description: '民生议事厅会议筛选条件（各条件同时满足）Meeting filters; all given conditions must hold' })
export class MeetingFilter {
  @Field({ nullable: true, description: '行政区划代码：该区划内（含下级）的会议 Meetings of this region or anywhere below it' })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: '驿站 ID Station ID' })
  stationId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '会议日期不早于（含）Held on or after this day' })
  heldFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '会议日期不晚于（含）Held on or before this day' })
  heldTo?: string;
}

export enum MeetingSortField {
  HELD_ON = 'HELD_ON',
  CREATED_AT = 'CREATED_AT',
}

registerEnumType(MeetingSortField, {
  name: 'MeetingSortField',
  description: '会议排序字段 What to sort meetings by (ties are broken by ID)',
  valuesConfig: {
    HELD_ON: { description: '按会议日期 By the day it is held' },
    CREATED_AT: { description: '按登记时间 By when it was recorded' },
  },
});

@InputType('MeetingOrder', { description: '会议排序 Ordering of a meeting list' })
export class MeetingOrder {
  @Field(() => MeetingSortField, { defaultValue: MeetingSortField.HELD_ON, description: '排序字段 Field to sort by' })
  field!: MeetingSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: '排序方向，默认从新到旧 Direction; latest first by default' })
  direction!: SortDirection;
}

@ArgsType()
export class MeetingsArgs extends ConnectionArgs {
  @Field(() => MeetingFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: MeetingFilter;

  @Field(() => MeetingOrder, { nullable: true, description: '排序（默认按会议日期从新到旧）Ordering; the latest meeting first by default' })
  orderBy?: MeetingOrder;
}
