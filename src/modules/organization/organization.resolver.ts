import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonalData, Public, SignedIn } from '../../auth/visibility';
import { maskName, maskPhone } from '../../auth/masking';
import { personalValue } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { RegionType, type RegionRecord } from '../region/region.types';
import { CreateOrganizationInput, DeleteOrganizationInput, OrganizationsArgs, UpdateOrganizationInput } from './organization.inputs';
import { organizationList } from './organization.reader';
import * as organizations from './organization.service';
import {
  CreateOrganizationPayload,
  DeleteOrganizationPayload,
  OrganizationConnection,
  OrganizationType,
  UpdateOrganizationPayload,
  type DeleteOrganizationResult,
  type OrganizationPayload,
  type OrganizationRecord,
} from './organization.types';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @SignedIn()
  @Query(() => OrganizationType, { nullable: true, description: '按 ID 查组织 An organization by ID' })
  organization(
    @Arg('id', () => ID, { description: '组织 ID Organization ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'Organization');
    if (!localId) throw notAnId('id', 'Organization');
    return planOne(ctx, info, 'Organization', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => OrganizationConnection, { description: '组织列表：可筛选、排序（默认按名称）、游标分页 Organizations, filtered, sorted (by name by default) and keyset-paged' })
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, organizationList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @PersonalData('NAME')
  @FieldResolver(() => String, {
    nullable: true,
    description:
      '联系人姓名（个人信息）：管理员和本辖区操作员可见全名，合作部门和其他辖区操作员见脱敏姓名，分析人员和匿名调用方不可见（null） Contact person (personal data): whole for administrators and the operator of its region, masked for partners and other operators, null for analysts and anonymous callers',
  })
  contactName(@Root() organization: OrganizationRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, organization.contactName, organization.regionId, maskName);
  }

  @PersonalData('PHONE')
  @FieldResolver(() => String, {
    nullable: true,
    description: '联系电话（个人信息）：可见范围同联系人姓名，脱敏形如 138****1234 Contact phone (personal data): visible like the contact name, masked as 138****1234',
  })
  contactPhone(@Root() organization: OrganizationRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, organization.contactPhone, organization.regionId, maskPhone);
  }

  @SignedIn()
  @FieldResolver(() => RegionType, { nullable: true, description: '所在地行政区划 The region it is based in' })
  region(@Root() organization: OrganizationRecord, @Ctx() ctx: Context): Promise<RegionRecord | null> | null {
    return organization.regionId == null ? null : ctx.loaders.regionById.load(organization.regionId);
  }

  @Public()
  @Mutation(() => CreateOrganizationPayload, { description: '新建组织（校验统一社会信用代码）Register an organization; its credit code is checked' })
  createOrganization(
    @Arg('input', () => CreateOrganizationInput, { description: '新组织 The new organization' }) input: CreateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return organizations.createOrganization(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateOrganizationPayload, { description: '修改或停用组织（须带读取时的版本号）Change or deactivate an organization; pass the version you read' })
  updateOrganization(
    @Arg('input', () => UpdateOrganizationInput, { description: '要修改的字段 Fields to change' }) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return organizations.updateOrganization(ctx, input);
  }

  @Public()
  @Mutation(() => DeleteOrganizationPayload, {
    description: '删除组织：仅限未被任何记录引用的组织，否则只能停用 Delete an organization that nothing references; otherwise deactivate it',
  })
  deleteOrganization(
    @Arg('input', () => DeleteOrganizationInput, { description: '要删除的组织 The organization to delete' }) input: DeleteOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteOrganizationResult> {
    return organizations.deleteOrganization(ctx, input);
  }
}
