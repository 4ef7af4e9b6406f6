import { fetchKeysetPage } from '../../db/keyset';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { badInput, localIdOf, type Page, type PageRequest } from '../../graphql/relay';
import type { PersonFilter } from './person.inputs';
import { PERSON_COLUMNS, toPersonRecord, type PersonRecord, type PersonRow } from './person.types';

export async function peopleByIds(db: SqlReader, ids: readonly string[]): Promise<PersonRecord[]> {
  const rows = await db.all<PersonRow>(`select ${PERSON_COLUMNS} from person p where p.id = any(?::uuid[])`, [ids]);
  return rows.map(toPersonRecord);
}

function compilePersonFilter(filter: PersonFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (!filter?.includeInactive) conditions.push(rawSql('p.active'));
  if (filter?.role?.length) conditions.push(sql`p.role = any(${filter.role}::text[])`);
  if (filter?.organizationId) {
    const organizationId = localIdOf(filter.organizationId, 'Organization');
    if (!organizationId) throw badInput('filter.organizationId is not an Organization ID', 'filter.organizationId');
    conditions.push(sql`p.organization_id = ${organizationId}::uuid`);
  }
  if (filter?.regionCode) {
    conditions.push(sql`p.region_id in (select x.id from region x where x.path like (select r.path from region r where r.code = ${filter.regionCode}) || '%')`);
  }
  const search = filter?.search?.trim();
  if (search) conditions.push(sql`p.name ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** People ordered by name (then id), keyset-paged. */
export function listPeople(db: SqlReader, filter: PersonFilter | undefined, request: PageRequest): Promise<Page<PersonRecord>> {
  return fetchKeysetPage<PersonRow, PersonRecord>(
    db,
    {
      columns: PERSON_COLUMNS,
      from: 'person p',
      where: compilePersonFilter(filter),
      sort: { expression: rawSql('p.name'), type: 'text' },
      id: { expression: 'p.id', type: 'uuid' },
      descending: false,
      idOf: (row) => row.id,
    },
    request,
    toPersonRecord,
  );
}
