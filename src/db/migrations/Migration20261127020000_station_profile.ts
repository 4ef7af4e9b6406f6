import { Migration } from '@mikro-orm/migrations';

const ZONE_KINDS = [
  'PARTY_ACTIVITY_BASE',
  'GRID_WORK',
  'CONVENIENCE_SERVICE',
  'DEMOCRATIC_CONSULTATION',
  'CIVILIZATION_PRACTICE',
  'ELDERLY_DAY_CARE',
  'YOUTH_MAKER_SPACE',
  'CHILD_CARE',
  'SOCIAL_ORG_STUDIO',
  'SENIOR_SCHOOL',
  'AFTER_SCHOOL_CLASS',
  'OTHER_FEATURED',
];
const FACILITIES = ['GOV_SERVICE_HOTLINE', 'SELF_SERVICE_TERMINAL', 'WIRELESS_NETWORK', 'PROFESSIONAL_SOCIAL_ORG', 'VOLUNTEER_FORCE'];
const GROUPS = [
  'RESIDENTS',
  'VILLAGERS',
  'ELDERLY',
  'CHILDREN',
  'YOUTH',
  'DELIVERY_RIDERS',
  'COURIERS',
  'RIDE_HAILING_DRIVERS',
  'DOMESTIC_WORKERS',
  'SANITATION_WORKERS',
  'OUTDOOR_WORKERS',
  'FLOATING_PARTY_MEMBERS',
  'ENTERPRISE_EMPLOYEES',
  'PEOPLE_WITH_DISABILITIES',
  'VETERANS',
];
const textArray = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(',')}]::text[]`;

/**
 * The station's own profile (DOMAIN.md): weekly opening hours, the "1+4+N" function zones, the
 * 五进 facilities, the groups served, the mobile party-member service point, and the
 * "1 centre + N stations" hub network.
 *
 * Zones, facilities and groups live on the station row (jsonb and text[]) rather than in child
 * tables: they are small, always read with the station and replaced whole, so a page of stations
 * costs no extra statement; GIN indexes serve the containment filters ("has all of", "any of").
 */
export class Migration20261127020000_station_profile extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table station
        add column opening_hours jsonb check (opening_hours is null or jsonb_typeof(opening_hours->'windows') = 'array'),
        add column function_zones jsonb not null default '[]'::jsonb check (
          jsonb_typeof(function_zones) = 'array' and not jsonb_path_exists(function_zones,
            '$[*] ? (!(@.kind like_regex "^(${ZONE_KINDS.join('|')})$") || !exists(@.name) || @.name.type() != "string"
              || (@.areaSquareMetres.type() != "number" && @.areaSquareMetres.type() != "null") || @.areaSquareMetres <= 0)')),
        add column five_into_facilities text[] not null default '{}' check (five_into_facilities <@ ${textArray(FACILITIES)}),
        add column groups_served text[] not null default '{}' check (groups_served <@ ${textArray(GROUPS)}),
        add column hosts_mobile_party_member_service_point boolean not null default false,
        add column is_hub boolean not null default false,
        add column hub_id uuid references station(id) on delete restrict,
        add constraint station_hub_not_self check (hub_id is null or hub_id <> id),
        add constraint station_hub_not_nested check (not (is_hub and hub_id is not null));`);
    // Members of a hub, in the order hubMembers pages them (code, id).
    this.addSql(`create index station_hub_members_idx on station (hub_id, code, id) where hub_id is not null;`);
    this.addSql(`create index station_is_hub_idx on station (id) where is_hub;`);
    this.addSql(`create index station_mobile_point_idx on station (id) where hosts_mobile_party_member_service_point;`);
    this.addSql(`create index station_function_zones_idx on station using gin (function_zones jsonb_path_ops);`);
    this.addSql(`create index station_five_into_idx on station using gin (five_into_facilities);`);
    this.addSql(`create index station_groups_served_idx on station using gin (groups_served);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists station_groups_served_idx;`);
    this.addSql(`drop index if exists station_five_into_idx;`);
    this.addSql(`drop index if exists station_function_zones_idx;`);
    this.addSql(`drop index if exists station_mobile_point_idx;`);
    this.addSql(`drop index if exists station_is_hub_idx;`);
    this.addSql(`drop index if exists station_hub_members_idx;`);
    this.addSql(`
      alter table station
        drop constraint if exists station_hub_not_nested,
        drop constraint if exists station_hub_not_self,
        drop column if exists hub_id,
        drop column if exists is_hub,
        drop column if exists hosts_mobile_party_member_service_point,
        drop column if exists groups_served,
        drop column if exists five_into_facilities,
        drop column if exists function_zones,
        drop column if exists opening_hours;`);
  }
}
