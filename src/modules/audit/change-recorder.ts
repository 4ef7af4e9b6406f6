import {
  ArrayType,
  ChangeSetType,
  helper,
  JsonType,
  ReferenceKind,
  Utils,
  type ChangeSet,
  type EntityMetadata,
  type EntityName,
  type EventSubscriber,
  type FlushEventArgs,
  type Platform,
} from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Principal } from '../../auth/principal';
import { AUDIT_SHAPES, canonical, present, UNAUDITED_ENTITIES, type AuditShape, type FieldChange, type Snapshot } from './audited-fields';
import { ChangeEvent, type ActorKind, type ChangeOperation } from './change-event.entity';

/** Who writes, and on whose behalf: recorded with every change. */
export interface ChangeActor {
  kind: ActorKind;
  /** The API client's id or the user's subject; null for SYSTEM and anonymous callers. */
  id: string | null;
  name: string | null;
  /** The department the caller acts for. */
  departmentId: string | null;
  requestId: string | null;
  /** The mutation field being run, e.g. updateStation. */
  mutation: string | null;
}

/** Writes outside requests: the command line, seeds, migrations. */
export const SYSTEM_ACTOR: ChangeActor = { kind: 'SYSTEM', id: null, name: null, departmentId: null, requestId: null, mutation: null };

/** The actor of a request's write. */
export function actorOf(principal: Principal, requestId: string, mutation: string): ChangeActor {
  const base =
    principal.kind === 'anonymous'
      ? { kind: 'ANONYMOUS' as const, id: null, name: null, departmentId: null }
      : { kind: principal.kind === 'client' ? ('API_CLIENT' as const) : ('USER' as const), id: principal.id, name: principal.name, departmentId: principal.departmentId };
  return { ...base, requestId, mutation };
}

/** One record's change, in the API's words, before it is stored. */
interface RecordChange {
  recordType: string;
  recordId: string;
  operation: ChangeOperation;
  version: number | null;
  changes: Map<string, FieldChange>;
}

function shapeOf(recordType: string): AuditShape {
  const shape = AUDIT_SHAPES[recordType];
  if (!shape) throw new Error(`${recordType} has no audit declaration: add it to AUDIT_SHAPES (audited-fields.ts)`);
  return shape;
}

function isStoredProperty(meta: EntityMetadata, name: string): boolean {
  const prop = meta.properties[name];
  return prop.persist !== false && prop.kind !== ReferenceKind.ONE_TO_MANY && prop.kind !== ReferenceKind.MANY_TO_MANY;
}

/** A value as stored (the change set's original data, a row): JSON and arrays parsed, as the entity holds them. */
function fromStored(meta: EntityMetadata, name: string, value: unknown, platform: Platform): unknown {
  const type = meta.properties[name].customType;
  if (typeof value === 'string' && (type instanceof JsonType || type instanceof ArrayType)) return type.convertToJSValue(value, platform);
  return value;
}

/** A managed entity's current state. */
function snapshotOfEntity(meta: EntityMetadata, entity: object): Snapshot {
  const snapshot: Snapshot = {};
  for (const name of Object.keys(meta.properties)) {
    if (!isStoredProperty(meta, name)) continue;
    const value = (entity as Record<string, unknown>)[name];
    snapshot[name] = Utils.isEntity(value) ? helper(value).getPrimaryKey() : value;
  }
  return snapshot;
}

/** A state as stored, by property name (a change set's original entity data). */
function snapshotOfStored(meta: EntityMetadata, data: Record<string, unknown>, platform: Platform): Snapshot {
  const snapshot: Snapshot = {};
  for (const name of Object.keys(meta.properties)) {
    if (isStoredProperty(meta, name) && name in data) snapshot[name] = fromStored(meta, name, data[name], platform);
  }
  return snapshot;
}

/** A row as the database returned it, by column name. */
function snapshotOfRow(meta: EntityMetadata, row: Record<string, unknown>, platform: Platform): Snapshot {
  const snapshot: Snapshot = {};
  for (const name of Object.keys(meta.properties)) {
    const column = meta.properties[name].fieldNames?.[0];
    if (isStoredProperty(meta, name) && column && column in row) snapshot[name] = fromStored(meta, name, row[column], platform);
  }
  return snapshot;
}

function fieldChanges(before: Map<string, unknown> | null, after: Map<string, unknown> | null): Map<string, FieldChange> {
  const changes = new Map<string, FieldChange>();
  for (const field of new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])) {
    changes.set(field, { before: before?.get(field) ?? null, after: after?.get(field) ?? null });
  }
  return changes;
}

function operationOf(type: ChangeSetType): ChangeOperation | null {
  switch (type) {
    case ChangeSetType.CREATE:
      return 'CREATE';
    case ChangeSetType.UPDATE:
    case ChangeSetType.UPDATE_EARLY:
      return 'UPDATE';
    case ChangeSetType.DELETE:
    case ChangeSetType.DELETE_EARLY:
      return 'DELETE';
    default:
      return null;
  }
}

function recordIdOf(key: unknown): string {
  const plain = (part: unknown) => String(Utils.isEntity(part) ? helper(part).getPrimaryKey() : part);
  // A composite key (a grid worker's station and person) reads "stationId:personId".
  return Array.isArray(key) ? key.map(plain).join(':') : plain(key);
}

/** What a flushed change set changed, in the API's words; null for what is not audited. */
function changeOfChangeSet(changeSet: ChangeSet<object>, platform: Platform): RecordChange | null {
  const operation = operationOf(changeSet.type);
  const recordType = changeSet.meta.className;
  if (!operation || UNAUDITED_ENTITIES.includes(recordType)) return null;
  const shape = shapeOf(recordType);
  const { meta, entity } = changeSet;
  const stored = (changeSet.originalEntity ?? helper(entity).__originalEntityData) as Record<string, unknown> | undefined;
  let changes: Map<string, FieldChange>;
  if (operation === 'CREATE') changes = fieldChanges(null, present(shape, snapshotOfEntity(meta, entity)));
  else if (operation === 'DELETE') changes = fieldChanges(present(shape, stored ? snapshotOfStored(meta, stored, platform) : snapshotOfEntity(meta, entity)), null);
  else {
    const changed = new Set(Object.keys(changeSet.payload as object));
    changes = fieldChanges(present(shape, snapshotOfStored(meta, stored ?? {}, platform), changed), present(shape, snapshotOfEntity(meta, entity), changed));
  }
  const current = entity as { version?: unknown };
  const previous = Number(stored?.version ?? current.version ?? 0);
  const version = !('version' in meta.properties) ? null : operation === 'CREATE' ? Number(current.version ?? 1) : operation === 'UPDATE' ? previous + 1 : previous;
  return { recordType, recordId: recordIdOf(changeSet.getPrimaryKey()), operation, version, changes };
}

/** The changes worth storing: an update lists what differs, a creation what was set, a deletion what was there. */
function storedChanges(change: RecordChange): Record<string, FieldChange> {
  const kept: Record<string, FieldChange> = {};
  for (const [field, { before, after }] of change.changes) {
    if (change.operation === 'UPDATE' ? canonical(before) === canonical(after) : (change.operation === 'CREATE' ? after : before) === null) continue;
    kept[field] = { before, after };
  }
  return kept;
}

function keyOf(recordType: string, recordId: string): string {
  return `${recordType}\u0000${recordId}`;
}

/** How many changes one insert statement carries. */
const INSERT_BATCH = 1000;

/**
 * The one change recorder of a unit of work (one mutation field): every write path reports to it
 * — MikroORM flushes (through ChangeRecording, below), plain-SQL writes (recordRows), and values
 * kept in tables of their own (reportField). It holds one change per record, however many times
 * the unit wrote it: before as the record was when the unit began, after as it is at the end.
 * The unit of work stores them (write) in its own transaction just before it commits, with the
 * actor it was given.
 */
export class ChangeRecorder {
  private readonly pending = new Map<string, RecordChange>();

  constructor(readonly actor: ChangeActor) {}

  /** Collects what a flush of the unit's EntityManager changed. */
  collectFlush(args: FlushEventArgs): void {
    const platform = args.em.getPlatform();
    for (const changeSet of args.uow.getChangeSets()) {
      const change = changeOfChangeSet(changeSet as ChangeSet<object>, platform);
      if (change) this.add(change);
    }
  }

  /**
   * Records records written in plain SQL, whole: `rows` as the database returned them (column
   * names; `returning *` gives every one), e.g. a set-based insert of thousands of push-downs.
   */
  recordRows(em: EntityManager, entity: EntityName<object>, operation: 'CREATE' | 'DELETE', rows: readonly Record<string, unknown>[]): void {
    const meta = em.getMetadata().get(Utils.className(entity));
    const shape = shapeOf(meta.className);
    const platform = em.getPlatform();
    for (const row of rows) {
      const shown = present(shape, snapshotOfRow(meta, row, platform));
      const recordId = recordIdOf(meta.primaryKeys.map((key) => row[meta.properties[key].fieldNames[0]]));
      const version = 'version' in meta.properties ? Number(row[meta.properties.version.fieldNames[0]] ?? 1) : null;
      this.add({ recordType: meta.className, recordId, operation, version, changes: operation === 'CREATE' ? fieldChanges(null, shown) : fieldChanges(shown, null) });
    }
  }

  /**
   * Records a value the write path keeps in a table of its own (a 24-hour point's service items):
   * `field` must be a reported field of the record type's declaration; before and after as the
   * declaration takes them (e.g. the listed records' local ids).
   */
  reportField(recordType: string, recordId: string, field: string, before: unknown, after: unknown): void {
    const spec = shapeOf(recordType).fields[field];
    if (!spec || spec.from.length) throw new Error(`${recordType}.${field} is not a reported field of its audit declaration`);
    const change = { before: spec.present({ [field]: before }), after: spec.present({ [field]: after }) };
    // Unchanged, and nothing else of the record written yet: nothing to tell (a creation still shows it).
    if (canonical(change.before) === canonical(change.after) && !this.pending.has(keyOf(recordType, recordId))) return;
    this.add({ recordType, recordId, operation: 'UPDATE', version: null, changes: new Map([[field, change]]) });
  }

  /** Remembers what was collected so far; the returned function goes back to it (a savepoint rolled back). */
  checkpoint(): () => void {
    const copy = (changes: Iterable<RecordChange>) =>
      [...changes].map((change) => ({ ...change, changes: new Map([...change.changes].map(([field, value]) => [field, { ...value }])) }));
    const saved = copy(this.pending.values());
    return () => {
      this.pending.clear();
      for (const change of copy(saved)) this.pending.set(keyOf(change.recordType, change.recordId), change);
    };
  }

  /** Stores the collected changes through the unit's transaction (in the order the records were first written). */
  async write(trx: Knex.Transaction): Promise<void> {
    const events = [...this.pending.values()].map((change, index) => ({
      n: index,
      record_type: change.recordType,
      record_id: change.recordId,
      operation: change.operation,
      version: change.version,
      changes: storedChanges(change),
    }));
    this.pending.clear();
    const { actor } = this;
    for (let start = 0; start < events.length; start += INSERT_BATCH) {
      await trx.raw(
        `insert into change_event (record_type, record_id, operation, version, actor_kind, actor_id, actor_name, department_id, request_id, mutation, changes)
         select e.record_type, e.record_id, e.operation, e.version, ?, ?, ?, ?::uuid, ?, ?, e.changes
         from jsonb_to_recordset(?::jsonb) as e(n int, record_type text, record_id text, operation text, version int, changes jsonb)
         order by e.n`,
        [actor.kind, actor.id, actor.name, actor.departmentId, actor.requestId, actor.mutation, JSON.stringify(events.slice(start, start + INSERT_BATCH))],
      );
    }
  }

  /** Merges a change into the one already held for its record, if any. */
  private add(change: RecordChange): void {
    const key = keyOf(change.recordType, change.recordId);
    const held = this.pending.get(key);
    if (!held) {
      this.pending.set(key, change);
      return;
    }
    if (change.version !== null) held.version = change.version;
    if (change.operation === 'DELETE' && held.operation === 'CREATE') {
      // Created and deleted within the unit: nothing to tell.
      this.pending.delete(key);
      return;
    }
    if (change.operation === 'DELETE') held.operation = 'DELETE';
    else if (change.operation === 'CREATE' && held.operation === 'DELETE') held.operation = 'UPDATE';
    for (const [field, next] of change.changes) {
      const earlier = held.changes.get(field);
      const before = held.operation === 'CREATE' ? null : earlier ? earlier.before : next.before;
      held.changes.set(field, { before, after: next.after });
    }
    if (held.operation === 'DELETE') for (const field of held.changes.values()) field.after = null;
  }
}

/** The recorder of the unit of work an EntityManager belongs to, if any. */
export function recorderOf(em: EntityManager): ChangeRecorder | null {
  for (const subscriber of em.getEventManager().getSubscribers()) if (subscriber instanceof ChangeRecorder) return subscriber;
  return null;
}

/** Gives an EntityManager (with an event manager of its own) the recorder of its unit of work. */
export function attachRecorder(em: EntityManager, recorder: ChangeRecorder): void {
  em.getEventManager().registerSubscriber(recorder as unknown as EventSubscriber);
}

/** The recorder a plain-SQL write reports to: only a unit of work's EntityManager has one. */
export function requireRecorder(em: EntityManager): ChangeRecorder {
  const recorder = recorderOf(em);
  if (!recorder) throw new Error('Writes in plain SQL are recorded only inside a unit of work');
  return recorder;
}

/**
 * The MikroORM subscriber every flush goes through. A unit of work's flushes go to its recorder;
 * any other flush (the command line, seeds: no request) is recorded at once, as SYSTEM, in the
 * same flush and so the same transaction as the change itself.
 */
export class ChangeRecording implements EventSubscriber {
  async onFlush(args: FlushEventArgs): Promise<void> {
    const recorder = recorderOf(args.em as EntityManager);
    if (recorder) {
      recorder.collectFlush(args);
      return;
    }
    const platform = args.em.getPlatform();
    for (const changeSet of args.uow.getChangeSets()) {
      const change = changeOfChangeSet(changeSet as ChangeSet<object>, platform);
      if (!change) continue;
      const event = new ChangeEvent();
      Object.assign(event, {
        recordType: change.recordType,
        recordId: change.recordId,
        operation: change.operation,
        version: change.version,
        changes: storedChanges(change),
        actorKind: SYSTEM_ACTOR.kind,
        actorId: null,
        actorName: null,
        departmentId: null,
        requestId: null,
        mutation: null,
      });
      args.uow.computeChangeSet(event);
    }
  }
}
