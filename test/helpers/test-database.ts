import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Where test databases come from. The global setup decides once per run:
 * - `server`: TEST_DATABASE_URL names a PostgreSQL server; each test file gets a fresh database
 *   created from a migrated and seeded template, dropped when the file ends.
 * - `embedded`: no server; the global setup runs a small factory (PGlite cannot start inside
 *   jest's sandbox) that serves each test file a fresh in-memory PGlite copy of the seeded database.
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
  factoryUrl: 'YIZHAN_TEST_FACTORY_URL',
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
    await withAdminClient(adminUrl, (client) =>
      client.query(`create database "${name}" template "${process.env[ENV.template]}"`),
    );
    return {
      url: databaseUrlFor(adminUrl, name),
      poolMax: 5,
      drop: () => withAdminClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
    };
  }
  if (mode === 'embedded') {
    const factory = process.env[ENV.factoryUrl]!;
    const response = await fetch(`${factory}/databases`, { method: 'POST' });
    if (!response.ok) throw new Error(`test database factory answered ${response.status}: ${await response.text()}`);
    const { id, url } = (await response.json()) as { id: string; url: string };
    return {
      url,
      poolMax: 1,
      drop: async () => {
        await fetch(`${factory}/databases/${id}`, { method: 'DELETE' });
      },
    };
  }
  throw new Error('Test database mode is not set: run the tests through jest (npm test), whose global setup sets it');
}
