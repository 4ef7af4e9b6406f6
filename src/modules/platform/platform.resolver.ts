import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { planConnection, planOne, planOneWhere } from '../../graphql/plan/planner';
import { localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { StationType, type StationRecord } from '../station/station.types';
import { CreatePlatformInput, DepartmentPlatformsArgs, MovePlatformInput, PlatformsArgs, StationPlatformsArgs, UpdatePlatformInput } from './platform.inputs';
import { platformList, platformOwnedAs } from './platform.reader';
import * as platforms from './platform.service';
import {
  CreatePlatformPayload,
  MovePlatformPayload,
  PlatformConnection,
  PlatformInterface,
  UpdatePlatformPayload,
  type PlatformPayload,
  type PlatformRecord,
} from './platform.types';

@Resolver(() => PlatformInterface)
export class PlatformResolver {
  @Public()
  @Query(() => PlatformInterface, { nullable: true, description: '按 ID 查整合平台 A platform by ID' })
  platform(
    @Arg('id', () => ID, { description: '整合平台 ID Platform ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'Platform');
    if (!localId) throw notAnId('id', 'Platform');
    return planOne(ctx, info, 'Platform', 'id', localId, 'uuid');
  }

  @Public()
  @Query(() => PlatformConnection, { description: '整合平台列表：可筛选、排序（默认按名称）、游标分页 Platforms, filtered, sorted (by name by default) and keyset-paged' })
  platforms(@Args(() => PlatformsArgs) args: PlatformsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, platformList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @Query(() => PlatformInterface, {
    nullable: true,
    description: '按部门代码和部门自己的编号查整合平台（部门系统对账用）A platform by its department’s code and that department’s own ID for it, for syncing',
  })
  platformByOwnerRef(
    @Arg('departmentCode', { description: '部门代码，如 XY-ZGH Department code, e.g. XY-ZGH' }) departmentCode: string,
    @Arg('ownerRef', { description: '部门自己的编号 The department’s own ID for the platform' }) ownerRef: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    return planOneWhere(ctx, info, 'Platform', (t) => platformOwnedAs(t, departmentCode.trim(), ownerRef.trim()));
  }

  @Public()
  @FieldResolver(() => DepartmentType, { description: '所属部门 The department that owns it' })
  async department(@Root() platform: PlatformRecord, @Ctx() ctx: Context): Promise<DepartmentRecord> {
    const department = await ctx.loaders.departmentById.load(platform.departmentId);
    if (!department) throw new Error(`Department ${platform.departmentId} of platform ${platform.dbId} is missing`);
    return department;
  }

  @Public()
  @FieldResolver(() => StationType, { description: '所在驿站 The station it lives in' })
  async station(@Root() platform: PlatformRecord, @Ctx() ctx: Context): Promise<StationRecord> {
    const station = await ctx.loaders.stationById.load(platform.stationId);
    if (!station) throw new Error(`Station ${platform.stationId} of platform ${platform.dbId} is missing`);
    return station;
  }

  @Public()
  @Mutation(() => CreatePlatformPayload, { description: '在驿站登记一个整合平台 Register a partner department’s platform in a station' })
  createPlatform(
    @Arg('input', () => CreatePlatformInput, { description: '新整合平台 The new platform' }) input: CreatePlatformInput,
    @Ctx() ctx: Context,
  ): Promise<PlatformPayload> {
    return platforms.createPlatform(ctx, input);
  }

  @Public()
  @Mutation(() => UpdatePlatformPayload, { description: '修改或停用整合平台（须带读取时的版本号）Change or deactivate a platform; pass the version you read' })
  updatePlatform(
    @Arg('input', () => UpdatePlatformInput, { description: '要修改的字段 Fields to change' }) input: UpdatePlatformInput,
    @Ctx() ctx: Context,
  ): Promise<PlatformPayload> {
    return platforms.updatePlatform(ctx, input);
  }

  @Public()
  @Mutation(() => MovePlatformPayload, { description: '把整合平台迁到另一个驿站 Move a platform to another station' })
  movePlatform(
    @Arg('input', () => MovePlatformInput, { description: '平台与目标驿站 The platform and its new station' }) input: MovePlatformInput,
    @Ctx() ctx: Context,
  ): Promise<PlatformPayload> {
    return platforms.movePlatform(ctx, input);
  }
}

@Resolver(() => StationType)
export class StationPlatformsResolver {
  @Public()
  @FieldResolver(() => PlatformConnection, { description: '入驻本驿站的整合平台（按类型、名称排序）Platforms in this station, by kind then name' })
  platforms(
    @Root() station: StationRecord,
    // Declares the arguments; the planner reads them (see platform.read-model.ts).
    @Args(() => StationPlatformsArgs) _args: StationPlatformsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}

@Resolver(() => DepartmentType)
export class DepartmentPlatformsResolver {
  @Public()
  @FieldResolver(() => PlatformConnection, { description: '本部门的整合平台（按部门编号排序）The department’s platforms, ordered by its own IDs for them' })
  platforms(
    @Root() department: DepartmentRecord,
    @Args(() => DepartmentPlatformsArgs) _args: DepartmentPlatformsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Department', department.dbId, 'uuid');
  }
}
