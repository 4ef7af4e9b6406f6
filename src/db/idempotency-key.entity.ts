import { Entity, Index, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import type { FormattedExecutionResult } from 'graphql';

/**
 * A caller's `Idempotency-Key`: the hash of the request it was first used with and the response it
 * got, kept for IDEMPOTENCY_TTL_HOURS. Claimed, settled and forgotten in plain SQL (idempotency.ts,
 * housekeeping.ts): the claim is an insert whose row lock the request's transaction holds.
 */
@Entity({ tableName: 'idempotency_key' })
@Index({ name: 'idempotency_key_created_idx', properties: ['createdAt'] })
export class IdempotencyKey {
  [PrimaryKeyProp]?: ['principal', 'key'];
  [OptionalProps]?: 'response' | 'completedAt';

  /** `<kind>:<id>` of the caller, or `anonymous`. */
  @PrimaryKey({ type: 'string', length: 120 })
  principal!: string;

  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  /** SHA-256 (hex) of the query, operation name and variables. */
  @Property({ type: 'character', length: 64, fieldName: 'request_hash' })
  requestHash!: string;

  /** The response to replay; null while the first request with the key is still running. */
  @Property({ type: 'json', nullable: true })
  response?: FormattedExecutionResult | null;

  @Property({ type: 'datetime', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', fieldName: 'completed_at', nullable: true })
  completedAt?: Date | null;
}
