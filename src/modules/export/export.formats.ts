import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportColumn } from './export.lists';

export type ExportFormat = 'csv' | 'jsonl' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Writes one export file to a stream: the header, then pages of records, then the end. */
export interface ExportWriter {
  page(nodes: readonly Record<string, unknown>[]): Promise<void>;
  /** Completes the file (only after the last page; an interrupted export is never ended). */
  end(): Promise<void>;
}

/** A column's value in a record, lists joined with "；" (null where a step on the way is null). */
export function cellOf(node: Record<string, unknown>, column: ExportColumn): string | number | boolean | null {
  let value: unknown = node;
  for (const name of column.path) value = value == null ? null : (value as Record<string, unknown>)[name];
  if (value == null) return null;
  if (Array.isArray(value)) return value.join('；');
  return value as string | number | boolean;
}

/** Waits until a full stream has drained; a stream closed meanwhile (the client left) throws. */
async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  }
  if (stream.destroyed) throw new Error('The export stream was closed');
}

/** Writes a chunk, waiting while the stream's buffer is full (memory stays flat on a slow client). */
async function write(stream: Writable, chunk: string): Promise<void> {
  stream.write(chunk);
  await drained(stream);
}

/**
 * A CSV field (RFC 4180), text that a spreadsheet would take for a formula (= + - @, tab, CR)
 * prefixed with an apostrophe so that opening the file runs nothing (OWASP's CSV injection advice).
 */
export function csvField(value: string | number | boolean | null): string {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (values: readonly (string | number | boolean | null)[]): string => `${values.map(csvField).join(',')}\r\n`;

/** UTF-8 with a byte order mark (Excel reads Chinese correctly only with it), CRLF line ends. */
function csvWriter(stream: Writable, columns: readonly ExportColumn[]): ExportWriter {
  let started = false;
  return {
    async page(nodes) {
      const head = started ? '' : `\uFEFF${csvLine(columns.map((column) => column.header))}`;
      started = true;
      await write(stream, head + nodes.map((node) => csvLine(columns.map((column) => cellOf(node, column)))).join(''));
    },
    async end() {
      if (!started) await write(stream, `\uFEFF${csvLine(columns.map((column) => column.header))}`);
      stream.end();
    },
  };
}

/** One JSON object per line: each record as the GraphQL API gives it (nested objects kept). */
function jsonlWriter(stream: Writable): ExportWriter {
  return {
    async page(nodes) {
      if (nodes.length) await write(stream, nodes.map((node) => `${JSON.stringify(node)}\n`).join(''));
    },
    async end() {
      stream.end();
    },
  };
}

/**
 * exceljs's streaming writer: each row is committed (serialized into the zip stream) as it is
 * added, inline strings rather than a shared-strings table that would grow with the file. Text is
 * written as text, never as a formula.
 */
function xlsxWriter(stream: Writable, columns: readonly ExportColumn[], sheetName: string): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((column) => column.header)).commit();
  return {
    async page(nodes) {
      for (const node of nodes) sheet.addRow(columns.map((column) => cellOf(node, column))).commit();
      await drained(stream);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function exportWriter(format: ExportFormat, stream: Writable, columns: readonly ExportColumn[], sheetName: string): ExportWriter {
  switch (format) {
    case 'csv':
      return csvWriter(stream, columns);
    case 'jsonl':
      return jsonlWriter(stream);
    case 'xlsx':
      return xlsxWriter(stream, columns, sheetName);
  }
}
