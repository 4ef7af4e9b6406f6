import type { Principal } from '../../auth/principal';
import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { listInOrder, type PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import type { PageRequest } from '../../graphql/relay';
import { recordIdCondition, timeWindowConditions } from '../../graphql/plan/list-filters';
import { withReadableNeed } from '../need/need.reader';
import { inRegionSubtree } from '../region/region-subtree';
import type { NeedClaimState } from './need-claim.enums';
import { NeedClaimSortField, type NeedClaimFilter, type NeedClaimOrder } from './need-claim.inputs';
import { SortDirection } from '../station/station.inputs';
import { NEED_CLAIM_COLUMNS, toNeedClaimRecord, type NeedClaimRecord, type NeedClaimRow } from './need-claim.types';

/** Which claims (alias `c`) a caller may read: those of the needs it may read (see needReadScope). */
export function claimReadScope(principal: Principal, c: string): SqlFragment {
  return withReadableNeed(principal, `${c}.need_id`);
}

/** Claims by id that the caller may read (node(id), the change feed's records). */
export async function visibleClaimsByIds(db: SqlReader, principal: Principal, ids: readonly string[]): Promise<NeedClaimRecord[]> {
  const statement = sql`select ${rawSql(NEED_CLAIM_COLUMNS)} from need_claim c where c.id = any(${ids}::uuid[]) and ${claimReadScope(principal, 'c')}`;
  return (await db.all<NeedClaimRow>(statement.text, statement.bindings)).map(toNeedClaimRecord);
}

/** Claims by id, whatever the caller may see: for writes. */
export async function claimsByIds(db: SqlReader, ids: readonly string[]): Promise<NeedClaimRecord[]> {
  return (await db.all<NeedClaimRow>(`select ${NEED_CLAIM_COLUMNS} from need_claim c where c.id = any(?::uuid[])`, [ids])).map(toNeedClaimRecord);
}

/** States among these, for claims aliased `c`. */
export function claimStateCondition(c: string, states: readonly NeedClaimState[]): SqlFragment {
  return sql`${rawSql(`${c}.state`)} = any(${states}::text[])`;
}

/** The order of a claim list (alias `c`): newest claim first unless ordered otherwise; ties by id. */
export function claimSort(c: string, order?: NeedClaimOrder | null): PlannedSort {
  return {
    expression: order?.field === NeedClaimSortField.UPDATED_AT ? `${c}.updated_at` : `${c}.claimed_at`,
    type: 'timestamptz',
    id: `${c}.id`,
    idType: 'uuid',
    descending: (order?.direction ?? SortDirection.DESC) === SortDirection.DESC,
  };
}

/** The claims a root list asks for (alias `c`), newest first; the planner keeps to those the caller may read (NeedClaim's row rule). */
export function needClaimList(filter: NeedClaimFilter | undefined, order: NeedClaimOrder | undefined, request: PageRequest): PlannedList {
  const conditions: SqlFragment[] = [rawSql('true')];
  if (filter?.state?.length) conditions.push(claimStateCondition('c', filter.state));
  if (filter?.regionCode) conditions.push(sql`exists (select 1 from need rn where rn.id = c.need_id and ${inRegionSubtree('rn.region_id', filter.regionCode)})`);
  if (filter?.needKind?.length) conditions.push(sql`exists (select 1 from need kn where kn.id = c.need_id and kn.kind = any(${filter.needKind}::text[]))`);
  conditions.push(...timeWindowConditions('c.claimed_at', { from: filter?.claimedFrom, to: filter?.claimedTo }, { from: 'filter.claimedFrom', to: 'filter.claimedTo' }));
  for (const condition of [
    recordIdCondition('c.organization_id', 'filter.organizationId', filter?.organizationId, 'Organization'),
    recordIdCondition('c.person_id', 'filter.personId', filter?.personId, 'Person'),
    recordIdCondition('c.volunteer_team_id', 'filter.volunteerTeamId', filter?.volunteerTeamId, 'VolunteerTeam'),
  ]) {
    if (condition) conditions.push(condition);
  }
  return listInOrder({ nodeType: 'NeedClaim', table: 'need_claim', alias: 'c', where: joinSql(conditions, ' and '), request }, claimSort('c', order));
}
