import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded';
import { initOrm, pendingMigrations } from './orm';
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
    const openOrm = () => initOrm({ clientUrl: url, poolMax, statementTimeoutMs: config.guard.statementTimeoutMs, poolWaitMs: config.guard.poolWaitMs, onQuery: options.onQuery });
    let orm = await openOrm();
    try {
      // A restart finds nothing pending and opens one ORM, not two.
      if (options.migrate && (await pendingMigrations(orm)).length) {
        // Migrations run on a pool of their own without the requests' statement timeout (an index
        // over a large table may take longer than any request may); the requests' pool opens again
        // after them, so that its connections (PGlite's one session) carry the requests' settings.
        await orm.close(true);
        const setup = await initOrm({ clientUrl: url, poolMax, onQuery: options.onQuery });
        try {
          await setup.getMigrator().up();
        } finally {
          await setup.close(true);
        }
        orm = await openOrm();
      }
      // In a transaction of its own that lifts the statement timeout.
      if (options.seed) await runSeed(orm);
    } catch (error) {
      await orm.close(true);
      throw error;
    }
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

/**
 * Loads the demo seed in one transaction, without the statement timeout; a no-op once it has been
 * loaded. The seed's code is loaded only when this runs.
 */
export async function runSeed(orm: MikroORM) {
  const { seedDemo } = await import('../../seeds/xiangyang.seed');
  return orm.em.fork().transactional(async (em) => {
    await em.execute('set local statement_timeout = 0');
    return seedDemo({ execute: (sql, params) => em.execute(sql, params as unknown[]) });
  });
}
