import type { SqlReader } from '../../db/sql';
import { escapeLike } from '../../db/sql';
import { toPage, type Page, type PageRequest } from '../../graphql/relay';
import { RegionLevel } from './region-level';
import { REGION_COLUMNS, toRegionRecord, type RegionRecord, type RegionRow } from './region.types';

export async function regionsByIds(db: SqlReader, ids: readonly number[]): Promise<RegionRecord[]> {
  const rows = await db.all<RegionRow>(`select ${REGION_COLUMNS} from region r where r.id = any(?::int[])`, [ids]);
  return rows.map(toRegionRecord);
}

export async function regionsByCodes(db: SqlReader, codes: readonly string[]): Promise<RegionRecord[]> {
  const rows = await db.all<RegionRow>(`select ${REGION_COLUMNS} from region r where r.code = any(?::text[])`, [codes]);
  return rows.map(toRegionRecord);
}

export interface RegionFilter {
  /** Direct children of this region. */
  parentCode?: string;
  /** Anywhere below this region. */
  withinCode?: string;
  level?: RegionLevel;
  /** Substring of the name (works for Chinese). */
  search?: string;
}

/** Regions ordered by code, keyset-paged on the code. With no filter at all: the top of the tree. */
export async function listRegions(db: SqlReader, filter: RegionFilter, request: PageRequest): Promise<Page<RegionRecord>> {
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (filter.parentCode !== undefined) {
    where.push('r.parent_id = (select id from region where code = ?)');
    bindings.push(filter.parentCode);
  }
  if (filter.withinCode !== undefined) {
    where.push(`r.path like (select path from region where code = ?) || '_%'`);
    bindings.push(filter.withinCode);
  }
  if (filter.level !== undefined) {
    where.push('r.level = ?');
    bindings.push(filter.level);
  }
  if (filter.search) {
    where.push(`r.name like ? escape '\\'`);
    bindings.push(`%${escapeLike(filter.search)}%`);
  }
  if (where.length === 0) where.push('r.parent_id is null');

  const filterSql = where.join(' and ');
  const pageWhere = [...where];
  const pageBindings = [...bindings];
  if (request.cursor) {
    pageWhere.push(request.backward ? 'r.code < ?' : 'r.code > ?');
    pageBindings.push(String(request.cursor[0]));
  }
  const rows = await db.all<RegionRow>(
    `select ${REGION_COLUMNS} from region r where ${pageWhere.join(' and ')}
     order by r.code ${request.backward ? 'desc' : 'asc'} limit ?`,
    [...pageBindings, request.size + 1],
  );
  return toPage(rows.map(toRegionRecord), request, (region) => [region.code], async () => {
    const row = await db.one<{ count: number }>(`select count(*)::int as count from region r where ${filterSql}`, bindings);
    return row?.count ?? 0;
  });
}
