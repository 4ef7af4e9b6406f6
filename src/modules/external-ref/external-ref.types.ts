import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { PlatformInterface, type PlatformRecord } from '../platform/platform.types';
import { ServiceItemType, StationServiceItemType, type ServiceItemRecord, type StationServiceItemRecord } from '../service-item/service-item.types';
import { VolunteerTeamType, type VolunteerTeamRecord } from '../volunteer-team/volunteer-team.types';
import { DeliberationVenueType, type DeliberationVenueRecord } from '../deliberation-venue/deliberation-venue.types';
import { ExternalRecordType, ExternalRefSystemStatus } from './external-ref.enums';
import { CreatedNode, VersionedNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { ExternalRef, ExternalRefSystem } from './external-ref.entity';

registerEnumType(ExternalRecordType, {
  name: 'ExternalRecordType',
  description: '外部编号所属记录类型 Kind of record an external reference names',
  valuesConfig: {
    PLATFORM: { description: '整合平台（任一类型）A platform of any kind' },
    SERVICE_ITEM: { description: '高频服务事项 A service item of the catalogue' },
    STATION_SERVICE_ITEM: { description: '事项下沉记录 A push-down of a service item to a station' },
    ORGANIZATION: { description: '共建组织 An organization' },
    VOLUNTEER_TEAM: { description: '志愿服务队伍（帮帮团、评理团等）A volunteer team' },
    DELIBERATION_VENUE: { description: '议事场所（连心园、议事亭等）A deliberation venue' },
  },
});

/** An external reference as the read paths carry it. */
export interface ExternalRefRecord {
  __typename: 'ExternalRef';
  /** Global ID. */
  id: string;
  dbId: string;
  system: string;
  externalId: string;
  recordType: ExternalRecordType;
  recordId: string;
  createdAt: Date;
}

const EXTERNAL_REF_PROPERTIES = ['id', 'system', 'externalId', 'recordType', 'recordId', 'createdAt'] as const;
export type ExternalRefRow = RowOf<ExternalRef, (typeof EXTERNAL_REF_PROPERTIES)[number]>;
export const EXTERNAL_REF_COLUMNS = columnsOf(ExternalRef, 'r', EXTERNAL_REF_PROPERTIES);

export function toExternalRefRecord(row: ExternalRefRow): ExternalRefRecord {
  return {
    __typename: 'ExternalRef',
    id: toGlobalId('ExternalRef', row.id),
    dbId: row.id,
    system: row.system,
    externalId: row.external_id,
    recordType: row.record_type,
    recordId: row.record_id,
    createdAt: toDate(row.created_at),
  };
}

@SignedIn()
@ObjectType('ExternalRef', {
  implements: Node,
  simpleResolvers: true,
  description: '外部编号：合作部门系统中对这条记录的编号，用于按编号同步（upsert…）An ID a partner system has for this record; upsert mutations find the record by it',
})
export class ExternalRefType extends CreatedNode(SignedIn, { createdAt: '关联时间 When the ID was attached to the record' }) {
  @SignedIn()
  @Field(() => ExternalRecordType, { description: '所属记录的类型 Kind of record it names' })
  recordType!: ExternalRecordType;

  @SignedIn()
  @Field({ description: '外部系统名称，如 zgh-care Name of the partner’s system, e.g. zgh-care' })
  system!: string;

  @SignedIn()
  @Field({ description: '该系统中的记录编号 The record’s ID in that system' })
  externalId!: string;
}

export const ExternalRefConnection = connectionTypeOf(ExternalRefType, 'ExternalRef', '外部编号');

/** What every upsert returns besides its record. */
export interface UpsertFlags {
  created: boolean;
  changed: boolean;
  userErrors: UserError[];
}

export interface UpsertPlatformResult extends UpsertFlags {
  platform: PlatformRecord | null;
}
export interface UpsertServiceItemResult extends UpsertFlags {
  serviceItem: ServiceItemRecord | null;
}
export interface UpsertStationServiceItemResult extends UpsertFlags {
  stationServiceItem: StationServiceItemRecord | null;
}
export interface UpsertOrganizationResult extends UpsertFlags {
  organization: OrganizationRecord | null;
}
export interface UpsertVolunteerTeamResult extends UpsertFlags {
  volunteerTeam: VolunteerTeamRecord | null;
}
export interface UpsertDeliberationVenueResult extends UpsertFlags {
  deliberationVenue: DeliberationVenueRecord | null;
}

type ClassType = new (...args: never[]) => unknown;

/** Declares `<name> { <record>, created, changed, userErrors }`. */
function upsertPayloadTypeOf(name: string, mutation: string, record: { name: string; type: () => ClassType; zh: string; en: string }): ClassType {
  @Public()
  @ObjectType(name, { simpleResolvers: true, description: `${record.zh}同步结果 Result of ${mutation}` })
  class Payload {
    @Public()
    @Field({ description: '是否新建了记录（false 表示按外部编号找到了已有记录）Whether the record was created; false when the external reference named an existing one' })
    created!: boolean;

    @Public()
    @Field({
      description:
        '是否写入了改动；与现有数据完全一致时为 false，版本号不变 Whether anything was written; false when the record already matched the input (its version is unchanged)',
    })
    changed!: boolean;

    @Public()
    @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
    userErrors!: UserError[];
  }
  Field(record.type, { nullable: true, description: `${record.zh}（有用户错误时为空）${record.en}; null when there are user errors` })(Payload.prototype, record.name);
  // Who may read the record itself is its type's declaration.
  Public()(Payload.prototype, record.name);
  return Payload;
}

export const UpsertPlatformPayload = upsertPayloadTypeOf('UpsertPlatformPayload', 'upsertPlatform', {
  name: 'platform',
  type: () => PlatformInterface,
  zh: '整合平台',
  en: 'The platform',
});
export const UpsertServiceItemPayload = upsertPayloadTypeOf('UpsertServiceItemPayload', 'upsertServiceItem', {
  name: 'serviceItem',
  type: () => ServiceItemType,
  zh: '服务事项',
  en: 'The service item',
});
export const UpsertStationServiceItemPayload = upsertPayloadTypeOf('UpsertStationServiceItemPayload', 'upsertStationServiceItem', {
  name: 'stationServiceItem',
  type: () => StationServiceItemType,
  zh: '下沉记录',
  en: 'The push-down record',
});
export const UpsertOrganizationPayload = upsertPayloadTypeOf('UpsertOrganizationPayload', 'upsertOrganization', {
  name: 'organization',
  type: () => OrganizationType,
  zh: '组织',
  en: 'The organization',
});
export const UpsertVolunteerTeamPayload = upsertPayloadTypeOf('UpsertVolunteerTeamPayload', 'upsertVolunteerTeam', {
  name: 'volunteerTeam',
  type: () => VolunteerTeamType,
  zh: '志愿服务队伍',
  en: 'The volunteer team',
});
export const UpsertDeliberationVenuePayload = upsertPayloadTypeOf('UpsertDeliberationVenuePayload', 'upsertDeliberationVenue', {
  name: 'deliberationVenue',
  type: () => DeliberationVenueType,
  zh: '议事场所',
  en: 'The deliberation venue',
});

/** A record of any of the types that carry references, as the loaders return it. */
export type ExternalRecord = PlatformRecord | ServiceItemRecord | StationServiceItemRecord | OrganizationRecord | VolunteerTeamRecord | DeliberationVenueRecord;

@Public()
@ObjectType('AddExternalRefPayload', { simpleResolvers: true, description: '关联外部编号结果 Result of addExternalRef' })
export class AddExternalRefPayload {
  @Public()
  @Field(() => Node, { nullable: true, description: '关联了编号的记录（有用户错误时为空）The record that carries the ID; null when there are user errors' })
  record!: ExternalRecord | null;

  @Public()
  @Field(() => ExternalRefType, { nullable: true, description: '关联的外部编号（有用户错误时为空）The external reference; null when there are user errors' })
  externalRef!: ExternalRefRecord | null;

  @Public()
  @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
  userErrors!: UserError[];
}

@Public()
@ObjectType('RemoveExternalRefPayload', { simpleResolvers: true, description: '删除外部编号结果 Result of removeExternalRef' })
export class RemoveExternalRefPayload {
  @Public()
  @Field(() => Node, { nullable: true, description: '删除了编号的记录（有用户错误时为空）The record the ID was removed from; null when there are user errors' })
  record!: ExternalRecord | null;

  @Public()
  @Field(() => ExternalRefType, { nullable: true, description: '已删除的外部编号（有用户错误时为空）The external reference that was removed; null when there are user errors' })
  removedExternalRef!: ExternalRefRecord | null;

  @Public()
  @Field(() => ID, {
    nullable: true,
    description:
      '已删除外部编号的全局 ID，即变更流中其墓碑的 recordId（有用户错误时为空）Global ID of the removed reference, the recordId of its tombstone in the feed; null when there are user errors',
  })
  deletedId!: string | null;

  @Public()
  @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
  userErrors!: UserError[];
}

export interface AddExternalRefResult {
  record: ExternalRecord | null;
  externalRef: ExternalRefRecord | null;
  userErrors: UserError[];
}

export interface RemoveExternalRefResult {
  record: ExternalRecord | null;
  removedExternalRef: ExternalRefRecord | null;
  deletedId: string | null;
  userErrors: UserError[];
}

registerEnumType(ExternalRefSystemStatus, {
  name: 'ExternalRefSystemStatus',
  description: '外部系统归属状态 Who may write IDs in an external system',
  valuesConfig: {
    UNCLAIMED: {
      description:
        '无主：有权修改记录的调用方都可在其中写入编号；合作部门第一次在其中关联或同步编号即归该部门所有 Unclaimed: whoever may write the records may write IDs in it; the first add or upsert by a partner department makes it that department’s',
    },
    OWNED: { description: '部门所有：只有该部门（及组织部管理员）能在其中写入或删除编号 Owned: only its department (and administrators) may write or remove IDs in it' },
    SHARED: {
      description:
        '共用（由管理员设定）：有权修改记录的调用方都可在其中写入编号，写入不会使其归属任何部门 Shared, set by an administrator: whoever may write the records may write IDs in it, and writing never claims it',
    },
  },
});

/** An external reference system as the read paths carry it. */
export interface ExternalRefSystemRecord {
  __typename: 'ExternalRefSystem';
  /** Global ID (of the system name). */
  id: string;
  system: string;
  status: ExternalRefSystemStatus;
  departmentId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const EXTERNAL_REF_SYSTEM_PROPERTIES = ['system', 'status', 'department', 'version', 'createdAt', 'updatedAt'] as const;
export type ExternalRefSystemRow = RowOf<ExternalRefSystem, (typeof EXTERNAL_REF_SYSTEM_PROPERTIES)[number]>;
export const EXTERNAL_REF_SYSTEM_COLUMNS = columnsOf(ExternalRefSystem, 's', EXTERNAL_REF_SYSTEM_PROPERTIES);

export function toExternalRefSystemRecord(row: ExternalRefSystemRow): ExternalRefSystemRecord {
  return {
    __typename: 'ExternalRefSystem',
    id: toGlobalId('ExternalRefSystem', row.system),
    system: row.system,
    status: row.status,
    departmentId: row.department_id,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('ExternalRefSystem', {
  implements: Node,
  simpleResolvers: true,
  description:
    '外部系统：合作部门用来给记录编号的系统，及谁可以在其中写入编号。系统归第一个在其中关联或同步编号的合作部门所有，其他部门不能在其中写入或删除编号；组织部管理员可以指定、变更归属或设为共用 A partner system whose IDs the registry keeps, and who may write them. A system belongs to the first partner department that adds or upserts an ID in it; other departments cannot write or remove IDs in it; administrators assign, move or share systems',
})
export class ExternalRefSystemType extends VersionedNode(SignedIn, {
  version: '版本号：每次归属变更加一 Version; goes up with every change of owner or status',
  createdAt: '登记时间：第一次在其中写入编号或被指定归属的时间 When it was first used or assigned',
  updatedAt: '归属最近变更时间 When its owner or status last changed',
}) {
  @SignedIn()
  @Field({ description: '外部系统名称，如 HBRS-GIG System name, e.g. HBRS-GIG' })
  system!: string;

  @SignedIn()
  @Field(() => ExternalRefSystemStatus, { description: '归属状态 Who may write IDs in it' })
  status!: ExternalRefSystemStatus;
}

export const ExternalRefSystemConnection = connectionTypeOf(ExternalRefSystemType, 'ExternalRefSystem', '外部系统');

export const AssignExternalRefSystemPayload = payloadTypeOf('AssignExternalRefSystemPayload', '指定外部系统归属结果 Result of assignExternalRefSystem', {
  name: 'externalRefSystem',
  type: () => ExternalRefSystemType,
  zh: '外部系统',
  en: 'The system',
});

export interface AssignExternalRefSystemResult {
  externalRefSystem: ExternalRefSystemRecord | null;
  userErrors: UserError[];
}
