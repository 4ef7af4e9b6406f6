import { Migration } from '@mikro-orm/migrations';

/**
 * What the last charge to a budget handed to the API instance that made it, to spend in its own
 * memory (see BudgetLedger in graphql/rate-limit.ts): the charge returns it, so the instance knows
 * how many points it holds.
 */
export class Migration20261201090000_rate_limit_lease extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table rate_limit_bucket add column leased double precision not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table rate_limit_bucket drop column leased;`);
  }
}
