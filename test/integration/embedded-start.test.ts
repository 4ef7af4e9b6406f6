import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { ENV } from '../helpers/test-database';

/**
 * The newcomer's path: the server process itself, with no DATABASE_URL, on an embedded database
 * in a new data folder. The first start either copies the prebuilt seeded image (what `npm ci`
 * leaves behind) or, with no image of this code at hand, migrates and seeds; either way the city
 * is there, an admin key is printed once, and a restart keeps it all.
 */
const ROOT = path.join(__dirname, '..', '..');
let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-embedded-'));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  port: number;
  logLine: string;
  output: string;
  /** The key printed on a first start. */
  key?: string;
}

function startServer(dataDir: string, imageDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    EMBEDDED_DATA_DIR: dataDir,
    EMBEDDED_IMAGE_DIR: imageDir,
    NODE_ENV: 'development',
    LOG_SILENT: 'false',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 200_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('listening on'));
      if (line) {
        clearTimeout(timer);
        const key = /Authorization: Bearer (yz_[A-Za-z0-9_-]{40})/.exec(output)?.[1];
        resolve({ child, port: JSON.parse(line).port, logLine: JSON.parse(line).message, output, key });
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

/** Xiangyang's stations (the seed also holds Yanping's). */
async function totalCount(port: number): Promise<number> {
  return (await post(port, '{ stations(first: 1, filter: { regionCode: "420600" }) { totalCount } }')).body.data.stations.totalCount;
}

async function viewerName(port: number, key: string | undefined): Promise<string | null> {
  return (await post(port, '{ viewer { name } }', { authorization: `Bearer ${key}` })).body.data?.viewer?.name ?? null;
}

/** A new database that is a copy of the image must be a database of its own: write to it. */
async function createStation(port: number, key: string): Promise<string> {
  const { body } = await post(
    port,
    `mutation { createStation(input: { name: "镜像首启验证驿站", address: "湖北省襄阳市樊城区航空路1号", kind: COMMUNITY, tier: BASIC,
      regionCode: "420606002011", location: { latitude: 32.05, longitude: 112.14 } }) { station { code } userErrors { code } } }`,
    { authorization: `Bearer ${key}` },
  );
  expect(body.data.createStation.userErrors).toEqual([]);
  return body.data.createStation.station.code;
}

/** The seeded image of these sources: the one the embedded test run built, or one built now. */
async function seededImageDir(): Promise<string> {
  const built = process.env[ENV.image];
  if (built && fs.existsSync(built)) return path.dirname(built);
  const dir = path.join(scratch, 'images');
  await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/scripts/build-seeded-image.ts'], {
    cwd: ROOT,
    env: { ...process.env, EMBEDDED_IMAGE_DIR: dir, LOG_SILENT: 'true', TS_NODE_PROJECT: 'tsconfig.json' },
  });
  return dir;
}

it('first start from the prebuilt seeded image: the seeded city, a writable database of its own, an admin key of its own', async () => {
  const imageDir = await seededImageDir();
  const dataDir = path.join(scratch, 'from-image');
  const first = await startServer(dataDir, imageDir);
  let code: string;
  try {
    expect(first.output).toContain('a copy of the prebuilt seeded image');
    expect(first.logLine).toContain(`embedded PGlite at ${dataDir}`);
    expect(await totalCount(first.port)).toBe(1492);
    expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);
    // The image holds no API client: each new database makes and prints its own key.
    expect(first.key).toBeDefined();
    expect(await viewerName(first.port, first.key)).toBe('bootstrap-admin');
    code = await createStation(first.port, first.key!);
  } finally {
    expect(await stop(first.child)).toBe(0);
  }
  // A restart opens the folder as it was left: the image is not loaded again.
  const second = await startServer(dataDir, imageDir);
  try {
    expect(second.output).not.toContain('prebuilt seeded image');
    expect(second.key).toBeUndefined();
    expect(await totalCount(second.port)).toBe(1493);
    expect((await post(second.port, `{ stations(first: 1, filter: { search: "${code}" }) { nodes { code } } }`)).body.data.stations.nodes).toEqual([{ code }]);
    expect(await viewerName(second.port, first.key)).toBe('bootstrap-admin');
  } finally {
    expect(await stop(second.child)).toBe(0);
  }
  // The image itself is untouched by what the copy did.
  const third = await startServer(path.join(scratch, 'from-image-again'), imageDir);
  try {
    expect(third.output).toContain('a copy of the prebuilt seeded image');
    expect(await totalCount(third.port)).toBe(1492);
    expect(third.key).toBeDefined();
    expect(await viewerName(third.port, first.key)).toBeNull();
  } finally {
    expect(await stop(third.child)).toBe(0);
  }
}, 600_000);

it('first start with no image of this code: migrates and seeds, prints an admin key once, and keeps it all across a restart', async () => {
  const dataDir = path.join(scratch, 'from-scratch');
  const noImages = path.join(scratch, 'no-images');
  const first = await startServer(dataDir, noImages);
  try {
    expect(first.output).not.toContain('prebuilt seeded image');
    expect(first.logLine).toContain(`embedded PGlite at ${dataDir}`);
    expect(await totalCount(first.port)).toBe(1492);
    expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);
    expect(first.key).toBeDefined();
    const viewer = await post(first.port, '{ viewer { kind name roles } }', { authorization: `Bearer ${first.key}` });
    expect(viewer.body.data.viewer).toEqual({ kind: 'API_CLIENT', name: 'bootstrap-admin', roles: ['ADMIN'] });
  } finally {
    expect(await stop(first.child)).toBe(0);
  }
  const second = await startServer(dataDir, noImages);
  try {
    expect(await totalCount(second.port)).toBe(1492);
    expect(second.output).not.toContain('Authorization: Bearer');
    expect(await viewerName(second.port, first.key)).toBe('bootstrap-admin');
  } finally {
    expect(await stop(second.child)).toBe(0);
  }
}, 600_000);
