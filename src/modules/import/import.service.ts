import type { Context } from '../../graphql/context';
import type { UserError } from '../../graphql/errors';
import { createLoaders } from '../../graphql/loaders';
import { runUnitOfWork, unitOf } from '../../graphql/unit-of-work';
import { translate, type MessageKey, type MessageParams } from '../../i18n/messages';
import type { ChangeActor } from '../audit/change-recorder';
import { CellProblem, isEmpty, type ImportColumn, type RowValues } from './import.columns';
import type { Table } from './import.table';

/** A row that cannot be imported: the row number as the spreadsheet shows it, the column's Chinese header (null: the whole row), and why. */
export interface BadRow {
  row: number;
  column: string | null;
  reason: string;
}

/** What one row did, or the problems that stop it: a mutation's user errors, or the kind's own. */
export type RowOutcome = { outcome: 'created' | 'updated' | 'unchanged' } | { errors: readonly RowError[] };

/** A problem with a row: `field` is the input field (a column's key or one of its fields), null for the whole row. */
export interface RowError {
  field: string | null;
  message: string;
}

/** One importable kind of record: its columns and how a row is written through the kind's mutations. */
export interface ImportKind {
  /** As in the URL and the command: stations, service-items, … */
  name: string;
  zh: string;
  columns: readonly ImportColumn[];
  /** What identifies the row's record within the file (a record may appear once); null when nothing does yet. */
  keyOf(values: RowValues): string | null;
  /** Creates, updates or leaves alone the row's record, through the kind's mutation services. */
  apply(ctx: Context, values: RowValues): Promise<RowOutcome>;
}

export interface ImportReport {
  kind: string;
  dryRun: boolean;
  /** Whether the rows were written (a real run without bad rows). */
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  badRows: BadRow[];
}

export interface ImportOptions {
  dryRun: boolean;
  /** Who the change feed records as the writer. */
  actor: ChangeActor;
  /** Called after each row is checked (and written, in a real run). */
  onProgress?: (done: number, total: number) => void;
}

/** Rows of a file are checked with a time budget of their own, not a request's. */
const IMPORT_TIME_BUDGET_MS = 30 * 60_000;

/** The user errors of a mutation payload, as row errors (field paths relative to `input`). */
export function rowErrorsOf(userErrors: readonly UserError[]): RowError[] {
  return userErrors.map((error) => ({ field: error.field[0] === 'input' && error.field.length > 1 ? error.field.slice(1).join('.') : null, message: error.message }));
}

/** A column header as written in a file, compared without spaces and case. */
function normalisedHeader(header: string): string {
  return header.replace(/[\s_（）()*＊]/g, '').toLowerCase();
}

function columnOfField(kind: ImportKind, field: string | null): ImportColumn | null {
  if (field === null) return null;
  // The column of the field itself, else of the nearest enclosing field (location.latitude → location).
  for (let name = field; name; name = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '') {
    const column = kind.columns.find((candidate) => candidate.key === name || candidate.fields.includes(name));
    if (column) return column;
  }
  return null;
}

/** Maps the file's headers to the kind's columns: unknown, repeated or missing required columns are row 1's problems. */
function mapHeaders(ctx: Context, kind: ImportKind, headers: readonly string[]): { columns: (ImportColumn | null)[]; problems: BadRow[] } {
  const problems: BadRow[] = [];
  const say = (key: MessageKey, params: MessageParams) => translate(ctx.locale, key, params);
  const columns = headers.map((header) => {
    if (!header) return null;
    const column = kind.columns.find((candidate) => [candidate.zh, candidate.en, candidate.key].some((name) => normalisedHeader(name) === normalisedHeader(header)));
    if (!column) problems.push({ row: 1, column: header, reason: say('IMPORT_HEADER_UNKNOWN', { header }) });
    return column ?? null;
  });
  for (const column of kind.columns) {
    const count = columns.filter((found) => found === column).length;
    if (count > 1) problems.push({ row: 1, column: column.zh, reason: say('IMPORT_HEADER_REPEATED', { header: column.zh }) });
    if (count === 0 && column.required) problems.push({ row: 1, column: column.zh, reason: say('IMPORT_HEADER_MISSING', { header: column.zh }) });
  }
  return { columns, problems };
}

/**
 * Imports a file's rows as one unit of work: every row goes through the kind's mutation services
 * (their rules, permissions and change recording), each in a savepoint, so that a bad row is
 * undone alone and the rest are still checked. Any bad row, or a dry run, rolls the whole unit
 * back: nothing is written, and every bad row is reported. A record the row describes as it
 * already is is left alone (no new version, no change-feed entry), so importing a file twice
 * changes nothing the second time.
 */
export async function runImport(ctx: Context, kind: ImportKind, table: Table, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { kind: kind.name, dryRun: options.dryRun, committed: false, rows: table.rows.length, created: 0, updated: 0, unchanged: 0, badRows: [] };
  const say = (key: MessageKey, params?: MessageParams) => translate(ctx.locale, key, params);
  const { columns, problems } = mapHeaders(ctx, kind, table.headers);
  report.badRows.push(...problems);
  if (!table.rows.length) report.badRows.push({ row: 1, column: null, reason: say('IMPORT_NO_ROWS') });
  if (report.badRows.length) return report;

  const parsed: { row: number; values: RowValues }[] = [];
  const rowOfKey = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const values: RowValues = {};
    let bad = false;
    columns.forEach((column, index) => {
      if (!column) return;
      const cell = cells[index] ?? null;
      try {
        values[column.key] = isEmpty(cell) ? null : column.parse(cell);
        if (values[column.key] === null && column.required) throw new CellProblem('IMPORT_CELL_REQUIRED');
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        report.badRows.push({ row, column: column.zh, reason: say(error.key, error.params) });
        bad = true;
      }
    });
    const key = bad ? null : kind.keyOf(values);
    if (key !== null && rowOfKey.has(key)) {
      report.badRows.push({ row, column: null, reason: say('IMPORT_ROW_DUPLICATE', { row: rowOfKey.get(key)! }) });
      bad = true;
    } else if (key !== null) rowOfKey.set(key, row);
    if (!bad) parsed.push({ row, values });
  }

  ctx.sqlBudget.deadline = Date.now() + IMPORT_TIME_BUDGET_MS;
  ctx.sqlBudget.budgetMs = IMPORT_TIME_BUDGET_MS;
  let done = table.rows.length - parsed.length;
  options.onProgress?.(done, table.rows.length);
  await runUnitOfWork(
    ctx,
    `import:${kind.name}`,
    async () => {
      for (const { row, values } of parsed) {
        const result = await applyInSavepoint(ctx, () => kind.apply(ctx, values));
        if ('errors' in result) {
          for (const error of result.errors) report.badRows.push({ row, column: columnOfField(kind, error.field)?.zh ?? null, reason: error.message });
        } else report[result.outcome]++;
        options.onProgress?.(++done, table.rows.length);
      }
      report.committed = !options.dryRun && report.badRows.length === 0;
      return report;
    },
    () => !report.committed,
    options.actor,
  );
  report.badRows.sort((a, b) => a.row - b.row);
  return report;
}

/** Runs one row's writes in a savepoint: a row with problems leaves nothing behind, in the database or the change recorder. */
async function applyInSavepoint(ctx: Context, work: () => Promise<RowOutcome>): Promise<RowOutcome> {
  const unit = unitOf(ctx);
  const name = `import_row_${++unit.savepoints}`;
  const restoreRecorder = unit.recorder.checkpoint();
  await unit.trx.raw(`savepoint ${name}`);
  let outcome: RowOutcome | null = null;
  try {
    outcome = await work();
    return outcome;
  } finally {
    if (outcome && !('errors' in outcome)) await unit.trx.raw(`release savepoint ${name}`);
    else {
      await unit.trx.raw(`rollback to savepoint ${name}`);
      restoreRecorder();
      ctx.em.clear();
    }
    // Batched reads cached during the row may describe what it rolled back, or what it changed.
    ctx.loaders = createLoaders(ctx.db);
  }
}
