import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { createApiClient } from '../../src/modules/api-client/api-client.service';

/**
 * What the benchmarks run against: a fresh, migrated and seeded database on a PostgreSQL server
 * (BENCH_DATABASE_URL, default the local server), and the production build of the API started as
 * its own process, so its memory is its own.
 */
export const ROOT = path.join(__dirname, '..', '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rate budgets no benchmark can spend: the load measures reads, not the limiter's refusals. */
export const UNSPENDABLE = ['ANONYMOUS', 'ANALYST', 'DEPARTMENT_PARTNER', 'REGION_OPERATOR', 'ADMIN'].map((c) => `${c}:100000000/100000000`).join(',');

export interface BenchDatabase {
  url: string;
  /** API keys by role, created for the run. */
  keys: Record<'ADMIN' | 'ANALYST' | 'DEPARTMENT_PARTNER' | 'REGION_OPERATOR', string>;
  drop(): Promise<void>;
}

/** Creates, migrates and seeds a database of its own, with one API client per role. */
export async function prepareDatabase(): Promise<BenchDatabase> {
  const name = `yizhan_bench_${Date.now().toString(36)}`;
  await admin((client) => client.query(`create database "${name}" encoding 'UTF8' template template0`));
  const url = databaseUrl(name);
  const database = await openDatabase(loadConfig({ DATABASE_URL: url, NODE_ENV: 'production' }), { migrate: true, seed: true });
  const keys = {} as BenchDatabase['keys'];
  try {
    const em = database.orm.em.fork();
    keys.ADMIN = (await createApiClient(em, { name: 'bench-admin', roles: ['ADMIN'] })).key;
    keys.ANALYST = (await createApiClient(em, { name: 'bench-analyst', roles: ['ANALYST'] })).key;
    keys.DEPARTMENT_PARTNER = (await createApiClient(em, { name: 'bench-partner', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-RSJ' })).key;
    keys.REGION_OPERATOR = (await createApiClient(em, { name: 'bench-operator', roles: ['REGION_OPERATOR'], regionCode: '420606' })).key;
  } finally {
    await database.close();
  }
  return { url, keys, drop: () => admin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined) };
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/src/server.js` (run `npm run build` first) and waits until it listens;
 * `nodeArgs` go to node itself (e.g. `--cpu-prof`).
 */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const entry = path.join(ROOT, 'dist', 'src', 'server.js');
  if (!fs.existsSync(entry)) throw new Error('Build first: npm run build');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WEBHOOK_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`server did not start: ${output.slice(-2000)}`)), 60_000).unref();
  });
  // Drain the server's log lines so its output never blocks it.
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    rssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
