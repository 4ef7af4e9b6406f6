import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { NeedKind } from '../need/need.enums';
import { SortDirection } from '../station/station.inputs';
import { NeedClaimState } from './need-claim.enums';

@InputType('ClaimNeedInput', {
  description: '认领需求：认领方须且只能填一项（组织、个人或志愿服务队伍）Claim a listed need: give exactly one claimant — an organization, a person or a volunteer team',
})
export class ClaimNeedInput {
  @Field(() => ID, { description: '需求 ID（须为“已列入微实事清单”状态）The need, which must be LISTED' })
  needId!: string;

  @Field(() => Int, { description: '读取需求时的版本号 The need’s version as you read it' })
  version!: number;

  @Field(() => ID, { nullable: true, description: '认领组织 ID（党组织、共建单位、社会组织等）The claiming organization' })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: '认领个人 ID（如双报到党员）The claiming person, e.g. a party member' })
  personId?: string;

  @Field(() => ID, { nullable: true, description: '认领志愿服务队伍 ID The claiming volunteer team' })
  volunteerTeamId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '共建关系（共建盟约）ID：仅共建项目可填，须属于认领组织 The co-building agreement (共建盟约) it is claimed under: co-building projects only, the claiming organization’s own',
  })
  coBuildingId?: string;

  @Field({ nullable: true, description: '认领说明（至多500字）A note, at most 500 characters' })
  note?: string;
}

@InputType('WithdrawNeedClaimInput', { description: '撤回认领：需求回到微实事清单待认领 Withdraw a claim: the need goes back to the list' })
export class WithdrawNeedClaimInput {
  @Field(() => ID, { description: '认领 ID The claim' })
  id!: string;

  @Field(() => Int, { description: '读取认领时的版本号 The claim’s version as you read it' })
  version!: number;

  @Field({ description: '撤回理由（必填，至多500字）Why it is withdrawn, at most 500 characters' })
  reason!: string;
}

@InputType('NeedClaimFilter', { description: '需求认领筛选条件（各条件同时满足）Claim filters; all given conditions must hold' })
export class NeedClaimFilter {
  @Field(() => [NeedClaimState], { nullable: true, description: '认领状态之一 Any of these states' })
  state?: NeedClaimState[];

  @Field({ nullable: true, description: '行政区划代码：需求在该区划内（含下级）The need belongs to this region or anywhere below it' })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: '认领组织 ID Claiming organization' })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: '认领个人 ID Claiming person' })
  personId?: string;

  @Field(() => ID, { nullable: true, description: '认领志愿服务队伍 ID Claiming volunteer team' })
  volunteerTeamId?: string;

  @Field(() => [NeedKind], { nullable: true, description: '所认领需求的类型之一（如 STATION_ORDER 驿站点单）The claimed need is of any of these kinds, e.g. STATION_ORDER' })
  needKind?: NeedKind[];

  @Field(() => DateTimeScalar, { nullable: true, description: '认领时间不早于 Claimed at or after this time' })
  claimedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '认领时间早于 Claimed before this time' })
  claimedTo?: Date;
}

export enum NeedClaimSortField {
  CLAIMED_AT = 'CLAIMED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(NeedClaimSortField, {
  name: 'NeedClaimSortField',
  description: '认领排序字段 What to sort claims by (ties are broken by ID)',
  valuesConfig: {
    CLAIMED_AT: { description: '按认领时间 By when it was claimed' },
    UPDATED_AT: { description: '按最后变动时间（撤回、完成）By when it last changed (withdrawn, completed)' },
  },
});

@InputType('NeedClaimOrder', { description: '认领排序 Ordering of a claim list' })
export class NeedClaimOrder {
  @Field(() => NeedClaimSortField, { defaultValue: NeedClaimSortField.CLAIMED_AT, description: '排序字段 Field to sort by' })
  field!: NeedClaimSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: '排序方向，默认从新到旧 Direction; newest first by default' })
  direction!: SortDirection;
}

@ArgsType()
export class NeedClaimsArgs extends ConnectionArgs {
  @Field(() => NeedClaimFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: NeedClaimFilter;

  @Field(() => NeedClaimOrder, { nullable: true, description: '排序（默认按认领时间从新到旧）Ordering; the newest claim first by default' })
  orderBy?: NeedClaimOrder;
}

@ArgsType()
export class NestedNeedClaimsArgs extends ConnectionArgs {
  @Field(() => [NeedClaimState], { nullable: true, description: '认领状态之一 Any of these states' })
  state?: NeedClaimState[];
}
