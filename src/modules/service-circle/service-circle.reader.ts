import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { inRegionSubtree } from '../region/region-subtree';
import type { PageRequest } from '../../graphql/relay';
import { sortedList, type PlannedList, type SortKey } from '../../graphql/plan/planner';
import { ServiceCircleSortField, type ServiceCircleFilter, type ServiceCircleOrder } from './service-circle.inputs';
import { CIRCLE_COLUMNS, toServiceCircleRecord, type ServiceCircleRecord, type ServiceCircleRow } from './service-circle.types';

export async function circlesByIds(db: SqlReader, ids: readonly string[]): Promise<ServiceCircleRecord[]> {
  const rows = await db.all<ServiceCircleRow>(`select ${CIRCLE_COLUMNS} from service_circle c where c.id = any(?::uuid[])`, [ids]);
  return rows.map(toServiceCircleRecord);
}

const SORT_KEYS: Record<ServiceCircleSortField, SortKey> = {
  [ServiceCircleSortField.CODE]: { expression: 'c.code', type: 'text', unique: true },
  [ServiceCircleSortField.NAME]: { expression: 'c.name', type: 'text' },
};

/** "Circle `c` has an open station (not archived)": the coverage target, as the list filter and circleCoverage count it. */
function hasOpenStation(c: string): SqlFragment {
  return rawSql(`exists (select 1 from station s where s.circle_id = ${c}.id and s.status = 'OPEN' and s.archived_at is null)`);
}

/** The service-circle filter as SQL over alias `c`: the list's, and the coverage figures'. */
export function compileServiceCircleFilter(filter: ServiceCircleFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [rawSql('true')];
  if (filter?.regionCode) {
    conditions.push(inRegionSubtree('c.district_id', filter.regionCode));
  }
  if (filter?.search?.trim()) conditions.push(sql`c.name like ${`%${escapeLike(filter.search.trim())}%`} escape '\\'`);
  if (filter?.hasOpenStation != null) {
    const exists = hasOpenStation('c');
    conditions.push(filter.hasOpenStation ? exists : sql`not ${exists}`);
  }
  return joinSql(conditions, ' and ');
}

/** Service circles in the order asked for (by code by default), as the planner reads them (alias `c`). */
export function serviceCircleList(filter: ServiceCircleFilter | undefined, order: ServiceCircleOrder | undefined, request: PageRequest): PlannedList {
  return sortedList(
    { nodeType: 'ServiceCircle', table: 'service_circle', alias: 'c', where: compileServiceCircleFilter(filter), request },
    SORT_KEYS,
    order,
    ServiceCircleSortField.CODE,
  );
}
