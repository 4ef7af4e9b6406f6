import { Migration } from '@mikro-orm/migrations';

/**
 * The station registry: regions (GB/T 2260 + statistical codes), 15-minute service circles,
 * Red Post Stations and the per-region counter that issues their codes.
 *
 * Written by hand rather than generated: the read paths rely on extensions and expression
 * indexes (trigram search over Chinese text, earth-distance "near a point") that the
 * generator does not express.
 */
export class Migration20261127000000_registry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists cube;`);
    this.addSql(`create extension if not exists earthdistance;`);

    this.addSql(`
      create table region (
        id serial primary key,
        code varchar(12) not null unique,
        name varchar(100) not null,
        level varchar(16) not null check (level in ('PROVINCE','CITY','DISTRICT','STREET','COMMUNITY','GRID')),
        parent_id int references region(id) on delete restrict,
        path text not null,
        depth smallint not null
      );`);
    this.addSql(`create index region_parent_idx on region (parent_id, code);`);
    this.addSql(`create index region_path_idx on region (path text_pattern_ops);`);
    this.addSql(`create index region_name_trgm_idx on region using gin (name gin_trgm_ops);`);

    this.addSql(`
      create table service_circle (
        id uuid primary key,
        code varchar(32) not null unique,
        name varchar(100) not null,
        district_id int not null references region(id) on delete restrict,
        center_lat double precision not null,
        center_lng double precision not null,
        radius_metres int not null check (radius_metres > 0),
        boundary jsonb,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index service_circle_district_idx on service_circle (district_id, code);`);

    this.addSql(`
      create table region_code_sequence (
        region_id int primary key references region(id) on delete restrict,
        last_value int not null
      );`);

    this.addSql(`
      create table station (
        id uuid primary key,
        code varchar(24) not null unique,
        name varchar(100) not null check (length(btrim(name)) > 0),
        tier varchar(16) not null check (tier in ('BASIC','STANDARD','LEADING')),
        kind varchar(16) not null check (kind in ('COMMUNITY','RURAL','NEW_ECONOMY','WARM_NEW')),
        status varchar(24) not null check (status in ('PLANNED','UNDER_CONSTRUCTION','OPEN','SUSPENDED','CLOSED')),
        region_id int not null references region(id) on delete restrict,
        circle_id uuid references service_circle(id) on delete set null,
        address varchar(200) not null,
        lat double precision not null check (lat between -90 and 90),
        lng double precision not null check (lng between -180 and 180),
        plan_year smallint,
        opened_on date,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        archived_at timestamptz
      );`);
    this.addSql(`create index station_region_idx on station (region_id);`);
    this.addSql(`create index station_circle_idx on station (circle_id);`);
    this.addSql(`create index station_status_idx on station (status);`);
    this.addSql(`create index station_plan_year_idx on station (plan_year);`);
    this.addSql(`create index station_name_id_idx on station (name, id);`);
    this.addSql(`create index station_created_id_idx on station (created_at, id);`);
    this.addSql(`create index station_updated_id_idx on station (updated_at, id);`);
    this.addSql(`create index station_search_trgm_idx on station using gin ((name || ' ' || address || ' ' || code) gin_trgm_ops);`);
    this.addSql(`create index station_earth_idx on station using gist (ll_to_earth(lat, lng));`);

    // Which seeders have run, so that `db:seed` and the embedded first start are idempotent.
    this.addSql(`create table seed_run (name varchar(64) primary key, applied_at timestamptz not null default now());`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists seed_run;`);
    this.addSql(`drop table if exists station;`);
    this.addSql(`drop table if exists region_code_sequence;`);
    this.addSql(`drop table if exists service_circle;`);
    this.addSql(`drop table if exists region;`);
  }
}
