import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { toPage, type Page, type PageRequest } from '../../graphql/relay';
import { CIRCLE_COLUMNS, toServiceCircleRecord, type ServiceCircleRecord, type ServiceCircleRow } from './service-circle.types';

export async function circlesByIds(db: SqlReader, ids: readonly string[]): Promise<ServiceCircleRecord[]> {
  const rows = await db.all<ServiceCircleRow>(`select ${CIRCLE_COLUMNS} from service_circle c where c.id = any(?::uuid[])`, [ids]);
  return rows.map(toServiceCircleRecord);
}

export interface ServiceCircleFilter {
  /** Circles of this region (a district, or the city above it). */
  regionCode?: string;
  search?: string;
  /** true: only circles with at least one open station; false: only circles without one. */
  hasOpenStation?: boolean;
}

export async function listServiceCircles(db: SqlReader, filter: ServiceCircleFilter, request: PageRequest): Promise<Page<ServiceCircleRecord>> {
  const conditions: SqlFragment[] = [rawSql('true')];
  if (filter.regionCode) {
    conditions.push(sql`c.district_id in (select d.id from region d where d.path like (select p.path from region p where p.code = ${filter.regionCode}) || '%')`);
  }
  if (filter.search?.trim()) conditions.push(sql`c.name like ${`%${escapeLike(filter.search.trim())}%`} escape '\\'`);
  if (filter.hasOpenStation !== undefined) {
    const exists = rawSql(`exists (select 1 from station s where s.circle_id = c.id and s.status = 'OPEN' and s.archived_at is null)`);
    conditions.push(filter.hasOpenStation ? exists : sql`not ${exists}`);
  }
  const where = joinSql(conditions, ' and ');
  const page = [where];
  if (request.cursor) page.push(sql`c.code ${rawSql(request.backward ? '<' : '>')} ${String(request.cursor[0])}`);
  const query = sql`select ${rawSql(CIRCLE_COLUMNS)} from service_circle c where ${joinSql(page, ' and ')}
    order by c.code ${rawSql(request.backward ? 'desc' : 'asc')} limit ${request.size + 1}`;
  const rows = await db.all<ServiceCircleRow>(query.text, query.bindings);
  return toPage(rows.map(toServiceCircleRecord), request, (circle) => [circle.code], async () => {
    const count = sql`select count(*)::int as count from service_circle c where ${where}`;
    return (await db.one<{ count: number }>(count.text, count.bindings))?.count ?? 0;
  });
}
