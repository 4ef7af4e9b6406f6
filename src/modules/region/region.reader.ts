import type { SqlReader } from '../../db/sql';
import { escapeLike, joinSql, rawSql, sql, type SqlFragment } from '../../db/sql';
import { sortedList, type PlannedList, type SortKey } from '../../graphql/plan/planner';
import type { PageRequest } from '../../graphql/relay';
import { RegionSortField, type RegionFilter, type RegionOrder } from './region.inputs';
import { REGION_COLUMNS, toRegionRecord, type RegionRecord, type RegionRow } from './region.types';

export async function regionsByIds(db: SqlReader, ids: readonly number[]): Promise<RegionRecord[]> {
  const rows = await db.all<RegionRow>(`select ${REGION_COLUMNS} from region r where r.id = any(?::int[])`, [ids]);
  return rows.map(toRegionRecord);
}

export async function regionsByCodes(db: SqlReader, codes: readonly string[]): Promise<RegionRecord[]> {
  const rows = await db.all<RegionRow>(`select ${REGION_COLUMNS} from region r where r.code = any(?::text[])`, [codes]);
  return rows.map(toRegionRecord);
}

const SORT_KEYS: Record<RegionSortField, SortKey> = {
  [RegionSortField.CODE]: { expression: 'r.code', type: 'text', unique: true },
  [RegionSortField.NAME]: { expression: 'r.name', type: 'text' },
};

/** Regions in the order asked for (by code by default), as the planner reads them (alias `r`). With no filter at all: the top of the tree. */
export function regionList(filter: RegionFilter | undefined, order: RegionOrder | undefined, request: PageRequest): PlannedList {
  const where: SqlFragment[] = [];
  if (filter?.parentCode != null) where.push(sql`r.parent_id = (select id from region where code = ${filter.parentCode})`);
  if (filter?.withinCode != null) where.push(sql`r.path like (select path from region where code = ${filter.withinCode}) || '_%'`);
  if (filter?.level != null) where.push(sql`r.level = ${filter.level}`);
  if (filter?.search) where.push(sql`r.name like ${`%${escapeLike(filter.search)}%`} escape '\\'`);
  if (where.length === 0) where.push(rawSql('r.parent_id is null'));
  return sortedList({ nodeType: 'Region', table: 'region', alias: 'r', idType: 'int', where: joinSql(where, ' and '), request }, SORT_KEYS, order, RegionSortField.CODE);
}
