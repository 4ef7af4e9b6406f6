import { applyHeapGrowth } from '../../src/heap';

/**
 * Run as its own process by test/unit/heap.test.ts: `node -r ts-node/register/transpile-only
 * heap-churn.ts <percent>`. Keeps about 90 MB alive (a fixed set plus a ring of recent records,
 * so records live long enough to be promoted, as a busy server's in-flight pages do) while
 * allocating 6 million records, and prints the largest heap V8 reserved on the way.
 */
applyHeapGrowth(Number(process.argv[2]));
const kept = Array.from({ length: 200_000 }, (_, i) => ({ i, name: `站点${i}`, tags: [i, i + 1] }));
const ring: unknown[] = new Array(300_000);
let maxHeap = 0;
for (let n = 0; n < 6_000_000; n++) {
  ring[n % ring.length] = { n, text: `记录${n}`, list: [n, n, n] };
  if (n % 10_000 === 0) maxHeap = Math.max(maxHeap, process.memoryUsage().heapTotal);
}
process.stdout.write(JSON.stringify({ kept: kept.length, maxHeapMb: Math.round(maxHeap / 1048576) }));
