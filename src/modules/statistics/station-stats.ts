import { rawSql, sql, type SqlFragment } from '../../db/sql';
import { compileStationFilter } from '../station/station.reader';
import { StationKind, StationStatus, StationTier } from '../station/station.enums';
import type { StationFilter } from '../station/station.inputs';
import { StationStatsDimension } from './statistics.types';

/** Regions above a station (alias `s`), each joined only when a dimension needs it: its community, street, district. */
const REGION_JOINS = ['join region sc on sc.id = s.region_id', 'join region ss on ss.id = sc.parent_id', 'join region sd on sd.id = ss.parent_id'];

interface Dimension {
  /** The group's field (StationStatsGroup). */
  field: string;
  /** How many of REGION_JOINS it needs. */
  joins: number;
  /** What the rows are grouped by. */
  key: string;
  /** The group's value as the API returns it (functionally dependent on `key`). */
  value: string;
  /** The groups' order on this dimension. */
  order: string;
  /** Rows without a value (no plan year, not opened) form a group, listed first. */
  nullable?: boolean;
}

const regionDimension = (field: string, joins: number, r: string): Dimension => ({
  field,
  joins,
  key: `${r}.id`,
  value: `json_build_object('code', ${r}.code, 'name', ${r}.name)`,
  order: `${r}.code`,
});

/** In the enum's declared order (BASIC, STANDARD, LEADING…), not alphabetically. */
const enumDimension = (field: string, column: string, values: Record<string, string>): Dimension => ({
  field,
  joins: 0,
  key: column,
  value: column,
  order: `array_position(array[${Object.values(values)
    .map((value) => `'${value}'`)
    .join(', ')}]::text[], ${column}::text)`,
});

const DIMENSIONS: Record<StationStatsDimension, Dimension> = {
  [StationStatsDimension.DISTRICT]: regionDimension('district', 3, 'sd'),
  [StationStatsDimension.STREET]: regionDimension('street', 2, 'ss'),
  [StationStatsDimension.COMMUNITY]: regionDimension('community', 1, 'sc'),
  [StationStatsDimension.TIER]: enumDimension('tier', 's.tier', StationTier),
  [StationStatsDimension.KIND]: enumDimension('kind', 's.kind', StationKind),
  [StationStatsDimension.STATUS]: enumDimension('status', 's.status', StationStatus),
  [StationStatsDimension.PLAN_YEAR]: { field: 'planYear', joins: 0, key: 's.plan_year', value: 's.plan_year', order: 's.plan_year', nullable: true },
  [StationStatsDimension.OPENED_MONTH]: {
    field: 'openedMonth',
    joins: 0,
    key: `to_char(s.opened_on, 'YYYY-MM')`,
    value: `to_char(s.opened_on, 'YYYY-MM')`,
    order: `to_char(s.opened_on, 'YYYY-MM')`,
    nullable: true,
  },
};

/**
 * The figures of stationStats: the stations the stations list would list for `filter` (its own
 * filter → SQL, compileStationFilter), counted in total and per group of `groupBy`, by GROUP BY in
 * the database. Values for planFigures (one statement).
 */
export function stationStatsParts(filter: StationFilter | undefined, groupBy: readonly StationStatsDimension[] | undefined): { total: SqlFragment; groups: SqlFragment } {
  const { where } = compileStationFilter(filter);
  const dimensions = [...new Set(groupBy ?? [])].map((dimension) => DIMENSIONS[dimension]);
  const joins = REGION_JOINS.slice(0, Math.max(0, ...dimensions.map((dimension) => dimension.joins)));
  const from = rawSql(['station s', ...joins].join(' '));
  const columns = dimensions.map((dimension, i) => `, ${dimension.value} as v${i}, ${dimension.order} as o${i}`).join('');
  const groupClause = dimensions.length ? ` group by ${dimensions.map((dimension) => dimension.key).join(', ')}` : '';
  const fields = ["'count', g.n", ...dimensions.map((dimension, i) => `'${dimension.field}', g.v${i}`)].join(', ');
  const order = dimensions.map((dimension, i) => `g.o${i}${dimension.nullable ? ' nulls first' : ''}`);
  const orderClause = order.length ? ` order by ${order.join(', ')}` : '';
  const grouped = sql`select count(*)::int as n${rawSql(columns)} from ${from} where ${where}${rawSql(groupClause)}`;
  return {
    total: sql`(select count(*)::int from station s where ${where})`,
    groups: sql`(select coalesce(json_agg(json_build_object(${rawSql(fields)})${rawSql(orderClause)}), '[]') from (${grouped}) g)`,
  };
}
