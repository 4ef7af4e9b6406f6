import { fetchKeysetPage } from '../../db/keyset';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { badInputOf, localIdOf, MAX_PAGE_SIZE, notAnId, type Page, type PageRequest } from '../../graphql/relay';
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

/** "Starts in [from, to)": both bounds optional. */
function startsWithin(from: Date | undefined | null, to: Date | undefined | null): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (from) conditions.push(sql`a.starts_at >= ${from.toISOString()}::timestamptz`);
  if (to) conditions.push(sql`a.starts_at < ${to.toISOString()}::timestamptz`);
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
    conditions.push(sql`a.station_id in (select s.id from station s where s.region_id in
      (select d.id from region d where d.path like (select p.path from region p where p.code = ${filter.regionCode.trim()}) || '%'))`);
  }
  checkWindow(filter?.from, filter?.to, 'filter.');
  conditions.push(...startsWithin(filter?.from, filter?.to));
  const search = filter?.search?.trim();
  if (search) {
    // Same expression as the trigram index activity_search_trgm_idx.
    conditions.push(sql`(a.title || ' ' || coalesce(a.description, '')) ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_KEYS: Record<ActivitySortField, string> = {
  [ActivitySortField.STARTS_AT]: 'a.starts_at',
  [ActivitySortField.CREATED_AT]: 'a.created_at',
};

/** Activities, newest start first unless ordered otherwise, keyset-paged. */
export function listActivities(db: SqlReader, filter: ActivityFilter | undefined, order: ActivityOrder | undefined, request: PageRequest): Promise<Page<ActivityRecord>> {
  return fetchKeysetPage<ActivityRow, ActivityRecord>(
    db,
    {
      columns: ACTIVITY_COLUMNS,
      from: 'activity a',
      where: compileActivityFilter(filter),
      sort: { expression: rawSql(SORT_KEYS[order?.field ?? ActivitySortField.STARTS_AT]), type: 'timestamptz' },
      id: { expression: 'a.id', type: 'uuid' },
      descending: (order?.direction ?? SortDirection.DESC) === SortDirection.DESC,
      idOf: (row) => row.id,
    },
    request,
    toActivityRecord,
  );
}

/** Arguments of station.activities and organization.activities (ISO strings, so they make a stable batch key). */
export interface NestedActivitiesParams {
  first: number;
  from: string | null;
  to: string | null;
}

/** Checks a nested list's arguments; malformed ones are BAD_USER_INPUT errors. */
export function nestedActivitiesParams(first: number, from: Date | null | undefined, to: Date | null | undefined): NestedActivitiesParams {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInputOf('PAGE_SIZE_RANGE', { name: 'first', max: MAX_PAGE_SIZE, value: first }, 'first');
  checkWindow(from, to, '');
  return { first, from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
}

/**
 * The latest `first` activities of each of many stations or organizers, newest start first:
 * one windowed query for the whole batch.
 */
export async function activitiesOfParents(
  db: SqlReader,
  parent: 'station' | 'organizer',
  parentIds: string[],
  params: NestedActivitiesParams,
): Promise<ActivityRecord[]> {
  const column = rawSql(parent === 'station' ? 'a.station_id' : 'a.organizer_id');
  const window = startsWithin(params.from ? new Date(params.from) : null, params.to ? new Date(params.to) : null);
  const where = joinSql([sql`${column} = any(${parentIds}::uuid[])`, ...window], ' and ');
  const query = sql`select * from (
      select ${rawSql(ACTIVITY_COLUMNS)},
        row_number() over (partition by ${column} order by a.starts_at desc, a.id desc) as rank
      from activity a where ${where}
    ) ranked where ranked.rank <= ${params.first}
    order by ranked.${rawSql(parent === 'station' ? 'station_id' : 'organizer_id')}, ranked.rank`;
  return (await db.all<ActivityRow>(query.text, query.bindings)).map(toActivityRecord);
}
