import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { badInputOf, localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { RegionType, type RegionRecord } from '../region/region.types';
import { CreateDepartmentInput, DepartmentsArgs, UpdateDepartmentInput } from './department.inputs';
import { departmentList } from './department.reader';
import * as departments from './department.service';
import { CreateDepartmentPayload, DepartmentConnection, DepartmentType, UpdateDepartmentPayload, type DepartmentPayload, type DepartmentRecord } from './department.types';

@Resolver(() => DepartmentType)
export class DepartmentResolver {
  @Public()
  @Query(() => DepartmentType, { nullable: true, description: '按 ID 或代码查部门（二选一）A department by ID or by code; give exactly one' })
  department(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: '部门 ID Department ID' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: '部门代码 Department code' }) code?: string,
  ): Promise<Record<string, unknown> | null> {
    if ((id == null) === (code == null)) throw badInputOf('ID_OR_CODE_ONE_OF', {}, 'id');
    if (code != null) return planOne(ctx, info, 'Department', 'code', code.trim(), 'text');
    const localId = localIdOf(id!, 'Department');
    if (!localId) throw notAnId('id', 'Department');
    return planOne(ctx, info, 'Department', 'id', localId, 'uuid');
  }

  @Public()
  @Query(() => DepartmentConnection, { description: '部门列表：可筛选、排序（默认按代码）、游标分页 Departments, filtered, sorted (by code by default) and keyset-paged' })
  departments(@Args(() => DepartmentsArgs) args: DepartmentsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, departmentList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @FieldResolver(() => RegionType, { description: '辖区 The region it serves' })
  async region(@Root() department: DepartmentRecord, @Ctx() ctx: Context): Promise<RegionRecord> {
    const region = await ctx.loaders.regionById.load(department.regionId);
    if (!region) throw new Error(`Region ${department.regionId} of department ${department.code} is missing`);
    return region;
  }

  @Public()
  @Mutation(() => CreateDepartmentPayload, { description: '新建部门 Register a department' })
  createDepartment(
    @Arg('input', () => CreateDepartmentInput, { description: '新部门 The new department' }) input: CreateDepartmentInput,
    @Ctx() ctx: Context,
  ): Promise<DepartmentPayload> {
    return departments.createDepartment(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateDepartmentPayload, { description: '修改或停用部门（须带读取时的版本号）Change or deactivate a department; pass the version you read' })
  updateDepartment(
    @Arg('input', () => UpdateDepartmentInput, { description: '要修改的字段 Fields to change' }) input: UpdateDepartmentInput,
    @Ctx() ctx: Context,
  ): Promise<DepartmentPayload> {
    return departments.updateDepartment(ctx, input);
  }
}
