import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Role } from '../auth/roles';
import type { Principal } from '../auth/principal';
import { loadConfig } from '../config';
import { runCommand } from './command';
import { openEmbeddedDatabase } from '../db/embedded';
import type { BadRow, ImportReport } from '../modules/import/import.service';

const USAGE = `Imports stations, service items, organizations or push-downs (XLSX or CSV; templates in templates/import/).

  npm run import -- <kind> FILE.xlsx|FILE.csv [--dry-run]

  kinds: stations, service-items, organizations, push-downs
  --dry-run   checks every row and reports the bad ones; writes nothing

The whole file is one transaction: any bad row and nothing is written (exit code 1, the bad rows
listed). Uses DATABASE_URL, or the embedded database when it is unset (stop the server first).`;

/** Columns of the bad-row table, padded by display width (a CJK character takes two columns). */
function width(text: string): number {
  let total = 0;
  for (const char of text) total += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return total;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

/** The bad rows as a table in Chinese: 行 | 列 | 原因. */
function badRowTable(rows: readonly BadRow[]): string {
  const cells = [['行', '列', '原因'], ...rows.map((row) => [String(row.row), row.column ?? '（整行）', row.reason])];
  const widths = [0, 1].map((index) => Math.max(...cells.map((cell) => width(cell[index]))));
  return cells.map((cell) => `${pad(cell[0], widths[0])}  ${pad(cell[1], widths[1])}  ${cell[2]}`).join('\n');
}

/** A progress bar on stderr, redrawn in place; only when stderr is a terminal. */
function progressBar(label: string): { update(done: number, total: number): void; end(): void } {
  if (!process.stderr.isTTY) return { update() {}, end() {} };
  let last = -1;
  return {
    update(done, total) {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (percent === last && done !== total) return;
      last = percent;
      const filled = Math.round((percent / 100) * 30);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${String(percent).padStart(3)}%  ${done}/${total}`);
    },
    end() {
      if (last >= 0) process.stderr.write('\n');
    },
  };
}

function summary(report: ImportReport, file: string): string {
  const counts = `新建 ${report.created}，修改 ${report.updated}，未变 ${report.unchanged}（共 ${report.rows} 行）`;
  if (report.badRows.length) return `${file}：有 ${report.badRows.length} 处问题，未写入任何数据。\n\n${badRowTable(report.badRows)}\n`;
  return report.dryRun ? `${file}：试导入通过，${counts}；未写入。\n` : `${file}：已导入，${counts}。\n`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  const [kindName, file] = positionals;
  const { importKindNamed, IMPORT_KINDS } = await import('../modules/import/import.kinds');
  const kind = kindName ? importKindNamed(kindName) : null;
  if (!kind || !file || positionals.length !== 2) {
    process.stderr.write(`${kindName && !kind ? `unknown kind ${kindName}; one of ${IMPORT_KINDS.map((known) => known.name).join(', ')}\n\n` : ''}${USAGE}\n`);
    return 2;
  }
  const bytes = readFileSync(file);
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : openEmbeddedDatabase(config.embeddedDataDir, config.embeddedImageDir);
  embedded?.catch(() => undefined); // awaited in openDatabase; not an unhandled rejection meanwhile
  const { openDatabase } = await import('../db/database');
  const { pendingMigrations } = await import('../db/orm');
  const { commandContext } = await import('../graphql/context');
  const { runImport } = await import('../modules/import/import.service');
  const { readTable } = await import('../modules/import/import.table');
  const database = await openDatabase(config, { embedded });
  try {
    const pending = await pendingMigrations(database.orm);
    if (pending.length) throw new Error(`run npm run db:migrate first (pending: ${pending.join(', ')})`);
    const name = basename(file);
    // The command line is the city's administrator at the keyboard; the change feed names the file.
    const principal: Principal = {
      kind: 'user',
      id: 'import',
      name: `导入 ${name}`.slice(0, 100),
      roles: [Role.ADMIN],
      departmentId: null,
      departmentCode: null,
      regionId: null,
      regionCode: null,
      regionPath: null,
    };
    const ctx = commandContext(database.orm, config, principal, 'zh');
    const bar = progressBar(`${kind.zh} ${name}`);
    const report = await runImport(ctx, kind, await readTable(bytes), {
      dryRun: values['dry-run'],
      actor: { kind: 'SYSTEM', id: null, name: principal.name, departmentId: null, requestId: ctx.requestId, mutation: `import:${kind.name}` },
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.end();
    (report.badRows.length ? process.stderr : process.stdout).write(summary(report, name));
    return report.badRows.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

runCommand(main);
