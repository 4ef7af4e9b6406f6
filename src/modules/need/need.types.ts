import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { VersionedNode } from '../../graphql/record-types';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { ActorKindEnum } from '../audit/audit.types';
import { Need, NeedTransition } from './need.entity';
import { NeedCategory, NeedChannel, NeedKind, NeedState, SETTLED_STATES } from './need.enums';

registerEnumType(NeedKind, {
  name: 'NeedKind',
  description: '需求类型 What kind of need it is',
  valuesConfig: {
    RESIDENT_NEED: { description: '群众需求 / 微心愿 A resident’s need or small wish' },
    STATION_ORDER: { description: '驿站点单：驿站向志愿服务“点单系统”发布的需求 An order a station posts to the volunteer 点单 system' },
    NIGHT_PATROL_ISSUE: { description: '夜巡问题：常态化夜巡中发现、现场点题交办的问题 An issue found on a night patrol and handed over on the spot' },
    CO_BUILDING_PROJECT: { description: '共建项目：共建单位认领的小区项目 A co-building project taken on by a co-building unit' },
    LIVELIHOOD_PROJECT: { description: '民生补短板项目 A livelihood gap-filling project' },
  },
});

registerEnumType(NeedChannel, {
  name: 'NeedChannel',
  description: '收集渠道 How the need was raised',
  valuesConfig: {
    ONLINE: { description: '线上通道（“我为解决群众急难愁盼来建议”）The online channel' },
    STATION: { description: '民生驿站 At a livelihood station' },
    COURTYARD_TALK: { description: '小院话事 At a courtyard talk' },
    NIGHT_PATROL: { description: '夜巡 On a night patrol' },
    HOTLINE_12345: { description: '12345 热线 The 12345 hotline' },
    VISIT: { description: '走访 On a visit to residents' },
  },
});

registerEnumType(NeedCategory, {
  name: 'NeedCategory',
  description: '需求类别 What the need is about',
  valuesConfig: {
    FACILITY_REPAIR: { description: '设施维修（如台阶修葺）Repair of a facility, e.g. steps' },
    LIGHTING: { description: '照明（如增设照明灯带）Lighting' },
    SEATING_AND_PUBLIC_FACILITIES: { description: '座椅及公共设施（如添置露天座椅）Seats and other public facilities' },
    PARKING: { description: '停车（如小区停车位规范）Parking' },
    EV_CHARGING: { description: '充电桩 Charging points for electric vehicles' },
    FIRE_SAFETY: { description: '消防设施 Fire safety' },
    SANITATION: { description: '环境卫生 Sanitation and cleanliness' },
    CITY_ORDER: { description: '市容秩序（占道经营、乱贴广告、安全隐患）City appearance and order' },
    ROADS_AND_DRAINS: { description: '道路沟渠（破损路面、沟渠不通）Roads and drains' },
    AGE_FRIENDLY: { description: '适老化改造 Adapting for older residents' },
    NEIGHBOUR_DISPUTE: { description: '邻里纠纷 A dispute between neighbours' },
    OTHER: { description: '其他 Other' },
  },
});

registerEnumType(NeedState, {
  name: 'NeedState',
  description: '办理状态 Where a need stands in its workflow',
  valuesConfig: {
    SUBMITTED: { description: '已提交 Submitted, not yet looked at' },
    ON_AGENDA: { description: '已列入每周民生议事厅议题 On the agenda of the weekly livelihood meeting' },
    LISTED: { description: '已列入民生“微实事”清单，待认领 On the list of small practical matters, waiting to be claimed' },
    CLAIMED: { description: '已被组织或党员认领 Claimed by an organization or a party member' },
    IN_PROGRESS: { description: '办理中（含交办部门办理）Being handled, by a claimant or a department it was referred to' },
    RESOLVED: { description: '已解决，待居民评价 Resolved; waiting for the resident’s rating' },
    CLOSED: { description: '已办结（居民已评价）Closed with the resident’s rating' },
    REJECTED: { description: '不予受理（附理由）Rejected, with a reason' },
  },
});

/** A need as the read paths carry it. The resident's name and phone are personal data: never log them. */
export interface NeedRecord {
  __typename: 'Need';
  id: string;
  dbId: string;
  kind: NeedKind;
  channel: NeedChannel;
  category: NeedCategory;
  state: NeedState;
  stationId: string | null;
  regionId: number;
  text: string;
  lat: number | null;
  lng: number | null;
  photoUrls: string[];
  residentName: string | null;
  residentPhone: string | null;
  deadline: Date | null;
  overdue: boolean;
  referredDepartmentId: string | null;
  resolution: string | null;
  receiptCode: string;
  rejectionReason: string | null;
  satisfaction: number | null;
  satisfactionComment: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const NEED_PROPERTIES = [
  'id',
  'kind',
  'channel',
  'category',
  'state',
  'station',
  'region',
  'text',
  'lat',
  'lng',
  'photoUrls',
  'residentName',
  'residentPhone',
  'deadline',
  'referredDepartment',
  'resolution',
  'receiptCode',
  'rejectionReason',
  'satisfaction',
  'satisfactionComment',
  'version',
  'createdAt',
  'updatedAt',
] as const;

/** Whether a need (alias `n`) is overdue: a deadline that has passed, and not settled. Computed when read, never stored. */
export function overdueSql(n: string): string {
  return `(${n}.deadline is not null and ${n}.deadline < now() and ${n}.state <> all(array[${SETTLED_STATES.map((state) => `'${state}'`).join(', ')}]::text[]))`;
}

export type NeedRow = RowOf<Need, (typeof NEED_PROPERTIES)[number]> & { overdue: boolean };
export const NEED_COLUMNS = `${columnsOf(Need, 'n', NEED_PROPERTIES)}, ${overdueSql('n')} as overdue`;

export function toNeedRecord(row: NeedRow): NeedRecord {
  return {
    __typename: 'Need',
    id: toGlobalId('Need', row.id),
    dbId: row.id,
    kind: row.kind,
    channel: row.channel,
    category: row.category,
    state: row.state,
    stationId: row.station_id,
    regionId: row.region_id,
    text: row.text,
    lat: row.lat,
    lng: row.lng,
    photoUrls: row.photo_urls,
    residentName: row.resident_name,
    residentPhone: row.resident_phone,
    deadline: row.deadline === null ? null : toDate(row.deadline),
    overdue: row.overdue,
    referredDepartmentId: row.referred_department_id,
    resolution: row.resolution,
    receiptCode: row.receipt_code,
    rejectionReason: row.rejection_reason,
    satisfaction: row.satisfaction,
    satisfactionComment: row.satisfaction_comment,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A move of a need's workflow as the read paths carry it; the actor's name may be a person's. */
export interface NeedTransitionRecord {
  __typename: 'NeedTransition';
  id: string;
  dbId: string;
  needId: string;
  /** The need's region, for masking a user's name. */
  regionId: number;
  sequence: number;
  fromState: NeedState | null;
  toState: NeedState;
  actorKind: ActorKindEnum;
  actorName: string | null;
  note: string | null;
  occurredAt: Date;
}

const TRANSITION_PROPERTIES = ['id', 'need', 'sequence', 'fromState', 'toState', 'actorKind', 'actorName', 'note', 'occurredAt'] as const;
export type NeedTransitionRow = RowOf<NeedTransition, (typeof TRANSITION_PROPERTIES)[number]> & { region_id: number };
export const NEED_TRANSITION_COLUMNS = `${columnsOf(NeedTransition, 'x', TRANSITION_PROPERTIES)}, (select rn.region_id from need rn where rn.id = x.need_id) as region_id`;

export function toNeedTransitionRecord(row: NeedTransitionRow): NeedTransitionRecord {
  return {
    __typename: 'NeedTransition',
    id: toGlobalId('NeedTransition', row.id),
    dbId: row.id,
    needId: row.need_id,
    regionId: row.region_id,
    sequence: row.sequence,
    fromState: row.from_state,
    toState: row.to_state,
    actorKind: row.actor_kind as ActorKindEnum,
    actorName: row.actor_name,
    note: row.note,
    occurredAt: toDate(row.occurred_at),
  };
}

@SignedIn()
@ObjectType('Need', {
  implements: Node,
  simpleResolvers: true,
  description:
    '群众需求 / 微心愿：居民诉求、驿站点单、夜巡问题、共建项目和民生补短板项目，及其办理流程（提交 → 议事 → 微实事清单 → 认领 → 办理 → 解决 → 办结，或不予受理） A need — a resident’s wish, a station’s order, a night-patrol issue or a project — and where it stands in its workflow',
})
export class NeedType extends VersionedNode(SignedIn, { createdAt: '提交时间 When it was submitted' }) {
  @SignedIn()
  @Field(() => NeedKind, { description: '需求类型 Kind' })
  kind!: NeedKind;

  @SignedIn()
  @Field(() => NeedChannel, { description: '收集渠道 How it was raised' })
  channel!: NeedChannel;

  @SignedIn()
  @Field(() => NeedCategory, { description: '需求类别 What it is about' })
  category!: NeedCategory;

  @SignedIn()
  @Field(() => NeedState, { description: '办理状态 Where it stands' })
  state!: NeedState;

  @SignedIn()
  @Field({ description: '诉求内容 What the need is, in the words it was recorded in' })
  text!: string;

  @SignedIn()
  @Field(() => [String], { description: '照片地址（https，至多9张）Photo URLs (https, at most 9)' })
  photoUrls!: string[];

  @SignedIn()
  @Field(() => DateTimeScalar, { nullable: true, description: '整改期限（限期整改；未设为空）The deadline it must be settled by, if one was set (限期整改)' })
  deadline!: Date | null;

  @SignedIn()
  @Field({ description: '是否逾期：设有期限、期限已过且尚未解决、办结或不予受理 Whether it is overdue: its deadline has passed and it is not resolved, closed or rejected' })
  overdue!: boolean;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '解决情况（解决时填写）How the problem was solved, once it is resolved' })
  resolution!: string | null;

  @SignedIn()
  @Field({ description: '回执码：居民凭此在 needStatus 查询办理进度 The receipt code residents use to follow the need through needStatus' })
  receiptCode!: string;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '不予受理的理由 Why it was rejected, when it was' })
  rejectionReason!: string | null;

  @SignedIn()
  @Field(() => Int, { nullable: true, description: '居民满意度（1–5，办结时填写）The resident’s satisfaction, 1 to 5, given when it is closed' })
  satisfaction!: number | null;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '居民评价 The resident’s comment, given when it is closed' })
  satisfactionComment!: string | null;
}

@SignedIn()
@ObjectType('NeedTransition', {
  implements: Node,
  simpleResolvers: true,
  description: '需求办理记录：一次状态变更（含提交本身）及其操作者、时间和备注 One move of a need through its workflow (the submission included): who, when, and a note',
})
export class NeedTransitionType extends Node {
  @SignedIn()
  @Field(() => Int, { description: '序号：提交为1，此后每次变更加1 Position in the need’s timeline: 1 for the submission, one more for each move' })
  sequence!: number;

  @SignedIn()
  @Field(() => NeedState, { nullable: true, description: '变更前状态（提交时为空）The state it left; null for the submission' })
  fromState!: NeedState | null;

  @SignedIn()
  @Field(() => NeedState, { description: '变更后状态 The state it entered' })
  toState!: NeedState;

  @SignedIn()
  @Field(() => ActorKindEnum, { description: '操作者类型 Who made the move: an anonymous resident, an API client or a user' })
  actorKind!: ActorKindEnum;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '备注（如议事结论、交办说明、办理进展）A note: the meeting’s decision, the referral, progress' })
  note!: string | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { description: '发生时间 When it happened' })
  occurredAt!: Date;
}

/** What a need list's edge adds to the need: values that depend on the query, not the record. */
@ObjectType('NeedEdgeFields', { description: '需求分页条目的查询相关值（不单独出现在接口中）Query-dependent values of a need edge (not a type of its own in the API)' })
class NeedEdgeFields {
  @Public()
  @Field(() => Float, {
    nullable: true,
    description: '与查询点的距离（米），仅在按位置筛选（filter.near）时返回 Distance in metres from the `near` point, when the list is filtered by location',
  })
  distanceMetres!: number | null;
}

export const NeedConnection = connectionTypeOf(NeedType, 'Need', '群众需求', NeedEdgeFields);
export const NeedTransitionConnection = connectionTypeOf(NeedTransitionType, 'NeedTransition', '需求办理记录');

/** One step of a need's public timeline: the state and when, nothing about who. */
@Public()
@ObjectType('NeedStatusStep', {
  simpleResolvers: true,
  description: '办理进度的一步：状态和时间（不含操作者和备注）One step of a need’s progress: the state and when, without who or notes',
})
export class NeedStatusStep {
  @Public()
  @Field(() => NeedState, { description: '状态 State entered' })
  state!: NeedState;

  @Public()
  @Field(() => DateTimeScalar, { description: '时间 When' })
  at!: Date;
}

/** What a resident's receipt code shows: the public status of one need, nothing personal. */
@Public()
@ObjectType('NeedStatus', {
  simpleResolvers: true,
  description: '需求办理进度（凭回执码查询，不含任何个人信息和内容）The public status of a need, by its receipt code: no personal data, no text',
})
export class NeedStatus {
  @Public()
  @Field({ description: '回执码 The receipt code' })
  receiptCode!: string;

  @Public()
  @Field(() => NeedState, { description: '办理状态 Where it stands' })
  state!: NeedState;

  @Public()
  @Field(() => NeedKind, { description: '需求类型 Kind' })
  kind!: NeedKind;

  @Public()
  @Field(() => NeedCategory, { description: '需求类别 What it is about' })
  category!: NeedCategory;

  @Public()
  @Field(() => DateTimeScalar, { description: '提交时间 When it was submitted' })
  submittedAt!: Date;

  @Public()
  @Field(() => DateTimeScalar, { description: '最近更新时间 When it last changed' })
  updatedAt!: Date;

  @Public()
  @Field(() => [NeedStatusStep], { description: '办理进度，从早到晚 Its steps so far, oldest first' })
  timeline!: NeedStatusStep[];
}

const needPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'need', type: () => NeedType, zh: '需求', en: 'The need' });

export const CreateNeedPayload = needPayload('CreateNeedPayload', '登记需求结果 Result of createNeed');
export const TransitionNeedPayload = needPayload('TransitionNeedPayload', '需求状态变更结果 Result of transitionNeed');
export const ReferNeedPayload = needPayload('ReferNeedPayload', '需求交办结果 Result of referNeed');
export const AddNeedNotePayload = needPayload('AddNeedNotePayload', '记录办理进展结果 Result of addNeedNote');
export const SubmitNeedPayload = payloadTypeOf('SubmitNeedPayload', '提交需求结果 Result of submitNeed', {
  name: 'status',
  type: () => NeedStatus,
  zh: '办理进度（含回执码，请妥善保存）',
  en: 'Its public status, with the receipt code to keep',
});

export interface NeedPayload {
  need: NeedRecord | null;
  userErrors: UserError[];
}

export interface SubmitNeedResult {
  status: NeedStatus | null;
  userErrors: UserError[];
}
