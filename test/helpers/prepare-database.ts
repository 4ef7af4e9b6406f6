import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';

/**
 * Migrates and seeds the database at argv[2] once per test run, so every test file can start
 * from a copy of it. Runs as a child process of jest's global setup: MikroORM keeps its entity
 * metadata on globalThis, and metadata created in the global setup's realm breaks the test
 * files' own MikroORM when jest runs a single file in the same process.
 */
async function main(): Promise<void> {
  const [url, poolMax] = process.argv.slice(2);
  const config = { ...loadConfig({ DATABASE_URL: url, NODE_ENV: 'test' }), dbPoolMax: Number(poolMax) };
  const database = await openDatabase(config, { migrate: true, seed: true });
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`preparing the test database failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
