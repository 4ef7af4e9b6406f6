import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../../src/config';

/** The same churn in a process of its own, with HEAP_GROWING_PERCENT applied or left to V8. */
function maxHeapMb(percent: number): number {
  const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '..', 'helpers', 'heap-churn.ts'), String(percent)], {
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  return (JSON.parse(output) as { maxHeapMb: number }).maxHeapMb;
}

describe('HEAP_GROWING_PERCENT', () => {
  it('defaults to 100 and refuses values outside 0–300 by name', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(100);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '301' })).toThrow(/HEAP_GROWING_PERCENT/);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: 'viel' })).toThrow(/HEAP_GROWING_PERCENT/);
  });

  it('holds the heap of a program that promotes much garbage well below what V8 alone lets it reach', () => {
    const unbounded = maxHeapMb(0);
    const bounded = maxHeapMb(100);
    // About 90 MB stay alive: V8 alone let the heap reach about 460 MB here, 100% held it near 255.
    expect(bounded).toBeLessThan(unbounded * 0.75);
  }, 60_000);
});
