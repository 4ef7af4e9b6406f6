import ExcelJS from 'exceljs';
import type { ImportColumn } from './import.columns';
import type { ImportKind } from './import.service';

/** Where the templates live, from the repository's root: templates/import/<kind>.xlsx and .csv. */
export const TEMPLATE_FOLDER = 'templates/import';

/** A template's sheets: the data sheet (header and one example row) and the notes on each column. */
export const DATA_SHEET = '数据';
export const NOTES_SHEET = '说明';
export const NOTES_HEADER = ['列名', 'Column', '必填 Required', '说明 Notes'];

export function noteOf(column: ImportColumn): string {
  return typeof column.note === 'function' ? column.note() : column.note;
}

/** The notes sheet's rows (also the README's tables). */
export function notesOf(kind: ImportKind): string[][] {
  return kind.columns.map((column) => [column.zh, column.en, column.required ? '是 yes' : '否 no', noteOf(column)]);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV template: UTF-8 with a BOM (so that Excel opens it as UTF-8), the Chinese header and the example row. */
export function csvTemplate(kind: ImportKind): string {
  const lines = [kind.columns.map((column) => column.zh), kind.columns.map((column) => column.example)];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A fixed date, so that a template generated again differs only where its columns do. */
const TEMPLATE_DATE = new Date('2026-12-01T00:00:00Z');

/** The XLSX template: the data sheet and the notes sheet. */
export async function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yizhan';
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;
  const data = workbook.addWorksheet(DATA_SHEET);
  data.addRow(kind.columns.map((column) => column.zh)).font = { bold: true };
  data.addRow(kind.columns.map((column) => column.example));
  data.columns.forEach((sheetColumn) => {
    sheetColumn.width = 18;
    // Text cells: codes such as 420606002011 must not turn into numbers.
    sheetColumn.numFmt = '@';
  });
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.addRow(NOTES_HEADER).font = { bold: true };
  for (const row of notesOf(kind)) notes.addRow(row);
  notes.getColumn(4).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a template workbook holds, sheet by sheet: the cells' values as text. */
export async function xlsxTemplateContent(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const content: Record<string, string[][]> = {};
  for (const sheet of workbook.worksheets) {
    content[sheet.name] = [];
    sheet.eachRow((row) => {
      content[sheet.name].push(kindless(row.values as unknown[]).map((cell) => (cell == null ? '' : String(cell))));
    });
  }
  return content;
}

/** Row values as exceljs gives them start at index 1. */
function kindless(values: unknown[]): unknown[] {
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => values[index + 1]);
}

/** What a kind's XLSX template must hold (compared by content: the zip's own timestamps differ on every write). */
export function expectedXlsxContent(kind: ImportKind): Record<string, string[][]> {
  return {
    [DATA_SHEET]: [kind.columns.map((column) => column.zh), kind.columns.map((column) => column.example)],
    [NOTES_SHEET]: [NOTES_HEADER, ...notesOf(kind)],
  };
}
