import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findSeededImage } from './seeded-image';

/** An embedded PostgreSQL (PGlite) served over the PostgreSQL wire protocol on a local TCP port. */
export interface EmbeddedDatabase {
  /** postgres://… URL that the normal PostgreSQL driver connects to. */
  url: string;
  /** Where the data lives: a folder, or memory:// for a throwaway database. */
  dataDir: string;
  /** The seeded image this new database was loaded from, if it was. */
  image?: string;
  /** Writes a tarball of the whole data directory to `file`, to start identical copies from. */
  dump(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** A new database starts as a copy of this tarball (a seeded image) instead of an empty cluster. */
  image?: string;
  /** PostgreSQL settings for this run only, e.g. 'wal_recycle=off'. */
  settings?: string[];
}

/**
 * Connections the socket server accepts. The application pool is kept at one connection
 * (PGlite has a single backend; see STACK.md), plus room for a psql or the MikroORM CLI.
 */
const MAX_SOCKET_CONNECTIONS = 4;

/**
 * Settings of every embedded run. PostgreSQL's 128 MB of shared buffers are zeroed at each start
 * (CPU, and memory the process keeps) though the whole demo database is some 60 MB, which the
 * operating system's file cache holds anyway: 32 MB start faster and keep 100 MB less resident.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=32MB'];

/**
 * Starts PGlite on `dataDir` (created when missing), on a worker thread of its own (see
 * embedded-worker.js), with the extensions the migrations use and a socket server on 127.0.0.1
 * with an OS-chosen port (no stale unix socket can block it).
 */
export function startEmbeddedDatabase(dataDir: string, options: StartEmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const worker = new Worker(path.join(__dirname, 'embedded-worker.js'), {
    // Not the parent's flags: a `-r ts-node/register` there would load TypeScript into this thread for nothing.
    execArgv: [],
    workerData: { dataDir, image: options.image, settings: [...EMBEDDED_SETTINGS, ...(options.settings ?? [])], maxConnections: MAX_SOCKET_CONNECTIONS },
  });
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let gone: Error | undefined;
  const fail = (error: Error) => {
    gone ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const call = (message: { type: 'dump'; file: string } | { type: 'stop' }) =>
    new Promise<void>((resolve, reject) => {
      if (gone) return reject(gone);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });

  return new Promise<EmbeddedDatabase>((resolve, reject) => {
    worker.on('message', (message: { type: string; id?: number; url?: string; message?: string }) => {
      if (message.type === 'ready') {
        resolve({
          url: message.url!,
          dataDir,
          image: options.image,
          dump: (file) => call({ type: 'dump', file }),
          async stop() {
            if (gone) return;
            await call({ type: 'stop' });
            await worker.terminate();
          },
        });
      } else if (message.type === 'failed') {
        const error = new Error(`the embedded database at ${dataDir} did not start: ${message.message}`);
        fail(error);
        reject(error);
        void worker.terminate();
      } else if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.type === 'done') waiting?.resolve();
        else waiting?.reject(new Error(`embedded database: ${message.message}`));
      }
    });
    worker.on('error', (error) => {
      fail(error);
      reject(error);
    });
    worker.on('exit', (code) => {
      const error = new Error(`the embedded database's thread ended (exit code ${code})`);
      fail(error);
      reject(error);
    });
  });
}

/** Whether `dataDir` holds no database yet (PostgreSQL writes PG_VERSION first). */
export function isNewDataDir(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * Starts the embedded database in `dataDir`. A new one that the start would migrate and seed anyway
 * starts instead as a copy of the seeded image of this very code, when one has been built (at
 * install, see scripts/build-seeded-image.ts): seconds instead of an empty cluster plus the seed.
 */
export function openEmbeddedDatabase(dataDir: string, imageDir: string, { migrate = false, seed = false } = {}): Promise<EmbeddedDatabase> {
  const image = migrate && seed && isNewDataDir(dataDir) ? findSeededImage(imageDir) : undefined;
  return startEmbeddedDatabase(dataDir, { image });
}
