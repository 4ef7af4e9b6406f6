import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { WebhookConfig } from '../../config';
import { columnsOf, type PrefixedRowOf, type RowOf } from '../../db/entity-rows';
import { createSqlReader, type SqlReader } from '../../db/sql';
import { logger } from '../../logger';
import { committedChangesQuery, FEED_PAGE_MAX, type FeedPosition } from '../audit/audit.reader';
import { CHANGE_COLUMNS, toChangeRecord, type ChangeRow } from '../audit/audit.types';
import { toGlobalId } from '../../graphql/relay';
import { retryDelayMs, webhookBody, webhookEventOf } from './webhook-event';
import { sendWebhook, type SendOutcome } from './webhook-sender';
import { webhookHeaders } from './webhook-signature';
import { targetPolicyOf, type WebhookTargetPolicy } from './webhook-target';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

/** Deliveries being sent at once, over all subscriptions. */
export const MAX_IN_FLIGHT = 16;
/**
 * Deliveries being sent at once to one subscription, and to all subscriptions of one API client:
 * a receiver that never answers holds at most these many of the slots above, for a timeout each,
 * and every other client's deliveries still go out.
 */
export const MAX_IN_FLIGHT_PER_SUBSCRIPTION = 2;
export const MAX_IN_FLIGHT_PER_CLIENT = 4;
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

/** A claimed delivery (its key as `delivery_id`), where and how its subscription is sent to (its key as `subscription_id`), and the change it announces. */
type ClaimedDelivery = PrefixedRowOf<WebhookDelivery, 'id', 'delivery_'> &
  RowOf<WebhookDelivery, 'attempts'> &
  PrefixedRowOf<WebhookSubscription, 'id', 'subscription_'> &
  RowOf<WebhookSubscription, 'url' | 'secret' | 'apiClient'> &
  ChangeRow;

/** What a claim returns, as ClaimedDelivery describes it (deliveries `d`, subscriptions `s`, changes `e`). */
const CLAIMED_COLUMNS = [
  columnsOf(WebhookDelivery, 'd', ['id'], { prefix: 'delivery_' }),
  columnsOf(WebhookDelivery, 'd', ['attempts']),
  columnsOf(WebhookSubscription, 's', ['id'], { prefix: 'subscription_' }),
  columnsOf(WebhookSubscription, 's', ['url', 'secret', 'apiClient']),
  CHANGE_COLUMNS,
].join(', ');

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Counts of attempts in flight by key (subscription or client), as the claim query reads them. */
class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, by: number): void {
    const count = (this.counts.get(key) ?? 0) + by;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }
  toJson(): string {
    return JSON.stringify(Object.fromEntries(this.counts));
  }
}

class Dispatcher implements WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly inFlightBySubscription = new Tally();
  private readonly inFlightByClient = new Tally();
  /** When the next round queues new changes; rounds in between (see slotFreed) only send. */
  private nextQueueAt = 0;
  /** The last claim found deliveries due: a slot coming free is worth a round before the next poll. */
  private backlog = false;
  /** A slot came free during a round: run another one right after it. */
  private sendAgain = false;
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
        const again = this.sendAgain;
        this.sendAgain = false;
        this.schedule(again ? 0 : Math.max(0, this.nextQueueAt - Date.now()));
      });
    }, delayMs);
    // The HTTP server keeps the process alive, not this loop.
    this.timer.unref();
  }

  /**
   * An attempt ended. The caps above may have kept due deliveries waiting: claim them now rather
   * than at the next poll, or one subscription could never get more than its cap per poll interval.
   */
  private slotFreed(): void {
    if (this.stopped || !this.backlog) return;
    if (this.round) {
      this.sendAgain = true;
    } else if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.schedule(0);
    }
  }

  /** Queues new changes once every `pollMs`, then sends what is due; rounds never overlap. */
  private async runRound(): Promise<void> {
    try {
      if (Date.now() >= this.nextQueueAt) {
        try {
          await this.queueChanges();
        } finally {
          this.nextQueueAt = Date.now() + this.config.pollMs;
        }
      }
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
    const deliveries = rows.map((row) => ({ id: randomUUID(), seq: row.seq }));
    await this.db.all(
      `with moved as (
         update webhook_subscription set last_tx = ?::xid8, last_seq = ?::bigint
          where id = ? and last_tx is not distinct from ?::xid8 and last_seq is not distinct from ?::bigint
         returning id)
       insert into webhook_delivery (id, subscription_id, change_seq)
       select x.id, moved.id, x.seq from moved, jsonb_to_recordset(?::jsonb) as x(id uuid, seq bigint)
       on conflict (subscription_id, change_seq) do nothing`,
      [last.tx, last.seq, subscription.id, subscription.last_tx, subscription.last_seq, JSON.stringify(deliveries)],
    );
  }

  /**
   * Claims due deliveries (leased: attempts counted, next attempt pushed past the timeout) and
   * sends them without waiting — at most MAX_IN_FLIGHT in all, MAX_IN_FLIGHT_PER_SUBSCRIPTION per
   * subscription and MAX_IN_FLIGHT_PER_CLIENT per API client, counting those already in flight.
   * Within a client, subscriptions take turns; between clients, the longest due goes first.
   * Only each subscription's few oldest due deliveries are read (webhook_delivery_pending_idx),
   * however long its backlog. Candidates are chosen without locks, then locked and checked again,
   * so a delivery another dispatcher claimed meanwhile is skipped.
   */
  private async sendDue(): Promise<void> {
    const capacity = MAX_IN_FLIGHT - this.inFlight.size;
    if (capacity <= 0) return;
    const claimed = await this.db.all<ClaimedDelivery>(
      `update webhook_delivery d
          set attempts = d.attempts + 1, next_attempt_at = now() + ?::int * interval '1 millisecond'
         from webhook_subscription s, change_event e
        where s.id = d.subscription_id and e.seq = d.change_seq and d.id in (
              select q.id from webhook_delivery q
               where q.status = 'PENDING' and q.next_attempt_at <= now() and q.id in (
                     select per_client.id from (
                            select per_subscription.*,
                                   per_subscription.client_busy + row_number() over (
                                     partition by per_subscription.api_client_id
                                     order by per_subscription.turn, per_subscription.next_attempt_at, per_subscription.change_seq) as client_load
                              from (
                                    select due.id, due.next_attempt_at, due.change_seq, ds.api_client_id,
                                           coalesce((?::jsonb ->> ds.api_client_id::text)::int, 0) as client_busy,
                                           coalesce((?::jsonb ->> ds.id::text)::int, 0) + due.turn as turn
                                      from webhook_subscription ds
                                      join api_client c on c.id = ds.api_client_id
                                     cross join lateral (
                                           select p.id, p.next_attempt_at, p.change_seq,
                                                  row_number() over (order by p.next_attempt_at, p.change_seq) as turn
                                             from webhook_delivery p
                                            where p.subscription_id = ds.id and p.status = 'PENDING' and p.next_attempt_at <= now()
                                            order by p.next_attempt_at, p.change_seq
                                            limit ?) due
                                     where ds.active and c.active
                                   ) per_subscription
                             where per_subscription.turn <= ?
                           ) per_client
                      where per_client.client_load <= ?
                      order by per_client.next_attempt_at, per_client.change_seq
                      limit ?)
               for update of q skip locked)
       returning ${CLAIMED_COLUMNS}`,
      [
        this.config.timeoutMs + LEASE_MARGIN_MS,
        this.inFlightByClient.toJson(),
        this.inFlightBySubscription.toJson(),
        MAX_IN_FLIGHT_PER_SUBSCRIPTION,
        MAX_IN_FLIGHT_PER_SUBSCRIPTION,
        MAX_IN_FLIGHT_PER_CLIENT,
        capacity,
      ],
    );
    this.backlog = claimed.length > 0;
    for (const delivery of claimed) {
      this.inFlightBySubscription.add(delivery.subscription_id, 1);
      this.inFlightByClient.add(delivery.api_client_id, 1);
      const attempt: Promise<void> = this.attempt(delivery).finally(() => {
        this.inFlight.delete(attempt);
        this.inFlightBySubscription.add(delivery.subscription_id, -1);
        this.inFlightByClient.add(delivery.api_client_id, -1);
        this.slotFreed();
      });
      this.inFlight.add(attempt);
    }
  }

  /**
   * One HTTP attempt, then its outcome; no database work runs while the request is open. The body
   * is built from the change, so every attempt of a delivery sends the same text; the webhook-id
   * is the delivery's global ID, which node(id) fetches.
   */
  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const body = webhookBody(webhookEventOf(toChangeRecord(delivery), delivery.delivery_id, delivery.api_client_id));
    const startedAt = new Date();
    const outcome = await sendWebhook(delivery.url, webhookHeaders(delivery.secret, toGlobalId('WebhookDelivery', delivery.delivery_id), body), body, {
      policy: this.targets,
      timeoutMs: this.config.timeoutMs,
    });
    try {
      await this.record(delivery, outcome, startedAt, Date.now() - startedAt.getTime());
    } catch (error) {
      // The lease runs out and the delivery is tried again.
      logger.warn('webhook outcome not recorded', { delivery: delivery.delivery_id, error: errorText(error) });
    }
  }

  /**
   * Writes an attempt into the delivery's history, and its outcome onto the delivery — unless the
   * delivery was redelivered meanwhile (attempts reset), in which case the newer attempt's outcome
   * is the one that counts (this one stays in the history). One statement, so both or neither.
   */
  private async record(delivery: ClaimedDelivery, outcome: SendOutcome, startedAt: Date, durationMs: number): Promise<void> {
    const history = `with attempt as (
         insert into webhook_delivery_attempt (delivery_id, started_at, duration_ms, delivered, status_code, error)
         values (?::uuid, ?::timestamptz, ?, ?, ?, ?))`;
    const attempt = [delivery.delivery_id, startedAt.toISOString(), durationMs, outcome.delivered, outcome.statusCode, outcome.error];
    if (outcome.delivered) {
      await this.db.all(
        `${history}
         update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_status_code = ?, last_error = null
          where id = ? and attempts = ? and status = 'PENDING'`,
        [...attempt, outcome.statusCode, delivery.delivery_id, delivery.attempts],
      );
      return;
    }
    const gaveUp = delivery.attempts >= this.config.maxAttempts;
    await this.db.all(
      `${history}
       update webhook_delivery
          set status = ?, next_attempt_at = now() + ?::int * interval '1 millisecond', last_status_code = ?, last_error = ?
        where id = ? and attempts = ? and status = 'PENDING'`,
      [
        ...attempt,
        gaveUp ? 'FAILED' : 'PENDING',
        retryDelayMs(delivery.attempts, this.config.retryBaseMs),
        outcome.statusCode,
        outcome.error,
        delivery.delivery_id,
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
