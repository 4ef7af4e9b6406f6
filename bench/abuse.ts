import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { prepareDatabase, startServer, type BenchDatabase, type RunningServer } from './lib/server';

/**
 * `npm run bench:abuse`: fires the abuse vectors a security review found at the production build
 * (NODE_ENV=production) on a freshly seeded PostgreSQL database, and prints for each how long the
 * refusal took and how the server's memory moved — with a trivial request measured in the same run
 * as the baseline. Every vector must be refused in under 100 ms with memory flat; the script exits
 * with 1 when one is not refused the expected way.
 * Figures, not a test: run it on a quiet machine (BENCH_DATABASE_URL chooses the server).
 */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
/** Rounds of every vector: memory that stays flat from one round to the next is not leaking. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const NESTED = '{ stations(first:100){ nodes { code serviceItems(first:100){ nodes { serviceItem { code stations(first:100){ nodes { station { code name } } } } } } } } }';

interface Vector {
  name: string;
  /** Who sends it. */
  as: 'anonymous' | 'ANALYST' | 'bad-key';
  body: () => unknown;
  headers?: Record<string, string>;
  /** The refusal expected: HTTP status and GraphQL error code (or a user-error code in the payload). */
  expect: { status: number; code: string };
}

const aliases = (count: number, field: (i: number) => string) => `{ ${Array.from({ length: count }, (_, i) => field(i)).join(' ')} }`;
const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

const VECTORS: Vector[] = [
  { name: 'nested 100 × 100 × 100 (617 bytes)', as: 'anonymous', body: () => ({ query: NESTED }), expect: { status: 400, code: 'QUERY_TOO_COMPLEX' } },
  {
    name: 'four aliases of it, with a key',
    as: 'ANALYST',
    body: () => ({ query: `{ ${[1, 2, 3, 4].map((n) => `q${n}: ${NESTED.slice(2, -2)}`).join(' ')} }` }),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  { name: '101 aliases', as: 'anonymous', body: () => ({ query: aliases(101, (i) => `a${i}: station(code: "x") { code }`) }), expect: { status: 400, code: 'QUERY_TOO_COMPLEX' } },
  {
    name: '500 repeats of one field',
    as: 'anonymous',
    body: () => ({ query: `{ stations(first: 1) { nodes { ${'region { code } '.repeat(500)} } } }` }),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: '3,000 aliased searches',
    as: 'anonymous',
    body: () => ({ query: aliases(3000, (i) => `s${i}: stations(filter: { search: "驿站" }) { totalCount }`) }),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: '900,000-character search',
    as: 'anonymous',
    body: () => ({ query: 'query($f: StationFilter) { stations(filter: $f) { totalCount } }', variables: { f: { search: 'x'.repeat(900_000) } } }),
    expect: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'nesting 40 levels deep',
    as: 'anonymous',
    body: () => ({ query: `{ regions(first: 1) { nodes { ${'children(first: 1) { nodes { '.repeat(20)}code${' } }'.repeat(20)} } } }` }),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'fragment bomb (12⁴ spreads)',
    as: 'anonymous',
    body: () => {
      const spreads = (name: string) => Array.from({ length: 12 }, () => `...${name}`).join(' ');
      return {
        query: `{ stations(first: 1) { nodes { ...A } } } fragment A on Station { ${spreads('B')} } fragment B on Station { ${spreads('C')} }
          fragment C on Station { ${spreads('D')} } fragment D on Station { ${spreads('E')} } fragment E on Station { code }`,
      };
    },
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'NUL byte in a variable',
    as: 'anonymous',
    body: () => ({ query: 'query($f: StationFilter) { stations(filter: $f) { totalCount } }', variables: { f: { search: 'a\u0000b' } } }),
    expect: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'lone surrogate in a variable',
    as: 'anonymous',
    body: () => ({ query: 'query($c: String) { station(code: $c) { name } }', variables: { c: 'x\ud800' } }),
    expect: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'forged DISTANCE cursor',
    as: 'anonymous',
    body: () => ({
      query:
        'query($a: String) { stations(first: 5, after: $a, orderBy: { field: DISTANCE }, filter: { near: { latitude: 32.04, longitude: 112.14, radiusMetres: 5000 } }) { nodes { code } } }',
      variables: { a: forged(['1e999', '00000000-0000-4000-8000-000000000000']) },
    }),
    expect: { status: 200, code: 'BAD_USER_INPUT' },
  },
  { name: 'subscription { __typename }', as: 'anonymous', body: () => ({ query: 'subscription { __typename }' }), expect: { status: 400, code: 'BAD_REQUEST' } },
  {
    name: 'webhook to loopback (port scan)',
    as: 'ANALYST',
    body: () => ({
      query: 'mutation($url: String!) { createWebhookSubscription(input: { url: $url }) { userErrors { code } } }',
      variables: { url: 'http://127.0.0.1:22/' },
    }),
    expect: { status: 200, code: 'INVALID' },
  },
  { name: 'unknown API key', as: 'bad-key', body: () => ({ query: '{ viewer { kind } }' }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
];

interface Outcome {
  status: number;
  code: string | null;
  ms: number;
}

async function send(server: RunningServer, body: unknown, headers: Record<string, string>): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[]; data?: Record<string, { userErrors?: { code: string }[] } | null> };
  const ms = performance.now() - started;
  const userError = json.data && Object.values(json.data)[0]?.userErrors?.[0]?.code;
  return { status: response.status, code: json.errors?.[0]?.extensions?.code ?? userError ?? null, ms };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main(): Promise<void> {
  process.stdout.write('Preparing a seeded database…\n');
  const database: BenchDatabase = await prepareDatabase();
  const server = await startServer({ DATABASE_URL: database.url, NODE_ENV: 'production' }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const headersOf = (as: Vector['as']): Record<string, string> =>
    as === 'anonymous' ? {} : as === 'bad-key' ? { authorization: 'Bearer yz_unknownUnknownUnknownUnknownUnknownUnkno' } : { authorization: `Bearer ${database.keys[as]}` };
  let failures = 0;
  try {
    // Warm up, then the baseline: the cheapest request there is, in the same run.
    for (let i = 0; i < 20; i++) await send(server, { query: '{ __typename }' }, {});
    const baseline: number[] = [];
    for (let i = 0; i < REPEAT; i++) baseline.push((await send(server, { query: '{ __typename }' }, {})).ms);
    const baselineP50 = percentile(baseline, 50);
    const rssStart = server.rssMb();
    process.stdout.write(`\nServer: production build, pid ${server.pid}, RSS ${fixed(rssStart)} MB after warm-up; baseline { __typename } p50 ${fixed(baselineP50, 2)} ms\n\n`);
    process.stdout.write(`${pad('vector', 40)}${pad('answer', 30)}${pad('p50 ms', 9)}${pad('max ms', 9)}${pad('× base', 9)}${pad('RSS Δ MB', 10)}verdict\n`);

    const rssAfterRounds: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const vector of VECTORS) {
        const rssBefore = server.rssMb();
        const outcomes: Outcome[] = [];
        const body = vector.body();
        for (let i = 0; i < REPEAT; i++) outcomes.push(await send(server, body, headersOf(vector.as)));
        const times = outcomes.map((outcome) => outcome.ms);
        const refusedAsExpected = outcomes.every((outcome) => outcome.status === vector.expect.status && outcome.code === vector.expect.code);
        const p50 = percentile(times, 50);
        const max = Math.max(...times);
        const fast = p50 < 100;
        if (!refusedAsExpected || !fast) failures++;
        const answer = `${outcomes[0].status} ${outcomes[0].code ?? '-'}`;
        if (round === 1)
          process.stdout.write(
            `${pad(vector.name, 40)}${pad(answer, 30)}${pad(fixed(p50), 9)}${pad(fixed(max), 9)}${pad(fixed(p50 / baselineP50), 9)}${pad(fixed(server.rssMb() - rssBefore), 10)}${refusedAsExpected ? (fast ? 'ok' : 'SLOW') : `EXPECTED ${vector.expect.status} ${vector.expect.code}`}\n`,
          );
      }
      rssAfterRounds.push(server.rssMb());
    }
    process.stdout.write(`\nRSS after each of ${ROUNDS} rounds of every vector × ${REPEAT}: ${rssAfterRounds.map((rss) => `${fixed(rss)} MB`).join(' → ')}\n\n`);

    // Budgets: an anonymous caller's cheap requests until the budget is spent.
    let spentAfter = 0;
    let refusal: Outcome | null = null;
    const flood = { query: '{ stations(first: 100) { nodes { code name region { name } } } }' };
    for (let i = 0; i < 200 && !refusal; i++) {
      const outcome = await send(server, flood, { 'x-forwarded-for': '203.0.113.50' });
      if (outcome.status === 429) refusal = outcome;
      else spentAfter++;
    }
    if (!refusal || refusal.code !== 'RATE_LIMITED') failures++;
    process.stdout.write(
      `${pad('anonymous flood of 201-cost pages', 40)}${pad(refusal ? `429 ${refusal.code} after ${spentAfter}` : 'never refused', 30)}${pad(refusal ? fixed(refusal.ms) : '-', 9)}${pad('', 18)}${pad('', 10)}${refusal ? 'ok' : 'NOT REFUSED'}\n`,
    );

    // The health check while the nested query is fired (it is refused, so nothing should wait).
    const health: number[] = [];
    const attack = Promise.all(Array.from({ length: 50 }, () => send(server, { query: NESTED }, {})));
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await fetch(`${server.url}/healthz`);
      health.push(performance.now() - started);
    }
    await attack;
    const rssEnd = server.rssMb();
    process.stdout.write(`\n/healthz during 50 concurrent nested queries: p50 ${fixed(percentile(health, 50), 2)} ms, max ${fixed(Math.max(...health), 2)} ms\n`);
    process.stdout.write(`RSS: ${fixed(rssStart)} MB after warm-up → ${fixed(rssEnd)} MB after every vector (${fixed(rssEnd - rssStart)} MB)\n`);
    process.stdout.write(failures ? `\n${failures} vector(s) not refused as expected or slower than 100 ms\n` : '\nEvery vector refused as expected in under 100 ms\n');
  } finally {
    await server.stop();
    await database.drop();
  }
  process.exitCode = failures ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
