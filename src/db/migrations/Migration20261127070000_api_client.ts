import { Migration } from '@mikro-orm/migrations';

/**
 * API clients: one per partner system or admin frontend. Keys are random and stored only as their
 * SHA-256 hash (a high-entropy random key needs no slow hash); `key_hint` is the first characters,
 * so an operator can tell keys apart without seeing them.
 */
export class Migration20261127070000_api_client extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table api_client (
        id uuid primary key,
        name varchar(100) not null unique check (length(btrim(name)) > 0),
        roles text[] not null check (cardinality(roles) > 0 and roles <@ array['ADMIN','REGION_OPERATOR','DEPARTMENT_PARTNER','ANALYST']::text[]),
        department_id uuid references department(id) on delete restrict,
        region_id int references region(id) on delete restrict,
        key_hash char(64) not null unique,
        key_hint varchar(16) not null,
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        key_rotated_at timestamptz,
        revoked_at timestamptz,
        check (not ('REGION_OPERATOR' = any(roles)) or region_id is not null),
        check (not ('DEPARTMENT_PARTNER' = any(roles)) or department_id is not null)
      );`);
    this.addSql(`create index api_client_department_idx on api_client (department_id);`);
    this.addSql(`create index api_client_region_idx on api_client (region_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists api_client;`);
  }
}
