import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { OpeningHoursInput } from '../opening-hours/opening-hours.types';
import { SortDirection } from '../station/station.inputs';
import { BusService, CareAmenity, PlatformKind } from './platform.enums';

@InputType('PlatformFilter', { description: '整合平台筛选条件（各条件同时满足）Platform filters; all given conditions must hold' })
export class PlatformFilter {
  @Field(() => [PlatformKind], { nullable: true, description: '类型之一 Any of these kinds' })
  kind?: PlatformKind[];

  @Field({ nullable: true, description: '所属部门代码，如 XY-ZGH Code of the owning department, e.g. XY-ZGH' })
  departmentCode?: string;

  @Field({ nullable: true, description: '行政区划代码：所在驿站位于该区划及其下级 Region code: platforms whose station lies in this region or anywhere below it' })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: '所在驿站 ID ID of the station it is in' })
  stationId?: string;

  @Field({ nullable: true, description: '关键词：匹配名称或部门编号中的任意片段（支持中文）Text found anywhere in the name or the owner reference (works for Chinese)' })
  search?: string;

  @Field({ defaultValue: false, description: '是否包含已停用的平台 Include inactive platforms' })
  includeInactive!: boolean;
}

export enum PlatformSortField {
  NAME = 'NAME',
  OWNER_REF = 'OWNER_REF',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(PlatformSortField, {
  name: 'PlatformSortField',
  description: '整合平台排序字段 What to sort platforms by (ties are broken by ID)',
  valuesConfig: {
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
    OWNER_REF: { description: '按所属部门自己的编号 By the owning department’s own ID for it' },
    CREATED_AT: { description: '按登记时间 By registration time' },
    UPDATED_AT: { description: '按最近修改时间 By last change' },
  },
});

@InputType('PlatformOrder', { description: '整合平台排序 Ordering of a platform list' })
export class PlatformOrder {
  @Field(() => PlatformSortField, { description: '排序字段 Field to sort by' })
  field!: PlatformSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@ArgsType()
export class PlatformsArgs extends ConnectionArgs {
  @Field(() => PlatformFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: PlatformFilter;

  @Field(() => PlatformOrder, { nullable: true, description: '排序，默认按名称升序 Ordering; by name by default' })
  orderBy?: PlatformOrder;
}

@ArgsType()
export class StationPlatformsArgs extends ConnectionArgs {
  @Field(() => [PlatformKind], { nullable: true, description: '只要这些类型 Only these kinds' })
  kind?: PlatformKind[] | null;

  @Field({ defaultValue: false, description: '是否包含已停用的平台 Include inactive platforms' })
  includeInactive!: boolean;
}

@ArgsType()
export class DepartmentPlatformsArgs extends ConnectionArgs {
  @Field({ defaultValue: false, description: '是否包含已停用的平台 Include inactive platforms' })
  includeInactive!: boolean;
}

@InputType('UnionCareStationInput', { description: '工会爱心驿站专项信息 Details of a union care station' })
export class UnionCareStationInput {
  @Field(() => [CareAmenity], { description: '服务设施（至少一项）Amenities offered, at least one' })
  amenities!: CareAmenity[];

  @Field(() => Int, { nullable: true, description: '休息座位数（0–500；大于0时须勾选 REST_SEATS）Rest seats, 0–500; more than 0 needs the REST_SEATS amenity' })
  restSeats?: number | null;
}

@InputType('GigWorkStationInput', { description: '零工驿站专项信息（累计数）Details of a gig-work station (running totals)' })
export class GigWorkStationInput {
  @Field(() => Int, { description: '发布岗位数（按岗位个数计）Job openings posted, one per position' })
  jobPostings!: number;

  @Field(() => Int, { description: '撮合成功数（不超过发布岗位数）Openings filled; at most jobPostings' })
  matchesMade!: number;

  @Field(() => Int, { description: '登记求职人数 Job seekers registered' })
  registeredWorkers!: number;
}

@InputType('GovServicePoint24hInput', { description: '24小时政务服务驿站专项信息 Details of a 24-hour government service point' })
export class GovServicePoint24hInput {
  @Field(() => Int, { description: '自助服务终端数（1–50）Self-service terminals, 1–50' })
  selfServiceTerminals!: number;

  @Field(() => [String], {
    nullable: true,
    description:
      '可办理的服务事项编码（至多200项，须为启用事项）；给出即整体替换，不给则不变 Catalogue codes of the items it handles (at most 200, active ones); given, it replaces the list; omitted, the list stays',
  })
  serviceItemCodes?: string[] | null;
}

@InputType('BusSelfServicePointInput', { description: '公交自助服务站专项信息 Details of a bus self-service point' })
export class BusSelfServicePointInput {
  @Field(() => [BusService], { description: '服务项目（至少一项）Services handled, at least one' })
  busServices!: BusService[];

  @Field(() => Int, { nullable: true, description: '自助终端数（0–50）Self-service terminals, 0–50' })
  terminals?: number | null;
}

@InputType('PriceDisputeMediationPointInput', { description: '价格争议调解站专项信息（累计数）Details of a price-dispute mediation point (running totals)' })
export class PriceDisputeMediationPointInput {
  @Field(() => Int, { description: '受理案件数 Cases received' })
  casesReceived!: number;

  @Field(() => Int, { description: '调解成功案件数（不超过受理数）Cases mediated; at most casesReceived' })
  casesMediated!: number;

  @Field(() => Int, { description: '调解员人数（1–100）Mediators, 1–100' })
  mediators!: number;
}

@InputType('OtherPlatformInput', { description: '其他整合平台专项信息 Details of another kind of platform' })
export class OtherPlatformInput {
  @Field({ description: '平台类型名称（至多30字），如“法律服务站” Name of its kind, at most 30 characters, e.g. 法律服务站' })
  kindName!: string;
}

/**
 * The six detail sub-inputs shared by create and update; exactly the one of the platform's kind
 * may be given. A base class only: no field takes this type, so the schema does not list it.
 */
@InputType('PlatformDetailInputs', { description: '整合平台专项信息 Kind-specific details of a platform' })
export abstract class PlatformDetailInputs {
  @Field(() => UnionCareStationInput, { nullable: true, description: '工会爱心驿站专项信息（仅 UNION_CARE_STATION）Details, only for UNION_CARE_STATION' })
  unionCare?: UnionCareStationInput | null;

  @Field(() => GigWorkStationInput, { nullable: true, description: '零工驿站专项信息（仅 GIG_WORK_STATION）Details, only for GIG_WORK_STATION' })
  gigWork?: GigWorkStationInput | null;

  @Field(() => GovServicePoint24hInput, { nullable: true, description: '24小时政务服务专项信息（仅 GOV_SERVICE_24H）Details, only for GOV_SERVICE_24H' })
  govService24h?: GovServicePoint24hInput | null;

  @Field(() => BusSelfServicePointInput, { nullable: true, description: '公交自助服务专项信息（仅 BUS_SELF_SERVICE）Details, only for BUS_SELF_SERVICE' })
  busSelfService?: BusSelfServicePointInput | null;

  @Field(() => PriceDisputeMediationPointInput, { nullable: true, description: '价格争议调解专项信息（仅 PRICE_DISPUTE_MEDIATION）Details, only for PRICE_DISPUTE_MEDIATION' })
  priceMediation?: PriceDisputeMediationPointInput | null;

  @Field(() => OtherPlatformInput, { nullable: true, description: '其他平台专项信息（仅 OTHER）Details, only for OTHER' })
  other?: OtherPlatformInput | null;
}

@InputType('CreatePlatformInput', { description: '新建整合平台：只填写其类型对应的一项专项信息 A new platform; give the details of its own kind and no other' })
export class CreatePlatformInput extends PlatformDetailInputs {
  @Field(() => PlatformKind, { description: '平台类型（创建后不可改）Kind; cannot change later' })
  kind!: PlatformKind;

  @Field(() => ID, { description: '所在驿站 ID（不能是已关闭或已归档的驿站）ID of its station; not a closed or archived one' })
  stationId!: string;

  @Field({ description: '所属部门代码（须为启用状态），如 XY-ZGH Code of the owning department, which must be active, e.g. XY-ZGH' })
  departmentCode!: string;

  @Field({ description: '平台名称 Name' })
  name!: string;

  @Field({ description: '所属部门自己的编号（部门内唯一，不含空格）The owning department’s own ID for it; unique within the department, no spaces' })
  ownerRef!: string;

  @Field(() => OpeningHoursInput, { nullable: true, description: '开放时间 Opening hours' })
  openingHours?: OpeningHoursInput | null;
}

@InputType('UpdatePlatformInput', {
  description: '修改整合平台：只改所给字段；类型不可改；专项信息整体替换 Change the given fields; the kind never changes; a details sub-input replaces all of the kind’s fields',
})
export class UpdatePlatformInput extends PlatformDetailInputs {
  @Field(() => ID, { description: '整合平台 ID Platform ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '平台名称 Name' })
  name?: string;

  @Field({ nullable: true, description: '所属部门自己的编号 The owning department’s own ID for it' })
  ownerRef?: string;

  @Field(() => OpeningHoursInput, { nullable: true, description: '开放时间；传 null 表示清空 Opening hours; null clears them' })
  openingHours?: OpeningHoursInput | null;

  @Field({ nullable: true, description: '是否启用；撤出驿站时传 false（平台不删除）Active; pass false when the platform withdraws (platforms are never deleted)' })
  active?: boolean;
}

@InputType('MovePlatformInput', { description: '把整合平台迁到另一个驿站 Move a platform to another station' })
export class MovePlatformInput {
  @Field(() => ID, { description: '整合平台 ID Platform ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;

  @Field(() => ID, { description: '目标驿站 ID（不能是已关闭或已归档的驿站）ID of the new station; not a closed or archived one' })
  stationId!: string;
}
