import type ExcelJS from 'exceljs';
import { parseCsv, UnclosedQuote } from './csv';

/** A cell as read: text from a CSV, or what a spreadsheet stored (number, boolean, date). */
export type Cell = string | number | boolean | Date | null;

/** One data row of a file: its row number as the user sees it (the header is row 1). */
export interface TableRow {
  row: number;
  cells: Cell[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

/** Why a file could not be read at all (not a row's problem): said in Chinese, with the English after it. */
export class UnreadableFile extends Error {}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are an XLSX workbook (a zip), rather than CSV text. */
export function isXlsx(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** Reads the first worksheet of an XLSX workbook, or a CSV file (UTF-8 with or without BOM, or GB18030 as Excel saves it in China). */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  return isXlsx(bytes) ? readXlsx(bytes) : readCsv(decodeText(bytes));
}

function withoutBlankRows(headers: string[], rows: TableRow[]): Table {
  if (!headers.some((header) => header)) throw new UnreadableFile('文件没有表头行 The file has no header row');
  return { headers, rows: rows.filter((row) => row.cells.some((cell) => cell !== null && String(cell).trim() !== '')) };
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined || typeof value.result === 'object' ? null : value.result;
  if ('text' in value) return String(value.text);
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  // Loaded on the first XLSX, not at start-up: requiring exceljs takes more than half a second.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFile('无法读取该 XLSX 文件 The XLSX file cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('XLSX 文件没有工作表 The XLSX file has no worksheet');
  let headers: string[] = [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellOf(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    if (number === 1) headers = cells.map((cell) => (cell === null ? '' : String(cell).trim()));
    else rows.push({ row: number, cells });
  });
  return withoutBlankRows(headers, rows);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(text: string): Table {
  let parsed: string[][];
  try {
    parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw error instanceof UnclosedQuote ? new UnreadableFile(error.message) : error;
  }
  const [header = [], ...records] = parsed;
  // Row numbers as a spreadsheet shows them: a record spanning lines still counts as one row.
  const rows = records.map((cells, index) => ({ row: index + 2, cells: cells.map((cell) => (cell === '' ? null : cell)) }));
  return withoutBlankRows(
    header.map((cell) => cell.trim()),
    rows,
  );
}
