import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import { IMPORT_KINDS } from '../modules/import/import.kinds';
import { columnReference, csvTemplate, expectedXlsxContent, TEMPLATE_FOLDER, xlsxTemplate, xlsxTemplateContent } from '../modules/import/import.templates';

/** `npm run import:templates`: writes templates/import/<kind>.xlsx and .csv from the kinds' column definitions (a test checks they are up to date). */
async function main(): Promise<void> {
  const folder = resolve(__dirname, '..', '..', '..', TEMPLATE_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const kind of IMPORT_KINDS) {
    writeFileSync(join(folder, `${kind.name}.csv`), csvTemplate(kind));
    const xlsx = join(folder, `${kind.name}.xlsx`);
    // Written only when its content changes: the zip inside differs on every write, by its timestamps alone.
    if (!existsSync(xlsx) || !isDeepStrictEqual(await xlsxTemplateContent(readFileSync(xlsx)), expectedXlsxContent(kind))) writeFileSync(xlsx, await xlsxTemplate(kind));
    process.stdout.write(`${TEMPLATE_FOLDER}/${kind.name}.csv, .xlsx\n`);
  }
  writeFileSync(join(folder, 'README.md'), columnReference(IMPORT_KINDS));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
