import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { SortDirection } from '../station/station.inputs';
import { ActivityCategory } from './activity.enums';

export enum ActivitySortField {
  STARTS_AT = 'STARTS_AT',
  CREATED_AT = 'CREATED_AT',
}

registerEnumType(ActivitySortField, {
  name: 'ActivitySortField',
  description: '活动排序字段 What to sort activities by (ties are broken by ID)',
  valuesConfig: {
    STARTS_AT: { description: '按开始时间 By start time' },
    CREATED_AT: { description: '按登记时间 By when it was recorded' },
  },
});

@InputType('ActivityOrder', { description: '活动排序 Ordering of an activity list' })
export class ActivityOrder {
  @Field(() => ActivitySortField, { defaultValue: ActivitySortField.STARTS_AT, description: '排序字段 Field to sort by' })
  field!: ActivitySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: '排序方向，默认从新到旧 Direction; newest first by default' })
  direction!: SortDirection;
}

@InputType('ActivityFilter', { description: '活动筛选条件（各条件同时满足）Activity filters; all given conditions must hold' })
export class ActivityFilter {
  @Field(() => ID, { nullable: true, description: '驿站 ID Station ID' })
  stationId?: string;

  @Field(() => ID, { nullable: true, description: '主办组织 ID Organizer ID' })
  organizerId?: string;

  @Field(() => ActivityCategory, { nullable: true, description: '活动类别 Category' })
  category?: ActivityCategory;

  @Field({ nullable: true, description: '行政区划代码：驿站在该区划及其下级 Region code: activities at stations in this region or anywhere below it' })
  regionCode?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '开始时间不早于 Starting at or after this time' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '开始时间早于 Starting before this time' })
  to?: Date;

  @Field({ nullable: true, description: '关键词：匹配名称或内容（支持中文）Text in the title or description (works for Chinese)' })
  search?: string;
}

@ArgsType()
export class ActivitiesArgs extends ConnectionArgs {
  @Field(() => ActivityFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: ActivityFilter;

  @Field(() => ActivityOrder, { nullable: true, description: '排序，默认按开始时间从新到旧 Ordering; newest start first by default' })
  orderBy?: ActivityOrder;
}

@ArgsType()
export class NestedActivitiesArgs extends ConnectionArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: '开始时间不早于 Starting at or after this time' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '开始时间早于 Starting before this time' })
  to?: Date;

  @Field(() => ActivityOrder, { nullable: true, description: '排序，默认按开始时间从新到旧 Ordering; newest start first by default' })
  orderBy?: ActivityOrder;
}

@InputType('CreateActivityInput', { description: '登记活动 A new activity' })
export class CreateActivityInput {
  @Field(() => ID, { description: '驿站 ID（不能是已归档驿站）Station ID; not an archived one' })
  stationId!: string;

  @Field(() => ID, { nullable: true, description: '主办组织 ID（须为启用状态；可不填）Organizer ID; optional, must be active' })
  organizerId?: string | null;

  @Field(() => ActivityCategory, { description: '活动类别 Category' })
  category!: ActivityCategory;

  @Field({ description: '活动名称（至多100字）Title, at most 100 characters' })
  title!: string;

  @Field(() => String, { nullable: true, description: '活动内容（至多2000字）Description, at most 2,000 characters' })
  description?: string | null;

  @Field(() => DateTimeScalar, { description: '开始时间 When it starts' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: '结束时间（晚于开始，至多7天）When it ends: after it starts, at most 7 days later' })
  endsAt!: Date;

  @Field(() => Int, { defaultValue: 0, description: '参与人数（0或以上）Number of participants, zero or more' })
  participants!: number;
}

@InputType('UpdateActivityInput', { description: '修改活动：只改所给字段；驿站不可改 Change the given fields; the station stays' })
export class UpdateActivityInput {
  @Field(() => ID, { description: '活动 ID Activity ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field(() => ID, { nullable: true, description: '主办组织 ID；传 null 表示清空 Organizer ID; null clears it' })
  organizerId?: string | null;

  @Field(() => ActivityCategory, { nullable: true, description: '活动类别 Category' })
  category?: ActivityCategory;

  @Field({ nullable: true, description: '活动名称 Title' })
  title?: string;

  @Field(() => String, { nullable: true, description: '活动内容；传 null 表示清空 Description; null clears it' })
  description?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '开始时间 When it starts' })
  startsAt?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '结束时间 When it ends' })
  endsAt?: Date;

  @Field(() => Int, { nullable: true, description: '参与人数 Number of participants' })
  participants?: number;
}

@InputType('DeleteActivityInput', { description: '删除活动（如误登记）Delete an activity, e.g. one recorded by mistake' })
export class DeleteActivityInput {
  @Field(() => ID, { description: '活动 ID Activity ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}
