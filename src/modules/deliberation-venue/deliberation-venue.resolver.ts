import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { CoordinateSystem } from '../../geo/coordinates';
import { GeoPoint, toGeoPoint } from '../../geo/geo.types';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { RegionType, type RegionRecord } from '../region/region.types';
import { StationType, type StationRecord } from '../station/station.types';
import {
  ArchiveDeliberationVenueInput,
  CreateDeliberationVenueInput,
  DeliberationVenuesArgs,
  NestedDeliberationVenuesArgs,
  UpdateDeliberationVenueInput,
} from './deliberation-venue.inputs';
import { deliberationVenueList } from './deliberation-venue.reader';
import * as venues from './deliberation-venue.service';
import {
  ArchiveDeliberationVenuePayload,
  CreateDeliberationVenuePayload,
  DeliberationVenueConnection,
  DeliberationVenueType,
  UpdateDeliberationVenuePayload,
  type DeliberationVenuePayload,
  type DeliberationVenueRecord,
} from './deliberation-venue.types';

@Resolver(() => DeliberationVenueType)
export class DeliberationVenueResolver {
  @Public()
  @Query(() => DeliberationVenueType, { nullable: true, description: '按 ID 查议事场所 A deliberation venue by ID' })
  deliberationVenue(
    @Arg('id', () => ID, { description: '场所 ID Deliberation venue ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'DeliberationVenue');
    if (!localId) throw notAnId('id', 'DeliberationVenue');
    return planOne(ctx, info, 'DeliberationVenue', 'id', localId, 'uuid');
  }

  @Public()
  @Query(() => DeliberationVenueConnection, { description: '议事场所列表（默认按名称）Deliberation venues, by name unless ordered otherwise' })
  deliberationVenues(@Args(() => DeliberationVenuesArgs) args: DeliberationVenuesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, deliberationVenueList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置（按所选坐标系输出；未定位为空）Location in the coordinate system asked for; null when not located' })
  location(
    @Root() venue: DeliberationVenueRecord,
    @Arg('coordinateSystem', () => CoordinateSystem, { defaultValue: CoordinateSystem.WGS84, description: '输出坐标系 Coordinate system to express it in' })
    coordinateSystem: CoordinateSystem,
  ): GeoPoint | null {
    return venue.lat === null || venue.lng === null ? null : toGeoPoint({ lat: venue.lat, lng: venue.lng }, coordinateSystem);
  }

  @Public()
  @FieldResolver(() => RegionType, { description: '所在社区（村）The community or village it belongs to' })
  async region(@Root() venue: DeliberationVenueRecord, @Ctx() ctx: Context): Promise<RegionRecord> {
    const region = await ctx.loaders.regionById.load(venue.regionId);
    if (!region) throw new Error(`Region ${venue.regionId} of deliberation venue ${venue.dbId} is missing`);
    return region;
  }

  @Public()
  @FieldResolver(() => StationType, { nullable: true, description: '所属驿站（可为空）The station it belongs to, if any' })
  station(@Root() venue: DeliberationVenueRecord, @Ctx() ctx: Context): Promise<StationRecord | null> | null {
    return venue.stationId ? ctx.loaders.stationById.load(venue.stationId) : null;
  }

  @Public()
  @Mutation(() => CreateDeliberationVenuePayload, { description: '登记议事场所 Register a deliberation venue' })
  createDeliberationVenue(
    @Arg('input', () => CreateDeliberationVenueInput, { description: '新场所 The new venue' }) input: CreateDeliberationVenueInput,
    @Ctx() ctx: Context,
  ): Promise<DeliberationVenuePayload> {
    return venues.createDeliberationVenue(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateDeliberationVenuePayload, { description: '修改议事场所（须带读取时的版本号）Change a deliberation venue; pass the version you read' })
  updateDeliberationVenue(
    @Arg('input', () => UpdateDeliberationVenueInput, { description: '要修改的字段 Fields to change' }) input: UpdateDeliberationVenueInput,
    @Ctx() ctx: Context,
  ): Promise<DeliberationVenuePayload> {
    return venues.updateDeliberationVenue(ctx, input);
  }

  @Public()
  @Mutation(() => ArchiveDeliberationVenuePayload, { description: '归档议事场所（须带读取时的版本号）Archive a deliberation venue; pass the version you read' })
  archiveDeliberationVenue(
    @Arg('input', () => ArchiveDeliberationVenueInput, { description: '要归档的场所 The venue to archive' }) input: ArchiveDeliberationVenueInput,
    @Ctx() ctx: Context,
  ): Promise<DeliberationVenuePayload> {
    return venues.archiveDeliberationVenue(ctx, input);
  }
}

/** Region.deliberationVenues for regions the planner did not read. */
@Resolver(() => RegionType)
export class RegionDeliberationVenuesResolver {
  @Public()
  @FieldResolver(() => DeliberationVenueConnection, { description: '本区划（含下级）的议事场所（按名称）Deliberation venues in this region or anywhere below it, by name' })
  deliberationVenues(
    @Root() region: RegionRecord,
    @Args(() => NestedDeliberationVenuesArgs) _args: NestedDeliberationVenuesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Region', String(region.dbId), 'int');
  }
}

/** Station.deliberationVenues for stations the planner did not read. */
@Resolver(() => StationType)
export class StationDeliberationVenuesResolver {
  @Public()
  @FieldResolver(() => DeliberationVenueConnection, { description: '属于本驿站的议事场所（按名称）Deliberation venues belonging to this station, by name' })
  deliberationVenues(
    @Root() station: StationRecord,
    @Args(() => NestedDeliberationVenuesArgs) _args: NestedDeliberationVenuesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}
