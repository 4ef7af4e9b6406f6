import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { WebhookConfig } from '../../config';
import { createSqlReader, type SqlReader } from '../../db/sql';
import { logger } from '../../logger';
import { committedChangesQuery, FEED_PAGE_MAX, type FeedPosition } from '../audit/audit.reader';
import { toChangeRecord, type ChangeRow } from '../audit/audit.types';
import { retryDelayMs, webhookBody, webhookEventOf, type WebhookEvent } from './webhook-event';
import { sendWebhook, type SendOutcome } from './webhook-sender';
import { webhookHeaders } from './webhook-signature';
import { targetPolicyOf, type WebhookTargetPolicy } from './webhook-target';

/** Deliveries being sent at once, over all subscriptions. */
export const MAX_IN_FLIGHT = 16;
/** Changes queued per subscription and round. */
const QUEUE_BATCH = FEED_PAGE_MAX;
/**
 * A claimed delivery is not due again until its attempt has had time to finish: if the process
 * dies mid-attempt, the delivery is retried once this lease (timeout + margin) has run out.
 */
const LEASE_MARGIN_MS = 30_000;

export interface WebhookDispatcher {
  /**
   * Stops the loop and waits for the attempts still running (each bounded by WEBHOOK_TIMEOUT_MS) to
   * finish and be recorded — cutting them short could repeat a delivery the receiver already has.
   * Resolves when nothing is left touching the database.
   */
  stop(): Promise<void>;
}

interface SubscriptionRow {
  id: string;
  types: string[];
  last_tx: string | null;
  last_seq: string | null;
}

interface ClaimedDelivery {
  id: string;
  attempts: number;
  payload: WebhookEvent | string;
  url: string;
  secret: string;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class Dispatcher implements WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();
  /** The last round failure logged: a lasting fault (e.g. migrations not applied) is logged once, not every round. */
  private lastFailure: string | null = null;

  constructor(
    private readonly db: SqlReader,
    private readonly config: WebhookConfig,
    private readonly targets: WebhookTargetPolicy,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.round = this.runRound().finally(() => {
        this.round = null;
        this.schedule(this.config.pollMs);
      });
    }, delayMs);
    // The HTTP server keeps the process alive, not this loop.
    this.timer.unref();
  }

  private async runRound(): Promise<void> {
    try {
      await this.queueChanges();
      if (!this.stopped) await this.sendDue();
      this.lastFailure = null;
    } catch (error) {
      const message = errorText(error);
      if (message !== this.lastFailure) logger.warn('webhook round failed', { error: message });
      this.lastFailure = message;
    }
  }

  /** For each active subscription of an active client: queue the committed changes after its feed position. */
  private async queueChanges(): Promise<void> {
    const subscriptions = await this.db.all<SubscriptionRow>(
      `select s.id, s.types, s.last_tx::text as last_tx, s.last_seq::text as last_seq
         from webhook_subscription s join api_client c on c.id = s.api_client_id
        where s.active and c.active order by s.created_at, s.id`,
    );
    for (const subscription of subscriptions) {
      if (this.stopped) return;
      try {
        await this.queueFor(subscription);
      } catch (error) {
        logger.warn('webhook queueing failed', { subscription: subscription.id, error: errorText(error) });
      }
    }
  }

  /**
   * One statement, so one transaction: the subscription's position moves past the changes read
   * and their deliveries are inserted together — and only if the position is still the one read,
   * so two dispatchers (or a restart mid-round) never queue a change twice or skip one.
   */
  private async queueFor(subscription: SubscriptionRow): Promise<void> {
    const after: FeedPosition | null = subscription.last_tx && subscription.last_seq ? { tx: subscription.last_tx, seq: subscription.last_seq } : null;
    const query = committedChangesQuery(after, subscription.types, QUEUE_BATCH);
    const rows = await this.db.all<ChangeRow>(query.text, query.bindings);
    if (!rows.length) return;
    const last = rows[rows.length - 1];
    const deliveries = rows.map((row) => ({ id: randomUUID(), seq: row.seq, payload: webhookEventOf(toChangeRecord(row)) }));
    await this.db.all(
      `with moved as (
         update webhook_subscription set last_tx = ?::xid8, last_seq = ?::bigint
          where id = ? and last_tx is not distinct from ?::xid8 and last_seq is not distinct from ?::bigint
         returning id)
       insert into webhook_delivery (id, subscription_id, change_seq, payload)
       select x.id, moved.id, x.seq, x.payload from moved, jsonb_to_recordset(?::jsonb) as x(id uuid, seq bigint, payload jsonb)
       on conflict (subscription_id, change_seq) do nothing`,
      [last.tx, last.seq, subscription.id, subscription.last_tx, subscription.last_seq, JSON.stringify(deliveries)],
    );
  }

  /** Claims due deliveries (leased: attempts counted, next attempt pushed past the timeout) and sends them without waiting. */
  private async sendDue(): Promise<void> {
    const capacity = MAX_IN_FLIGHT - this.inFlight.size;
    if (capacity <= 0) return;
    const claimed = await this.db.all<ClaimedDelivery>(
      `update webhook_delivery d
          set attempts = d.attempts + 1, next_attempt_at = now() + ?::int * interval '1 millisecond'
         from webhook_subscription s
        where s.id = d.subscription_id and d.id in (
              select q.id from webhook_delivery q
                join webhook_subscription qs on qs.id = q.subscription_id
                join api_client c on c.id = qs.api_client_id
               where q.status = 'PENDING' and q.next_attempt_at <= now() and qs.active and c.active
               order by q.next_attempt_at, q.change_seq
               limit ? for update of q skip locked)
       returning d.id, d.attempts, d.payload, s.url, s.secret`,
      [this.config.timeoutMs + LEASE_MARGIN_MS, capacity],
    );
    for (const delivery of claimed) {
      const attempt: Promise<void> = this.attempt(delivery).finally(() => this.inFlight.delete(attempt));
      this.inFlight.add(attempt);
    }
  }

  /** One HTTP attempt, then its outcome; no database work runs while the request is open. */
  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const event = typeof delivery.payload === 'string' ? (JSON.parse(delivery.payload) as WebhookEvent) : delivery.payload;
    const body = webhookBody(event);
    const outcome = await sendWebhook(delivery.url, webhookHeaders(delivery.secret, delivery.id, body), body, {
      policy: this.targets,
      timeoutMs: this.config.timeoutMs,
    });
    try {
      await this.record(delivery, outcome);
    } catch (error) {
      // The lease runs out and the delivery is tried again.
      logger.warn('webhook outcome not recorded', { delivery: delivery.id, error: errorText(error) });
    }
  }

  /**
   * Writes an attempt's outcome — unless the delivery was redelivered meanwhile (attempts reset),
   * in which case the newer attempt's outcome is the one that counts.
   */
  private async record(delivery: ClaimedDelivery, outcome: SendOutcome): Promise<void> {
    if (outcome.delivered) {
      await this.db.all(
        `update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_status_code = ?, last_error = null
          where id = ? and attempts = ? and status = 'PENDING'`,
        [outcome.statusCode, delivery.id, delivery.attempts],
      );
      return;
    }
    const gaveUp = delivery.attempts >= this.config.maxAttempts;
    await this.db.all(
      `update webhook_delivery
          set status = ?, next_attempt_at = now() + ?::int * interval '1 millisecond', last_status_code = ?, last_error = ?
        where id = ? and attempts = ? and status = 'PENDING'`,
      [
        gaveUp ? 'FAILED' : 'PENDING',
        retryDelayMs(delivery.attempts, this.config.retryBaseMs),
        outcome.statusCode,
        outcome.error,
        delivery.id,
        delivery.attempts,
      ],
    );
  }
}

/**
 * Starts the webhook loop: every `pollMs`, queue the committed changes each subscription has not
 * seen yet, then send the deliveries that are due. Database work is short single statements, never
 * held open across an HTTP request (the embedded database has a single connection).
 */
export function startWebhookDispatcher(orm: MikroORM, config: WebhookConfig): WebhookDispatcher {
  const dispatcher = new Dispatcher(createSqlReader(orm.em.getKnex()), config, targetPolicyOf(config.allowedHosts));
  dispatcher.start();
  return dispatcher;
}
