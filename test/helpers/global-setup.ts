import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { describeUrl } from '../../src/db/url';
import { loadConfig } from '../../src/config';
import { findSeededImage } from '../../src/db/seeded-image';
import { databaseUrlFor, ENV, withAdminClient } from './test-database';

declare global {
  // Handed from the global setup to the global teardown (same process).
  var __yizhanTestTeardown: (() => Promise<void>) | undefined;
}

const ROOT = path.join(__dirname, '..', '..');

/**
 * Runs a TypeScript script of the project in a child process and returns its output. A child
 * because MikroORM keeps its entity metadata on globalThis, and metadata created in the global
 * setup's realm breaks the test files' own MikroORM when jest runs a single file in this process.
 */
async function runScript(script: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_SILENT: 'true', TS_NODE_PROJECT: 'tsconfig.json' },
  });
  return stdout;
}

async function setUpServer(adminUrl: string): Promise<void> {
  const prefix = `yizhan_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `${prefix}_template`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`create database "${template}" encoding 'UTF8' template template0`);
  });
  await runScript('test/helpers/prepare-database.ts', [databaseUrlFor(adminUrl, template), '2']);
  Object.assign(process.env, { [ENV.mode]: 'server', [ENV.adminUrl]: adminUrl, [ENV.template]: template, [ENV.prefix]: prefix });
  process.stdout.write(`\nTests run on the PostgreSQL server at ${describeUrl(adminUrl)} (fresh databases ${prefix}_*)\n`);
  globalThis.__yizhanTestTeardown = () =>
    withAdminClient(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${prefix}%`]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    });
}

/**
 * Embedded: the seeded image of these sources (built now, or found in the cache from an earlier
 * run when the migrations and the seed have not changed); each test file starts its own PGlite
 * from it, on a thread of its own jest worker (see test-database.ts). Nothing is shared at run time.
 */
async function setUpEmbedded(): Promise<void> {
  const image = findSeededImage(loadConfig().embeddedImageDir) ?? (await runScript('src/scripts/build-seeded-image.ts', [])).trim().split('\n').pop()!;
  Object.assign(process.env, { [ENV.mode]: 'embedded', [ENV.image]: image });
  process.stdout.write(`\nTests run on embedded PGlite (no TEST_DATABASE_URL set): each test file loads its own in-memory copy of ${path.relative(ROOT, image)}\n`);
}

export default async function globalSetup(): Promise<void> {
  process.env.LOG_SILENT = 'true';
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await setUpServer(adminUrl);
  else await setUpEmbedded();
}
