import { column, instant, registerReadModel } from '../../graphql/plan/read-model';
import { CHANGE_COLUMNS, ChangeRecordType, toChangeRecord, type ChangeActorRecord, type ChangeRow } from './audit.types';
import type { ActorKind } from './change-event.entity';

/**
 * The global ID of the record a change_event row (alias `t`) names, computed in SQL as
 * publicRecordId does in Node: base64url of "<record type>:<local id>".
 */
export function changedRecordIdSql(t: string): string {
  return `translate(encode(convert_to(${t}.record_type || ':' || ${t}.record_id, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}

/** Record types keyed by text (a system's name, a station-and-person pair); the others by UUID. */
const TEXT_KEYED: ReadonlySet<string> = new Set([ChangeRecordType.EXTERNAL_REF_SYSTEM, ChangeRecordType.STATION_GRID_WORKER]);

/** The columns of a change's actor, and the actor record ChangeActor's resolvers take. */
const ACTOR_COLUMNS = 'e.actor_kind, e.actor_id, e.actor_name, e.department_id';

function toActorRecord(row: { actor_kind: ActorKind; actor_id: string | null; actor_name: string | null; department_id: string | null }): ChangeActorRecord {
  return { kind: row.actor_kind, id: row.actor_id, name: row.actor_name, departmentId: row.department_id };
}

/**
 * How audit events and their actors are read (see graphql/plan/read-model.ts). Kept with their
 * resolvers: ChangeActor.userName (personal data, masked for the caller) and ChangeActor.isViewer
 * (depends on the caller).
 */
export function registerAuditReadModel(): void {
  registerReadModel({
    type: 'AuditEvent',
    table: 'change_event',
    key: 'seq',
    record: { columns: CHANGE_COLUMNS, from: 'change_event e', alias: 'e', toRecord: (row: ChangeRow) => toChangeRecord(row) },
    fields: {
      sequence: { kind: 'value', sql: (t) => `${t}.seq::text` },
      occurredAt: instant('occurred_at'),
      operation: column('operation'),
      recordType: column('record_type'),
      recordId: { kind: 'value', sql: changedRecordIdSql },
      version: column('version'),
      requestId: column('request_id'),
      mutation: column('mutation'),
      actor: { kind: 'one', type: 'ChangeActor', key: (t) => `${t}.seq` },
      department: { kind: 'one', type: 'Department', key: (t) => `${t}.department_id` },
      // The record as it is now, a row of whichever table the event names (null once deleted).
      record: {
        kind: 'oneOf',
        which: (t) => `${t}.record_type`,
        targets: Object.fromEntries(
          Object.values(ChangeRecordType).map((type) => [type, { type, key: (t: string) => (TEXT_KEYED.has(type) ? `${t}.record_id` : `${t}.record_id::uuid`) }]),
        ),
      },
      // Field changes of one event are a plain list of values, stored as an object by field name.
      changes: {
        kind: 'computed',
        sql: (t) => `${t}.changes`,
        compute: (changes: Record<string, { before: unknown; after: unknown }>) => Object.entries(changes).map(([field, { before, after }]) => ({ field, before, after })),
      },
    },
  });
  // A change's actor is stored on the change's own row.
  registerReadModel({
    type: 'ChangeActor',
    table: 'change_event',
    key: 'seq',
    record: { columns: ACTOR_COLUMNS, from: 'change_event e', alias: 'e', toRecord: toActorRecord },
    fields: {
      kind: column('actor_kind'),
      apiClient: { kind: 'one', type: 'ApiClient', key: (t) => `(case when ${t}.actor_kind = 'API_CLIENT' then ${t}.actor_id::uuid end)` },
      department: { kind: 'one', type: 'Department', key: (t) => `${t}.department_id` },
      userSubject: { kind: 'value', sql: (t) => `(case when ${t}.actor_kind = 'USER' then ${t}.actor_id end)` },
    },
  });
}
