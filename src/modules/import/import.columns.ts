import { getMetadataStorage } from 'type-graphql';
import type { MessageKey, MessageParams } from '../../i18n/messages';
import type { Cell } from './import.table';

/** A cell that cannot become the column's value: the message key of the reason. */
export class CellProblem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

/** One column of an import file: its headers, what it feeds, and how a cell becomes a value. */
export interface ImportColumn {
  /** The value's name in a parsed row. */
  key: string;
  /** 表头（中文）The Chinese header; the English one is accepted too. */
  zh: string;
  en: string;
  required: boolean;
  /** The mutation input fields whose user errors are this column's (e.g. location → 纬度). */
  fields: readonly string[];
  /** 说明 What to put in it, Chinese then English (the template's notes sheet and the README); a function when it lists an enum's values. */
  note: string | (() => string);
  /** The template's example value. */
  example: string;
  /** The cell's value; null for an empty cell. Throws CellProblem. */
  parse(cell: string | number | boolean | Date): unknown;
}

/** The column definition with the common parts filled in. */
export function column(
  key: string,
  zh: string,
  en: string,
  parse: ImportColumn['parse'],
  rest: { note: ImportColumn['note']; example: string; required?: boolean; fields?: string[] },
): ImportColumn {
  return { key, zh, en, parse, required: rest.required ?? false, fields: rest.fields ?? [key], note: rest.note, example: rest.example };
}

function shown(cell: string | number | boolean | Date): string {
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

export function text(cell: string | number | boolean | Date): string {
  return shown(cell).trim();
}

export function integer(cell: string | number | boolean | Date): number {
  const value = typeof cell === 'number' ? cell : /^\s*-?\d+\s*$/.test(shown(cell)) ? Number(shown(cell)) : NaN;
  if (!Number.isInteger(value)) throw new CellProblem('IMPORT_CELL_NOT_INTEGER', { value: shown(cell) });
  return value;
}

export function decimal(cell: string | number | boolean | Date): number {
  const value = typeof cell === 'number' ? cell : /^\s*-?\d+(\.\d+)?\s*$/.test(shown(cell)) ? Number(shown(cell)) : NaN;
  if (!Number.isFinite(value)) throw new CellProblem('IMPORT_CELL_NOT_NUMBER', { value: shown(cell) });
  return value;
}

const YES = ['是', 'y', 'yes', 'true', '1', '有'];
const NO = ['否', 'n', 'no', 'false', '0', '无'];

export function yesNo(cell: string | number | boolean | Date): boolean {
  if (typeof cell === 'boolean') return cell;
  const given = shown(cell).trim().toLowerCase();
  if (YES.includes(given)) return true;
  if (NO.includes(given)) return false;
  throw new CellProblem('IMPORT_CELL_NOT_BOOLEAN', { value: shown(cell) });
}

/** A calendar date: a spreadsheet's date cell (stored as UTC midnight), or YYYY-MM-DD / YYYY/M/D text. */
export function date(cell: string | number | boolean | Date): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const match = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(shown(cell));
  const value = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : '';
  if (!match || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new CellProblem('IMPORT_CELL_NOT_DATE', { value: shown(cell) });
  }
  return value;
}

/** A list in one cell: items separated by semicolons (; or ；) or line breaks. */
export function list(cell: string | number | boolean | Date): string[] {
  return shown(cell)
    .split(/[;；\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The Chinese name an enum value's schema description starts with (基础性 for "基础性 Basic", 社区（村）党组织
 * for "社区（村）党组织 Community…", 代办 for "代办：驿站工作人员代为办理 …"), if it starts with one.
 */
function chineseNameOf(description: string | undefined): string | null {
  if (!/^[\u3400-\u9fff]/.test(description ?? '')) return null;
  return description!
    .split(/[A-Za-z]/)[0]
    .split(/[：:]/)[0]
    .trim();
}

export interface EnumNames<T extends string> {
  parse(cell: string | number | boolean | Date): T;
  /** The value's Chinese name, or the value itself when it has none. */
  zh(value: T): string;
  /** Every value, e.g. 基础性（BASIC）、标准型（STANDARD）. */
  allowed(): string;
}

/**
 * The values of a GraphQL enum, by its value names and by the Chinese names its schema
 * descriptions give them: the same words the API documents, nothing kept twice. Read on first use,
 * once the enum is registered.
 */
export function enumNames<T extends string>(enumObj: Record<string, T>): EnumNames<T> {
  let known: { byName: Map<string, T>; zhOf: Map<T, string> } | null = null;
  const names = () => {
    if (known) return known;
    const registered = getMetadataStorage().enums.find((candidate) => candidate.enumObj === enumObj);
    if (!registered) throw new Error('enumNames: the enum is not registered with type-graphql yet');
    known = { byName: new Map(), zhOf: new Map() };
    for (const value of Object.values(enumObj)) {
      known.byName.set(value.toUpperCase(), value);
      const zh = chineseNameOf(registered.valuesConfig[value]?.description);
      if (zh) {
        known.byName.set(zh, value);
        known.zhOf.set(value, zh);
      }
    }
    return known;
  };
  const self: EnumNames<T> = {
    zh: (value) => names().zhOf.get(value) ?? value,
    allowed: () =>
      Object.values(enumObj)
        .map((value) => (names().zhOf.has(value) ? `${self.zh(value)}（${value}）` : value))
        .join('、'),
    parse(cell) {
      const value = names().byName.get(text(cell).toUpperCase());
      if (!value) throw new CellProblem('IMPORT_CELL_NOT_ONE_OF', { value: text(cell), allowed: self.allowed() });
      return value;
    },
  };
  return self;
}

/** A parsed row: its values by column key (null for an empty cell, absent for a column the file does not have). */
export type RowValues = Record<string, unknown>;

export function isEmpty(cell: Cell): cell is null {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
