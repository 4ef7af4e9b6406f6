// @ts-check
'use strict';
/**
 * `npm test`: the whole suite, as two jest runs — every file but the statement-count file on two
 * workers, then that file alone. Arguments (`npm test -- test/unit/…`) make it one jest run with them.
 *
 * Why alone: test/integration/planned-statements.test.ts asks for the deepest selection of every
 * root list at `first: 100` — answers of up to 157 MB of JSON (a page of 100 stations three
 * relations deep). Run alone, its worker peaks at 2.2–3.3 GB (RSS, measured on this machine in
 * worker and in-band runs). Run beside the other files (jest starts it first, as the slowest) its
 * worker reached 7.9 GB in one run here and then stalled at V8's 8 GB heap limit, and in a CI run it
 * died there; the cause is not found (see the notes of issue 9).
 *
 * Workers get an 8 GB heap for the same file (NODE_OPTIONS); every other file stays far below it.
 */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const ALONE = 'test/integration/planned-statements.test.ts';
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() };
const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });

/** @param {string[]} args @returns {number} jest's exit status */
function jestRun(args) {
  const result = spawnSync(process.execPath, [jest, ...args], { cwd: ROOT, stdio: 'inherit', env });
  return result.status ?? 1;
}

const given = process.argv.slice(2);
if (given.length) process.exit(jestRun(given));

// Both runs, whatever the first gives: a failure in one does not hide the other's.
const others = jestRun(['--testPathIgnorePatterns', `${ALONE.replace(/\./g, '\\.')}$`]);
const alone = jestRun([ALONE]);
process.exit(others || alone);
