import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { badInputOf, localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { StationType, type StationRecord } from '../station/station.types';
import { StationServiceItemStatus } from './service-item.enums';
import {
  CreateServiceItemInput,
  DeleteServiceItemInput,
  DepartmentServiceItemsArgs,
  PushDownServiceItemInput,
  PushDownServiceItemsInput,
  ServiceItemsArgs,
  ServiceItemStationsArgs,
  StationServiceItemsArgs,
  UpdateServiceItemInput,
  UpdateStationServiceItemInput,
} from './service-item.inputs';
import { serviceItemList } from './service-item.reader';
import * as serviceItems from './service-item.service';
import {
  CreateServiceItemPayload,
  DeleteServiceItemPayload,
  PushDownServiceItemPayload,
  PushDownServiceItemsPayload,
  ServiceItemConnection,
  ServiceItemType,
  StationServiceItemConnection,
  StationServiceItemType,
  UpdateServiceItemPayload,
  UpdateStationServiceItemPayload,
  type DeleteServiceItemPayloadResult,
  type PushDownServiceItemsResult,
  type ServiceItemPayload,
  type ServiceItemRecord,
  type StationServiceItemPayload,
  type StationServiceItemRecord,
} from './service-item.types';

@Resolver(() => ServiceItemType)
export class ServiceItemResolver {
  @Public()
  @Query(() => ServiceItemType, { nullable: true, description: '按 ID 或事项编码查服务事项（二选一）A service item by ID or by catalogue code; give exactly one' })
  serviceItem(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: '事项 ID Service item ID' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: '事项编码 Catalogue code' }) code?: string,
  ): Promise<Record<string, unknown> | null> {
    if ((id == null) === (code == null)) throw badInputOf('ID_OR_CODE_ONE_OF', {}, 'id');
    if (code != null) return planOne(ctx, info, 'ServiceItem', 'code', code.trim(), 'text');
    const localId = localIdOf(id!, 'ServiceItem');
    if (!localId) throw notAnId('id', 'ServiceItem');
    return planOne(ctx, info, 'ServiceItem', 'id', localId, 'uuid');
  }

  @Public()
  @Query(() => ServiceItemConnection, {
    description: '高频服务事项目录：可筛选、排序（默认按编码）、游标分页 The service item catalogue, filtered, sorted (by code by default) and keyset-paged',
  })
  serviceItems(@Args(() => ServiceItemsArgs) args: ServiceItemsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, serviceItemList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @FieldResolver(() => DepartmentType, { description: '责任部门 The responsible department' })
  async department(@Root() item: ServiceItemRecord, @Ctx() ctx: Context): Promise<DepartmentRecord> {
    const department = await ctx.loaders.departmentById.load(item.departmentId);
    if (!department) throw new Error(`Department ${item.departmentId} of service item ${item.code} is missing`);
    return department;
  }

  @Public()
  @FieldResolver(() => StationServiceItemConnection, {
    description: '下沉到的驿站（不含已归档驿站，按驿站编号排序）Stations the item is pushed down to, archived ones left out, by station code',
  })
  stations(
    @Root() item: ServiceItemRecord,
    // Declares the arguments; the planner reads them (see service-item.read-model.ts).
    @Args(() => ServiceItemStationsArgs) _args: ServiceItemStationsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'ServiceItem', item.dbId, 'uuid');
  }

  @Public()
  @FieldResolver(() => Int, { description: '下沉到的驿站数（不含已归档驿站）Number of stations it is pushed down to, archived ones left out' })
  stationCount(
    @Root() item: ServiceItemRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    // Declares the argument; the planner reads it (see service-item.read-model.ts).
    @Arg('status', () => [StationServiceItemStatus], { nullable: true, description: '只计这些下沉状态；不填计全部 Count only these statuses; all when omitted' })
    _status?: StationServiceItemStatus[],
  ): Promise<number> {
    return plannedField(ctx, info, 'ServiceItem', item.dbId, 'uuid') as Promise<number>;
  }

  @Public()
  @Mutation(() => CreateServiceItemPayload, { description: '新建服务事项 Add an item to the catalogue' })
  createServiceItem(
    @Arg('input', () => CreateServiceItemInput, { description: '新事项 The new item' }) input: CreateServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceItemPayload> {
    return serviceItems.createServiceItem(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateServiceItemPayload, { description: '修改或停用服务事项（须带读取时的版本号）Change or deactivate an item; pass the version you read' })
  updateServiceItem(
    @Arg('input', () => UpdateServiceItemInput, { description: '要修改的字段 Fields to change' }) input: UpdateServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceItemPayload> {
    return serviceItems.updateServiceItem(ctx, input);
  }

  @Public()
  @Mutation(() => DeleteServiceItemPayload, {
    description: '删除从未下沉的服务事项；已下沉的事项只能停用 Delete an item that was never pushed down; one that was can only be deactivated',
  })
  deleteServiceItem(
    @Arg('input', () => DeleteServiceItemInput, { description: '要删除的事项 The item to delete' }) input: DeleteServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteServiceItemPayloadResult> {
    return serviceItems.deleteServiceItem(ctx, input);
  }

  @Public()
  @Mutation(() => PushDownServiceItemPayload, { description: '将一个事项下沉到一个驿站 Push one item down to one station' })
  pushDownServiceItem(
    @Arg('input', () => PushDownServiceItemInput, { description: '事项与驿站 The item and the station' }) input: PushDownServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<StationServiceItemPayload> {
    return serviceItems.pushDownServiceItem(ctx, input);
  }

  @Public()
  @Mutation(() => PushDownServiceItemsPayload, {
    description:
      '批量下沉：若干事项到某区划内所有运行中驿站或指定驿站，已存在的跳过 Push items down to every open station of a region or to listed stations; existing pairs are skipped',
  })
  pushDownServiceItems(
    @Arg('input', () => PushDownServiceItemsInput, { description: '事项与下沉范围 The items and where to push them' }) input: PushDownServiceItemsInput,
    @Ctx() ctx: Context,
  ): Promise<PushDownServiceItemsResult> {
    return serviceItems.pushDownServiceItems(ctx, input);
  }
}

@Resolver(() => StationServiceItemType)
export class StationServiceItemResolver {
  @Public()
  @Query(() => StationServiceItemType, { nullable: true, description: '按 ID 查下沉记录 A push-down record by ID' })
  stationServiceItem(
    @Arg('id', () => ID, { description: '下沉记录 ID Push-down record ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'StationServiceItem');
    if (!localId) throw notAnId('id', 'StationServiceItem');
    return planOne(ctx, info, 'StationServiceItem', 'id', localId, 'uuid');
  }

  @Public()
  @FieldResolver(() => StationType, { description: '驿站 The station' })
  async station(@Root() record: StationServiceItemRecord, @Ctx() ctx: Context): Promise<StationRecord> {
    const station = await ctx.loaders.stationById.load(record.stationId);
    if (!station) throw new Error(`Station ${record.stationId} of push-down ${record.dbId} is missing`);
    return station;
  }

  @Public()
  @FieldResolver(() => ServiceItemType, { description: '服务事项 The service item' })
  async serviceItem(@Root() record: StationServiceItemRecord, @Ctx() ctx: Context): Promise<ServiceItemRecord> {
    const item = await ctx.loaders.serviceItemById.load(record.serviceItemId);
    if (!item) throw new Error(`Service item ${record.serviceItemId} of push-down ${record.dbId} is missing`);
    return item;
  }

  @Public()
  @Mutation(() => UpdateStationServiceItemPayload, {
    description: '修改下沉记录的办理方式或状态（须带读取时的版本号）Change a push-down’s mode or status; pass the version you read',
  })
  updateStationServiceItem(
    @Arg('input', () => UpdateStationServiceItemInput, { description: '要修改的字段 Fields to change' }) input: UpdateStationServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<StationServiceItemPayload> {
    return serviceItems.updateStationServiceItem(ctx, input);
  }
}

@Resolver(() => StationType)
export class StationServiceItemsResolver {
  @Public()
  @FieldResolver(() => StationServiceItemConnection, {
    description: '下沉到本驿站的服务事项（按事项编码排序）Service items pushed down to this station, by item code',
  })
  serviceItems(
    @Root() station: StationRecord,
    // Declares the arguments; the planner reads them (see service-item.read-model.ts).
    @Args(() => StationServiceItemsArgs) _args: StationServiceItemsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}

@Resolver(() => DepartmentType)
export class DepartmentServiceItemsResolver {
  @Public()
  @FieldResolver(() => ServiceItemConnection, { description: '本部门负责的服务事项（按编码排序）Service items this department is responsible for, by code' })
  serviceItems(
    @Root() department: DepartmentRecord,
    @Args(() => DepartmentServiceItemsArgs) _args: DepartmentServiceItemsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Department', department.dbId, 'uuid');
  }
}
