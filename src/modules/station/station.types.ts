import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars';
import { toDate } from '../../db/sql';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { StationKind, StationStatus, StationTier } from './station.enums';

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
  /** Metres from the point of a `near` filter, when there is one. */
  distanceMetres: number | null;
}

export interface StationRow {
  id: string;
  code: string;
  name: string;
  tier: StationTier;
  kind: StationKind;
  status: StationStatus;
  region_id: number;
  circle_id: string | null;
  address: string;
  lat: number;
  lng: number;
  plan_year: number | null;
  opened_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  distance?: number | null;
}

export const STATION_COLUMNS = `s.id, s.code, s.name, s.tier, s.kind, s.status, s.region_id, s.circle_id, s.address,
  s.lat, s.lng, s.plan_year, to_char(s.opened_on, 'YYYY-MM-DD') as opened_on, s.version, s.created_at, s.updated_at, s.archived_at`;

export function toStationRecord(row: StationRow): StationRecord {
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
    distanceMetres: row.distance == null ? null : Math.round(row.distance * 10) / 10,
  };
}

@ObjectType('Station', {
  implements: Node,
  simpleResolvers: true,
  description: '红色驿站 A numbered Red Post Station: a grassroots service station of the city',
})
export class StationType extends Node {
  @Field({ description: '驿站编号：所属社区/村代码-序号，系统签发，永不改变、永不复用 Station code: community code + sequence, issued once, never changed or reused' })
  code!: string;

  @Field({ description: '驿站名称 Name' })
  name!: string;

  @Field(() => StationTier, { description: '类别 Construction tier' })
  tier!: StationTier;

  @Field(() => StationKind, { description: '类型 Kind' })
  kind!: StationKind;

  @Field(() => StationStatus, { description: '状态 Status' })
  status!: StationStatus;

  @Field({ description: '地址 Street address' })
  address!: string;

  @Field(() => Int, { nullable: true, description: '建设计划年度 Year of the construction plan it was built under' })
  planYear!: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '建成开放日期 Date it first opened (YYYY-MM-DD)' })
  openedOn!: string | null;

  @Field(() => Int, { description: '版本号：修改时须回传，用于防止覆盖他人修改 Version; send it back when updating, to detect concurrent changes' })
  version!: number;

  @Field(() => DateTimeScalar, { description: '创建时间 When it was registered' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: '更新时间 When it last changed' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间（为空表示未归档）When it was archived; null while it is in the working registry' })
  archivedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: '与查询点的距离（米），仅在按位置筛选时返回 Distance in metres from the `near` point, when filtering by location' })
  distanceMetres!: number | null;
}

export const StationConnection = connectionTypeOf(StationType, 'Station', '红色驿站');

const stationPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'station', type: () => StationType, zh: '驿站', en: 'The station' });

export const CreateStationPayload = stationPayload('CreateStationPayload', '新建驿站结果 Result of createStation');
export const UpdateStationPayload = stationPayload('UpdateStationPayload', '修改驿站结果 Result of updateStation');
export const ChangeStationStatusPayload = stationPayload('ChangeStationStatusPayload', '变更驿站状态结果 Result of changeStationStatus');
export const ArchiveStationPayload = stationPayload('ArchiveStationPayload', '归档驿站结果 Result of archiveStation');

export interface StationPayload {
  station: StationRecord | null;
  userErrors: UserError[];
}
