/**
 * A minimal RFC 4180 reader for the seed CSVs (header row, comma separated, fields optionally
 * double-quoted with "" as the escaped quote). Enough for the division tables; not a general
 * purpose parser (no embedded newlines inside quoted fields).
 */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((line, index) => {
    const fields = splitCsvLine(line);
    if (fields.length !== header.length) {
      throw new Error(`CSV line ${index + 2}: expected ${header.length} fields, got ${fields.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i]]));
  });
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
}
