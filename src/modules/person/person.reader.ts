import type { SortValueType } from '../../db/keyset';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { PlannedList } from '../../graphql/plan/planner';
import { badInputOf, localIdOf, notAnId, type PageRequest } from '../../graphql/relay';
import { inRegionSubtree } from '../region/region-subtree';
import { SortDirection } from '../station/station.inputs';
import { PersonSortField, type PersonFilter, type PersonOrder } from './person.inputs';
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
    if (!organizationId) throw notAnId('filter.organizationId', 'Organization');
    conditions.push(sql`p.organization_id = ${organizationId}::uuid`);
  }
  if (filter?.regionCode) {
    conditions.push(inRegionSubtree('p.region_id', filter.regionCode));
  }
  const search = filter?.search?.trim();
  if (search) conditions.push(sql`p.name ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_KEYS: Record<PersonSortField, { expression: string; type: SortValueType }> = {
  REGION: { expression: "coalesce(pr.code, '')", type: 'text' },
  CREATED_AT: { expression: 'p.created_at', type: 'timestamptz' },
  NAME: { expression: 'p.name', type: 'text' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A person's name and region path by ID, for a NAME-ordered cursor (which carries only the ID). */
export async function personNameAndRegionPath(db: SqlReader, id: string): Promise<{ name: string; path: string | null } | null> {
  return (await db.one<{ name: string; path: string | null }>('select p.name, r.path from person p left join region r on r.id = p.region_id where p.id = ?::uuid', [id])) ?? null;
}

/**
 * The people a list asks for, ordered by `order` (by default the code of the region they serve),
 * ties by ID, as the planner reads them (alias `p`). Cursors never carry a personal value: ordered
 * by NAME, a cursor holds only the person's ID and the name to continue from is read here.
 * `mayContinueFrom` says whether the caller sees that person's name whole; a cursor pointing at
 * anyone else (a forged one, to learn where a masked name sorts) is refused like any invalid cursor.
 */
export async function personList(
  db: SqlReader,
  filter: PersonFilter | undefined,
  order: PersonOrder | undefined,
  request: PageRequest,
  mayContinueFrom: (regionPath: string | null) => boolean,
): Promise<PlannedList> {
  const field = order?.field ?? PersonSortField.REGION;
  const byName = field === PersonSortField.NAME;
  let keysetRequest = request;
  if (byName && request.cursor) {
    const [id] = request.cursor;
    const from = typeof id === 'string' && UUID.test(id) ? await personNameAndRegionPath(db, id) : null;
    if (!from || !mayContinueFrom(from.path)) {
      throw badInputOf('CURSOR_INVALID', {}, request.backward ? 'before' : 'after');
    }
    keysetRequest = { ...request, cursor: [from.name, id] };
  }
  return {
    nodeType: 'Person',
    from: 'person p left join region pr on pr.id = p.region_id',
    alias: 'p',
    where: compilePersonFilter(filter),
    sort: { expression: rawSql(SORT_KEYS[field].expression), type: SORT_KEYS[field].type },
    id: { expression: 'p.id', type: 'uuid' },
    descending: (order?.direction ?? SortDirection.ASC) === SortDirection.DESC,
    request: keysetRequest,
    idOnlyCursor: byName,
  };
}
