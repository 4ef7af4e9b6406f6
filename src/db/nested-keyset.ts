import { badInputOf, decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, type Page } from '../graphql/relay';
import { rawSql, sql, type SqlFragment, type SqlReader } from './sql';

/**
 * A list nested under each parent of a page (e.g. the service items of every station on it),
 * fetched for all parents of a DataLoader batch with ONE windowed query, so a page of 100
 * parents costs the same statements as a page of 10.
 *
 * Paging is forwards only, on a text sort key that is unique within a parent (an item code
 * under a station, a station code under an item). Every parent's list has the same order, so
 * one `after` cursor marks the same position in each of them and is applied to all.
 */
export interface NestedListQuery {
  /** The select list (aliased so that joined tables do not clash). */
  columns: string;
  /** Table(s) with aliases. */
  from: string;
  /** The uuid parent column, e.g. `ssi.station_id`. */
  parent: string;
  /** Filter conditions besides the parent, already combined. */
  where: SqlFragment;
  /** A non-null text expression, unique among one parent's rows. */
  sort: string;
}

/** Validated paging of a nested list. */
export interface NestedPaging {
  first: number;
  /** Sort value after which the page starts. */
  after: string | null;
}

export type NestedPage<T> = Omit<Page<T>, 'count'>;

/** Checks `first` (1..100) and decodes `after`; malformed arguments are BAD_USER_INPUT errors. */
export function toNestedPaging(args: { first?: number | null; after?: string | null }): NestedPaging {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInputOf('PAGE_SIZE_RANGE', { name: 'first', max: MAX_PAGE_SIZE, value: first }, 'first');
  }
  if (args.after == null) return { first, after: null };
  const [value] = decodeCursor(args.after, 1);
  if (typeof value !== 'string') throw badInputOf('CURSOR_INVALID', {}, 'after');
  return { first, after: value };
}

export function emptyNestedPage<T>(paging: NestedPaging): NestedPage<T> {
  return { nodes: [], cursors: [], hasNextPage: false, hasPreviousPage: paging.after !== null };
}

/** The first `paging.first` rows after the cursor for each parent: one statement for all of them. */
export async function fetchNestedPages<Row, T>(
  db: SqlReader,
  query: NestedListQuery,
  parentIds: readonly string[],
  paging: NestedPaging,
  toRecord: (row: Row) => T,
): Promise<Map<string, NestedPage<T>>> {
  const sort = rawSql(query.sort);
  const cursor = paging.after === null ? rawSql('') : sql` and (${sort}) > ${paging.after}`;
  const statement = sql`select * from (
      select ${rawSql(query.columns)}, ${rawSql(query.parent)}::text as nested_parent_id, (${sort})::text as nested_sort_value,
        row_number() over (partition by ${rawSql(query.parent)} order by ${sort}) as nested_rank
      from ${rawSql(query.from)}
      where ${rawSql(query.parent)} = any(${parentIds}::uuid[]) and ${query.where}${cursor}
    ) ranked where nested_rank <= ${paging.first + 1} order by nested_parent_id, nested_rank`;
  const rows = await db.all<Row & { nested_parent_id: string; nested_sort_value: string }>(statement.text, statement.bindings);

  const grouped = new Map<string, (Row & { nested_sort_value: string })[]>();
  for (const row of rows) {
    const list = grouped.get(row.nested_parent_id) ?? [];
    list.push(row);
    grouped.set(row.nested_parent_id, list);
  }
  const pages = new Map<string, NestedPage<T>>();
  for (const [parentId, list] of grouped) {
    const shown = list.slice(0, paging.first);
    pages.set(parentId, {
      nodes: shown.map(toRecord),
      cursors: shown.map((row) => encodeCursor([row.nested_sort_value])),
      hasNextPage: list.length > paging.first,
      hasPreviousPage: paging.after !== null,
    });
  }
  return pages;
}

/** How many rows each parent has under the filter (ignoring paging): one grouped count for all of them. */
export async function countNested(db: SqlReader, query: Omit<NestedListQuery, 'columns' | 'sort'>, parentIds: readonly string[]): Promise<Map<string, number>> {
  const statement = sql`select ${rawSql(query.parent)}::text as parent_id, count(*)::int as count
    from ${rawSql(query.from)} where ${rawSql(query.parent)} = any(${parentIds}::uuid[]) and ${query.where} group by 1`;
  const rows = await db.all<{ parent_id: string; count: number }>(statement.text, statement.bindings);
  return new Map(rows.map((row) => [row.parent_id, row.count]));
}
