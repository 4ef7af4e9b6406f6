import { createHash } from 'node:crypto';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import type { Knex } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { columnsOf, type RowOf } from '../db/entity-rows';
import { IdempotencyKey } from '../db/idempotency-key.entity';
import { bindToTransaction, type Context } from './context';
import { ErrorCode, localizedError } from './errors';
import type { MessageKey } from '../i18n/messages';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long a repeat waits for the first request with its key to finish before it is told IN_PROGRESS. */
export const IDEMPOTENCY_WAIT_MS = 2_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** Error codes after which a key is released: nothing of the request may have taken effect. */
const RELEASING_CODES = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.TIMEOUT, ErrorCode.SERVICE_UNAVAILABLE]);

function principalKey(principal: Principal): string {
  return principal.kind === 'anonymous' ? 'anonymous' : `${principal.kind}:${principal.id}`.slice(0, 120);
}

function requestHash(query: string | undefined, operationName: string | null | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([query ?? '', operationName ?? null, variables ?? {}]), 'utf8')
    .digest('hex');
}

function refused(key: MessageKey, code: ErrorCode, status: number): GraphQLError {
  return localizedError(key, {}, { code, http: { status } });
}

/** What a repeat compares and replays. */
type StoredKeyRow = RowOf<IdempotencyKey, 'requestHash'> & {
  /** Parsed by the driver, or JSON text should it come unparsed. */
  response: RowOf<IdempotencyKey, 'response'>['response'] | string;
};
const STORED_KEY_COLUMNS = columnsOf(IdempotencyKey, 'k', ['requestHash', 'response']);

/** A key this request holds: its row, inserted in the request's still-open transaction. */
export interface IdempotencyClaim {
  trx: Knex.Transaction;
  principal: string;
  key: string;
}

export type IdempotencyAdmission = { kind: 'none' } | { kind: 'claimed'; claim: IdempotencyClaim } | { kind: 'replay'; response: FormattedExecutionResult };

interface AdmissionRequest {
  key: string | undefined;
  query: string | undefined;
  operationName: string | null | undefined;
  variables: unknown;
}

/**
 * `Idempotency-Key` on a mutation. The whole request runs in ONE transaction that starts by
 * inserting the key's row and ends by storing the response in it: the effect and the stored
 * response commit together or not at all (a crash in between leaves neither), and a request that
 * fails unexpectedly rolls back, which frees the key for a retry.
 * - a new key: claimed; the request runs inside that transaction (see bindToTransaction);
 * - a key whose request is still running: the insert waits on that request's row lock, then
 *   replays its response when it commits, or claims the key when it rolled back — or, after
 *   IDEMPOTENCY_WAIT_MS, answers 409 IDEMPOTENCY_KEY_IN_PROGRESS;
 * - a key used before with the same request: its response, replayed (`Idempotent-Replayed: true`);
 * - a key used before with a different request: 422 IDEMPOTENCY_KEY_REUSED.
 * Keys are per caller and kept for 24 hours.
 */
export async function admitIdempotencyKey(ctx: Context, request: AdmissionRequest): Promise<IdempotencyAdmission> {
  const { key } = request;
  if (key === undefined) return { kind: 'none' };
  if (!KEY_PATTERN.test(key)) {
    throw refused('IDEMPOTENCY_KEY_MALFORMED', ErrorCode.BAD_USER_INPUT, 400);
  }
  const principal = principalKey(ctx.principal);
  const hash = requestHash(request.query, request.operationName, request.variables);
  const trx = await ctx.database.begin();
  const run = async <T>(statement: string, bindings: unknown[]): Promise<T[]> => (await trx.raw(statement, bindings as Knex.RawBinding[])).rows as T[];
  try {
    await run(`set local lock_timeout = ${IDEMPOTENCY_WAIT_MS}`, []);
    await run(`delete from idempotency_key where principal = ? and key = ? and created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`, [principal, key]);
    const inserted = await run(`insert into idempotency_key (principal, key, request_hash) values (?, ?, ?) on conflict do nothing returning key`, [principal, key, hash]);
    if (inserted.length) {
      await run('set local lock_timeout = 0', []);
      bindToTransaction(ctx, trx);
      return { kind: 'claimed', claim: { trx, principal, key } };
    }
    const [existing] = await run<StoredKeyRow>(`select ${STORED_KEY_COLUMNS} from idempotency_key k where k.principal = ? and k.key = ?`, [principal, key]);
    await trx.rollback();
    if (!existing || existing.request_hash !== hash) {
      throw refused('IDEMPOTENCY_KEY_REUSED', ErrorCode.IDEMPOTENCY_KEY_REUSED, 422);
    }
    if (existing.response === null) {
      throw refused('IDEMPOTENCY_KEY_IN_PROGRESS', ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, 409);
    }
    return { kind: 'replay', response: typeof existing.response === 'string' ? (JSON.parse(existing.response) as FormattedExecutionResult) : existing.response };
  } catch (error) {
    if (!trx.isCompleted()) await trx.rollback().catch(() => undefined);
    // 55P03: the first request with this key still holds its row after the wait.
    if ((error as { code?: string }).code === '55P03') {
      throw refused('IDEMPOTENCY_KEY_IN_PROGRESS', ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, 409);
    }
    throw error;
  }
}

/**
 * Ends a claimed key's transaction: stores the response and commits, or — when the request failed
 * in a way that may have left it half done — rolls back, freeing the key. Returns the error to
 * answer with instead when the commit itself failed (then nothing took effect).
 */
export async function settleIdempotencyKey(claim: IdempotencyClaim, result: FormattedExecutionResult): Promise<unknown | null> {
  const { trx, principal, key } = claim;
  const failed = result.errors?.some((error) => RELEASING_CODES.has(String(error.extensions?.code))) ?? false;
  try {
    if (failed) {
      await trx.rollback();
      return null;
    }
    await trx.raw('update idempotency_key set response = ?::jsonb, completed_at = now() where principal = ? and key = ?', [JSON.stringify(result), principal, key]);
    await trx.commit();
    return null;
  } catch (error) {
    if (!trx.isCompleted()) await trx.rollback().catch(() => undefined);
    return error;
  }
}
