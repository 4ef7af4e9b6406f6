import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { planFigures } from '../../graphql/plan/planner';
import { aggregateComplexity } from '../../graphql/query-cost';
import { NeedFilter } from '../need/need.inputs';
import { isControlled, needStatsParts } from './need-stats';
import { NeedStats, NeedStatsDimension } from './need-stats.types';
import { ForAnalysts } from './statistics.types';

/**
 * needStats: for analysts (under small-cell control below district level, see need-stats.ts),
 * operators and administrators (exact). Over the needs the needs list gives the same caller —
 * operators and analysts read every need there, so the figures are not narrowed to a region.
 * Partner departments get none: they count the needs referred to them through that list.
 */
@Resolver()
export class NeedStatsResolver {
  @ForAnalysts()
  @Query(() => NeedStats, {
    complexity: aggregateComplexity,
    description:
      '需求统计：与 needs 相同的筛选条件，按所选维度分组计数提交、认领、解决、逾期、不予受理及解决用时中位数，各按事件自身时间（一次 SQL 聚合；分析员查询区县以下时施加小数控制，见 NeedStats.controlled）Need figures: the needs list’s filter, counted per group of the dimensions asked for — submitted, claimed, resolved, overdue, rejected and the median time to resolve, each event dated by itself — in one SQL aggregate; small-cell control applies to analysts below district level (see NeedStats.controlled)',
  })
  needStats(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => NeedFilter, { nullable: true, description: '筛选条件（同 needs）Filters, as for needs' }) filter?: NeedFilter,
    @Arg('groupBy', () => [NeedStatsDimension], {
      nullable: true,
      description: '分组维度，按给出顺序排列分组；不给则只有一组 Dimensions to group by, groups ordered by them in turn; none: one group',
    })
    groupBy?: NeedStatsDimension[],
  ): Promise<Record<string, unknown>> {
    const dimensions = groupBy ?? [];
    return planFigures(ctx, info, needStatsParts(ctx.principal, filter, dimensions, isControlled(ctx.principal, filter, dimensions)));
  }
}
