import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { RolesOnly, SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import { connectionTypeOf, ConnectionArgs, toGlobalId, type NodeTypeName } from '../../graphql/relay';
import { DateTimeScalar, JSONScalar } from '../../graphql/scalars';
import { ChangeEvent, type ActorKind, type ChangeOperation } from './change-event.entity';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { SortDirection } from '../station/station.inputs';

export enum ChangeOperationEnum {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

export enum ActorKindEnum {
  ANONYMOUS = 'ANONYMOUS',
  API_CLIENT = 'API_CLIENT',
  USER = 'USER',
  SYSTEM = 'SYSTEM',
}

/** Kinds of records in the audit trail and the change feed (entity class names in the database). */
export enum ChangeRecordType {
  STATION = 'Station',
  PLATFORM = 'Platform',
  SERVICE_ITEM = 'ServiceItem',
  STATION_SERVICE_ITEM = 'StationServiceItem',
  DEPARTMENT = 'Department',
  ORGANIZATION = 'Organization',
  CO_BUILDING = 'CoBuilding',
  ACTIVITY = 'Activity',
  VOLUNTEER_TEAM = 'VolunteerTeam',
  VOLUNTEER_TEAM_MEMBER = 'VolunteerTeamMember',
  DELIBERATION_VENUE = 'DeliberationVenue',
  PERSON = 'Person',
  DUTY_SHIFT = 'DutyShift',
  STATION_GRID_WORKER = 'StationGridWorker',
  EXTERNAL_REF = 'ExternalRef',
  NEED = 'Need',
  NEED_TRANSITION = 'NeedTransition',
  NEED_CLAIM = 'NeedClaim',
  MEETING = 'Meeting',
  MEETING_AGENDA_ITEM = 'MeetingAgendaItem',
  CONSTRUCTION_PLAN = 'ConstructionPlan',
  EXTERNAL_REF_SYSTEM = 'ExternalRefSystem',
  API_CLIENT = 'ApiClient',
  WEBHOOK_SUBSCRIPTION = 'WebhookSubscription',
}

/** Record types the change feed never carries (they are administrative, not shared data). */
export const FEED_EXCLUDED_TYPES: readonly string[] = [ChangeRecordType.API_CLIENT, ChangeRecordType.WEBHOOK_SUBSCRIPTION, ChangeRecordType.EXTERNAL_REF_SYSTEM];

registerEnumType(ChangeOperationEnum, {
  name: 'ChangeOperation',
  description: '变更类型 What happened to a record',
  valuesConfig: {
    CREATE: { description: '新建 Created' },
    UPDATE: { description: '修改 Changed' },
    DELETE: { description: '删除（墓碑）Deleted; in the feed, a tombstone' },
  },
});

registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: '操作者类型 Who made a change',
  valuesConfig: {
    ANONYMOUS: { description: '匿名调用方 An anonymous caller' },
    API_CLIENT: { description: '接口客户端 An API client' },
    USER: { description: '管理端用户（统一身份认证）A user of an admin frontend' },
    SYSTEM: { description: '系统（命令行、初始化数据）The system: command line, seeds' },
  },
});

registerEnumType(ChangeRecordType, {
  name: 'ChangeRecordType',
  description: '记录类型 Kind of record in the audit trail and the change feed',
  valuesConfig: {
    STATION: { description: '驿站 Station' },
    PLATFORM: { description: '整合平台 Platform' },
    SERVICE_ITEM: { description: '服务事项 Service item' },
    STATION_SERVICE_ITEM: { description: '事项下沉 Service item pushed down to a station' },
    DEPARTMENT: { description: '部门 Department' },
    ORGANIZATION: { description: '共建组织 Organization' },
    CO_BUILDING: { description: '共建关系 Co-building relation' },
    ACTIVITY: { description: '活动 Activity' },
    VOLUNTEER_TEAM: { description: '志愿服务队伍 Volunteer team' },
    VOLUNTEER_TEAM_MEMBER: { description: '志愿服务队伍队员 Member of a volunteer team' },
    DELIBERATION_VENUE: { description: '议事场所 Deliberation venue' },
    PERSON: { description: '人员 Person' },
    DUTY_SHIFT: { description: '值班 Duty shift' },
    STATION_GRID_WORKER: { description: '网格员驻点 Grid worker stationed at a station' },
    EXTERNAL_REF: { description: '外部编号 External reference' },
    NEED: { description: '群众需求 / 微心愿 Need' },
    NEED_TRANSITION: { description: '需求办理记录 A move of a need through its workflow' },
    NEED_CLAIM: { description: '需求认领（点单）A claim of a listed need' },
    MEETING: { description: '民生议事厅会议 A livelihood meeting' },
    MEETING_AGENDA_ITEM: { description: '议事议题及决定 A need on a meeting’s agenda and its decision' },
    CONSTRUCTION_PLAN: { description: '建设计划 Construction plan' },
    EXTERNAL_REF_SYSTEM: { description: '外部系统归属（仅审计日志；记录 ID 为系统名称）Owner of an external system (audit trail only; the record ID is the system name)' },
    API_CLIENT: { description: '接口客户端（仅审计日志）API client (audit trail only)' },
    WEBHOOK_SUBSCRIPTION: { description: '推送订阅（仅审计日志）Webhook subscription (audit trail only)' },
  },
});

/** A change_event row as the read paths carry it. */
export interface ChangeRecord {
  sequence: string;
  tx: string;
  occurredAt: Date;
  recordType: string;
  localId: string;
  operation: ChangeOperation;
  version: number | null;
  actorKind: ActorKind;
  actorId: string | null;
  actorName: string | null;
  departmentId: string | null;
  requestId: string | null;
  mutation: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** Read beside the key and the transaction id, which are bigint and xid8 and are read as text. */
const CHANGE_PROPERTIES = ['occurredAt', 'recordType', 'recordId', 'operation', 'version', 'actorKind', 'actorId', 'actorName', 'departmentId', 'requestId', 'mutation'] as const;
export type ChangeRow = RowOf<ChangeEvent, (typeof CHANGE_PROPERTIES)[number] | 'seq' | 'tx'> & {
  /** Parsed by the driver, or JSON text when read through a json_agg. */
  changes: ChangeEvent['changes'] | string;
};

export const CHANGE_COLUMNS = `e.seq::text as seq, e.tx::text as tx, ${columnsOf(ChangeEvent, 'e', CHANGE_PROPERTIES)}, e.changes`;

export function toChangeRecord(row: ChangeRow): ChangeRecord {
  return {
    sequence: row.seq,
    tx: row.tx,
    occurredAt: toDate(row.occurred_at),
    recordType: row.record_type,
    localId: row.record_id,
    operation: row.operation,
    version: row.version,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    departmentId: row.department_id,
    requestId: row.request_id,
    mutation: row.mutation,
    changes: typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes,
  };
}

/** The record's id as callers know it: a global ID, which node(id) can fetch (every record type of the feed and the audit trail is a node type). */
export function publicRecordId(record: Pick<ChangeRecord, 'recordType' | 'localId'>): string {
  return toGlobalId(record.recordType as NodeTypeName, record.localId);
}

@RolesOnly(Role.ADMIN)
@ObjectType('FieldChange', { simpleResolvers: true, description: '字段变更 One field of a record before and after a change' })
export class FieldChangeType {
  @RolesOnly(Role.ADMIN)
  @Field({ description: '字段名：与该记录的 GraphQL 类型字段同名 Field name, as on the record’s GraphQL type (e.g. Station.region)' })
  field!: string;

  @RolesOnly(Role.ADMIN)
  @Field(() => JSONScalar, {
    nullable: true,
    description:
      '变更前的值，与查询时所见相同：引用为全局 ID，枚举为名称，列表为数组，时间为 ISO 8601；个人信息已脱敏；新建时为空 Value before, as a read shows it: references as global IDs, enums by name, lists as arrays, instants in ISO 8601; personal values masked; null for a creation',
  })
  before!: unknown;

  @RolesOnly(Role.ADMIN)
  @Field(() => JSONScalar, {
    nullable: true,
    description: '变更后的值（格式同 before；删除时为空）Value after, in the same form as before; null for a deletion',
  })
  after!: unknown;
}

/** Who made a change, as stored with it. */
export interface ChangeActorRecord {
  kind: ActorKind;
  /** The API client's local id or the user's subject; null for SYSTEM and anonymous writes. */
  id: string | null;
  /** The API client's or the user's name. */
  name: string | null;
  departmentId: string | null;
}

export function actorOfChange(change: ChangeRecord): ChangeActorRecord {
  return { kind: change.actorKind, id: change.actorId, name: change.actorName, departmentId: change.departmentId };
}

@SignedIn()
@ObjectType('ChangeActor', {
  description:
    '变更的操作者，按调用方可见的程度给出：接口客户端、所代表的部门或管理端用户（姓名按个人信息规则脱敏）Who made a change, as far as the caller may see it: the API client, the department it acted for, or the admin-frontend user (the name masked like all personal data)',
})
export class ChangeActorType {
  @SignedIn()
  @Field(() => ActorKindEnum, { description: '操作者类型 Kind of actor' })
  kind!: ActorKind;
}

@RolesOnly(Role.ADMIN)
@ObjectType('AuditEvent', { description: '审计事件：一条记录的一次变更，与变更同一事务写入 One change to one record, written in the same transaction as the change' })
export class AuditEventType {
  @RolesOnly(Role.ADMIN)
  @Field({ description: '序号（越大越晚）Sequence number; larger is later' })
  sequence!: string;

  @RolesOnly(Role.ADMIN)
  @Field(() => DateTimeScalar, { description: '发生时间 When it happened' })
  occurredAt!: Date;

  @RolesOnly(Role.ADMIN)
  @Field(() => ChangeOperationEnum, { description: '变更类型 What happened' })
  operation!: ChangeOperation;

  @RolesOnly(Role.ADMIN)
  @Field(() => ChangeRecordType, { description: '记录类型 Kind of record' })
  recordType!: string;

  @RolesOnly(Role.ADMIN)
  @Field(() => Int, { nullable: true, description: '变更后的版本号（删除时为删除前的版本）Version after the change; for a delete, the last version' })
  version!: number | null;

  @RolesOnly(Role.ADMIN)
  @Field(() => String, { nullable: true, description: '请求 ID（可与服务日志对照）Request id, to match the service logs' })
  requestId!: string | null;

  @RolesOnly(Role.ADMIN)
  @Field(() => String, { nullable: true, description: '来源变更操作，如 updateStation The mutation it came from, e.g. updateStation' })
  mutation!: string | null;
}

export const AuditEventConnection = connectionTypeOf(AuditEventType, 'AuditEvent', '审计事件');

@InputType('AuditEventFilter', { description: '审计事件筛选 Audit event filters; all given conditions must hold' })
export class AuditEventFilter {
  @Field(() => [ChangeRecordType], { nullable: true, description: '记录类型之一 Any of these record types' })
  recordType?: ChangeRecordType[];

  @Field(() => ID, { nullable: true, description: '记录 ID Record ID' })
  recordId?: string;

  @Field(() => [ChangeOperationEnum], { nullable: true, description: '变更类型之一 Any of these operations' })
  operation?: ChangeOperation[];

  @Field({
    nullable: true,
    description:
      '操作者：接口客户端的全局 ID（ChangeActor.apiClient.id），或管理端用户的标识（ChangeActor.userSubject）Actor: an API client’s global ID (ChangeActor.apiClient.id), or a user’s subject (ChangeActor.userSubject)',
  })
  actorId?: string;

  @Field({ nullable: true, description: '来源变更操作 Mutation name' })
  mutation?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '不早于 At or after' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '早于 Before' })
  to?: Date;
}

@InputType('AuditEventOrder', { description: '审计事件排序：按发生先后 Ordering of audit events, by when they happened (the order changes were committed)' })
export class AuditEventOrder {
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: '方向，默认最新在前 Direction; newest first by default' })
  direction!: SortDirection;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: AuditEventFilter;

  @Field(() => AuditEventOrder, { nullable: true, description: '排序，默认最新在前 Ordering; newest first by default' })
  orderBy?: AuditEventOrder;
}

@SignedIn()
@ObjectType('Change', { description: '变更条目：同步方按顺序逐条应用 One entry of the change feed; apply them in order' })
export class ChangeType {
  @SignedIn()
  @Field({ description: '本条之后的游标：下次从这里继续 Cursor after this entry; continue from here next time' })
  cursor!: string;

  @SignedIn()
  @Field({ description: '序号 Sequence number' })
  sequence!: string;

  @SignedIn()
  @Field(() => ChangeOperationEnum, { description: '变更类型；DELETE 为墓碑 What happened; DELETE is a tombstone' })
  operation!: ChangeOperation;

  @SignedIn()
  @Field(() => ChangeRecordType, { description: '记录类型 Kind of record' })
  recordType!: string;

  @SignedIn()
  @Field(() => Int, { nullable: true, description: '变更后的版本号 Version after the change' })
  version!: number | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { description: '发生时间 When it happened' })
  occurredAt!: Date;

  @SignedIn()
  @Field(() => String, {
    nullable: true,
    description:
      '写入请求的请求 ID（x-request-id；调用方自带的有效 ID 会被沿用，可据此认出自己的写入）Request id of the write (x-request-id; a valid one the caller sent is kept, so a system can recognise its own writes by it)',
  })
  requestId!: string | null;
}

@SignedIn()
@ObjectType('ChangeFeed', { simpleResolvers: true, description: '变更流的一页 A page of the change feed' })
export class ChangeFeedType {
  @SignedIn()
  @Field(() => [ChangeType], { description: '已提交的变更，按提交顺序 Committed changes in feed order' })
  changes!: unknown[];

  @SignedIn()
  @Field(() => String, { nullable: true, description: '下次轮询传入的 after 游标（无新变更时为传入的游标）Pass as `after` next time; the given cursor when nothing new' })
  endCursor!: string | null;

  @SignedIn()
  @Field({ description: '是否还有更多变更可立即读取 Whether more changes can be read right away' })
  hasMore!: boolean;
}
