import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { localIdOf, notAnId, toConnection, toPageRequest, type ConnectionResult } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { StationType, type StationRecord } from '../station/station.types';
import { ActivitiesArgs, CreateActivityInput, DeleteActivityInput, UpdateActivityInput } from './activity.inputs';
import { listActivities, nestedActivitiesParams } from './activity.reader';
import * as activities from './activity.service';
import {
  ActivityConnection,
  ActivityType,
  CreateActivityPayload,
  DeleteActivityPayload,
  UpdateActivityPayload,
  type ActivityPayload,
  type ActivityRecord,
  type DeleteActivityResult,
} from './activity.types';

@Resolver(() => ActivityType)
export class ActivityResolver {
  @SignedIn()
  @Query(() => ActivityType, { nullable: true, description: '按 ID 查活动 An activity by ID' })
  activity(@Arg('id', () => ID, { description: '活动 ID Activity ID' }) id: string, @Ctx() ctx: Context): Promise<ActivityRecord | null> {
    const localId = localIdOf(id, 'Activity');
    if (!localId) throw notAnId('id', 'Activity');
    return ctx.loaders.activityById.load(localId);
  }

  @SignedIn()
  @Query(() => ActivityConnection, { description: '活动列表（默认按开始时间从新到旧）Activities, newest start first unless ordered otherwise' })
  async activities(@Args(() => ActivitiesArgs) args: ActivitiesArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ActivityRecord>> {
    return toConnection(await listActivities(ctx.db, args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @SignedIn()
  @FieldResolver(() => StationType, { description: '举办驿站 The station it is held at' })
  async station(@Root() activity: ActivityRecord, @Ctx() ctx: Context): Promise<StationRecord> {
    const station = await ctx.loaders.stationById.load(activity.stationId);
    if (!station) throw new Error(`Station ${activity.stationId} of activity ${activity.dbId} is missing`);
    return station;
  }

  @SignedIn()
  @FieldResolver(() => OrganizationType, { nullable: true, description: '主办组织（可为空）The organizing organization, if any' })
  organizer(@Root() activity: ActivityRecord, @Ctx() ctx: Context): Promise<OrganizationRecord | null> | null {
    return activity.organizerId ? ctx.loaders.organizationById.load(activity.organizerId) : null;
  }

  @Public()
  @Mutation(() => CreateActivityPayload, { description: '登记驿站活动 Record an activity at a station' })
  createActivity(@Arg('input', () => CreateActivityInput, { description: '新活动 The new activity' }) input: CreateActivityInput, @Ctx() ctx: Context): Promise<ActivityPayload> {
    return activities.createActivity(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateActivityPayload, { description: '修改活动（须带读取时的版本号）Change an activity; pass the version you read' })
  updateActivity(@Arg('input', () => UpdateActivityInput, { description: '要修改的字段 Fields to change' }) input: UpdateActivityInput, @Ctx() ctx: Context): Promise<ActivityPayload> {
    return activities.updateActivity(ctx, input);
  }

  @Public()
  @Mutation(() => DeleteActivityPayload, { description: '删除活动（须带读取时的版本号）Delete an activity; pass the version you read' })
  deleteActivity(@Arg('input', () => DeleteActivityInput, { description: '要删除的活动 The activity to delete' }) input: DeleteActivityInput, @Ctx() ctx: Context): Promise<DeleteActivityResult> {
    return activities.deleteActivity(ctx, input);
  }
}

/** Station.activities: one windowed query per page of stations. */
@Resolver(() => StationType)
export class StationActivitiesResolver {
  @SignedIn()
  @FieldResolver(() => [ActivityType], { description: '驿站最近的活动（按开始时间从新到旧）The station\'s latest activities, newest start first' })
  activities(
    @Root() station: StationRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: '条数（1–100）Number of activities (1–100)' }) first: number,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: '开始时间不早于 Starting at or after this time' }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true, description: '开始时间早于 Starting before this time' }) to?: Date | null,
  ): Promise<ActivityRecord[]> {
    return ctx.loaders.stationActivities(nestedActivitiesParams(first, from, to)).load(station.dbId);
  }
}

/** Organization.activities: one windowed query per page of organizations. */
@Resolver(() => OrganizationType)
export class OrganizationActivitiesResolver {
  @SignedIn()
  @FieldResolver(() => [ActivityType], { description: '组织主办的最近活动（按开始时间从新到旧）Latest activities the organization organized, newest start first' })
  activities(
    @Root() organization: OrganizationRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: '条数（1–100）Number of activities (1–100)' }) first: number,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: '开始时间不早于 Starting at or after this time' }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true, description: '开始时间早于 Starting before this time' }) to?: Date | null,
  ): Promise<ActivityRecord[]> {
    return ctx.loaders.organizerActivities(nestedActivitiesParams(first, from, to)).load(organization.dbId);
  }
}
