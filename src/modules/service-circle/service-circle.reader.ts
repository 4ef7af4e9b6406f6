import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { PageRequest } from '../../graphql/relay';
import { listOrderedByText, type PlannedList } from '../../graphql/plan/planner';
import { SortDirection } from '../station/station.inputs';
import { ServiceCircleSortField, type ServiceCircleFilter, type ServiceCircleOrder } from './service-circle.inputs';
import { CIRCLE_COLUMNS, toServiceCircleRecord, type ServiceCircleRecord, type ServiceCircleRow } from './service-circle.types';

export async function circlesByIds(db: SqlReader, ids: readonly string[]): Promise<ServiceCircleRecord[]> {
  const rows = await db.all<ServiceCircleRow>(`select ${CIRCLE_COLUMNS} from service_circle c where c.id = any(?::uuid[])`, [ids]);
  return rows.map(toServiceCircleRecord);
}

const SORT_COLUMNS: Record<ServiceCircleSortField, string> = { [ServiceCircleSortField.CODE]: 'code', [ServiceCircleSortField.NAME]: 'name' };

/** Service circles in the order asked for (by code by default), as the planner reads them (alias `c`). */
export function serviceCircleList(filter: ServiceCircleFilter | undefined, order: ServiceCircleOrder | undefined, request: PageRequest): PlannedList {
  const conditions: SqlFragment[] = [rawSql('true')];
  if (filter?.regionCode) {
    conditions.push(sql`c.district_id in (select d.id from region d where d.path like (select p.path from region p where p.code = ${filter.regionCode}) || '%')`);
  }
  if (filter?.search?.trim()) conditions.push(sql`c.name like ${`%${escapeLike(filter.search.trim())}%`} escape '\\'`);
  if (filter?.hasOpenStation != null) {
    const exists = rawSql(`exists (select 1 from station s where s.circle_id = c.id and s.status = 'OPEN' and s.archived_at is null)`);
    conditions.push(filter.hasOpenStation ? exists : sql`not ${exists}`);
  }
  const descending = order?.direction === SortDirection.DESC;
  return listOrderedByText(
    'ServiceCircle',
    'service_circle',
    'c',
    'uuid',
    joinSql(conditions, ' and '),
    request,
    SORT_COLUMNS[order?.field ?? ServiceCircleSortField.CODE],
    descending,
  );
}
