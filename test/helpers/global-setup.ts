import http from 'node:http';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { describeUrl } from '../../src/db/url';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { databaseUrlFor, ENV, withAdminClient } from './test-database';

declare global {
  // Handed from the global setup to the global teardown (same process).
  var __yizhanTestTeardown: (() => Promise<void>) | undefined;
}

/** Migrates and seeds a database once, in a child process (see prepare-database.ts for why). */
async function prepare(url: string, poolMax: number): Promise<void> {
  const script = path.join(__dirname, 'prepare-database.ts');
  await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', script, url, String(poolMax)], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, LOG_SILENT: 'true', TS_NODE_PROJECT: 'tsconfig.json' },
  });
}

async function setUpServer(adminUrl: string): Promise<void> {
  const prefix = `yizhan_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `${prefix}_template`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`create database "${template}" encoding 'UTF8' template template0`);
  });
  await prepare(databaseUrlFor(adminUrl, template), 2);
  Object.assign(process.env, { [ENV.mode]: 'server', [ENV.adminUrl]: adminUrl, [ENV.template]: template, [ENV.prefix]: prefix });
  process.stdout.write(`\nTests run on the PostgreSQL server at ${describeUrl(adminUrl)} (fresh databases ${prefix}_*)\n`);
  globalThis.__yizhanTestTeardown = () =>
    withAdminClient(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${prefix}%`]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    });
}

async function setUpEmbedded(): Promise<void> {
  const seeded = await startEmbeddedDatabase('memory://');
  await prepare(seeded.url, 1);
  const image = await seeded.dump();
  await seeded.stop();

  const instances = new Map<string, EmbeddedDatabase>();
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    (async () => {
      if (req.method === 'POST' && req.url === '/databases') {
        const instance = await startEmbeddedDatabase('memory://', { loadDataDir: image });
        const id = randomBytes(6).toString('hex');
        instances.set(id, instance);
        return reply(201, { id, url: instance.url });
      }
      const match = /^\/databases\/(\w+)$/.exec(req.url ?? '');
      if (req.method === 'DELETE' && match) {
        await instances.get(match[1])?.stop();
        instances.delete(match[1]);
        return reply(204, {});
      }
      return reply(404, { error: 'not found' });
    })().catch((error: unknown) => reply(500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  Object.assign(process.env, { [ENV.mode]: 'embedded', [ENV.factoryUrl]: `http://127.0.0.1:${address.port}` });
  process.stdout.write('\nTests run on embedded PGlite (no TEST_DATABASE_URL set): a fresh in-memory database per test file\n');
  globalThis.__yizhanTestTeardown = async () => {
    for (const instance of instances.values()) await instance.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

export default async function globalSetup(): Promise<void> {
  process.env.LOG_SILENT = 'true';
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await setUpServer(adminUrl);
  else await setUpEmbedded();
}
