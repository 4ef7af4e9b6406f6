import fs from 'node:fs';

/** An embedded PostgreSQL (PGlite) served over the PostgreSQL wire protocol on a local TCP port. */
export interface EmbeddedDatabase {
  /** postgres://… URL that the normal PostgreSQL driver connects to. */
  url: string;
  /** Where the data lives: a folder, or memory:// for a throwaway database. */
  dataDir: string;
  /** A tarball of the whole data directory, to start identical copies from. */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * Connections the socket server accepts. The application pool is kept at one connection
 * (PGlite has a single backend; see STACK.md), plus room for a psql or the MikroORM CLI.
 */
const MAX_SOCKET_CONNECTIONS = 4;

// PGlite's CommonJS build loads its WASM with dynamic import(); plain require keeps this
// module loadable from compiled CommonJS. Its extension entry points are only declared
// through package "exports", which this project's TypeScript module resolution does not read.
/* eslint-disable @typescript-eslint/no-require-imports */
type PGliteModule = typeof import('@electric-sql/pglite');
type SocketModule = typeof import('@electric-sql/pglite-socket');
type Extensions = NonNullable<import('@electric-sql/pglite').PGliteOptions['extensions']>;
type Extension = Extensions[string];

/**
 * Starts PGlite on `dataDir` (created when missing) with the extensions the migrations use,
 * and a socket server on 127.0.0.1 with an OS-chosen port (no stale unix socket can block it).
 */
export async function startEmbeddedDatabase(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  const { PGlite } = require('@electric-sql/pglite') as PGliteModule;
  const { PGLiteSocketServer } = require('@electric-sql/pglite-socket') as SocketModule;
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  const { cube } = require('@electric-sql/pglite/contrib/cube') as { cube: Extension };
  const { earthdistance } = require('@electric-sql/pglite/contrib/earthdistance') as { earthdistance: Extension };
  const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as { btree_gist: Extension };

  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const extensions: Extensions = { pg_trgm, cube, earthdistance, btree_gist };
  const db = await PGlite.create(dataDir, { extensions, loadDataDir: options.loadDataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_SOCKET_CONNECTIONS });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    dataDir,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
