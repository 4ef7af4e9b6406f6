import { Migration } from '@mikro-orm/migrations';

/**
 * People (人员), the management links of stations (managing party organization, 联系包保 cadre,
 * 网格员驻点) and duty shifts (值班).
 *
 * One person cannot be on two shifts at once: besides the service's check (which names the clash),
 * an exclusion constraint over (person, time range) keeps it true under concurrent writers. It needs
 * btree_gist for the uuid equality inside a GiST index; PostgreSQL 15 and PGlite both ship it.
 * Phone numbers are checked in the service first, so the check constraint (whose error would echo
 * the row, personal data included) only guards against writers that bypass it.
 */
export class Migration20261127060000_people extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);

    this.addSql(`
      create table person (
        id uuid primary key,
        name varchar(50) not null check (length(btrim(name)) > 0),
        role varchar(32) not null check (role in ('TWO_COMMITTEES_CADRE','STREET_CADRE','GRID_WORKER','STATION_STAFF',
          'SOCIAL_WORKER','VOLUNTEER','DUAL_REPORTING_PARTY_MEMBER')),
        phone varchar(13) check (phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
        is_party_member boolean not null default false,
        organization_id uuid references organization(id) on delete restrict,
        region_id int references region(id) on delete restrict,
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index person_name_id_idx on person (name, id);`);
    this.addSql(`create index person_role_idx on person (role);`);
    this.addSql(`create index person_organization_idx on person (organization_id);`);
    this.addSql(`create index person_region_idx on person (region_id);`);
    this.addSql(`create index person_name_trgm_idx on person using gin (name gin_trgm_ops);`);

    this.addSql(`alter table station add column managing_organization_id uuid references organization(id) on delete restrict;`);
    this.addSql(`alter table station add column contact_cadre_id uuid references person(id) on delete restrict;`);
    this.addSql(`create index station_managing_organization_idx on station (managing_organization_id);`);
    this.addSql(`create index station_contact_cadre_idx on station (contact_cadre_id);`);

    this.addSql(`
      create table station_grid_worker (
        station_id uuid not null references station(id) on delete restrict,
        person_id uuid not null references person(id) on delete restrict,
        since date not null,
        primary key (station_id, person_id)
      );`);
    this.addSql(`create index station_grid_worker_person_idx on station_grid_worker (person_id);`);

    this.addSql(`
      create table duty_shift (
        id uuid primary key,
        station_id uuid not null references station(id) on delete restrict,
        person_id uuid references person(id) on delete restrict,
        organization_id uuid references organization(id) on delete restrict,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        kind varchar(16) not null check (kind in ('REGULAR','EXTENDED_HOURS','EVENING_POST','VOLUNTEER')),
        note varchar(200),
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint duty_shift_one_assignee check ((person_id is null) <> (organization_id is null)),
        constraint duty_shift_span check (ends_at > starts_at and ends_at <= starts_at + interval '24 hours'),
        constraint duty_shift_person_no_overlap exclude using gist (person_id with =, tstzrange(starts_at, ends_at) with &&)
          where (person_id is not null)
      );`);
    this.addSql(`create index duty_shift_station_starts_idx on duty_shift (station_id, starts_at, id);`);
    this.addSql(`create index duty_shift_person_starts_idx on duty_shift (person_id, starts_at);`);
    this.addSql(`create index duty_shift_organization_starts_idx on duty_shift (organization_id, starts_at);`);
    this.addSql(`create index duty_shift_starts_id_idx on duty_shift (starts_at, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists duty_shift;`);
    this.addSql(`drop table if exists station_grid_worker;`);
    this.addSql(`alter table station drop column if exists contact_cadre_id;`);
    this.addSql(`alter table station drop column if exists managing_organization_id;`);
    this.addSql(`drop table if exists person;`);
  }
}
