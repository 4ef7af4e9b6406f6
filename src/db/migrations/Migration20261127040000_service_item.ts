import { Migration } from '@mikro-orm/migrations';

const CATEGORIES = [
  'PARTY_BUILDING',
  'POLICY_CONSULTATION',
  'AGENCY_SERVICE',
  'LEGAL_AID',
  'CULTURE_PUBLICITY',
  'TRAINING',
  'SOCIAL_SECURITY',
  'MEDICAL_INSURANCE',
  'CIVIL_AFFAIRS',
  'EMPLOYMENT',
  'HOUSEHOLD_REGISTRATION',
  'VETERANS',
  'ELDERLY_CARE',
  'DISABILITY',
  'HEALTH',
  'TRADE_UNION',
  'WOMEN_CHILDREN',
  'YOUTH',
  'TRANSPORT',
  'MARKET_SERVICE',
  'OTHER',
];
const MODES = ['SELF_SERVICE_TERMINAL', 'PROXY', 'GUIDANCE', 'WINDOW'];
const list = (values: string[]) => values.map((value) => `'${value}'`).join(',');

/**
 * The catalogue of high-frequency government service items (高频服务事项) and their push-down
 * (下沉) to stations: one row per station and item, with how and since when it is handled there.
 * Items that are pushed down are never deleted (the foreign key restricts it), only deactivated.
 */
export class Migration20261127040000_service_item extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table service_item (
        id uuid primary key,
        code varchar(24) not null unique check (code ~ '^[0-9]{6}-[A-Z]{2,4}-[0-9]{4}$'),
        name varchar(100) not null check (length(btrim(name)) > 0),
        level varchar(16) not null check (level in ('PROVINCE','CITY','DISTRICT')),
        category varchar(32) not null check (category in (${list(CATEGORIES)})),
        department_id uuid not null references department(id) on delete restrict,
        handling_mode varchar(32) not null check (handling_mode in (${list(MODES)})),
        materials text[] not null default '{}' check (array_position(materials, null) is null),
        time_limit_days int check (time_limit_days between 1 and 365),
        fee_yuan numeric(10,2) not null default 0 check (fee_yuan >= 0),
        description text,
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index service_item_department_idx on service_item (department_id, code);`);
    this.addSql(`create index service_item_level_idx on service_item (level);`);
    this.addSql(`create index service_item_category_idx on service_item (category);`);
    this.addSql(`create index service_item_handling_mode_idx on service_item (handling_mode);`);
    this.addSql(`create index service_item_search_trgm_idx on service_item using gin ((name || ' ' || code) gin_trgm_ops);`);

    this.addSql(`
      create table station_service_item (
        id uuid primary key,
        station_id uuid not null references station(id) on delete restrict,
        service_item_id uuid not null references service_item(id) on delete restrict,
        mode varchar(32) not null check (mode in (${list(MODES)})),
        since date not null,
        status varchar(16) not null default 'ACTIVE' check (status in ('ACTIVE','SUSPENDED','WITHDRAWN')),
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint station_service_item_pair_key unique (station_id, service_item_id)
      );`);
    // The unique constraint serves "items of a station"; this one serves "stations of an item".
    this.addSql(`create index station_service_item_item_idx on station_service_item (service_item_id, station_id);`);
    this.addSql(`create index station_service_item_status_idx on station_service_item (status);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists station_service_item;`);
    this.addSql(`drop table if exists service_item;`);
  }
}
