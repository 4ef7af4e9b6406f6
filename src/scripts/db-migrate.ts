import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { logger } from '../logger';

/** `npm run db:migrate`: applies pending migrations (idempotent) to DATABASE_URL or the embedded database. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Without the requests' statement timeout: an index over a large table may take a while.
  const database = await openDatabase({ ...config, guard: { ...config.guard, statementTimeoutMs: 0 } });
  try {
    const applied = await database.orm.getMigrator().up();
    logger.info(applied.length ? `applied ${applied.length} migration(s)` : 'no pending migrations', {
      database: database.location,
      applied: applied.map((migration) => migration.name).join(', '),
    });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  logger.error('migration failed', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
