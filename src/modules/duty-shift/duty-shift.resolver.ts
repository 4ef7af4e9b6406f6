import { plannedField } from '../../graphql/plan/planned-field';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { planConnection, planList, planOne } from '../../graphql/plan/planner';
import { localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { PersonType, type PersonRecord } from '../person/person.types';
import { StationType, type StationRecord } from '../station/station.types';
import { CreateDutyShiftInput, DeleteDutyShiftInput, DutyShiftsArgs, ScheduleDutyShiftsInput, StationDutyShiftsArgs, UpdateDutyShiftInput } from './duty-shift.inputs';
import { ON_DUTY_ORDER } from './duty-shift.read-model';
import { dutyShiftList, onDutyAt } from './duty-shift.reader';
import * as shifts from './duty-shift.service';
import {
  CreateDutyShiftPayload,
  DeleteDutyShiftPayload,
  DutyShiftConnection,
  DutyShiftType,
  ScheduleDutyShiftsPayload,
  UpdateDutyShiftPayload,
  type DutyShiftPayload,
  type DutyShiftRecord,
} from './duty-shift.types';

@Resolver(() => DutyShiftType)
export class DutyShiftResolver {
  @SignedIn()
  @Query(() => DutyShiftType, { nullable: true, description: '按 ID 查值班 A shift by ID' })
  dutyShift(@Arg('id', () => ID, { description: '值班 ID Shift ID' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'DutyShift');
    if (!localId) throw notAnId('id', 'DutyShift');
    return planOne(ctx, info, 'DutyShift', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => DutyShiftConnection, { description: '值班列表（默认按开始时间从早到晚）Shifts, earliest start first unless ordered otherwise' })
  dutyShifts(@Args(() => DutyShiftsArgs) args: DutyShiftsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, dutyShiftList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @SignedIn()
  @Query(() => [DutyShiftType], { description: '某驿站某一时刻的在岗值班 Who is on duty at a station at an instant' })
  onDuty(
    @Arg('stationId', () => ID, { description: '驿站 ID Station ID' }) stationId: string,
    @Arg('at', () => DateTimeScalar, { description: '时刻 The instant' }) at: Date,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown>[]> {
    const localId = localIdOf(stationId, 'Station');
    if (!localId) throw notAnId('stationId', 'Station');
    return planList(ctx, info, { nodeType: 'DutyShift', alias: 'd', where: onDutyAt('d', sql`${localId}::uuid`, at), orderBy: ON_DUTY_ORDER('d') });
  }

  @SignedIn()
  @FieldResolver(() => StationType, { description: '驿站 The station' })
  async station(@Root() shift: DutyShiftRecord, @Ctx() ctx: Context): Promise<StationRecord> {
    const station = await ctx.loaders.stationById.load(shift.stationId);
    if (!station) throw new Error(`Station ${shift.stationId} of duty shift ${shift.dbId} is missing`);
    return station;
  }

  @SignedIn()
  @FieldResolver(() => PersonType, { nullable: true, description: '值班人员（由组织值班时为空）The person on duty; null when an organization is' })
  person(@Root() shift: DutyShiftRecord, @Ctx() ctx: Context): Promise<PersonRecord | null> | null {
    return shift.personId ? ctx.loaders.personById.load(shift.personId) : null;
  }

  @SignedIn()
  @FieldResolver(() => OrganizationType, { nullable: true, description: '值班组织（由个人值班时为空）The organization on duty; null when a person is' })
  organization(@Root() shift: DutyShiftRecord, @Ctx() ctx: Context): Promise<OrganizationRecord | null> | null {
    return shift.organizationId ? ctx.loaders.organizationById.load(shift.organizationId) : null;
  }

  @Public()
  @Mutation(() => CreateDutyShiftPayload, { description: "安排一个值班；同一人的值班时间不得重叠 Schedule one shift; a person's shifts must not overlap" })
  createDutyShift(@Arg('input', () => CreateDutyShiftInput, { description: '新值班 The new shift' }) input: CreateDutyShiftInput, @Ctx() ctx: Context): Promise<DutyShiftPayload> {
    return shifts.createDutyShift(ctx, input);
  }

  @Public()
  @Mutation(() => ScheduleDutyShiftsPayload, {
    description: '为一个驿站一次排多个班次（至多200个），全部成功或全部不保存 Schedule a roster of up to 200 shifts at one station: all or nothing',
  })
  scheduleDutyShifts(@Arg('input', () => ScheduleDutyShiftsInput, { description: '排班表 The roster' }) input: ScheduleDutyShiftsInput, @Ctx() ctx: Context) {
    return shifts.scheduleDutyShifts(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateDutyShiftPayload, { description: '修改值班（须带读取时的版本号）Change a shift; pass the version you read' })
  updateDutyShift(
    @Arg('input', () => UpdateDutyShiftInput, { description: '要修改的字段 Fields to change' }) input: UpdateDutyShiftInput,
    @Ctx() ctx: Context,
  ): Promise<DutyShiftPayload> {
    return shifts.updateDutyShift(ctx, input);
  }

  @Public()
  @Mutation(() => DeleteDutyShiftPayload, { description: '取消值班 Cancel a shift' })
  deleteDutyShift(@Arg('input', () => DeleteDutyShiftInput, { description: '要取消的值班 The shift to cancel' }) input: DeleteDutyShiftInput, @Ctx() ctx: Context) {
    return shifts.deleteDutyShift(ctx, input);
  }
}

/**
 * A station's shifts and who is on duty there, for stations the planner did not read (a mutation's
 * payload, a record from a loader): the planned fields, for all such stations of a list in one statement.
 */
@Resolver(() => StationType)
export class StationDutyResolver {
  @SignedIn()
  @FieldResolver(() => DutyShiftConnection, { description: '驿站的值班（默认按开始时间从早到晚）Shifts at the station, earliest start first unless ordered otherwise' })
  dutyShifts(
    @Root() station: StationRecord,
    @Args(() => StationDutyShiftsArgs) _args: StationDutyShiftsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }

  @SignedIn()
  @FieldResolver(() => [DutyShiftType], { description: '某一时刻在岗的值班 Shifts on duty at an instant' })
  onDuty(
    @Root() station: StationRecord,
    @Arg('at', () => DateTimeScalar, { description: '时刻 The instant' }) _at: Date,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}
