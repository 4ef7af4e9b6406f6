import { hasRole, type Principal } from '../../auth/principal';
import { inRegionSubtree } from '../region/region-subtree';
import { Role } from '../../auth/roles';
import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { timeWindowConditions } from '../../graphql/plan/list-filters';
import type { PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import { badInputOf, localIdOf, notAnId, type PageRequest } from '../../graphql/relay';
import { nearFilter } from '../station/station.reader';
import { SortDirection } from '../station/station.inputs';
import type { NeedState } from './need.enums';
import { NeedSortField, type NeedFilter, type NeedOrder } from './need.inputs';
import {
  NEED_COLUMNS,
  NEED_TRANSITION_COLUMNS,
  overdueSql,
  toNeedRecord,
  toNeedTransitionRecord,
  type NeedRecord,
  type NeedRow,
  type NeedTransitionRecord,
  type NeedTransitionRow,
} from './need.types';

/** The per-row distance a need list filtered by `near` computes; its edges carry it. */
export const NEED_DISTANCE_EXTRA = '$distance';

/**
 * Which needs (alias `n`) a caller may read at all: administrators, operators and analysts every
 * one (personal data is masked or left out field by field); a partner department only those
 * referred to it; nobody else any (anonymous callers follow a need by its receipt code only).
 */
export function needReadScope(principal: Principal, n: string): SqlFragment {
  if (hasRole(principal, Role.ADMIN) || hasRole(principal, Role.REGION_OPERATOR) || hasRole(principal, Role.ANALYST)) return rawSql('true');
  if (hasRole(principal, Role.DEPARTMENT_PARTNER) && principal.kind !== 'anonymous' && principal.departmentId) {
    return sql`${rawSql(`${n}.referred_department_id`)} = ${principal.departmentId}::uuid`;
  }
  return rawSql('false');
}

/** Rows that hang off a need (claims, agenda items, steps), whose column `needColumn` names it: readable with their need. */
export function withReadableNeed(principal: Principal, needColumn: string): SqlFragment {
  return sql`exists (select 1 from need n where n.id = ${rawSql(needColumn)} and ${needReadScope(principal, 'n')})`;
}

/** Needs by id, whatever the caller may see: for writes and for loaders whose callers apply the scope. */
export async function needsByIds(db: SqlReader, ids: readonly string[]): Promise<NeedRecord[]> {
  const rows = await db.all<NeedRow>(`select ${NEED_COLUMNS} from need n where n.id = any(?::uuid[])`, [ids]);
  return rows.map(toNeedRecord);
}

/** Needs by id that the caller may read (node(id), the change feed's records). */
export async function visibleNeedsByIds(db: SqlReader, principal: Principal, ids: readonly string[]): Promise<NeedRecord[]> {
  const statement = sql`select ${rawSql(NEED_COLUMNS)} from need n where n.id = any(${ids}::uuid[]) and ${needReadScope(principal, 'n')}`;
  return (await db.all<NeedRow>(statement.text, statement.bindings)).map(toNeedRecord);
}

/** Transitions by id whose need the caller may read. */
export async function visibleTransitionsByIds(db: SqlReader, principal: Principal, ids: readonly string[]): Promise<NeedTransitionRecord[]> {
  const statement = sql`select ${rawSql(NEED_TRANSITION_COLUMNS)} from need_transition x where x.id = any(${ids}::uuid[]) and ${withReadableNeed(principal, 'x.need_id')}`;
  return (await db.all<NeedTransitionRow>(statement.text, statement.bindings)).map(toNeedTransitionRecord);
}

/** A need's public status by its receipt code: state, kind, category, times and the states of its timeline. */
export async function needStatusByReceipt(
  db: SqlReader,
  receiptCode: string,
): Promise<{ receipt_code: string; state: NeedState; kind: string; category: string; created_at: string; updated_at: string; steps: { state: NeedState; at: string }[] } | null> {
  return db.one(
    `select n.receipt_code, n.state, n.kind, n.category, n.created_at, n.updated_at,
            (select coalesce(json_agg(json_build_object('state', x.to_state, 'at', x.occurred_at) order by x.sequence), '[]')
               from need_transition x where x.need_id = n.id) as steps
       from need n where n.receipt_code = ?`,
    [receiptCode],
  );
}

/** "Overdue" or "not overdue" for needs aliased `n`. */
export function overdueCondition(n: string, overdue: boolean): SqlFragment {
  return rawSql(overdue ? overdueSql(n) : `not ${overdueSql(n)}`);
}

/** States among these, for needs aliased `n`. */
export function stateCondition(n: string, states: readonly NeedState[]): SqlFragment {
  return sql`${rawSql(`${n}.state`)} = any(${states}::text[])`;
}

interface CompiledFilter {
  where: SqlFragment;
  distance: SqlFragment | null;
}

function compileNeedFilter(filter: NeedFilter | undefined): CompiledFilter {
  const conditions: SqlFragment[] = [rawSql('true')];
  let distance: SqlFragment | null = null;
  if (filter?.state?.length) conditions.push(stateCondition('n', filter.state));
  if (filter?.kind?.length) conditions.push(sql`n.kind = any(${filter.kind}::text[])`);
  if (filter?.channel?.length) conditions.push(sql`n.channel = any(${filter.channel}::text[])`);
  if (filter?.category?.length) conditions.push(sql`n.category = any(${filter.category}::text[])`);
  if (filter?.stationId) {
    const stationId = localIdOf(filter.stationId, 'Station');
    if (!stationId) throw notAnId('filter.stationId', 'Station');
    conditions.push(sql`n.station_id = ${stationId}::uuid`);
  }
  if (filter?.regionCode) {
    conditions.push(inRegionSubtree('n.region_id', filter.regionCode));
  }
  if (filter?.referredDepartmentCode) {
    conditions.push(sql`n.referred_department_id = (select dep.id from department dep where dep.code = ${filter.referredDepartmentCode.trim()})`);
  }
  if (filter?.overdue != null) conditions.push(overdueCondition('n', filter.overdue));
  conditions.push(...timeWindowConditions('n.created_at', { from: filter?.submittedFrom, to: filter?.submittedTo }, { from: 'filter.submittedFrom', to: 'filter.submittedTo' }));
  // A need is resolved once (RESOLVED leads only on to CLOSED): the time of that move in its timeline.
  const resolved = timeWindowConditions('rx.occurred_at', { from: filter?.resolvedFrom, to: filter?.resolvedTo }, { from: 'filter.resolvedFrom', to: 'filter.resolvedTo' });
  if (resolved.length) {
    conditions.push(sql`exists (select 1 from need_transition rx where rx.need_id = n.id and rx.to_state = 'RESOLVED' and ${joinSql(resolved, ' and ')})`);
  }
  if (filter?.near) {
    // Needs may have no location: the GiST index need_earth_idx is partial on those that have one.
    const near = nearFilter('n', filter.near, true);
    conditions.push(...near.conditions);
    distance = near.distance;
  }
  return { where: joinSql(conditions, ' and '), distance };
}

const SORT_EXPRESSIONS: Record<Exclude<NeedSortField, NeedSortField.DISTANCE>, (n: string) => string> = {
  [NeedSortField.SUBMITTED_AT]: (n) => `${n}.created_at`,
  [NeedSortField.UPDATED_AT]: (n) => `${n}.updated_at`,
  // Needs without a deadline sort after every real one.
  [NeedSortField.DEADLINE]: (n) => `coalesce(${n}.deadline, timestamptz '9999-12-31 00:00:00+00')`,
};

/** The order of a nested need list (alias `n`): newest first; ties by id. */
export function needSort(n: string): PlannedSort {
  return { expression: `${n}.created_at`, type: 'timestamptz', id: `${n}.id`, idType: 'uuid', descending: true };
}

/** The needs a root list asks for, as the planner reads them (alias `n`); the planner keeps to those the caller may read (Need's row rule). */
export function needList(filter: NeedFilter | undefined, order: NeedOrder | undefined, request: PageRequest): PlannedList {
  const compiled = compileNeedFilter(filter);
  const field = order?.field ?? (compiled.distance ? NeedSortField.DISTANCE : NeedSortField.SUBMITTED_AT);
  let sort: PlannedList['sort'];
  if (field === NeedSortField.DISTANCE) {
    if (!compiled.distance) throw badInputOf('DISTANCE_SORT_NEEDS_NEAR', {}, 'orderBy.field');
    sort = { expression: compiled.distance, type: 'float8' };
  } else {
    sort = { expression: rawSql(SORT_EXPRESSIONS[field]('n')), type: 'timestamptz' };
  }
  // Times newest first; deadlines soonest and distances nearest first.
  const newestFirst = field === NeedSortField.SUBMITTED_AT || field === NeedSortField.UPDATED_AT;
  const descending = order?.direction ? order.direction === SortDirection.DESC : newestFirst;
  return {
    nodeType: 'Need',
    from: 'need n',
    alias: 'n',
    where: compiled.where,
    sort,
    id: { expression: 'n.id', type: 'uuid' },
    descending,
    request,
    extras: compiled.distance ? { [NEED_DISTANCE_EXTRA]: compiled.distance } : undefined,
    edgeValues: compiled.distance ? { distanceMetres: (r) => `round((${r}."${NEED_DISTANCE_EXTRA}")::numeric, 1)::float8` } : undefined,
  };
}

/**
 * The needs list's own conditions for `filter` among the needs the caller may read (alias `n`), for
 * the figures that summarise it (needStats): the list gets the read scope from the planner (Need's
 * row rule); figures are not rows of a type, so they take the same rule here.
 */
export function needFilterWhere(principal: Principal, filter: NeedFilter | undefined): SqlFragment {
  return sql`${compileNeedFilter(filter).where} and ${needReadScope(principal, 'n')}`;
}
