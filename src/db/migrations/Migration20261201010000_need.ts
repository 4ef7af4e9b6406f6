import { Migration } from '@mikro-orm/migrations';

/** Record types of the change feed a webhook subscription may name, now with needs and their transitions. */
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
const WITH_NEEDS = [...FEED_TYPES, 'Need', 'NeedTransition'];
const typesArray = (types: readonly string[]) => types.map((type) => `'${type}'`).join(', ');

/**
 * 群众需求 / 微心愿 Residents' needs (second article): the need itself, and every move of its
 * workflow in a table of its own (who, when, from which state to which, with a note). The
 * resident's name and phone are personal data. A need is overdue when its deadline has passed
 * and it is not settled — computed when read, never stored, so it cannot go stale.
 */
export class Migration20261201010000_need extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table need (
        id uuid primary key,
        kind varchar(32) not null check (kind in ('RESIDENT_NEED', 'STATION_ORDER', 'NIGHT_PATROL_ISSUE', 'CO_BUILDING_PROJECT', 'LIVELIHOOD_PROJECT')),
        channel varchar(32) not null check (channel in ('ONLINE', 'STATION', 'COURTYARD_TALK', 'NIGHT_PATROL', 'HOTLINE_12345', 'VISIT')),
        category varchar(32) not null check (category in ('FACILITY_REPAIR', 'LIGHTING', 'SEATING_AND_PUBLIC_FACILITIES', 'PARKING', 'EV_CHARGING', 'FIRE_SAFETY', 'SANITATION', 'CITY_ORDER', 'ROADS_AND_DRAINS', 'AGE_FRIENDLY', 'NEIGHBOUR_DISPUTE', 'OTHER')),
        state varchar(16) not null default 'SUBMITTED' check (state in ('SUBMITTED', 'ON_AGENDA', 'LISTED', 'CLAIMED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED')),
        station_id uuid references station(id),
        region_id int not null references region(id),
        text varchar(2000) not null check (length(btrim(text)) > 0),
        lat double precision check (lat between -90 and 90),
        lng double precision check (lng between -180 and 180),
        photo_urls text[] not null default '{}' check (cardinality(photo_urls) <= 9),
        resident_name varchar(50),
        resident_phone varchar(13),
        deadline timestamptz,
        referred_department_id uuid references department(id),
        resolution varchar(2000),
        receipt_code varchar(16) not null unique,
        rejection_reason varchar(500),
        satisfaction smallint check (satisfaction between 1 and 5),
        satisfaction_comment varchar(500),
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((lat is null) = (lng is null)),
        constraint need_rejected_check check (state <> 'REJECTED' or rejection_reason is not null)
      );`);
    this.addSql(`create index need_created_idx on need (created_at, id);`);
    this.addSql(`create index need_station_idx on need (station_id, created_at, id);`);
    this.addSql(`create index need_region_idx on need (region_id);`);
    this.addSql(`create index need_department_idx on need (referred_department_id, created_at, id);`);
    this.addSql(`create index need_state_idx on need (state);`);
    this.addSql(`create index need_deadline_idx on need (deadline) where deadline is not null;`);
    this.addSql(`create index need_earth_idx on need using gist (ll_to_earth(lat, lng)) where lat is not null;`);
    this.addSql(`
      create table need_transition (
        id uuid primary key,
        need_id uuid not null references need(id),
        sequence int not null check (sequence >= 1),
        from_state varchar(16) check (from_state in ('SUBMITTED', 'ON_AGENDA', 'LISTED', 'CLAIMED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED')),
        to_state varchar(16) not null check (to_state in ('SUBMITTED', 'ON_AGENDA', 'LISTED', 'CLAIMED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED')),
        actor_kind varchar(16) not null,
        actor_name varchar(100),
        note varchar(500),
        occurred_at timestamptz not null default now(),
        unique (need_id, sequence)
      );`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(`alter table webhook_subscription add constraint webhook_subscription_types_check check (types <@ array[${typesArray(WITH_NEEDS)}]::text[]);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from webhook_subscription where types && array['Need', 'NeedTransition']::text[];`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(`alter table webhook_subscription add constraint webhook_subscription_types_check check (types <@ array[${typesArray(FEED_TYPES)}]::text[]);`);
    this.addSql(`drop table if exists need_transition;`);
    this.addSql(`drop table if exists need;`);
  }
}
