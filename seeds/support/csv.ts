/**
 * A minimal RFC 4180 reader (header row, comma separated, fields optionally double-quoted with ""
 * as the escaped quote and line breaks inside quotes; CRLF or LF between records; a leading byte
 * order mark and blank lines ignored). Reads the seed CSVs, and the exports back in their tests.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = splitRecords(text.replace(/^\uFEFF/, '')).filter((fields) => fields.length > 1 || fields[0].trim() !== '');
  if (records.length === 0) return [];
  const [header, ...rows] = records;
  return rows.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV record ${index + 2}: expected ${header.length} fields, got ${fields.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i]]));
  });
}

function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
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
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      if (char === '\r') i++;
      records.push([...fields, current]);
      fields = [];
      current = '';
    } else {
      current += char;
    }
  }
  if (current !== '' || fields.length) records.push([...fields, current]);
  return records;
}
