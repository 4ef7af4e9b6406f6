import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GeoPointInput } from '../../geo/geo.types';
import { ConnectionArgs } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { NearInput, SortDirection } from '../station/station.inputs';
import { NeedCategory, NeedChannel, NeedKind, NeedState } from './need.enums';

export enum NeedSortField {
  SUBMITTED_AT = 'SUBMITTED_AT',
  UPDATED_AT = 'UPDATED_AT',
  DEADLINE = 'DEADLINE',
  DISTANCE = 'DISTANCE',
}

registerEnumType(NeedSortField, {
  name: 'NeedSortField',
  description: '需求排序字段 What to sort needs by (ties are broken by ID)',
  valuesConfig: {
    SUBMITTED_AT: { description: '按提交时间 By when it was submitted' },
    UPDATED_AT: { description: '按最近更新时间 By when it last changed' },
    DEADLINE: { description: '按整改期限（未设期限的排在最后）By deadline; needs without one come last' },
    DISTANCE: { description: '按与 near 点的距离，须同时提供 near 筛选 By distance from the `near` point; needs the near filter' },
  },
});

@InputType('NeedOrder', { description: '需求排序 Ordering of a need list' })
export class NeedOrder {
  @Field(() => NeedSortField, { defaultValue: NeedSortField.SUBMITTED_AT, description: '排序字段 Field to sort by' })
  field!: NeedSortField;

  @Field(() => SortDirection, {
    nullable: true,
    description: '排序方向：时间默认从新到旧，期限和距离默认从近到远 Direction; by default newest first for times, soonest or nearest first for deadline and distance',
  })
  direction?: SortDirection | null;
}

@InputType('NeedFilter', { description: '需求筛选条件（各条件同时满足）Need filters; all given conditions must hold' })
export class NeedFilter {
  @Field(() => [NeedState], { nullable: true, description: '状态之一 In any of these states' })
  state?: NeedState[];

  @Field(() => [NeedKind], { nullable: true, description: '类型之一 Of any of these kinds' })
  kind?: NeedKind[];

  @Field(() => [NeedChannel], { nullable: true, description: '渠道之一 Raised through any of these channels' })
  channel?: NeedChannel[];

  @Field(() => [NeedCategory], { nullable: true, description: '类别之一 In any of these categories' })
  category?: NeedCategory[];

  @Field(() => ID, { nullable: true, description: '驿站 ID Station ID' })
  stationId?: string;

  @Field({ nullable: true, description: '行政区划代码：该区划及其下级的需求 Region code: needs in this region or anywhere below it' })
  regionCode?: string;

  @Field({ nullable: true, description: '交办部门代码 Code of the department the needs were referred to' })
  referredDepartmentCode?: string;

  @Field({ nullable: true, description: '是否逾期 Only overdue needs (true) or only needs that are not (false)' })
  overdue?: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: '提交时间不早于 Submitted at or after this time' })
  submittedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '提交时间早于 Submitted before this time' })
  submittedTo?: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: '解决时间（变为“已解决”的时间）不早于；从未解决的需求不在其内 Resolved (moved to RESOLVED) at or after this time; needs never resolved do not match',
  })
  resolvedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '解决时间早于 Resolved before this time; needs never resolved do not match' })
  resolvedTo?: Date;

  @Field(() => NearInput, { nullable: true, description: '距某点一定半径内（只含有位置的需求）Within a radius of a point; needs without a location never match' })
  near?: NearInput;
}

@ArgsType()
export class NeedsArgs extends ConnectionArgs {
  @Field(() => NeedFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: NeedFilter;

  @Field(() => NeedOrder, { nullable: true, description: '排序，默认按提交时间从新到旧（有 near 时按距离）Ordering; newest first, or by distance when `near` is given' })
  orderBy?: NeedOrder;
}

@ArgsType()
export class NestedNeedsArgs extends ConnectionArgs {
  @Field(() => [NeedState], { nullable: true, description: '状态之一 In any of these states' })
  state?: NeedState[];

  @Field({ nullable: true, description: '是否逾期 Only overdue needs (true) or only needs that are not (false)' })
  overdue?: boolean;
}

@InputType('CreateNeedInput', { description: '登记需求（驿站、社区、夜巡等渠道收集的需求）A need recorded by a station, a community or a patrol' })
export class CreateNeedInput {
  @Field(() => NeedKind, { description: '需求类型 Kind' })
  kind!: NeedKind;

  @Field(() => NeedChannel, { description: '收集渠道 How it was raised' })
  channel!: NeedChannel;

  @Field(() => NeedCategory, { description: '需求类别 What it is about' })
  category!: NeedCategory;

  @Field(() => ID, {
    nullable: true,
    description: '驿站 ID（与区划至少填一项；填驿站时区划即驿站所在社区）Station ID; give it or a region code, or both (then the region must be the station’s)',
  })
  stationId?: string | null;

  @Field(() => String, { nullable: true, description: '社区（或街道）区划代码 Code of the community (or street) the need belongs to' })
  regionCode?: string | null;

  @Field({ description: '诉求内容（至多2000字）What the need is, at most 2,000 characters' })
  text!: string;

  @Field(() => GeoPointInput, { nullable: true, description: '位置（任一支持的坐标系，存为 WGS-84）Location, in any supported coordinate system; stored as WGS-84' })
  location?: GeoPointInput | null;

  @Field(() => [String], { nullable: true, description: '照片地址（https，至多9张）Photo URLs: https, at most 9' })
  photoUrls?: string[] | null;

  @Field(() => String, { nullable: true, description: '居民姓名（个人信息，可不填）The resident’s name (personal data; optional)' })
  residentName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '居民电话（个人信息，手机或带区号固话，可不填）The resident’s phone (personal data; a mobile or a landline with area code; optional)',
  })
  residentPhone?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '整改期限（限期整改）The deadline it must be settled by (限期整改)' })
  deadline?: Date | null;

  @Field(() => String, { nullable: true, description: '备注（记入办理记录）A note for the timeline' })
  note?: string | null;
}

@InputType('SubmitNeedInput', { description: '居民提交需求（无需登录）A resident’s need, submitted without signing in' })
export class SubmitNeedInput {
  @Field(() => NeedCategory, { description: '需求类别 What it is about' })
  category!: NeedCategory;

  @Field(() => ID, { nullable: true, description: '驿站 ID（与区划至少填一项）Station ID; give it or a region code' })
  stationId?: string | null;

  @Field(() => String, { nullable: true, description: '社区（或街道）区划代码 Code of the community (or street)' })
  regionCode?: string | null;

  @Field({ description: '诉求内容（至多2000字）What the need is, at most 2,000 characters' })
  text!: string;

  @Field(() => GeoPointInput, { nullable: true, description: '位置 Location, in any supported coordinate system' })
  location?: GeoPointInput | null;

  @Field(() => [String], { nullable: true, description: '照片地址（https，至多9张）Photo URLs: https, at most 9' })
  photoUrls?: string[] | null;

  @Field(() => String, { nullable: true, description: '姓名（个人信息，可不填）Your name (personal data; optional)' })
  residentName?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话（个人信息，可不填）Your phone (personal data; optional)' })
  residentPhone?: string | null;
}

@InputType('TransitionNeedInput', { description: '变更需求状态（按办理流程）Move a need along its workflow' })
export class TransitionNeedInput {
  @Field(() => ID, { description: '需求 ID Need ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field(() => NeedState, { description: '目标状态 The state to move it to' })
  to!: NeedState;

  @Field(() => String, { nullable: true, description: '备注（记入办理记录，至多500字）A note for the timeline, at most 500 characters' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: '不予受理理由（变为 REJECTED 时必填）Why it is rejected; required for REJECTED' })
  rejectionReason?: string | null;

  @Field(() => String, { nullable: true, description: '解决情况（变为 RESOLVED 时必填）How it was solved; required for RESOLVED' })
  resolution?: string | null;

  @Field(() => Int, { nullable: true, description: '居民满意度1–5（变为 CLOSED 时必填）The resident’s satisfaction, 1 to 5; required for CLOSED' })
  satisfaction?: number | null;

  @Field(() => String, { nullable: true, description: '居民评价（办结时可填）The resident’s comment, when closing' })
  satisfactionComment?: string | null;
}

@InputType('ReferNeedInput', { description: '交办需求：转交部门办理（夜巡现场交办、议事决定交办）Refer a need to a department, which then handles it' })
export class ReferNeedInput {
  @Field(() => ID, { description: '需求 ID Need ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;

  @Field({ description: '承办部门代码 Code of the department to handle it' })
  departmentCode!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '整改期限（限期整改，可不填）The deadline (限期整改), optional' })
  deadline?: Date | null;

  @Field(() => String, { nullable: true, description: '交办说明 A note for the timeline' })
  note?: string | null;
}

@InputType('AddNeedNoteInput', { description: '记录办理进展（不改变状态）Note a need’s progress without moving it' })
export class AddNeedNoteInput {
  @Field(() => ID, { description: '需求 ID Need ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;

  @Field({ description: '办理进展（至多500字）The note, at most 500 characters' })
  note!: string;
}
