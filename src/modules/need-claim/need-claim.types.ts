import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SignedIn } from '../../auth/visibility';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { VersionedNode } from '../../graphql/record-types';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { NeedClaim } from './need-claim.entity';
import { NeedClaimantKind, NeedClaimState } from './need-claim.enums';

registerEnumType(NeedClaimState, {
  name: 'NeedClaimState',
  description: '认领状态 Where a claim stands',
  valuesConfig: {
    ACTIVE: { description: '认领中：认领方正在办理 Active: the claimant is taking care of the need' },
    WITHDRAWN: { description: '已撤回：需求回到微实事清单待认领 Withdrawn: the need went back to the list' },
    COMPLETED: { description: '已完成：需求已在本次认领下解决 Completed: the need was resolved under this claim' },
  },
});

registerEnumType(NeedClaimantKind, {
  name: 'NeedClaimantKind',
  description: '认领方类型 Who claimed the need',
  valuesConfig: {
    ORGANIZATION: { description: '组织（党组织、共建单位、社会组织等）An organization: a party organization, a co-building unit, a social organization…' },
    PERSON: { description: '个人（党员）A person, e.g. a dual-reporting party member' },
    VOLUNTEER_TEAM: { description: '志愿服务队伍 A volunteer team' },
  },
});

/** A claim as the read paths carry it. */
export interface NeedClaimRecord {
  __typename: 'NeedClaim';
  id: string;
  dbId: string;
  needId: string;
  organizationId: string | null;
  personId: string | null;
  volunteerTeamId: string | null;
  coBuildingId: string | null;
  claimantKind: NeedClaimantKind;
  state: NeedClaimState;
  claimedAt: Date;
  note: string | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  completedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const CLAIM_PROPERTIES = [
  'id',
  'need',
  'organization',
  'person',
  'volunteerTeam',
  'coBuilding',
  'state',
  'claimedAt',
  'note',
  'withdrawnAt',
  'withdrawalReason',
  'completedAt',
  'version',
  'createdAt',
  'updatedAt',
] as const;

/** The claimant's kind for a claim aliased `c`, in SQL. */
export function claimantKindSql(c: string): string {
  return `(case when ${c}.organization_id is not null then 'ORGANIZATION' when ${c}.person_id is not null then 'PERSON' else 'VOLUNTEER_TEAM' end)`;
}

export type NeedClaimRow = RowOf<NeedClaim, (typeof CLAIM_PROPERTIES)[number]>;
export const NEED_CLAIM_COLUMNS = columnsOf(NeedClaim, 'c', CLAIM_PROPERTIES);

export function toNeedClaimRecord(row: NeedClaimRow): NeedClaimRecord {
  return {
    __typename: 'NeedClaim',
    id: toGlobalId('NeedClaim', row.id),
    dbId: row.id,
    needId: row.need_id,
    organizationId: row.organization_id,
    personId: row.person_id,
    volunteerTeamId: row.volunteer_team_id,
    coBuildingId: row.co_building_id,
    claimantKind: row.organization_id ? NeedClaimantKind.ORGANIZATION : row.person_id ? NeedClaimantKind.PERSON : NeedClaimantKind.VOLUNTEER_TEAM,
    state: row.state,
    claimedAt: toDate(row.claimed_at),
    note: row.note,
    withdrawnAt: toDate(row.withdrawn_at),
    withdrawalReason: row.withdrawal_reason,
    completedAt: toDate(row.completed_at),
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('NeedClaim', {
  implements: Node,
  simpleResolvers: true,
  description:
    '需求认领（点单）：党组织、党员、志愿服务队伍或共建单位认领微实事清单上的需求；每个需求同一时间至多一个有效认领 A claim of a listed need by an organization, a party member or a volunteer team; a need has at most one active claim at a time',
})
export class NeedClaimType extends VersionedNode(SignedIn, { createdAt: '登记时间 When the claim was recorded' }) {
  @SignedIn()
  @Field(() => NeedClaimantKind, {
    description: '认领方类型（organization、person、volunteerTeam 三者恰有一项）Who the claimant is: exactly one of organization, person and volunteerTeam is set',
  })
  claimantKind!: NeedClaimantKind;

  @SignedIn()
  @Field(() => NeedClaimState, { description: '认领状态 Where the claim stands' })
  state!: NeedClaimState;

  @SignedIn()
  @Field(() => DateTimeScalar, { description: '认领时间 When it was claimed' })
  claimedAt!: Date;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '认领说明（如承诺的办理方式、时限）A note: how and by when the claimant means to settle it' })
  note!: string | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { nullable: true, description: '撤回时间（撤回时填写）When it was withdrawn, if it was' })
  withdrawnAt!: Date | null;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '撤回理由 Why it was withdrawn, if it was' })
  withdrawalReason!: string | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { nullable: true, description: '完成时间：需求在本次认领下解决的时间 When the need was resolved under this claim' })
  completedAt!: Date | null;
}

export const NeedClaimConnection = connectionTypeOf(NeedClaimType, 'NeedClaim', '需求认领');

const claimPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'claim', type: () => NeedClaimType, zh: '认领', en: 'The claim' });

export const ClaimNeedPayload = claimPayload('ClaimNeedPayload', '认领需求结果 Result of claimNeed');
export const WithdrawNeedClaimPayload = claimPayload('WithdrawNeedClaimPayload', '撤回认领结果 Result of withdrawNeedClaim');

export interface NeedClaimPayload {
  claim: NeedClaimRecord | null;
  userErrors: UserError[];
}
