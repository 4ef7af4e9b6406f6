import { Migration } from '@mikro-orm/migrations';

/** Record types of the change feed a subscription may name (ChangeRecordType values, without the administrative ones). */
const FEED_TYPES = [
  'Station',
  'Platform',
  'ServiceItem',
  'StationServiceItem',
  'Department',
  'Organization',
  'CoBuilding',
  'Activity',
  'Person',
  'DutyShift',
  'StationGridWorker',
  'ExternalRef',
];

/**
 * Webhooks: an API client subscribes a URL to the change feed; the dispatcher copies each
 * committed change after the subscription's feed position into one delivery row per subscription
 * (unique on the change, so a change is queued at most once even across restarts) and sends the
 * due ones. The signing secret is kept as issued because every delivery is signed with it.
 */
export class Migration20261127110000_webhook extends Migration {
  override async up(): Promise<void> {
    const types = FEED_TYPES.map((type) => `'${type}'`).join(',');
    this.addSql(`
      create table webhook_subscription (
        id uuid primary key,
        api_client_id uuid not null references api_client(id) on delete restrict,
        url varchar(500) not null check (url ~ '^https?://[^[:space:]]+$'),
        types text[] not null default '{}' check (types <@ array[${types}]::text[]),
        secret varchar(100) not null check (secret ~ '^whsec_[A-Za-z0-9+/]+=*$'),
        active boolean not null default true,
        last_tx xid8,
        last_seq bigint,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((last_tx is null) = (last_seq is null))
      );`);
    this.addSql(`create index webhook_subscription_client_idx on webhook_subscription (api_client_id, created_at, id);`);
    this.addSql(`create index webhook_subscription_created_idx on webhook_subscription (created_at, id);`);
    this.addSql(`
      create table webhook_delivery (
        id uuid primary key,
        subscription_id uuid not null references webhook_subscription(id) on delete cascade,
        change_seq bigint not null references change_event(seq) on delete restrict,
        payload jsonb not null,
        status varchar(10) not null default 'PENDING' check (status in ('PENDING','DELIVERED','FAILED')),
        attempts int not null default 0 check (attempts >= 0),
        next_attempt_at timestamptz not null default now(),
        last_status_code int check (last_status_code between 100 and 599),
        last_error varchar(200),
        delivered_at timestamptz,
        created_at timestamptz not null default now(),
        unique (subscription_id, change_seq)
      );`);
    this.addSql(`create index webhook_delivery_due_idx on webhook_delivery (status, next_attempt_at);`);
    this.addSql(`create index webhook_delivery_change_idx on webhook_delivery (change_seq);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists webhook_delivery;`);
    this.addSql(`drop table if exists webhook_subscription;`);
  }
}
