import { parseCsv as parseCsvRecords } from '../../src/modules/import/csv';

/**
 * The seed CSVs (header row, comma separated, fields optionally double-quoted with "" as the
 * escaped quote), read with the importer's RFC 4180 reader: one record per non-blank line, by
 * header name. The exports' tests read their CSV back with it.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsvRecords(text.replace(/^\uFEFF/, '')).filter((record) => record.some((field) => field.trim() !== ''));
  if (!header) return [];
  return records.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV record ${index + 2}: expected ${header.length} fields, got ${fields.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i]]));
  });
}
