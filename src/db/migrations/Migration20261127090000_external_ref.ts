import { Migration } from '@mikro-orm/migrations';

/** The tables whose records can carry external references, with their record type. */
const REFERENCED = [
  ['platform', 'Platform'],
  ['service_item', 'ServiceItem'],
  ['station_service_item', 'StationServiceItem'],
  ['organization', 'Organization'],
] as const;

/**
 * External references (外部编号): partner systems' own IDs for records of the registry, so that
 * `upsert…` mutations can find "their" record again. (system, record type, external ID) names
 * one record, and a record has at most one ID per system. The record id has no foreign key (it
 * points into four tables); instead, deleting a record deletes its references with it, so no
 * reference outlives its record.
 */
export class Migration20261127090000_external_ref extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table external_ref (
        id uuid primary key,
        system varchar(64) not null check (system ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'),
        external_id varchar(128) not null check (length(btrim(external_id)) > 0),
        record_type varchar(32) not null check (record_type in (${REFERENCED.map(([, type]) => `'${type}'`).join(', ')})),
        record_id uuid not null,
        created_at timestamptz not null default now(),
        constraint external_ref_key_unique unique (system, record_type, external_id),
        constraint external_ref_record_system_unique unique (record_type, record_id, system)
      );`);
    // "The references of these records" (record_type, record_id) is served by the leading columns of
    // external_ref_record_system_unique; a separate index on them would only slow writes.
    this.addSql(`
      create function external_ref_delete_with_record() returns trigger language plpgsql as $$
      begin
        delete from external_ref where record_type = tg_argv[0] and record_id = old.id;
        return old;
      end $$;`);
    for (const [table, type] of REFERENCED) {
      this.addSql(`create trigger ${table}_external_ref_delete after delete on ${table} for each row execute function external_ref_delete_with_record('${type}');`);
    }
  }

  override async down(): Promise<void> {
    for (const [table] of REFERENCED) this.addSql(`drop trigger if exists ${table}_external_ref_delete on ${table};`);
    this.addSql(`drop function if exists external_ref_delete_with_record();`);
    this.addSql(`drop table if exists external_ref;`);
  }
}
