import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { registerNodeLoader } from '../../graphql/node.resolver';
import { plannedField } from '../../graphql/plan/planned-field';
import { planConnection } from '../../graphql/plan/planner';
import { toPageRequest } from '../../graphql/relay';
import { requestLoader } from '../../graphql/request-loaders';
import { CoBuildingType } from '../co-building/co-building.types';
import { NeedType, type NeedRecord } from '../need/need.types';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { PersonType, type PersonRecord } from '../person/person.types';
import { VolunteerTeamType, type VolunteerTeamRecord } from '../volunteer-team/volunteer-team.types';
import { ClaimNeedInput, NeedClaimsArgs, NestedNeedClaimsArgs, WithdrawNeedClaimInput } from './need-claim.inputs';
import { needClaimList, visibleClaimsByIds } from './need-claim.reader';
import * as claims from './need-claim.service';
import { ClaimNeedPayload, NeedClaimConnection, NeedClaimType, WithdrawNeedClaimPayload, type NeedClaimPayload, type NeedClaimRecord } from './need-claim.types';

/** The change feed's records: the claims of the needs the caller may read (planned reads keep to NeedClaim's row rule). */
registerNodeLoader('NeedClaim', (ctx, id) =>
  requestLoader(ctx.db, 'visibleNeedClaimById', async (db, ids) => new Map((await visibleClaimsByIds(db, ctx.principal, ids)).map((claim) => [claim.dbId, claim]))).load(id),
);

const planned = (claim: NeedClaimRecord, ctx: Context, info: GraphQLResolveInfo): Promise<unknown> => plannedField(ctx, info, 'NeedClaim', claim.dbId, 'uuid');

@Resolver(() => NeedClaimType)
export class NeedClaimResolver {
  @SignedIn()
  @Query(() => NeedClaimConnection, {
    description: '需求认领列表（从新到旧；合作部门只看到交办给本部门的需求的认领）Claims, newest first; a partner department sees only the claims of needs referred to it',
  })
  needClaims(@Args(() => NeedClaimsArgs) args: NeedClaimsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    return planConnection(ctx, info, needClaimList(args.filter, args.orderBy, toPageRequest(args, 2)));
  }

  @SignedIn()
  @FieldResolver(() => NeedType, { description: '认领的需求 The need claimed' })
  need(@Root() claim: NeedClaimRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return planned(claim, ctx, info);
  }

  @SignedIn()
  @FieldResolver(() => OrganizationType, { nullable: true, description: '认领组织（认领方为组织时）The claiming organization, when an organization claimed it' })
  organization(@Root() claim: NeedClaimRecord, @Ctx() ctx: Context): Promise<OrganizationRecord | null> | null {
    return claim.organizationId ? ctx.loaders.organizationById.load(claim.organizationId) : null;
  }

  @SignedIn()
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: '认领个人（认领方为党员个人时；姓名、电话按人员的规则脱敏）The claiming person, when a person claimed it; their name and phone follow the Person rules',
  })
  person(@Root() claim: NeedClaimRecord, @Ctx() ctx: Context): Promise<PersonRecord | null> | null {
    return claim.personId ? ctx.loaders.personById.load(claim.personId) : null;
  }

  @SignedIn()
  @FieldResolver(() => VolunteerTeamType, { nullable: true, description: '认领志愿服务队伍（认领方为队伍时）The claiming volunteer team, when a team claimed it' })
  volunteerTeam(@Root() claim: NeedClaimRecord, @Ctx() ctx: Context): Promise<VolunteerTeamRecord | null> | null {
    return claim.volunteerTeamId ? ctx.loaders.volunteerTeamById.load(claim.volunteerTeamId) : null;
  }

  @SignedIn()
  @FieldResolver(() => CoBuildingType, {
    nullable: true,
    description: '共建关系（共建盟约）：共建项目据以认领的协议 The co-building agreement (共建盟约) a co-building project is claimed under, if any',
  })
  coBuilding(@Root() claim: NeedClaimRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> | null {
    return claim.coBuildingId ? planned(claim, ctx, info) : null;
  }

  @Public()
  @Mutation(() => ClaimNeedPayload, {
    description:
      '认领需求（点单，本辖区操作员、管理员代认领方登记）：已列入微实事清单的需求变为已认领，记入办理记录；已被认领的需求不能重复认领 Claim a listed need for an organization, a party member or a volunteer team (operators of its region, administrators): the need moves LISTED → CLAIMED, recorded in its timeline; a need already claimed cannot be claimed again',
  })
  claimNeed(@Arg('input', () => ClaimNeedInput, { description: '认领 The claim' }) input: ClaimNeedInput, @Ctx() ctx: Context): Promise<NeedClaimPayload> {
    return claims.claimNeed(ctx, input);
  }

  @Public()
  @Mutation(() => WithdrawNeedClaimPayload, {
    description:
      '撤回认领（须带读取认领时的版本号和理由）：需求回到微实事清单待认领，记入办理记录 Withdraw an active claim, with the version you read and a reason: the need goes back to LISTED, recorded in its timeline',
  })
  withdrawNeedClaim(
    @Arg('input', () => WithdrawNeedClaimInput, { description: '撤回 The withdrawal' }) input: WithdrawNeedClaimInput,
    @Ctx() ctx: Context,
  ): Promise<NeedClaimPayload> {
    return claims.withdrawNeedClaim(ctx, input);
  }
}

/** Need.claims and Need.activeClaim for needs the planner did not read: every reader of the need reads its claims. */
@Resolver(() => NeedType)
export class NeedClaimsResolver {
  @SignedIn()
  @FieldResolver(() => NeedClaimConnection, { description: '认领记录（从新到旧，含已撤回和已完成的）Its claims, newest first, withdrawn and completed ones included' })
  claims(@Root() need: NeedRecord, @Args(() => NestedNeedClaimsArgs) _args: NestedNeedClaimsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Need', need.dbId, 'uuid');
  }

  @SignedIn()
  @FieldResolver(() => NeedClaimType, { nullable: true, description: '当前有效认领（无则为空）Its active claim, if any' })
  activeClaim(@Root() need: NeedRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Need', need.dbId, 'uuid');
  }
}

const CLAIMANT_LIST =
  '认领的需求（从新到旧，可按认领状态筛选；合作部门只看到交办给本部门的需求的认领）Needs it claimed, newest first, optionally by the claim’s state; a partner department sees only the claims of needs referred to it';

/**
 * A claimant's claims, for parents the planner did not read. Every signed-in caller: the planner
 * keeps them to the claims of needs the caller may read (NeedClaim's row rule), so a partner
 * department sees only the claims of needs referred to it.
 */
@Resolver(() => OrganizationType)
export class OrganizationNeedClaimsResolver {
  @SignedIn()
  @FieldResolver(() => NeedClaimConnection, { description: `组织${CLAIMANT_LIST}` })
  needClaims(
    @Root() organization: OrganizationRecord,
    @Args(() => NestedNeedClaimsArgs) _args: NestedNeedClaimsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'Organization', organization.dbId, 'uuid');
  }
}

@Resolver(() => PersonType)
export class PersonNeedClaimsResolver {
  @SignedIn()
  @FieldResolver(() => NeedClaimConnection, { description: `个人${CLAIMANT_LIST}` })
  needClaims(@Root() person: PersonRecord, @Args(() => NestedNeedClaimsArgs) _args: NestedNeedClaimsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return plannedField(ctx, info, 'Person', person.dbId, 'uuid');
  }
}

@Resolver(() => VolunteerTeamType)
export class VolunteerTeamNeedClaimsResolver {
  @SignedIn()
  @FieldResolver(() => NeedClaimConnection, { description: `队伍${CLAIMANT_LIST}` })
  needClaims(
    @Root() team: VolunteerTeamRecord,
    @Args(() => NestedNeedClaimsArgs) _args: NestedNeedClaimsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, 'VolunteerTeam', team.dbId, 'uuid');
  }
}
