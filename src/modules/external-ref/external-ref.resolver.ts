import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { plannedField } from '../../graphql/plan/planned-field';
import { gatedResolveType, Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { badInputOf, ConnectionArgs, Node, toPageRequest } from '../../graphql/relay';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { OrganizationType } from '../organization/organization.types';
import { upsertOrganization } from '../organization/organization.service';
import { upsertVolunteerTeam } from '../volunteer-team/volunteer-team.service';
import { upsertDeliberationVenue } from '../deliberation-venue/deliberation-venue.service';
import { upsertPlatform } from '../platform/platform.service';
import { PlatformInterface } from '../platform/platform.types';
import { upsertServiceItem, upsertStationServiceItem } from '../service-item/service-item.service';
import { ServiceItemType, StationServiceItemType } from '../service-item/service-item.types';
import { VolunteerTeamType } from '../volunteer-team/volunteer-team.types';
import { DeliberationVenueType } from '../deliberation-venue/deliberation-venue.types';
import { ExternalRecordType } from './external-ref.enums';
import {
  AddExternalRefInput,
  AssignExternalRefSystemInput,
  ExternalRefSystemsArgs,
  RemoveExternalRefInput,
  UpsertOrganizationInput,
  UpsertPlatformInput,
  UpsertServiceItemInput,
  UpsertStationServiceItemInput,
  UpsertVolunteerTeamInput,
  UpsertDeliberationVenueInput,
} from './external-ref.inputs';
import { externalRefsByIds, externalRefSystemList, externalRefSystemsByNames, namedByExternalRef } from './external-ref.reader';
import { planConnection, planOne, planOneWhere } from '../../graphql/plan/planner';
import { registerNodeLoader } from '../../graphql/node.resolver';
import { requestLoader } from '../../graphql/request-loaders';
import { EXTERNAL_ID_MAX, normaliseExternalRef, normaliseSystem } from './external-ref.rules';
import { addExternalRef, assignExternalRefSystem, loadExternalRecord, removeExternalRef } from './external-ref.service';
import {
  AddExternalRefPayload,
  AssignExternalRefSystemPayload,
  ExternalRefConnection,
  ExternalRefSystemConnection,
  ExternalRefSystemType,
  type AssignExternalRefSystemResult,
  type ExternalRefSystemRecord,
  ExternalRefType,
  RemoveExternalRefPayload,
  UpsertOrganizationPayload,
  UpsertPlatformPayload,
  UpsertServiceItemPayload,
  UpsertStationServiceItemPayload,
  UpsertVolunteerTeamPayload,
  UpsertDeliberationVenuePayload,
  type UpsertVolunteerTeamResult,
  type UpsertDeliberationVenueResult,
  type AddExternalRefResult,
  type ExternalRecord,
  type ExternalRefRecord,
  type RemoveExternalRefResult,
  type UpsertOrganizationResult,
  type UpsertPlatformResult,
  type UpsertServiceItemResult,
  type UpsertStationServiceItemResult,
} from './external-ref.types';

registerNodeLoader('ExternalRef', (ctx, id) => requestLoader(ctx.db, 'externalRefById', externalRefsByIds).load(id));
registerNodeLoader('ExternalRefSystem', (ctx, name) =>
  requestLoader(ctx.db, 'externalRefSystemByName', async (db, names) => new Map((await externalRefSystemsByNames(db, names)).map((system) => [system.system, system]))).load(name),
);

/**
 * A record's references when the planner did not build the record (a mutation's payload, a record
 * an audit event names): read by the same plan, the records of one selection in one statement.
 */
function externalRefsOf(ctx: Context, info: GraphQLResolveInfo, recordId: string): Promise<unknown> {
  return plannedField(ctx, info, info.parentType.name, recordId, 'uuid');
}

const EXTERNAL_REFS_DESCRIPTION = '外部编号：各合作部门系统对这条记录的编号（按系统名称排序）IDs partner systems have for this record, by system name';

@Resolver()
export class ExternalRefResolver {
  @Public()
  @Query(() => Node, {
    nullable: true,
    description: '按外部编号查记录（合作部门对账用）；没有则为空 The record a partner system’s ID names, for syncing; null when there is none',
  })
  async recordByExternalRef(
    @Arg('type', () => ExternalRecordType, { description: '记录类型 Kind of record' }) type: ExternalRecordType,
    @Arg('system', { description: '外部系统名称 System name' }) system: string,
    @Arg('externalId', { description: '该系统中的记录编号 The record’s ID in that system' }) externalId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    // The record type's own declaration decides, before any read.
    gatedResolveType({ __typename: type }, ctx, info);
    const key = normaliseExternalRef(system, externalId);
    if (key.issues.includes('SYSTEM_INVALID')) throw badInputOf('SYSTEM_ARGUMENT_INVALID', {}, 'system');
    if (key.issues.length) throw badInputOf('EXTERNAL_ID_ARGUMENT_INVALID', { max: EXTERNAL_ID_MAX }, 'externalId');
    return planOneWhere(ctx, info, type, (t) => namedByExternalRef(t, { type, system: key.system, externalId: key.externalId }), { abstract: true });
  }

  @SignedIn()
  @Query(() => ExternalRefSystemConnection, {
    description:
      '外部系统及其归属（按系统名称排序）：列出曾在其中写入编号或被指定归属的系统；未列出的系统名称尚无人使用，第一个在其中关联或同步编号的合作部门即拥有它 External systems and who owns them, by name: every system IDs were ever written in or that was assigned; a name not listed is unused, and the first partner department to add or upsert an ID in it owns it',
  })
  externalRefSystems(@Args(() => ExternalRefSystemsArgs) args: ExternalRefSystemsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, externalRefSystemList(args.filter, toPageRequest(args, 2)));
  }

  @SignedIn()
  @Query(() => ExternalRefSystemType, {
    nullable: true,
    description: '按名称查外部系统及其归属；尚无人使用的系统为空 An external system and its owner by name; null for a name nobody has used or been given',
  })
  externalRefSystem(
    @Arg('system', { description: '外部系统名称 System name' }) system: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const checked = normaliseSystem(system);
    if (!checked.valid) throw badInputOf('SYSTEM_ARGUMENT_INVALID', {}, 'system');
    return planOne(ctx, info, 'ExternalRefSystem', 'system', checked.system, 'text');
  }

  @Public()
  @Mutation(() => AssignExternalRefSystemPayload, {
    description:
      '指定外部系统的归属（仅组织部管理员）：交给某部门、移交给另一部门或设为共用；系统中已有的编号保留，原部门此后不能再在其中写入 Give an external system to a department, move it to another, or make it shared (administrators only); IDs already in it stay, and a former owner can no longer write in it',
  })
  assignExternalRefSystem(
    @Arg('input', () => AssignExternalRefSystemInput, { description: '外部系统及其新的归属 The system and its new owner' }) input: AssignExternalRefSystemInput,
    @Ctx() ctx: Context,
  ): Promise<AssignExternalRefSystemResult> {
    return assignExternalRefSystem(ctx, input);
  }

  @Public()
  @Mutation(() => UpsertPlatformPayload, {
    description:
      '按外部编号同步整合平台：没有则新建，有则改成所给的值；重复调用不重复新建，数据相同时不写入；外部系统须归本部门、无主或共用，无主时即归本部门 Create or update a platform by the partner’s external reference; repeats create nothing more and write nothing when the data is the same. The system must be the caller’s department’s, unclaimed (which claims it) or shared',
  })
  upsertPlatform(
    @Arg('input', () => UpsertPlatformInput, { description: '平台及其外部编号 The platform and its external reference' }) input: UpsertPlatformInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertPlatformResult> {
    return upsertPlatform(ctx, input);
  }

  @Public()
  @Mutation(() => UpsertServiceItemPayload, {
    description:
      '按外部编号同步服务事项：没有则新建，有则改成所给的值；重复调用不重复新建，数据相同时不写入；外部系统须归本部门、无主或共用，无主时即归本部门 Create or update a service item by the partner’s external reference; repeats create nothing more and write nothing when the data is the same. The system must be the caller’s department’s, unclaimed (which claims it) or shared',
  })
  upsertServiceItem(
    @Arg('input', () => UpsertServiceItemInput, { description: '事项及其外部编号 The item and its external reference' }) input: UpsertServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertServiceItemResult> {
    return upsertServiceItem(ctx, input);
  }

  @Public()
  @Mutation(() => UpsertStationServiceItemPayload, {
    description:
      '按外部编号同步下沉记录：没有则下沉（该驿站已有该事项时关联到已有记录），有则改成所给的值；外部系统须归本部门、无主或共用，无主时即归本部门 Push an item down by the partner’s external reference, attaching the reference to an existing push-down of the pair, or update the referenced one. The system must be the caller’s department’s, unclaimed (which claims it) or shared',
  })
  upsertStationServiceItem(
    @Arg('input', () => UpsertStationServiceItemInput, { description: '下沉记录及其外部编号 The push-down and its external reference' }) input: UpsertStationServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertStationServiceItemResult> {
    return upsertStationServiceItem(ctx, input);
  }

  @Public()
  @Mutation(() => UpsertOrganizationPayload, {
    description:
      '按外部编号同步组织：没有则新建，有则改成所给的值；重复调用不重复新建，数据相同时不写入；外部系统须归本部门、无主或共用（无所属部门的街道、社区操作员只能用无主或共用的系统，也不会占用系统） Create or update an organization by the partner’s external reference; repeats create nothing more and write nothing when the data is the same. The system must be the caller’s department’s, unclaimed or shared; street and community operators, who have no department, write only in unclaimed or shared systems and never claim one',
  })
  upsertOrganization(
    @Arg('input', () => UpsertOrganizationInput, { description: '组织及其外部编号 The organization and its external reference' }) input: UpsertOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertOrganizationResult> {
    return upsertOrganization(ctx, input);
  }

  @Public()
  @Mutation(() => UpsertVolunteerTeamPayload, {
    description:
      '按外部编号同步志愿服务队伍：没有则新建，有则改成所给的值（服务社区不可改）；重复调用不重复新建，数据相同时不写入；须有本社区的写入权限，外部系统规则同 upsertOrganization Create or update a volunteer team by the partner’s external reference (its community never changes); repeats create nothing more and write nothing when the data is the same. Needs the right to write in the community; the system rules are those of upsertOrganization',
  })
  upsertVolunteerTeam(
    @Arg('input', () => UpsertVolunteerTeamInput, { description: '志愿服务队伍及其外部编号 The volunteer team and its external reference' }) input: UpsertVolunteerTeamInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertVolunteerTeamResult> {
    return upsertVolunteerTeam(ctx, input);
  }

  @Public()
  @Mutation(() => UpsertDeliberationVenuePayload, {
    description:
      '按外部编号同步议事场所：没有则新建，有则改成所给的值（所在社区不可改）；重复调用不重复新建，数据相同时不写入；须有本社区的写入权限，外部系统规则同 upsertOrganization Create or update a deliberation venue by the partner’s external reference (its community never changes); repeats create nothing more and write nothing when the data is the same. Needs the right to write in the community; the system rules are those of upsertOrganization',
  })
  upsertDeliberationVenue(
    @Arg('input', () => UpsertDeliberationVenueInput, { description: '议事场所及其外部编号 The deliberation venue and its external reference' })
    input: UpsertDeliberationVenueInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertDeliberationVenueResult> {
    return upsertDeliberationVenue(ctx, input);
  }

  @Public()
  @Mutation(() => AddExternalRefPayload, {
    description:
      '给已有记录关联外部编号：须有修改该记录的权限，且外部系统归本部门、无主或共用；合作部门在无主系统中关联即占用该系统 Attach a partner system’s ID to an existing record; needs the right to change the record, and a system that is the caller’s department’s, unclaimed or shared. A partner department attaching an ID in an unclaimed system claims it',
  })
  addExternalRef(
    @Arg('input', () => AddExternalRefInput, { description: '记录与外部编号 The record and the ID' }) input: AddExternalRefInput,
    @Ctx() ctx: Context,
  ): Promise<AddExternalRefResult> {
    return addExternalRef(ctx, input);
  }

  @Public()
  @Mutation(() => RemoveExternalRefPayload, {
    description:
      '删除记录在某外部系统中的编号：须有修改该记录的权限，且外部系统归本部门、无主或共用；删除不会占用系统 Remove a record’s ID in one partner system; needs the right to change the record, and a system that is the caller’s department’s, unclaimed or shared. Removing never claims a system',
  })
  removeExternalRef(
    @Arg('input', () => RemoveExternalRefInput, { description: '记录与外部系统 The record and the system' }) input: RemoveExternalRefInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveExternalRefResult> {
    return removeExternalRef(ctx, input);
  }
}

/**
 * `externalRefs` of a type whose records carry references (one resolver per type, alike): for
 * records the planner did not build, read by the same plan.
 */
function externalRefsResolverOf(type: ClassType): ClassType {
  @Resolver(() => type)
  class ExternalRefsResolver {
    @SignedIn()
    @FieldResolver(() => ExternalRefConnection, { description: EXTERNAL_REFS_DESCRIPTION })
    externalRefs(@Root() record: { dbId: string }, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
      return externalRefsOf(ctx, info, record.dbId);
    }
  }
  return ExternalRefsResolver;
}

/** The `externalRefs` resolvers of every type that carries references. */
export const EXTERNAL_REFS_RESOLVERS: ClassType[] = [PlatformInterface, ServiceItemType, StationServiceItemType, OrganizationType, VolunteerTeamType, DeliberationVenueType].map(
  externalRefsResolverOf,
);

@Resolver(() => ExternalRefSystemType)
export class ExternalRefSystemResolver {
  @SignedIn()
  @FieldResolver(() => DepartmentType, { nullable: true, description: '所属部门（无主或共用时为空）The owning department; null when unclaimed or shared' })
  department(@Root() system: ExternalRefSystemRecord, @Ctx() ctx: Context): Promise<DepartmentRecord | null> | null {
    return system.departmentId ? ctx.loaders.departmentById.load(system.departmentId) : null;
  }
}

@Resolver(() => ExternalRefType)
export class ExternalRefRecordResolver {
  @SignedIn()
  @FieldResolver(() => Node, { nullable: true, description: '带有该编号的记录 The record that carries the ID' })
  record(@Root() ref: ExternalRefRecord, @Ctx() ctx: Context): Promise<ExternalRecord | null> {
    return loadExternalRecord(ctx, ref.recordType, ref.recordId);
  }
}
