import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskName, maskPhone } from '../../auth/masking';
import { personalValue } from '../../auth/permissions';
import { PersonalData, Public, SignedIn } from '../../auth/visibility';
import { CoordinateSystem } from '../../geo/coordinates';
import { GeoPoint, toGeoPoint } from '../../geo/geo.types';
import type { Context } from '../../graphql/context';
import { registerNodeLoader } from '../../graphql/node.resolver';
import { plannedField } from '../../graphql/plan/planned-field';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { ConnectionArgs, localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { requestLoader } from '../../graphql/request-loaders';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { RegionType, type RegionRecord } from '../region/region.types';
import { StationType, type StationRecord } from '../station/station.types';
import { AddNeedNoteInput, CreateNeedInput, NeedsArgs, NestedNeedsArgs, ReferNeedInput, SubmitNeedInput, TransitionNeedInput } from './need.inputs';
import { needList, visibleNeedsByIds, visibleTransitionsByIds } from './need.reader';
import * as needs from './need.service';
import {
  AddNeedNotePayload,
  CreateNeedPayload,
  NeedConnection,
  NeedStatus,
  NeedTransitionConnection,
  NeedTransitionType,
  NeedType,
  ReferNeedPayload,
  SubmitNeedPayload,
  TransitionNeedPayload,
  type NeedPayload,
  type NeedRecord,
  type NeedTransitionRecord,
  type SubmitNeedResult,
} from './need.types';

/** The change feed's records (planned reads keep to the read model's row rule: a partner department reads only the needs referred to it). */
registerNodeLoader('Need', (ctx, id) =>
  requestLoader(ctx.db, 'visibleNeedById', async (db, ids) => new Map((await visibleNeedsByIds(db, ctx.principal, ids)).map((need) => [need.dbId, need]))).load(id),
);
registerNodeLoader('NeedTransition', (ctx, id) =>
  requestLoader(ctx.db, 'visibleNeedTransitionById', async (db, ids) => new Map((await visibleTransitionsByIds(db, ctx.principal, ids)).map((step) => [step.dbId, step]))).load(id),
);

@Resolver(() => NeedType)
export class NeedResolver {
  @SignedIn()
  @Query(() => NeedType, { nullable: true, description: '按 ID 查需求（合作部门只能查交办给本部门的需求）A need by ID; a partner department sees only the needs referred to it' })
  need(@Arg('id', () => ID, { description: '需求 ID Need ID' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'Need');
    if (!localId) throw notAnId('id', 'Need');
    return planOne(ctx, info, 'Need', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => NeedConnection, {
    description:
      '需求列表（默认按提交时间从新到旧；合作部门只看到交办给本部门的需求）Needs, newest first unless ordered otherwise; a partner department sees only the needs referred to it',
  })
  needs(@Args(() => NeedsArgs) args: NeedsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, needList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @Public()
  @Query(() => NeedStatus, {
    nullable: true,
    description:
      '凭回执码查询需求办理进度（无需登录；只含状态、类型、类别和时间，不含任何个人信息）A need’s public status by its receipt code, without signing in: state, kind, category and times, nothing personal',
  })
  needStatus(
    @Arg('receiptCode', { description: '提交需求时得到的回执码 The receipt code given when the need was submitted' }) receiptCode: string,
    @Ctx() ctx: Context,
  ): Promise<NeedStatus | null> {
    return needs.needStatus(ctx, receiptCode);
  }

  @SignedIn()
  @FieldResolver(() => StationType, { nullable: true, description: '所在驿站 The station it was raised at or belongs to, if any' })
  station(@Root() need: NeedRecord, @Ctx() ctx: Context): Promise<StationRecord | null> | null {
    return need.stationId ? ctx.loaders.stationById.load(need.stationId) : null;
  }

  @SignedIn()
  @FieldResolver(() => RegionType, { description: '所属社区（或街道）；有驿站时为驿站所在社区 The community (or street) it belongs to: the station’s when there is one' })
  async region(@Root() need: NeedRecord, @Ctx() ctx: Context): Promise<RegionRecord> {
    const region = await ctx.loaders.regionById.load(need.regionId);
    if (!region) throw new Error(`Region ${need.regionId} of need ${need.dbId} is missing`);
    return region;
  }

  @SignedIn()
  @FieldResolver(() => DepartmentType, { nullable: true, description: '交办部门（承办单位）The department it was referred to, if any' })
  referredDepartment(@Root() need: NeedRecord, @Ctx() ctx: Context): Promise<DepartmentRecord | null> | null {
    return need.referredDepartmentId ? ctx.loaders.departmentById.load(need.referredDepartmentId) : null;
  }

  @SignedIn()
  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置（按所选坐标系输出；未填为空）Location, in the coordinate system asked for; null when none was given' })
  location(
    @Root() need: NeedRecord,
    @Arg('coordinateSystem', () => CoordinateSystem, { defaultValue: CoordinateSystem.WGS84, description: '输出坐标系 Coordinate system to express it in' })
    coordinateSystem: CoordinateSystem,
  ): GeoPoint | null {
    return need.lat == null || need.lng == null ? null : toGeoPoint({ lat: need.lat, lng: need.lng }, coordinateSystem);
  }

  @PersonalData('NAME')
  @FieldResolver(() => String, {
    nullable: true,
    description:
      '居民姓名（个人信息）：管理员和本辖区操作员可见全名，交办部门和其他辖区操作员见脱敏姓名（如 王*），分析人员不可见（null） The resident’s name (personal data): whole for administrators and the operator of its region, masked (王*) for the department it is referred to and other operators, null for analysts',
  })
  residentName(@Root() need: NeedRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, need.residentName, need.regionId, maskName);
  }

  @PersonalData('PHONE')
  @FieldResolver(() => String, {
    nullable: true,
    description: '居民电话（个人信息）：可见范围同姓名，脱敏形如 138****1234 The resident’s phone (personal data): visible like the name, masked as 138****1234',
  })
  residentPhone(@Root() need: NeedRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, need.residentPhone, need.regionId, maskPhone);
  }

  @SignedIn()
  @FieldResolver(() => NeedTransitionConnection, { description: '办理记录（从早到晚，含提交本身）Its timeline, oldest first, the submission included' })
  timeline(@Root() need: NeedRecord, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Need', need.dbId, 'uuid');
  }

  @Public()
  @Mutation(() => SubmitNeedPayload, {
    description:
      '居民提交需求（无需登录，按来源地址计入调用额度）：返回回执码，凭它用 needStatus 查询进度 A resident submits a need without signing in (counted against the address’s rate budget); the answer carries the receipt code for needStatus',
  })
  submitNeed(@Arg('input', () => SubmitNeedInput, { description: '需求 The need' }) input: SubmitNeedInput, @Ctx() ctx: Context): Promise<SubmitNeedResult> {
    return needs.submitNeed(ctx, input);
  }

  @Public()
  @Mutation(() => CreateNeedPayload, {
    description: '登记需求（本辖区操作员、管理员）Record a need collected by a station, a community or a patrol (operators of its region, administrators)',
  })
  createNeed(@Arg('input', () => CreateNeedInput, { description: '新需求 The new need' }) input: CreateNeedInput, @Ctx() ctx: Context): Promise<NeedPayload> {
    return needs.createNeed(ctx, input);
  }

  @Public()
  @Mutation(() => TransitionNeedPayload, {
    description:
      '变更需求状态（须带读取时的版本号）：本辖区操作员按流程办理；交办部门可将办理中的需求标为已解决 Move a need along its workflow, with the version you read: the operator of its region any move, the department it is referred to IN_PROGRESS → RESOLVED',
  })
  transitionNeed(@Arg('input', () => TransitionNeedInput, { description: '状态变更 The move' }) input: TransitionNeedInput, @Ctx() ctx: Context): Promise<NeedPayload> {
    return needs.transitionNeed(ctx, input);
  }

  @Public()
  @Mutation(() => ReferNeedPayload, {
    description:
      '交办需求（夜巡现场交办或议事决定交办）：已提交或已列入议事的需求转由部门办理，可设整改期限 Refer a need to a department (on a night patrol, or by the meeting’s decision): a SUBMITTED or ON_AGENDA need goes IN_PROGRESS with that department, optionally with a deadline',
  })
  referNeed(@Arg('input', () => ReferNeedInput, { description: '交办 The referral' }) input: ReferNeedInput, @Ctx() ctx: Context): Promise<NeedPayload> {
    return needs.referNeed(ctx, input);
  }

  @Public()
  @Mutation(() => AddNeedNotePayload, {
    description:
      '记录办理进展（不改变状态，须带读取时的版本号）：本辖区操作员或交办部门 Note a need’s progress without moving it, with the version you read: the operator of its region or the department it is referred to',
  })
  addNeedNote(@Arg('input', () => AddNeedNoteInput, { description: '办理进展 The note' }) input: AddNeedNoteInput, @Ctx() ctx: Context): Promise<NeedPayload> {
    return needs.addNeedNote(ctx, input);
  }
}

@Resolver(() => NeedTransitionType)
export class NeedTransitionResolver {
  @SignedIn()
  @FieldResolver(() => NeedType, { description: '所属需求 The need it moved' })
  async need(@Root() step: NeedTransitionRecord, @Ctx() ctx: Context): Promise<NeedRecord> {
    const need = await ctx.loaders.needById.load(step.needId);
    if (!need) throw new Error(`Need ${step.needId} of transition ${step.dbId} is missing`);
    return need;
  }

  @PersonalData('NAME')
  @FieldResolver(() => String, {
    nullable: true,
    description:
      '操作者名称：接口客户端的名称；管理端用户的姓名为个人信息，按调用方脱敏或不可见；匿名居民为空 Who made the move: an API client’s name; a user’s name is personal data, masked or left out by the caller; null for anonymous residents',
  })
  actorName(@Root() step: NeedTransitionRecord, @Ctx() ctx: Context): Promise<string | null> | string | null {
    if (step.actorKind !== 'USER') return step.actorName;
    return personalValue(ctx, step.actorName, step.regionId, maskName);
  }
}

/**
 * Station.needs and Department.referredNeeds for parents the planner did not read, as the planned
 * fields. Every signed-in caller: the planner keeps them to the needs the caller may read (Need's
 * row rule), so a partner department sees only the needs referred to it, residents masked.
 */
@Resolver(() => StationType)
export class StationNeedsResolver {
  @SignedIn()
  @FieldResolver(() => NeedConnection, {
    description:
      '驿站的需求（默认从新到旧；合作部门只看到交办给本部门的）Needs raised at or belonging to the station, newest first; a partner department sees only those referred to it',
  })
  needs(@Root() station: StationRecord, @Args(() => NestedNeedsArgs) _args: NestedNeedsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}

@Resolver(() => DepartmentType)
export class DepartmentNeedsResolver {
  @SignedIn()
  @FieldResolver(() => NeedConnection, {
    description: '交办给该部门的需求（默认从新到旧；合作部门只看到交办给本部门的）Needs referred to the department, newest first; a partner department sees only its own',
  })
  referredNeeds(
    @Root() department: DepartmentRecord,
    @Args(() => NestedNeedsArgs) _args: NestedNeedsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Department', department.dbId, 'uuid');
  }
}
