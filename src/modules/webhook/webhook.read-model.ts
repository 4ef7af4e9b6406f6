import { toDate } from '../../db/sql';
import { column, globalId, instant, instantSql, registerReadModel } from '../../graphql/plan/read-model';
import { changedRecordIdSql } from '../audit/audit.read-model';
import { publicRecordId } from '../audit/audit.types';
import type { ChangeOperation } from '../audit/change-event.entity';
import { ATTEMPTS_SHOWN } from './webhook.reader';
import { eventTypeOf } from './webhook-event';
import {
  ATTEMPT_COLUMNS,
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  SUBSCRIPTION_COLUMNS,
  SUBSCRIPTION_FROM,
  toWebhookDeliveryAttemptRecord,
  toWebhookDeliveryRecord,
  toWebhookSubscriptionRecord,
  type WebhookChangeRecord,
} from './webhook.types';

interface ChangeRow {
  seq: string;
  record_type: string;
  record_id: string;
  operation: ChangeOperation;
  version: number | null;
  occurred_at: string;
}

function toWebhookChangeRecord(row: ChangeRow): WebhookChangeRecord {
  return {
    sequence: row.seq,
    recordType: row.record_type,
    recordId: publicRecordId({ recordType: row.record_type, localId: row.record_id }),
    operation: row.operation,
    version: row.version,
    occurredAt: toDate(row.occurred_at),
  };
}

/**
 * How webhook subscriptions, their deliveries and attempts are read (see graphql/plan/read-model.ts).
 * A subscription's signing secret and feed position are never read: no field plans them and the
 * records' columns leave them out. Who sees which subscriptions is the lists' and node's where
 * clause (webhook.reader.ts); a delivery's subscription and attempts go with the delivery.
 */
export function registerWebhookReadModel(): void {
  registerReadModel({
    type: 'WebhookSubscription',
    table: 'webhook_subscription',
    key: 'id',
    record: { columns: SUBSCRIPTION_COLUMNS, from: SUBSCRIPTION_FROM, alias: 's', toRecord: toWebhookSubscriptionRecord },
    fields: {
      id: globalId('WebhookSubscription'),
      url: column('url'),
      types: { kind: 'value', sql: (t) => `to_json(${t}.types)` },
      active: column('active'),
      clientName: { kind: 'value', sql: (t) => `(select c.name from api_client c where c.id = ${t}.api_client_id)` },
      version: column('version'),
      createdAt: instant('created_at'),
      updatedAt: instant('updated_at'),
      apiClient: { kind: 'one', type: 'ApiClient', key: (t) => `${t}.api_client_id` },
    },
  });
  registerReadModel({
    type: 'WebhookDelivery',
    table: 'webhook_delivery',
    key: 'id',
    record: { columns: DELIVERY_COLUMNS, from: DELIVERY_FROM, alias: 'd', toRecord: toWebhookDeliveryRecord },
    fields: {
      id: globalId('WebhookDelivery'),
      status: column('status'),
      attemptCount: column('attempts'),
      // The due time means something only while the delivery waits.
      nextAttemptAt: { kind: 'value', sql: (t) => `(case when ${t}.status = 'PENDING' then ${instantSql(`${t}.next_attempt_at`)} end)` },
      lastStatusCode: column('last_status_code'),
      lastError: column('last_error'),
      deliveredAt: instant('delivered_at'),
      createdAt: instant('created_at'),
      eventType: {
        kind: 'computed',
        sql: (t) => `(select json_build_array(e.record_type, e.operation) from change_event e where e.seq = ${t}.change_seq)`,
        compute: ([recordType, operation]: [string, ChangeOperation]) => eventTypeOf({ recordType, operation }),
      },
      change: { kind: 'one', type: 'WebhookChange', key: (t) => `${t}.change_seq` },
      subscription: { kind: 'one', type: 'WebhookSubscription', key: (t) => `${t}.subscription_id` },
      // Bounded: the newest ATTEMPTS_SHOWN, as the delivery's history shows them.
      attempts: {
        kind: 'list',
        type: 'WebhookDeliveryAttempt',
        where: (t, c) => ({
          text: `${c}.id in (select x.id from webhook_delivery_attempt x where x.delivery_id = ${t}.id order by x.id desc limit ${ATTEMPTS_SHOWN})`,
          bindings: [],
        }),
        orderBy: (c) => `${c}.id desc`,
      },
    },
  });
  registerReadModel({
    type: 'WebhookChange',
    table: 'change_event',
    key: 'seq',
    record: {
      columns: 'e.seq::text as seq, e.record_type, e.record_id, e.operation, e.version, e.occurred_at',
      from: 'change_event e',
      alias: 'e',
      toRecord: toWebhookChangeRecord,
    },
    fields: {
      sequence: { kind: 'value', sql: (t) => `${t}.seq::text` },
      recordType: column('record_type'),
      recordId: { kind: 'value', sql: changedRecordIdSql },
      operation: column('operation'),
      version: column('version'),
      occurredAt: instant('occurred_at'),
    },
  });
  registerReadModel({
    type: 'WebhookDeliveryAttempt',
    table: 'webhook_delivery_attempt',
    key: 'id',
    record: {
      columns: ATTEMPT_COLUMNS,
      from: 'webhook_delivery_attempt a',
      alias: 'a',
      toRecord: toWebhookDeliveryAttemptRecord,
    },
    fields: {
      startedAt: instant('started_at'),
      durationMs: column('duration_ms'),
      delivered: column('delivered'),
      statusCode: column('status_code'),
      error: column('error'),
    },
  });
}
