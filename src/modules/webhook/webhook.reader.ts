import { fetchKeysetPage } from '../../db/keyset';
import { joinSql, rawSql, sql, toDate, type SqlFragment, type SqlReader } from '../../db/sql';
import type { Page, PageRequest } from '../../graphql/relay';
import { requestLoader } from '../../graphql/request-loaders';
import {
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  SUBSCRIPTION_COLUMNS,
  SUBSCRIPTION_FROM,
  toWebhookDeliveryRecord,
  toWebhookSubscriptionRecord,
  type WebhookDeliveryAttemptRecord,
  type WebhookDeliveryRecord,
  type WebhookDeliveryRow,
  type WebhookDeliveryStatus,
  type WebhookSubscriptionRecord,
  type WebhookSubscriptionRow,
} from './webhook.types';

/** Whose subscriptions a caller sees: every client's (administrators), one client's, or none. */
export type WebhookOwnerScope = { all: true } | { clientId: string } | { none: true };

/** The condition on `s` (webhook_subscription) for a scope. */
function ownerCondition(scope: WebhookOwnerScope): SqlFragment {
  if ('all' in scope) return rawSql('true');
  if ('clientId' in scope) return sql`s.api_client_id = ${scope.clientId}::uuid`;
  return rawSql('false');
}

export async function webhookSubscriptionById(db: SqlReader, scope: WebhookOwnerScope, id: string): Promise<WebhookSubscriptionRecord | null> {
  const query = sql`select ${rawSql(SUBSCRIPTION_COLUMNS)} from ${rawSql(SUBSCRIPTION_FROM)} where s.id = ${id}::uuid and ${ownerCondition(scope)}`;
  const row = await db.one<WebhookSubscriptionRow>(query.text, query.bindings);
  return row ? toWebhookSubscriptionRecord(row) : null;
}

/** The subscriptions a caller sees, oldest first. */
export function listWebhookSubscriptions(db: SqlReader, scope: WebhookOwnerScope, request: PageRequest): Promise<Page<WebhookSubscriptionRecord>> {
  return fetchKeysetPage<WebhookSubscriptionRow, WebhookSubscriptionRecord>(
    db,
    {
      columns: SUBSCRIPTION_COLUMNS,
      from: SUBSCRIPTION_FROM,
      where: ownerCondition(scope),
      sort: { expression: rawSql('s.created_at'), type: 'timestamptz' },
      id: { expression: 's.id', type: 'uuid' },
      descending: false,
      idOf: (row) => row.id,
    },
    request,
    toWebhookSubscriptionRecord,
  );
}

export async function webhookDeliveryById(db: SqlReader, scope: WebhookOwnerScope, id: string): Promise<WebhookDeliveryRecord | null> {
  const query = sql`select ${rawSql(DELIVERY_COLUMNS)} from ${rawSql(DELIVERY_FROM)} where d.id = ${id}::uuid and ${ownerCondition(scope)}`;
  const row = await db.one<WebhookDeliveryRow>(query.text, query.bindings);
  return row ? toWebhookDeliveryRecord(row) : null;
}

export interface WebhookDeliveryFilter {
  subscriptionId?: string;
  status?: WebhookDeliveryStatus[];
}

/** Deliveries of the subscriptions a caller sees, newest change first. */
export function listWebhookDeliveries(
  db: SqlReader,
  scope: WebhookOwnerScope,
  filter: WebhookDeliveryFilter,
  request: PageRequest,
): Promise<Page<WebhookDeliveryRecord>> {
  const conditions = [ownerCondition(scope)];
  if (filter.subscriptionId) conditions.push(sql`d.subscription_id = ${filter.subscriptionId}::uuid`);
  if (filter.status?.length) conditions.push(sql`d.status = any(${filter.status}::text[])`);
  return fetchKeysetPage<WebhookDeliveryRow, WebhookDeliveryRecord>(
    db,
    {
      columns: DELIVERY_COLUMNS,
      from: DELIVERY_FROM,
      where: joinSql(conditions, ' and '),
      sort: { expression: rawSql('d.change_seq'), type: 'bigint' },
      id: { expression: 'd.id', type: 'uuid' },
      descending: true,
      idOf: (row) => row.id,
    },
    request,
    toWebhookDeliveryRecord,
  );
}

/** Subscriptions by local id, of those the scope sees. */
export async function webhookSubscriptionsByIds(db: SqlReader, scope: WebhookOwnerScope, ids: readonly string[]): Promise<Map<string, WebhookSubscriptionRecord>> {
  const query = sql`select ${rawSql(SUBSCRIPTION_COLUMNS)} from ${rawSql(SUBSCRIPTION_FROM)} where s.id = any(${[...ids]}::uuid[]) and ${ownerCondition(scope)}`;
  const rows = await db.all<WebhookSubscriptionRow>(query.text, query.bindings);
  return new Map(rows.map((row) => [row.id, toWebhookSubscriptionRecord(row)]));
}

/** Deliveries by local id, of those the scope sees. */
export async function webhookDeliveriesByIds(db: SqlReader, scope: WebhookOwnerScope, ids: readonly string[]): Promise<Map<string, WebhookDeliveryRecord>> {
  const query = sql`select ${rawSql(DELIVERY_COLUMNS)} from ${rawSql(DELIVERY_FROM)} where d.id = any(${[...ids]}::uuid[]) and ${ownerCondition(scope)}`;
  const rows = await db.all<WebhookDeliveryRow>(query.text, query.bindings);
  return new Map(rows.map((row) => [row.id, toWebhookDeliveryRecord(row)]));
}

/** How many attempts of one delivery its history shows: the newest ones. */
export const ATTEMPTS_SHOWN = 100;

/** Every delivery's attempts, newest first (at most ATTEMPTS_SHOWN each), by delivery local id. */
export async function attemptsOfDeliveries(db: SqlReader, ids: readonly string[]): Promise<Map<string, WebhookDeliveryAttemptRecord[]>> {
  const rows = await db.all<{ delivery_id: string; started_at: string; duration_ms: number | null; delivered: boolean; status_code: number | null; error: string | null }>(
    `select a.delivery_id, a.started_at, a.duration_ms, a.delivered, a.status_code, a.error
       from unnest(?::uuid[]) as k(delivery_id)
       cross join lateral (
         select * from webhook_delivery_attempt x where x.delivery_id = k.delivery_id order by x.id desc limit ?
       ) a`,
    [ids, ATTEMPTS_SHOWN],
  );
  const byDelivery = new Map<string, WebhookDeliveryAttemptRecord[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    byDelivery.get(row.delivery_id)!.push({
      deliveryId: row.delivery_id,
      startedAt: toDate(row.started_at),
      durationMs: row.duration_ms,
      delivered: row.delivered,
      statusCode: row.status_code,
      error: row.error,
    });
  }
  return byDelivery;
}

/** The request's batched loaders of subscriptions, deliveries (each within the caller's scope) and attempts. */
export function webhookLoaders(db: SqlReader, scope: WebhookOwnerScope) {
  const scopeKey = 'all' in scope ? 'all' : 'clientId' in scope ? `client:${scope.clientId}` : 'none';
  return {
    subscription: requestLoader(db, `webhookSubscription@${scopeKey}`, (reader, ids) => webhookSubscriptionsByIds(reader, scope, ids)),
    delivery: requestLoader(db, `webhookDelivery@${scopeKey}`, (reader, ids) => webhookDeliveriesByIds(reader, scope, ids)),
    attempts: requestLoader(db, 'webhookDeliveryAttempts', attemptsOfDeliveries),
  };
}
