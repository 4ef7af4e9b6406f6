import { Client } from 'pg';
import { ENV } from './test-database';

/**
 * Describes tests that hold locks from a second session: they need a real server, since PGlite runs
 * every connection on one backend.
 */
export const onServer = process.env[ENV.mode] === 'server' ? describe : describe.skip;

/** Holds an exclusive lock on `table` from a separate session until released. */
export async function lockTable(url: string, table: string): Promise<{ release(): Promise<void> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  return {
    async release() {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    },
  };
}
