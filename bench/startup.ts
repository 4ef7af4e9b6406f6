import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn, spawnSync } from 'node:child_process';
import { prepareDatabase, ROOT } from './lib/server';

/**
 * `npm run bench:startup`: how long a newcomer waits, measured the way they run it — through npm,
 * build check included — from the command to the server's "listening" log line (or to a client
 * script's exit):
 *  - the first `npm start` on a new embedded data folder, as after `npm ci` (a copy of the seeded image);
 *  - the same with no image of this code at hand (initdb, migrations, the whole demo seed);
 *  - `npm start` again on that folder (a restart), and on a seeded PostgreSQL server database;
 *  - `npm run client:list` on both.
 * Figures, not a test: the machine's load average is printed beside them (BENCH_REPEAT runs of
 * each, default 3; BENCH_DATABASE_URL chooses the server), and so is the CPU time of each run's
 * whole process tree (npm, the build check, the node process and its threads, its shutdown too):
 * on a shared machine the wall time follows the others' load, the CPU time much less.
 */
const RUNS = Number(process.env.BENCH_REPEAT ?? 3);

interface Timed {
  seconds: number;
  /** CPU seconds of the npm process tree until then; NaN where the system does not say (no /proc). */
  cpu: number;
  output: string;
}

/** A process's /proc stat fields after its name (Linux), or undefined. */
function procStat(pid: number | 'self'): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system, in 1/100 s) of a process itself and of its waited-for children. */
const cpuOf = (fields: string[], own = true) => ((own ? Number(fields[11]) + Number(fields[12]) : 0) + Number(fields[13]) + Number(fields[14])) / 100;

/** CPU seconds of this process's waited-for descendants: a finished npm run. */
function descendantsCpu(): number {
  const fields = procStat('self');
  return fields ? cpuOf(fields, false) : NaN;
}

/** CPU seconds of the live process group `group` (npm, its shell, the server and the server's threads), and of what they waited for. */
function groupCpu(group: number): number {
  if (!procStat('self')) return NaN;
  let cpu = 0;
  for (const name of fs.readdirSync('/proc')) {
    const fields = /^\d+$/.test(name) ? procStat(Number(name)) : undefined;
    if (fields && Number(fields[2]) === group) cpu += cpuOf(fields);
  }
  return cpu;
}

/** Runs `npm <args>` in its own process group; resolves when `until` shows in its output (then stops the group) or when it exits. */
function timeNpm(args: string[], env: Record<string, string | undefined>, until?: RegExp): Promise<Timed> {
  const started = performance.now();
  const cpuBefore = descendantsCpu();
  const child = spawn('npm', args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let output = '';
    let seconds: number | undefined;
    let cpu = NaN;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && seconds === undefined && until.test(output)) {
        seconds = (performance.now() - started) / 1000;
        cpu = groupCpu(child.pid!);
        // npm does not forward signals to the server: stop the whole group, as a terminal's Ctrl-C does.
        process.kill(-child.pid!, 'SIGTERM');
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      if (until && seconds !== undefined) return resolve({ seconds, cpu, output });
      if (!until && code === 0) return resolve({ seconds: (performance.now() - started) / 1000, cpu: descendantsCpu() - cpuBefore, output });
      reject(new Error(`npm ${args.join(' ')} ended with ${code} before it was done:\n${output.slice(-3000)}`));
    });
  });
}

const LISTENING = /listening on http/;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-startup-'));
const rows: { what: string; runs: number[]; cpu: number[] }[] = [];

async function measure(what: string, runs: number, once: (run: number) => Promise<Timed>): Promise<void> {
  const row = { what, runs: [] as number[], cpu: [] as number[] };
  rows.push(row);
  for (let run = 0; run < runs; run++) {
    const { seconds, cpu } = await once(run);
    row.runs.push(seconds);
    row.cpu.push(cpu);
    process.stdout.write(`  ${what}: ${seconds.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)\n`);
  }
}

function load(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  process.stdout.write(`Start-up times (${RUNS} runs each; ${os.cpus().length} CPUs, load average ${load()} at the start)\n`);
  // What `npm ci` leaves: the build and the seeded image (both no-ops when up to date).
  spawnSync('npm', ['run', '--silent', 'db:image'], { cwd: ROOT, stdio: 'inherit' });
  const embedded = (dataDir: string, imageDir?: string) => ({ DATABASE_URL: undefined, EMBEDDED_DATA_DIR: dataDir, EMBEDDED_IMAGE_DIR: imageDir, PORT: '0', HOST: '127.0.0.1' });
  const dataDir = (name: string) => path.join(scratch, name);

  await measure('first embedded start (copy of the seeded image)', RUNS, (run) => timeNpm(['start'], embedded(dataDir(`image-${run}`)), LISTENING));
  await measure('first embedded start without an image (migrate + seed)', 1, () => timeNpm(['start'], embedded(dataDir('scratch'), path.join(scratch, 'no-images')), LISTENING));
  await measure('restart, embedded', RUNS, () => timeNpm(['start'], embedded(dataDir('image-0')), LISTENING));
  await measure('npm run client:list, embedded', RUNS, () => timeNpm(['run', 'client:list'], embedded(dataDir('image-0'))));

  const server = await prepareDatabase();
  try {
    const onServer = { DATABASE_URL: server.url, PORT: '0', HOST: '127.0.0.1' };
    await measure('restart, PostgreSQL server', RUNS, () => timeNpm(['start'], onServer, LISTENING));
    await measure('npm run client:list, PostgreSQL server', RUNS, () => timeNpm(['run', 'client:list'], onServer));
  } finally {
    await server.drop();
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const column = (value: number) => value.toFixed(2).padStart(6);
  process.stdout.write(`\n${'what'.padEnd(58)} median    min    max  CPU median  (seconds)\n`);
  for (const { what, runs, cpu } of rows) {
    process.stdout.write(`${what.padEnd(58)} ${column(median(runs))} ${column(Math.min(...runs))} ${column(Math.max(...runs))}      ${column(median(cpu))}\n`);
  }
  process.stdout.write(`load average at the end: ${load()}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(scratch, { recursive: true, force: true }));
