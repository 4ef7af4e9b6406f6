import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import { ConnectionArgs } from '../../graphql/relay';
import { GeoPointInput } from '../../geo/geo.types';
import { StationKind, StationStatus, StationTier } from './station.enums';

export enum StationSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  PLAN_YEAR = 'PLAN_YEAR',
  OPENED_ON = 'OPENED_ON',
  DISTANCE = 'DISTANCE',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(StationSortField, {
  name: 'StationSortField',
  description: '驿站排序字段 What to sort stations by (ties are broken by ID)',
  valuesConfig: {
    CODE: { description: '按编号 By code' },
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
    CREATED_AT: { description: '按登记时间 By registration time' },
    UPDATED_AT: { description: '按最近修改时间 By last change' },
    PLAN_YEAR: { description: '按计划年度（无年度者排最前）By plan year; stations without one first' },
    OPENED_ON: { description: '按建成日期（未建成者排最前）By opening date; unopened stations first' },
    DISTANCE: { description: '按与 near 点的距离，须同时提供 near 筛选 By distance from the `near` point; needs the near filter' },
  },
});

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: '排序方向 Sort direction',
  valuesConfig: { ASC: { description: '升序 Ascending' }, DESC: { description: '降序 Descending' } },
});

@InputType('StationOrder', { description: '驿站排序 Ordering of a station list' })
export class StationOrder {
  @Field(() => StationSortField, { description: '排序字段 Field to sort by' })
  field!: StationSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@InputType('NearInput', { description: '位置范围筛选 Stations within a radius of a point' })
export class NearInput extends GeoPointInput {
  @Field(() => Float, { description: '半径（米，1–50000）Radius in metres (1–50,000)' })
  radiusMetres!: number;
}

@InputType('StationFilter', { description: '驿站筛选条件（各条件同时满足）Station filters; all given conditions must hold' })
export class StationFilter {
  @Field({ nullable: true, description: '行政区划代码：该区划及其下级的驿站 Region code: stations in this region or anywhere below it' })
  regionCode?: string;

  @Field(() => [StationTier], { nullable: true, description: '类别之一 Any of these tiers' })
  tier?: StationTier[];

  @Field(() => [StationKind], { nullable: true, description: '类型之一 Any of these kinds' })
  kind?: StationKind[];

  @Field(() => [StationStatus], { nullable: true, description: '状态之一 Any of these statuses' })
  status?: StationStatus[];

  @Field(() => ID, { nullable: true, description: '所属15分钟便民服务圈 ID of the service circle' })
  serviceCircleId?: string;

  @Field(() => Int, { nullable: true, description: '建设计划年度 Plan year' })
  planYear?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '建成日期不早于 Opened on or after this date' })
  openedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '建成日期不晚于 Opened on or before this date' })
  openedTo?: string;

  @Field({ nullable: true, description: '关键词：匹配名称、地址或编号中的任意片段（支持中文）Text found anywhere in the name, address or code (works for Chinese)' })
  search?: string;

  @Field(() => NearInput, { nullable: true, description: '距某点一定半径内 Within a radius of a point' })
  near?: NearInput;

  @Field({ defaultValue: false, description: '是否包含已归档驿站 Include archived stations' })
  includeArchived!: boolean;
}

@ArgsType()
export class StationsArgs extends ConnectionArgs {
  @Field(() => StationFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: StationFilter;

  @Field(() => StationOrder, { nullable: true, description: '排序，默认按编号升序（有 near 时按距离）Ordering; by code, or by distance when `near` is given' })
  orderBy?: StationOrder;
}

@InputType('CreateStationInput', { description: '新建驿站 A new station; its code is issued by the system' })
export class CreateStationInput {
  @Field({ description: '驿站名称 Name' })
  name!: string;

  @Field({ description: '所属社区或村的12位统计用区划代码 12-digit code of the community or village it belongs to' })
  regionCode!: string;

  @Field(() => StationTier, { description: '类别 Tier' })
  tier!: StationTier;

  @Field(() => StationKind, { description: '类型 Kind' })
  kind!: StationKind;

  @Field(() => StationStatus, { defaultValue: StationStatus.PLANNED, description: '初始状态：PLANNED、UNDER_CONSTRUCTION 或 OPEN Initial status' })
  status!: StationStatus;

  @Field({ description: '地址 Street address' })
  address!: string;

  @Field(() => GeoPointInput, { description: '位置 Location, in any supported coordinate system' })
  location!: GeoPointInput;

  @Field(() => ID, { nullable: true, description: '所属15分钟便民服务圈 ID of its service circle' })
  serviceCircleId?: string;

  @Field(() => Int, { nullable: true, description: '建设计划年度 Plan year' })
  planYear?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '建成日期（仅状态为 OPEN 时；缺省为今天）Opening date; only for OPEN, defaults to today' })
  openedOn?: string;
}

@InputType('UpdateStationInput', { description: '修改驿站：只改所给字段 Change the given fields of a station' })
export class UpdateStationInput {
  @Field(() => ID, { description: '驿站 ID Station ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '驿站名称 Name' })
  name?: string;

  @Field({ nullable: true, description: '所属社区或村代码（编号不随之改变）Community or village code; the station code does not change' })
  regionCode?: string;

  @Field(() => StationTier, { nullable: true, description: '类别 Tier' })
  tier?: StationTier;

  @Field(() => StationKind, { nullable: true, description: '类型 Kind' })
  kind?: StationKind;

  @Field({ nullable: true, description: '地址 Street address' })
  address?: string;

  @Field(() => GeoPointInput, { nullable: true, description: '位置 Location' })
  location?: GeoPointInput;

  @Field(() => ID, { nullable: true, description: '所属服务圈；传 null 表示移出 Service circle ID; null removes it' })
  serviceCircleId?: string | null;

  @Field(() => Int, { nullable: true, description: '建设计划年度；传 null 表示清空 Plan year; null clears it' })
  planYear?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '建成日期 Opening date' })
  openedOn?: string | null;
}

@InputType('ChangeStationStatusInput', { description: '变更驿站状态 Move a station to another status' })
export class ChangeStationStatusInput {
  @Field(() => ID, { description: '驿站 ID Station ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;

  @Field(() => StationStatus, { description: '目标状态 New status' })
  status!: StationStatus;
}

@InputType('ArchiveStationInput', { description: '归档驿站 Take a closed or abandoned station out of the working registry' })
export class ArchiveStationInput {
  @Field(() => ID, { description: '驿站 ID Station ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}
