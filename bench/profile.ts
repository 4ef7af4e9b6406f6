import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { prepareDatabase, startServer, UNSPENDABLE } from './lib/server';
import { SCENARIOS, YIZHAN_QUERIES, type Scenario } from './lib/scenarios';

/**
 * `npm run bench:profile [scenario]`: a CPU profile of the production server under load, for
 * looking before changing the read path. It seeds its own database, starts the server with
 * `--cpu-prof`, loads one scenario of the read-path benchmark with autocannon (PROFILE_SECONDS,
 * default 15, at PROFILE_CONNECTIONS, default 20), stops the server so the profile is written, and
 * prints where the server's time went: the top functions by self time and the time by package.
 * The .cpuprofile file opens in Chrome DevTools (Performance → Load profile).
 */
const scenario = (process.argv[2] ?? 'partner') as Scenario;
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 20);
const OUT = path.resolve(process.env.PROFILE_DIR ?? 'bench/profiles');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by key, as a share of all sampled time. */
function shares(profile: Profile, keyOf: (node: ProfileNode) => string): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const key = keyOf(nodes.get(id)!);
    totals.set(key, (totals.get(key) ?? 0) + delta);
    all += delta;
  });
  return [...totals].map(([key, time]): [string, number] => [key, time / all]).sort((a, b) => b[1] - a[1]);
}

const shortUrl = (url: string) => url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '');
const packageOf = (node: ProfileNode) => {
  const { url, functionName } = node.callFrame;
  if (url.includes('node_modules/')) return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)![1];
  if (url.includes('/dist/')) return 'yizhan';
  if (url.startsWith('node:')) return 'node';
  return functionName || '(native)';
};

async function main(): Promise<void> {
  if (!SCENARIOS.some((s) => s.name === scenario)) throw new Error(`Scenario is one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  if (scenario === 'deep' || scenario === 'nodes') throw new Error('Profile the partner or public page (deep and nodes need per-run variables)');
  fs.mkdirSync(OUT, { recursive: true });
  const before = new Set(fs.readdirSync(OUT));
  const database = await prepareDatabase();
  try {
    const server = await startServer({ DATABASE_URL: database.url, NODE_ENV: 'production', RATE_LIMIT_BUDGETS: UNSPENDABLE }, ['--cpu-prof', `--cpu-prof-dir=${OUT}`]);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (scenario !== 'public') headers.authorization = `Bearer ${database.keys.DEPARTMENT_PARTNER}`;
    const result = await autocannon({
      url: `${server.url}/graphql`,
      method: 'POST',
      headers,
      body: JSON.stringify({ query: YIZHAN_QUERIES[scenario] }),
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    await server.stop();
    console.log(`${scenario}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.errors + result.non2xx} errors`);
    const file = fs.readdirSync(OUT).find((name) => !before.has(name) && name.endsWith('.cpuprofile'));
    if (!file) throw new Error('The server wrote no profile');
    const profile = JSON.parse(fs.readFileSync(path.join(OUT, file), 'utf8')) as Profile;
    console.log(`\nprofile: ${path.join(OUT, file)}\n\ntop functions by self time:`);
    for (const [key, share] of shares(profile, (n) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber}`).slice(0, 25)) {
      console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${key}`);
    }
    console.log('\nby package:');
    for (const [key, share] of shares(profile, packageOf).slice(0, 12)) console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${key}`);
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
