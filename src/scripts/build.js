// @ts-check
'use strict';
/**
 * `npm run build`, and the step before `npm start` and every script that runs dist/: compiles the
 * project to dist/ when, and only when, a source changed since the last build. Plain JavaScript, as
 * it runs before anything is compiled.
 *
 * Unchanged (the usual restart) it costs a walk over the sources' timestamps, a few milliseconds —
 * not the second TypeScript takes to load and find out for itself. Otherwise `tsc -b` builds
 * incrementally (dist/tsconfig.build.tsbuildinfo): only what the change affects is checked again.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD_INFO = path.join(ROOT, 'dist', 'tsconfig.build.tsbuildinfo');
/** What the build reads: tsconfig.build.json's "include" and the configuration it extends. */
const INPUTS = ['src', 'seeds', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** @param {string} file @param {number} since @returns {boolean} */
function changedSince(file, since) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return false;
  if (stat.mtimeMs > since) return true;
  if (!stat.isDirectory()) return false;
  // Folders too: a deleted or renamed source changes its folder's timestamp. The seed's CSVs are data, not build input.
  return fs.readdirSync(file).some((name) => name !== 'data' && changedSince(path.join(file, name), since));
}

const built = fs.statSync(BUILD_INFO, { throwIfNoEntry: false });
if (!built || INPUTS.some((input) => changedSince(path.join(ROOT, input), built.mtimeMs))) {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    // Failed (type errors): the next check must call tsc again, to report them again, not find the build info newer.
    if (fs.existsSync(BUILD_INFO)) fs.utimesSync(BUILD_INFO, 0, 0);
    process.exit(result.status ?? 1);
  }
  // tsc leaves its build info as it was when nothing needed emitting (a file saved unchanged):
  // mark this check's time, so the next one does not call tsc again for the same file.
  const now = new Date();
  fs.utimesSync(BUILD_INFO, now, now);
}
