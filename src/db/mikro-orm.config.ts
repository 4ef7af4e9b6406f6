import 'reflect-metadata';
import { loadConfig } from '../config';
import { buildOrmOptions } from './orm';

/**
 * The MikroORM CLI's configuration (its one default export). It needs a real server:
 * set DATABASE_URL. The embedded database is reached through `npm run db:migrate`, which
 * starts it itself.
 */
const config = loadConfig();
if (!config.databaseUrl) {
  throw new Error('The MikroORM CLI needs DATABASE_URL=postgres://…; use `npm run db:migrate` for the embedded database');
}
export default buildOrmOptions({ clientUrl: config.databaseUrl, poolMax: 2 });
