import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskName, maskPhone } from '../../auth/masking';
import { personalValue } from '../../auth/permissions';
import { PersonalData, Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { ConnectionArgs, localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { PersonType, type PersonRecord } from '../person/person.types';
import { RegionType, type RegionRecord } from '../region/region.types';
import { StationType, type StationRecord } from '../station/station.types';
import {
  AddVolunteerTeamMemberInput,
  ArchiveVolunteerTeamInput,
  CreateVolunteerTeamInput,
  NestedVolunteerTeamsArgs,
  RemoveVolunteerTeamMemberInput,
  UpdateVolunteerTeamInput,
  VolunteerTeamsArgs,
} from './volunteer-team.inputs';
import { volunteerTeamList } from './volunteer-team.reader';
import * as teams from './volunteer-team.service';
import {
  AddVolunteerTeamMemberPayload,
  ArchiveVolunteerTeamPayload,
  CreateVolunteerTeamPayload,
  RemoveVolunteerTeamMemberPayload,
  UpdateVolunteerTeamPayload,
  VolunteerTeamConnection,
  VolunteerTeamMemberConnection,
  VolunteerTeamMemberType,
  VolunteerTeamType,
  type RemoveMemberResult,
  type VolunteerTeamMemberPayload,
  type VolunteerTeamMemberRecord,
  type VolunteerTeamPayload,
  type VolunteerTeamRecord,
} from './volunteer-team.types';

const MEMBER_NAME_RULE =
  '姓名（个人信息）：已登记人员即其人员记录的姓名，按人员的规则脱敏；其他队员的姓名对管理员和队伍所在辖区操作员可见全名，合作部门和其他辖区操作员见脱敏姓名（如 张*明），分析人员不可见（null） Name (personal data): a registered person’s is their Person record’s, masked by its rule; any other member’s is whole for administrators and the operator of the team’s region, masked (张*明) for partners and other operators, null for analysts';
const MEMBER_PHONE_RULE = '联系电话（个人信息）：可见范围同姓名，脱敏形如 138****1234 Phone (personal data): visible like the name, masked as 138****1234';

@Resolver(() => VolunteerTeamType)
export class VolunteerTeamResolver {
  @SignedIn()
  @Query(() => VolunteerTeamType, { nullable: true, description: '按 ID 查志愿服务队伍 A volunteer team by ID' })
  volunteerTeam(
    @Arg('id', () => ID, { description: '队伍 ID Volunteer team ID' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'VolunteerTeam');
    if (!localId) throw notAnId('id', 'VolunteerTeam');
    return planOne(ctx, info, 'VolunteerTeam', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => VolunteerTeamConnection, { description: '志愿服务队伍列表（默认按名称）Volunteer teams, by name unless ordered otherwise' })
  volunteerTeams(@Args(() => VolunteerTeamsArgs) args: VolunteerTeamsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, volunteerTeamList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @SignedIn()
  @FieldResolver(() => RegionType, { description: '服务的社区（村）The community or village it serves' })
  async region(@Root() team: VolunteerTeamRecord, @Ctx() ctx: Context): Promise<RegionRecord> {
    const region = await ctx.loaders.regionById.load(team.regionId);
    if (!region) throw new Error(`Region ${team.regionId} of volunteer team ${team.dbId} is missing`);
    return region;
  }

  @SignedIn()
  @FieldResolver(() => StationType, { nullable: true, description: '所在驿站（可为空）The station it works from, if any' })
  station(@Root() team: VolunteerTeamRecord, @Ctx() ctx: Context): Promise<StationRecord | null> | null {
    return team.stationId ? ctx.loaders.stationById.load(team.stationId) : null;
  }

  @SignedIn()
  @FieldResolver(() => OrganizationType, { nullable: true, description: '来源组织（可为空）The organization it comes from, if any' })
  organization(@Root() team: VolunteerTeamRecord, @Ctx() ctx: Context): Promise<OrganizationRecord | null> | null {
    return team.organizationId ? ctx.loaders.organizationById.load(team.organizationId) : null;
  }

  @SignedIn()
  @FieldResolver(() => Boolean, { description: '是否为“六进小区”下沉队伍 Whether it was sent down to the community under 六进小区' })
  sentDown(@Root() team: VolunteerTeamRecord): boolean {
    return team.sentDownAt !== null;
  }

  @SignedIn()
  @FieldResolver(() => VolunteerTeamMemberConnection, { description: '队员（按加入登记先后）Members, in the order they were recorded' })
  members(@Root() team: VolunteerTeamRecord, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'VolunteerTeam', team.dbId, 'uuid');
  }

  @Public()
  @Mutation(() => CreateVolunteerTeamPayload, { description: '登记志愿服务队伍 Register a volunteer team' })
  createVolunteerTeam(
    @Arg('input', () => CreateVolunteerTeamInput, { description: '新队伍 The new team' }) input: CreateVolunteerTeamInput,
    @Ctx() ctx: Context,
  ): Promise<VolunteerTeamPayload> {
    return teams.createVolunteerTeam(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateVolunteerTeamPayload, { description: '修改志愿服务队伍（须带读取时的版本号）Change a volunteer team; pass the version you read' })
  updateVolunteerTeam(
    @Arg('input', () => UpdateVolunteerTeamInput, { description: '要修改的字段 Fields to change' }) input: UpdateVolunteerTeamInput,
    @Ctx() ctx: Context,
  ): Promise<VolunteerTeamPayload> {
    return teams.updateVolunteerTeam(ctx, input);
  }

  @Public()
  @Mutation(() => ArchiveVolunteerTeamPayload, { description: '归档志愿服务队伍（须带读取时的版本号）Archive a volunteer team; pass the version you read' })
  archiveVolunteerTeam(
    @Arg('input', () => ArchiveVolunteerTeamInput, { description: '要归档的队伍 The team to archive' }) input: ArchiveVolunteerTeamInput,
    @Ctx() ctx: Context,
  ): Promise<VolunteerTeamPayload> {
    return teams.archiveVolunteerTeam(ctx, input);
  }

  @Public()
  @Mutation(() => AddVolunteerTeamMemberPayload, { description: '为志愿服务队伍添加队员 Add a member to a volunteer team' })
  addVolunteerTeamMember(
    @Arg('input', () => AddVolunteerTeamMemberInput, { description: '新队员 The new member' }) input: AddVolunteerTeamMemberInput,
    @Ctx() ctx: Context,
  ): Promise<VolunteerTeamMemberPayload> {
    return teams.addVolunteerTeamMember(ctx, input);
  }

  @Public()
  @Mutation(() => RemoveVolunteerTeamMemberPayload, { description: '移除队员（须带读取时的版本号）Remove a member; pass the version you read' })
  removeVolunteerTeamMember(
    @Arg('input', () => RemoveVolunteerTeamMemberInput, { description: '要移除的队员 The member to remove' }) input: RemoveVolunteerTeamMemberInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveMemberResult> {
    return teams.removeVolunteerTeamMember(ctx, input);
  }
}

@Resolver(() => VolunteerTeamMemberType)
export class VolunteerTeamMemberResolver {
  @PersonalData('NAME')
  @FieldResolver(() => String, { nullable: true, description: MEMBER_NAME_RULE })
  name(@Root() member: VolunteerTeamMemberRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, member.name, member.maskRegionId, maskName);
  }

  @PersonalData('PHONE')
  @FieldResolver(() => String, { nullable: true, description: MEMBER_PHONE_RULE })
  phone(@Root() member: VolunteerTeamMemberRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, member.phone, member.maskRegionId, maskPhone);
  }

  @SignedIn()
  @FieldResolver(() => PersonType, {
    nullable: true,
    description:
      '对应的已登记人员（如双报到党员）；居民队员为空 The registered person this member is (a dual-reporting party member, say); null for a resident known only to the team',
  })
  person(@Root() member: VolunteerTeamMemberRecord, @Ctx() ctx: Context): Promise<PersonRecord | null> | null {
    return member.personId ? ctx.loaders.personById.load(member.personId) : null;
  }

  @SignedIn()
  @FieldResolver(() => VolunteerTeamType, { description: '所属队伍 The team' })
  async team(@Root() member: VolunteerTeamMemberRecord, @Ctx() ctx: Context): Promise<VolunteerTeamRecord> {
    const team = await ctx.loaders.volunteerTeamById.load(member.teamId);
    if (!team) throw new Error(`Team ${member.teamId} of member ${member.dbId} is missing`);
    return team;
  }
}

/** Region.volunteerTeams for regions the planner did not read: the planned field, in one statement. */
@Resolver(() => RegionType)
export class RegionVolunteerTeamsResolver {
  @SignedIn()
  @FieldResolver(() => VolunteerTeamConnection, { description: '服务本区划（含下级）的志愿服务队伍（按名称）Volunteer teams serving this region or anywhere below it, by name' })
  volunteerTeams(
    @Root() region: RegionRecord,
    @Args(() => NestedVolunteerTeamsArgs) _args: NestedVolunteerTeamsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Region', String(region.dbId), 'int');
  }
}

/** Station.volunteerTeams for stations the planner did not read. */
@Resolver(() => StationType)
export class StationVolunteerTeamsResolver {
  @SignedIn()
  @FieldResolver(() => VolunteerTeamConnection, { description: '以本驿站为阵地的志愿服务队伍（按名称）Volunteer teams working from this station, by name' })
  volunteerTeams(
    @Root() station: StationRecord,
    @Args(() => NestedVolunteerTeamsArgs) _args: NestedVolunteerTeamsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }
}
