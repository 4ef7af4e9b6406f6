import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../src/db/embedded';

/**
 * Where test databases come from. The global setup decides once per run:
 * - `server`: TEST_DATABASE_URL names a PostgreSQL server; each test file gets a fresh database
 *   created from a migrated and seeded template, dropped when the file ends.
 * - `embedded`: no server; the global setup builds (or finds cached) the seeded image, and each
 *   test file loads its own in-memory PGlite copy of it, on a worker thread of its jest worker
 *   (PGlite cannot start inside jest's sandbox; a thread has none). No process serves another's
 *   databases, so no test file depends on a connection to anything but its own.
 */
export interface TestDatabase {
  url: string;
  /** Pool size the app may use on it (PGlite has a single backend). */
  poolMax: number;
  drop(): Promise<void>;
}

export const ENV = {
  mode: 'YIZHAN_TEST_MODE',
  adminUrl: 'YIZHAN_TEST_ADMIN_URL',
  template: 'YIZHAN_TEST_TEMPLATE',
  prefix: 'YIZHAN_TEST_PREFIX',
  image: 'YIZHAN_TEST_IMAGE',
} as const;

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const mode = process.env[ENV.mode];
  if (mode === 'server') {
    const adminUrl = process.env[ENV.adminUrl]!;
    const name = `${process.env[ENV.prefix]}_${randomBytes(4).toString('hex')}`;
    await withAdminClient(adminUrl, (client) => client.query(`create database "${name}" template "${process.env[ENV.template]}"`));
    return {
      url: databaseUrlFor(adminUrl, name),
      poolMax: 5,
      drop: () => withAdminClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
    };
  }
  if (mode === 'embedded') {
    const embedded = await startEmbeddedDatabase('memory://', { image: process.env[ENV.image] });
    return { url: embedded.url, poolMax: 1, drop: () => embedded.stop() };
  }
  throw new Error('Test database mode is not set: run the tests through jest (npm test), whose global setup sets it');
}
