import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { sortedList, type SortKey, type PlannedList } from '../../graphql/plan/planner';
import { localIdOf, notAnId, type PageRequest } from '../../graphql/relay';
import { stationIdsInRegionSubtree } from '../region/region-subtree';
import { PlatformSortField, type PlatformFilter, type PlatformOrder } from './platform.inputs';
import { PLATFORM_COLUMNS, toPlatformRecord, type PlatformRecord, type PlatformRow } from './platform.types';

export async function platformsByIds(db: SqlReader, ids: readonly string[]): Promise<PlatformRecord[]> {
  const rows = await db.all<PlatformRow>(`select ${PLATFORM_COLUMNS} from platform p where p.id = any(?::uuid[])`, [ids]);
  return rows.map(toPlatformRecord);
}

/** The platform (alias `t`) a department, by its code, knows by its own ID for it (there is at most one). */
export function platformOwnedAs(t: string, departmentCode: string, ownerRef: string): SqlFragment {
  return sql`${rawSql(t)}.owner_ref = ${ownerRef} and ${rawSql(t)}.department_id = (select d.id from department d where d.code = ${departmentCode})`;
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
    conditions.push(sql`p.station_id in (${stationIdsInRegionSubtree(filter.regionCode)})`);
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

const SORT_KEYS: Record<PlatformSortField, SortKey> = {
  [PlatformSortField.NAME]: { expression: 'p.name', type: 'text' },
  [PlatformSortField.OWNER_REF]: { expression: 'p.owner_ref', type: 'text' },
  [PlatformSortField.CREATED_AT]: { expression: 'p.created_at', type: 'timestamptz' },
  [PlatformSortField.UPDATED_AT]: { expression: 'p.updated_at', type: 'timestamptz' },
};

/** The platforms a list asks for, in its order (by name unless told), as the planner reads them (alias `p`). */
export function platformList(filter: PlatformFilter | undefined, order: PlatformOrder | undefined, request: PageRequest): PlannedList {
  return sortedList({ nodeType: 'Platform', table: 'platform', alias: 'p', where: compilePlatformFilter(filter), request }, SORT_KEYS, order, PlatformSortField.NAME);
}
