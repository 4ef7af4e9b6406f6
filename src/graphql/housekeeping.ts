import type { MikroORM } from '@mikro-orm/postgresql';
import type { GuardConfig } from '../config';
import { createSqlReader, type SqlReader } from '../db/sql';
import { logger } from '../logger';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency';
import { pruneBudgets } from './rate-limit';

/** How often the housekeeping runs. */
export const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;

export interface Housekeeping {
  /** One round now (tests call it; the timer calls it every HOUSEKEEPING_INTERVAL_MS). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** Forgets Idempotency-Keys past their 24 hours, whoever's they are. */
export async function forgetExpiredIdempotencyKeys(db: SqlReader): Promise<void> {
  await db.all(`delete from idempotency_key where created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`);
}

/**
 * Keeps the request guard's tables small: budgets untouched long enough to be full again (an
 * anonymous address seen once leaves a row) and expired Idempotency-Keys. Every instance may run
 * it; the deletes are idempotent.
 */
export function startHousekeeping(orm: MikroORM, guard: GuardConfig): Housekeeping {
  const db = createSqlReader(orm.em.getKnex());
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    await forgetExpiredIdempotencyKeys(db);
    if (guard.rateBudgets) await pruneBudgets(db, guard.rateBudgets);
  };
  const timer = setInterval(() => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => logger.warn('housekeeping failed', { error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        running = null;
      });
  }, HOUSEKEEPING_INTERVAL_MS);
  // The HTTP server keeps the process alive, not this timer.
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
