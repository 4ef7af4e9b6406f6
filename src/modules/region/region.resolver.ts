import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { ConnectionArgs, toPageRequest } from '../../graphql/relay';
import { StationStatus } from '../station/station.enums';
import { RegionFilter, RegionOrder } from './region.inputs';
import { regionList } from './region.reader';
import { planConnection, planOne } from '../../graphql/plan/planner';
import type { GraphQLResolveInfo } from 'graphql';
import { ancestorCodes, RegionConnection, RegionType, type RegionRecord } from './region.types';

@ArgsType()
class RegionsArgs extends ConnectionArgs {
  @Field(() => RegionFilter, { nullable: true, description: '筛选条件；不给时返回最上层 Filter; without one, the top of the tree' })
  filter?: RegionFilter;

  @Field(() => RegionOrder, { nullable: true, description: '排序，默认按区划代码升序 Ordering; by region code by default' })
  orderBy?: RegionOrder;
}

@Resolver(() => RegionType)
export class RegionResolver {
  @Public()
  @Query(() => RegionType, { nullable: true, description: '按代码查区划 A region by its code' })
  region(@Arg('code', { description: '区划代码 Region code' }) code: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown> | null> {
    return planOne(ctx, info, 'Region', 'code', code, 'text');
  }

  @Public()
  @Query(() => RegionConnection, {
    description: '行政区划列表，默认按代码排序；不带筛选时返回最上层 Regions, by code unless ordered otherwise; with no filter, the top of the tree',
  })
  regions(@Args(() => RegionsArgs) args: RegionsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, regionList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @FieldResolver(() => RegionType, { nullable: true, description: '上级区划 Parent region' })
  parent(@Root() region: RegionRecord, @Ctx() ctx: Context): Promise<RegionRecord | null> | null {
    return region.parentId == null ? null : ctx.loaders.regionById.load(region.parentId);
  }

  @Public()
  @FieldResolver(() => [RegionType], { description: '全部上级，自顶向下 All ancestors, from the top down' })
  async ancestors(@Root() region: RegionRecord, @Ctx() ctx: Context): Promise<RegionRecord[]> {
    const found = await ctx.loaders.regionByCode.loadMany(ancestorCodes(region));
    // loadMany hands back a failed batch as Error values: rethrow rather than drop ancestors.
    const failed = found.find((item): item is Error => item instanceof Error);
    if (failed) throw failed;
    return found.filter((item): item is RegionRecord => item !== null);
  }

  @Public()
  @FieldResolver(() => RegionConnection, { description: '直接下级区划 Direct children' })
  children(
    @Root() region: RegionRecord,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, regionList({ parentCode: region.code }, undefined, toPageRequest(args, 2)));
  }

  @Public()
  @FieldResolver(() => Int, { description: '辖区内（含下级）未归档驿站数 Stations (not archived) in this region and below' })
  stationCount(
    @Root() region: RegionRecord,
    @Arg('status', () => [StationStatus], { nullable: true, description: '只计这些状态 Count only these statuses' }) _status: StationStatus[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<number> {
    // Planned (see region.read-model.ts); a region the planner did not read is counted the same way.
    return plannedField(ctx, info, 'Region', String(region.dbId), 'int') as Promise<number>;
  }
}
