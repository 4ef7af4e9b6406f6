import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase, runSeed } from '../db/database';
import { pendingMigrations } from '../db/orm';
import { logger } from '../logger';

/** `npm run db:seed`: loads the Xiangyang demo seed once (idempotent); migrations must be applied. */
async function main(): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    const pending = await pendingMigrations(database.orm);
    if (pending.length) throw new Error(`run npm run db:migrate first (pending: ${pending.join(', ')})`);
    const result = await runSeed(database.orm);
    logger.info(result.applied ? 'demo seed loaded' : 'demo seed already loaded; nothing to do', {
      database: database.location,
      steps: result.steps.join(', '),
      ...result.counts,
    });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  logger.error('seeding failed', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
