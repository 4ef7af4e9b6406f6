import { fetchKeysetPage } from '../../db/keyset';
import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { Page, PageRequest } from '../../graphql/relay';
import {
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  SUBSCRIPTION_COLUMNS,
  SUBSCRIPTION_FROM,
  toWebhookDeliveryRecord,
  toWebhookSubscriptionRecord,
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
