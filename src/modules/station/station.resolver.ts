import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { badInputOf, ConnectionArgs, localIdOf, notAnId, toConnection, toPageRequest, type ConnectionResult } from '../../graphql/relay';
import { CoordinateSystem } from '../../geo/coordinates';
import { GeoPoint, toGeoPoint } from '../../geo/geo.types';
import { RegionType, type RegionRecord } from '../region/region.types';
import { ServiceCircleType, type ServiceCircleRecord } from '../service-circle/service-circle.types';
import { ArchiveStationInput, ChangeStationStatusInput, CreateStationInput, StationsArgs, UpdateStationInput } from './station.inputs';
import { stationList } from './station.reader';
import { planConnection, planOne } from '../../graphql/plan/planner';
import * as stations from './station.service';
import {
  ArchiveStationPayload,
  ChangeStationStatusPayload,
  CreateStationPayload,
  StationConnection,
  StationType,
  UpdateStationPayload,
  type StationPayload,
  type StationRecord,
} from './station.types';

@Resolver(() => StationType)
export class StationResolver {
  @Public()
  @Query(() => StationType, { nullable: true, description: '按 ID 或编号查驿站（二选一）A station by ID or by code; give exactly one' })
  async station(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: '驿站 ID Station ID' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: '驿站编号 Station code' }) code?: string,
  ): Promise<Record<string, unknown> | null> {
    if ((id == null) === (code == null)) throw badInputOf('ID_OR_CODE_ONE_OF', {}, 'id');
    if (code != null) return planOne(ctx, info, 'Station', 'code', code.trim(), 'text');
    const localId = localIdOf(id!, 'Station');
    if (!localId) throw notAnId('id', 'Station');
    return planOne(ctx, info, 'Station', 'id', localId, 'uuid');
  }

  @Public()
  @Query(() => StationConnection, { description: '驿站列表：可筛选、排序、游标分页 Stations, filtered, sorted and keyset-paged' })
  stations(@Args(() => StationsArgs) args: StationsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, stationList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @FieldResolver(() => RegionType, { description: '所属社区或村 Community or village the station belongs to' })
  async region(@Root() station: StationRecord, @Ctx() ctx: Context): Promise<RegionRecord> {
    const region = await ctx.loaders.regionById.load(station.regionId);
    if (!region) throw new Error(`Region ${station.regionId} of station ${station.code} is missing`);
    return region;
  }

  @Public()
  @FieldResolver(() => ServiceCircleType, { nullable: true, description: '所属15分钟便民服务圈 Service circle it serves' })
  serviceCircle(@Root() station: StationRecord, @Ctx() ctx: Context): Promise<ServiceCircleRecord | null> | null {
    return station.circleId ? ctx.loaders.circleById.load(station.circleId) : null;
  }

  @Public()
  @FieldResolver(() => GeoPoint, { description: '位置（按所选坐标系输出）Location, in the coordinate system asked for' })
  location(
    @Root() station: StationRecord,
    @Arg('coordinateSystem', () => CoordinateSystem, { defaultValue: CoordinateSystem.WGS84, description: '输出坐标系 Coordinate system to express it in' })
    coordinateSystem: CoordinateSystem,
  ): GeoPoint {
    return toGeoPoint({ lat: station.lat, lng: station.lng }, coordinateSystem);
  }

  @Public()
  @FieldResolver(() => StationType, { nullable: true, description: '所属党群服务中心（“1个中心+N个驿站”）The hub (党群服务中心) this station belongs to' })
  hub(@Root() station: StationRecord, @Ctx() ctx: Context): Promise<StationRecord | null> | null {
    return station.hubId ? ctx.loaders.stationById.load(station.hubId) : null;
  }

  @Public()
  @FieldResolver(() => StationConnection, {
    description: '归属本党群服务中心的驿站（按编号，不含已归档）；非中心时为空 Stations belonging to this hub, by code, archived ones left out; empty unless it is a hub',
  })
  async hubMembers(@Root() station: StationRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context): Promise<ConnectionResult<StationRecord>> {
    // Every member's `hub` is this station: no need to load it again.
    ctx.loaders.stationById.prime(station.dbId, station);
    return toConnection(await ctx.loaders.hubMembers(toPageRequest(args, 2)).load(station.dbId));
  }

  @Public()
  @FieldResolver(() => Int, { description: '归属本党群服务中心的驿站数（不含已归档）Number of stations belonging to this hub, archived ones left out' })
  hubMemberCount(@Root() station: StationRecord, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.hubMemberCount.load(station.dbId);
  }

  @Public()
  @Mutation(() => CreateStationPayload, { description: '新建驿站，由系统签发编号 Register a new station; the system issues its code' })
  createStation(@Arg('input', () => CreateStationInput, { description: '新驿站 The new station' }) input: CreateStationInput, @Ctx() ctx: Context): Promise<StationPayload> {
    return stations.createStation(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateStationPayload, { description: '修改驿站信息（须带读取时的版本号）Change a station; pass the version you read' })
  updateStation(@Arg('input', () => UpdateStationInput, { description: '要修改的字段 Fields to change' }) input: UpdateStationInput, @Ctx() ctx: Context): Promise<StationPayload> {
    return stations.updateStation(ctx, input);
  }

  @Public()
  @Mutation(() => ChangeStationStatusPayload, { description: '变更驿站状态（只允许合法的状态流转）Move a station to another status; only legal transitions' })
  changeStationStatus(
    @Arg('input', () => ChangeStationStatusInput, { description: '目标状态 The new status' }) input: ChangeStationStatusInput,
    @Ctx() ctx: Context,
  ): Promise<StationPayload> {
    return stations.changeStationStatus(ctx, input);
  }

  @Public()
  @Mutation(() => ArchiveStationPayload, { description: '归档已关闭或未建的驿站；编号保留不再复用 Archive a closed or never-built station; its code stays reserved' })
  archiveStation(
    @Arg('input', () => ArchiveStationInput, { description: '要归档的驿站 The station to archive' }) input: ArchiveStationInput,
    @Ctx() ctx: Context,
  ): Promise<StationPayload> {
    return stations.archiveStation(ctx, input);
  }
}
