import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IMPORT_KINDS } from '../modules/import/import.kinds';
import { csvTemplate, TEMPLATE_FOLDER, xlsxTemplate } from '../modules/import/import.templates';

/** `npm run import:templates`: writes templates/import/<kind>.xlsx and .csv from the kinds' column definitions. */
async function main(): Promise<void> {
  const folder = resolve(__dirname, '..', '..', '..', TEMPLATE_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const kind of IMPORT_KINDS) {
    writeFileSync(join(folder, `${kind.name}.csv`), csvTemplate(kind));
    writeFileSync(join(folder, `${kind.name}.xlsx`), await xlsxTemplate(kind));
    process.stdout.write(`${TEMPLATE_FOLDER}/${kind.name}.csv, .xlsx\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
