import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { SortDirection } from '../station/station.inputs';
import { ServiceHandlingMode, ServiceItemCategory, ServiceItemLevel, StationServiceItemStatus } from './service-item.enums';

@InputType('ServiceItemFilter', { description: '服务事项筛选条件（各条件同时满足）Service item filters; all given conditions must hold' })
export class ServiceItemFilter {
  @Field(() => [ServiceItemLevel], { nullable: true, description: '层级之一 Any of these levels' })
  level?: ServiceItemLevel[];

  @Field(() => [ServiceItemCategory], { nullable: true, description: '类别之一 Any of these categories' })
  category?: ServiceItemCategory[];

  @Field({ nullable: true, description: '责任部门代码 Code of the responsible department' })
  departmentCode?: string;

  @Field(() => [ServiceHandlingMode], { nullable: true, description: '默认办理方式之一 Any of these default handling modes' })
  handlingMode?: ServiceHandlingMode[];

  @Field({ nullable: true, description: '关键词：匹配名称或编码中的任意片段（支持中文）Text found anywhere in the name or code (works for Chinese)' })
  search?: string;

  @Field({ defaultValue: false, description: '是否包含已停用事项 Include inactive items' })
  includeInactive!: boolean;
}

export enum ServiceItemSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ServiceItemSortField, {
  name: 'ServiceItemSortField',
  description: '服务事项排序字段 What to sort service items by (ties are broken by ID)',
  valuesConfig: {
    CODE: { description: '按事项编码 By catalogue code' },
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
    CREATED_AT: { description: '按登记时间 By registration time' },
    UPDATED_AT: { description: '按最近修改时间 By last change' },
  },
});

@InputType('ServiceItemOrder', { description: '服务事项排序 Ordering of a service item list' })
export class ServiceItemOrder {
  @Field(() => ServiceItemSortField, { description: '排序字段 Field to sort by' })
  field!: ServiceItemSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@ArgsType()
export class ServiceItemsArgs extends ConnectionArgs {
  @Field(() => ServiceItemFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: ServiceItemFilter;

  @Field(() => ServiceItemOrder, { nullable: true, description: '排序，默认按事项编码升序 Ordering; by catalogue code by default' })
  orderBy?: ServiceItemOrder;
}

@ArgsType()
export class StationServiceItemsArgs extends ConnectionArgs {
  @Field(() => [StationServiceItemStatus], { nullable: true, description: '下沉状态之一 Any of these push-down statuses' })
  status?: StationServiceItemStatus[];

  @Field(() => [ServiceItemCategory], { nullable: true, description: '事项类别之一 Any of these item categories' })
  category?: ServiceItemCategory[];
}

@ArgsType()
export class ServiceItemStationsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: '行政区划代码：该区划及其下级的驿站 Region code: stations in this region or anywhere below it' })
  regionCode?: string;

  @Field(() => [StationServiceItemStatus], { nullable: true, description: '下沉状态之一 Any of these push-down statuses' })
  status?: StationServiceItemStatus[];
}

@ArgsType()
export class DepartmentServiceItemsArgs extends ConnectionArgs {
  @Field({ defaultValue: false, description: '是否包含已停用事项 Include inactive items' })
  includeInactive!: boolean;
}

@InputType('CreateServiceItemInput', { description: '新建服务事项 A new catalogue item' })
export class CreateServiceItemInput {
  @Field({
    description:
      '事项编码：发布层级的6位区划代码-2至4位大写字母-4位序号，如 420600-SB-0001；创建后不可改 Catalogue code, e.g. 420600-SB-0001: the 6-digit code of the issuing division, 2–4 capitals and a 4-digit sequence; cannot change later',
  })
  code!: string;

  @Field({ description: '事项名称 Name' })
  name!: string;

  @Field(() => ServiceItemLevel, { description: '事项层级，须与编码前6位的区划层级一致 Issuing level; must match the division in the code' })
  level!: ServiceItemLevel;

  @Field(() => ServiceItemCategory, { description: '事项类别 Category' })
  category!: ServiceItemCategory;

  @Field({ description: '责任部门代码（须为启用中的部门）Code of the responsible department, which must be active' })
  departmentCode!: string;

  @Field(() => ServiceHandlingMode, { description: '默认办理方式 Default way of handling it at stations' })
  handlingMode!: ServiceHandlingMode;

  @Field(() => [String], { defaultValue: [], description: '申请材料（至多30项，每项至多100字）Documents to bring: at most 30, each at most 100 characters' })
  materials!: string[];

  @Field(() => Int, { nullable: true, description: '承诺办结时限（1–365个工作日）；不填表示即办 Time limit in working days (1–365); omit for on-the-spot handling' })
  timeLimitDays?: number | null;

  @Field(() => Float, { defaultValue: 0, description: '收费标准（元，至多两位小数），默认 0 表示免费 Fee in yuan, at most two decimals; 0 (free) by default' })
  feeYuan!: number;

  @Field(() => String, { nullable: true, description: '办理说明（至多1000字）Notes, at most 1,000 characters' })
  description?: string | null;
}

@InputType('UpdateServiceItemInput', {
  description: '修改服务事项：只改所给字段；编码与层级不可改；停用代替删除 Change the given fields; code and level never change; deactivate instead of deleting',
})
export class UpdateServiceItemInput {
  @Field(() => ID, { description: '事项 ID Service item ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '事项名称 Name' })
  name?: string;

  @Field(() => ServiceItemCategory, { nullable: true, description: '事项类别 Category' })
  category?: ServiceItemCategory;

  @Field({ nullable: true, description: '责任部门代码 Code of the responsible department' })
  departmentCode?: string;

  @Field(() => ServiceHandlingMode, { nullable: true, description: '默认办理方式（不影响已有下沉记录）Default handling mode; existing push-downs keep theirs' })
  handlingMode?: ServiceHandlingMode;

  @Field(() => [String], { nullable: true, description: '申请材料（整体替换）Documents to bring; replaces the list' })
  materials?: string[];

  @Field(() => Int, { nullable: true, description: '承诺办结时限（工作日）；传 null 表示改为即办 Time limit in working days; null makes it on-the-spot' })
  timeLimitDays?: number | null;

  @Field(() => Float, { nullable: true, description: '收费标准（元）Fee in yuan' })
  feeYuan?: number;

  @Field(() => String, { nullable: true, description: '办理说明；传 null 表示清空 Notes; null clears them' })
  description?: string | null;

  @Field({ nullable: true, description: '是否启用；停用后不能再下沉 Active; an inactive item cannot be pushed down' })
  active?: boolean;
}

@InputType('DeleteServiceItemInput', { description: '删除服务事项（仅限从未下沉的事项）Delete an item that was never pushed down' })
export class DeleteServiceItemInput {
  @Field(() => ID, { description: '事项 ID Service item ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}

@InputType('PushDownServiceItemInput', { description: '将一个事项下沉到一个驿站 Push one item down to one station' })
export class PushDownServiceItemInput {
  @Field({ description: '事项编码（须为启用中的事项）Catalogue code of an active item' })
  itemCode!: string;

  @Field(() => ID, { description: '驿站 ID（未归档、未关闭）ID of a station that is neither archived nor closed' })
  stationId!: string;

  @Field(() => ServiceHandlingMode, { nullable: true, description: '办理方式，默认取事项的默认办理方式 Handling mode; the item’s default when omitted' })
  mode?: ServiceHandlingMode;

  @Field(() => LocalDateScalar, { nullable: true, description: '下沉日期，默认今天（北京时间）Date from which it is handled; today in China when omitted' })
  since?: string;
}

@InputType('PushDownServiceItemsInput', {
  description: '批量下沉：若干事项 × 若干驿站，一个事务；已存在的组合跳过 Push several items down to several stations in one transaction; existing pairs are skipped',
})
export class PushDownServiceItemsInput {
  @Field(() => [String], { description: '事项编码（1–200个，须均为启用中的事项）Catalogue codes of active items, 1 to 200' })
  itemCodes!: string[];

  @Field({
    nullable: true,
    description: '行政区划代码：该区划内所有未归档的运行中驿站（与 stationIds 二选一）Region code: every open, non-archived station in it; give this or stationIds',
  })
  regionCode?: string;

  @Field(() => [ID], {
    nullable: true,
    description: '驿站 ID（1–500个，未归档、未关闭；与 regionCode 二选一）Station IDs, 1 to 500, neither archived nor closed; give this or regionCode',
  })
  stationIds?: string[];

  @Field(() => ServiceHandlingMode, { nullable: true, description: '办理方式，默认取各事项的默认办理方式 Handling mode; each item’s default when omitted' })
  mode?: ServiceHandlingMode;

  @Field(() => LocalDateScalar, { nullable: true, description: '下沉日期，默认今天（北京时间）Date from which they are handled; today in China when omitted' })
  since?: string;
}

@InputType('UpdateStationServiceItemInput', { description: '修改下沉记录：办理方式或状态 Change how a station handles an item, or its status' })
export class UpdateStationServiceItemInput {
  @Field(() => ID, { description: '下沉记录 ID Push-down record ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field(() => ServiceHandlingMode, { nullable: true, description: '办理方式 Handling mode' })
  mode?: ServiceHandlingMode;

  @Field(() => StationServiceItemStatus, {
    nullable: true,
    description: '状态；恢复为办理中须事项启用且驿站未关闭 Status; back to ACTIVE only for an active item at a station that is not closed',
  })
  status?: StationServiceItemStatus;
}
