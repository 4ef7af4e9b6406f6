import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../config';
import { startEmbeddedDatabase } from '../db/embedded';
import { pruneSeededImages, seededImagePath } from '../db/seeded-image';

/**
 * `npm run db:image` (and `npm ci`, through `prepare`): builds the seeded image of this code in
 * EMBEDDED_IMAGE_DIR unless it is there already — a fresh in-memory PGlite, migrated and seeded,
 * written as a tarball. A new embedded database then starts as a copy of it (see db/seeded-image.ts).
 * Prints the image's path on the last line of its output (the test harness reads it).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const file = seededImagePath(config.embeddedImageDir);
  if (fs.existsSync(file)) {
    process.stdout.write(`The seeded image is up to date:\n${file}\n`);
    return;
  }
  const started = Date.now();
  // Loaded only to build: finding the image up to date takes no ORM.
  const { openDatabase } = await import('../db/database');
  fs.mkdirSync(config.embeddedImageDir, { recursive: true });
  // Old WAL segments are removed rather than kept for reuse: the image is half the size, and so
  // twice as fast to load. A setting of this run only; copies keep PostgreSQL's default.
  const embedded = await startEmbeddedDatabase('memory://', { settings: ['wal_recycle=off', 'min_wal_size=32MB'] });
  const partial = `${file}.${process.pid}.partial`;
  try {
    const database = await openDatabase({ ...config, databaseUrl: embedded.url, dbPoolMax: 1 }, { migrate: true, seed: true });
    await database.close();
    await embedded.dump(partial);
    // Whole or not at all: a reader never sees half an image.
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
    await embedded.stop();
  }
  pruneSeededImages(config.embeddedImageDir);
  const megabytes = (fs.statSync(file).size / 1024 / 1024).toFixed(0);
  process.stdout.write(`Built the seeded image (migrations + demo seed, ${megabytes} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s:\n${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`building the seeded image failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
