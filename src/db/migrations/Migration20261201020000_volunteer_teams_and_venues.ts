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
  'Person',
  'DutyShift',
  'StationGridWorker',
  'ExternalRef',
  'Need',
  'NeedTransition',
];
const FEED_TYPES_AFTER = [...FEED_TYPES_BEFORE.slice(0, 8), 'VolunteerTeam', 'VolunteerTeamMember', 'DeliberationVenue', ...FEED_TYPES_BEFORE.slice(8)];

const typesCheck = (types: string[]) =>
  `alter table webhook_subscription add constraint webhook_subscription_types_check check (types <@ array[${types.map((type) => `'${type}'`).join(',')}]::text[]);`;

/**
 * Volunteer teams (志愿服务队伍: 帮帮团, 评理团 and the teams sent down under 六进小区) with their
 * members, and deliberation venues (议事场所: 连心园, 议事亭, 睦邻点, 议事平台). Teams and venues hang
 * off a community, so an operator's region scope covers them. A member is either a registered
 * person (whose name and phone stay on the Person record) or a resident known only to the team,
 * with a name and phone of their own: personal data, checked in the service first so the
 * constraints' errors (which would echo the row) only guard against writers that bypass it. All three join the change feed and webhooks.
 */
export class Migration20261201020000_volunteer_teams_and_venues extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table volunteer_team (
        id uuid primary key,
        name varchar(100) not null check (length(btrim(name)) > 0),
        kind varchar(24) not null check (kind in ('HELP_TEAM','ARBITRATION_TEAM','PARTY_MEMBER_TEAM','ORGAN_TEAM','ENTERPRISE_TEAM',
          'PUBLIC_WELFARE_TEAM','DEPUTY_TEAM','MASS_ORG_TEAM','OTHER')),
        region_id int not null references region(id) on delete restrict,
        station_id uuid references station(id) on delete restrict,
        organization_id uuid references organization(id) on delete restrict,
        sent_down_at date,
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index volunteer_team_kind_idx on volunteer_team (kind);`);
    this.addSql(`create index volunteer_team_name_idx on volunteer_team (name, id);`);
    this.addSql(`create index volunteer_team_organization_idx on volunteer_team (organization_id);`);
    this.addSql(`create index volunteer_team_region_idx on volunteer_team (region_id);`);
    this.addSql(`create index volunteer_team_station_idx on volunteer_team (station_id);`);

    this.addSql(`
      create table volunteer_team_member (
        id uuid primary key,
        team_id uuid not null references volunteer_team(id) on delete restrict,
        person_id uuid references person(id) on delete restrict,
        name varchar(50) check (length(btrim(name)) > 0),
        phone varchar(13) check (phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
        role varchar(16) not null check (role in ('LEADER','MEMBER')),
        joined_on date,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (team_id, person_id),
        check ((person_id is null) <> (name is null)),
        check (person_id is null or phone is null)
      );`);
    this.addSql(`create index volunteer_team_member_team_idx on volunteer_team_member (team_id, joined_on, id);`);
    this.addSql(`create index volunteer_team_member_person_idx on volunteer_team_member (person_id);`);

    this.addSql(`
      create table deliberation_venue (
        id uuid primary key,
        name varchar(100) not null check (length(btrim(name)) > 0),
        kind varchar(24) not null check (kind in ('LIANXIN_GARDEN','DELIBERATION_PAVILION','NEIGHBOURHOOD_POINT','DELIBERATION_PLATFORM','COURTYARD','OTHER')),
        region_id int not null references region(id) on delete restrict,
        station_id uuid references station(id) on delete restrict,
        address varchar(200),
        lat double precision check (lat between -90 and 90),
        lng double precision check (lng between -180 and 180),
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((lat is null) = (lng is null))
      );`);
    this.addSql(`create index deliberation_venue_kind_idx on deliberation_venue (kind);`);
    this.addSql(`create index deliberation_venue_name_idx on deliberation_venue (name, id);`);
    this.addSql(`create index deliberation_venue_region_idx on deliberation_venue (region_id);`);
    this.addSql(`create index deliberation_venue_station_idx on deliberation_venue (station_id);`);

    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_AFTER));
  }

  override async down(): Promise<void> {
    this.addSql(`update webhook_subscription set types = array(select t from unnest(types) t where t not in ('VolunteerTeam','VolunteerTeamMember','DeliberationVenue'));`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_BEFORE));
    this.addSql(`drop table if exists deliberation_venue;`);
    this.addSql(`drop table if exists volunteer_team_member;`);
    this.addSql(`drop table if exists volunteer_team;`);
  }
}
