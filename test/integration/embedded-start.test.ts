import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The newcomer's path: the server process itself, with no DATABASE_URL, on an embedded
 * database in a data folder; first start migrates and seeds, a restart keeps the data.
 */
const ROOT = path.join(__dirname, '..', '..');
let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-embedded-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; port: number; logLine: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', EMBEDDED_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_SILENT: 'false' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('listening on'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, port: JSON.parse(line).port, logLine: JSON.parse(line).message });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function totalCount(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stations(first: 1) { totalCount } }' }),
  });
  return ((await response.json()) as { data: { stations: { totalCount: number } } }).data.stations.totalCount;
}

it('starts on the embedded database, serves the seeded city, and keeps it across a restart', async () => {
  const first = await startServer();
  try {
    expect(first.logLine).toContain(`embedded PGlite at ${dataDir}`);
    expect(await totalCount(first.port)).toBe(1492);
    expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);
  } finally {
    expect(await stop(first.child)).toBe(0);
  }
  const second = await startServer();
  try {
    expect(await totalCount(second.port)).toBe(1492);
  } finally {
    expect(await stop(second.child)).toBe(0);
  }
}, 120_000);
