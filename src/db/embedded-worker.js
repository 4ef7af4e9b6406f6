// @ts-check
'use strict';
/**
 * The embedded PostgreSQL (PGlite) on a thread of its own, served over the PostgreSQL wire protocol
 * on 127.0.0.1 with an OS-chosen port. embedded.ts starts it and talks to it by messages.
 *
 * Plain JavaScript on purpose: a worker thread gets Node's own module loader, with none of the
 * TypeScript hooks of the thread that started it (ts-node, ts-jest), so this one file runs as it is
 * under dist/, under ts-node and inside jest alike — and inside jest it is what lets a test file
 * start PGlite at all (jest's sandbox refuses the dynamic import() PGlite's CommonJS build makes).
 * On a thread of its own, PGlite also opens while the main thread loads the app, and its queries
 * leave the main thread's event loop free for HTTP.
 *
 * workerData: { dataDir, image?, settings, maxConnections } — see embedded.ts.
 * Messages in: { id, type: 'dump', file } | { id, type: 'stop' }.
 * Messages out: { type: 'ready', url } | { type: 'failed', message } | { id, type: 'done' } | { id, type: 'error', message }.
 */
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');

async function main() {
  if (!parentPort) throw new Error('embedded-worker.js runs as a worker thread (see embedded.ts)');
  const port = parentPort;
  const { PGlite } = require('@electric-sql/pglite');
  const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');
  // The extensions the migrations create (entry points PGlite declares only in package "exports").
  /** @param {string} name */
  const contrib = (name) => require(`@electric-sql/pglite/contrib/${name}`)[name];
  const extensions = { pg_trgm: contrib('pg_trgm'), cube: contrib('cube'), earthdistance: contrib('earthdistance'), btree_gist: contrib('btree_gist') };
  /** @type {{ dataDir: string, image?: string, settings: string[], maxConnections: number }} */
  const { dataDir, image, settings, maxConnections } = workerData;
  const db = await PGlite.create(dataDir, {
    extensions,
    // A file-backed Blob: the image is read when PGlite unpacks it, not copied first.
    loadDataDir: image ? await fs.openAsBlob(image) : undefined,
    startParams: [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ['-c', setting])],
  });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();

  port.on('message', (/** @type {{ id: number, type: string, file?: string }} */ message) => {
    const handle = async () => {
      if (message.type === 'dump' && message.file) {
        // A tarball of the whole data directory, to start identical copies from; after a checkpoint,
        // the copies need no WAL replay.
        await db.exec('checkpoint');
        const tarball = await db.dumpDataDir('none');
        await fs.promises.writeFile(message.file, Buffer.from(await tarball.arrayBuffer()));
      } else if (message.type === 'stop') {
        await server.stop();
        await db.close();
      } else {
        throw new Error(`unknown message ${message.type}`);
      }
    };
    handle().then(
      () => {
        port.postMessage({ id: message.id, type: 'done' });
        if (message.type === 'stop') port.close();
      },
      (error) => port.postMessage({ id: message.id, type: 'error', message: String((error && error.stack) || error) }),
    );
  });
  port.postMessage({ type: 'ready', url: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable` });
}

main().catch((error) => {
  parentPort?.postMessage({ type: 'failed', message: String((error && error.stack) || error) });
  parentPort?.close();
});
