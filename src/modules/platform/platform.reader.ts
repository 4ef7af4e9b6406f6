import { fetchKeysetPage } from '../../db/keyset';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { badInputOf, localIdOf, notAnId, type Page, type PageRequest } from '../../graphql/relay';
import { PLATFORM_KINDS } from './platform.enums';
import type { PlatformFilter } from './platform.inputs';
import { PLATFORM_COLUMNS, toPlatformRecord, type PlatformRecord, type PlatformRow } from './platform.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function platformsByIds(db: SqlReader, ids: readonly string[]): Promise<PlatformRecord[]> {
  const rows = await db.all<PlatformRow>(`select ${PLATFORM_COLUMNS} from platform p where p.id = any(?::uuid[])`, [ids]);
  return rows.map(toPlatformRecord);
}

/**
 * Every platform (active or not) of the given stations, in kind order then name: one query for a
 * whole page of stations. Stations hold a handful of platforms, so callers filter by kind and
 * active flag in memory and any mix of field arguments still costs this one query.
 */
export async function platformsByStationIds(db: SqlReader, stationIds: readonly string[]): Promise<PlatformRecord[]> {
  const rows = await db.all<PlatformRow>(
    `select ${PLATFORM_COLUMNS} from platform p where p.station_id = any(?::uuid[])
     order by p.station_id, array_position(?::text[], p.kind::text), p.name, p.id`,
    [stationIds, PLATFORM_KINDS],
  );
  return rows.map(toPlatformRecord);
}

export async function platformByOwnerRef(db: SqlReader, departmentCode: string, ownerRef: string): Promise<PlatformRecord | null> {
  const row = await db.one<PlatformRow>(
    `select ${PLATFORM_COLUMNS} from platform p join department d on d.id = p.department_id where d.code = ? and p.owner_ref = ?`,
    [departmentCode, ownerRef],
  );
  return row ? toPlatformRecord(row) : null;
}

/** Turns the GraphQL filter into SQL; a malformed station ID is a BAD_USER_INPUT error. */
export function compilePlatformFilter(filter: PlatformFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (!filter?.includeInactive) conditions.push(rawSql('p.active'));
  if (filter?.kind?.length) conditions.push(sql`p.kind = any(${filter.kind}::text[])`);
  if (filter?.departmentCode != null) {
    conditions.push(sql`p.department_id = (select d.id from department d where d.code = ${filter.departmentCode.trim()})`);
  }
  if (filter?.regionCode) {
    conditions.push(sql`p.station_id in (select s.id from station s where s.region_id in
      (select r.id from region r where r.path like (select x.path from region x where x.code = ${filter.regionCode}) || '%'))`);
  }
  if (filter?.stationId != null) {
    const stationId = localIdOf(filter.stationId, 'Station');
    if (!stationId) throw notAnId('filter.stationId', 'Station');
    conditions.push(sql`p.station_id = ${stationId}::uuid`);
  }
  const search = filter?.search?.trim();
  if (search) {
    // Same expression as the trigram index platform_search_trgm_idx.
    conditions.push(sql`(p.name || ' ' || p.owner_ref) ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** Platforms ordered by name, keyset-paged. */
export function listPlatforms(db: SqlReader, filter: PlatformFilter | undefined, request: PageRequest): Promise<Page<PlatformRecord>> {
  return fetchKeysetPage<PlatformRow, PlatformRecord>(
    db,
    {
      columns: PLATFORM_COLUMNS,
      from: 'platform p',
      where: compilePlatformFilter(filter),
      sort: { expression: rawSql('p.name'), type: 'text' },
      id: { expression: 'p.id', type: 'uuid' },
      descending: false,
      idOf: (row) => row.id,
    },
    request,
    toPlatformRecord,
  );
}

/** One department's slice of a windowed page: up to size + 1 records in query order, with their cursors. */
export interface PlatformWindow {
  records: PlatformRecord[];
  cursors: [string, string][];
}

/**
 * The same page (ordered by owner reference) of several departments' platforms in ONE windowed
 * query: row_number() per department, cut at size + 1 so each department's page knows whether
 * more follow. The cursor is the same for every department of the batch, as it comes from the
 * same field arguments.
 */
export async function departmentPlatformWindows(
  db: SqlReader,
  departmentIds: readonly string[],
  request: PageRequest,
  includeInactive: boolean,
): Promise<Map<string, PlatformWindow>> {
  const ascending = !request.backward;
  const direction = rawSql(ascending ? 'asc' : 'desc');
  const conditions: SqlFragment[] = [sql`p.department_id = any(${departmentIds}::uuid[])`];
  if (!includeInactive) conditions.push(rawSql('p.active'));
  if (request.cursor) {
    const [value, id] = request.cursor;
    if (typeof value !== 'string' || typeof id !== 'string' || !UUID.test(id)) {
      throw badInputOf('CURSOR_INVALID', {}, request.backward ? 'before' : 'after');
    }
    conditions.push(sql`(p.owner_ref, p.id) ${rawSql(ascending ? '>' : '<')} (${value}::text, ${id}::uuid)`);
  }
  const statement = sql`select * from (
      select ${rawSql(PLATFORM_COLUMNS)},
        row_number() over (partition by p.department_id order by p.owner_ref ${direction}, p.id ${direction}) as window_rank
      from platform p where ${joinSql(conditions, ' and ')}
    ) w where w.window_rank <= ${request.size + 1} order by w.department_id, w.window_rank`;
  const rows = await db.all<PlatformRow>(statement.text, statement.bindings);
  const windows = new Map<string, PlatformWindow>();
  for (const row of rows) {
    let window = windows.get(row.department_id);
    if (!window) windows.set(row.department_id, (window = { records: [], cursors: [] }));
    window.records.push(toPlatformRecord(row));
    window.cursors.push([row.owner_ref, row.id]);
  }
  return windows;
}

/** Platforms per department in one grouped count; keys are "departmentId" (active only) or "departmentId:all". */
export async function departmentPlatformCounts(db: SqlReader, keys: readonly string[]): Promise<{ key: string; count: number }[]> {
  const ids = [...new Set(keys.map((key) => key.split(':')[0]))];
  const rows = await db.all<{ department_id: string; total: number; active: number }>(
    `select p.department_id, count(*)::int as total, (count(*) filter (where p.active))::int as active
     from platform p where p.department_id = any(?::uuid[]) group by p.department_id`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.department_id, row]));
  return keys.map((key) => {
    const [id, scope] = key.split(':');
    const row = byId.get(id);
    return { key, count: row ? (scope === 'all' ? row.total : row.active) : 0 };
  });
}
