import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { planFigures } from '../../graphql/plan/planner';
import { aggregateComplexity } from '../../graphql/query-cost';
import { ConnectionArgs, toPageRequest } from '../../graphql/relay';
import { sql } from '../../db/sql';
import { assertRegionFound, regionKeySql } from './figures';
import { ServiceCircleConnection } from '../service-circle/service-circle.types';
import { compileServiceCircleFilter, serviceCircleList } from '../service-circle/service-circle.reader';
import { StationFilter } from '../station/station.inputs';
import { stationStatsParts } from './station-stats';
import {
  CircleCoverage,
  ForAnalysts,
  PlatformStats,
  PlatformStatsDimension,
  ServiceItemCoverage,
  ServiceItemCoverageDimension,
  StationStats,
  StationStatsDimension,
} from './statistics.types';
import { platformStatsParts } from './platform-stats';
import { serviceItemCoverageParts } from './service-item-coverage';
import { ServiceItemFilter } from '../service-item/service-item.inputs';
import { ServiceItemConnection } from '../service-item/service-item.types';
import { PlatformFilter } from '../platform/platform.inputs';

@Resolver()
export class StatisticsResolver {
  @ForAnalysts()
  @Query(() => StationStats, {
    complexity: aggregateComplexity,
    description:
      '驿站统计：与 stations 相同的筛选条件，按所选维度分组计数（一次 SQL 聚合）Station figures: the stations list’s filter, counted per group of the dimensions asked for, in one SQL aggregate',
  })
  stationStats(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => StationFilter, { nullable: true, description: '筛选条件（同 stations）Filters, as for stations' }) filter?: StationFilter,
    @Arg('groupBy', () => [StationStatsDimension], {
      nullable: true,
      description: '分组维度，按给出顺序排列分组；不给则只有一组 Dimensions to group by, groups ordered by them in turn; none: one group',
    })
    groupBy?: StationStatsDimension[],
  ): Promise<Record<string, unknown>> {
    return planFigures(ctx, info, stationStatsParts(filter, groupBy));
  }

  @ForAnalysts()
  @Query(() => PlatformStats, {
    complexity: aggregateComplexity,
    description:
      '整合平台统计：与 platforms 相同的筛选条件，按类型、部门或区分组计数（一次 SQL 聚合）Platform figures: the platforms list’s filter, counted per kind, department or district, in one SQL aggregate',
  })
  platformStats(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PlatformFilter, { nullable: true, description: '筛选条件（同 platforms）Filters, as for platforms' }) filter?: PlatformFilter,
    @Arg('groupBy', () => [PlatformStatsDimension], {
      nullable: true,
      description: '分组维度，按给出顺序排列分组；不给则只有一组 Dimensions to group by, groups ordered by them in turn; none: one group',
    })
    groupBy?: PlatformStatsDimension[],
  ): Promise<Record<string, unknown>> {
    return planFigures(ctx, info, platformStatsParts(filter, groupBy));
  }

  @ForAnalysts()
  @Query(() => ServiceItemCoverage, {
    complexity: aggregateComplexity,
    description:
      '服务事项下沉情况：与 serviceItems 相同的筛选条件，按层级、部门统计提供各事项的驿站（一次 SQL 聚合）Service items pushed down to stations: the serviceItems list’s filter, counted per level or department, in one SQL aggregate',
  })
  serviceItemCoverage(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ServiceItemFilter, { nullable: true, description: '筛选条件（同 serviceItems）Filters, as for serviceItems' }) filter?: ServiceItemFilter,
    @Arg('groupBy', () => [ServiceItemCoverageDimension], {
      nullable: true,
      description: '分组维度，按给出顺序排列分组；不给则只有一组 Dimensions to group by, groups ordered by them in turn; none: one group',
    })
    groupBy?: ServiceItemCoverageDimension[],
  ): Promise<Record<string, unknown>> {
    return planFigures(ctx, info, serviceItemCoverageParts(filter, groupBy));
  }

  @ForAnalysts()
  @Query(() => CircleCoverage, {
    complexity: aggregateComplexity,
    description: '区划内15分钟便民服务圈的覆盖情况（一次 SQL 聚合）Coverage of the region’s 15-minute service circles, in one SQL aggregate',
  })
  async circleCoverage(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('regionCode', { description: '区划代码：该区（县、市）或全市 Region code: a district, or the whole city' }) regionCode: string,
  ): Promise<Record<string, unknown>> {
    const code = regionCode.trim();
    const circles = (hasOpenStation?: boolean) => compileServiceCircleFilter({ regionCode: code, hasOpenStation });
    const figures = await planFigures(
      ctx,
      info,
      {
        region: regionKeySql(code),
        circleCount: sql`(select count(*)::int from service_circle c where ${circles()})`,
        coveredCount: sql`(select count(*)::int from service_circle c where ${circles(true)})`,
        coverageRatio: sql`(select (count(*) filter (where ${circles(true)}))::float8 / nullif(count(*), 0) from service_circle c where ${circles()})`,
        uncoveredCircles: (args) => serviceCircleList({ regionCode: code, hasOpenStation: false }, undefined, toPageRequest(args, 2)),
      },
      { region: regionKeySql(code) },
    );
    return assertRegionFound(figures, code);
  }
}

@Resolver(() => ServiceItemCoverage)
export class ServiceItemCoverageResolver {
  @ForAnalysts()
  @FieldResolver(() => ServiceItemConnection, {
    description: '生效下沉驿站少于 fewerThan 个的事项，按代码 Items offered (ACTIVE push-downs, archived stations left out) at fewer than `fewerThan` stations, by code',
  })
  thinlyOfferedItems(
    @Root() coverage: Record<string, unknown>,
    @Args(() => ConnectionArgs) _args: ConnectionArgs,
    @Arg('fewerThan', () => Int, { description: '驿站数阈值（不小于1）The threshold, 1 or more' }) _fewerThan: number,
    @Info() info: GraphQLResolveInfo,
  ): unknown {
    // serviceItemCoverage plans it in its own statement (planFigures); the object carries it by response key.
    return coverage[info.path.key as string];
  }
}

@Resolver(() => CircleCoverage)
export class CircleCoverageResolver {
  @ForAnalysts()
  @FieldResolver(() => ServiceCircleConnection, { description: '尚无开放驿站的服务圈（覆盖缺口），按编号 Circles without an open station (the coverage gaps), by code' })
  uncoveredCircles(@Root() coverage: Record<string, unknown>, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Info() info: GraphQLResolveInfo): unknown {
    // circleCoverage plans it in its own statement (planFigures); the object carries it by response key.
    return coverage[info.path.key as string];
  }
}
