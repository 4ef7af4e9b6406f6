import 'reflect-metadata';
import { loadConfig } from './config';
import { openEmbeddedDatabase } from './db/embedded';
import { logger } from './logger';
import { redactSql } from './db/redact';
import { applyHeapGrowth } from './heap';

/** Starts the API and shuts it down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  applyHeapGrowth(config.heapGrowingPercent);
  const migrate = config.migrateOnStart;
  const seed = config.seedOnFirstStart;
  // The embedded database opens on its own thread while this one loads the app (a second or two each).
  const embedded = config.databaseUrl ? undefined : openEmbeddedDatabase(config.embeddedDataDir, config.embeddedImageDir, { migrate, seed });
  embedded?.catch(() => undefined); // awaited in openDatabase; not an unhandled rejection meanwhile
  const { createApp } = await import('./app');
  const { pendingMigrations } = await import('./db/orm');
  const { bootstrapAdminClient } = await import('./modules/api-client/api-client.service');
  const app = await createApp(config, {
    migrate,
    seed,
    embedded,
    // Statement text only: bindings may carry personal data.
    onQuery: config.logSql ? (sql) => logger.info('sql', { sql: redactSql(sql) }) : undefined,
  });
  if (config.bootstrapAdmin && !(await pendingMigrations(app.database.orm)).length) {
    const issued = await bootstrapAdminClient(app.database.orm.em.fork());
    // The one time this key is ever shown: printed to the console, never to the JSON log.
    if (issued) {
      process.stdout.write(
        `\nCreated the first API client "${issued.client.name}" (ADMIN). Its key is shown this once; store it now:\n\n` +
          `    Authorization: Bearer ${issued.key}\n\n` +
          'Manage clients with npm run client:create / client:rotate / client:revoke / client:list.\n\n',
      );
    }
  }
  const image = (await embedded)?.image;
  if (image) logger.info('new embedded database: a copy of the prebuilt seeded image', { image });
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`Yizhan API listening on http://localhost:${port}/graphql, database: ${app.database.location}`, {
    database: app.database.kind,
    port,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', { error: String(error) });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  logger.error('start-up failed', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
