import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { Public } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { ConnectionArgs, localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { CoordinateSystem } from '../../geo/coordinates';
import { GeoPoint, toGeoPoint } from '../../geo/geo.types';
import { RegionType, type RegionRecord } from '../region/region.types';
import { StationStatus } from '../station/station.enums';
import { serviceCircleList } from './service-circle.reader';
import { ServiceCircleFilter, ServiceCircleOrder } from './service-circle.inputs';
import { ServiceCircleConnection, ServiceCircleType, type ServiceCircleRecord } from './service-circle.types';

@ArgsType()
class ServiceCirclesArgs extends ConnectionArgs {
  @Field(() => ServiceCircleFilter, { nullable: true, description: '筛选条件 Filter' })
  filter?: ServiceCircleFilter;

  @Field(() => ServiceCircleOrder, { nullable: true, description: '排序，默认按编号升序 Ordering; by code by default' })
  orderBy?: ServiceCircleOrder;
}

@Resolver(() => ServiceCircleType)
export class ServiceCircleResolver {
  @Public()
  @Query(() => ServiceCircleType, { nullable: true, description: '按 ID 查服务圈 A service circle by ID' })
  serviceCircle(
    @Arg('id', () => ID, { description: '服务圈 ID Circle ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'ServiceCircle');
    if (!localId) throw notAnId('id', 'ServiceCircle');
    return planOne(ctx, info, 'ServiceCircle', 'id', localId, 'uuid');
  }

  @Public()
  @Query(() => ServiceCircleConnection, { description: '15分钟便民服务圈列表，默认按编号排序 Service circles, by code unless ordered otherwise' })
  serviceCircles(@Args(() => ServiceCirclesArgs) args: ServiceCirclesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, serviceCircleList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @FieldResolver(() => RegionType, { description: '所在区（县、市）District the circle lies in' })
  async district(@Root() circle: ServiceCircleRecord, @Ctx() ctx: Context): Promise<RegionRecord> {
    const region = await ctx.loaders.regionById.load(circle.districtId);
    if (!region) throw new Error(`Region ${circle.districtId} of service circle ${circle.code} is missing`);
    return region;
  }

  @Public()
  @FieldResolver(() => GeoPoint, { description: '中心点 Centre of the circle' })
  center(
    @Root() circle: ServiceCircleRecord,
    @Arg('coordinateSystem', () => CoordinateSystem, { defaultValue: CoordinateSystem.WGS84, description: '输出坐标系 Coordinate system to express it in' })
    coordinateSystem: CoordinateSystem,
  ): GeoPoint {
    return toGeoPoint({ lat: circle.centerLat, lng: circle.centerLng }, coordinateSystem);
  }

  @Public()
  @FieldResolver(() => Int, { description: '圈内未归档驿站数 Stations (not archived) assigned to this circle' })
  stationCount(
    @Root() circle: ServiceCircleRecord,
    @Arg('status', () => [StationStatus], { nullable: true, description: '只计这些状态 Count only these statuses' }) _status: StationStatus[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<number> {
    // Planned (see service-circle.read-model.ts); a circle the planner did not read is counted the same way.
    return plannedField(ctx, info, 'ServiceCircle', circle.dbId, 'uuid') as Promise<number>;
  }
}
