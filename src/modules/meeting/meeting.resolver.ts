import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { registerNodeLoader } from '../../graphql/node.resolver';
import { plannedField } from '../../graphql/plan/planned-field';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { ConnectionArgs, localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { requestLoader } from '../../graphql/request-loaders';
import { DeliberationVenueType } from '../deliberation-venue/deliberation-venue.types';
import { DepartmentType } from '../department/department.types';
import { NeedType, type NeedRecord } from '../need/need.types';
import { RegionType } from '../region/region.types';
import { StationType, type StationRecord } from '../station/station.types';
import { AddNeedToAgendaInput, CreateMeetingInput, DecideAgendaItemInput, MeetingsArgs, UpdateMeetingInput } from './meeting.inputs';
import { meetingList, meetingsByIds, visibleAgendaItemsByIds } from './meeting.reader';
import * as meetings from './meeting.service';
import {
  AddNeedToAgendaPayload,
  CreateMeetingPayload,
  DecideAgendaItemPayload,
  MeetingAgendaItemConnection,
  MeetingAgendaItemType,
  MeetingConnection,
  MeetingType,
  UpdateMeetingPayload,
  type AgendaItemPayload,
  type MeetingAgendaItemRecord,
  type MeetingPayload,
  type MeetingRecord,
} from './meeting.types';

/** The change feed's records: an agenda item only to those who may read its need (planned reads keep to its row rule). */
registerNodeLoader('MeetingAgendaItem', (ctx, id) =>
  requestLoader(ctx.db, 'visibleAgendaItemById', async (db, ids) => new Map((await visibleAgendaItemsByIds(db, ctx.principal, ids)).map((item) => [item.dbId, item]))).load(id),
);
registerNodeLoader('Meeting', (ctx, id) =>
  requestLoader(ctx.db, 'meetingById', async (db, ids) => new Map((await meetingsByIds(db, ids)).map((meeting) => [meeting.dbId, meeting]))).load(id),
);

@Resolver(() => MeetingType)
export class MeetingResolver {
  @SignedIn()
  @Query(() => MeetingType, { nullable: true, description: '按 ID 查民生议事厅会议 A meeting by ID' })
  meeting(@Arg('id', () => ID, { description: '会议 ID Meeting ID' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'Meeting');
    if (!localId) throw notAnId('id', 'Meeting');
    return planOne(ctx, info, 'Meeting', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => MeetingConnection, { description: '民生议事厅会议列表（按会议日期从新到旧）Meetings, the latest first' })
  meetings(@Args(() => MeetingsArgs) args: MeetingsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, meetingList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @SignedIn()
  @FieldResolver(() => RegionType, { description: '所在社区 The community it is of' })
  region(@Root() meeting: MeetingRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Meeting', meeting.dbId, 'uuid');
  }

  @SignedIn()
  @FieldResolver(() => StationType, { nullable: true, description: '召开的驿站（可为空）The station it is held at, if any' })
  station(@Root() meeting: MeetingRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> | null {
    return meeting.stationId ? plannedField(ctx, info, 'Meeting', meeting.dbId, 'uuid') : null;
  }

  @SignedIn()
  @FieldResolver(() => DeliberationVenueType, { nullable: true, description: '议事场所（可为空）The deliberation venue, if any' })
  venue(@Root() meeting: MeetingRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> | null {
    return meeting.venueId ? plannedField(ctx, info, 'Meeting', meeting.dbId, 'uuid') : null;
  }

  @SignedIn()
  @FieldResolver(() => MeetingAgendaItemConnection, {
    description:
      '议程：列入本次会议的需求及决定（按列入先后；合作部门只看到交办给本部门的需求）The agenda: the needs put on it and the decisions, in the order they were added; a partner department sees only the items of needs referred to it',
  })
  agenda(@Root() meeting: MeetingRecord, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Meeting', meeting.dbId, 'uuid');
  }

  @Public()
  @Mutation(() => CreateMeetingPayload, {
    description:
      '登记民生议事厅会议（本辖区操作员、管理员；日期默认为本周三）Record a livelihood meeting (operators of its region, administrators); on this week’s Wednesday unless a day is given',
  })
  createMeeting(@Arg('input', () => CreateMeetingInput, { description: '新会议 The new meeting' }) input: CreateMeetingInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return meetings.createMeeting(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateMeetingPayload, { description: '修改民生议事厅会议（须带读取时的版本号）Change a meeting, with the version you read' })
  updateMeeting(@Arg('input', () => UpdateMeetingInput, { description: '要修改的字段 Fields to change' }) input: UpdateMeetingInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return meetings.updateMeeting(ctx, input);
  }

  @Public()
  @Mutation(() => AddNeedToAgendaPayload, {
    description: '将已提交的需求列入会议议程：需求变为“已列入议事”，记入办理记录 Put a SUBMITTED need on a meeting’s agenda: it moves to ON_AGENDA, recorded in its timeline',
  })
  addNeedToAgenda(@Arg('input', () => AddNeedToAgendaInput, { description: '议题 The agenda item' }) input: AddNeedToAgendaInput, @Ctx() ctx: Context): Promise<AgendaItemPayload> {
    return meetings.addNeedToAgenda(ctx, input);
  }

  @Public()
  @Mutation(() => DecideAgendaItemPayload, {
    description:
      '会议对议题作出决定（须带读取议题时的版本号）：列入微实事清单、不予受理（附理由）或交办部门，需求随之变更并在办理记录中注明会议 Decide an agenda item, with the version you read: list the need, reject it with a reason or refer it to a department; the need moves accordingly, recorded in its timeline with the meeting named',
  })
  decideAgendaItem(@Arg('input', () => DecideAgendaItemInput, { description: '决定 The decision' }) input: DecideAgendaItemInput, @Ctx() ctx: Context): Promise<AgendaItemPayload> {
    return meetings.decideAgendaItem(ctx, input);
  }
}

@Resolver(() => MeetingAgendaItemType)
export class MeetingAgendaItemResolver {
  @SignedIn()
  @FieldResolver(() => MeetingType, { description: '所属会议 The meeting' })
  meeting(@Root() item: MeetingAgendaItemRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'MeetingAgendaItem', item.dbId, 'uuid');
  }

  @SignedIn()
  @FieldResolver(() => NeedType, { description: '议题对应的需求 The need on the agenda' })
  need(@Root() item: MeetingAgendaItemRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'MeetingAgendaItem', item.dbId, 'uuid');
  }

  @SignedIn()
  @FieldResolver(() => DepartmentType, { nullable: true, description: '交办部门（决定为交办时）The department it was referred to, when it was' })
  referredDepartment(@Root() item: MeetingAgendaItemRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> | null {
    return item.referredDepartmentId ? plannedField(ctx, info, 'MeetingAgendaItem', item.dbId, 'uuid') : null;
  }
}

/** Station.meetings for stations the planner did not read. */
@Resolver(() => StationType)
export class StationMeetingsResolver {
  @SignedIn()
  @FieldResolver(() => MeetingConnection, {
    description:
      '本驿站的民生议事厅会议（按会议日期从新到旧；社区的会议见 meetings(filter: { regionCode })）The station’s own meetings, the latest first; a community’s are in meetings(filter: { regionCode })',
  })
  meetings(@Root() station: StationRecord, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}

/** Need.agendaItems for needs the planner did not read: every reader of the need reads its agenda items. */
@Resolver(() => NeedType)
export class NeedAgendaItemsResolver {
  @SignedIn()
  @FieldResolver(() => MeetingAgendaItemConnection, {
    description: '列入过的民生议事厅议程及决定（从早到晚）The meetings’ agenda items it was on, with the decisions, oldest first',
  })
  agendaItems(@Root() need: NeedRecord, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Need', need.dbId, 'uuid');
  }
}
