import { Migration } from '@mikro-orm/migrations';

/** Departments (部门): the government bodies and public enterprises that own platforms and service items. */
export class Migration20261127010000_department extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table department (
        id uuid primary key,
        code varchar(32) not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
        name varchar(100) not null check (length(btrim(name)) > 0),
        short_name varchar(30),
        level varchar(16) not null check (level in ('PROVINCE','CITY','DISTRICT','STREET')),
        region_id int not null references region(id) on delete restrict,
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index department_region_idx on department (region_id);`);
    this.addSql(`create index department_name_trgm_idx on department using gin ((name || ' ' || coalesce(short_name, '') || ' ' || code) gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists department;`);
  }
}
