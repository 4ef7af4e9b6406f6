import { rawSql, sql, type SqlFragment } from '../../db/sql';

/**
 * One dimension rows can be grouped by, for a grouped count (groupedCounts): what the rows are
 * grouped by, the group's value as the API returns it, and the groups' order.
 */
export interface Dimension {
  /** The group's field in the API (e.g. StationStatsGroup.district). */
  field: string;
  /** Join clauses the dimension needs, in order (shared ones are joined once). */
  joins: readonly string[];
  /** What the rows are grouped by. */
  key: string;
  /** The group's value as the API returns it (functionally dependent on `key`). */
  value: string;
  /** The groups' order on this dimension. */
  order: string;
  /** Rows without a value form a group, listed first. */
  nullable?: boolean;
}

/** A record with a code and a name (a region, a department), joined through `joins` as alias `r`: `{ code, name }` (GroupKey), by code. */
export function codedDimension(field: string, joins: readonly string[], r: string): Dimension {
  return { field, joins, key: `${r}.id`, value: `json_build_object('code', ${r}.code, 'name', ${r}.name)`, order: `${r}.code` };
}

/** The department a row names by `departmentId`, joined as alias `d`: `{ code, name }`, by code. */
export function departmentDimension(departmentId: string, d: string): Dimension {
  return codedDimension('department', [`join department ${d} on ${d}.id = ${departmentId}`], d);
}

/** An enum column, in the enum's declared order (BASIC, STANDARD, LEADING…), not alphabetically. */
export function enumDimension(field: string, column: string, values: Record<string, string>): Dimension {
  const declared = Object.values(values)
    .map((value) => `'${value}'`)
    .join(', ');
  return { field, joins: [], key: column, value: column, order: `array_position(array[${declared}]::text[], ${column}::text)` };
}

/** The regions above a row whose community is `communityId`: [community, street, district] join chains, aliases sc, ss, sd. */
export function regionJoins(communityId: string, before: readonly string[] = []): Record<'community' | 'street' | 'district', string[]> {
  const community = [...before, `join region sc on sc.id = ${communityId}`];
  const street = [...community, 'join region ss on ss.id = sc.parent_id'];
  return { community, street, district: [...street, 'join region sd on sd.id = ss.parent_id'] };
}

/** What a group counts: `count` (`count(*)` unless told, e.g. `count(distinct i.id)` over a join), and further aggregates by field. */
export interface Measures {
  count?: string;
  more?: Record<string, string>;
}

/**
 * The rows of `from` (a table and its alias, e.g. `station s`, perhaps joined) matching `where`,
 * counted in total and per group of `dimensions` (a dimension given twice counts once), by GROUP BY
 * in the database: two values for one statement (see planFigures). Groups come as JSON objects with
 * `count`, the `measures`' fields and one key per dimension, ordered by the dimensions in turn.
 */
export function groupedCounts(
  from: string | SqlFragment,
  where: SqlFragment,
  dimensions: readonly Dimension[],
  measures: Measures = {},
): { total: SqlFragment; groups: SqlFragment } {
  const count = `${measures.count ?? 'count(*)'}::int`;
  return {
    total: sql`(select ${rawSql(count)} from ${sourceOf(from)} where ${where})`,
    groups: groupedFigures(from, where, dimensions, { aggregates: { count, ...measures.more } }).groups,
  };
}

/**
 * What a grouped aggregate computes beyond a count (groupedFigures): named aggregates over the
 * rows, and how each field the API returns is released from them. `release` maps a field to SQL
 * over the aggregated row `g` (a measure is `g."name"`); without it the measures are the fields.
 */
export interface FigureMeasures {
  aggregates: Record<string, string>;
  release?: Record<string, string>;
}

/**
 * groupedCounts with other aggregates than count(*): the total (one JSON object) and the groups
 * (a JSON array, each with its released fields and one key per dimension), by GROUP BY in the
 * database. `keep`, over `g`, leaves groups out (e.g. groups whose every figure is withheld).
 */
export function groupedFigures(
  from: string | SqlFragment,
  where: SqlFragment,
  dimensions: readonly Dimension[],
  measures: FigureMeasures,
  keep?: string,
): { total: SqlFragment; groups: SqlFragment } {
  const unique = [...new Set(dimensions)];
  const joins = [...new Set(unique.flatMap((dimension) => dimension.joins))];
  const aggregates = Object.entries(measures.aggregates)
    .map(([name, aggregate]) => `${aggregate} as "${name}"`)
    .join(', ');
  const release = Object.entries(measures.release ?? Object.fromEntries(Object.keys(measures.aggregates).map((name) => [name, `g."${name}"`])));
  const released = release.map(([field, value]) => `'${field}', ${value}`).join(', ');
  const columns = unique.map((dimension, i) => `, ${dimension.value} as v${i}, ${dimension.order} as o${i}`).join('');
  const groupClause = unique.length ? ` group by ${unique.map((dimension) => dimension.key).join(', ')}` : '';
  const fields = [released, ...unique.map((dimension, i) => `'${dimension.field}', g.v${i}`)].join(', ');
  const order = unique.map((dimension, i) => `g.o${i}${dimension.nullable ? ' nulls first' : ''}`);
  const orderClause = order.length ? ` order by ${order.join(', ')}` : '';
  const source = sourceOf(from);
  const grouped = sql`select ${rawSql(aggregates + columns)} from ${source}${rawSql(joins.map((join) => ` ${join}`).join(''))} where ${where}${rawSql(groupClause)}`;
  return {
    total: sql`(select json_build_object(${rawSql(released)}) from (select ${rawSql(aggregates)} from ${source} where ${where}) g)`,
    groups: sql`(select coalesce(json_agg(json_build_object(${rawSql(fields)})${rawSql(orderClause)}), '[]') from (${grouped}) g${rawSql(keep ? ` where ${keep}` : '')})`,
  };
}

/** A table and alias (`station s`), or that with its lookups joined (a station filter's `from`). */
function sourceOf(from: string | SqlFragment): SqlFragment {
  return typeof from === 'string' ? rawSql(from) : from;
}
