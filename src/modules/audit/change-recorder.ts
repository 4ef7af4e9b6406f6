import { ChangeSetType, type ChangeSet, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { maskName, maskPhone } from '../../auth/masking';
import { requestScope } from '../../graphql/request-scope';
import { ChangeEvent, type ActorKind, type ChangeOperation } from './change-event.entity';

/** Personal values are kept in the audit trail only masked; secrets not at all. */
const FIELD_GUARDS: Record<string, Record<string, (value: unknown) => unknown>> = {
  Person: { name: (v) => (typeof v === 'string' ? maskName(v) : v), phone: (v) => (typeof v === 'string' ? maskPhone(v) : v) },
  Organization: {
    contactName: (v) => (typeof v === 'string' ? maskName(v) : v),
    contactPhone: (v) => (typeof v === 'string' ? maskPhone(v) : v),
  },
  ApiClient: { keyHash: () => '[redacted]', keyHint: () => '[redacted]' },
  WebhookSubscription: { secret: () => '[redacted]' },
};

/** Bookkeeping fields that every write touches: not listed as changes. */
const NOISE = new Set(['version', 'updatedAt', 'createdAt']);

function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && !Array.isArray(value) && '__helper' in (value as object)) {
    // A reference to another entity: record its primary key.
    return (value as { __helper: { getPrimaryKey(): unknown } }).__helper.getPrimaryKey();
  }
  return value;
}

export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
  departmentId: string | null;
}

/** Who is writing: the request's principal, or SYSTEM outside requests (CLI, seeds, migrations). */
export function currentActor(): Actor & { requestId: string | null; mutation: string | null } {
  const scope = requestScope.getStore();
  const principal = scope?.principal;
  const base: Actor =
    !principal
      ? { kind: 'SYSTEM', id: null, name: null, departmentId: null }
      : principal.kind === 'anonymous'
        ? { kind: 'ANONYMOUS', id: null, name: null, departmentId: null }
        : { kind: principal.kind === 'client' ? 'API_CLIENT' : 'USER', id: principal.id, name: principal.name, departmentId: principal.departmentId };
  return { ...base, requestId: scope?.requestId ?? null, mutation: scope?.mutation ?? null };
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

/** The event a change set becomes: fields with before/after values, guarded. */
export function describeChange(changeSet: ChangeSet<object>): Pick<ChangeEvent, 'recordType' | 'recordId' | 'operation' | 'version' | 'changes'> | null {
  const operation = operationOf(changeSet.type);
  if (!operation) return null;
  const recordType = changeSet.meta.className;
  const guards = FIELD_GUARDS[recordType] ?? {};
  const guard = (field: string, value: unknown) => (guards[field] ? guards[field](plain(value)) : plain(value));
  const original = (changeSet.originalEntity ?? {}) as Record<string, unknown>;
  const entity = changeSet.entity as Record<string, unknown>;
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const fields = operation === 'DELETE' ? Object.keys(original) : Object.keys(changeSet.payload as object);
  for (const field of fields) {
    if (NOISE.has(field)) continue;
    const before = operation === 'CREATE' ? null : guard(field, original[field]);
    const after = operation === 'DELETE' ? null : guard(field, (changeSet.payload as Record<string, unknown>)[field]);
    changes[field] = { before, after };
  }
  const hasVersion = 'version' in entity;
  const version = !hasVersion
    ? null
    : operation === 'CREATE'
      ? Number(entity.version ?? 1)
      : operation === 'UPDATE'
        ? Number(original.version ?? entity.version ?? 0) + 1
        : Number(original.version ?? entity.version ?? 0);
  // A composite key (e.g. a grid worker's station and person) reads "stationId:personId".
  const key = changeSet.getPrimaryKey();
  const recordId = Array.isArray(key) ? key.map((part) => String(plain(part))).join(':') : String(plain(key));
  return { recordType, recordId, operation, version, changes };
}

/**
 * Writes one ChangeEvent per created, updated or deleted entity inside the same flush — and so the
 * same transaction — as the change itself: the audit trail and the change feed can never disagree
 * with the data.
 */
export class ChangeRecorder implements EventSubscriber {
  async onFlush(args: FlushEventArgs): Promise<void> {
    const actor = currentActor();
    for (const changeSet of args.uow.getChangeSets()) {
      if (changeSet.entity instanceof ChangeEvent) continue;
      const described = describeChange(changeSet as ChangeSet<object>);
      if (!described) continue;
      const event = new ChangeEvent();
      Object.assign(event, described, {
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        departmentId: actor.departmentId,
        requestId: actor.requestId,
        mutation: actor.mutation,
      });
      args.uow.computeChangeSet(event);
    }
  }
}
