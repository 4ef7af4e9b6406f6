import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/**
 * Seeded images: tarballs of a PGlite data directory that has been migrated and seeded, so that a
 * new embedded database (the first `npm start`, every test file) starts as a copy in seconds instead
 * of running initdb, the migrations and the whole demo seed.
 *
 * An image is named after a key: a hash of everything that decides its content — the migrations and
 * the seed with every project file they import (in the form this process runs: TypeScript sources or
 * compiled JavaScript), the seed's data files, the PGlite worker and PGlite's version. Change any of
 * them and the key changes, so a stale image is never loaded; it is simply not found.
 */

/** src/ or dist/src/'s parent: the project root, or dist/ when running compiled. */
const BASE = path.resolve(__dirname, '..', '..');
/** '.ts' under ts-node and jest, '.js' under dist/. */
const EXTENSION = path.extname(__filename);
/** Images kept in a folder: those of the sources and of dist/, with room for a branch switch. */
const KEEP_IMAGES = 4;

/** The files an image's content depends on, found by following relative imports from the roots. */
function imageSources(): string[] {
  const roots = [path.join(BASE, 'src', 'db', 'migrations', `index${EXTENSION}`), path.join(BASE, 'seeds', `xiangyang.seed${EXTENSION}`)];
  const found = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      const resolved = [`${target}${EXTENSION}`, path.join(target, `index${EXTENSION}`)].find((candidate) => fs.existsSync(candidate));
      if (resolved) queue.push(resolved);
    }
  }
  return [...found];
}

/** The seed's CSVs: beside the compiled seeds, or in the project's seeds/data (see xiangyang.data.ts). */
function seedDataFiles(): string[] {
  const dir = [path.join(BASE, 'seeds', 'data'), path.join(BASE, '..', 'seeds', 'data')].find((candidate) => fs.existsSync(path.join(candidate, 'villages.csv')));
  if (!dir) throw new Error('seeds/data not found');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => path.join(dir, name));
}

/** The installed PGlite's version (its package.json is not among its exports: found from its entry point). */
function pgliteVersion(): string {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The key of the image this code would build (see the module comment). */
export function seededImageKey(): string {
  const hash = createHash('sha256');
  hash.update(`pglite ${pgliteVersion()}\n`);
  const files = [...imageSources(), ...seedDataFiles(), path.join(__dirname, 'embedded-worker.js')].sort();
  for (const file of files) {
    hash.update(`${path.relative(BASE, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where the image of this code lives in `imageDir`, built or not. */
export function seededImagePath(imageDir: string): string {
  return path.join(imageDir, `seeded-${seededImageKey()}.tar`);
}

/** The image of this code in `imageDir`, if it has been built; marked as just used. */
export function findSeededImage(imageDir: string): string | undefined {
  const file = seededImagePath(imageDir);
  if (!fs.existsSync(file)) return undefined;
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // Not ours to touch (a read-only install, as in the Docker image): used all the same.
  }
  return file;
}

/** Removes all but the most recently used images in `imageDir`. */
export function pruneSeededImages(imageDir: string): void {
  const images = fs
    .readdirSync(imageDir)
    .filter((name) => /^seeded-[0-9a-f]{16}\.tar$/.test(name))
    .map((name) => ({ file: path.join(imageDir, name), used: fs.statSync(path.join(imageDir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { file } of images.slice(KEEP_IMAGES)) fs.rmSync(file, { force: true });
}
