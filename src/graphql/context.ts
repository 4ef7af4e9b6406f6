import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Knex, MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { Authenticator } from '../auth/authenticate';
import { ANONYMOUS, type Principal } from '../auth/principal';
import type { Config } from '../config';
import { createSqlReader, type SqlBudget, type SqlReader } from '../db/sql';
import { localeFromAcceptLanguage, type Locale } from '../i18n/locale';
import { databaseFailureError } from './errors';
import { createLoaders, type Loaders } from './loaders';
import type { BudgetState } from './rate-limit';
import { requestScope } from './request-scope';

/** What a request was found to cost and what it was charged, decided before it runs. */
export interface RequestUsage {
  /** The estimated cost of the operation (null until it is known). */
  cost: number | null;
  /** The highest cost this caller may ask for in one request. */
  maxCost: number;
  /** The caller's budget after this request; null when budgets are off. */
  budget: BudgetState | null;
}

/** What the request's log line says about the GraphQL operation (filled in as it becomes known). */
export interface RequestLogFields {
  /** `client:<id>`, `user:<subject>` or `anonymous`; never a name or a key. */
  caller?: string;
  operation?: string | null;
  operationType?: string;
  cost?: number | null;
}

export interface Context {
  requestId: string;
  locale: Locale;
  principal: Principal;
  /** The caller's network address (anonymous callers' budgets are per address). */
  clientAddress: string;
  /** A fresh EntityManager for this request's writes. */
  em: EntityManager;
  /** Plain-row reads. */
  db: SqlReader;
  loaders: Loaders;
  /** The request's time budget for SQL. */
  sqlBudget: SqlBudget;
  usage: RequestUsage;
  /** Shared with the HTTP request log (see app.ts): one line per request. */
  requestLog: RequestLogFields;
  /** The running configuration (e.g. where webhook URLs may point). */
  config: Config;
  /**
   * Resolves the request's credentials into `principal` (anonymous until then). The request guard
   * calls it once the document has passed the checks that need no database, so a refused document
   * costs no SQL at all; a bad credential then throws UNAUTHENTICATED (401).
   */
  authenticateCaller(this: Context): Promise<void>;
}

export function buildContext(orm: MikroORM, req: Request, authenticate: Authenticator, config: Config): Context {
  const { requestTimeoutMs } = config.guard;
  const requestId = String(req.res?.getHeader('x-request-id') ?? randomUUID());
  const locale = localeFromAcceptLanguage(req.headers['accept-language']);
  const sqlBudget: SqlBudget = { deadline: Date.now() + requestTimeoutMs, budgetMs: requestTimeoutMs };
  const db = createSqlReader(orm.em.getKnex(), sqlBudget);
  const requestLog: RequestLogFields = (req.res?.locals.requestLog as RequestLogFields | undefined) ?? {};
  return {
    requestId,
    locale,
    principal: ANONYMOUS,
    clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    em: orm.em.fork(),
    db,
    loaders: createLoaders(db),
    sqlBudget,
    usage: { cost: null, maxCost: 0, budget: null },
    requestLog,
    config,
    // `this`, not a captured variable: Apollo runs each operation on a shallow copy of the context.
    async authenticateCaller(this: Context) {
      let principal: Principal;
      try {
        principal = await authenticate(req, this.db);
      } catch (error) {
        // A database that is down while looking up the key is SERVICE_UNAVAILABLE, never its SQL.
        throw databaseFailureError(error, { requestId, locale, requestTimeoutMs }) ?? error;
      }
      this.principal = principal;
      const scope = requestScope.getStore();
      if (scope) Object.assign(scope, { principal, requestId });
      requestLog.caller = principal.kind === 'anonymous' ? 'anonymous' : `${principal.kind}:${principal.id}`;
    },
  };
}

/**
 * Points every read, loader and write of the request at one open transaction (an idempotent
 * mutation's: its stored response commits with its effect). Services' own `em.transactional`
 * calls become savepoints inside it.
 */
export function bindToTransaction(ctx: Context, trx: Knex.Transaction): void {
  const em = ctx.em.fork({ clear: true });
  em.setTransactionContext(trx);
  ctx.em = em;
  ctx.db = createSqlReader(trx, ctx.sqlBudget);
  ctx.loaders = createLoaders(ctx.db);
}
