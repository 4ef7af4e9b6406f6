import type { SortValueType } from '../../db/keyset';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { PlannedList } from '../../graphql/plan/planner';
import type { PageRequest } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { DepartmentSortField, type DepartmentFilter, type DepartmentOrder } from './department.inputs';
import { DEPARTMENT_COLUMNS, toDepartmentRecord, type DepartmentRecord, type DepartmentRow } from './department.types';

export async function departmentsByIds(db: SqlReader, ids: readonly string[]): Promise<DepartmentRecord[]> {
  const rows = await db.all<DepartmentRow>(`select ${DEPARTMENT_COLUMNS} from department d where d.id = any(?::uuid[])`, [ids]);
  return rows.map(toDepartmentRecord);
}

export async function departmentsByCodes(db: SqlReader, codes: readonly string[]): Promise<DepartmentRecord[]> {
  const rows = await db.all<DepartmentRow>(`select ${DEPARTMENT_COLUMNS} from department d where d.code = any(?::text[])`, [codes]);
  return rows.map(toDepartmentRecord);
}

function compileDepartmentFilter(filter: DepartmentFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (!filter?.includeInactive) conditions.push(rawSql('d.active'));
  if (filter?.level?.length) conditions.push(sql`d.level = any(${filter.level}::text[])`);
  if (filter?.regionCode) {
    conditions.push(sql`d.region_id in (select x.id from region x where x.path like (select p.path from region p where p.code = ${filter.regionCode}) || '%')`);
  }
  const search = filter?.search?.trim();
  if (search) {
    conditions.push(sql`(d.name || ' ' || coalesce(d.short_name, '') || ' ' || d.code) ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_KEYS: Record<DepartmentSortField, { expression: string; type: SortValueType }> = {
  [DepartmentSortField.CODE]: { expression: 'd.code', type: 'text' },
  [DepartmentSortField.NAME]: { expression: 'd.name', type: 'text' },
  [DepartmentSortField.CREATED_AT]: { expression: 'd.created_at', type: 'timestamptz' },
  [DepartmentSortField.UPDATED_AT]: { expression: 'd.updated_at', type: 'timestamptz' },
};

/** The departments a list asks for, in its order (by code unless told), as the planner reads them (alias `d`). */
export function departmentList(filter: DepartmentFilter | undefined, order: DepartmentOrder | undefined, request: PageRequest): PlannedList {
  const sort = SORT_KEYS[order?.field ?? DepartmentSortField.CODE];
  return {
    nodeType: 'Department',
    from: 'department d',
    alias: 'd',
    where: compileDepartmentFilter(filter),
    sort: { expression: rawSql(sort.expression), type: sort.type },
    id: { expression: 'd.id', type: 'uuid' },
    descending: order?.direction === SortDirection.DESC,
    request,
  };
}
