import { Migration } from '@mikro-orm/migrations';

/**
 * The dispatcher claims at most a few due deliveries per subscription (so one receiver that hangs
 * cannot take every slot). This index hands it each subscription's oldest due deliveries directly,
 * instead of sorting every pending delivery of every subscription on each claim.
 */
export class Migration20261130020000_webhook_pending_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index webhook_delivery_pending_idx on webhook_delivery (subscription_id, next_attempt_at, change_seq) where status = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists webhook_delivery_pending_idx;`);
  }
}
