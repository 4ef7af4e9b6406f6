import { createHash } from 'node:crypto';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '../auth/principal';
import type { Context } from './context';
import { ErrorCode } from './errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

function principalKey(principal: Principal): string {
  return principal.kind === 'anonymous' ? 'anonymous' : `${principal.kind}:${principal.id}`.slice(0, 120);
}

function requestHash(query: string | undefined, operationName: string | undefined, variables: unknown): string {
  return createHash('sha256').update(JSON.stringify([query ?? '', operationName ?? null, variables ?? {}]), 'utf8').digest('hex');
}

function refused(message: string, code: ErrorCode, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * `Idempotency-Key` on mutations: the first request with a key runs and its response is stored;
 * a repeat with the same key and the same body gets that response again (with
 * `Idempotent-Replayed: true`) without running; the same key with a different body is refused
 * (422), as is a repeat while the first is still running (409). Keys are per caller and kept for
 * 24 hours. A request that failed unexpectedly (nothing committed) releases its key for a retry.
 */
export function idempotencyKeys(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let claimed: { principal: string; key: string } | null = null;
      let replay: FormattedExecutionResult | null = null;
      return {
        // Checks run here, not in responseForOperation: Apollo honours the HTTP status of errors thrown here.
        async didResolveOperation({ request, operation, contextValue }) {
          const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
          if (key === undefined || operation?.operation !== 'mutation') return;
          if (!KEY_PATTERN.test(key)) {
            throw refused('The Idempotency-Key header must be 1 to 200 visible ASCII characters', ErrorCode.BAD_USER_INPUT, 400);
          }
          const principal = principalKey(contextValue.principal);
          const hash = requestHash(request.query, request.operationName, request.variables);
          const { db } = contextValue;
          await db.all(`delete from idempotency_key where principal = ? and created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`, [principal]);
          const inserted = await db.all(
            `insert into idempotency_key (principal, key, request_hash) values (?, ?, ?) on conflict do nothing returning key`,
            [principal, key, hash],
          );
          if (inserted.length) {
            claimed = { principal, key };
            return;
          }
          const existing = await db.one<{ request_hash: string; response: FormattedExecutionResult | string | null }>(
            'select request_hash, response from idempotency_key where principal = ? and key = ?',
            [principal, key],
          );
          if (!existing || existing.request_hash !== hash) {
            throw refused('This Idempotency-Key was already used with a different request; use a new key for a new request', ErrorCode.IDEMPOTENCY_KEY_REUSED, 422);
          }
          if (existing.response === null) {
            throw refused('A request with this Idempotency-Key is still running; retry shortly', ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, 409);
          }
          replay = typeof existing.response === 'string' ? (JSON.parse(existing.response) as FormattedExecutionResult) : existing.response;
        },
        async responseForOperation() {
          if (!replay) return null;
          return { http: { status: undefined, headers: new HeaderMap([['idempotent-replayed', 'true']]) }, body: { kind: 'single', singleResult: replay } };
        },
        async willSendResponse({ response, contextValue }) {
          if (!claimed || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const { principal, key } = claimed;
          claimed = null;
          const failed = result.errors?.some((error) => error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) ?? false;
          if (failed) {
            await contextValue.db.all('delete from idempotency_key where principal = ? and key = ?', [principal, key]);
          } else {
            await contextValue.db.all('update idempotency_key set response = ?::jsonb, completed_at = now() where principal = ? and key = ?', [
              JSON.stringify(result),
              principal,
              key,
            ]);
          }
        },
      };
    },
  };
}
