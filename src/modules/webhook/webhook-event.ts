import { ChangeRecordType, FEED_EXCLUDED_TYPES, publicRecordId, type ChangeRecord } from '../audit/audit.types';
import type { ChangeOperation } from '../audit/change-event.entity';

/** The longest a retry waits, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** What a delivery carries: which record changed and how, never its contents (no personal data). */
export interface WebhookEvent {
  /** `<record type>.<operation>`, lower case, e.g. `station.update`. */
  type: string;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  data: {
    sequence: string;
    /** The ChangeRecordType name partners see in the API, e.g. STATION. */
    recordType: string;
    recordId: string;
    operation: ChangeOperation;
    version: number | null;
    occurredAt: string;
  };
}

const ENUM_NAME_OF = new Map<string, string>(Object.entries(ChangeRecordType).map(([name, value]) => [value, name]));

/** Record types (as stored) a subscription may name: every ChangeRecordType the change feed carries. */
export const FEED_RECORD_TYPES: readonly string[] = Object.values(ChangeRecordType).filter((type) => !FEED_EXCLUDED_TYPES.includes(type));

/** The API name of a stored record type (Station → STATION). */
export function recordTypeName(recordType: string): string {
  return ENUM_NAME_OF.get(recordType) ?? recordType.toUpperCase();
}

/** The event a committed change becomes. */
export function webhookEventOf(change: ChangeRecord): WebhookEvent {
  const recordType = recordTypeName(change.recordType);
  const occurredAt = change.occurredAt.toISOString();
  return {
    type: `${recordType.toLowerCase()}.${change.operation.toLowerCase()}`,
    timestamp: occurredAt,
    data: {
      sequence: change.sequence,
      recordType,
      recordId: publicRecordId(change),
      operation: change.operation,
      version: change.version,
      occurredAt,
    },
  };
}

/**
 * The request body: the event in a fixed key order. The stored payload is jsonb, which keeps its
 * own key order; writing it out field by field makes every attempt send the same text.
 */
export function webhookBody(event: WebhookEvent): string {
  const { data } = event;
  return JSON.stringify({
    type: event.type,
    timestamp: event.timestamp,
    data: {
      sequence: data.sequence,
      recordType: data.recordType,
      recordId: data.recordId,
      operation: data.operation,
      version: data.version,
      occurredAt: data.occurredAt,
    },
  });
}

/** Wait before the next attempt after `attempts` failed ones: base × 2^(attempts − 1), at most an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(baseMs * 2 ** Math.min(exponent, 40), MAX_RETRY_DELAY_MS);
}
