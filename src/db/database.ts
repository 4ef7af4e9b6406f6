import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { seedDemo } from '../../seeds/xiangyang.seed';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded';
import { initOrm } from './orm';
import { describeUrl } from './url';

/** The database the app runs on: a real server (DATABASE_URL) or the embedded PGlite. */
export interface Database {
  orm: MikroORM;
  kind: 'server' | 'embedded';
  /** Where it is, for the start-up log line; never includes a password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Apply pending migrations (the embedded start and db:migrate do; a server deployment may not). */
  migrate?: boolean;
  /** Load the demo seed when it has not been loaded yet. */
  seed?: boolean;
  onQuery?: (sql: string) => void;
  /**
   * The embedded database, already starting (the server starts it first, so that PGlite opens on
   * its thread while the app loads); otherwise it is started here when there is no DATABASE_URL.
   */
  embedded?: Promise<EmbeddedDatabase>;
}

export async function openDatabase(config: Config, options: OpenDatabaseOptions = {}): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await (options.embedded ?? openEmbeddedDatabase(config.embeddedDataDir, config.embeddedImageDir, options));
    url = embedded.url;
  }
  try {
    // PGlite has one backend: more than one pooled connection can deadlock (see STACK.md).
    const poolMax = embedded ? 1 : config.dbPoolMax;
    if (options.migrate || options.seed) {
      // Migrations and the seed run on a pool of their own without the requests' statement timeout:
      // an index over a large table may take longer than any request may.
      const setup = await initOrm({ clientUrl: url, poolMax, onQuery: options.onQuery });
      try {
        if (options.migrate) await setup.getMigrator().up();
        if (options.seed) await runSeed(setup);
      } finally {
        await setup.close(true);
      }
    }
    const orm = await initOrm({
      clientUrl: url,
      poolMax,
      statementTimeoutMs: config.guard.statementTimeoutMs,
      poolWaitMs: config.guard.poolWaitMs,
      onQuery: options.onQuery,
    });
    return {
      orm,
      kind: embedded ? 'embedded' : 'server',
      location: embedded ? `embedded PGlite at ${embedded.dataDir}` : describeUrl(url),
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Loads the demo seed in one transaction; a no-op once it has been loaded. */
export async function runSeed(orm: MikroORM) {
  return orm.em.fork().transactional(async (em) => {
    await em.execute('set local statement_timeout = 0');
    return seedDemo({ execute: (sql, params) => em.execute(sql, params as unknown[]) });
  });
}
