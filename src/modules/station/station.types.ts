import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars';
import { toDate } from '../../db/sql';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { StationKind, StationStatus, StationTier } from './station.enums';
import { fromStoredOpeningHours, type OpeningHours } from '../opening-hours/opening-hours';
import { OpeningHoursType } from '../opening-hours/opening-hours.types';
import { fiveIntoComplete, FiveIntoFacility, FunctionZoneCategory, FunctionZoneKind, meetsOnePlusFour, ServedGroup, zoneCategory, type FunctionZone } from './station-profile';
import { VersionedNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { Station } from './station.entity';

registerEnumType(StationTier, {
  name: 'StationTier',
  description: '驿站类别（分类建设）Construction tier of a station',
  valuesConfig: {
    BASIC: { description: '基础性 Basic' },
    STANDARD: { description: '标准型 Standard' },
    LEADING: { description: '引领型 Leading (model station)' },
  },
});

registerEnumType(StationKind, {
  name: 'StationKind',
  description: '驿站类型 Where and for whom a station is built',
  valuesConfig: {
    COMMUNITY: { description: '城市社区驿站 In an urban community' },
    RURAL: { description: '乡镇村组驿站 In a town or village' },
    NEW_ECONOMY: { description: '两新组织集聚区驿站 In a cluster of new economic and social organizations' },
    WARM_NEW: { description: '暖新驿站：服务外卖员、快递员、网约车司机、家政人员 For delivery riders, couriers, ride-hailing drivers and domestic workers' },
  },
});

registerEnumType(StationStatus, {
  name: 'StationStatus',
  description: '驿站状态 Life-cycle status of a station',
  valuesConfig: {
    PLANNED: { description: '规划中 Planned' },
    UNDER_CONSTRUCTION: { description: '建设中 Under construction' },
    OPEN: { description: '运行中 Open and serving' },
    SUSPENDED: { description: '暂停服务 Temporarily suspended' },
    CLOSED: { description: '已关闭 Closed for good' },
  },
});

registerEnumType(FunctionZoneKind, {
  name: 'FunctionZoneKind',
  description: '功能区类型（“1+4+N”）Kind of function zone in the "1+4+N" layout',
  valuesConfig: {
    PARTY_ACTIVITY_BASE: { description: '党员活动基地（“1”）Party-activity base, the "1"' },
    GRID_WORK: { description: '网格工作区（“4”之一）Grid work zone, one of the "4"' },
    CONVENIENCE_SERVICE: { description: '便民服务区（“4”之一）Convenience service zone, one of the "4"' },
    DEMOCRATIC_CONSULTATION: { description: '民主议事区（“4”之一）Democratic consultation zone, one of the "4"' },
    CIVILIZATION_PRACTICE: { description: '新时代文明实践区（“4”之一）New-era civilization practice zone, one of the "4"' },
    ELDERLY_DAY_CARE: { description: '老年日间照料中心（特色“N”）Elderly day-care centre, featured' },
    YOUTH_MAKER_SPACE: { description: '青年创客空间（特色“N”）Youth maker space, featured' },
    CHILD_CARE: { description: '幼儿托管中心（特色“N”）Child-care centre, featured' },
    SOCIAL_ORG_STUDIO: { description: '社会组织工作室（特色“N”）Social-organization studio, featured' },
    SENIOR_SCHOOL: { description: '老年学校（特色“N”）School for seniors, featured' },
    AFTER_SCHOOL_CLASS: { description: '四点半课堂（特色“N”）After-school class, featured' },
    OTHER_FEATURED: { description: '其他特色功能区，须填写名称（特色“N”）Other featured zone; needs a name' },
  },
});

registerEnumType(FunctionZoneCategory, {
  name: 'FunctionZoneCategory',
  description: '功能区类别 Which part of "1+4+N" a zone is',
  valuesConfig: {
    BASE: { description: '“1”：党员活动基地 The "1": the party-activity base' },
    STANDARD: { description: '“4”：标准功能区 The "4": the standard zones' },
    FEATURED: { description: '“N”：特色功能区 The "N": featured zones' },
  },
});

registerEnumType(FiveIntoFacility, {
  name: 'FiveIntoFacility',
  description: '“五进”驿站的设施与力量 The five facilities brought into a station (五进)',
  valuesConfig: {
    GOV_SERVICE_HOTLINE: { description: '政务服务专线 Government-service hotline' },
    SELF_SERVICE_TERMINAL: { description: '自助服务终端 Self-service terminal' },
    WIRELESS_NETWORK: { description: '无线网络 Wireless network' },
    PROFESSIONAL_SOCIAL_ORG: { description: '专业社会组织 Professional social organization' },
    VOLUNTEER_FORCE: { description: '志愿服务力量 Volunteer service force' },
  },
});

registerEnumType(ServedGroup, {
  name: 'ServedGroup',
  description: '服务对象 A group of people a station serves',
  valuesConfig: {
    RESIDENTS: { description: '社区居民 Community residents' },
    VILLAGERS: { description: '村民 Villagers' },
    ELDERLY: { description: '老年人 Elderly people' },
    CHILDREN: { description: '少年儿童 Children' },
    YOUTH: { description: '青年 Young people' },
    DELIVERY_RIDERS: { description: '外卖骑手 Delivery riders' },
    COURIERS: { description: '快递员 Couriers' },
    RIDE_HAILING_DRIVERS: { description: '网约车司机 Ride-hailing drivers' },
    DOMESTIC_WORKERS: { description: '家政服务人员 Domestic workers' },
    SANITATION_WORKERS: { description: '环卫工人 Sanitation workers' },
    OUTDOOR_WORKERS: { description: '户外劳动者 Outdoor workers' },
    FLOATING_PARTY_MEMBERS: { description: '流动党员 Party members away from their home branch' },
    ENTERPRISE_EMPLOYEES: { description: '企业职工 Enterprise employees' },
    PEOPLE_WITH_DISABILITIES: { description: '残疾人 People with disabilities' },
    VETERANS: { description: '退役军人 Veterans' },
  },
});

@Public()
@ObjectType('FunctionZone', { simpleResolvers: true, description: '功能区 One function zone of a station ("1+4+N")' })
export class FunctionZoneType {
  @Public()
  @Field(() => FunctionZoneKind, { description: '功能区类型 Kind' })
  kind!: FunctionZoneKind;

  @Public()
  @Field(() => FunctionZoneCategory, { description: '类别（由类型决定）Category, derived from the kind' })
  category!: FunctionZoneCategory;

  @Public()
  @Field({ description: "名称（未填时为类型的中文名）Name; the kind's Chinese name unless another was given" })
  name!: string;

  @Public()
  @Field(() => Float, { nullable: true, description: '面积（平方米）Area in square metres, when known' })
  areaSquareMetres!: number | null;
}

/** A function zone as the read paths carry it: the stored zone plus its derived category. */
export interface FunctionZoneRecord extends FunctionZone {
  category: FunctionZoneCategory;
}

/** A station as the read paths carry it: a plain object, never a managed entity. */
export interface StationRecord {
  __typename: 'Station';
  id: string;
  dbId: string;
  code: string;
  name: string;
  tier: StationTier;
  kind: StationKind;
  status: StationStatus;
  regionId: number;
  circleId: string | null;
  address: string;
  lat: number;
  lng: number;
  planYear: number | null;
  openedOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  openingHours: OpeningHours | null;
  functionZones: FunctionZoneRecord[];
  meetsOnePlusFour: boolean;
  fiveIntoFacilities: FiveIntoFacility[];
  fiveIntoComplete: boolean;
  groupsServed: ServedGroup[];
  hostsMobilePartyMemberServicePoint: boolean;
  isHub: boolean;
  /** Local id of the hub it belongs to. */
  hubId: string | null;
}

const STATION_PROPERTIES = [
  'id',
  'code',
  'name',
  'tier',
  'kind',
  'status',
  'region',
  'circle',
  'address',
  'lat',
  'lng',
  'planYear',
  'openedOn',
  'version',
  'createdAt',
  'updatedAt',
  'archivedAt',
  'openingHours',
  'functionZones',
  'fiveIntoFacilities',
  'groupsServed',
  'hostsMobilePartyMemberServicePoint',
  'isHub',
  'hub',
] as const;
export type StationRow = Omit<RowOf<Station, (typeof STATION_PROPERTIES)[number]>, 'function_zones'> & {
  /** Parsed by the driver, or JSON text when read through a json_agg. */
  function_zones: FunctionZone[] | string;
};
export const STATION_COLUMNS = columnsOf(Station, 's', STATION_PROPERTIES);

export function toStationRecord(row: StationRow): StationRecord {
  const zones = (typeof row.function_zones === 'string' ? JSON.parse(row.function_zones) : row.function_zones) as FunctionZone[];
  return {
    __typename: 'Station',
    id: toGlobalId('Station', row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    tier: row.tier,
    kind: row.kind,
    status: row.status,
    regionId: row.region_id,
    circleId: row.circle_id,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    planYear: row.plan_year,
    openedOn: row.opened_on,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    archivedAt: toDate(row.archived_at),
    openingHours: fromStoredOpeningHours(row.opening_hours),
    functionZones: zones.map((zone) => ({
      kind: zone.kind,
      category: zoneCategory(zone.kind),
      name: zone.name,
      areaSquareMetres: zone.areaSquareMetres ?? null,
    })),
    meetsOnePlusFour: meetsOnePlusFour(zones),
    fiveIntoFacilities: row.five_into_facilities,
    fiveIntoComplete: fiveIntoComplete(row.five_into_facilities),
    groupsServed: row.groups_served,
    hostsMobilePartyMemberServicePoint: row.hosts_mobile_party_member_service_point,
    isHub: row.is_hub,
    hubId: row.hub_id,
  };
}

@Public()
@ObjectType('Station', {
  implements: Node,
  simpleResolvers: true,
  description: '红色驿站 A numbered Red Post Station: a grassroots service station of the city',
})
export class StationType extends VersionedNode(Public, {
  version: '版本号：修改时须回传，用于防止覆盖他人修改 Version; send it back when updating, to detect concurrent changes',
}) {
  @Public()
  @Field({ description: '驿站编号：所属社区/村代码-序号，系统签发，永不改变、永不复用 Station code: community code + sequence, issued once, never changed or reused' })
  code!: string;

  @Public()
  @Field({ description: '驿站名称 Name' })
  name!: string;

  @Public()
  @Field(() => StationTier, { description: '类别 Construction tier' })
  tier!: StationTier;

  @Public()
  @Field(() => StationKind, { description: '类型 Kind' })
  kind!: StationKind;

  @Public()
  @Field(() => StationStatus, { description: '状态 Status' })
  status!: StationStatus;

  @Public()
  @Field({ description: '地址 Street address' })
  address!: string;

  @Public()
  @Field(() => Int, { nullable: true, description: '建设计划年度 Year of the construction plan it was built under' })
  planYear!: number | null;

  @Public()
  @Field(() => LocalDateScalar, { nullable: true, description: '建成开放日期 Date it first opened (YYYY-MM-DD)' })
  openedOn!: string | null;

  @Public()
  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间（为空表示未归档）When it was archived; null while it is in the working registry' })
  archivedAt!: Date | null;

  @Public()
  @Field(() => OpeningHoursType, {
    nullable: true,
    description:
      '开放时间（每周时段，含错时、延时、七点半岗哨）；为空表示未公布 Weekly opening hours, incl. staggered, extended and 19:30 evening-post windows; null when not published',
  })
  openingHours!: OpeningHours | null;

  @Public()
  @Field(() => [FunctionZoneType], { description: '功能区（“1+4+N”，按此顺序）Function zones in "1+4+N" order' })
  functionZones!: FunctionZoneRecord[];

  @Public()
  @Field({ description: '是否达到“1+4”：有党员活动基地和全部4个标准功能区 Whether it has the party-activity base and all four standard zones' })
  meetsOnePlusFour!: boolean;

  @Public()
  @Field(() => [FiveIntoFacility], { description: '已进驻的“五进”设施与力量（集合）The 五进 facilities in the station, as a set' })
  fiveIntoFacilities!: FiveIntoFacility[];

  @Public()
  @Field({ description: '“五进”是否齐全 Whether all five 五进 facilities are in' })
  fiveIntoComplete!: boolean;

  @Public()
  @Field(() => [ServedGroup], { description: '服务对象（集合）Groups served, as a set' })
  groupsServed!: ServedGroup[];

  @Public()
  @Field({ description: '是否设有流动党员服务站 Whether it hosts a mobile party-member service point (流动党员服务站)' })
  hostsMobilePartyMemberServicePoint!: boolean;

  @Public()
  @Field({ description: '是否为党群服务中心（“1个中心+N个驿站”的中心）Whether it is a party-and-masses service centre, the hub of "1 centre + N stations"' })
  isHub!: boolean;
}

/** What a station list's edge adds to the station: values that depend on the query, not the record. */
@ObjectType('StationEdgeFields', { description: '驿站分页条目的查询相关值（不单独出现在接口中）Query-dependent values of a station edge (not a type of its own in the API)' })
class StationEdgeFields {
  @Public()
  @Field(() => Float, {
    nullable: true,
    description: '与查询点的距离（米），仅在按位置筛选（filter.near）时返回 Distance in metres from the `near` point, when the list is filtered by location',
  })
  distanceMetres!: number | null;
}

export const StationConnection = connectionTypeOf(StationType, 'Station', '红色驿站', StationEdgeFields);

const stationPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'station', type: () => StationType, zh: '驿站', en: 'The station' });

export const CreateStationPayload = stationPayload('CreateStationPayload', '新建驿站结果 Result of createStation');
export const UpdateStationPayload = stationPayload('UpdateStationPayload', '修改驿站结果 Result of updateStation');
export const ChangeStationStatusPayload = stationPayload('ChangeStationStatusPayload', '变更驿站状态结果 Result of changeStationStatus');
export const ArchiveStationPayload = stationPayload('ArchiveStationPayload', '归档驿站结果 Result of archiveStation');

export interface StationPayload {
  station: StationRecord | null;
  userErrors: UserError[];
}
