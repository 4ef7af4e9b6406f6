import { rawSql, sql, type SqlFragment } from '../../db/sql';

/**
 * "`column` names the region with this code or one below it": every list's region filter. Written
 * as `= any(array(…))`, the subtree's ids are computed once per statement and each row is checked
 * against them, so a page in another order (stations by code) is read in that order and stops at
 * its limit. Written as `in (select …)`, PostgreSQL joined every row of the region first and then
 * sorted: Xiangyang's first partner page by region took a median 41–49 ms a request instead of
 * 32 (40 sequential requests; the same page without a filter, 34).
 */
export function inRegionSubtree(column: string, code: string): SqlFragment {
  return sql`${rawSql(column)} = any(array(select d.id from region d where d.path like (select p.path from region p where p.code = ${code.trim()}) || '%'))`;
}
