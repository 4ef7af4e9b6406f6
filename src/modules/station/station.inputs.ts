import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars';
import { OpeningHoursInput } from '../opening-hours/opening-hours.types';
import { FiveIntoFacility, FunctionZoneKind, ServedGroup } from './station-profile';
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

@InputType('FunctionZoneInput', { description: '功能区 One function zone ("1+4+N")' })
export class FunctionZoneInput {
  @Field(() => FunctionZoneKind, { description: '功能区类型 Kind' })
  kind!: FunctionZoneKind;

  @Field(() => String, {
    nullable: true,
    description: "名称（至多30字；缺省为类型的中文名；“其他特色功能区”必填）Name, at most 30 characters; defaults to the kind's Chinese name; required for OTHER_FEATURED",
  })
  name?: string | null;

  @Field(() => Float, { nullable: true, description: '面积（平方米，须大于0）Area in square metres, above 0' })
  areaSquareMetres?: number | null;
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

  @Field(() => DateTimeScalar, { nullable: true, description: '在该时刻开放（按公布的开放时间）Open at this instant, by the published opening hours' })
  openAt?: Date;

  @Field(() => [FunctionZoneKind], { nullable: true, description: '同时具备这些功能区 Has all of these function zones' })
  hasFunctionZones?: FunctionZoneKind[];

  @Field({ nullable: true, description: '是否达到“1+4” Whether it has the base and all four standard zones' })
  meetsOnePlusFour?: boolean;

  @Field(() => [FiveIntoFacility], { nullable: true, description: '同时具备这些“五进”设施 Has all of these 五进 facilities' })
  hasFacilities?: FiveIntoFacility[];

  @Field({ nullable: true, description: '“五进”是否齐全 Whether all five 五进 facilities are in' })
  fiveIntoComplete?: boolean;

  @Field(() => [ServedGroup], { nullable: true, description: '服务这些对象之一 Serves any of these groups' })
  servesGroups?: ServedGroup[];

  @Field({ nullable: true, description: '是否设有流动党员服务站 Whether it hosts a mobile party-member service point' })
  hostsMobilePartyMemberServicePoint?: boolean;

  @Field({ nullable: true, description: '是否为党群服务中心 Whether it is a hub (党群服务中心)' })
  isHub?: boolean;

  @Field(() => ID, { nullable: true, description: '归属该党群服务中心的驿站 Stations belonging to this hub' })
  hubId?: string;

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

  @Field(() => OpeningHoursInput, { nullable: true, description: '开放时间（不填表示未公布）Weekly opening hours; leave out when not published' })
  openingHours?: OpeningHoursInput | null;

  @Field(() => [FunctionZoneInput], { nullable: true, description: '功能区（“1+4+N”）Function zones' })
  functionZones?: FunctionZoneInput[];

  @Field(() => [FiveIntoFacility], { nullable: true, description: '已进驻的“五进”设施与力量 The 五进 facilities in the station' })
  fiveIntoFacilities?: FiveIntoFacility[];

  @Field(() => [ServedGroup], { nullable: true, description: '服务对象 Groups served' })
  groupsServed?: ServedGroup[];

  @Field({ defaultValue: false, description: '是否设有流动党员服务站 Whether it hosts a mobile party-member service point' })
  hostsMobilePartyMemberServicePoint!: boolean;

  @Field({ defaultValue: false, description: '是否为党群服务中心 Whether it is a hub (党群服务中心)' })
  isHub!: boolean;

  @Field(() => ID, { nullable: true, description: '所属党群服务中心（须为同区、未归档的党群服务中心）ID of the hub it belongs to: a hub of the same district, not archived' })
  hubId?: string | null;
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

  @Field(() => OpeningHoursInput, { nullable: true, description: '开放时间（整体替换）；传 null 表示撤下 Weekly opening hours, replacing the old ones; null withdraws them' })
  openingHours?: OpeningHoursInput | null;

  @Field(() => [FunctionZoneInput], {
    nullable: true,
    description: '功能区（整体替换；传空列表表示全部移除）Function zones, replacing the whole list; an empty list removes them all',
  })
  functionZones?: FunctionZoneInput[] | null;

  @Field(() => [FiveIntoFacility], {
    nullable: true,
    description: '“五进”设施与力量（整体替换；传空列表表示清空）五进 facilities, replacing the whole set; an empty list clears it',
  })
  fiveIntoFacilities?: FiveIntoFacility[] | null;

  @Field(() => [ServedGroup], { nullable: true, description: '服务对象（整体替换；传空列表表示清空）Groups served, replacing the whole set; an empty list clears it' })
  groupsServed?: ServedGroup[] | null;

  @Field(() => Boolean, { nullable: true, description: '是否设有流动党员服务站 Whether it hosts a mobile party-member service point' })
  hostsMobilePartyMemberServicePoint?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否为党群服务中心（仍有驿站归属时不能取消）Whether it is a hub; cannot be cleared while stations belong to it' })
  isHub?: boolean | null;

  @Field(() => ID, { nullable: true, description: '所属党群服务中心；传 null 表示解除归属 ID of the hub it belongs to; null clears it' })
  hubId?: string | null;
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
