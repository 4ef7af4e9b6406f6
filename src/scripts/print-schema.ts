import fs from 'node:fs';
import path from 'node:path';
import { printSortedSchema } from '../graphql/schema';

/** `npm run schema:print`: writes the sorted SDL to schema.graphql in the project root (the npm script's cwd). */
const target = path.resolve(process.cwd(), 'schema.graphql');
fs.writeFileSync(target, printSortedSchema());
process.stdout.write(`wrote ${target}\n`);
