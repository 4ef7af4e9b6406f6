import { Migration } from '@mikro-orm/migrations';

/**
 * Every attempt of a webhook delivery is kept (when, how long, the receiver's status or the
 * error), not only the last one: a partner debugging its receiver sees the whole history. The
 * last attempt each existing delivery recorded becomes its first row; its time and duration were
 * never recorded, so they are the delivery's time and null.
 *
 * The stored request body goes: the body is built from the change when each attempt is sent (the
 * same text every time for the same change and delivery), so deliveries still pending when this
 * runs go out in the current format, with the actor and the request id.
 */
export class Migration20261201000000_webhook_delivery_attempt extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table webhook_delivery_attempt (
        id bigserial primary key,
        delivery_id uuid not null references webhook_delivery(id) on delete cascade,
        started_at timestamptz not null,
        duration_ms int check (duration_ms >= 0),
        delivered boolean not null,
        status_code int check (status_code between 100 and 599),
        error varchar(200)
      );`);
    this.addSql(`create index webhook_delivery_attempt_delivery_idx on webhook_delivery_attempt (delivery_id, id);`);
    this.addSql(`
      insert into webhook_delivery_attempt (delivery_id, started_at, duration_ms, delivered, status_code, error)
      select id, coalesce(delivered_at, created_at), null, status = 'DELIVERED', last_status_code, last_error
        from webhook_delivery
       where attempts > 0 and (status = 'DELIVERED' or last_status_code is not null or last_error is not null)
       order by created_at, id;`);
    this.addSql(`alter table webhook_delivery drop column payload;`);
  }

  override async down(): Promise<void> {
    // The body is rebuilt from the change on every attempt; the column only has to exist again.
    this.addSql(`alter table webhook_delivery add column payload jsonb not null default '{}'::jsonb;`);
    this.addSql(`drop table if exists webhook_delivery_attempt;`);
  }
}
