import { Migration } from '@mikro-orm/migrations';

/**
 * Request budgets (token buckets of cost points), one row per caller: an API client, a user of
 * an admin frontend, or an anonymous caller's address. Shared by every API instance on this
 * database. Unlogged: a budget is worth nothing after a crash (it simply starts full again), so it
 * costs no WAL.
 */
export class Migration20261130000000_rate_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create unlogged table rate_limit_bucket (
        key varchar(200) primary key,
        tokens double precision not null,
        granted boolean not null,
        refreshed_at timestamptz not null default now()
      );`);
    this.addSql(`create index rate_limit_bucket_refreshed_idx on rate_limit_bucket (refreshed_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rate_limit_bucket;`);
  }
}
