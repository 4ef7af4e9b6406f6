import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Knex, MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { Authenticator } from '../auth/authenticate';
import { ANONYMOUS, type Principal } from '../auth/principal';
import type { Config } from '../config';
import { closedEntityManager, RequestDatabase } from '../db/request-database';
import type { SqlBudget, SqlReader } from '../db/sql';
import { localeFromAcceptLanguage, type Locale } from '../i18n/locale';
import { databaseFailureError } from './errors';
import { createLoaders, type Loaders } from './loaders';
import type { BudgetState } from './rate-limit';
import type { UnitOfWork } from './unit-of-work';

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
  /**
   * The request's way to the database: while a transaction is open (a unit of work, an idempotent
   * request), statements that do not go through it throw at once.
   */
  database: RequestDatabase;
  /** Inside a unit of work, its EntityManager (bound to its transaction); outside one, any use throws. */
  em: EntityManager;
  /** Plain-row reads, through the open transaction if there is one. */
  db: SqlReader;
  /** Batched reads through `db`; fresh for every unit of work and after it. */
  loaders: Loaders;
  /** The mutation field being run as one unit of work (see unit-of-work.ts); null outside one. */
  unit: UnitOfWork | null;
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
  const requestId = String(req.res?.getHeader('x-request-id') ?? randomUUID());
  const locale = localeFromAcceptLanguage(req.headers['accept-language']);
  const requestLog: RequestLogFields = (req.res?.locals.requestLog as RequestLogFields | undefined) ?? {};
  const ctx = contextOf(orm, config, { requestId, locale, clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown', requestLog });
  const { requestTimeoutMs } = config.guard;
  // `this`, not a captured variable: Apollo runs each operation on a shallow copy of the context.
  ctx.authenticateCaller = async function (this: Context) {
    let principal: Principal;
    try {
      principal = await authenticate(req, this.db);
    } catch (error) {
      // A database that is down while looking up the key is SERVICE_UNAVAILABLE, never its SQL.
      throw databaseFailureError(error, { requestId, locale, requestTimeoutMs }) ?? error;
    }
    this.principal = principal;
    requestLog.caller = principal.kind === 'anonymous' ? 'anonymous' : `${principal.kind}:${principal.id}`;
  };
  return ctx;
}

/**
 * A context outside any HTTP request (the import command): the given principal, its own time
 * budget for SQL; the services it calls cannot tell it from a request's.
 */
export function commandContext(orm: MikroORM, config: Config, principal: Principal, locale: Locale): Context {
  const ctx = contextOf(orm, config, { requestId: randomUUID(), locale, clientAddress: 'command line', requestLog: {} });
  ctx.principal = principal;
  return ctx;
}

function contextOf(orm: MikroORM, config: Config, request: { requestId: string; locale: Locale; clientAddress: string; requestLog: RequestLogFields }): Context {
  const { requestTimeoutMs } = config.guard;
  const sqlBudget: SqlBudget = { deadline: Date.now() + requestTimeoutMs, budgetMs: requestTimeoutMs };
  const database = new RequestDatabase(orm, sqlBudget);
  const db = database.reader();
  return {
    ...request,
    principal: ANONYMOUS,
    database,
    em: closedEntityManager(),
    db,
    loaders: createLoaders(db),
    unit: null,
    sqlBudget,
    usage: { cost: null, maxCost: 0, budget: null },
    config,
    async authenticateCaller() {
      // A context without a request has its principal from the start.
    },
  };
}

/**
 * Points every read and loader of the rest of the request at one open transaction (an idempotent
 * mutation's: its stored response commits with its effect); each mutation field's unit of work
 * becomes a savepoint inside it. Statements that bypass it throw from now on.
 */
export function bindToTransaction(ctx: Context, trx: Knex.Transaction): void {
  ctx.database.enter(trx);
  ctx.db = ctx.database.reader(trx);
  ctx.loaders = createLoaders(ctx.db);
}
