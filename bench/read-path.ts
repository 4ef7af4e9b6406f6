import 'reflect-metadata';
import fs from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createApp } from '../src/app';
import { setLogDestination } from '../src/logger';
import { loadConfig } from '../src/config';
import { toGlobalId } from '../src/graphql/relay';
import { prepareDatabase, ROOT, startServer, UNSPENDABLE, type BenchDatabase, type RunningServer } from './lib/server';
import { canonical, PEER_QUERIES, SCENARIOS, XIANGYANG, YIZHAN_QUERIES, type Scenario } from './lib/scenarios';

/**
 * `npm run bench`: the read path against its peer and its floor, on one freshly seeded PostgreSQL
 * database, in one run — Yizhan's production build, PostGraphile v4 on the same tables, and one
 * hand-written json_agg statement through pg on bare Node http. It first checks that the three
 * answers carry the same data, then loads each with autocannon, interleaved: BENCH_ROUNDS rounds ×
 * BENCH_SECONDS at 20 connections, then one at 50, for each scenario (see bench/lib/scenarios.ts).
 * It prints req/s, p50 and p99 (of the requests sent after a run's first second; see SETTLE_MS)
 * with their ratio and the p99 of every request, Node CPU ms per request, the server's RSS, statements per request,
 * PostgreSQL CPU ms per request, and each figure's ratio to the peer and to the floor.
 * Figures, not a test: run it on a quiet machine.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ONLY = process.env.BENCH_SCENARIOS?.split(',') as Scenario[] | undefined;

type ServerName = 'yizhan' | 'peer' | 'floor';
interface Target {
  name: ServerName;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const PEER_DIR = path.join(__dirname, 'peer');

/** PostGraphile v4 needs graphql 15 (Yizhan runs 16): it has an install of its own under bench/peer. */
function ensurePeerInstalled(): void {
  if (fs.existsSync(path.join(PEER_DIR, 'node_modules', 'postgraphile'))) return;
  process.stdout.write('Installing the peer (PostGraphile v4) in bench/peer…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in bench/peer failed');
}

/** Starts the peer or the floor as its own process and waits until it listens. */
async function startScript(script: 'peer' | 'floor', databaseUrl: string): Promise<Target> {
  const args =
    script === 'peer' ? [path.join(PEER_DIR, 'server.js'), databaseUrl] : ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'lib', 'floor-server.ts'), databaseUrl];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  child.stdout!.resume();
  return {
    name: script,
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Params {
  after: string;
  afterCursor: string;
  ids: string[];
}

/** How each server is asked for a scenario: URL, headers and body. */
function request(target: Target, scenario: Scenario, params: Params, partnerKey: string): { url: string; headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.name === 'floor') {
    return { url: `${target.url}/${scenario}`, headers, body: JSON.stringify({ after: params.after, ids: params.ids }) };
  }
  if (target.name === 'peer') {
    const variables = scenario === 'deep' ? { after: params.after } : scenario === 'nodes' ? { ids: params.ids } : {};
    return { url: `${target.url}/graphql`, headers, body: JSON.stringify({ query: PEER_QUERIES[scenario], variables }) };
  }
  if (scenario !== 'public') headers.authorization = `Bearer ${partnerKey}`;
  const variables = scenario === 'deep' ? { after: params.afterCursor } : scenario === 'nodes' ? { ids: params.ids.map((id) => toGlobalId('Station', id)) } : {};
  return { url: `${target.url}/graphql`, headers, body: JSON.stringify({ query: YIZHAN_QUERIES[scenario], variables }) };
}

async function post(spec: { url: string; headers: Record<string, string>; body: string }): Promise<Record<string, any>> {
  const response = await fetch(spec.url, { method: 'POST', headers: spec.headers, body: spec.body });
  const json = (await response.json()) as Record<string, any>;
  if (!response.ok || json.errors) throw new Error(`${spec.url} answered ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json;
}

/**
 * CPU time (ms) a process has used so far, from /proc; with `children`, also that of its children
 * that have ended and been waited for.
 */
function cpuMs(pid: number, children = false): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / 100;
}

/**
 * CPU time (ms) all PostgreSQL server processes have used so far. A backend that ends (a pool
 * closing its connections) takes its time out of the running processes' sum; the postmaster that
 * waited for it adds it to its children's time, so that is counted too.
 */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) continue;
      total += cpuMs(Number(entry), true);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

interface Figures {
  rps: number;
  /** Latency percentiles of the requests sent after the run's first second (see SETTLE_MS). */
  p50: number;
  p99: number;
  /** p99 of every request of the run, the first burst included (autocannon's own figure). */
  p99All: number;
  nodeCpuMs: number;
  pgCpuMs: number;
  rssMb: number;
  errors: number;
}

/**
 * Latencies are taken from the requests sent after the first second of a run. At the start
 * autocannon sends one request on every connection at once, and that burst's slowest requests
 * took 2–4 times the settled p50 on all three servers alike (measured 2026-12-01 at 50
 * connections on `nodes`: Yizhan 2.3–3.9 s, PostGraphile 2.2–7.9 s, the floor 1.4–1.5 s, against
 * settled p50s of 0.9, 0.85 and 0.56 s); with some 450 requests in a 10 s window they alone made
 * the p99. The table prints the p99 of every request as well.
 */
const SETTLE_MS = 1000;

/** The q-quantile of ascending values (nearest rank); 0 when there are none. */
function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function load(target: Target, spec: ReturnType<typeof request>, connections: number): Promise<Figures> {
  const cpuBefore = cpuMs(target.pid);
  const pgBefore = postgresCpuMs();
  let maxRss = rssMb(target.pid);
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(target.pid));
  }, 250);
  const started = Date.now();
  const settled: number[] = [];
  // Without a callback autocannon returns its run as a promise that is also an event emitter.
  const run = autocannon({ url: spec.url, method: 'POST', headers: spec.headers, body: spec.body, connections, duration: SECONDS }) as Promise<autocannon.Result> & {
    on(event: 'response', listener: (client: unknown, status: number, bytes: number, latencyMs: number) => void): void;
  };
  run.on('response', (_client, _status, _bytes, latencyMs) => {
    if (Date.now() - latencyMs - started >= SETTLE_MS) settled.push(latencyMs);
  });
  const result = await run;
  clearInterval(sampler);
  const requests = Math.max(1, result.requests.total);
  settled.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(settled, 0.5),
    p99: percentile(settled, 0.99),
    p99All: result.latency.p99,
    nodeCpuMs: (cpuMs(target.pid) - cpuBefore) / requests,
    pgCpuMs: (postgresCpuMs() - pgBefore) / requests,
    rssMb: maxRss,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Statements one request sends: Yizhan in this process with a counting connection (the same
 * production configuration), the peer by its own count (GET /statements), the floor one by design.
 */
async function countStatements(database: BenchDatabase, peer: Target, params: Params, scenarios: Scenario[]): Promise<Record<ServerName, Record<Scenario, number>>> {
  let statements = 0;
  setLogDestination(new Writable({ write: (_chunk, _encoding, done) => done() }));
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: database.url, WEBHOOK_ENABLED: 'false', RATE_LIMIT_BUDGETS: UNSPENDABLE });
  const app = await createApp(config, { onQuery: () => statements++ });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const yizhan: Target = { name: 'yizhan', url: `http://127.0.0.1:${(app.httpServer.address() as { port: number }).port}`, pid: process.pid, stop: () => app.close() };
  const counts = { yizhan: {}, peer: {}, floor: {} } as Record<ServerName, Record<Scenario, number>>;
  try {
    for (const name of scenarios) {
      const spec = request(yizhan, name, params, database.keys.DEPARTMENT_PARTNER);
      await post(spec);
      statements = 0;
      await post(spec);
      counts.yizhan[name] = statements;

      const peerSpec = request(peer, name, params, database.keys.DEPARTMENT_PARTNER);
      await post(peerSpec);
      await fetch(`${peer.url}/statements`, { method: 'POST' });
      await post(peerSpec);
      counts.peer[name] = ((await (await fetch(`${peer.url}/statements`)).json()) as { statements: number }).statements;
      counts.floor[name] = 1;
    }
  } finally {
    await app.close();
  }
  return counts;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

async function main(): Promise<void> {
  process.stdout.write('Preparing a seeded database…\n');
  const database = await prepareDatabase();
  const targets: Target[] = [];
  try {
    // The peer gets the push-downs with their item code as a view, to order them as the others do.
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`create view station_item as
      select ssi.id, ssi.station_id, ssi.service_item_id, ssi.mode, ssi.status, i.code as item_code
        from station_service_item ssi join service_item i on i.id = ssi.service_item_id`);
    await admin.query(
      `comment on view station_item is E'@primaryKey id\\n@foreignKey (station_id) references station (id)\\n@foreignKey (service_item_id) references service_item (id)'`,
    );
    // The deep page: 50 stations in the second half of the list carrying as much data as the first
    // page — about the same number of active platforms and listed items (at most 20 a station) — so
    // the two compare the cost of the position, not of the data (the seed pushes items down only to
    // the stations of its first 900 codes, so a page after station 1,400 would carry a tenth).
    const { rows: deep } = await admin.query<{ code: string; id: string; position: number }>(
      `with s as (
         select code, id, row_number() over (order by code) as n,
           (select count(*) from platform p where p.station_id = station.id and p.active)
             + least(20, (select count(*) from station_service_item x where x.station_id = station.id)) as weight
         from station where archived_at is null and code >= $1 and code < $2),
       w as (select code, id, n, sum(weight) over (order by n rows between 1 following and 50 following) as total,
               count(*) over (order by n rows between 1 following and 50 following) as stations from s)
       select code, id, n::int as position from w
        where n >= (select count(*) from s) / 2 and stations = 50
        order by abs(total - (select sum(weight) from s where n <= 50)), n limit 1`,
      [XIANGYANG.codeFrom, XIANGYANG.codeTo],
    );
    const { rows: picked } = await admin.query<{ id: string }>(
      `select id from (select id, row_number() over (order by code) as n from station where archived_at is null and code >= $1 and code < $2) x where n % 14 = 0 limit 100`,
      [XIANGYANG.codeFrom, XIANGYANG.codeTo],
    );
    await admin.end();
    process.stdout.write(`The deep page starts after station ${deep[0].position}.\n`);
    const params: Params = {
      after: deep[0].code,
      afterCursor: Buffer.from(JSON.stringify([deep[0].code, deep[0].id])).toString('base64url'),
      ids: picked.map((row) => row.id),
    };

    ensurePeerInstalled();
    const yizhan: RunningServer = await startServer({ DATABASE_URL: database.url, NODE_ENV: 'production', RATE_LIMIT_BUDGETS: UNSPENDABLE });
    targets.push({ name: 'yizhan', url: yizhan.url, pid: yizhan.pid, stop: yizhan.stop });
    targets.push(await startScript('peer', database.url));
    targets.push(await startScript('floor', database.url));
    const byName = Object.fromEntries(targets.map((target) => [target.name, target])) as Record<ServerName, Target>;

    const scenarios = SCENARIOS.filter((scenario) => !ONLY || ONLY.includes(scenario.name));
    process.stdout.write('Counting statements per request…\n');
    const statements = await countStatements(
      database,
      byName.peer,
      params,
      scenarios.map((scenario) => scenario.name),
    );
    process.stdout.write('Checking that the three answers carry the same data…\n');
    for (const { name } of scenarios) {
      const answers = await Promise.all(targets.map(async (target) => canonical(target.name, name, await post(request(target, name, params, database.keys.DEPARTMENT_PARTNER)))));
      const [first, ...rest] = answers.map((answer) => JSON.stringify(answer));
      if (rest.some((answer) => answer !== first)) throw new Error(`the three servers answer the ${name} scenario with different data`);
      process.stdout.write(`  ${name}: ${answers[0].length} stations, ${Buffer.byteLength(first)} bytes of canonical JSON, the same from all three\n`);
    }

    const results: Record<string, Figures[]> = {};
    const runs: [number, number][] = [...Array.from({ length: ROUNDS }, (_, round) => [round, 20] as [number, number]), [ROUNDS, 50]];
    for (const [round, connections] of runs) {
      for (const { name } of scenarios) {
        for (const target of targets) {
          process.stdout.write(`  round ${round + 1}, ${connections} connections, ${name}, ${target.name}…\r`);
          const figures = await load(target, request(target, name, params, database.keys.DEPARTMENT_PARTNER), connections);
          (results[`${name}/${connections}/${target.name}`] ??= []).push(figures);
        }
      }
    }

    const mean = (list: Figures[], key: keyof Figures) => list.reduce((sum, figures) => sum + figures[key], 0) / list.length;
    const max = (list: Figures[], key: keyof Figures) => Math.max(...list.map((figures) => figures[key]));
    process.stdout.write(`\n\nMachine: ${(await import('node:os')).cpus().length} cores; ${ROUNDS} × ${SECONDS} s at 20 connections, 1 × ${SECONDS} s at 50, interleaved.\n`);
    for (const { name, title } of scenarios) {
      process.stdout.write(`\n${title}\n`);
      process.stdout.write(
        `${pad('connections server', 22)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('p99÷p50', 9)}${pad('p99 all', 9)}${pad('Node CPU ms/req', 17)}${pad('PG CPU ms/req', 15)}${pad('RSS MB', 9)}${pad('stmts', 7)}${pad('errors', 8)}req/s ÷ peer, ÷ floor\n`,
      );
      for (const connections of [20, 50]) {
        const peerRps = mean(results[`${name}/${connections}/peer`], 'rps');
        const floorRps = mean(results[`${name}/${connections}/floor`], 'rps');
        for (const server of ['yizhan', 'peer', 'floor'] as ServerName[]) {
          const list = results[`${name}/${connections}/${server}`];
          const rps = mean(list, 'rps');
          process.stdout.write(
            `${pad(`${connections} ${server}`, 22)}${pad(fixed(rps), 9)}${pad(fixed(mean(list, 'p50'), 0), 9)}${pad(fixed(mean(list, 'p99'), 0), 9)}${pad(fixed(mean(list, 'p99') / mean(list, 'p50'), 1), 9)}${pad(fixed(mean(list, 'p99All'), 0), 9)}${pad(fixed(mean(list, 'nodeCpuMs'), 2), 17)}${pad(fixed(mean(list, 'pgCpuMs'), 2), 15)}${pad(fixed(max(list, 'rssMb'), 0), 9)}${pad(String(statements[server][name]), 7)}${pad(String(mean(list, 'errors')), 8)}${fixed(rps / peerRps, 2)}, ${fixed(rps / floorRps, 2)}\n`,
          );
        }
      }
    }
    if (results['deep/20/yizhan'] && results['partner/20/yizhan']) {
      const ratios = (['yizhan', 'peer', 'floor'] as ServerName[]).map(
        (server) => `${server} ${fixed(mean(results[`deep/20/${server}`], 'rps') / mean(results[`partner/20/${server}`], 'rps'), 2)}`,
      );
      process.stdout.write(`\nThe deep page's req/s ÷ the first page's, at 20 connections: ${ratios.join(', ')}\n`);
    }
  } finally {
    for (const target of targets) await target.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
