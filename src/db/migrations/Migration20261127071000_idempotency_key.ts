import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys of mutations (the `Idempotency-Key` header), per caller: the hash of the
 * request they were first used with and the response it got, kept for 24 hours.
 */
export class Migration20261127071000_idempotency_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table idempotency_key (
        principal varchar(120) not null,
        key varchar(200) not null,
        request_hash char(64) not null,
        response jsonb,
        created_at timestamptz not null default now(),
        completed_at timestamptz,
        primary key (principal, key)
      );`);
    this.addSql(`create index idempotency_key_created_idx on idempotency_key (created_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists idempotency_key;`);
  }
}
