import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { OpeningHoursInput } from '../opening-hours/opening-hours.types';
import { OrganizationKind } from '../organization/organization.enums';
import { PlatformKind } from '../platform/platform.enums';
import { PlatformDetailInputs } from '../platform/platform.inputs';
import { ServiceHandlingMode, ServiceItemCategory, ServiceItemLevel, StationServiceItemStatus } from '../service-item/service-item.enums';
import { GeoPointInput } from '../../geo/geo.types';
import { DeliberationVenueKind } from '../deliberation-venue/deliberation-venue.enums';
import { VolunteerTeamKind } from '../volunteer-team/volunteer-team.enums';
import { ExternalRecordType, ExternalRefSystemStatus } from './external-ref.enums';

@InputType('ExternalRefInput', { description: '外部编号：合作部门系统名称及其中的记录编号 A partner system’s name and its ID for the record' })
export class ExternalRefInput {
  @Field({
    description:
      '外部系统名称：2–64位字母、数字或 . _ -，以字母或数字开头，如 zgh-care。系统归第一个在其中关联或同步编号的合作部门所有，其他部门写入会被拒绝（FORBIDDEN）；没有所属部门的调用方（如街道、社区操作员）只能在无主或共用的系统中写入，且不会占用系统；见 externalRefSystems System name: 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit, e.g. zgh-care. A system belongs to the first partner department that adds or upserts an ID in it, and other departments are refused (FORBIDDEN); callers without a department (street and community operators) write only in unclaimed or shared systems and never claim one; see externalRefSystems',
  })
  system!: string;

  @Field({ description: '该系统中的记录编号（1–128个字符，区分大小写）The record’s ID in that system: 1–128 characters, case-sensitive' })
  externalId!: string;
}

@InputType('UpsertPlatformInput', {
  description:
    '按外部编号同步整合平台：编号未用过则新建平台，已用过则把该平台改成所给的值（类型和所属部门不可改）；未给的可选字段保持不变 Create the platform an external reference names, or make it match the input (kind and department never change); optional fields left out stay as they are',
})
export class UpsertPlatformInput extends PlatformDetailInputs {
  @Field(() => ExternalRefInput, { description: '外部编号 The partner’s reference for the platform' })
  externalRef!: ExternalRefInput;

  @Field(() => PlatformKind, { description: '平台类型；已有平台须与之相同 Kind; must match an existing platform’s' })
  kind!: PlatformKind;

  @Field(() => ID, {
    description:
      '所在驿站 ID；与已有平台不同时即迁入该驿站（不能是已关闭或已归档的驿站）ID of its station; a different one moves the platform there (not a closed or archived station)',
  })
  stationId!: string;

  @Field({ description: '所属部门代码，如 XY-ZGH；已有平台须与之相同 Code of the owning department, e.g. XY-ZGH; must match an existing platform’s' })
  departmentCode!: string;

  @Field({ description: '平台名称 Name' })
  name!: string;

  @Field({ description: '所属部门自己的编号（部门内唯一，不含空格）The owning department’s own ID for it; unique within the department, no spaces' })
  ownerRef!: string;

  @Field(() => OpeningHoursInput, { nullable: true, description: '开放时间；传 null 表示清空，不传则不变 Opening hours; null clears them, leaving it out keeps them' })
  openingHours?: OpeningHoursInput | null;

  @Field({ nullable: true, description: '是否启用；不传时新平台为启用，已有平台不变 Active; left out, a new platform is active and an existing one keeps its flag' })
  active?: boolean;
}

@InputType('UpsertServiceItemInput', {
  description:
    '按外部编号同步服务事项：编号未用过则新建事项，已用过则把该事项改成所给的值（编码和层级不可改）；未给的可选字段保持不变 Create the item an external reference names, or make it match the input (code and level never change); optional fields left out stay as they are',
})
export class UpsertServiceItemInput {
  @Field(() => ExternalRefInput, { description: '外部编号 The partner’s reference for the item' })
  externalRef!: ExternalRefInput;

  @Field({ description: '事项编码，如 420600-SB-0001；已有事项须与之相同 Catalogue code, e.g. 420600-SB-0001; must match an existing item’s' })
  code!: string;

  @Field({ description: '事项名称 Name' })
  name!: string;

  @Field(() => ServiceItemLevel, {
    description: '事项层级，须与编码前6位的区划层级一致；已有事项须与之相同 Issuing level; must match the division in the code and an existing item’s level',
  })
  level!: ServiceItemLevel;

  @Field(() => ServiceItemCategory, { description: '事项类别 Category' })
  category!: ServiceItemCategory;

  @Field({ description: '责任部门代码（须为启用中的部门）Code of the responsible department, which must be active' })
  departmentCode!: string;

  @Field(() => ServiceHandlingMode, { description: '默认办理方式 Default way of handling it at stations' })
  handlingMode!: ServiceHandlingMode;

  @Field(() => [String], {
    nullable: true,
    description:
      '申请材料（整体替换；至多30项，每项至多100字）；不传时新事项为空，已有事项不变 Documents to bring, replacing the list (at most 30, each at most 100 characters); left out, none for a new item and unchanged for an existing one',
  })
  materials?: string[];

  @Field(() => Int, {
    nullable: true,
    description: '承诺办结时限（1–365个工作日）；传 null 表示即办，不传则不变 Time limit in working days (1–365); null means on the spot, leaving it out keeps it',
  })
  timeLimitDays?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '收费标准（元，至多两位小数）；不传时新事项免费，已有事项不变 Fee in yuan, at most two decimals; left out, free for a new item and unchanged for an existing one',
  })
  feeYuan?: number;

  @Field(() => String, {
    nullable: true,
    description: '办理说明（至多1000字）；传 null 表示清空，不传则不变 Notes, at most 1,000 characters; null clears them, leaving it out keeps them',
  })
  description?: string | null;

  @Field({ nullable: true, description: '是否启用；不传时新事项为启用，已有事项不变 Active; left out, a new item is active and an existing one keeps its flag' })
  active?: boolean;
}

@InputType('UpsertStationServiceItemInput', {
  description:
    '按外部编号同步下沉记录：编号未用过则下沉（该驿站已有该事项的下沉记录时，把编号关联到那条记录），已用过则把该记录改成所给的值（驿站和事项不可改） Push an item down by external reference; when the station already has the item, the reference is attached to that push-down; an existing one is made to match the input (station and item never change)',
})
export class UpsertStationServiceItemInput {
  @Field(() => ExternalRefInput, { description: '外部编号 The partner’s reference for the push-down' })
  externalRef!: ExternalRefInput;

  @Field({ description: '事项编码（新下沉须为启用中的事项）Catalogue code; a new push-down needs an active item' })
  itemCode!: string;

  @Field(() => ID, { description: '驿站 ID（新下沉须为未归档、未关闭的驿站）Station ID; a new push-down needs a station that is neither archived nor closed' })
  stationId!: string;

  @Field(() => ServiceHandlingMode, {
    nullable: true,
    description: '办理方式；不传时新记录取事项的默认方式，已有记录不变 Handling mode; left out, the item’s default for a new push-down and unchanged for an existing one',
  })
  mode?: ServiceHandlingMode;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '下沉日期；不传时新记录为今天（北京时间），已有记录不变 Date from which it is handled; left out, today in China for a new push-down and unchanged for an existing one',
  })
  since?: string;

  @Field(() => StationServiceItemStatus, {
    nullable: true,
    description:
      '状态；不传时新记录为办理中，已有记录不变；恢复为办理中须事项启用且驿站未关闭 Status; left out, ACTIVE for a new push-down and unchanged for an existing one; back to ACTIVE only for an active item at a station still serving',
  })
  status?: StationServiceItemStatus;
}

@InputType('UpsertOrganizationInput', {
  description:
    '按外部编号同步组织：编号未用过则新建组织，已用过则把该组织改成所给的值；未给的可选字段保持不变 Create the organization an external reference names, or make it match the input; optional fields left out stay as they are',
})
export class UpsertOrganizationInput {
  @Field(() => ExternalRefInput, { description: '外部编号 The partner’s reference for the organization' })
  externalRef!: ExternalRefInput;

  @Field({ description: '组织名称（至多100字）Name, at most 100 characters' })
  name!: string;

  @Field(() => OrganizationKind, { description: '组织类型 Kind' })
  kind!: OrganizationKind;

  @Field(() => String, {
    nullable: true,
    description: '统一社会信用代码（18位）；传 null 表示清空，不传则不变 Unified social credit code (18 characters); null clears it, leaving it out keeps it',
  })
  creditCode?: string | null;

  @Field({ description: '联系人姓名（个人信息）Contact person (personal data)' })
  contactName!: string;

  @Field({ description: '联系电话：手机号或带区号的座机（个人信息）Contact phone: a mobile or a landline with area code (personal data)' })
  contactPhone!: string;

  @Field({ description: '所在地行政区划代码 Code of the region it is based in' })
  regionCode!: string;

  @Field({ nullable: true, description: '是否启用；不传时新组织为启用，已有组织不变 Active; left out, a new organization is active and an existing one keeps its flag' })
  active?: boolean;
}

@InputType('UpsertVolunteerTeamInput', {
  description:
    '按外部编号同步志愿服务队伍：编号未用过则新建，已用过则把该队伍改成所给的值；未给的可选字段保持不变，服务社区不可改 Create the volunteer team an external reference names, or make it match the input; optional fields left out stay as they are, and the community never changes',
})
export class UpsertVolunteerTeamInput {
  @Field(() => ExternalRefInput, { description: '外部编号 The partner’s reference for the team' })
  externalRef!: ExternalRefInput;

  @Field({ description: '队伍名称（至多100字）Name, at most 100 characters' })
  name!: string;

  @Field(() => VolunteerTeamKind, { description: '队伍类别 Kind' })
  kind!: VolunteerTeamKind;

  @Field({ description: '服务的社区（村）12位区划代码；已有队伍须为其原社区 The 12-digit code of the community or village it serves; an existing team’s own' })
  regionCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: '所在驿站 ID（须在该社区，未归档）；传 null 表示清空，不传则不变 Station ID, in that community; null clears it, leaving it out keeps it',
  })
  stationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: '来源组织 ID（须为启用状态）；传 null 表示清空，不传则不变 ID of the organization it comes from, active; null clears it, leaving it out keeps it',
  })
  organizationId?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '“六进小区”下沉日期（不晚于今天）；传 null 表示未下沉，不传则不变 The day it was sent down under 六进小区, not after today; null: not sent down; leaving it out keeps it',
  })
  sentDownAt?: string | null;

  @Field({ nullable: true, description: '是否在册；不传时新队伍为在册，已有队伍不变 Active; left out, a new team is active and an existing one keeps its flag' })
  active?: boolean;
}

@InputType('UpsertDeliberationVenueInput', {
  description:
    '按外部编号同步议事场所：编号未用过则新建，已用过则把该场所改成所给的值；未给的可选字段保持不变，所在社区不可改 Create the deliberation venue an external reference names, or make it match the input; optional fields left out stay as they are, and the community never changes',
})
export class UpsertDeliberationVenueInput {
  @Field(() => ExternalRefInput, { description: '外部编号 The partner’s reference for the venue' })
  externalRef!: ExternalRefInput;

  @Field({ description: '场所名称（至多100字）Name, at most 100 characters' })
  name!: string;

  @Field(() => DeliberationVenueKind, { description: '场所类别 Kind' })
  kind!: DeliberationVenueKind;

  @Field({ description: '所在社区（村）12位区划代码；已有场所须为其原社区 The 12-digit code of its community or village; an existing venue’s own' })
  regionCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: '所属驿站 ID（须在该社区，未归档）；传 null 表示清空，不传则不变 Station ID, in that community; null clears it, leaving it out keeps it',
  })
  stationId?: string | null;

  @Field(() => String, { nullable: true, description: '地址（至多200字）；传 null 表示清空，不传则不变 Address, at most 200 characters; null clears it, leaving it out keeps it' })
  address?: string | null;

  @Field(() => GeoPointInput, {
    nullable: true,
    description:
      '位置（可用 GCJ-02/BD-09 输入，按 WGS-84 存储）；传 null 表示清空，不传则不变 Location, GCJ-02 or BD-09 accepted, stored as WGS-84; null clears it, leaving it out keeps it',
  })
  location?: GeoPointInput | null;

  @Field({ nullable: true, description: '是否启用；不传时新场所为启用，已有场所不变 Active; left out, a new venue is active and an existing one keeps its flag' })
  active?: boolean;
}

@InputType('AddExternalRefInput', { description: '给已有记录关联外部编号 Attach an external reference to an existing record' })
export class AddExternalRefInput {
  @Field(() => ExternalRecordType, { description: '记录类型 Kind of record' })
  type!: ExternalRecordType;

  @Field(() => ID, { description: '记录的全局 ID The record’s global ID' })
  id!: string;

  @Field({ description: '外部系统名称 System name' })
  system!: string;

  @Field({ description: '该系统中的记录编号 The record’s ID in that system' })
  externalId!: string;
}

@InputType('RemoveExternalRefInput', { description: '删除记录在某外部系统中的编号 Remove a record’s ID in one external system' })
export class RemoveExternalRefInput {
  @Field(() => ExternalRecordType, { description: '记录类型 Kind of record' })
  type!: ExternalRecordType;

  @Field(() => ID, { description: '记录的全局 ID The record’s global ID' })
  id!: string;

  @Field({ description: '外部系统名称 System name' })
  system!: string;
}

@InputType('AssignExternalRefSystemInput', {
  description: '指定外部系统的归属：给出所属部门，或设为共用，二者选一 Give an external system to a department, or make it shared; exactly one of the two',
})
export class AssignExternalRefSystemInput {
  @Field({ description: '外部系统名称（尚未使用的系统也可预先指定）System name; a system nobody has used yet may be assigned ahead' })
  system!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '所属部门 ID（须为启用中的部门）：此后只有该部门能在该系统中写入或删除编号；系统中已有的编号保留不变 ID of the department, which must be active: from now on only it may write or remove IDs in the system; IDs already there stay',
  })
  departmentId?: string | null;

  @Field({
    defaultValue: false,
    description:
      '设为共用：有权修改记录的调用方都可在其中写入编号，写入不会使其归属任何部门 Make it shared: whoever may write the records may write IDs in it, and writing never claims it',
  })
  shared!: boolean;
}

@InputType('ExternalRefSystemFilter', { description: '外部系统筛选条件 External system filters; all given conditions must hold' })
export class ExternalRefSystemFilter {
  @Field(() => [ExternalRefSystemStatus], { nullable: true, description: '归属状态之一 Any of these statuses' })
  status?: ExternalRefSystemStatus[];

  @Field({ nullable: true, description: '所属部门代码 Code of the owning department' })
  departmentCode?: string;
}

@ArgsType()
export class ExternalRefSystemsArgs extends ConnectionArgs {
  @Field(() => ExternalRefSystemFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: ExternalRefSystemFilter;
}
