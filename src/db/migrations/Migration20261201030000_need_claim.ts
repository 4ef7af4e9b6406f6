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
];
const FEED_TYPES_AFTER = [...FEED_TYPES_BEFORE, 'NeedClaim'];

const typesCheck = (types: string[]) =>
  `alter table webhook_subscription add constraint webhook_subscription_types_check check (types <@ array[${types.map((type) => `'${type}'`).join(',')}]::text[]);`;

/**
 * Claims of listed needs (认领 / 点单): exactly one claimant each — an organization, a person or a
 * volunteer team — and for a co-building project optionally the co-building agreement it is
 * claimed under. At most one ACTIVE claim per need, enforced here by a partial unique index (the
 * claims service checks first, under the need's row lock, and turns a refusal into a user error).
 * Claims join the change feed and webhooks.
 */
export class Migration20261201030000_need_claim extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table need_claim (
        id uuid primary key,
        need_id uuid not null references need(id) on delete restrict,
        organization_id uuid references organization(id) on delete restrict,
        person_id uuid references person(id) on delete restrict,
        volunteer_team_id uuid references volunteer_team(id) on delete restrict,
        co_building_id uuid references co_building(id) on delete restrict,
        state varchar(16) not null default 'ACTIVE' check (state in ('ACTIVE', 'WITHDRAWN', 'COMPLETED')),
        claimed_at timestamptz not null default now(),
        note varchar(500),
        withdrawn_at timestamptz,
        withdrawal_reason varchar(500),
        completed_at timestamptz,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint need_claim_claimant_check check (num_nonnulls(organization_id, person_id, volunteer_team_id) = 1),
        constraint need_claim_withdrawn_check check ((state = 'WITHDRAWN') = (withdrawn_at is not null and withdrawal_reason is not null)),
        constraint need_claim_completed_check check ((state = 'COMPLETED') = (completed_at is not null))
      );`);
    this.addSql(`create unique index need_claim_active_key on need_claim (need_id) where state = 'ACTIVE';`);
    this.addSql(`create index need_claim_need_idx on need_claim (need_id, claimed_at, id);`);
    this.addSql(`create index need_claim_organization_idx on need_claim (organization_id, claimed_at, id) where organization_id is not null;`);
    this.addSql(`create index need_claim_person_idx on need_claim (person_id, claimed_at, id) where person_id is not null;`);
    this.addSql(`create index need_claim_team_idx on need_claim (volunteer_team_id, claimed_at, id) where volunteer_team_id is not null;`);
    this.addSql(`create index need_claim_sort_idx on need_claim (claimed_at, id);`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_AFTER));
  }

  override async down(): Promise<void> {
    this.addSql(`update webhook_subscription set types = array(select t from unnest(types) t where t <> 'NeedClaim');`);
    this.addSql(`alter table webhook_subscription drop constraint webhook_subscription_types_check;`);
    this.addSql(typesCheck(FEED_TYPES_BEFORE));
    this.addSql(`drop table if exists need_claim;`);
  }
}
