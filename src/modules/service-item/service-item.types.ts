import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { ServiceHandlingMode, ServiceItemCategory, ServiceItemLevel, StationServiceItemStatus } from './service-item.enums';
import { ActiveNode, VersionedNode } from '../../graphql/record-types';
import { columnsOf, type PrefixedRowOf, type RowOf } from '../../db/entity-rows';
import { ServiceItem, StationServiceItem } from './service-item.entity';

registerEnumType(ServiceItemLevel, {
  name: 'ServiceItemLevel',
  description: '事项层级：由哪一级政府的事项目录发布 Which level of government issues the item',
  valuesConfig: {
    PROVINCE: { description: '省级事项 Provincial catalogue item' },
    CITY: { description: '市级事项 City catalogue item' },
    DISTRICT: { description: '区县级事项 District or county catalogue item' },
  },
});

registerEnumType(ServiceItemCategory, {
  name: 'ServiceItemCategory',
  description: '事项类别 What a service item is about',
  valuesConfig: {
    PARTY_BUILDING: { description: '党建服务 Party-building services' },
    POLICY_CONSULTATION: { description: '政策咨询 Policy consultation' },
    AGENCY_SERVICE: { description: '事务代办 Errands done on the resident’s behalf' },
    LEGAL_AID: { description: '法律援助与法律服务 Legal aid and legal services' },
    CULTURE_PUBLICITY: { description: '文化宣传 Culture and publicity' },
    TRAINING: { description: '培训 Training' },
    SOCIAL_SECURITY: { description: '社会保障 Social security (pensions, insurance cards)' },
    MEDICAL_INSURANCE: { description: '医疗保障 Medical insurance' },
    CIVIL_AFFAIRS: { description: '民政服务 Civil affairs (assistance, subsidies, marriage)' },
    EMPLOYMENT: { description: '就业创业 Employment and business start-ups' },
    HOUSEHOLD_REGISTRATION: { description: '户籍证件 Household registration and identity documents' },
    VETERANS: { description: '退役军人服务 Veterans’ services' },
    ELDERLY_CARE: { description: '为老服务 Services for older people' },
    DISABILITY: { description: '助残服务 Services for people with disabilities' },
    HEALTH: { description: '卫生健康 Health' },
    TRADE_UNION: { description: '工会服务 Trade-union services' },
    WOMEN_CHILDREN: { description: '妇女儿童 Women and children' },
    YOUTH: { description: '青年服务 Youth services' },
    TRANSPORT: { description: '交通出行 Public transport' },
    MARKET_SERVICE: { description: '市场监管服务 Market regulation services' },
    OTHER: { description: '其他 Other' },
  },
});

registerEnumType(ServiceHandlingMode, {
  name: 'ServiceHandlingMode',
  description: '办理方式：事项在驿站如何办理 How an item is handled at a station',
  valuesConfig: {
    SELF_SERVICE_TERMINAL: { description: '自助终端办理 On the station’s self-service terminal' },
    PROXY: { description: '代办：驿站工作人员代为办理 Station staff handle it on the resident’s behalf' },
    GUIDANCE: { description: '咨询引导：驿站解答并引导到办理地点 The station advises and refers the resident' },
    WINDOW: { description: '窗口办理：驿站设有办理窗口 At a service window in the station' },
  },
});

registerEnumType(StationServiceItemStatus, {
  name: 'StationServiceItemStatus',
  description: '下沉状态 Whether a pushed-down item is being handled at the station',
  valuesConfig: {
    ACTIVE: { description: '办理中 Being handled' },
    SUSPENDED: { description: '暂停 Temporarily not handled' },
    WITHDRAWN: { description: '已撤回 Withdrawn from the station' },
  },
});

/** A catalogue item as the read paths carry it. */
export interface ServiceItemRecord {
  __typename: 'ServiceItem';
  id: string;
  dbId: string;
  code: string;
  name: string;
  level: ServiceItemLevel;
  category: ServiceItemCategory;
  departmentId: string;
  handlingMode: ServiceHandlingMode;
  materials: string[];
  timeLimitDays: number | null;
  feeYuan: number;
  description: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const SERVICE_ITEM_PROPERTIES = [
  'id',
  'code',
  'name',
  'level',
  'category',
  'department',
  'handlingMode',
  'materials',
  'timeLimitDays',
  'feeYuan',
  'description',
  'active',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export type ServiceItemRow = RowOf<ServiceItem, (typeof SERVICE_ITEM_PROPERTIES)[number]>;
export const SERVICE_ITEM_COLUMNS = columnsOf(ServiceItem, 'i', SERVICE_ITEM_PROPERTIES);

export function toServiceItemRecord(row: ServiceItemRow): ServiceItemRecord {
  return {
    __typename: 'ServiceItem',
    id: toGlobalId('ServiceItem', row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    category: row.category,
    departmentId: row.department_id,
    handlingMode: row.handling_mode,
    materials: row.materials,
    timeLimitDays: row.time_limit_days,
    feeYuan: Number(row.fee_yuan),
    description: row.description,
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A push-down record as the read paths carry it. */
export interface StationServiceItemRecord {
  __typename: 'StationServiceItem';
  id: string;
  dbId: string;
  stationId: string;
  serviceItemId: string;
  mode: ServiceHandlingMode;
  since: string;
  status: StationServiceItemStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const STATION_SERVICE_ITEM_PROPERTIES = ['id', 'station', 'serviceItem', 'mode', 'since', 'status', 'version', 'createdAt', 'updatedAt'] as const;
export type StationServiceItemRow = PrefixedRowOf<StationServiceItem, (typeof STATION_SERVICE_ITEM_PROPERTIES)[number], 'ssi_'>;

/** Aliased (`ssi_…`), so that they can sit next to the columns of a joined station or item. */
export const STATION_SERVICE_ITEM_COLUMNS = columnsOf(StationServiceItem, 'ssi', STATION_SERVICE_ITEM_PROPERTIES, { prefix: 'ssi_' });

export function toStationServiceItemRecord(row: StationServiceItemRow): StationServiceItemRecord {
  return {
    __typename: 'StationServiceItem',
    id: toGlobalId('StationServiceItem', row.ssi_id),
    dbId: row.ssi_id,
    stationId: row.ssi_station_id,
    serviceItemId: row.ssi_service_item_id,
    mode: row.ssi_mode,
    since: row.ssi_since,
    status: row.ssi_status,
    version: row.ssi_version,
    createdAt: toDate(row.ssi_created_at),
    updatedAt: toDate(row.ssi_updated_at),
  };
}

@Public()
@ObjectType('ServiceItem', {
  implements: Node,
  simpleResolvers: true,
  description: '高频服务事项：政务服务事项目录中的一项，可下沉到驿站办理 An item of the government service catalogue that can be pushed down to stations',
})
export class ServiceItemType extends ActiveNode(Public, {
  active: '是否启用；停用的事项不能再下沉，已有下沉记录保留 Active; an inactive item cannot be pushed down again, existing push-downs stay',
  createdAt: '创建时间 When it was added to the catalogue',
}) {
  @Public()
  @Field({ description: '事项编码：区划代码-类别字母-4位序号，如 420600-SB-0001；发布后不变 Catalogue code: division code, series letters and a 4-digit sequence; never changes' })
  code!: string;

  @Public()
  @Field({ description: '事项名称 Name, e.g. 社保卡申领' })
  name!: string;

  @Public()
  @Field(() => ServiceItemLevel, { description: '事项层级（与编码前6位一致）Issuing level; matches the first six digits of the code' })
  level!: ServiceItemLevel;

  @Public()
  @Field(() => ServiceItemCategory, { description: '事项类别 Category' })
  category!: ServiceItemCategory;

  @Public()
  @Field(() => ServiceHandlingMode, { description: '默认办理方式：下沉到驿站时的缺省方式 Default way of handling it at a station' })
  handlingMode!: ServiceHandlingMode;

  @Public()
  @Field(() => [String], { description: '申请材料 Documents the resident must bring' })
  materials!: string[];

  @Public()
  @Field(() => Int, { nullable: true, description: '承诺办结时限（工作日）；为空表示即办 Promised time limit in working days; null means handled on the spot (即办)' })
  timeLimitDays!: number | null;

  @Public()
  @Field(() => Float, { description: '收费标准（元，两位小数；0 表示免费）Fee in yuan with two decimals; 0 means free' })
  feeYuan!: number;

  @Public()
  @Field(() => String, { nullable: true, description: '办理说明 Notes on eligibility and procedure' })
  description!: string | null;
}

@Public()
@ObjectType('StationServiceItem', {
  implements: Node,
  simpleResolvers: true,
  description: '事项下沉记录：某驿站办理某高频服务事项 A service item pushed down to a station: which station handles which item, how and since when',
})
export class StationServiceItemType extends VersionedNode(Public, { createdAt: '创建时间 When it was pushed down' }) {
  @Public()
  @Field(() => ServiceHandlingMode, { description: '在该驿站的办理方式 How the station handles it' })
  mode!: ServiceHandlingMode;

  @Public()
  @Field(() => LocalDateScalar, { description: '下沉日期：自该日起在驿站办理 Date from which the station handles it' })
  since!: string;

  @Public()
  @Field(() => StationServiceItemStatus, { description: '下沉状态 Status at the station' })
  status!: StationServiceItemStatus;
}

@Public()
@ObjectType('PushDownSummary', { simpleResolvers: true, description: '批量下沉结果统计 What a bulk push-down did' })
export class PushDownSummaryType {
  @Public()
  @Field(() => Int, { description: '涉及事项数 Number of distinct items asked for' })
  itemCount!: number;

  @Public()
  @Field(() => Int, { description: '涉及驿站数 Number of target stations' })
  stationCount!: number;

  @Public()
  @Field(() => Int, { description: '新建下沉记录数 Push-downs created' })
  created!: number;

  @Public()
  @Field(() => Int, { description: '已存在而跳过的记录数（状态不变）Pairs that already existed and were left as they were' })
  skipped!: number;
}

export interface PushDownSummary {
  itemCount: number;
  stationCount: number;
  created: number;
  skipped: number;
}

export const ServiceItemConnection = connectionTypeOf(ServiceItemType, 'ServiceItem', '高频服务事项');
export const StationServiceItemConnection = connectionTypeOf(StationServiceItemType, 'StationServiceItem', '事项下沉记录');

const serviceItemPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'serviceItem', type: () => ServiceItemType, zh: '服务事项', en: 'The service item' });
const stationServiceItemPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'stationServiceItem', type: () => StationServiceItemType, zh: '下沉记录', en: 'The push-down record' });

export const CreateServiceItemPayload = serviceItemPayload('CreateServiceItemPayload', '新建服务事项结果 Result of createServiceItem');
export const UpdateServiceItemPayload = serviceItemPayload('UpdateServiceItemPayload', '修改服务事项结果 Result of updateServiceItem');
export const DeleteServiceItemPayload = payloadTypeOf('DeleteServiceItemPayload', '删除服务事项结果 Result of deleteServiceItem', {
  name: 'deletedId',
  type: () => ID,
  zh: '已删除事项的 ID',
  en: 'ID of the deleted item',
});
export const PushDownServiceItemPayload = stationServiceItemPayload('PushDownServiceItemPayload', '下沉服务事项结果 Result of pushDownServiceItem');
export const UpdateStationServiceItemPayload = stationServiceItemPayload('UpdateStationServiceItemPayload', '修改下沉记录结果 Result of updateStationServiceItem');
export const PushDownServiceItemsPayload = payloadTypeOf('PushDownServiceItemsPayload', '批量下沉结果 Result of pushDownServiceItems', {
  name: 'summary',
  type: () => PushDownSummaryType,
  zh: '结果统计',
  en: 'What was done',
});

export interface ServiceItemPayload {
  serviceItem: ServiceItemRecord | null;
  userErrors: UserError[];
}

export interface StationServiceItemPayload {
  stationServiceItem: StationServiceItemRecord | null;
  userErrors: UserError[];
}

export interface DeleteServiceItemPayloadResult {
  deletedId: string | null;
  userErrors: UserError[];
}

export interface PushDownServiceItemsResult {
  summary: PushDownSummary | null;
  userErrors: UserError[];
}
