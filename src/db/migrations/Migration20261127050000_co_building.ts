import { Migration } from '@mikro-orm/migrations';

/**
 * Co-building relations (共建关系) between organizations and stations, and the activities (活动)
 * held at stations. Both reference organizations and stations with ON DELETE RESTRICT: an
 * organization or station that has them can only be deactivated or archived, never deleted.
 *
 * "One active co-building per organization, station and role at a time" is enforced by the
 * service under a row lock on the organization, not by an exclusion constraint: that would need
 * btree_gist, which the embedded database does not load.
 */
export class Migration20261127050000_co_building extends Migration {
  override async up(): Promise<void> {
    // Organization lists are keyset-paged by name.
    this.addSql(`create index organization_name_id_idx on organization (name, id);`);

    this.addSql(`
      create table co_building (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete restrict,
        station_id uuid not null references station(id) on delete restrict,
        role varchar(24) not null check (role in ('MANAGER','CO_BUILDER','SERVICE_PROVIDER','VOLUNTEER_TEAM')),
        agreement_signed_on date,
        commitments text[] not null default '{}' check (commitments <@ array['SPACE','FUNDS','PEOPLE','SERVICES']::text[]),
        commitment_note varchar(500),
        valid_from date not null,
        valid_to date,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (valid_to is null or valid_to >= valid_from)
      );`);
    this.addSql(`create index co_building_organization_idx on co_building (organization_id, valid_from, id);`);
    this.addSql(`create index co_building_station_idx on co_building (station_id, role);`);
    this.addSql(`create index co_building_role_idx on co_building (role);`);
    this.addSql(`create index co_building_period_idx on co_building (valid_from, valid_to);`);
    this.addSql(`create index co_building_sort_idx on co_building (valid_from, id);`);

    this.addSql(`
      create table activity (
        id uuid primary key,
        station_id uuid not null references station(id) on delete restrict,
        organizer_id uuid references organization(id) on delete restrict,
        category varchar(32) not null check (category in ('PARTY_BUILDING','POLICY_CONSULTATION','PROXY_AGENCY','LEGAL_AID',
          'CULTURAL_PUBLICITY','TRAINING','VOLUNTEER_SERVICE','SENIOR_SCHOOL','AFTER_SCHOOL_CLASS','NEIGHBOURHOOD_FESTIVAL','OTHER')),
        title varchar(100) not null check (length(btrim(title)) > 0),
        description varchar(2000),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        participants int not null default 0 check (participants >= 0),
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (ends_at > starts_at and ends_at <= starts_at + interval '7 days')
      );`);
    this.addSql(`create index activity_station_idx on activity (station_id, starts_at, id);`);
    this.addSql(`create index activity_organizer_idx on activity (organizer_id, starts_at, id);`);
    this.addSql(`create index activity_category_idx on activity (category);`);
    this.addSql(`create index activity_starts_idx on activity (starts_at, id);`);
    this.addSql(`create index activity_search_trgm_idx on activity using gin ((title || ' ' || coalesce(description, '')) gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists activity;`);
    this.addSql(`drop table if exists co_building;`);
    this.addSql(`drop index if exists organization_name_id_idx;`);
  }
}
