import { GraphQLError, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { CallerClass, Config, RateBudget } from '../config';
import { isAnonymous } from '../auth/principal';
import { visibilityError } from '../auth/visibility';
import { translate } from '../i18n/messages';
import type { Locale } from '../i18n/locale';
import { describeDriverError } from '../db/redact';
import { logger } from '../logger';
import type { Context } from './context';
import { databaseFailureError, ErrorCode } from './errors';
import { admitIdempotencyKey, IDEMPOTENCY_HEADER, settleIdempotencyKey, type IdempotencyClaim } from './idempotency';
import { documentChecks } from './document-memo';
import type { LimitBreach } from './query-cost';
import { budgetKeyOf, mostGenerousClass, rateLimitHeaders, type BudgetLedger } from './rate-limit';

const CALLER_NAMES: Record<CallerClass, { zh: string; en: string }> = {
  ANONYMOUS: { zh: '匿名调用方', en: 'anonymous callers' },
  ANALYST: { zh: '分析人员', en: 'analysts' },
  DEPARTMENT_PARTNER: { zh: '合作部门', en: 'partner departments' },
  REGION_OPERATOR: { zh: '街道/社区操作员', en: 'region operators' },
  ADMIN: { zh: '管理员', en: 'administrators' },
};

const BREACH_MESSAGES = {
  fields: 'QUERY_TOO_MANY_FIELDS',
  depth: 'QUERY_TOO_DEEP',
  aliases: 'QUERY_TOO_MANY_ALIASES',
  rootFields: 'QUERY_TOO_MANY_ROOT_FIELDS',
  directives: 'QUERY_TOO_MANY_DIRECTIVES',
  tokens: 'QUERY_TOO_MANY_TOKENS',
  repeatedField: 'QUERY_FIELD_REPEATED',
  cost: 'QUERY_COST_TOO_HIGH',
} as const;

/**
 * A refused document: HTTP 400 QUERY_TOO_COMPLEX naming the limit, its maximum and what the
 * document has; `callerClass` is the class whose cost limit applied (for the cost limit), null
 * when the cost is over every class's limit and the caller was not looked up.
 */
export function breachError(breach: LimitBreach, locale: Locale, callerClass: CallerClass | null = 'ANONYMOUS'): GraphQLError {
  // Before the caller is known (callerClass null), the cost is over what any caller may ask for.
  const key = breach.limit === 'cost' && callerClass === null ? 'QUERY_COST_TOO_HIGH_FOR_ANYONE' : BREACH_MESSAGES[breach.limit];
  const message = translate(locale, key, {
    maximum: breach.maximum,
    actual: breach.actual ?? '',
    callerZh: CALLER_NAMES[callerClass ?? 'ANONYMOUS'].zh,
    callerEn: CALLER_NAMES[callerClass ?? 'ANONYMOUS'].en,
  });
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: breach.limit, maximum: breach.maximum, actual: breach.actual, http: { status: 400 } },
  });
}

function badInputError(locale: Locale, key: Parameters<typeof translate>[1], params: Record<string, string | number>, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(translate(locale, key, params), { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra, http: { status: 400 } } });
}

/**
 * Records a request's cost and refuses it (QUERY_TOO_COMPLEX, HTTP 400) when it is over the most
 * generous per-request maximum of the caller's classes.
 */
export function checkCallerCost(ctx: Context, maxCost: Record<CallerClass, number>, cost: number): void {
  const limitingClass = mostGenerousClass(ctx.principal, (callerClass) => maxCost[callerClass]);
  ctx.usage.cost = cost;
  ctx.requestLog.cost = cost;
  ctx.usage.maxCost = maxCost[limitingClass];
  if (cost > ctx.usage.maxCost) throw breachError({ limit: 'cost', maximum: ctx.usage.maxCost, actual: cost }, ctx.locale, limitingClass);
}

/**
 * Charges `cost` to the caller's budget (the most generous of its classes'); RATE_LIMITED (HTTP 429)
 * when it is spent. The state is kept in `ctx.usage.budget` for the RateLimit-* headers.
 */
export async function chargeCaller(ctx: Context, ledger: BudgetLedger, budgets: Record<CallerClass, RateBudget>, cost: number): Promise<void> {
  const budget = budgets[mostGenerousClass(ctx.principal, (callerClass) => budgets[callerClass].capacity)];
  try {
    ctx.usage.budget = await ledger.charge(ctx.db, budgetKeyOf(ctx.principal, ctx.clientAddress), budget, cost);
  } catch (error) {
    throw databaseFailureError(error, { ...ctx, requestTimeoutMs: ctx.sqlBudget.budgetMs }) ?? error;
  }
  const state = ctx.usage.budget;
  if (!state.granted) {
    throw new GraphQLError(
      translate(ctx.locale, 'RATE_LIMITED', { cost: state.charged, remaining: state.remaining, refill: state.refillPerSecond, retryAfter: state.retryAfterSeconds }),
      {
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfter: state.retryAfterSeconds, http: { status: 429 } },
      },
    );
  }
}

/** An error as it may be logged: class and SQLSTATE, never a statement or its values. */
function describeFailure(error: unknown): string {
  return error instanceof Error ? describeDriverError(error as Error & { code?: string }) : 'unknown error';
}

/**
 * Everything a request must pass before it runs, in order, as one plugin (Apollo runs the
 * didResolveOperation hooks of several plugins concurrently, and the order matters here). The
 * document's shape was already checked at the HTTP edge (document-guard.ts), and Apollo validated it.
 * 1. No subscriptions (this API has none); every string and list within its limits, no NUL or
 *    unpaired surrogate anywhere in the arguments or variables.
 * 2. The estimated cost within the highest per-request maximum of any caller; only then are the
 *    credentials looked up (UNAUTHENTICATED, 401, when bad), so a refused document costs no SQL.
 * 3. In production, introspection only for signed-in callers; and every field and type of the
 *    selection readable by the caller, by the declarations made with them (auth/visibility.ts).
 * 4. The estimated cost within the caller's own per-request maximum.
 * 5. The cost charged to the caller's budget (RATE_LIMITED, HTTP 429, when it is spent), through
 *    this instance's `ledger`.
 * 6. An Idempotency-Key claimed, replayed or refused.
 * Every response then reports the cost in `extensions.cost` and the budget in `RateLimit-*` headers.
 */
export function requestGuard(schema: GraphQLSchema, { guard: config, isProduction }: Pick<Config, 'guard' | 'isProduction'>, ledger: BudgetLedger): ApolloServerPlugin<Context> {
  const highestMaxCost = Math.max(...Object.values(config.maxCost));
  // The walks of the document, answered once per document and what each answer depends on (document-memo.ts).
  const checks = documentChecks(schema, config.maxEvaluatedFields);
  // Idempotency transactions still open, by request: rolled back if Apollo fails before willSendResponse.
  const openClaims = new WeakMap<object, IdempotencyClaim>();
  return {
    async unexpectedErrorProcessingRequest({ requestContext }) {
      const claim = openClaims.get(requestContext.contextValue);
      if (claim && !claim.trx.isCompleted()) await claim.trx.rollback().catch(() => undefined);
    },

    async requestDidStart() {
      let claim: IdempotencyClaim | null = null;
      let replay: FormattedExecutionResult | null = null;
      return {
        async didResolveOperation({ request, document, operation, operationName, contextValue: ctx }) {
          Object.assign(ctx.requestLog, { operation: operationName, operationType: operation?.operation });
          if (operation?.operation === 'subscription') {
            throw new GraphQLError(translate(ctx.locale, 'SUBSCRIPTIONS_UNSUPPORTED'), { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          const problem = checks.inputs(document, request.variables);
          if (problem) throw badInputError(ctx.locale, problem.key, { path: problem.path, max: problem.max ?? '' }, { field: problem.path });

          const estimate = checks.cost(document, request.operationName, request.variables);
          if ('breach' in estimate) throw breachError(estimate.breach, ctx.locale);
          // With credentials, looking the caller up costs a statement: not for a document no caller may send.
          const hasCredentials = !!request.http?.headers.get('authorization');
          if (hasCredentials && estimate.cost > highestMaxCost) {
            throw breachError({ limit: 'cost', maximum: highestMaxCost, actual: estimate.cost }, ctx.locale, null);
          }

          await ctx.authenticateCaller();
          if (isProduction && isAnonymous(ctx.principal) && checks.introspection(document)) {
            throw new GraphQLError(translate(ctx.locale, 'INTROSPECTION_NEEDS_SIGN_IN'), { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
          }
          // Who may read what, declared with each type and field: the whole selection, once.
          const denial = checks.visibility(document, request.operationName, ctx.principal);
          if (denial) throw visibilityError(denial, ctx.locale);
          checkCallerCost(ctx, config.maxCost, estimate.cost);

          if (config.rateBudgets) await chargeCaller(ctx, ledger, config.rateBudgets, estimate.cost);

          if (operation?.operation === 'mutation') {
            const admission = await admitIdempotencyKey(ctx, {
              key: request.http?.headers.get(IDEMPOTENCY_HEADER),
              query: request.query,
              operationName: request.operationName,
              variables: request.variables,
            });
            if (admission.kind === 'claimed') {
              claim = admission.claim;
              openClaims.set(ctx, claim);
            }
            if (admission.kind === 'replay') replay = admission.response;
          }
        },

        async responseForOperation() {
          if (!replay) return null;
          return { http: { status: undefined, headers: new HeaderMap([['idempotent-replayed', 'true']]) }, body: { kind: 'single', singleResult: replay } };
        },

        async willSendResponse({ response, contextValue: ctx }) {
          if (response.body.kind !== 'single') return;
          if (claim) {
            const current = claim;
            claim = null;
            const failure = await settleIdempotencyKey(current, response.body.singleResult);
            if (failure) {
              // The commit failed, so nothing of the request took effect: say so, never "done".
              const typed = databaseFailureError(failure, { ...ctx, requestTimeoutMs: ctx.sqlBudget.budgetMs });
              const code = typed?.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
              response.body.singleResult = { errors: [{ message: typed?.message ?? 'Internal server error', extensions: { code, requestId: ctx.requestId } }] };
              response.http.status = typed ? 503 : 500;
              logger.error('idempotent mutation not committed', { requestId: ctx.requestId, error: describeFailure(failure) });
            }
          }
          const { cost, maxCost, budget } = ctx.usage;
          if (cost !== null) {
            const result = response.body.singleResult;
            result.extensions = {
              ...result.extensions,
              cost: { requested: cost, maximum: maxCost, ...(budget ? { charged: budget.charged, remaining: budget.remaining, limit: budget.limit } : {}) },
            };
          }
          if (budget) for (const [name, value] of rateLimitHeaders(budget)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
