import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { hasRole } from '../../auth/principal';
import { Role } from '../../auth/roles';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { write } from '../../graphql/unit-of-work';
import { localIdOf, toGlobalId } from '../../graphql/relay';
import { feedHeadQuery } from '../audit/audit.reader';
import { ApiClient } from '../api-client/api-client.entity';
import { FEED_RECORD_TYPES, recordTypeName } from './webhook-event';
import { generateWebhookSecret } from './webhook-signature';
import { checkTarget, REFUSAL_LABELS, targetPolicyOf } from './webhook-target';
import { WebhookSubscription } from './webhook-subscription.entity';
import type {
  CreateWebhookSubscriptionInput,
  DeleteWebhookSubscriptionInput,
  RedeliverWebhookInput,
  RotateWebhookSecretInput,
  UpdateWebhookSubscriptionInput,
} from './webhook.inputs';
import { webhookDeliveryById, webhookSubscriptionById, type WebhookOwnerScope } from './webhook.reader';
import type { DeleteWebhookSubscriptionResult, RedeliverWebhookResult, WebhookSecretPayload, WebhookSubscriptionPayload } from './webhook.types';

export const WEBHOOK_SUBSCRIPTION: RecordKind = { zh: '推送订阅', en: 'webhook subscription' };
export const WEBHOOK_DELIVERY: RecordKind = { zh: '推送记录', en: 'webhook delivery' };
const URL_LABEL: RecordKind = { zh: '推送地址', en: 'webhook URL' };
export const MAX_URL_LENGTH = 500;
/** Subscriptions one client may hold: enough for a few receivers, not a way to multiply load. */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 10;

/** Whose subscriptions the caller sees and may change: administrators all, an API client its own, anyone else none. */
export function webhookScopeOf(ctx: Context): WebhookOwnerScope {
  const { principal } = ctx;
  if (hasRole(principal, Role.ADMIN)) return { all: true };
  if (principal.kind === 'client') return { clientId: principal.id };
  return { none: true };
}

function owns(scope: WebhookOwnerScope, clientId: string): boolean {
  return 'all' in scope || ('clientId' in scope && scope.clientId === clientId);
}

/** A URL the dispatcher can POST to: http or https, no credentials in it, at most 500 characters once normalised. */
export function checkWebhookUrl(problems: Problems, field: string, value: string): string | null {
  const before = problems.errors.length;
  const text = checkText(problems, field, value, MAX_URL_LENGTH, URL_LABEL);
  if (!text || problems.errors.length > before) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password || /\s/.test(text)) {
    problems.add(field, UserErrorCode.INVALID, 'WEBHOOK_URL_INVALID');
    return null;
  }
  if (url.href.length > MAX_URL_LENGTH) {
    problems.add(field, UserErrorCode.TOO_LONG, 'TEXT_TOO_LONG', { labelZh: URL_LABEL.zh, label: URL_LABEL.en, max: MAX_URL_LENGTH });
    return null;
  }
  return url.href;
}

/** How long subscribing waits for the URL's host name to resolve before leaving the check to the delivery. */
const RESOLVE_TIMEOUT_MS = 3000;

/**
 * Refuses a URL whose host is, or resolves to, an address webhooks may not reach (loopback,
 * private, link-local, … unless WEBHOOK_ALLOWED_HOSTS names it): otherwise a client could make
 * the hub probe its own network. A name that does not resolve (yet) is accepted — every delivery
 * checks again, after resolving, and connects only to the address it checked.
 */
async function checkWebhookTarget(ctx: Context, problems: Problems, field: string, url: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), RESOLVE_TIMEOUT_MS);
  });
  try {
    const check = await Promise.race([checkTarget(new URL(url).hostname, targetPolicyOf(ctx.config.webhooks.allowedHosts)), gaveUp]);
    if (check && !check.allowed) {
      const label = REFUSAL_LABELS[check.reason];
      problems.add(field, UserErrorCode.INVALID, 'WEBHOOK_TARGET_NOT_ALLOWED', { targetZh: label.zh, target: label.en });
    }
  } catch {
    // Not resolvable now: the delivery's own check decides.
  } finally {
    clearTimeout(timer);
  }
}

/** Record types of the feed, each once; administrative types (not in the feed) are user errors. */
function checkTypes(problems: Problems, field: string, types: readonly string[]): string[] {
  const unique = [...new Set(types)];
  for (const type of unique) {
    if (!FEED_RECORD_TYPES.includes(type)) problems.add(field, UserErrorCode.INVALID, 'WEBHOOK_TYPE_NOT_IN_FEED', { type: recordTypeName(type) });
  }
  return unique;
}

/** The local id of a subscription's or delivery's global ID; INVALID when it is not one. */
function checkId(problems: Problems, field: string, id: string, type: 'WebhookSubscription' | 'WebhookDelivery', kind: RecordKind): string | null {
  const localId = localIdOf(id, type);
  if (!localId) problems.invalidId(field, kind);
  return localId;
}

/** Anonymous callers are asked to sign in; everyone else learns only whether the record is theirs to see. */
function signedIn(ctx: Context, problems: Problems, field: string): boolean {
  if (ctx.principal.kind !== 'anonymous') return true;
  problems.add(field, UserErrorCode.FORBIDDEN, 'FORBIDDEN_SIGN_IN');
  return false;
}

/**
 * The subscription under a row lock, if the caller may change it.
 * Another client's subscription is reported exactly like a missing one (its existence is not
 * the caller's business).
 */
async function lockOwned(em: EntityManager, ctx: Context, id: string, problems: Problems, version?: number): Promise<WebhookSubscription> {
  const subscription = await em.findOne(WebhookSubscription, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!subscription || !owns(webhookScopeOf(ctx), subscription.apiClient.id)) {
    problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: WEBHOOK_SUBSCRIPTION.zh, kind: WEBHOOK_SUBSCRIPTION.en });
  } else if (version !== undefined && subscription.version !== version) {
    problems.conflict('version', WEBHOOK_SUBSCRIPTION, version, subscription.version);
  }
  problems.throwIfAny();
  return subscription!;
}

/**
 * The feed head, read in the unit of work. Through knex rather than em.execute: the
 * latter would expand the query's array binding into a list instead of one PostgreSQL array.
 */
async function feedHead(em: EntityManager): Promise<{ tx: string; seq: string } | null> {
  const head = feedHeadQuery();
  const query = em.getKnex().raw(head.text, head.bindings as never[]);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  const result = await (transaction ? query.transacting(transaction) : query);
  return (result.rows[0] as { tx: string; seq: string } | undefined) ?? null;
}

async function toSecretPayload(ctx: Context, work: () => Promise<{ id: string; secret: string }>): Promise<WebhookSecretPayload> {
  const { value, userErrors } = await withUserErrors(ctx, work);
  if (!value) return { webhookSubscription: null, secret: null, userErrors };
  return { webhookSubscription: await webhookSubscriptionById(ctx.db, { all: true }, value.id), secret: value.secret, userErrors };
}

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<WebhookSubscriptionPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  return { webhookSubscription: id ? await webhookSubscriptionById(ctx.db, { all: true }, id) : null, userErrors };
}

/**
 * Subscribes the calling API client to the change feed. Deliveries start with the changes
 * committed after this moment (the feed head), never history. Returns the signing secret once.
 */
export async function createWebhookSubscription(ctx: Context, input: CreateWebhookSubscriptionInput): Promise<WebhookSecretPayload> {
  const problems = new Problems(ctx.locale);
  const { principal } = ctx;
  if (principal.kind !== 'client') {
    problems.add('url', UserErrorCode.FORBIDDEN, principal.kind === 'anonymous' ? 'FORBIDDEN_SIGN_IN' : 'WEBHOOK_CLIENTS_ONLY');
    return { webhookSubscription: null, secret: null, userErrors: problems.errors };
  }
  const url = checkWebhookUrl(problems, 'url', input.url);
  const types = checkTypes(problems, 'types', input.types ?? []);
  if (url) await checkWebhookTarget(ctx, problems, 'url', url);
  if (problems.any) return { webhookSubscription: null, secret: null, userErrors: problems.errors };

  return toSecretPayload(ctx, () =>
    write(ctx, async (em) => {
      const held = await em.count(WebhookSubscription, { apiClient: principal.id });
      if (held >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
        problems.add('url', UserErrorCode.INVALID, 'WEBHOOK_SUBSCRIPTION_LIMIT', { max: MAX_SUBSCRIPTIONS_PER_CLIENT });
        problems.throwIfAny();
      }
      const position = await feedHead(em);
      const secret = generateWebhookSecret();
      const subscription = em.create(WebhookSubscription, {
        id: randomUUID(),
        apiClient: em.getReference(ApiClient, principal.id),
        url: url!,
        types,
        secret,
        lastTx: position?.tx ?? null,
        lastSeq: position?.seq ?? null,
      });
      await em.flush();
      return { id: subscription.id, secret };
    }),
  );
}

/** Changes a subscription's URL, types or active flag; a reactivated one resumes where it stopped. */
export async function updateWebhookSubscription(ctx: Context, input: UpdateWebhookSubscriptionInput): Promise<WebhookSubscriptionPayload> {
  const problems = new Problems(ctx.locale);
  if (!signedIn(ctx, problems, 'id')) return { webhookSubscription: null, userErrors: problems.errors };
  const id = checkId(problems, 'id', input.id, 'WebhookSubscription', WEBHOOK_SUBSCRIPTION);
  problems.checkVersion(input.version);
  const url = input.url != null ? checkWebhookUrl(problems, 'url', input.url) : undefined;
  const types = input.types != null ? checkTypes(problems, 'types', input.types) : undefined;
  // Callers who hold no subscription get NOT_FOUND below; their host names are not resolved.
  if (url && !('none' in webhookScopeOf(ctx))) await checkWebhookTarget(ctx, problems, 'url', url);
  if (problems.any) return { webhookSubscription: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const subscription = await lockOwned(em, ctx, id!, problems, input.version);
      if (url) subscription.url = url;
      if (types) subscription.types = types;
      if (input.active != null) subscription.active = input.active;
      return subscription.id;
    }),
  );
}

/** Replaces the signing secret: deliveries from now on are signed with the new one, shown this once. */
export async function rotateWebhookSecret(ctx: Context, input: RotateWebhookSecretInput): Promise<WebhookSecretPayload> {
  const problems = new Problems(ctx.locale);
  if (!signedIn(ctx, problems, 'id')) return { webhookSubscription: null, secret: null, userErrors: problems.errors };
  const id = checkId(problems, 'id', input.id, 'WebhookSubscription', WEBHOOK_SUBSCRIPTION);
  if (problems.any) return { webhookSubscription: null, secret: null, userErrors: problems.errors };

  return toSecretPayload(ctx, () =>
    write(ctx, async (em) => {
      const subscription = await lockOwned(em, ctx, id!, problems);
      const secret = generateWebhookSecret();
      subscription.secret = secret;
      return { id: subscription.id, secret };
    }),
  );
}

/** Deletes a subscription and its deliveries (they are its own bookkeeping; nothing else refers to them). */
export async function deleteWebhookSubscription(ctx: Context, input: DeleteWebhookSubscriptionInput): Promise<DeleteWebhookSubscriptionResult> {
  const problems = new Problems(ctx.locale);
  if (!signedIn(ctx, problems, 'id')) return { deletedId: null, userErrors: problems.errors };
  const id = checkId(problems, 'id', input.id, 'WebhookSubscription', WEBHOOK_SUBSCRIPTION);
  problems.checkVersion(input.version);
  if (problems.any) return { deletedId: null, userErrors: problems.errors };

  const { value, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      const subscription = await lockOwned(em, ctx, id!, problems, input.version);
      em.remove(subscription);
      await em.flush();
      return subscription.id;
    }),
  );
  return { deletedId: value ? toGlobalId('WebhookSubscription', value) : null, userErrors };
}

/**
 * Sends a delivery again as soon as the dispatcher next runs, with a fresh count of attempts —
 * after a FAILED one once the receiver is fixed, or to repeat a DELIVERED one. It keeps its id,
 * so a receiver that already processed it can tell.
 */
export async function redeliverWebhook(ctx: Context, input: RedeliverWebhookInput): Promise<RedeliverWebhookResult> {
  const problems = new Problems(ctx.locale);
  if (!signedIn(ctx, problems, 'deliveryId')) return { webhookDelivery: null, userErrors: problems.errors };
  const id = checkId(problems, 'deliveryId', input.deliveryId, 'WebhookDelivery', WEBHOOK_DELIVERY);
  if (problems.any) return { webhookDelivery: null, userErrors: problems.errors };
  const scope = webhookScopeOf(ctx);
  const notFound = () => problems.add('deliveryId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: WEBHOOK_DELIVERY.zh, kind: WEBHOOK_DELIVERY.en });
  if ('none' in scope) {
    notFound();
    return { webhookDelivery: null, userErrors: problems.errors };
  }
  const owner = 'clientId' in scope ? scope.clientId : null;

  const { value, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      // Delivery bookkeeping is the dispatcher's, kept in plain SQL: no audit event per delivery.
      const rows = await em.execute<{ id: string }[]>(
        `update webhook_delivery d
            set status = 'PENDING', attempts = 0, next_attempt_at = now(), delivered_at = null
           from webhook_subscription s
          where s.id = d.subscription_id and d.id = ? and (?::text is null or s.api_client_id::text = ?::text)
         returning d.id`,
        [id, owner, owner],
      );
      if (!rows.length) {
        notFound();
        problems.throwIfAny();
      }
      return rows[0].id;
    }),
  );
  return { webhookDelivery: value ? await webhookDeliveryById(ctx.db, scope, value) : null, userErrors };
}
