import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RolesOnly } from '../../auth/visibility';
import { Role } from '../../auth/roles';
import { StationKind, StationStatus, StationTier } from '../station/station.enums';
import { PlatformKind } from '../platform/platform.enums';
import { ServiceItemLevel } from '../service-item/service-item.enums';

/**
 * Who may read the aggregates: analysts, street and community operators, and administrators
 * (always). Operators are not narrowed to their region: the stations list they summarise is not
 * either (it is public), so a figure tells an operator nothing the list would not.
 */
export const ForAnalysts = () => RolesOnly(Role.ANALYST, Role.REGION_OPERATOR);

/** What stationStats groups by. */
export enum StationStatsDimension {
  DISTRICT = 'DISTRICT',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
  TIER = 'TIER',
  KIND = 'KIND',
  STATUS = 'STATUS',
  PLAN_YEAR = 'PLAN_YEAR',
  OPENED_MONTH = 'OPENED_MONTH',
}

registerEnumType(StationStatsDimension, {
  name: 'StationStatsDimension',
  description: '驿站统计的分组维度 What station figures can be grouped by',
  valuesConfig: {
    DISTRICT: { description: '按区（县、市）By district (county-level division)' },
    STREET: { description: '按街道（乡镇）By street or town' },
    COMMUNITY: { description: '按社区（村）By community or village' },
    TIER: { description: '按类别 By tier' },
    KIND: { description: '按类型 By kind' },
    STATUS: { description: '按状态 By status' },
    PLAN_YEAR: { description: '按计划年度（无年度者为一组）By plan year; stations without one form a group' },
    OPENED_MONTH: { description: '按建成月份（未建成者为一组）By month of opening; unopened stations form a group' },
  },
});

@ForAnalysts()
@ObjectType('GroupKey', { description: '分组键：一组数字所属的行政区划或部门 The region or department a group of figures belongs to' })
export class GroupKey {
  @ForAnalysts()
  @Field({ description: '行政区划代码或部门代码 Region code or department code' })
  code!: string;

  @ForAnalysts()
  @Field({ description: '名称 Name' })
  name!: string;
}

@ForAnalysts()
@ObjectType('StationStatsGroup', { description: '一组驿站的数量；只有所选维度有值 The number of stations in one group; only the dimensions grouped by have values' })
export class StationStatsGroup {
  @ForAnalysts()
  @Field(() => Int, { description: '驿站数 Stations in the group' })
  count!: number;

  @ForAnalysts()
  @Field(() => GroupKey, { nullable: true, description: '区（县、市）District' })
  district?: GroupKey | null;

  @ForAnalysts()
  @Field(() => GroupKey, { nullable: true, description: '街道（乡镇）Street or town' })
  street?: GroupKey | null;

  @ForAnalysts()
  @Field(() => GroupKey, { nullable: true, description: '社区（村）Community or village' })
  community?: GroupKey | null;

  @ForAnalysts()
  @Field(() => StationTier, { nullable: true, description: '类别 Tier' })
  tier?: StationTier | null;

  @ForAnalysts()
  @Field(() => StationKind, { nullable: true, description: '类型 Kind' })
  kind?: StationKind | null;

  @ForAnalysts()
  @Field(() => StationStatus, { nullable: true, description: '状态 Status' })
  status?: StationStatus | null;

  @ForAnalysts()
  @Field(() => Int, { nullable: true, description: '计划年度（按年度分组时，无年度者为 null）Plan year; null for the group without one' })
  planYear?: number | null;

  @ForAnalysts()
  @Field(() => String, { nullable: true, description: '建成月份 YYYY-MM（按月份分组时，未建成者为 null）Month of opening as YYYY-MM; null for the unopened group' })
  openedMonth?: string | null;
}

@ForAnalysts()
@ObjectType('StationStats', {
  description: '驿站统计：按所选维度分组计数，与驿站列表同一筛选条件 Station figures: counts grouped by the dimensions asked for, over the same filter as the stations list',
})
export class StationStats {
  @ForAnalysts()
  @Field(() => Int, { description: '符合筛选条件的驿站总数 Stations matching the filter' })
  total!: number;

  @ForAnalysts()
  @Field(() => [StationStatsGroup], {
    description:
      '各分组的数量，按维度顺序排列（区划按代码，枚举按声明顺序，无值者在前）Counts per group, ordered by the dimensions in turn: regions by code, enums in declared order, empty values first',
  })
  groups!: StationStatsGroup[];
}

@ForAnalysts()
@ObjectType('CircleCoverage', {
  description: '15分钟便民服务圈覆盖率：有开放驿站的服务圈占比 Coverage of the 15-minute service circles: the share with an open station',
})
export class CircleCoverage {
  @ForAnalysts()
  @Field(() => GroupKey, { description: '统计的区划 The region counted' })
  region!: GroupKey;

  @ForAnalysts()
  @Field(() => Int, { description: '区划内服务圈数 Service circles in the region' })
  circleCount!: number;

  @ForAnalysts()
  @Field(() => Int, { description: '至少有一个开放驿站的服务圈数 Circles with at least one open station' })
  coveredCount!: number;

  @ForAnalysts()
  @Field(() => Float, { nullable: true, description: '覆盖率：覆盖数 ÷ 服务圈数（无服务圈时为 null）Covered circles ÷ circles; null when the region has none' })
  coverageRatio!: number | null;
}

/** What platformStats groups by. */
export enum PlatformStatsDimension {
  KIND = 'KIND',
  DEPARTMENT = 'DEPARTMENT',
  DISTRICT = 'DISTRICT',
}

registerEnumType(PlatformStatsDimension, {
  name: 'PlatformStatsDimension',
  description: '整合平台统计的分组维度 What platform figures can be grouped by',
  valuesConfig: {
    KIND: { description: '按平台类型 By kind of platform' },
    DEPARTMENT: { description: '按所属部门 By owning department' },
    DISTRICT: { description: '按所在驿站的区（县、市）By the district of the station it is in' },
  },
});

@ForAnalysts()
@ObjectType('PlatformStatsGroup', { description: '一组整合平台的数量；只有所选维度有值 The number of platforms in one group; only the dimensions grouped by have values' })
export class PlatformStatsGroup {
  @ForAnalysts()
  @Field(() => Int, { description: '平台数 Platforms in the group' })
  count!: number;

  @ForAnalysts()
  @Field(() => PlatformKind, { nullable: true, description: '平台类型 Kind' })
  kind?: PlatformKind | null;

  @ForAnalysts()
  @Field(() => GroupKey, { nullable: true, description: '所属部门 Owning department' })
  department?: GroupKey | null;

  @ForAnalysts()
  @Field(() => GroupKey, { nullable: true, description: '所在驿站的区（县、市）District of its station' })
  district?: GroupKey | null;
}

@ForAnalysts()
@ObjectType('PlatformStats', {
  description:
    '整合平台统计：与 platforms 相同的筛选条件，按所选维度分组计数 Platform figures: counts grouped by the dimensions asked for, over the same filter as the platforms list',
})
export class PlatformStats {
  @ForAnalysts()
  @Field(() => Int, { description: '符合筛选条件的平台总数 Platforms matching the filter' })
  total!: number;

  @ForAnalysts()
  @Field(() => [PlatformStatsGroup], {
    description:
      '各分组的数量，按维度顺序排列（部门、区划按代码，类型按声明顺序）Counts per group, ordered by the dimensions in turn: departments and regions by code, kinds in declared order',
  })
  groups!: PlatformStatsGroup[];
}

/** What serviceItemCoverage groups by. */
export enum ServiceItemCoverageDimension {
  LEVEL = 'LEVEL',
  DEPARTMENT = 'DEPARTMENT',
}

registerEnumType(ServiceItemCoverageDimension, {
  name: 'ServiceItemCoverageDimension',
  description: '服务事项下沉统计的分组维度 What service-item coverage can be grouped by',
  valuesConfig: {
    LEVEL: { description: '按事项层级 By level of the issuing government' },
    DEPARTMENT: { description: '按责任部门 By responsible department' },
  },
});

@ForAnalysts()
@ObjectType('ServiceItemCoverageGroup', {
  description: '一组服务事项的下沉情况；只有所选维度有值 How far one group of service items is pushed down; only the dimensions grouped by have values',
})
export class ServiceItemCoverageGroup {
  @ForAnalysts()
  @Field(() => Int, { description: '事项数 Items in the group' })
  count!: number;

  @ForAnalysts()
  @Field(() => Int, { description: '生效中的下沉记录数（驿站×事项，不含已归档驿站）Active push-downs (station × item), archived stations left out' })
  offerCount!: number;

  @ForAnalysts()
  @Field(() => Int, { description: '至少提供本组一项事项的驿站数 Stations offering at least one item of the group' })
  stationCount!: number;

  @ForAnalysts()
  @Field(() => ServiceItemLevel, { nullable: true, description: '事项层级 Level' })
  level?: ServiceItemLevel | null;

  @ForAnalysts()
  @Field(() => GroupKey, { nullable: true, description: '责任部门 Responsible department' })
  department?: GroupKey | null;
}

@ForAnalysts()
@ObjectType('ServiceItemCoverage', {
  description:
    '服务事项下沉情况：与 serviceItems 相同的筛选条件，按层级、部门分组，并列出下沉驿站过少的事项 How far service items are pushed down to stations: the serviceItems list’s filter, grouped by level or department, and the items offered at too few stations',
})
export class ServiceItemCoverage {
  @ForAnalysts()
  @Field(() => Int, { description: '符合筛选条件的事项总数 Items matching the filter' })
  total!: number;

  @ForAnalysts()
  @Field(() => [ServiceItemCoverageGroup], { description: '各分组的下沉情况，按维度顺序排列 Figures per group, ordered by the dimensions in turn' })
  groups!: ServiceItemCoverageGroup[];
}
