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
];
const FEED_TYPES_AFTER = [...FEED_TYPES_BEFORE, 'Meeting', 'MeetingAgendaItem'];

const typesCheck = (types: string[]) =>
  `alter table webhook_subscription add constraint webhook_subscription_types_check check (types <@ array[${types.map((type) => `'${type}'`).join(',')}]::text[]);`;

/**
 * 民生议事厅 meetings of a community (or its station), in a venue if one is registered, and their
 * agendas: each item a need, once decided LISTED, REJECTED (with a reason) or REFERRED (to a
 * department). A need is on a meeting's agenda at most once. Both join the change feed and webhooks.
 */
export class Migration20261201040000_meeting extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table meeting (
        id uuid primary key,
        region_id int not null references region(id) on delete restrict,
        station_id uuid references station(id) on delete restrict,
        venue_id uuid references deliberation_venue(id) on delete restrict,
        held_on date not null,
        title varchar(200) not null check (length(btrim(title)) > 0),
        attendee_count int check (attendee_count >= 0),
        attendees varchar(2000),
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index meeting_held_idx on meeting (held_on, id);`);
    this.addSql(`create index meeting_region_idx on meeting (region_id, held_on);`);
    this.addSql(`create index meeting_station_idx on meeting (station_id, held_on);`);
    this.addSql(`
      create table meeting_agenda_item (
        id uuid primary key,
        meeting_id uuid not null references meeting(id) on delete restrict,
        need_id uuid not null references need(id) on delete restrict,
        position int not null,
        decision varchar(16) check (decision in ('LISTED', 'REJECTED', 'REFERRED')),
        decision_reason varchar(500),
        referred_department_id uuid references department(id) on delete restrict,
        decided_at timestamptz,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint meeting_agenda_item_meeting_id_need_id_key unique (meeting_id, need_id),
        constraint meeting_agenda_item_decided_check check ((decision is null) = (decided_at is null)),
        constraint meeting_agenda_item_rejected_check check (decision <> 'REJECTED' or decision_reason is not null),
        constraint meeting_agenda_item_referred_check check ((decision = 'REFERRED') = (referred_department_id is not null))
      );`);
    this.addSql(`create index meeting_agenda_item_need_idx on meeting_agenda_item (need_id, created_at, id);`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_AFTER));
  }

  override async down(): Promise<void> {
    this.addSql(`update webhook_subscription set types = array(select t from unnest(types) t where t not in ('Meeting', 'MeetingAgendaItem'));`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_BEFORE));
    this.addSql(`drop table if exists meeting_agenda_item;`);
    this.addSql(`drop table if exists meeting;`);
  }
}
