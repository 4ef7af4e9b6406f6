import type { CallerClass, RateBudget } from '../config';
import type { Principal } from '../auth/principal';
import { columnsOf, type RowOf } from '../db/entity-rows';
import { rawSql, sql, type SqlReader } from '../db/sql';
import { RateLimitBucket } from '../db/rate-limit-bucket.entity';

/** A caller's budget after this request was charged (or refused). */
export interface BudgetState {
  /** Points the budget holds when full. */
  limit: number;
  /** Points left after this request. */
  remaining: number;
  refillPerSecond: number;
  /** What this request was charged: its cost, at least 1. */
  charged: number;
  /** Whether the request was let through. */
  granted: boolean;
  /** Seconds until the budget is full again. */
  resetSeconds: number;
  /** Seconds until a refused request of this cost would be let through (0 when granted). */
  retryAfterSeconds: number;
}

/** The classes a caller belongs to: ANONYMOUS, or each of its roles. */
export function callerClassesOf(principal: Principal): CallerClass[] {
  return principal.kind === 'anonymous' ? ['ANONYMOUS'] : principal.roles.length ? principal.roles : ['ANONYMOUS'];
}

/** The caller's class that a per-class setting is taken from: the most generous one by `rank`. */
export function mostGenerousClass(principal: Principal, rank: (callerClass: CallerClass) => number): CallerClass {
  return callerClassesOf(principal).reduce((best, callerClass) => (rank(callerClass) > rank(best) ? callerClass : best));
}

/** Whose budget a request spends: the API client or user, or — for anonymous callers — the address. */
export function budgetKeyOf(principal: Principal, address: string): string {
  if (principal.kind === 'anonymous') return `ip:${address}`.slice(0, 200);
  return `${principal.kind}:${principal.id}`.slice(0, 200);
}

/** What a charge returns: the bucket (alias `b`) after it. */
const BUCKET_PROPERTIES = ['tokens', 'granted'] as const;
type BucketColumn = (typeof BUCKET_PROPERTIES)[number];
const BUCKET_COLUMNS = columnsOf(RateLimitBucket, 'b', BUCKET_PROPERTIES);

/**
 * Charges `cost` points to the caller's token bucket in one statement: the bucket refills at its
 * rate since it was last touched (up to its capacity), and the request is let through only when
 * the refilled bucket holds its cost — otherwise nothing is taken. Atomic under concurrency, and
 * shared by every API instance on the database.
 */
export async function chargeBudget(db: SqlReader, key: string, budget: RateBudget, cost: number): Promise<BudgetState> {
  const charged = Math.max(1, Math.ceil(cost));
  const { capacity, refillPerSecond } = budget;
  const available = sql`least(${capacity}::float8, b.tokens + extract(epoch from (now() - b.refreshed_at)) * ${refillPerSecond}::float8)`;
  const statement = sql`insert into rate_limit_bucket as b (key, tokens, granted, refreshed_at)
      values (${key}, ${capacity}::float8 - ${charged}::float8, true, now())
    on conflict (key) do update set
      tokens = case when ${available} >= ${charged}::float8 then ${available} - ${charged}::float8 else ${available} end,
      granted = ${available} >= ${charged}::float8,
      refreshed_at = now()
    returning ${rawSql(BUCKET_COLUMNS)}`;
  const row = await db.one<RowOf<RateLimitBucket, BucketColumn>>(statement.text, statement.bindings);
  const tokens = Math.max(0, row?.tokens ?? capacity);
  const granted = row?.granted ?? true;
  return {
    limit: capacity,
    remaining: Math.floor(tokens),
    refillPerSecond,
    charged,
    granted,
    resetSeconds: Math.ceil((capacity - tokens) / refillPerSecond),
    retryAfterSeconds: granted ? 0 : Math.max(1, Math.ceil((charged - tokens) / refillPerSecond)),
  };
}

/** Forgets buckets untouched for longer than it takes any of them to fill up again: they would be full. */
export async function pruneBudgets(db: SqlReader, budgets: Record<CallerClass, RateBudget>): Promise<void> {
  const longestFillSeconds = Math.max(...Object.values(budgets).map((budget) => Math.ceil(budget.capacity / budget.refillPerSecond)));
  await db.all(`delete from rate_limit_bucket where refreshed_at < now() - ?::int * interval '1 second'`, [longestFillSeconds + 60]);
}

/** `RateLimit-*` response headers (IETF httpapi draft): the budget, what is left, when it is full again. */
export function rateLimitHeaders(state: BudgetState): [string, string][] {
  const windowSeconds = Math.ceil(state.limit / state.refillPerSecond);
  const headers: [string, string][] = [
    ['ratelimit-limit', String(state.limit)],
    ['ratelimit-remaining', String(state.remaining)],
    ['ratelimit-reset', String(state.resetSeconds)],
    ['ratelimit-policy', `${state.limit};w=${windowSeconds}`],
  ];
  if (!state.granted) headers.push(['retry-after', String(state.retryAfterSeconds)]);
  return headers;
}
