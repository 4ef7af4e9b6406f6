import { plannedField } from '../../graphql/plan/planned-field';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { StationType, type StationRecord } from '../station/station.types';
import { ActivitiesArgs, CreateActivityInput, DeleteActivityInput, NestedActivitiesArgs, UpdateActivityInput } from './activity.inputs';
import { activityList } from './activity.reader';
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
  activity(
    @Arg('id', () => ID, { description: '活动 ID Activity ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'Activity');
    if (!localId) throw notAnId('id', 'Activity');
    return planOne(ctx, info, 'Activity', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => ActivityConnection, { description: '活动列表（默认按开始时间从新到旧）Activities, newest start first unless ordered otherwise' })
  activities(@Args(() => ActivitiesArgs) args: ActivitiesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, activityList(args.filter, args.orderBy, toPageRequest(args, 2)));
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
  updateActivity(
    @Arg('input', () => UpdateActivityInput, { description: '要修改的字段 Fields to change' }) input: UpdateActivityInput,
    @Ctx() ctx: Context,
  ): Promise<ActivityPayload> {
    return activities.updateActivity(ctx, input);
  }

  @Public()
  @Mutation(() => DeleteActivityPayload, { description: '删除活动（须带读取时的版本号）Delete an activity; pass the version you read' })
  deleteActivity(
    @Arg('input', () => DeleteActivityInput, { description: '要删除的活动 The activity to delete' }) input: DeleteActivityInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteActivityResult> {
    return activities.deleteActivity(ctx, input);
  }
}

/**
 * Station.activities for stations the planner did not read (a mutation's payload, a record from a
 * loader): the planned field, for all such stations of a list in one statement.
 */
@Resolver(() => StationType)
export class StationActivitiesResolver {
  @SignedIn()
  @FieldResolver(() => ActivityConnection, { description: '驿站的活动（默认按开始时间从新到旧）Activities at the station, newest start first unless ordered otherwise' })
  activities(
    @Root() station: StationRecord,
    @Args(() => NestedActivitiesArgs) _args: NestedActivitiesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}

/** Organization.activities for organizations the planner did not read, as Station.activities. */
@Resolver(() => OrganizationType)
export class OrganizationActivitiesResolver {
  @SignedIn()
  @FieldResolver(() => ActivityConnection, {
    description: '组织主办的活动（默认按开始时间从新到旧）Activities the organization organized, newest start first unless ordered otherwise',
  })
  activities(
    @Root() organization: OrganizationRecord,
    @Args(() => NestedActivitiesArgs) _args: NestedActivitiesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Organization', organization.dbId, 'uuid');
  }
}
