import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { PlannedList } from '../../graphql/plan/planner';
import type { PageRequest } from '../../graphql/relay';
import { requestLoader } from '../../graphql/request-loaders';
import type { WebhookDeliveryStatus } from './webhook.enums';
import {
  ATTEMPT_COLUMNS,
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  SUBSCRIPTION_COLUMNS,
  SUBSCRIPTION_FROM,
  toWebhookDeliveryAttemptRecord,
  toWebhookDeliveryRecord,
  toWebhookSubscriptionRecord,
  type WebhookDeliveryAttemptRecord,
  type WebhookDeliveryAttemptRow,
  type WebhookDeliveryRecord,
  type WebhookDeliveryRow,
  type WebhookSubscriptionRecord,
  type WebhookSubscriptionRow,
} from './webhook.types';

/** Whose subscriptions a caller sees: every client's (administrators), one client's, or none. */
export type WebhookOwnerScope = { all: true } | { clientId: string } | { none: true };

/** The condition on a subscription's client column (`s.api_client_id` by default) for a scope. */
export function ownerCondition(scope: WebhookOwnerScope, clientColumn = 's.api_client_id'): SqlFragment {
  if ('all' in scope) return rawSql('true');
  if ('clientId' in scope) return sql`${rawSql(clientColumn)} = ${scope.clientId}::uuid`;
  return rawSql('false');
}

/** The condition on a delivery's subscription column for a scope: deliveries of the subscriptions it sees. */
export function deliveryOwnerCondition(scope: WebhookOwnerScope, subscriptionColumn: string): SqlFragment {
  if ('all' in scope) return rawSql('true');
  return sql`${rawSql(subscriptionColumn)} in (select s.id from webhook_subscription s where ${ownerCondition(scope)})`;
}

export async function webhookSubscriptionById(db: SqlReader, scope: WebhookOwnerScope, id: string): Promise<WebhookSubscriptionRecord | null> {
  const query = sql`select ${rawSql(SUBSCRIPTION_COLUMNS)} from ${rawSql(SUBSCRIPTION_FROM)} where s.id = ${id}::uuid and ${ownerCondition(scope)}`;
  const row = await db.one<WebhookSubscriptionRow>(query.text, query.bindings);
  return row ? toWebhookSubscriptionRecord(row) : null;
}

/** Which of the subscriptions a caller sees a list shows. */
export interface WebhookSubscriptionListFilter {
  /** Local id of the API client whose subscriptions to show. */
  apiClientId?: string;
  active?: boolean;
}

/** The subscriptions a caller sees, oldest first, as the planner reads them (alias `s`). */
export function webhookSubscriptionList(scope: WebhookOwnerScope, filter: WebhookSubscriptionListFilter, request: PageRequest): PlannedList {
  const conditions = [ownerCondition(scope)];
  if (filter.apiClientId) conditions.push(sql`s.api_client_id = ${filter.apiClientId}::uuid`);
  if (filter.active != null) conditions.push(sql`s.active = ${filter.active}`);
  return {
    nodeType: 'WebhookSubscription',
    from: 'webhook_subscription s',
    alias: 's',
    where: joinSql(conditions, ' and '),
    sort: { expression: rawSql('s.created_at'), type: 'timestamptz' },
    id: { expression: 's.id', type: 'uuid' },
    descending: false,
    request,
  };
}

export async function webhookDeliveryById(db: SqlReader, scope: WebhookOwnerScope, id: string): Promise<WebhookDeliveryRecord | null> {
  const query = sql`select ${rawSql(DELIVERY_COLUMNS)} from ${rawSql(DELIVERY_FROM)} where d.id = ${id}::uuid and ${ownerCondition(scope)}`;
  const row = await db.one<WebhookDeliveryRow>(query.text, query.bindings);
  return row ? toWebhookDeliveryRecord(row) : null;
}

export interface WebhookDeliveryListFilter {
  /** Local id of a subscription the caller sees. */
  subscriptionId?: string;
  status?: WebhookDeliveryStatus[];
}

/** Deliveries of the subscriptions a caller sees, newest change first, as the planner reads them (alias `d`). */
export function webhookDeliveryList(scope: WebhookOwnerScope, filter: WebhookDeliveryListFilter, newestFirst: boolean, request: PageRequest): PlannedList {
  const conditions = [deliveryOwnerCondition(scope, 'd.subscription_id')];
  if (filter.subscriptionId) conditions.push(sql`d.subscription_id = ${filter.subscriptionId}::uuid`);
  if (filter.status?.length) conditions.push(sql`d.status = any(${filter.status}::text[])`);
  return {
    nodeType: 'WebhookDelivery',
    from: 'webhook_delivery d',
    alias: 'd',
    where: joinSql(conditions, ' and '),
    sort: { expression: rawSql('d.change_seq'), type: 'bigint' },
    id: { expression: 'd.id', type: 'uuid' },
    descending: newestFirst,
    request,
  };
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
  const rows = await db.all<WebhookDeliveryAttemptRow>(
    `select ${ATTEMPT_COLUMNS}
       from unnest(?::uuid[]) as k(delivery_id)
       cross join lateral (
         select * from webhook_delivery_attempt x where x.delivery_id = k.delivery_id order by x.id desc limit ?
       ) a`,
    [ids, ATTEMPTS_SHOWN],
  );
  const byDelivery = new Map<string, WebhookDeliveryAttemptRecord[]>(ids.map((id) => [id, []]));
  for (const row of rows) byDelivery.get(row.delivery_id)!.push(toWebhookDeliveryAttemptRecord(row));
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
