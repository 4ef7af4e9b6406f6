import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail and change feed: one row per changed record, written in the same transaction as
 * the change. `tx` is the writing transaction's id: the feed only shows rows of transactions older
 * than the oldest one still running, ordered by (tx, seq), so a poller never skips a change that
 * commits later with an earlier sequence number.
 */
export class Migration20261127100000_change_event extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table change_event (
        seq bigserial primary key,
        tx xid8 not null default pg_current_xact_id(),
        occurred_at timestamptz not null default now(),
        record_type varchar(40) not null,
        record_id varchar(100) not null,
        operation varchar(8) not null check (operation in ('CREATE','UPDATE','DELETE')),
        version int,
        actor_kind varchar(16) not null check (actor_kind in ('ANONYMOUS','API_CLIENT','USER','SYSTEM')),
        actor_id varchar(100),
        actor_name varchar(100),
        department_id uuid,
        request_id varchar(64),
        mutation varchar(64),
        changes jsonb not null default '{}'
      );`);
    this.addSql(`create index change_event_tx_idx on change_event (tx, seq);`);
    this.addSql(`create index change_event_type_tx_idx on change_event (record_type, tx, seq);`);
    this.addSql(`create index change_event_record_idx on change_event (record_type, record_id, seq);`);
    this.addSql(`create index change_event_actor_idx on change_event (actor_id, seq);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists change_event;`);
  }
}
