import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { SortDirection } from '../station/station.inputs';
import { VolunteerTeamKind, VolunteerTeamMemberRole } from './volunteer-team.enums';

export enum VolunteerTeamSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}

registerEnumType(VolunteerTeamSortField, {
  name: 'VolunteerTeamSortField',
  description: '志愿服务队伍排序字段 What to sort volunteer teams by (ties are broken by ID)',
  valuesConfig: {
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
    CREATED_AT: { description: '按登记时间 By when it was recorded' },
  },
});

@InputType('VolunteerTeamOrder', { description: '志愿服务队伍排序 Ordering of a volunteer team list' })
export class VolunteerTeamOrder {
  @Field(() => VolunteerTeamSortField, { defaultValue: VolunteerTeamSortField.NAME, description: '排序字段 Field to sort by' })
  field!: VolunteerTeamSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@InputType('VolunteerTeamFilter', { description: '志愿服务队伍筛选条件（各条件同时满足）Volunteer team filters; all given conditions must hold' })
export class VolunteerTeamFilter {
  @Field({ nullable: true, description: '行政区划代码：服务社区在该区划内（含下级）的队伍 Region code: teams serving this region or anywhere below it' })
  regionCode?: string;

  @Field(() => [VolunteerTeamKind], { nullable: true, description: '类别之一 Any of these kinds' })
  kind?: VolunteerTeamKind[];

  @Field({ nullable: true, description: '是否在册；不填表示全部 Active or archived; both when left out' })
  active?: boolean;

  @Field({ nullable: true, description: '是否为“六进小区”下沉队伍 Sent down to the community under 六进小区, or not' })
  sentDown?: boolean;

  @Field(() => ID, { nullable: true, description: '所在驿站 ID Station ID' })
  stationId?: string;

  @Field(() => ID, { nullable: true, description: '来源组织 ID Organization ID' })
  organizationId?: string;
}

@ArgsType()
export class VolunteerTeamsArgs extends ConnectionArgs {
  @Field(() => VolunteerTeamFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: VolunteerTeamFilter;

  @Field(() => VolunteerTeamOrder, { nullable: true, description: '排序，默认按名称 Ordering; by name by default' })
  orderBy?: VolunteerTeamOrder;
}

@ArgsType()
export class NestedVolunteerTeamsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: '是否在册；不填表示全部 Active or archived; both when left out' })
  active?: boolean;
}

@InputType('CreateVolunteerTeamInput', { description: '登记志愿服务队伍 A new volunteer team' })
export class CreateVolunteerTeamInput {
  @Field({ description: '队伍名称（至多100字）Name, at most 100 characters' })
  name!: string;

  @Field(() => VolunteerTeamKind, { description: '队伍类别 Kind' })
  kind!: VolunteerTeamKind;

  @Field({ description: '服务的社区（村）12位区划代码 The 12-digit code of the community or village it serves' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: '所在驿站 ID（须在该社区，未归档）Station ID; in that community, not archived' })
  stationId?: string | null;

  @Field(() => ID, { nullable: true, description: '来源组织 ID（须为启用状态）ID of the organization it comes from; must be active' })
  organizationId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '“六进小区”下沉日期（不晚于今天）The day it was sent down under 六进小区; not after today' })
  sentDownAt?: string | null;
}

@InputType('UpdateVolunteerTeamInput', { description: '修改志愿服务队伍：只改所给字段；服务社区不可改 Change the given fields; the community stays' })
export class UpdateVolunteerTeamInput {
  @Field(() => ID, { description: '队伍 ID Volunteer team ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '队伍名称 Name' })
  name?: string;

  @Field(() => VolunteerTeamKind, { nullable: true, description: '队伍类别 Kind' })
  kind?: VolunteerTeamKind;

  @Field(() => ID, { nullable: true, description: '所在驿站 ID；传 null 表示清空 Station ID; null clears it' })
  stationId?: string | null;

  @Field(() => ID, { nullable: true, description: '来源组织 ID；传 null 表示清空 Organization ID; null clears it' })
  organizationId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '“六进小区”下沉日期；传 null 表示未下沉 The day it was sent down; null: not sent down' })
  sentDownAt?: string | null;

  @Field({ nullable: true, description: '是否在册；true 可恢复已归档队伍 Active; true restores an archived team' })
  active?: boolean;
}

@InputType('ArchiveVolunteerTeamInput', { description: '归档志愿服务队伍 Archive a volunteer team' })
export class ArchiveVolunteerTeamInput {
  @Field(() => ID, { description: '队伍 ID Volunteer team ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}

@InputType('AddVolunteerTeamMemberInput', { description: '添加队员（姓名、电话为个人信息）Add a member; name and phone are personal data' })
export class AddVolunteerTeamMemberInput {
  @Field(() => ID, { description: '队伍 ID（须在册）Volunteer team ID; the team must be active' })
  teamId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '已登记人员 ID（须在岗）：队员即该人员，姓名电话取自人员记录；与 name、phone 二选一 ID of a registered, active person the member is (name and phone come from their record); give either this or name and phone',
  })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: '姓名（至多50字）：未登记的居民队员必填 Name, at most 50 characters; required unless personId is given' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '联系电话：11位手机号，或带区号的固定电话（如 0599-8621234）；仅限未登记的居民队员 Phone: an 11-digit mobile, or a landline with area code such as 0599-8621234; only without personId',
  })
  phone?: string | null;

  @Field(() => VolunteerTeamMemberRole, { defaultValue: VolunteerTeamMemberRole.MEMBER, description: '队内职务，默认队员 Role; MEMBER by default' })
  role!: VolunteerTeamMemberRole;

  @Field(() => LocalDateScalar, { nullable: true, description: '入队日期（不晚于今天）The day they joined; not after today' })
  joinedOn?: string | null;
}

@InputType('RemoveVolunteerTeamMemberInput', { description: '移除队员 Remove a member from a team' })
export class RemoveVolunteerTeamMemberInput {
  @Field(() => ID, { description: '队员 ID Member ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}
