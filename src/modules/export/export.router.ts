import express, { type Request, type Response, type Router } from 'express';
import cors from 'cors';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Authenticator } from '../../auth/authenticate';
import type { Config } from '../../config';
import { buildContext, type Context } from '../../graphql/context';
import { databaseFailureError, ErrorCode } from '../../graphql/errors';
import { estimateCost } from '../../graphql/query-cost';
import { rateLimitHeaders } from '../../graphql/rate-limit';
import { breachError, chargeCaller, checkCallerCost } from '../../graphql/request-guard';
import type { BudgetLedger } from '../../graphql/rate-limit';
import { translate } from '../../i18n/messages';
import { describeDriverError } from '../../db/redact';
import { logger } from '../../logger';
import { CONTENT_TYPES, exportWriter, type ExportFormat } from './export.formats';
import { EXPORT_LISTS, type ExportList } from './export.lists';
import { exportPages, planExport } from './export.query';

/** `attachment` with an ASCII `filename` and the Chinese one as RFC 5987 `filename*`. */
export function contentDisposition(list: ExportList, format: ExportFormat, day: string): string {
  return `attachment; filename="${list.fileName.ascii}-${day}.${format}"; filename*=UTF-8''${encodeURIComponent(`${list.fileName.zh}-${day}.${format}`)}`;
}

/**
 * What went wrong: execute() wraps whatever a resolver threw in a GraphQLError; a typed error
 * thrown on purpose is its own cause, anything else (a driver error) is unwrapped so that it is
 * never answered with its message.
 */
function causeOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? causeOf(error.originalError) : error;
}

/** A refusal before the first byte, shaped like a GraphQL error response, with its HTTP status. */
function sendError(res: Response, ctx: Context, error: unknown): void {
  const cause = causeOf(error);
  const typed = cause instanceof GraphQLError ? cause : databaseFailureError(cause, { ...ctx, requestTimeoutMs: ctx.sqlBudget.budgetMs });
  // Anything else is a fault: logged by class and SQLSTATE (never a statement or a value), answered as a bare 500.
  if (!typed) logger.error('export failed', { requestId: ctx.requestId, error: describeDriverError(cause as Error & { code?: string }) });
  const { http, ...extensions } = (typed?.extensions ?? { code: ErrorCode.INTERNAL_SERVER_ERROR }) as { http?: { status?: number; headers?: Map<string, string> } };
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  res
    .status(http?.status ?? (typed ? 400 : 500))
    .json({ errors: [{ message: typed?.message ?? 'Internal server error', extensions: { ...extensions, requestId: ctx.requestId } }] });
}

/**
 * `GET /export/<list>.<csv|jsonl|xlsx>?<filter>`: a list streamed out as a file, read page by page
 * through the list's own GraphQL query with the caller's context — the same authentication,
 * declarations, row rules and masking as POST /graphql, and the budget charged once for a page's
 * cost. Refusals before the first byte are HTTP errors; a failure after it aborts the response,
 * so a cut-off file is never mistaken for a whole one.
 */
export function exportRouter(orm: MikroORM, schema: GraphQLSchema, authenticate: Authenticator, config: Config, ledger: BudgetLedger): Router {
  const router = express.Router();
  router.use('/export', cors<cors.CorsRequest>({ origin: config.corsOrigins, credentials: true, maxAge: 600 }));
  router.get('/export/:file', async (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    const ctx = buildContext(orm, req, authenticate, config);
    const match = /^([a-z-]+)\.(csv|jsonl|xlsx)$/.exec(String(req.params.file));
    const list = match && Object.hasOwn(EXPORT_LISTS, match[1]) ? EXPORT_LISTS[match[1]] : null;
    if (!match || !list) {
      const message = translate(ctx.locale, 'EXPORT_NOT_FOUND', { path: req.path.slice(0, 100), lists: Object.keys(EXPORT_LISTS).join(', ') });
      sendError(res, ctx, new GraphQLError(message, { extensions: { code: 'NOT_FOUND', http: { status: 404 } } }));
      return;
    }
    const format = match[2] as ExportFormat;
    ctx.requestLog.operation = `export:${match[1]}.${format}`;

    let pages: AsyncGenerator<Record<string, unknown>[]>;
    let first: IteratorResult<Record<string, unknown>[]>;
    let query: ReturnType<typeof planExport>;
    try {
      await ctx.authenticateCaller();
      query = planExport(schema, list, new URL(req.originalUrl, 'http://export').searchParams, ctx.principal, ctx.locale);
      // A page costs what the same query costs over POST /graphql, within the caller's maximum; the
      // export is charged one page.
      const estimate = estimateCost(schema, query.document, 'Export', query.variables, config.guard.maxEvaluatedFields);
      if ('breach' in estimate) throw breachError(estimate.breach, ctx.locale);
      checkCallerCost(ctx, config.guard.maxCost, estimate.cost);
      if (config.guard.rateBudgets) await chargeCaller(ctx, ledger, config.guard.rateBudgets, estimate.cost);
      pages = exportPages(schema, list, query, ctx);
      // The first page is read before anything is sent: a refusal there is still an HTTP error.
      first = await pages.next();
    } catch (error) {
      if (ctx.usage.budget) for (const [name, value] of rateLimitHeaders(ctx.usage.budget)) res.setHeader(name, value);
      sendError(res, ctx, error);
      return;
    }

    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    res.status(200);
    res.setHeader('content-type', CONTENT_TYPES[format]);
    res.setHeader('content-disposition', contentDisposition(list, format, day));
    if (ctx.usage.budget) for (const [name, value] of rateLimitHeaders(ctx.usage.budget)) res.setHeader(name, value);
    const writer = exportWriter(format, res, query.columns, list.fileName.zh);
    try {
      // The next page is read while this one is written: the database's time and ours overlap.
      for (let page = first; !page.done;) {
        const next = pages.next();
        next.catch(() => undefined);
        await writer.page(page.value);
        page = await next;
      }
      await writer.end();
    } catch (error) {
      // Headers and part of the file are out: end the connection without the final chunk.
      const cause = causeOf(error);
      logger.error('export aborted', {
        requestId: ctx.requestId,
        error: cause instanceof GraphQLError ? String(cause.extensions.code) : describeDriverError(cause as Error & { code?: string }),
      });
      await pages.return(undefined).catch(() => undefined);
      res.destroy();
    }
  });
  return router;
}
