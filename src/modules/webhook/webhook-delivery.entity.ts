import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { ChangeEvent } from '../audit/change-event.entity';
import { UuidEntity } from '../../db/base-entity';
import { WebhookDeliveryStatus } from './webhook.enums';
import { WebhookSubscription } from './webhook-subscription.entity';

/**
 * 推送 One change queued for one subscription. The dispatcher queues, claims and settles
 * deliveries in plain SQL (set-based statements with row locks); this entity declares the row they
 * write, and the read paths' columns come from it. Check constraints are written as PostgreSQL
 * prints them, so the schema comparison reads the same expression back; the status check is its
 * enum's items.
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ name: 'webhook_delivery_subscription_id_change_seq_key', properties: ['subscription', 'changeSeq'] })
@Index({ name: 'webhook_delivery_due_idx', properties: ['status', 'nextAttemptAt'] })
@Index({ name: 'webhook_delivery_change_idx', properties: ['changeSeq'] })
// Each subscription's oldest due deliveries, for the dispatcher's claim (partial: only the pending ones).
@Index({
  name: 'webhook_delivery_pending_idx',
  expression: `CREATE INDEX webhook_delivery_pending_idx ON public.webhook_delivery USING btree (subscription_id, next_attempt_at, change_seq) WHERE ((status)::text = 'PENDING'::text)`,
})
@Check({ name: 'webhook_delivery_attempts_check', expression: 'attempts >= 0' })
@Check({ name: 'webhook_delivery_last_status_code_check', expression: '(last_status_code >= 100) AND (last_status_code <= 599)' })
export class WebhookDelivery extends UuidEntity {
  [OptionalProps]?: 'status' | 'attempts' | 'lastStatusCode' | 'lastError' | 'deliveredAt';

  @ManyToOne({ entity: () => WebhookSubscription, fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: WebhookSubscription;

  /** The change announced: its sequence number (bigint, as text). */
  @ManyToOne({ entity: () => ChangeEvent, fieldName: 'change_seq', mapToPk: true })
  changeSeq!: string;

  @Enum({ items: () => WebhookDeliveryStatus, type: 'string', columnType: 'varchar(10)', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  /** Attempts of the current round (redelivery starts a new round at 0). */
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', fieldName: 'next_attempt_at', defaultRaw: 'now()' })
  nextAttemptAt: Opt<Date> = new Date();

  @Property({ type: 'integer', fieldName: 'last_status_code', nullable: true })
  lastStatusCode?: number | null;

  @Property({ type: 'string', length: 200, fieldName: 'last_error', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', fieldName: 'delivered_at', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'datetime', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** 推送尝试 One attempt of a delivery, kept in its history (written by the dispatcher in plain SQL). */
@Entity({ tableName: 'webhook_delivery_attempt' })
@Index({ name: 'webhook_delivery_attempt_delivery_idx', properties: ['delivery', 'id'] })
@Check({ name: 'webhook_delivery_attempt_duration_ms_check', expression: 'duration_ms >= 0' })
@Check({ name: 'webhook_delivery_attempt_status_code_check', expression: '(status_code >= 100) AND (status_code <= 599)' })
export class WebhookDeliveryAttempt {
  [OptionalProps]?: 'id' | 'durationMs' | 'statusCode' | 'error';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne({ entity: () => WebhookDelivery, fieldName: 'delivery_id', deleteRule: 'cascade' })
  delivery!: WebhookDelivery;

  @Property({ type: 'datetime', fieldName: 'started_at' })
  startedAt!: Date;

  /** Null for attempts recorded before durations were kept. */
  @Property({ type: 'integer', fieldName: 'duration_ms', nullable: true })
  durationMs?: number | null;

  /** Whether the receiver answered 2xx. */
  @Property({ type: 'boolean' })
  delivered!: boolean;

  @Property({ type: 'integer', fieldName: 'status_code', nullable: true })
  statusCode?: number | null;

  @Property({ type: 'string', length: 200, nullable: true })
  error?: string | null;
}
