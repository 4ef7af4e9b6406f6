import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { DutyShiftKind } from './duty-shift.enums';
import { VersionedNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { DutyShift } from './duty-shift.entity';

registerEnumType(DutyShiftKind, {
  name: 'DutyShiftKind',
  description: '值班类型 What kind of duty a shift is',
  valuesConfig: {
    REGULAR: { description: '常规值班 Regular duty during opening hours' },
    EXTENDED_HOURS: { description: '延时服务：下班后延长服务 Extended hours after the usual closing time' },
    EVENING_POST: { description: '七点半岗哨：晚间值守 The 19:30 evening post' },
    VOLUNTEER: { description: '志愿值守 Volunteer watch' },
  },
});

/** A duty shift as the read paths carry it. */
export interface DutyShiftRecord {
  __typename: 'DutyShift';
  id: string;
  dbId: string;
  stationId: string;
  personId: string | null;
  organizationId: string | null;
  startsAt: Date;
  endsAt: Date;
  kind: DutyShiftKind;
  note: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const DUTY_SHIFT_PROPERTIES = ['id', 'station', 'person', 'organization', 'startsAt', 'endsAt', 'kind', 'note', 'version', 'createdAt', 'updatedAt'] as const;
export type DutyShiftRow = RowOf<DutyShift, (typeof DUTY_SHIFT_PROPERTIES)[number]>;
export const DUTY_SHIFT_COLUMNS = columnsOf(DutyShift, 'd', DUTY_SHIFT_PROPERTIES);

export function toDutyShiftRecord(row: DutyShiftRow): DutyShiftRecord {
  return {
    __typename: 'DutyShift',
    id: toGlobalId('DutyShift', row.id),
    dbId: row.id,
    stationId: row.station_id,
    personId: row.person_id,
    organizationId: row.organization_id,
    startsAt: toDate(row.starts_at),
    endsAt: toDate(row.ends_at),
    kind: row.kind,
    note: row.note,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('DutyShift', {
  implements: Node,
  simpleResolvers: true,
  description: '值班：某人或某组织在驿站的一段值守 A stretch of duty at a station, by one person or one organization',
})
export class DutyShiftType extends VersionedNode(SignedIn, { createdAt: '创建时间 When it was scheduled' }) {
  @SignedIn()
  @Field(() => DateTimeScalar, { description: '开始时间 When the shift starts' })
  startsAt!: Date;

  @SignedIn()
  @Field(() => DateTimeScalar, { description: '结束时间（不含；晚于开始，至多24小时）When it ends (exclusive); after the start, at most 24 hours later' })
  endsAt!: Date;

  @SignedIn()
  @Field(() => DutyShiftKind, { description: '值班类型 Kind of duty' })
  kind!: DutyShiftKind;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '备注 Note' })
  note!: string | null;
}

export const DutyShiftConnection = connectionTypeOf(DutyShiftType, 'DutyShift', '值班');

const shiftPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'dutyShift', type: () => DutyShiftType, zh: '值班', en: 'The shift' });

export const CreateDutyShiftPayload = shiftPayload('CreateDutyShiftPayload', '安排值班结果 Result of createDutyShift');
export const UpdateDutyShiftPayload = shiftPayload('UpdateDutyShiftPayload', '修改值班结果 Result of updateDutyShift');

@Public()
@ObjectType('DeleteDutyShiftPayload', { simpleResolvers: true, description: '删除值班结果 Result of deleteDutyShift' })
export class DeleteDutyShiftPayload {
  @Public()
  @Field(() => ID, { nullable: true, description: '已删除值班的 ID（有用户错误时为空）ID of the deleted shift; null when there are user errors' })
  deletedId!: string | null;

  @Public()
  @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
  userErrors!: UserError[];
}

@Public()
@ObjectType('ScheduleDutyShiftsPayload', { simpleResolvers: true, description: '排班结果 Result of scheduleDutyShifts' })
export class ScheduleDutyShiftsPayload {
  @Public()
  @Field(() => [DutyShiftType], {
    nullable: true,
    description: '新排的班次，顺序与输入一致（有用户错误时为空，且一个也没有保存）The new shifts, in input order; null when there are user errors, and then none was saved',
  })
  dutyShifts!: DutyShiftRecord[] | null;

  @Public()
  @Field(() => [UserError], { description: '用户错误；字段路径指明出错的班次序号 Problems with the input; the field path names the index of the shift at fault' })
  userErrors!: UserError[];
}

export interface DutyShiftPayload {
  dutyShift: DutyShiftRecord | null;
  userErrors: UserError[];
}
