import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from './sql';
import { badInputOf, toPage, type Page, type PageRequest } from '../graphql/relay';

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && year <= 9999 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A YYYY-MM-DD text that is a real day (2023-02-30 is not), years 0001–9999. */
export function isDateText(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A timestamptz as PostgreSQL prints it ("2026-11-27 08:30:00.123+08"), with every part in range. */
export function isTimestamptzText(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = [match[4], match[5], match[6], match[8], match[9] ?? '00'].map(Number);
  return hour < 24 && minute < 60 && second < 60 && offsetHours <= 15 && offsetMinutes < 60;
}

/**
 * PostgreSQL types a keyset sort value can have, and whether a cursor's text is a value of that
 * type that the cast back will accept — forged cursors are BAD_USER_INPUT, never a failed cast.
 */
const CURSOR_VALUE_CHECKS = {
  text: (text: string) => text.length <= 500,
  timestamptz: isTimestamptzText,
  int: (text: string) => /^-?\d{1,9}$/.test(text),
  bigint: (text: string) => /^-?\d{1,18}$/.test(text),
  date: isDateText,
  float8: (text: string) => text.length <= 40 && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) && Number.isFinite(Number(text)) && Math.abs(Number(text)) < 1e300,
} as const;

const ID_FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  int: /^[1-9]\d{0,9}$/,
  bigint: /^[1-9]\d{0,17}$/,
  // A unique name as the tie-breaker (e.g. an external system's name, its table's key).
  // eslint-disable-next-line no-control-regex -- NUL is refused in a key (PostgreSQL text cannot hold it)
  text: /^[^\u0000]{1,500}$/,
} as const;

export type SortValueType = keyof typeof CURSOR_VALUE_CHECKS;

/** One keyset-paged list: rows ordered by (sort expression, id), the cursor holding both. */
export interface KeysetQuery<Row> {
  /** The select list, e.g. `s.id, s.name`; must include the id column. */
  columns: string | SqlFragment;
  /** Table(s) with aliases, e.g. `station s`. */
  from: string;
  /** Filter conditions (already combined), without the cursor condition. */
  where: SqlFragment;
  /**
   * A non-null sort expression and the type its cursor value is cast back to; `unique` when no two
   * rows share its value (a unique column), so the order needs no tie-breaker and an index on the
   * column alone serves it.
   */
  sort: { expression: SqlFragment; type: SortValueType; unique?: boolean };
  /** The unique tie-breaker, e.g. `s.id`. */
  id: { expression: string; type: keyof typeof ID_FORMATS };
  descending: boolean;
  /** The id of a row as its cursor carries it. */
  idOf: (row: Row) => string | number;
}

/**
 * The condition "after (or before) the cursor" in the walk's direction. A forged cursor whose
 * values do not fit the sort is a BAD_USER_INPUT error, not a failed cast.
 */
export function cursorCondition(query: Pick<KeysetQuery<unknown>, 'sort' | 'id'>, request: PageRequest, ascending: boolean): SqlFragment {
  const [value, id] = request.cursor!;
  const valid =
    typeof value === 'string' && CURSOR_VALUE_CHECKS[query.sort.type](value) && (typeof id === 'string' || typeof id === 'number') && ID_FORMATS[query.id.type].test(String(id));
  if (!valid) {
    throw badInputOf('CURSOR_INVALID', {}, request.backward ? 'before' : 'after');
  }
  const comparator = rawSql(ascending ? '>' : '<');
  if (query.sort.unique) return sql`${query.sort.expression} ${comparator} ${value}::${rawSql(query.sort.type)}`;
  return sql`(${query.sort.expression}, ${rawSql(query.id.expression)}) ${comparator} (${value}::${rawSql(query.sort.type)}, ${String(id)}::${rawSql(query.id.type)})`;
}

/**
 * Fetches one page (size + 1 rows, to know whether more follow) after or before a cursor.
 * A forged cursor whose values do not fit the sort is a BAD_USER_INPUT error, not a failed cast.
 * `totalCount` runs a separate count only when it is asked for.
 */
export async function fetchKeysetPage<Row, T>(db: SqlReader, query: KeysetQuery<Row>, request: PageRequest, toRecord: (row: Row) => T): Promise<Page<T>> {
  // Paging backwards walks the order in reverse and flips the page afterwards.
  const ascending = query.descending === request.backward;
  const direction = rawSql(ascending ? 'asc' : 'desc');
  const conditions = [query.where];
  if (request.cursor) conditions.push(cursorCondition(query, request, ascending));
  const columns = typeof query.columns === 'string' ? rawSql(query.columns) : query.columns;
  const id = rawSql(query.id.expression);
  const statement = sql`select ${columns}, (${query.sort.expression})::text as keyset_sort_value
    from ${rawSql(query.from)} where ${joinSql(conditions, ' and ')}
    order by ${query.sort.expression} ${direction}, ${id} ${direction} limit ${request.size + 1}`;
  const rows = await db.all<Row & { keyset_sort_value: string }>(statement.text, statement.bindings);

  const keyed = rows.map((row) => ({ record: toRecord(row), cursor: [row.keyset_sort_value, query.idOf(row)] }));
  const page = toPage(
    keyed,
    request,
    (entry) => entry.cursor,
    async () => {
      const count = sql`select count(*)::int as count from ${rawSql(query.from)} where ${query.where}`;
      return (await db.one<{ count: number }>(count.text, count.bindings))?.count ?? 0;
    },
  );
  return { ...page, nodes: page.nodes.map((entry) => entry.record) };
}
