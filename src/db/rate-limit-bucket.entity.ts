import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * A caller's request budget: a token bucket of cost points, charged and refilled by one upsert
 * (rate-limit.ts). The migration makes the table unlogged (a budget is worth nothing after a
 * crash), which MikroORM's metadata does not express.
 */
@Entity({ tableName: 'rate_limit_bucket' })
@Index({ name: 'rate_limit_bucket_refreshed_idx', properties: ['refreshedAt'] })
export class RateLimitBucket {
  /** Whose budget: `client:<id>`, `user:<id>` or `ip:<address>`. */
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  /** Points left when it was last touched. */
  @Property({ type: 'double' })
  tokens!: number;

  /** Whether the last request charged to it was let through. */
  @Property({ type: 'boolean' })
  granted!: boolean;

  /** Points the last charge handed to the instance that made it, to spend from its own memory. */
  @Property({ type: 'double', defaultRaw: '0' })
  leased: Opt<number> = 0;

  @Property({ type: 'datetime', fieldName: 'refreshed_at', defaultRaw: 'now()' })
  refreshedAt: Opt<Date> = new Date();
}
