import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { expressMiddleware } from '@as-integrations/express5';
import { createAuthenticator } from './auth/authenticate';
import { createJwtVerifier } from './auth/jwt';
import type { Config } from './config';
import { openDatabase, type Database, type OpenDatabaseOptions } from './db/database';
import { pendingMigrations } from './db/orm';
import { buildContext, type Context } from './graphql/context';
import { createFormatError } from './graphql/errors';
import { graphiqlRouter } from './graphql/graphiql';
import { errorLocalization, errorLogging } from './graphql/plugins';
import { requestGuard } from './graphql/request-guard';
import { BudgetLedger } from './graphql/rate-limit';
import { createSqlReader } from './db/sql';
import { documentGuard } from './graphql/document-guard';
import { startHousekeeping, type Housekeeping } from './graphql/housekeeping';
import { getSchema } from './graphql/schema';
import { logger } from './logger';
import { requestLog } from './request-log';
import { importRouter } from './modules/import/import.http';
import { exportRouter } from './modules/export/export.router';
import { startWebhookDispatcher, type WebhookDispatcher } from './modules/webhook/webhook.dispatcher';

import { translate } from './i18n/messages';
import { localeFromAcceptLanguage } from './i18n/locale';

export const BODY_LIMIT = '1mb';

export interface App {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  database: Database;
  /** The loop that sends webhook deliveries; null when WEBHOOK_ENABLED is off. */
  webhooks: WebhookDispatcher | null;
  /** Prunes spent-out budgets and expired idempotency keys every ten minutes. */
  housekeeping: Housekeeping;
  /** Stops Apollo (draining requests), then the webhook loop, then closes the database. */
  close(): Promise<void>;
}

export interface CreateAppOptions extends OpenDatabaseOptions {
  /** An already-open database (tests share one per file); otherwise one is opened from config. */
  database?: Database;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const database = options.database ?? (await openDatabase(config, options));
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  // GraphQL answers are no-store, so an ETag (a SHA-1 of every response body) would never be used.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    res.setHeader('x-request-id', given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID());
    next();
  });

  // One line per request (request-log.ts): id, caller, operation, cost, duration, status.
  app.use(requestLog());

  // Headers a government reviewer expects on every answer: no MIME sniffing, no framing, no
  // referrer, HTTPS only in production (behind the TLS-terminating proxy); GraphQL answers carry
  // personal data, so no proxy or browser may store them.
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    if (config.isProduction) res.setHeader('strict-transport-security', 'max-age=31536000');
    if (req.path === '/graphql') res.setHeader('cache-control', 'no-store');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await database.orm.em.getConnection().execute('select 1');
      const pending = await pendingMigrations(database.orm);
      if (pending.length) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(graphiqlRouter());

  const authenticate = createAuthenticator(createJwtVerifier(config.jwt));
  app.use(importRouter(database.orm, authenticate, config));
  const schema = getSchema();
  // This instance's side of the shared request budgets (leases of points; see rate-limit.ts).
  const budgets = new BudgetLedger(createSqlReader(database.orm.em.getKnex()));
  const apollo = new ApolloServer<Context>({
    schema,
    // The document guard has already parsed within this limit; Apollo's own parse keeps it too.
    parseOptions: { maxTokens: config.guard.maxTokens },
    // Automatic persisted queries would let any caller store documents in this server's memory; unused.
    persistedQueries: false,
    csrfPrevention: true,
    // server.ts owns the signal handling (drain, then close the database); two stop() calls hang Apollo.
    stopOnTerminationSignals: false,
    introspection: true,
    includeStacktraceInErrorResponses: !config.isProduction,
    formatError: createFormatError(config.isProduction),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's default landing page loads its IDE from a CDN, which a government intranet cannot
      // reach; GraphiQL is served locally at /graphiql instead.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (GraphQL answers are no-store), and the plugin would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.isProduction ? [ApolloServerPluginDisableSuggestions()] : []),
      requestGuard(schema, config, budgets),
      errorLogging(config.guard.requestTimeoutMs),
      errorLocalization(),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.corsOrigins, credentials: true, maxAge: 600 }),
    express.json({ limit: BODY_LIMIT }),
    documentGuard(schema, config.guard),
    expressMiddleware(apollo, { context: async ({ req }) => buildContext(database.orm, req, authenticate, config) }),
  );

  app.use(exportRouter(database.orm, schema, authenticate, config, budgets));

  // Body-parser failures (too large, malformed JSON) as GraphQL-shaped errors.
  app.use((error: Error & { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          { message: translate(localeFromAcceptLanguage(req.headers['accept-language']), 'BODY_TOO_LARGE', { limit: BODY_LIMIT }), extensions: { code: 'PAYLOAD_TOO_LARGE' } },
        ],
      });
      return;
    }
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: translate(localeFromAcceptLanguage(req.headers['accept-language']), 'BODY_NOT_JSON'), extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error('unhandled HTTP error', { requestId: String(res.getHeader('x-request-id')), error: error.message });
    res.status(error.status ?? 500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  const webhooks = config.webhooks.enabled ? startWebhookDispatcher(database.orm, config.webhooks) : null;
  const housekeeping = startHousekeeping(database.orm, config.guard);

  return {
    app,
    httpServer,
    apollo,
    database,
    webhooks,
    housekeeping,
    async close() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await webhooks?.stop();
      await housekeeping.stop();
      await budgets.close();
      if (!options.database) await database.close();
    },
  };
}
