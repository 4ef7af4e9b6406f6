import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from './sql';
import { badInput, toPage, type Page, type PageRequest } from '../graphql/relay';

/** PostgreSQL types a keyset sort value can have, and what its cursor text must look like. */
const CURSOR_VALUE_FORMATS = {
  text: /^[\s\S]*$/,
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  int: /^-?\d{1,9}$/,
  bigint: /^-?\d{1,18}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  float8: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i,
} as const;

const ID_FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  int: /^[1-9]\d{0,9}$/,
  bigint: /^[1-9]\d{0,17}$/,
} as const;

export type SortValueType = keyof typeof CURSOR_VALUE_FORMATS;

/** One keyset-paged list: rows ordered by (sort expression, id), the cursor holding both. */
export interface KeysetQuery<Row> {
  /** The select list, e.g. `s.id, s.name`; must include the id column. */
  columns: string | SqlFragment;
  /** Table(s) with aliases, e.g. `station s`. */
  from: string;
  /** Filter conditions (already combined), without the cursor condition. */
  where: SqlFragment;
  /** A non-null sort expression and the type its cursor value is cast back to. */
  sort: { expression: SqlFragment; type: SortValueType };
  /** The unique tie-breaker, e.g. `s.id`. */
  id: { expression: string; type: keyof typeof ID_FORMATS };
  descending: boolean;
  /** The id of a row as its cursor carries it. */
  idOf: (row: Row) => string | number;
}

/**
 * Fetches one page (size + 1 rows, to know whether more follow) after or before a cursor.
 * A forged cursor whose values do not fit the sort is a BAD_USER_INPUT error, not a failed cast.
 * `totalCount` runs a separate count only when it is asked for.
 */
export async function fetchKeysetPage<Row, T>(
  db: SqlReader,
  query: KeysetQuery<Row>,
  request: PageRequest,
  toRecord: (row: Row) => T,
): Promise<Page<T>> {
  // Paging backwards walks the order in reverse and flips the page afterwards.
  const ascending = query.descending === request.backward;
  const direction = rawSql(ascending ? 'asc' : 'desc');
  const conditions = [query.where];
  if (request.cursor) {
    const [value, id] = request.cursor;
    const valid =
      typeof value === 'string' &&
      CURSOR_VALUE_FORMATS[query.sort.type].test(value) &&
      (typeof id === 'string' || typeof id === 'number') &&
      ID_FORMATS[query.id.type].test(String(id));
    if (!valid) {
      throw badInput('Invalid cursor: pass a cursor returned by this connection with the same ordering', request.backward ? 'before' : 'after');
    }
    const comparator = rawSql(ascending ? '>' : '<');
    conditions.push(
      sql`(${query.sort.expression}, ${rawSql(query.id.expression)}) ${comparator} (${value}::${rawSql(query.sort.type)}, ${String(id)}::${rawSql(query.id.type)})`,
    );
  }
  const columns = typeof query.columns === 'string' ? rawSql(query.columns) : query.columns;
  const id = rawSql(query.id.expression);
  const statement = sql`select ${columns}, (${query.sort.expression})::text as keyset_sort_value
    from ${rawSql(query.from)} where ${joinSql(conditions, ' and ')}
    order by ${query.sort.expression} ${direction}, ${id} ${direction} limit ${request.size + 1}`;
  const rows = await db.all<Row & { keyset_sort_value: string }>(statement.text, statement.bindings);

  const keyed = rows.map((row) => ({ record: toRecord(row), cursor: [row.keyset_sort_value, query.idOf(row)] }));
  const page = toPage(keyed, request, (entry) => entry.cursor, async () => {
    const count = sql`select count(*)::int as count from ${rawSql(query.from)} where ${query.where}`;
    return (await db.one<{ count: number }>(count.text, count.bindings))?.count ?? 0;
  });
  return { ...page, nodes: page.nodes.map((entry) => entry.record) };
}
