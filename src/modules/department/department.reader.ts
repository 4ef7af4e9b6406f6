import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { inRegionSubtree } from '../region/region-subtree';
import { sortedList, type SortKey, type PlannedList } from '../../graphql/plan/planner';
import type { PageRequest } from '../../graphql/relay';
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
    conditions.push(inRegionSubtree('d.region_id', filter.regionCode));
  }
  const search = filter?.search?.trim();
  if (search) {
    conditions.push(sql`(d.name || ' ' || coalesce(d.short_name, '') || ' ' || d.code) ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_KEYS: Record<DepartmentSortField, SortKey> = {
  [DepartmentSortField.CODE]: { expression: 'd.code', type: 'text', unique: true },
  [DepartmentSortField.NAME]: { expression: 'd.name', type: 'text' },
  [DepartmentSortField.CREATED_AT]: { expression: 'd.created_at', type: 'timestamptz' },
  [DepartmentSortField.UPDATED_AT]: { expression: 'd.updated_at', type: 'timestamptz' },
};

/** The departments a list asks for, in its order (by code unless told), as the planner reads them (alias `d`). */
export function departmentList(filter: DepartmentFilter | undefined, order: DepartmentOrder | undefined, request: PageRequest): PlannedList {
  return sortedList({ nodeType: 'Department', table: 'department', alias: 'd', where: compileDepartmentFilter(filter), request }, SORT_KEYS, order, DepartmentSortField.CODE);
}
