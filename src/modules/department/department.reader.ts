import { fetchKeysetPage } from '../../db/keyset';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { Page, PageRequest } from '../../graphql/relay';
import type { DepartmentFilter } from './department.inputs';
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

/** Departments ordered by code, keyset-paged. */
export function listDepartments(db: SqlReader, filter: DepartmentFilter | undefined, request: PageRequest): Promise<Page<DepartmentRecord>> {
  return fetchKeysetPage<DepartmentRow, DepartmentRecord>(
    db,
    {
      columns: DEPARTMENT_COLUMNS,
      from: 'department d',
      where: compileDepartmentFilter(filter),
      sort: { expression: rawSql('d.code'), type: 'text' },
      id: { expression: 'd.id', type: 'uuid' },
      descending: false,
      idOf: (row) => row.id,
    },
    request,
    toDepartmentRecord,
  );
}
