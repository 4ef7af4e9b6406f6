import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { SortDirection } from '../station/station.inputs';
import { DutyShiftKind } from './duty-shift.enums';

@InputType('DutyShiftFilter', { description: '值班筛选条件（各条件同时满足）Shift filters; all given conditions must hold' })
export class DutyShiftFilter {
  @Field(() => ID, { nullable: true, description: '驿站 Station ID' })
  stationId?: string;

  @Field(() => ID, { nullable: true, description: '值班人员 Person ID' })
  personId?: string;

  @Field(() => ID, { nullable: true, description: '值班组织 Organization ID' })
  organizationId?: string;

  @Field(() => [DutyShiftKind], { nullable: true, description: '值班类型之一 Any of these kinds' })
  kind?: DutyShiftKind[];

  @Field({ nullable: true, description: '行政区划代码：该区划及其下级驿站的值班 Region code: shifts at stations in this region or below it' })
  regionCode?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '时段起点：结束时间晚于此刻的值班 Shifts that end after this instant' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '时段终点：开始时间早于此刻的值班 Shifts that start before this instant' })
  to?: Date;
}

export enum DutyShiftSortField {
  STARTS_AT = 'STARTS_AT',
  CREATED_AT = 'CREATED_AT',
}

registerEnumType(DutyShiftSortField, {
  name: 'DutyShiftSortField',
  description: '值班排序字段 What to sort shifts by (ties are broken by ID)',
  valuesConfig: {
    STARTS_AT: { description: '按开始时间 By start time' },
    CREATED_AT: { description: '按排班时间 By when it was scheduled' },
  },
});

@InputType('DutyShiftOrder', { description: '值班排序 Ordering of a shift list' })
export class DutyShiftOrder {
  @Field(() => DutyShiftSortField, { defaultValue: DutyShiftSortField.STARTS_AT, description: '排序字段 Field to sort by' })
  field!: DutyShiftSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向，默认从早到晚 Direction; earliest first by default' })
  direction!: SortDirection;
}

@ArgsType()
export class DutyShiftsArgs extends ConnectionArgs {
  @Field(() => DutyShiftFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: DutyShiftFilter;

  @Field(() => DutyShiftOrder, { nullable: true, description: '排序，默认按开始时间从早到晚 Ordering; earliest start first by default' })
  orderBy?: DutyShiftOrder;
}

@ArgsType()
export class StationDutyShiftsArgs extends ConnectionArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: '时段起点：结束时间晚于此刻的值班 Shifts that end after this instant' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '时段终点：开始时间早于此刻的值班 Shifts that start before this instant' })
  to?: Date;

  @Field(() => [DutyShiftKind], { nullable: true, description: '值班类型之一 Any of these kinds' })
  kind?: DutyShiftKind[];

  @Field(() => DutyShiftOrder, { nullable: true, description: '排序，默认按开始时间从早到晚 Ordering; earliest start first by default' })
  orderBy?: DutyShiftOrder;
}

@InputType('CreateDutyShiftInput', { description: '安排一个值班：值班人员与值班组织二选一 A new shift; give exactly one of person and organization' })
export class CreateDutyShiftInput {
  @Field(() => ID, { description: '驿站 Station ID' })
  stationId!: string;

  @Field(() => ID, { nullable: true, description: '值班人员 Person ID' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: '值班组织 Organization ID' })
  organizationId?: string | null;

  @Field(() => DateTimeScalar, { description: '开始时间 When it starts' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: '结束时间：晚于开始，至多24小时 When it ends: after the start, at most 24 hours later' })
  endsAt!: Date;

  @Field(() => DutyShiftKind, { defaultValue: DutyShiftKind.REGULAR, description: '值班类型，默认常规值班 Kind; REGULAR by default' })
  kind!: DutyShiftKind;

  @Field(() => String, { nullable: true, description: '备注（至多200字）Note, at most 200 characters' })
  note?: string | null;
}

@InputType('RosterShiftInput', { description: '排班表中的一个班次 One shift of a roster' })
export class RosterShiftInput {
  @Field(() => ID, { nullable: true, description: '值班人员 Person ID' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: '值班组织 Organization ID' })
  organizationId?: string | null;

  @Field(() => DateTimeScalar, { description: '开始时间 When it starts' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: '结束时间：晚于开始，至多24小时 When it ends: after the start, at most 24 hours later' })
  endsAt!: Date;

  @Field(() => DutyShiftKind, { defaultValue: DutyShiftKind.REGULAR, description: '值班类型，默认常规值班 Kind; REGULAR by default' })
  kind!: DutyShiftKind;

  @Field(() => String, { nullable: true, description: '备注（至多200字）Note, at most 200 characters' })
  note?: string | null;
}

@InputType('ScheduleDutyShiftsInput', { description: '一次排一个驿站的多个班次：全部成功或全部不保存 Several shifts of one station at once: all are saved, or none' })
export class ScheduleDutyShiftsInput {
  @Field(() => ID, { description: '驿站 Station ID' })
  stationId!: string;

  @Field(() => [RosterShiftInput], { description: '班次（1–200个）The shifts, 1 to 200' })
  shifts!: RosterShiftInput[];
}

@InputType('UpdateDutyShiftInput', {
  description: '修改值班：只改所给字段；换人或换组织时给出其一 Change the given fields; to change who is on duty give one of personId and organizationId',
})
export class UpdateDutyShiftInput {
  @Field(() => ID, { description: '值班 ID Shift ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field(() => ID, { nullable: true, description: '改由此人值班 Person ID to put on duty instead' })
  personId?: string;

  @Field(() => ID, { nullable: true, description: '改由此组织值班 Organization ID to put on duty instead' })
  organizationId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '开始时间 When it starts' })
  startsAt?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '结束时间 When it ends' })
  endsAt?: Date;

  @Field(() => DutyShiftKind, { nullable: true, description: '值班类型 Kind' })
  kind?: DutyShiftKind;

  @Field(() => String, { nullable: true, description: '备注；传 null 表示清空 Note; null clears it' })
  note?: string | null;
}

@InputType('DeleteDutyShiftInput', { description: '删除值班 Cancel a shift' })
export class DeleteDutyShiftInput {
  @Field(() => ID, { description: '值班 ID Shift ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}
