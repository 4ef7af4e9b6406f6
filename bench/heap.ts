import autocannon from 'autocannon';
import { prepareDatabase, startServer, UNSPENDABLE } from './lib/server';
import { YIZHAN_QUERIES } from './lib/scenarios';

/**
 * `npm run bench:heap`: what HEAP_GROWING_PERCENT costs and saves. On one seeded database it starts
 * the production build once per setting and round (interleaved), warms it up, loads it with the
 * partner page at BENCH_CONNECTIONS (50) for BENCH_SECONDS (10), and prints req/s, p50, p99 and the
 * largest RSS sampled, each against V8's own heap growth (0) measured in the same run.
 * BENCH_HEAP_PERCENTS lists the settings (default 0,100,150), BENCH_ROUNDS the rounds (default 3).
 * Figures, not a test: run it on a quiet machine.
 */
const PERCENTS = (process.env.BENCH_HEAP_PERCENTS ?? '0,100,150').split(',').map((value) => Number(value.trim()));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
}

async function main(): Promise<void> {
  if (!PERCENTS.includes(0)) PERCENTS.unshift(0);
  process.stdout.write('Preparing a seeded database…\n');
  const database = await prepareDatabase();
  const figures = new Map<number, Figures[]>(PERCENTS.map((percent) => [percent, []]));
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const percent of PERCENTS) {
        process.stdout.write(`  round ${round}, HEAP_GROWING_PERCENT=${percent}…`);
        const server = await startServer({ DATABASE_URL: database.url, NODE_ENV: 'production', RATE_LIMIT_BUDGETS: UNSPENDABLE, HEAP_GROWING_PERCENT: String(percent) });
        try {
          const spec = {
            url: `${server.url}/graphql`,
            method: 'POST' as const,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${database.keys.DEPARTMENT_PARTNER}` },
            body: JSON.stringify({ query: YIZHAN_QUERIES.partner }),
          };
          await autocannon({ ...spec, connections: 10, duration: 3 });
          let rssMb = server.rssMb();
          const sampler = setInterval(() => (rssMb = Math.max(rssMb, server.rssMb())), 250);
          const result = await autocannon({ ...spec, connections: CONNECTIONS, duration: SECONDS });
          clearInterval(sampler);
          if (result.errors + result.non2xx) throw new Error(`${result.errors + result.non2xx} failed requests`);
          figures.get(percent)!.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rssMb });
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await database.drop();
  }
  const mean = (list: Figures[], key: keyof Figures) => list.reduce((sum, item) => sum + item[key], 0) / list.length;
  const base = figures.get(0)!;
  const pad = (text: string, width: number) => text.padEnd(width);
  process.stdout.write(`\nPartner page, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s interleaved (means; RSS the largest sampled)\n`);
  process.stdout.write(`${pad('HEAP_GROWING_PERCENT', 22)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('RSS MB', 9)}req/s ÷ V8 alone, RSS ÷ V8 alone\n`);
  for (const [percent, list] of figures) {
    const rss = Math.max(...list.map((item) => item.rssMb));
    process.stdout.write(
      `${pad(percent === 0 ? '0 (V8 alone)' : String(percent), 22)}${pad(mean(list, 'rps').toFixed(1), 9)}${pad(mean(list, 'p50').toFixed(0), 9)}${pad(mean(list, 'p99').toFixed(0), 9)}${pad(rss.toFixed(0), 9)}` +
        `${(mean(list, 'rps') / mean(base, 'rps')).toFixed(2)}, ${(rss / Math.max(...base.map((item) => item.rssMb))).toFixed(2)}\n`,
    );
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
