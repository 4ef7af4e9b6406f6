import { limitPreparedStatements, type PreparingClient } from './prepared-statements';
import { MikroORM, ReferenceKind, UnderscoreNamingStrategy, type EntityMetadata, type Options } from '@mikro-orm/postgresql';
import { baseEntities } from './base-entity';
import { Migrator } from '@mikro-orm/migrations';
import { logger } from '../logger';
import { redactSql } from './redact';
import { ApiClient } from '../modules/api-client/api-client.entity';
import { Activity } from '../modules/activity/activity.entity';
import { Need, NeedTransition } from '../modules/need/need.entity';
import { NeedClaim } from '../modules/need-claim/need-claim.entity';
import { Meeting, MeetingAgendaItem } from '../modules/meeting/meeting.entity';
import { ConstructionPlan } from '../modules/construction-plan/construction-plan.entity';
import { VolunteerTeam, VolunteerTeamMember } from '../modules/volunteer-team/volunteer-team.entity';
import { DeliberationVenue } from '../modules/deliberation-venue/deliberation-venue.entity';
import { CoBuilding } from '../modules/co-building/co-building.entity';
import { Department } from '../modules/department/department.entity';
import { DutyShift } from '../modules/duty-shift/duty-shift.entity';
import { Organization } from '../modules/organization/organization.entity';
import { Platform } from '../modules/platform/platform.entity';
import { Person } from '../modules/person/person.entity';
import { Region } from '../modules/region/region.entity';
import { ServiceItem, StationServiceItem } from '../modules/service-item/service-item.entity';
import { ServiceCircle } from '../modules/service-circle/service-circle.entity';
import { Station } from '../modules/station/station.entity';
import { StationGridWorker } from '../modules/station-staff/station-grid-worker.entity';
import { ExternalRef, ExternalRefSystem } from '../modules/external-ref/external-ref.entity';
import { migrationsList } from './migrations';
import { ChangeRecording } from '../modules/audit/change-recorder';
import { ChangeEvent } from '../modules/audit/change-event.entity';
import { WebhookSubscription } from '../modules/webhook/webhook-subscription.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from '../modules/webhook/webhook-delivery.entity';
import { PlatformServiceItem } from '../modules/platform/platform-service-item.entity';
import { RegionCodeSequence } from '../modules/region/region-code-sequence.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { RateLimitBucket } from './rate-limit-bucket.entity';
import { SeedRun } from '../../seeds/seed-run.entity';

/** Where the Migrator logs the migrations it applied. */
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export const entities = [
  ...baseEntities,
  Region,
  ServiceCircle,
  Station,
  Department,
  Organization,
  ApiClient,
  Platform,
  CoBuilding,
  Activity,
  VolunteerTeam,
  VolunteerTeamMember,
  DeliberationVenue,
  ServiceItem,
  StationServiceItem,
  Person,
  StationGridWorker,
  DutyShift,
  Need,
  NeedTransition,
  NeedClaim,
  Meeting,
  MeetingAgendaItem,
  ConstructionPlan,
  ChangeEvent,
  ExternalRef,
  ExternalRefSystem,
  WebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  PlatformServiceItem,
  RegionCodeSequence,
  IdempotencyKey,
  RateLimitBucket,
  SeedRun,
];

/**
 * Constraint names as PostgreSQL gives them to the migrations' inline declarations
 * (`station_region_id_fkey`, `station_code_key`), so the entities' metadata and the migrated
 * database name the same constraints (see test/integration/schema-diff.test.ts).
 */
export class PostgresNamingStrategy extends UnderscoreNamingStrategy {
  override indexName(tableName: string, columns: string[], type: Parameters<UnderscoreNamingStrategy['indexName']>[2]): string {
    if (type === 'foreign') return super.indexName(tableName, columns, 'fkey' as typeof type);
    if (type === 'unique') return super.indexName(tableName, columns, 'key' as typeof type);
    return super.indexName(tableName, columns, type);
  }
}

/**
 * The migrations' foreign keys neither cascade updates (keys never change) nor act on delete
 * unless they say so: a relation the database clears on delete declares `deleteRule: 'set null'`.
 */
function foreignKeyRulesOfTheMigrations(metadata: EntityMetadata): void {
  for (const prop of metadata.props) {
    if (prop.kind !== ReferenceKind.MANY_TO_ONE && prop.kind !== ReferenceKind.ONE_TO_ONE) continue;
    prop.updateRule ??= 'no action';
    prop.deleteRule ??= 'no action';
  }
}

export interface OrmOptions {
  clientUrl: string;
  poolMax: number;
  /** PostgreSQL cancels a statement of this pool that runs longer (ms); 0 or absent: no limit (CLI, seeds). */
  statementTimeoutMs?: number;
  /** How long a caller waits for a free pooled connection before the pool gives up (ms). */
  poolWaitMs?: number;
  /** Called with every SQL statement sent, reads and writes alike (statement counting, LOG_SQL); never with bindings. */
  onQuery?: (sql: string) => void;
}

/** MikroORM options shared by the app, the CLI and the tests. */
export function buildOrmOptions({ clientUrl, poolMax, statementTimeoutMs = 0, poolWaitMs = 60_000 }: Omit<OrmOptions, 'onQuery'>): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    subscribers: [new ChangeRecording()],
    discovery: { warnWhenNoEntities: false, onMetadata: foreignKeyRulesOfTheMigrations },
    namingStrategy: PostgresNamingStrategy,
    pool: {
      min: 0,
      max: poolMax,
      // Every connection of the pool carries the timeout, so no statement outlives it in PostgreSQL
      // (a client that gave up no longer leaves its query running for minutes).
      // A transaction left open between statements (an idempotent request's, should its end never
      // come) is ended by PostgreSQL after a minute, releasing its locks.
      // JIT off: a planned read is one large statement whose cost estimate triggers JIT compilation,
      // which cost more than it saved (1.25 s of 3.7 s on the deepest region page) — as PostGraphile advises.
      afterCreate: (connection: PreparingClient, done: (error: Error | null, connection: PreparingClient) => void) => {
        const idleInTransactionMs = statementTimeoutMs ? IDLE_IN_TRANSACTION_MS : 0;
        // `deallocate all`: PGlite has one backend for every connection, so a new connection may find
        // the statements an earlier one prepared; the client's count starts from none.
        limitPreparedStatements(connection);
        connection.query(
          `deallocate all; set statement_timeout = ${Math.trunc(statementTimeoutMs)}; set idle_in_transaction_session_timeout = ${idleInTransactionMs}; set jit = off`,
          (error: Error | null) => done(error, connection),
        );
      },
    },
    driverOptions: {
      acquireConnectionTimeout: poolWaitMs,
      // knex's own notices (a dropped connection, say) go to the JSON log, redacted, not to console.log.
      log: {
        warn: (message: unknown) => logger.warn('database driver', { detail: redactSql(String(message)).slice(0, 200) }),
        error: (message: unknown) => logger.error('database driver', { detail: redactSql(String(message)).slice(0, 200) }),
        deprecate: () => undefined,
        debug: () => undefined,
      },
    },
    // Read paths return plain rows; the identity map is only used inside write transactions.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      tableName: MIGRATIONS_TABLE,
      snapshot: false,
      silent: true,
    },
  };
}

export async function initOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(buildOrmOptions(options));
  // Both MikroORM and the plain-row readers go through this knex instance.
  if (options.onQuery) orm.em.getKnex().on('query', (query: { sql: string }) => options.onQuery!(query.sql));
  return orm;
}

/** How long a runtime connection may sit idle inside a transaction before PostgreSQL ends it. */
const IDLE_IN_TRANSACTION_MS = 60_000;

/**
 * Names of migrations that exist in code but are not applied to the database: the names the
 * Migrator has logged in its table, read in one statement (every start, client script and /readyz
 * asks, and the Migrator would first check and create its table).
 */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const connection = orm.em.getConnection();
  const [{ present }] = await connection.execute<{ present: boolean }[]>(`select to_regclass('${MIGRATIONS_TABLE}') is not null as present`);
  const rows = present ? await connection.execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE}`) : [];
  // The Migrator logs a name without its file extension, and so compares them.
  const applied = new Set(rows.map(({ name }) => name.replace(/\.[jt]s$/, '')));
  return migrationsList.map(({ name }) => name).filter((name) => !applied.has(name));
}
