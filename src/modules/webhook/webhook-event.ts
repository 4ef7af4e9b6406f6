import { toGlobalId } from '../../graphql/relay';
import { ChangeRecordType, FEED_EXCLUDED_TYPES, publicRecordId, type ChangeRecord } from '../audit/audit.types';
import type { ActorKind, ChangeOperation } from '../audit/change-event.entity';

/** The longest a retry waits, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * What a delivery carries: which record changed, how and by whom, never its contents (no personal
 * data: a user who made a change is named by kind only). Every ID is a global ID node(id) fetches.
 */
export interface WebhookEvent {
  /** `<record type>.<operation>`, lower case, e.g. `station.update`. */
  type: string;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  data: {
    /** The delivery's global ID, the same as the webhook-id header. */
    deliveryId: string;
    sequence: string;
    /** The ChangeRecordType name partners see in the API, e.g. STATION. */
    recordType: string;
    recordId: string;
    operation: ChangeOperation;
    version: number | null;
    occurredAt: string;
    /** The request id of the write (x-request-id). */
    requestId: string | null;
    actor: {
      kind: ActorKind;
      /** The API client that made the change, when one did. */
      apiClientId: string | null;
      /** The department it acted for. */
      departmentId: string | null;
      /** Whether the subscription's own API client made it: skip it to avoid loops. */
      isSubscriber: boolean;
    };
  };
}

const ENUM_NAME_OF = new Map<string, string>(Object.entries(ChangeRecordType).map(([name, value]) => [value, name]));

/** Record types (as stored) a subscription may name: every ChangeRecordType the change feed carries. */
export const FEED_RECORD_TYPES: readonly string[] = Object.values(ChangeRecordType).filter((type) => !FEED_EXCLUDED_TYPES.includes(type));

/** The API name of a stored record type (Station → STATION). */
export function recordTypeName(recordType: string): string {
  return ENUM_NAME_OF.get(recordType) ?? recordType.toUpperCase();
}

/** The event type of a change: `<record type>.<operation>`, lower case. */
export function eventTypeOf(change: Pick<ChangeRecord, 'recordType' | 'operation'>): string {
  return `${recordTypeName(change.recordType).toLowerCase()}.${change.operation.toLowerCase()}`;
}

/** The event a committed change becomes in one delivery to a subscription of `subscriberClientId`. */
export function webhookEventOf(change: ChangeRecord, deliveryId: string, subscriberClientId: string): WebhookEvent {
  const occurredAt = change.occurredAt.toISOString();
  const byClient = change.actorKind === 'API_CLIENT' && change.actorId !== null;
  return {
    type: eventTypeOf(change),
    timestamp: occurredAt,
    data: {
      deliveryId: toGlobalId('WebhookDelivery', deliveryId),
      sequence: change.sequence,
      recordType: recordTypeName(change.recordType),
      recordId: publicRecordId(change),
      operation: change.operation,
      version: change.version,
      occurredAt,
      requestId: change.requestId,
      actor: {
        kind: change.actorKind,
        apiClientId: byClient ? toGlobalId('ApiClient', change.actorId!) : null,
        departmentId: change.departmentId ? toGlobalId('Department', change.departmentId) : null,
        isSubscriber: byClient && change.actorId === subscriberClientId,
      },
    },
  };
}

/**
 * The request body: the event in a fixed key order, so every attempt of a delivery sends the same
 * text (the event is rebuilt from the stored change for each attempt).
 */
export function webhookBody(event: WebhookEvent): string {
  const { data } = event;
  return JSON.stringify({
    type: event.type,
    timestamp: event.timestamp,
    data: {
      deliveryId: data.deliveryId,
      sequence: data.sequence,
      recordType: data.recordType,
      recordId: data.recordId,
      operation: data.operation,
      version: data.version,
      occurredAt: data.occurredAt,
      requestId: data.requestId,
      actor: { kind: data.actor.kind, apiClientId: data.actor.apiClientId, departmentId: data.actor.departmentId, isSubscriber: data.actor.isSubscriber },
    },
  });
}

/** Wait before the next attempt after `attempts` failed ones: base × 2^(attempts − 1), at most an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(baseMs * 2 ** Math.min(exponent, 40), MAX_RETRY_DELAY_MS);
}
