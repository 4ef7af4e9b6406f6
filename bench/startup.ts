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
 * each, default 3; BENCH_DATABASE_URL chooses the server).
 */
const RUNS = Number(process.env.BENCH_REPEAT ?? 3);

interface Timed {
  seconds: number;
  output: string;
}

/** Runs `npm <args>` in its own process group; resolves when `until` shows in its output (then stops the group) or when it exits. */
function timeNpm(args: string[], env: Record<string, string | undefined>, until?: RegExp): Promise<Timed> {
  const started = performance.now();
  const child = spawn('npm', args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let output = '';
    let seconds: number | undefined;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && seconds === undefined && until.test(output)) {
        seconds = (performance.now() - started) / 1000;
        // npm does not forward signals to the server: stop the whole group, as a terminal's Ctrl-C does.
        process.kill(-child.pid!, 'SIGTERM');
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      if (until && seconds !== undefined) return resolve({ seconds, output });
      if (!until && code === 0) return resolve({ seconds: (performance.now() - started) / 1000, output });
      reject(new Error(`npm ${args.join(' ')} ended with ${code} before it was done:\n${output.slice(-3000)}`));
    });
  });
}

const LISTENING = /listening on http/;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-startup-'));
const rows: { what: string; runs: number[] }[] = [];

async function measure(what: string, runs: number, once: (run: number) => Promise<Timed>): Promise<void> {
  const row = { what, runs: [] as number[] };
  rows.push(row);
  for (let run = 0; run < runs; run++) {
    row.runs.push((await once(run)).seconds);
    process.stdout.write(`  ${what}: ${row.runs.at(-1)!.toFixed(2)} s\n`);
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
  process.stdout.write(`\n${'what'.padEnd(58)} median    min    max  (seconds)\n`);
  for (const { what, runs } of rows) {
    process.stdout.write(
      `${what.padEnd(58)} ${median(runs).toFixed(2).padStart(6)} ${Math.min(...runs)
        .toFixed(2)
        .padStart(6)} ${Math.max(...runs)
        .toFixed(2)
        .padStart(6)}\n`,
    );
  }
  process.stdout.write(`load average at the end: ${load()}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(scratch, { recursive: true, force: true }));
