import { joinSql, rawSql } from '../../db/sql';
import { column, instant, recordFields, registerReadFields, registerReadModel, type FieldPlan } from '../../graphql/plan/read-model';
import { NeedClaimState } from './need-claim.enums';
import { claimReadScope, claimSort, claimStateCondition } from './need-claim.reader';
import { claimantKindSql, NEED_CLAIM_COLUMNS, toNeedClaimRecord } from './need-claim.types';

/** The claims of a parent row whose id is in the claim's column `parent`, newest first, optionally of some states. */
function claimsOf(parent: 'need_id' | 'organization_id' | 'person_id' | 'volunteer_team_id'): FieldPlan {
  return {
    kind: 'connection',
    type: 'NeedClaim',
    where: (t, c, args) => {
      const conditions = [rawSql(`${c}.${parent} = ${t}.id`)];
      const states = args.state as NeedClaimState[] | null | undefined;
      if (states?.length) conditions.push(claimStateCondition(c, states));
      return joinSql(conditions, ' and ');
    },
    sort: (c) => claimSort(c),
  };
}

/** How a NeedClaim is read (see graphql/plan/read-model.ts), and the claim lists of needs and claimants. */
export function registerNeedClaimReadModel(): void {
  registerReadModel({
    type: 'NeedClaim',
    table: 'need_claim',
    key: 'id',
    record: { columns: NEED_CLAIM_COLUMNS, from: 'need_claim c', alias: 'c', toRecord: toNeedClaimRecord },
    rows: (principal, t) => claimReadScope(principal, t),
    fields: {
      ...recordFields('NeedClaim'),
      claimantKind: { kind: 'value', sql: (t) => claimantKindSql(t) },
      state: column('state'),
      claimedAt: instant('claimed_at'),
      note: column('note'),
      withdrawnAt: instant('withdrawn_at'),
      withdrawalReason: column('withdrawal_reason'),
      completedAt: instant('completed_at'),
      need: { kind: 'one', type: 'Need', key: (t) => `${t}.need_id` },
      organization: { kind: 'one', type: 'Organization', key: (t) => `${t}.organization_id` },
      person: { kind: 'one', type: 'Person', key: (t) => `${t}.person_id` },
      volunteerTeam: { kind: 'one', type: 'VolunteerTeam', key: (t) => `${t}.volunteer_team_id` },
      coBuilding: { kind: 'one', type: 'CoBuilding', key: (t) => `${t}.co_building_id` },
    },
  });
  registerReadFields('Need', {
    claims: claimsOf('need_id'),
    activeClaim: { kind: 'one', type: 'NeedClaim', key: (t) => `(select ac.id from need_claim ac where ac.need_id = ${t}.id and ac.state = '${NeedClaimState.ACTIVE}')` },
  });
  registerReadFields('Organization', { needClaims: claimsOf('organization_id') });
  registerReadFields('Person', { needClaims: claimsOf('person_id') });
  registerReadFields('VolunteerTeam', { needClaims: claimsOf('volunteer_team_id') });
}
