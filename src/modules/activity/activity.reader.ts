import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { stationIdsInRegionSubtree } from '../region/region-subtree';
import { listInOrder, type PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import { badInputOf, localIdOf, notAnId, type PageRequest } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { ActivitySortField, type ActivityFilter, type ActivityOrder } from './activity.inputs';
import { ACTIVITY_COLUMNS, toActivityRecord, type ActivityRecord, type ActivityRow } from './activity.types';

export async function activitiesByIds(db: SqlReader, ids: readonly string[]): Promise<ActivityRecord[]> {
  const rows = await db.all<ActivityRow>(`select ${ACTIVITY_COLUMNS} from activity a where a.id = any(?::uuid[])`, [ids]);
  return rows.map(toActivityRecord);
}

function checkWindow(from: Date | undefined | null, to: Date | undefined | null, field: string): void {
  if (from && to && to <= from) throw badInputOf('TIME_WINDOW_INVALID', { from: `${field}from`, to: `${field}to` }, `${field}to`);
}

/**
 * "Starts in [from, to)" for activities aliased `a`, both bounds optional; `field` prefixes the
 * argument names in the error about a window that ends before it starts.
 */
export function startsWithin(a: string, from: Date | undefined | null, to: Date | undefined | null, field = ''): SqlFragment[] {
  checkWindow(from, to, field);
  const conditions: SqlFragment[] = [];
  if (from) conditions.push(sql`${rawSql(`${a}.starts_at`)} >= ${from.toISOString()}::timestamptz`);
  if (to) conditions.push(sql`${rawSql(`${a}.starts_at`)} < ${to.toISOString()}::timestamptz`);
  return conditions;
}

function compileActivityFilter(filter: ActivityFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter?.stationId) {
    const stationId = localIdOf(filter.stationId, 'Station');
    if (!stationId) throw notAnId('filter.stationId', 'Station');
    conditions.push(sql`a.station_id = ${stationId}::uuid`);
  }
  if (filter?.organizerId) {
    const organizerId = localIdOf(filter.organizerId, 'Organization');
    if (!organizerId) throw notAnId('filter.organizerId', 'Organization');
    conditions.push(sql`a.organizer_id = ${organizerId}::uuid`);
  }
  if (filter?.category) conditions.push(sql`a.category = ${filter.category}`);
  if (filter?.regionCode) {
    conditions.push(sql`a.station_id in (${stationIdsInRegionSubtree(filter.regionCode)})`);
  }
  conditions.push(...startsWithin('a', filter?.from, filter?.to, 'filter.'));
  const search = filter?.search?.trim();
  if (search) {
    // Same expression as the trigram index activity_search_trgm_idx.
    conditions.push(sql`(a.title || ' ' || coalesce(a.description, '')) ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_COLUMNS: Record<ActivitySortField, string> = {
  [ActivitySortField.STARTS_AT]: 'starts_at',
  [ActivitySortField.CREATED_AT]: 'created_at',
};

/** The order of an activity list (alias `a`): newest start first unless ordered otherwise; ties by id. */
export function activitySort(a: string, order: ActivityOrder | null | undefined): PlannedSort {
  return {
    expression: `${a}.${SORT_COLUMNS[order?.field ?? ActivitySortField.STARTS_AT]}`,
    type: 'timestamptz',
    id: `${a}.id`,
    idType: 'uuid',
    descending: (order?.direction ?? SortDirection.DESC) === SortDirection.DESC,
  };
}

/** The activities a root list asks for, in its order, as the planner reads them (alias `a`). */
export function activityList(filter: ActivityFilter | undefined, order: ActivityOrder | undefined, request: PageRequest): PlannedList {
  return listInOrder({ nodeType: 'Activity', table: 'activity', alias: 'a', where: compileActivityFilter(filter), request }, activitySort('a', order));
}
