import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NeedCategory, NeedChannel, NeedState } from '../need/need.enums';
import { ForAnalysts, GroupKey } from './statistics.types';

/** What needStats groups by. */
export enum NeedStatsDimension {
  STATE = 'STATE',
  CHANNEL = 'CHANNEL',
  CATEGORY = 'CATEGORY',
  REGION = 'REGION',
  MONTH = 'MONTH',
}

registerEnumType(NeedStatsDimension, {
  name: 'NeedStatsDimension',
  description: '需求统计的分组维度 What need figures can be grouped by',
  valuesConfig: {
    STATE: { description: '按当前办理状态 By the state the need is in now' },
    CHANNEL: { description: '按收集渠道 By channel' },
    CATEGORY: { description: '按需求类别 By category' },
    REGION: {
      description:
        '按筛选区划的下一级区划（未按区划筛选时按区县；记在该区划本身的需求为 region 为空的一组）By the regions one level below the filter’s regionCode (districts without one); needs recorded on that region itself form the group with a null region',
    },
    MONTH: {
      description:
        '按事件发生的月份（北京时间）：提交数按提交月，解决数按解决月，依此类推 By the month (Beijing time) each event happened in: submissions in the month submitted, resolutions in the month resolved, and so on',
    },
  },
});

/** The figures of a group or of the whole filter. */
@ForAnalysts()
@ObjectType('NeedFigures', {
  description: '需求数字；小数控制时低于5的数为 null 并标记 suppressed The figures of a set of needs; under small-cell control a figure below 5 is null and suppressed is true',
})
export class NeedFigures {
  @ForAnalysts()
  @Field(() => Int, { nullable: true, description: '提交的需求数（按提交时间）Needs submitted, dated by submission' })
  submitted?: number | null;

  @ForAnalysts()
  @Field(() => Int, { nullable: true, description: '被认领的需求数（按首次认领时间）Needs claimed, dated by their first claim' })
  claimed?: number | null;

  @ForAnalysts()
  @Field(() => Int, { nullable: true, description: '解决的需求数（按首次解决时间）Needs resolved, dated by when they were resolved' })
  resolved?: number | null;

  @ForAnalysts()
  @Field(() => Int, {
    nullable: true,
    description:
      '逾期的需求数：期限已过而在期限前未解决或不予受理（按期限时间，含此后补办的）Needs that went overdue: the deadline passed before they were resolved or rejected; dated by the deadline, late resolutions included',
  })
  overdue?: number | null;

  @ForAnalysts()
  @Field(() => Int, { nullable: true, description: '不予受理的需求数（按不予受理时间）Needs rejected, dated by the rejection' })
  rejected?: number | null;

  @ForAnalysts()
  @Field(() => Float, {
    nullable: true,
    description:
      '解决用时中位数（小时，一位小数）：本组解决的需求从提交到解决的用时 Median time to resolve, in hours to one decimal: from submission to resolution, over the needs this group counts as resolved',
  })
  medianHoursToResolve?: number | null;

  @ForAnalysts()
  @Field({ description: '是否有数字因小数控制而为 null Whether any figure here is withheld (null) by small-cell control' })
  suppressed!: boolean;
}

@ForAnalysts()
@ObjectType('NeedStatsGroup', { description: '一组需求的数字；只有所选维度有值 The figures of one group of needs; only the dimensions grouped by have values' })
export class NeedStatsGroup extends NeedFigures {
  @ForAnalysts()
  @Field(() => NeedState, { nullable: true, description: '当前办理状态 State now' })
  state?: NeedState | null;

  @ForAnalysts()
  @Field(() => NeedChannel, { nullable: true, description: '收集渠道 Channel' })
  channel?: NeedChannel | null;

  @ForAnalysts()
  @Field(() => NeedCategory, { nullable: true, description: '需求类别 Category' })
  category?: NeedCategory | null;

  @ForAnalysts()
  @Field(() => GroupKey, { nullable: true, description: '区划（筛选区划的下一级）Region, one level below the filter’s' })
  region?: GroupKey | null;

  @ForAnalysts()
  @Field(() => String, { nullable: true, description: '事件月份 YYYY-MM（北京时间）Month of the events, YYYY-MM, Beijing time' })
  month?: string | null;
}

@ForAnalysts()
@ObjectType('NeedStats', {
  description:
    '需求统计：与 needs 相同的筛选条件，按所选维度分组，各事件按自身发生时间计（一次 SQL 聚合）Need figures over the needs list’s filter, grouped by the dimensions asked for, each event dated by itself, in one SQL aggregate',
})
export class NeedStats {
  @ForAnalysts()
  @Field({
    description:
      '是否施加了小数控制（分析员查询区县以下的数字时）：低于5的数为 null，其余数取5的倍数，全部数字都低于5的分组不列出 Whether small-cell control applies (an analyst asking below district level): figures below 5 are null, the others are rounded to a multiple of 5, and groups whose every figure is below 5 are not listed',
  })
  controlled!: boolean;

  @ForAnalysts()
  @Field(() => NeedFigures, { description: '符合筛选条件的全部需求的数字 The figures of all needs matching the filter' })
  total!: NeedFigures;

  @ForAnalysts()
  @Field(() => [NeedStatsGroup], {
    description:
      '各分组的数字，按维度顺序排列（区划按代码，枚举按声明顺序，月份从早到晚）Figures per group, ordered by the dimensions in turn: regions by code, enums in declared order, months oldest first',
  })
  groups!: NeedStatsGroup[];
}
