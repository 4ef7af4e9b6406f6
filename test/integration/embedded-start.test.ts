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

function startServer(): Promise<{ child: ChildProcess; port: number; logLine: string; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', EMBEDDED_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_SILENT: 'false' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('listening on'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, port: JSON.parse(line).port, logLine: JSON.parse(line).message, output });
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

async function post(port: number, query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

async function totalCount(port: number): Promise<number> {
  return (await post(port, '{ stations(first: 1) { totalCount } }')).body.data.stations.totalCount;
}

it('starts on the embedded database, serves the seeded city, prints an admin key once, and keeps it all across a restart', async () => {
  const first = await startServer();
  const key = /Authorization: Bearer (yz_[A-Za-z0-9_-]{40})/.exec(first.output)?.[1];
  try {
    expect(first.logLine).toContain(`embedded PGlite at ${dataDir}`);
    expect(await totalCount(first.port)).toBe(1492);
    expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);
    expect(key).toBeDefined();
    const viewer = await post(first.port, '{ viewer { kind name roles } }', { authorization: `Bearer ${key}` });
    expect(viewer.body.data.viewer).toEqual({ kind: 'API_CLIENT', name: 'bootstrap-admin', roles: ['ADMIN'] });
  } finally {
    expect(await stop(first.child)).toBe(0);
  }
  const second = await startServer();
  try {
    expect(await totalCount(second.port)).toBe(1492);
    expect(second.output).not.toContain('Authorization: Bearer');
    expect((await post(second.port, '{ viewer { name } }', { authorization: `Bearer ${key}` })).body.data.viewer.name).toBe('bootstrap-admin');
  } finally {
    expect(await stop(second.child)).toBe(0);
  }
}, 360_000);
