import { Field, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { gatedResolveType, Public } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { fromStoredOpeningHours, type OpeningHours } from '../opening-hours/opening-hours';
import { OpeningHoursType } from '../opening-hours/opening-hours.types';
import { BusService, CareAmenity, PlatformKind } from './platform.enums';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { Platform } from './platform.entity';

registerEnumType(PlatformKind, {
  name: 'PlatformKind',
  description: '整合平台类型 Kind of partner facility merged into a station',
  valuesConfig: {
    UNION_CARE_STATION: { description: '工会爱心驿站（户外劳动者服务站点）Trade-union care station for outdoor workers' },
    GIG_WORK_STATION: { description: '人社零工驿站 Gig-work station of human resources and social security' },
    GOV_SERVICE_24H: { description: '24小时政务服务驿站 24-hour government self-service point' },
    BUS_SELF_SERVICE: { description: '公交自助服务站 Bus self-service point' },
    PRICE_DISPUTE_MEDIATION: { description: '价格争议调解站 Price-dispute mediation point' },
    OTHER: { description: '其他（见 kindName）Another kind, named in kindName' },
  },
});

registerEnumType(CareAmenity, {
  name: 'CareAmenity',
  description: '爱心驿站服务设施 Amenity a union care station offers',
  valuesConfig: {
    DRINKING_WATER: { description: '饮水 Drinking water' },
    MICROWAVE: { description: '微波炉 Microwave oven' },
    PHONE_CHARGING: { description: '手机充电 Phone charging' },
    REST_SEATS: { description: '休息座椅 Rest seats' },
    TOILET: { description: '卫生间 Toilet' },
    MEDICINE_KIT: { description: '医药箱 First-aid kit' },
    AIR_CONDITIONING: { description: '空调 Air conditioning' },
    WIFI: { description: '无线网络 Wi-Fi' },
    READING_CORNER: { description: '阅读角 Reading corner' },
    UMBRELLA_LENDING: { description: '爱心雨伞 Umbrella lending' },
  },
});

registerEnumType(BusService, {
  name: 'BusService',
  description: '公交自助服务项目 Service a bus self-service point handles',
  valuesConfig: {
    CARD_TOP_UP: { description: '公交卡充值 Bus card top-up' },
    CARD_ISSUE: { description: '办卡 Issuing bus cards' },
    SENIOR_CARD: { description: '老年卡年审 Annual check of senior citizens’ cards' },
    ROUTE_INQUIRY: { description: '线路查询 Route inquiry' },
    LOST_AND_FOUND: { description: '失物招领 Lost and found' },
  },
});

/** The GraphQL type name of each kind (the `__typename` of its records). */
export const PLATFORM_TYPENAMES = {
  UNION_CARE_STATION: 'UnionCareStation',
  GIG_WORK_STATION: 'GigWorkStation',
  GOV_SERVICE_24H: 'GovServicePoint24h',
  BUS_SELF_SERVICE: 'BusSelfServicePoint',
  PRICE_DISPUTE_MEDIATION: 'PriceDisputeMediationPoint',
  OTHER: 'OtherPlatform',
} as const satisfies Record<PlatformKind, string>;

export type PlatformTypename = (typeof PLATFORM_TYPENAMES)[PlatformKind];

/**
 * A platform as the read paths carry it: a plain object whose `__typename` is its kind's concrete
 * type, with the common fields and every concrete type's fields (null on records of other kinds).
 */
export interface PlatformRecord {
  __typename: PlatformTypename;
  id: string;
  dbId: string;
  kind: PlatformKind;
  name: string;
  ownerRef: string;
  departmentId: string;
  stationId: string;
  openingHours: OpeningHours | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  amenities: CareAmenity[] | null;
  restSeats: number | null;
  jobPostings: number | null;
  matchesMade: number | null;
  registeredWorkers: number | null;
  selfServiceTerminals: number | null;
  busServices: BusService[] | null;
  terminals: number | null;
  casesReceived: number | null;
  casesMediated: number | null;
  mediators: number | null;
  kindName: string | null;
}

const PLATFORM_PROPERTIES = [
  'id',
  'kind',
  'station',
  'department',
  'name',
  'ownerRef',
  'openingHours',
  'active',
  'careAmenities',
  'careRestSeats',
  'gigJobPostings',
  'gigMatchesMade',
  'gigRegisteredWorkers',
  'govSelfServiceTerminals',
  'busServices',
  'busTerminals',
  'mediationCasesReceived',
  'mediationCasesMediated',
  'mediationMediators',
  'otherKindName',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export type PlatformRow = RowOf<Platform, (typeof PLATFORM_PROPERTIES)[number]>;
export const PLATFORM_COLUMNS = columnsOf(Platform, 'p', PLATFORM_PROPERTIES);

export function toPlatformRecord(row: PlatformRow): PlatformRecord {
  return {
    __typename: PLATFORM_TYPENAMES[row.kind],
    id: toGlobalId('Platform', row.id),
    dbId: row.id,
    kind: row.kind,
    name: row.name,
    ownerRef: row.owner_ref,
    departmentId: row.department_id,
    stationId: row.station_id,
    openingHours: fromStoredOpeningHours(row.opening_hours),
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    amenities: row.care_amenities,
    restSeats: row.care_rest_seats,
    jobPostings: row.gig_job_postings,
    matchesMade: row.gig_matches_made,
    registeredWorkers: row.gig_registered_workers,
    selfServiceTerminals: row.gov_self_service_terminals,
    busServices: row.bus_services,
    terminals: row.bus_terminals,
    casesReceived: row.mediation_cases_received,
    casesMediated: row.mediation_cases_mediated,
    mediators: row.mediation_mediators,
    kindName: row.other_kind_name,
  };
}

@Public()
@InterfaceType('Platform', {
  implements: Node,
  resolveType: gatedResolveType,
  description:
    '整合平台：其他部门入驻驿站的设施（工会爱心驿站、零工驿站、24小时政务服务点等）；用内联片段取各类型的专项字段 A partner department’s facility merged into a station; use inline fragments for each kind’s own fields',
})
// Not `abstract`: connectionTypeOf takes a constructible class; records are plain objects anyway.
export class PlatformInterface extends Node {
  @Public()
  @Field(() => PlatformKind, { description: '平台类型（创建后不变）Kind; never changes' })
  kind!: PlatformKind;

  @Public()
  @Field({ description: '平台名称 Name, e.g. 安居社区工会爱心驿站' })
  name!: string;

  @Public()
  @Field({ description: '所属部门自己的编号（在该部门内唯一），用于部门系统对账同步 The owning department’s own ID for it, unique within that department; use it to sync' })
  ownerRef!: string;

  @Public()
  @Field(() => OpeningHoursType, { nullable: true, description: '开放时间；为空表示未登记 Opening hours; null when not recorded' })
  openingHours!: OpeningHours | null;

  @Public()
  @Field({ description: '是否启用；平台不删除，撤出时停用 Active; platforms are never deleted, only deactivated' })
  active!: boolean;

  @Public()
  @Field(() => Int, { description: '版本号：修改时须回传 Version; send it back when updating' })
  version!: number;

  @Public()
  @Field(() => DateTimeScalar, { description: '创建时间 When it was registered' })
  createdAt!: Date;

  @Public()
  @Field(() => DateTimeScalar, { description: '更新时间 When it last changed' })
  updatedAt!: Date;
}

@Public()
@ObjectType('UnionCareStation', {
  implements: [PlatformInterface, Node],
  simpleResolvers: true,
  description: '工会爱心驿站：为环卫工、快递员、外卖骑手等户外劳动者提供歇脚、饮水、充电 A trade-union care station where outdoor workers rest, drink and charge their phones',
})
export class UnionCareStationType extends PlatformInterface {
  @Public()
  @Field(() => [CareAmenity], { description: '服务设施 Amenities offered' })
  amenities!: CareAmenity[];

  @Public()
  @Field(() => Int, { nullable: true, description: '休息座位数；为空表示未统计 Number of rest seats; null when not counted' })
  restSeats!: number | null;
}

@Public()
@ObjectType('GigWorkStation', {
  implements: [PlatformInterface, Node],
  simpleResolvers: true,
  description: '人社零工驿站：发布零工岗位、登记求职者、撮合就业 A gig-work station that posts openings, registers job seekers and matches them',
})
export class GigWorkStationType extends PlatformInterface {
  @Public()
  @Field(() => Int, { description: '累计发布岗位数（按岗位个数计）Job openings posted so far, one per position' })
  jobPostings!: number;

  @Public()
  @Field(() => Int, { description: '累计撮合成功数（不超过发布岗位数）Openings filled through the station so far; at most jobPostings' })
  matchesMade!: number;

  @Public()
  @Field(() => Int, { description: '累计登记求职人数 Job seekers registered so far' })
  registeredWorkers!: number;
}

@Public()
@ObjectType('GovServicePoint24h', {
  implements: [PlatformInterface, Node],
  simpleResolvers: true,
  description: '24小时政务服务驿站：全天候自助办理政务服务 A 24-hour point where residents handle government services at self-service terminals',
})
export class GovServicePoint24hType extends PlatformInterface {
  @Public()
  @Field(() => Int, { description: '自助服务终端数（至少1台）Self-service terminals, at least one' })
  selfServiceTerminals!: number;
}

@Public()
@ObjectType('BusSelfServicePoint', {
  implements: [PlatformInterface, Node],
  simpleResolvers: true,
  description: '公交自助服务站：公交卡充值、办卡、老年卡年审等 A bus self-service point: card top-up, issuing, senior-card checks and more',
})
export class BusSelfServicePointType extends PlatformInterface {
  @Public()
  @Field(() => [BusService], { description: '服务项目 Services handled' })
  busServices!: BusService[];

  @Public()
  @Field(() => Int, { nullable: true, description: '自助终端数；为空表示未统计 Self-service terminals; null when not counted' })
  terminals!: number | null;
}

@Public()
@ObjectType('PriceDisputeMediationPoint', {
  implements: [PlatformInterface, Node],
  simpleResolvers: true,
  description: '价格争议调解站：就近调解消费价格纠纷 A point that mediates consumer price disputes close to home',
})
export class PriceDisputeMediationPointType extends PlatformInterface {
  @Public()
  @Field(() => Int, { description: '累计受理案件数 Cases received so far' })
  casesReceived!: number;

  @Public()
  @Field(() => Int, { description: '累计调解成功案件数（不超过受理数）Cases mediated successfully so far; at most casesReceived' })
  casesMediated!: number;

  @Public()
  @Field(() => Int, { description: '调解员人数 Mediators serving the point' })
  mediators!: number;
}

@Public()
@ObjectType('OtherPlatform', {
  implements: [PlatformInterface, Node],
  simpleResolvers: true,
  description: '其他整合平台（如法律服务站、助残服务点）Another kind of platform, e.g. a legal-service or disability-service point',
})
export class OtherPlatformType extends PlatformInterface {
  @Public()
  @Field({ description: '平台类型名称，如“法律服务站” Name of its kind, e.g. 法律服务站' })
  kindName!: string;
}

export const PlatformConnection = connectionTypeOf(PlatformInterface, 'Platform', '整合平台');

const platformPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'platform', type: () => PlatformInterface, zh: '整合平台', en: 'The platform' });

export const CreatePlatformPayload = platformPayload('CreatePlatformPayload', '新建整合平台结果 Result of createPlatform');
export const UpdatePlatformPayload = platformPayload('UpdatePlatformPayload', '修改整合平台结果 Result of updatePlatform');
export const MovePlatformPayload = platformPayload('MovePlatformPayload', '迁移整合平台结果 Result of movePlatform');

export interface PlatformPayload {
  platform: PlatformRecord | null;
  userErrors: UserError[];
}
