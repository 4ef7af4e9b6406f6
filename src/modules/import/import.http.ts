import { GraphQLError } from 'graphql';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Authenticator } from '../../auth/authenticate';
import { hasRole } from '../../auth/principal';
import { Role } from '../../auth/roles';
import type { Config } from '../../config';
import { buildContext, type Context } from '../../graphql/context';
import { translate, type MessageKey, type MessageParams } from '../../i18n/messages';
import { localeFromAcceptLanguage } from '../../i18n/locale';
import { actorOf } from '../audit/change-recorder';
import { IMPORT_KINDS, importKindNamed } from './import.kinds';
import { runImport } from './import.service';
import { readTable, UnreadableFile } from './import.table';

/** The largest file POST /import/<kind> takes (the whole GraphQL endpoint takes far less). */
export const IMPORT_BODY_LIMIT = '10mb';

/**
 * POST /import/<kind>[?dryRun=true]: the file itself is the request body (XLSX or CSV, told apart
 * by their bytes; any content type), as the admin frontends' upload sends it. ADMIN imports
 * anything; a REGION_OPERATOR only rows its region may hold (others come back as bad rows).
 * Answers 200 with the report whether or not the file was taken; 4xx when it was not read at all.
 */
export function importRouter(orm: MikroORM, authenticate: Authenticator, config: Config): Router {
  const router = express.Router();
  const refuse = (req: Request, res: Response, status: number, code: string, key: MessageKey, params?: MessageParams) =>
    res.status(status).json({ errors: [{ message: translate(localeFromAcceptLanguage(req.headers['accept-language']), key, params), extensions: { code } }] });

  const allowOrigins = cors<cors.CorsRequest>({ origin: config.corsOrigins, credentials: true, maxAge: 600 });
  router.options('/import/:kind', allowOrigins);
  router.post(
    '/import/:kind',
    allowOrigins,
    // Who is asking, and whether the kind exists, before a byte of the file is read.
    async (req, res, next) => {
      res.setHeader('cache-control', 'no-store');
      try {
        if (!importKindNamed(req.params.kind)) {
          return void refuse(req, res, 404, 'NOT_FOUND', 'IMPORT_KIND_UNKNOWN', { kind: req.params.kind, kinds: IMPORT_KINDS.map((kind) => kind.name).join(', ') });
        }
        const ctx = buildContext(orm, req, authenticate, config);
        await ctx.authenticateCaller();
        if (ctx.principal.kind === 'anonymous') return void refuse(req, res, 401, 'UNAUTHENTICATED', 'IMPORT_SIGN_IN');
        if (!hasRole(ctx.principal, Role.ADMIN) && !hasRole(ctx.principal, Role.REGION_OPERATOR)) return void refuse(req, res, 403, 'FORBIDDEN', 'IMPORT_FORBIDDEN');
        res.locals.importContext = ctx;
        next();
      } catch (error) {
        next(error);
      }
    },
    express.raw({ type: () => true, limit: IMPORT_BODY_LIMIT }),
    async (req, res, next) => {
      try {
        const ctx = res.locals.importContext as Context;
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body) || body.length === 0) return void refuse(req, res, 400, 'BAD_REQUEST', 'IMPORT_FILE_EMPTY');
        const kind = importKindNamed(req.params.kind as string)!;
        const table = await readTable(body);
        const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
        const report = await runImport(ctx, kind, table, { dryRun, actor: actorOf(ctx.principal, ctx.requestId, `import:${kind.name}`) });
        res.json(report);
      } catch (error) {
        next(error);
      }
    },
  );

  router.use('/import', (error: Error & { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (error.type === 'entity.too.large') return void refuse(req, res, 413, 'PAYLOAD_TOO_LARGE', 'IMPORT_FILE_TOO_LARGE', { limit: IMPORT_BODY_LIMIT.toUpperCase() });
    if (error instanceof UnreadableFile) return void res.status(400).json({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
    // A refused credential (UNAUTHENTICATED), or the database down (SERVICE_UNAVAILABLE): as GraphQL would say it.
    if (error instanceof GraphQLError) {
      const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 500;
      return void res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
    }
    next(error);
  });
  return router;
}
