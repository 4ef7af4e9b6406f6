import type { Knex } from '@mikro-orm/postgresql';
import { RequestDeadlineExceeded } from './failures';
import { preparedStatementName } from './prepared-statements';

/**
 * Plain-row SQL for read paths: parameterized (`?` placeholders; an array binding is one
 * PostgreSQL array, so write `= any(?::int[])`),
 * no entity hydration and no identity map. Writes go through MikroORM entities instead.
 */
export interface SqlReader {
  all<T>(sql: string, bindings?: readonly unknown[], options?: SqlOptions): Promise<T[]>;
  one<T>(sql: string, bindings?: readonly unknown[], options?: SqlOptions): Promise<T | null>;
}

export interface SqlOptions {
  /**
   * Send it as a named prepared statement (see db/prepared-statements.ts): for statements whose
   * text repeats, such as planned reads, so PostgreSQL parses and plans them once per connection.
   */
  prepare?: boolean;
}

/** A request's time budget: no statement is sent once `deadline` (epoch ms) has passed. */
export interface SqlBudget {
  deadline: number;
  budgetMs: number;
}

/**
 * Plain-row reads through `knex` (the pool, or one transaction). `guard`, when given, runs before
 * every statement and may refuse it (see RequestDatabase: a read outside the request's open
 * transaction).
 */
export function createSqlReader(knex: Knex, budget?: SqlBudget, guard?: () => void): SqlReader {
  const all = async <T>(sql: string, bindings: readonly unknown[] = [], options?: SqlOptions): Promise<T[]> => {
    guard?.();
    if (budget && Date.now() > budget.deadline) throw new RequestDeadlineExceeded(budget.budgetMs);
    const raw = knex.raw(sql, bindings as Knex.RawBinding[]);
    const result = await (options?.prepare ? raw.options({ name: preparedStatementName(sql) }) : raw);
    return result.rows as T[];
  };
  return {
    all,
    async one<T>(sql: string, bindings: readonly unknown[] = [], options?: SqlOptions) {
      const rows = await all<T>(sql, bindings, options);
      return rows[0] ?? null;
    },
  };
}

/** Escapes LIKE/ILIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A piece of SQL with its bindings in placeholder order. */
export interface SqlFragment {
  text: string;
  bindings: unknown[];
}

/**
 * Tagged template for SQL: interpolated values become `?` bindings, interpolated fragments are
 * spliced in with their own bindings. Keeps placeholders and bindings in step when building
 * dynamic WHERE and ORDER BY clauses.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  let text = strings[0];
  const bindings: unknown[] = [];
  values.forEach((value, index) => {
    if (isFragment(value)) {
      text += value.text;
      bindings.push(...value.bindings);
    } else {
      text += '?';
      bindings.push(value);
    }
    text += strings[index + 1];
  });
  return { text, bindings };
}

/** Trusted SQL text (identifiers, keywords) with no bindings. */
export function rawSql(text: string): SqlFragment {
  return { text, bindings: [] };
}

export function joinSql(fragments: SqlFragment[], separator: string): SqlFragment {
  return {
    text: fragments.map((fragment) => fragment.text).join(separator),
    bindings: fragments.flatMap((fragment) => fragment.bindings),
  };
}

function isFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && 'text' in value && 'bindings' in value && Array.isArray((value as SqlFragment).bindings);
}

/**
 * MikroORM sets the pg driver to return timestamptz as text ("2023-06-01 08:30:00.123+00"),
 * so plain-row reads convert them here.
 */
export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null): Date | null;
export function toDate(value: string | Date | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/**
 * A PostgreSQL array literal with every element double-quoted, e.g. {"居民身份证原件","户口簿原件"}.
 * For MikroORM's em.execute and the seeds' executor, which spread a JS array into a value list
 * instead of binding it as one array (SqlReader binds arrays directly).
 */
export function toTextArrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((value) => `"${String(value).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
