import { Migration } from '@mikro-orm/migrations';

/** The change-feed record types webhook subscriptions may name, before and after this migration. */
const FEED_TYPES_BEFORE = [
  'Station',
  'Platform',
  'ServiceItem',
  'StationServiceItem',
  'Department',
  'Organization',
  'CoBuilding',
  'Activity',
  'VolunteerTeam',
  'VolunteerTeamMember',
  'DeliberationVenue',
  'Person',
  'DutyShift',
  'StationGridWorker',
  'ExternalRef',
  'Need',
  'NeedTransition',
  'NeedClaim',
  'Meeting',
  'MeetingAgendaItem',
];
const FEED_TYPES_AFTER = [...FEED_TYPES_BEFORE, 'ConstructionPlan'];

const typesCheck = (types: string[]) =>
  `alter table webhook_subscription add constraint webhook_subscription_types_check check (types <@ array[${types.map((type) => `'${type}'`).join(',')}]::text[]);`;

/**
 * 建设计划 Construction plans: a year's target of new stations for a region (and of them, in towns
 * and villages), one per year and region. The stations planned under one are found by their plan
 * year and region, so no link table. Plans join the change feed and webhooks.
 */
export class Migration20261201070000_construction_plan extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table construction_plan (
        id uuid primary key,
        year smallint not null,
        region_id int not null references region(id) on delete restrict,
        target int not null,
        rural_target int,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint construction_plan_year_region_id_key unique (year, region_id),
        constraint construction_plan_year_check check (year >= 2000 and year <= 2100),
        constraint construction_plan_target_check check (target >= 0),
        constraint construction_plan_rural_target_check check (rural_target is null or (rural_target >= 0 and rural_target <= target))
      );`);
    this.addSql(`create index construction_plan_region_idx on construction_plan (region_id);`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_AFTER));
  }

  override async down(): Promise<void> {
    this.addSql(`update webhook_subscription set types = array(select t from unnest(types) t where t <> 'ConstructionPlan');`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_BEFORE));
    this.addSql(`drop table if exists construction_plan;`);
  }
}
