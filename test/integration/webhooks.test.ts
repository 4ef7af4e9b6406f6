import http from 'node:http';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import request from 'supertest';
import { createApp, type App } from '../../src/app';
import { MAX_IN_FLIGHT_PER_CLIENT, MAX_IN_FLIGHT_PER_SUBSCRIPTION } from '../../src/modules/webhook/webhook.dispatcher';
import { sendWebhook } from '../../src/modules/webhook/webhook-sender';
import { webhookTargetPolicy, type ResolvedAddress } from '../../src/modules/webhook/webhook-target';
import { ANONYMOUS_HEADERS, startTestApp, type TestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/**
 * The production-mode app with a fast dispatcher: rounds every 50 ms, retries after 50, 100, … ms,
 * gives up after 3 attempts. The receivers below listen on 127.0.0.1, which webhooks may reach only
 * because the allow-list names it, as an operator would for a partner on the intranet.
 */
const WEBHOOK_ENV = {
  NODE_ENV: 'production',
  WEBHOOK_ENABLED: 'true',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_MAX_ATTEMPTS: '3',
  // Longer than the fair-dispatch test's deadline, so that test can only pass through the caps.
  WEBHOOK_TIMEOUT_MS: '20000',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
};
const ISSUER = 'https://sso.xiangyang.gov.cn';

let t: TestApp;
let keys: { privateKey: KeyLike; publicKey: KeyLike };
const receivers: Receiver[] = [];

beforeAll(async () => {
  keys = await generateKeyPair('RS256', { extractable: true });
  t = await startTestApp({ ...WEBHOOK_ENV, JWT_PUBLIC_KEY: await exportSPKI(keys.publicKey), JWT_ISSUER: ISSUER });
});
afterAll(async () => {
  await t?.close();
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  event: { type: string; timestamp: string; data: { sequence: string; recordType: string; recordId: string; operation: string; version: number | null; occurredAt: string } };
}

/** A local HTTP endpoint that records what it is sent and answers with the status `answer` picks. */
class Receiver {
  readonly received: Received[] = [];
  /** TCP connections accepted, whether or not a request followed. */
  connections = 0;
  /** A Location header to answer with (for a redirect). */
  location: string | null = null;
  answer: (request: Received, attemptOfThisId: number) => number = () => 204;
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Received = { headers: req.headers, body, event: JSON.parse(body) };
      this.received.push(request);
      const attempt = this.received.filter((r) => r.headers['webhook-id'] === req.headers['webhook-id']).length;
      res.statusCode = this.answer(request, attempt);
      if (this.location) res.setHeader('location', this.location);
      res.end(res.statusCode >= 400 ? '接收失败：内部错误 internal error with details that must not be stored' : '');
    });
  });

  async start(): Promise<this> {
    this.server.on('connection', () => this.connections++);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    receivers.push(this);
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/yizhan/webhook`;
  }

  about(recordId: string): Received[] {
    return this.received.filter((request) => request.event.data.recordId === recordId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls `check` until it returns something truthy, or fails after the deadline (no fixed sleeps). */
async function eventually<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The Standard Webhooks check a receiver makes, written from the specification. */
function verify(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return String(headers['webhook-signature'])
    .split(' ')
    .some((entry) => entry === `v1,${expected}`);
}

const SUBSCRIPTION_FIELDS = 'id url types active clientName version createdAt updatedAt';
const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
  secret webhookSubscription { ${SUBSCRIPTION_FIELDS} } userErrors { field code message } } }`;
const UPDATE = `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) {
  webhookSubscription { ${SUBSCRIPTION_FIELDS} } userErrors { field code message } } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) {
  secret webhookSubscription { id version } userErrors { field code message } } }`;
const DELETE = `mutation($input: DeleteWebhookSubscriptionInput!) { deleteWebhookSubscription(input: $input) { deletedId userErrors { field code } } }`;
const REDELIVER = `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) {
  webhookDelivery { id status attemptCount nextAttemptAt } userErrors { field code } } }`;
const SUBSCRIPTIONS = `query($first: Int) { webhookSubscriptions(first: $first) { totalCount nodes { ${SUBSCRIPTION_FIELDS} } } }`;
const DELIVERIES = `query($subscriptionId: ID, $status: [WebhookDeliveryStatus!], $first: Int, $after: String) {
  webhookDeliveries(filter: { subscriptionId: $subscriptionId, status: $status }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id subscription { id } status attemptCount nextAttemptAt lastStatusCode lastError deliveredAt createdAt eventType
      attempts { startedAt durationMs delivered statusCode error }
      change { sequence recordType recordId operation version occurredAt } } } }`;
const UPDATE_STATION = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { id name version } userErrors { code } } }`;
const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code } } }`;

interface Delivery {
  id: string;
  subscription: { id: string };
  status: string;
  attemptCount: number;
  attempts: { startedAt: string; durationMs: number | null; delivered: boolean; statusCode: number | null; error: string | null }[];
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  eventType: string;
  change: { sequence: string; recordType: string; recordId: string; operation: string; version: number | null };
}

let clientCount = 0;
/** A fresh partner client (any role may subscribe). */
function partner(): Promise<Record<string, string>> {
  clientCount++;
  return t.clientHeaders({ name: `市总工会推送接收-${clientCount}`, roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
}

async function subscribe(headers: Record<string, string>, url: string, types?: string[]): Promise<{ id: string; version: number; types: string[]; secret: string }> {
  const res = await t.gql(CREATE, { input: { url, types } }, headers);
  expect(res.errors).toBeUndefined();
  expect(res.data.createWebhookSubscription.userErrors).toEqual([]);
  return { ...res.data.createWebhookSubscription.webhookSubscription, secret: res.data.createWebhookSubscription.secret };
}

let stationOffset = 0;
/** A station no other test touches, renamed once. */
async function renameStation(suffix: string): Promise<{ id: string; version: number }> {
  const index = stationOffset++;
  const res = await t.gql(`query($first: Int!) { stations(first: $first, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { id name version } } }`, {
    first: index + 1,
  });
  const station = res.data.stations.nodes[index];
  return updateStation(station, `${station.name}${suffix}`);
}

async function updateStation(station: { id: string; version: number }, name: string): Promise<{ id: string; version: number }> {
  const res = await t.gql(UPDATE_STATION, { input: { id: station.id, version: station.version, name } });
  expect(res.data.updateStation.userErrors).toEqual([]);
  return res.data.updateStation.station;
}

async function deliveries(
  headers: Record<string, string>,
  variables: Record<string, unknown>,
  app: TestApp = t,
): Promise<{ totalCount: number; nodes: Delivery[]; pageInfo: { hasNextPage: boolean; endCursor: string } }> {
  const res = await app.gql(DELIVERIES, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data.webhookDeliveries;
}

async function deliveryOf(headers: Record<string, string>, subscriptionId: string, recordId: string, app: TestApp = t): Promise<Delivery | undefined> {
  const page = await deliveries(headers, { subscriptionId, first: 100 }, app);
  return page.nodes.find((node) => node.change.recordId === recordId);
}

describe('webhook deliveries', () => {
  it('POSTs a signed Standard Webhooks event for a station update, and only what follows the subscription', async () => {
    const receiver = await new Receiver().start();
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(subscription).toMatchObject({ url: receiver.url, types: ['STATION'], active: true, version: 1 });

    const station = await renameStation('（推送）');
    const [request] = await eventually(() => receiver.about(station.id).length > 0 && receiver.about(station.id), 'the station delivery');

    expect(request.headers['content-type']).toBe('application/json');
    // The delivery's global ID, which node(id) fetches.
    expect(Buffer.from(String(request.headers['webhook-id']), 'base64url').toString()).toMatch(/^WebhookDelivery:[0-9a-f-]{36}$/);
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verify(subscription.secret, request.headers, request.body)).toBe(true);
    expect(verify(subscription.secret, request.headers, request.body.replace('"UPDATE"', '"DELETE"'))).toBe(false);
    expect(verify(subscription.secret, { ...request.headers, 'webhook-timestamp': String(Number(request.headers['webhook-timestamp']) + 1) }, request.body)).toBe(false);

    expect(request.event).toEqual({
      type: 'station.update',
      timestamp: request.event.data.occurredAt,
      data: {
        deliveryId: request.headers['webhook-id'],
        sequence: expect.stringMatching(/^\d+$/),
        recordType: 'STATION',
        recordId: station.id,
        operation: 'UPDATE',
        version: station.version,
        occurredAt: expect.any(String),
        requestId: expect.any(String),
        // The test app's administrator wrote it, not the subscriber.
        actor: { kind: 'API_CLIENT', apiClientId: expect.any(String), departmentId: null, isSubscriber: false },
      },
    });
    expect(Object.keys(request.event)).toEqual(['type', 'timestamp', 'data']);
    expect(request.body).not.toContain('推送');
    // Nothing from before the subscription: the only station change since is this one.
    expect(receiver.received.every((r) => r.event.data.recordId === station.id)).toBe(true);

    const delivery = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.status === 'DELIVERED' && found;
    }, 'DELIVERED');
    expect(delivery).toMatchObject({
      id: request.headers['webhook-id'],
      subscription: { id: subscription.id },
      attemptCount: 1,
      attempts: [{ startedAt: expect.any(String), durationMs: expect.any(Number), delivered: true, statusCode: 204, error: null }],
      nextAttemptAt: null,
      lastStatusCode: 204,
      lastError: null,
      eventType: 'station.update',
      change: { sequence: request.event.data.sequence, recordType: 'STATION', recordId: station.id, operation: 'UPDATE', version: station.version },
    });
    expect(delivery.deliveredAt).not.toBeNull();
    const node = await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on WebhookDelivery { status subscription { id } } } }`, { id: delivery.id }, headers);
    expect(node.data.node).toEqual({ __typename: 'WebhookDelivery', status: 'DELIVERED', subscription: { id: subscription.id } });
    // Another client's node(id) finds nothing.
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: delivery.id }, await partner())).data.node).toBeNull();
  });

  it('honours the type filter; an empty list means every type', async () => {
    const onlyActivities = await new Receiver().start();
    const everything = await new Receiver().start();
    const headers = await partner();
    await subscribe(headers, onlyActivities.url, ['ACTIVITY']);
    const all = await subscribe(headers, everything.url, []);
    expect(all.types).toEqual([]);

    const station = await renameStation('（类型筛选）');
    const created = await t.gql(CREATE_ACTIVITY, {
      input: {
        stationId: station.id,
        category: 'VOLUNTEER_SERVICE',
        title: '推送测试：周末义诊',
        startsAt: '2024-01-06T09:00:00+08:00',
        endsAt: '2024-01-06T11:00:00+08:00',
        participants: 8,
      },
    });
    const activityId = created.data.createActivity.activity.id;

    await eventually(() => everything.about(station.id).length && everything.about(activityId).length, 'both changes at the catch-all receiver');
    // The activity was committed after the station update, so once it arrived the update had been passed over.
    await eventually(() => onlyActivities.about(activityId).length, 'the activity');
    expect(onlyActivities.about(activityId)[0].event.type).toBe('activity.create');
    expect(onlyActivities.received.every((request) => request.event.data.recordType === 'ACTIVITY')).toBe(true);
    expect(onlyActivities.about(station.id)).toEqual([]);
  });

  it('retries with backoff: 500, 500, then 200 is DELIVERED after 3 attempts, each signed', async () => {
    const receiver = await new Receiver().start();
    receiver.answer = (_request, attempt) => (attempt <= 2 ? 500 : 200);
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    const station = await renameStation('（重试）');

    const delivery = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.status === 'DELIVERED' && found;
    }, 'DELIVERED after retries');
    expect(delivery).toMatchObject({ attemptCount: 3, lastStatusCode: 200, lastError: null });
    // Every attempt is kept, newest first, with its time, duration and outcome.
    expect(delivery.attempts.map((a) => [a.delivered, a.statusCode, a.error])).toEqual([
      [true, 200, null],
      [false, 500, 'HTTP 500'],
      [false, 500, 'HTTP 500'],
    ]);
    expect(delivery.attempts.every((a) => typeof a.durationMs === 'number' && a.durationMs >= 0)).toBe(true);
    const started = delivery.attempts.map((a) => Date.parse(a.startedAt));
    expect([...started].sort((a, b) => b - a)).toEqual(started);
    const attempts = receiver.about(station.id);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    for (const attempt of attempts) expect(verify(subscription.secret, attempt.headers, attempt.body)).toBe(true);
  });

  it('gives up after the last attempt (FAILED); redeliverWebhook sends it again once the receiver is fixed', async () => {
    const receiver = await new Receiver().start();
    receiver.answer = () => 503;
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    const station = await renameStation('（失败）');

    const failed = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.status === 'FAILED' && found;
    }, 'FAILED');
    expect(failed).toMatchObject({ attemptCount: 3, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null, deliveredAt: null });
    expect(receiver.about(station.id)).toHaveLength(3);
    expect((await deliveries(headers, { subscriptionId: subscription.id, status: ['FAILED'] })).nodes.map((d) => d.id)).toEqual([failed.id]);
    expect((await deliveries(headers, { subscriptionId: subscription.id, status: ['DELIVERED', 'PENDING'] })).totalCount).toBe(0);

    receiver.answer = () => 200;
    const redelivered = await t.gql(REDELIVER, { input: { deliveryId: failed.id } }, headers);
    expect(redelivered.data.redeliverWebhook.userErrors).toEqual([]);
    expect(redelivered.data.redeliverWebhook.webhookDelivery).toMatchObject({ id: failed.id, status: 'PENDING', attemptCount: 0 });
    expect(redelivered.data.redeliverWebhook.webhookDelivery.nextAttemptAt).not.toBeNull();

    const delivered = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.status === 'DELIVERED' && found;
    }, 'DELIVERED after redelivery');
    expect(delivered).toMatchObject({ id: failed.id, attemptCount: 1, lastStatusCode: 200, lastError: null });
    // The attempts before the redelivery stay in the history.
    expect(delivered.attempts.map((a) => a.statusCode)).toEqual([200, 503, 503, 503]);
    expect(receiver.about(station.id)).toHaveLength(4);
  });

  it('records a network failure without a status code', async () => {
    const gone = await new Receiver().start();
    const url = gone.url;
    await gone.close();
    receivers.splice(receivers.indexOf(gone), 1);
    const headers = await partner();
    const subscription = await subscribe(headers, url, ['STATION']);
    const station = await renameStation('（网络错误）');
    const failed = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.lastError ? found : null;
    }, 'a failed attempt');
    expect(failed.lastStatusCode).toBeNull();
    expect(failed.lastError).toMatch(/^network error: /);
  });

  it('pauses an inactive subscription and resumes where it stopped', async () => {
    const paused = await new Receiver().start();
    const witness = await new Receiver().start();
    const headers = await partner();
    const subscription = await subscribe(headers, paused.url, ['STATION']);
    await subscribe(headers, witness.url, ['STATION']);
    const off = await t.gql(UPDATE, { input: { id: subscription.id, version: subscription.version, active: false } }, headers);
    expect(off.data.updateWebhookSubscription.webhookSubscription).toMatchObject({ active: false, version: 2 });

    const station = await renameStation('（暂停）');
    await eventually(() => witness.about(station.id).length, 'the witness delivery');
    // The dispatcher has handled this change for the active subscription; the paused one has nothing queued.
    expect(paused.received).toEqual([]);
    expect((await deliveries(headers, { subscriptionId: subscription.id })).totalCount).toBe(0);

    const on = await t.gql(UPDATE, { input: { id: subscription.id, version: 2, active: true } }, headers);
    expect(on.data.updateWebhookSubscription.webhookSubscription.active).toBe(true);
    await eventually(() => paused.about(station.id).length, 'the delivery after resuming');
  });

  it('lists deliveries newest change first, in pages', async () => {
    const receiver = await new Receiver().start();
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    const first = await renameStation('（列表一）');
    const second = await renameStation('（列表二）');
    await eventually(async () => (await deliveries(headers, { subscriptionId: subscription.id, status: ['DELIVERED'] })).totalCount === 2, 'two deliveries');

    const page1 = await deliveries(headers, { subscriptionId: subscription.id, first: 1 });
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.nodes.map((d) => d.change.recordId)).toEqual([second.id]);
    const page2 = await deliveries(headers, { subscriptionId: subscription.id, first: 1, after: page1.pageInfo.endCursor });
    expect(page2.nodes.map((d) => d.change.recordId)).toEqual([first.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(BigInt(page1.nodes[0].change.sequence)).toBeGreaterThan(BigInt(page2.nodes[0].change.sequence));

    // Oldest change first when asked.
    const oldestFirst = await t.gql(
      `query($id: ID) { webhookDeliveries(filter: { subscriptionId: $id }, orderBy: { direction: ASC }) { nodes { change { recordId } } } }`,
      { id: subscription.id },
      headers,
    );
    expect(oldestFirst.data.webhookDeliveries.nodes.map((d: Delivery) => d.change.recordId)).toEqual([first.id, second.id]);

    // Without subscriptionId: every delivery of the caller's subscriptions.
    const mine = await deliveries(headers, { first: 100 });
    expect(mine.nodes.every((d) => d.subscription.id === subscription.id)).toBe(true);
  });

  it('rotateWebhookSecret: later deliveries are signed with the new secret only', async () => {
    const receiver = await new Receiver().start();
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    const rotated = await t.gql(ROTATE, { input: { id: subscription.id } }, headers);
    expect(rotated.data.rotateWebhookSecret.userErrors).toEqual([]);
    const secret: string = rotated.data.rotateWebhookSecret.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(subscription.secret);
    expect(rotated.data.rotateWebhookSecret.webhookSubscription.version).toBe(2);

    const station = await renameStation('（换密钥）');
    const [request] = await eventually(() => receiver.about(station.id).length > 0 && receiver.about(station.id), 'the delivery');
    expect(verify(secret, request.headers, request.body)).toBe(true);
    expect(verify(subscription.secret, request.headers, request.body)).toBe(false);
  });
});

describe('managing subscriptions', () => {
  it('refuses bad URLs and non-feed types, changing nothing', async () => {
    const headers = await partner();
    const before = (await t.gql(SUBSCRIPTIONS, { first: 100 })).data.webhookSubscriptions.totalCount;
    for (const [url, code] of [
      ['ftp://files.example.cn/hook', 'INVALID'],
      ['不是网址', 'INVALID'],
      ['https://user:pass@api.example.cn/hook', 'INVALID'],
      ['   ', 'REQUIRED'],
      [`https://api.example.cn/${'a'.repeat(500)}`, 'TOO_LONG'],
    ] as const) {
      const res = await t.gql(CREATE, { input: { url } }, headers);
      expect(res.data.createWebhookSubscription).toMatchObject({ webhookSubscription: null, secret: null });
      expect(res.data.createWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'url'], code })]);
    }
    const badType = await t.gql(CREATE, { input: { url: 'https://api.example.cn/hook', types: ['STATION', 'API_CLIENT'] } }, headers);
    expect(badType.data.createWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'types'], code: 'INVALID' })]);
    expect(badType.data.createWebhookSubscription.userErrors[0].message).toContain('API_CLIENT');
    expect((await t.gql(SUBSCRIPTIONS, { first: 100 })).data.webhookSubscriptions.totalCount).toBe(before);
  });

  it('is for API clients only: anonymous callers and identity-provider users get FORBIDDEN', async () => {
    // Anonymous callers may not read subscriptions: a request selecting one is refused as a whole ...
    const anonymous = await t.gql(CREATE, { input: { url: 'https://api.example.cn/hook' } }, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'WebhookSubscription' });
    // ... and the service refuses the subscription itself.
    const plain = await t.gql(
      'mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { userErrors { code } } }',
      {
        input: { url: 'https://api.example.cn/hook' },
      },
      ANONYMOUS_HEADERS,
    );
    expect(plain.data.createWebhookSubscription.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const jwt = await new SignJWT({ roles: ['ADMIN'], name: '组织部张科长' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('user-webhook')
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(keys.privateKey);
    const user = await t.gql(CREATE, { input: { url: 'https://api.example.cn/hook' } }, { authorization: `Bearer ${jwt}` });
    expect(user.data.createWebhookSubscription.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: ['input', 'url'] })]);
    expect(user.data.createWebhookSubscription.userErrors[0].message).toContain('接口客户端');
    for (const query of [SUBSCRIPTIONS, DELIVERIES]) {
      expect((await t.gql(query, { first: 5 }, ANONYMOUS_HEADERS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("keeps one client's subscriptions and deliveries from another; administrators see all", async () => {
    const receiver = await new Receiver().start();
    const owner = await partner();
    const other = await partner();
    const subscription = await subscribe(owner, receiver.url, ['STATION']);
    const station = await renameStation('（他人）');
    const delivery = await eventually(() => deliveryOf(owner, subscription.id, station.id), 'the delivery');

    const seen = await t.gql(SUBSCRIPTIONS, { first: 100 }, other);
    expect(seen.data.webhookSubscriptions.nodes.map((s: { id: string }) => s.id)).not.toContain(subscription.id);
    const foreign = await t.gql(DELIVERIES, { subscriptionId: subscription.id }, other);
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await deliveries(other, { first: 100 })).nodes.map((d) => d.id)).not.toContain(delivery.id);

    const update = await t.gql(UPDATE, { input: { id: subscription.id, version: 1, url: 'https://attacker.example.com/hook' } }, other);
    expect(update.data.updateWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
    const rotate = await t.gql(ROTATE, { input: { id: subscription.id } }, other);
    expect(rotate.data.rotateWebhookSecret).toMatchObject({ secret: null, userErrors: [expect.objectContaining({ code: 'NOT_FOUND' })] });
    const remove = await t.gql(DELETE, { input: { id: subscription.id, version: 1 } }, other);
    expect(remove.data.deleteWebhookSubscription.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const redeliver = await t.gql(REDELIVER, { input: { deliveryId: delivery.id } }, other);
    expect(redeliver.data.redeliverWebhook.userErrors).toEqual([expect.objectContaining({ field: ['input', 'deliveryId'], code: 'NOT_FOUND' })]);

    // Nothing changed for the owner.
    const mine = (await t.gql(SUBSCRIPTIONS, { first: 100 }, owner)).data.webhookSubscriptions.nodes;
    expect(mine).toEqual([expect.objectContaining({ id: subscription.id, url: receiver.url, version: 1, active: true })]);

    const admin = (await t.gql(SUBSCRIPTIONS, { first: 100 })).data.webhookSubscriptions.nodes;
    expect(admin.find((s: { id: string }) => s.id === subscription.id)).toMatchObject({ clientName: expect.stringMatching(/^市总工会推送接收-/) });
    expect(admin.length).toBeGreaterThan(1);
  });

  it('filters subscriptions by client and by whether they are active, within what the caller sees', async () => {
    const receiver = await new Receiver().start();
    const owner = await partner();
    const other = await partner();
    const paused = await subscribe(owner, receiver.url, ['ACTIVITY']);
    const running = await subscribe(owner, receiver.url, ['ACTIVITY']);
    const foreign = await subscribe(other, receiver.url, ['ACTIVITY']);
    expect((await t.gql(UPDATE, { input: { id: paused.id, version: 1, active: false } }, owner)).data.updateWebhookSubscription.userErrors).toEqual([]);
    const FILTERED = `query($filter: WebhookSubscriptionFilter, $last: Int, $before: String) { webhookSubscriptions(filter: $filter, last: $last, before: $before) {
      totalCount pageInfo { startCursor } nodes { id active apiClient { id } } } }`;
    const ids = async (filter: Record<string, unknown>, headers?: Record<string, string>) => {
      const res = await t.gql(FILTERED, { filter, last: 100 }, headers);
      expect(res.errors).toBeUndefined();
      return res.data.webhookSubscriptions.nodes.map((node: { id: string }) => node.id);
    };
    expect(await ids({ active: false }, owner)).toEqual([paused.id]);
    expect(await ids({ active: true }, owner)).toEqual([running.id]);
    expect(await ids({}, owner)).toEqual([paused.id, running.id]);
    // An administrator sees every client's, and narrows them to one client's.
    const client = (await t.gql(`{ viewer { apiClient { id } } }`, {}, owner)).data.viewer.apiClient.id;
    expect(await ids({ apiClientId: client })).toEqual([paused.id, running.id]);
    expect(await ids({ apiClientId: client, active: true })).toEqual([running.id]);
    expect(await ids({})).toEqual(expect.arrayContaining([paused.id, running.id, foreign.id]));
    // The planned read never hands out a signing secret, whatever it selects.
    const everything = await t.gql(`{ webhookSubscriptions(first: 100) { nodes { ${SUBSCRIPTION_FIELDS} apiClient { id name roles } } } }`);
    expect(everything.errors).toBeUndefined();
    expect(JSON.stringify(everything.data)).not.toMatch(/whsec_|secret/);
    // A client asking for another client's sees nothing more than its own.
    expect(await ids({ apiClientId: client }, other)).toEqual([]);
    const notAClient = await t.gql(FILTERED, { filter: { apiClientId: paused.id } });
    expect(notAClient.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.apiClientId' });
    // Paging backwards: the newest last, the one before it on the previous page.
    const newest = await t.gql(FILTERED, { filter: { apiClientId: client }, last: 1 });
    expect(newest.data.webhookSubscriptions.nodes.map((node: { id: string }) => node.id)).toEqual([running.id]);
    const earlier = await t.gql(FILTERED, { filter: { apiClientId: client }, last: 1, before: newest.data.webhookSubscriptions.pageInfo.startCursor });
    expect(earlier.data.webhookSubscriptions.nodes.map((node: { id: string }) => node.id)).toEqual([paused.id]);
    // A subscription that is not the caller's, as the deliveries' filter: refused, naming the filter's field.
    const foreignDeliveries = await t.gql(DELIVERIES, { subscriptionId: foreign.id }, owner);
    expect(foreignDeliveries.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.subscriptionId' });
  });

  it('updates with the version read (stale: CONFLICT), deletes with its deliveries, and audits without the secret', async () => {
    const receiver = await new Receiver().start();
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    const station = await renameStation('（删除前）');
    const delivery = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.status === 'DELIVERED' && found;
    }, 'a delivery before deleting');
    const changed = await t.gql(
      UPDATE,
      { input: { id: subscription.id, version: 1, url: 'https://api.example.cn/yizhan/hook', types: ['STATION', 'PLATFORM', 'STATION'] } },
      headers,
    );
    expect(changed.data.updateWebhookSubscription.webhookSubscription).toMatchObject({ url: 'https://api.example.cn/yizhan/hook', types: ['STATION', 'PLATFORM'], version: 2 });
    const stale = await t.gql(UPDATE, { input: { id: subscription.id, version: 1, active: false } }, headers);
    expect(stale.data.updateWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    const malformed = await t.gql(UPDATE, { input: { id: 'not-an-id', version: 2 } }, headers);
    expect(malformed.data.updateWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    const noVersion = await t.gql(UPDATE, { input: { id: subscription.id, version: 0 } }, headers);
    expect(noVersion.data.updateWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'INVALID' })]);
    expect((await t.gql(SUBSCRIPTIONS, { first: 100 }, headers)).data.webhookSubscriptions.nodes).toEqual([expect.objectContaining({ version: 2, active: true })]);

    const events = await t.gql(`query { auditEvents(first: 10, filter: { recordType: [WEBHOOK_SUBSCRIPTION] }) { nodes { recordId operation changes { field before after } } } }`);
    const mine = events.data.auditEvents.nodes.filter((e: { recordId: string }) => e.recordId === subscription.id);
    expect(mine.map((e: { operation: string }) => e.operation)).toEqual(['UPDATE', 'CREATE']);
    expect(JSON.stringify(events.data)).not.toContain('whsec_');
    const feed = await t.gql(`query { changes(first: 500) { changes { recordType } } }`);
    expect(feed.data.changes.changes.some((c: { recordType: string }) => c.recordType === 'WEBHOOK_SUBSCRIPTION')).toBe(false);

    const removed = await t.gql(DELETE, { input: { id: subscription.id, version: 2 } }, headers);
    expect(removed.data.deleteWebhookSubscription).toEqual({ deletedId: subscription.id, userErrors: [] });
    expect((await t.gql(SUBSCRIPTIONS, { first: 100 }, headers)).data.webhookSubscriptions.totalCount).toBe(0);
    expect((await deliveries({}, { first: 100 })).nodes.map((d) => d.id)).not.toContain(delivery.id);
    expect((await t.gql(DELETE, { input: { id: subscription.id, version: 2 } }, headers)).data.deleteWebhookSubscription.userErrors[0].code).toBe('NOT_FOUND');
  });
});

/** An HTTP receiver that reads each request and never answers — a partner system that hangs. */
class BlackHole {
  private readonly open = new Map<string, number>();
  private readonly most = new Map<string, number>();
  private readonly server = http.createServer((req) => {
    const key = String(req.url);
    this.open.set(key, (this.open.get(key) ?? 0) + 1);
    this.most.set(key, Math.max(this.most.get(key) ?? 0, this.open.get(key)!));
    req.socket.once('close', () => this.open.set(key, this.open.get(key)! - 1));
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(pathname: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${pathname}`;
  }

  /** Requests held open now, over the paths `match` picks. */
  holding(match: (pathname: string) => boolean): number {
    return [...this.open].filter(([key]) => match(key)).reduce((sum, [, count]) => sum + count, 0);
  }

  /** The most requests ever held open at once on one path. */
  mostAtOnce(pathname: string): number {
    return this.most.get(pathname) ?? 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('fair dispatch', () => {
  it("a receiver that never answers holds only a few of the dispatcher's slots: another client's 20 deliveries still arrive within seconds", async () => {
    const hole = await new BlackHole().start();
    const stuck = await partner();
    const stuckSubscriptions = [];
    for (let i = 0; i < 10; i++) stuckSubscriptions.push({ headers: stuck, ...(await subscribe(stuck, hole.url(`/hook/${i}`), ['STATION'])) });
    const lone = await partner();
    const loneSubscription = { headers: lone, ...(await subscribe(lone, hole.url('/single'), ['STATION'])) };
    const receiver = await new Receiver().start();
    const healthy = await partner();
    await subscribe(healthy, receiver.url, ['STATION']);

    try {
      // 20 changes: 20 deliveries for the healthy client, 200 + 20 for the receiver that hangs.
      let station = await renameStation('（公平）');
      for (let i = 1; i < 20; i++) station = await updateStation(station, `公平推送测试${i}`);
      const before = Date.now();
      // A hanging attempt lasts WEBHOOK_TIMEOUT_MS (20 s): without the caps, the 16 slots fill with them and the healthy
      // client waits at least that long; 15 s leaves room for a loaded machine.
      await eventually(() => receiver.about(station.id).length >= 20, "the healthy client's 20 deliveries", 15_000);
      expect(Date.now() - before).toBeLessThan(15_000);
      expect(receiver.about(station.id)).toHaveLength(20);

      // The hanging client held at most its cap, spread over its subscriptions; the lone subscription its own cap.
      const stuckHeld = hole.holding((key) => key.startsWith('/hook/'));
      expect(stuckHeld).toBeGreaterThan(0);
      expect(stuckHeld).toBeLessThanOrEqual(MAX_IN_FLIGHT_PER_CLIENT);
      for (let i = 0; i < 10; i++) expect(hole.mostAtOnce(`/hook/${i}`)).toBeLessThanOrEqual(MAX_IN_FLIGHT_PER_SUBSCRIPTION);
      await eventually(() => hole.holding((key) => key === '/single') === MAX_IN_FLIGHT_PER_SUBSCRIPTION, 'the lone subscription at its cap');
      expect(hole.mostAtOnce('/single')).toBe(MAX_IN_FLIGHT_PER_SUBSCRIPTION);
    } finally {
      for (const { id, headers } of [...stuckSubscriptions, loneSubscription]) {
        expect((await t.gql(DELETE, { input: { id, version: 1 } }, headers)).data.deleteWebhookSubscription.userErrors).toEqual([]);
      }
      await hole.close();
    }
  });
});

/** Strict: the production app as an operator starts it without WEBHOOK_ALLOWED_HOSTS. */
const STRICT_ENV = { ...WEBHOOK_ENV, WEBHOOK_ALLOWED_HOSTS: '' };

describe('webhook targets (no allow-list)', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await startTestApp(STRICT_ENV);
  });
  afterAll(async () => {
    await strict?.close();
  });

  const subscriptionCount = async () => (await strict.gql(SUBSCRIPTIONS, { first: 100 })).data.webhookSubscriptions.totalCount as number;

  it('refuses loopback, private, link-local and other internal targets when subscribing, saying why, and changes nothing', async () => {
    const receiver = await new Receiver().start();
    const port = receiver.port;
    const headers = await strict.clientHeaders({ name: '内网探测者', roles: ['ANALYST'] });
    const before = await subscriptionCount();
    const cases: [string, string, string][] = [
      [receiver.url, '本机回环地址', 'a loopback address'],
      [`http://localhost:${port}/hook`, '本机回环地址', 'a loopback address'],
      [`http://2130706433:${port}/hook`, '本机回环地址', 'a loopback address'],
      [`http://0x7f.1:${port}/hook`, '本机回环地址', 'a loopback address'],
      [`http://[::1]:${port}/hook`, '本机回环地址', 'a loopback address'],
      [`http://[::ffff:127.0.0.1]:${port}/hook`, '本机回环地址', 'a loopback address'],
      ['http://10.1.2.3/hook', '内网私有地址', 'a private network address'],
      ['http://192.168.1.10:8080/hook', '内网私有地址', 'a private network address'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'a link-local address'],
      ['http://100.64.0.1/hook', '运营商共享地址', 'a carrier-grade NAT address'],
      ['https://[fd00::1]/hook', 'IPv6 内网地址', 'a private IPv6 address'],
      [`http://0.0.0.0:${port}/hook`, '未指定地址', 'an unspecified address'],
      ['http://224.0.0.1/hook', '组播地址', 'a multicast address'],
      ['http://203.0.113.5/hook', '文档示例专用地址', 'an address reserved for documentation'],
    ];
    for (const [url, zh, en] of cases) {
      const res = await strict.gql(CREATE, { input: { url, types: ['STATION'] } }, headers);
      expect(res.data.createWebhookSubscription).toMatchObject({ webhookSubscription: null, secret: null });
      expect(res.data.createWebhookSubscription.userErrors).toEqual([{ field: ['input', 'url'], code: 'INVALID', message: expect.stringContaining(zh) }]);
      expect(res.data.createWebhookSubscription.userErrors[0].message).toContain('WEBHOOK_ALLOWED_HOSTS');
      const english = await strict.gql(CREATE, { input: { url } }, { ...headers, 'accept-language': 'en' });
      expect(english.data.createWebhookSubscription.userErrors).toEqual([{ field: ['input', 'url'], code: 'INVALID', message: expect.stringContaining(`points to ${en}`) }]);
    }
    expect(await subscriptionCount()).toBe(before);
    // Subscribing never connects to the target.
    expect(receiver.connections).toBe(0);
  });

  it('refuses an internal URL on update and keeps the subscription as it was', async () => {
    const headers = await strict.clientHeaders({ name: '市人社局零工驿站系统', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-RSJ' });
    // A name that does not resolve here is accepted: the delivery checks it again.
    const res = await strict.gql(CREATE, { input: { url: 'https://api.example.cn/yizhan/hook', types: ['ACTIVITY'] } }, headers);
    const subscription = res.data.createWebhookSubscription.webhookSubscription;
    expect(subscription).toMatchObject({ url: 'https://api.example.cn/yizhan/hook', version: 1 });
    try {
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://localhost/hook', 'http://[::ffff:a00:1]/hook']) {
        const update = await strict.gql(UPDATE, { input: { id: subscription.id, version: 1, url, active: false } }, headers);
        expect(update.data.updateWebhookSubscription).toEqual({ webhookSubscription: null, userErrors: [expect.objectContaining({ field: ['input', 'url'], code: 'INVALID' })] });
      }
      const mine = (await strict.gql(SUBSCRIPTIONS, { first: 100 }, headers)).data.webhookSubscriptions.nodes;
      expect(mine).toEqual([expect.objectContaining({ id: subscription.id, url: 'https://api.example.cn/yizhan/hook', version: 1, active: true })]);
    } finally {
      await strict.gql(DELETE, { input: { id: subscription.id, version: 1 } }, headers);
    }
  });

  it('checks again at each delivery: targets allowed under another configuration, or written straight into the database, are never connected to', async () => {
    const open = await new Receiver().start();
    const closed = await new Receiver().start();
    const closedUrl = closed.url;
    await closed.close();
    receivers.splice(receivers.indexOf(closed), 1);
    const headers = await strict.clientHeaders({ name: '市总工会推送接收-内网', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });

    // Subscribed through an app on the same database whose operator allowed 127.0.0.1 (its dispatcher off)…
    const loose = await createApp({ ...strict.config, webhooks: { ...strict.config.webhooks, enabled: false, allowedHosts: ['127.0.0.1'] } }, { database: strict.app.database });
    const ids: string[] = [];
    try {
      for (const url of [open.url, closedUrl, `${open.url}/raw`]) {
        const res = await request(loose.app)
          .post('/graphql')
          .set({ 'content-type': 'application/json', ...headers })
          .send({ query: CREATE, variables: { input: { url, types: ['STATION'] } } });
        expect(res.body.data.createWebhookSubscription.userErrors).toEqual([]);
        ids.push(res.body.data.createWebhookSubscription.webhookSubscription.id);
      }
    } finally {
      await loose.close();
    }
    // …and one whose URL was written into the database directly, in a numeric form of 127.0.0.1.
    await strict.app.database.orm.em
      .getConnection()
      .execute(`update webhook_subscription set url = ? where id = ?`, [`http://0x7f.1:${open.port}/raw`, Buffer.from(ids[2], 'base64url').toString().split(':')[1]]);

    const station = (await strict.gql(`query { stations(first: 1, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { id name version } } }`)).data.stations.nodes[0];
    const renamed = await strict.gql(UPDATE_STATION, { input: { id: station.id, version: station.version, name: `${station.name}（内网）` } });
    expect(renamed.data.updateStation.userErrors).toEqual([]);

    const failedAll = async () => {
      const found = await Promise.all(ids.map((id) => deliveryOf(headers, id, station.id, strict)));
      return found.every((d) => d?.status === 'FAILED') && (found as Delivery[]);
    };
    const failed = await eventually(failedAll, 'three FAILED deliveries');
    for (const delivery of failed) {
      // Open port or closed, the same answer: nothing to learn about the network behind the hub.
      expect(delivery).toMatchObject({ attemptCount: 3, lastStatusCode: null, lastError: 'target address not allowed: loopback', deliveredAt: null });
    }

    const redelivered = await strict.gql(REDELIVER, { input: { deliveryId: failed[0].id } }, headers);
    expect(redelivered.data.redeliverWebhook.userErrors).toEqual([]);
    await eventually(async () => (await failedAll()) && (await deliveryOf(headers, ids[0], station.id, strict))?.attemptCount === 3, 'the redelivery refused again');
    expect(open.connections).toBe(0);
    expect(open.received).toEqual([]);
  });
});

describe('sending to the address that was checked', () => {
  const policy = webhookTargetPolicy(['127.0.0.1']);
  const BODY = '{"type":"station.update"}';

  /** A resolver that answers `answers[n]` the n-th time it is asked (the last answer after that). */
  function changing(...answers: string[][]) {
    let asked = 0;
    const resolve = async (): Promise<ResolvedAddress[]> => answers[Math.min(asked++, answers.length - 1)].map((address) => ({ address, family: 4 }));
    return { resolve, asked: () => asked };
  }

  it('resolves once and connects to the checked address, with the host name in the Host header (DNS rebinding gets nowhere)', async () => {
    const receiver = await new Receiver().start();
    // Allowed the first time it is asked, somewhere else ever after.
    const dns = changing(['127.0.0.1'], ['169.254.169.254']);
    const outcome = await sendWebhook(`http://partner.intranet.test:${receiver.port}/hook?from=yizhan`, { 'content-type': 'application/json' }, BODY, {
      policy: webhookTargetPolicy(['partner.intranet.test']),
      timeoutMs: 5000,
      resolve: dns.resolve,
    });
    expect(outcome).toEqual({ delivered: true, statusCode: 204, error: null });
    expect(dns.asked()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].headers.host).toBe(`partner.intranet.test:${receiver.port}`);
    expect(receiver.received[0].body).toBe(BODY);
  });

  it('refuses a name with any disallowed address among its answers, without connecting', async () => {
    const receiver = await new Receiver().start();
    const dns = changing(['127.0.0.1', '10.0.0.8']);
    const outcome = await sendWebhook(`http://partner.intranet.test:${receiver.port}/hook`, {}, BODY, { policy, timeoutMs: 5000, resolve: dns.resolve });
    expect(outcome).toEqual({ delivered: false, statusCode: null, error: 'target address not allowed: private' });
    const byName = await sendWebhook(`http://localhost:${receiver.port}/hook`, {}, BODY, { policy, timeoutMs: 5000 });
    expect(byName).toEqual({ delivered: false, statusCode: null, error: 'target address not allowed: loopback' });
    expect(receiver.connections).toBe(0);
  });

  it('does not follow redirects', async () => {
    const elsewhere = await new Receiver().start();
    const redirecting = await new Receiver().start();
    redirecting.answer = () => 307;
    redirecting.location = elsewhere.url;
    const outcome = await sendWebhook(redirecting.url, {}, BODY, { policy, timeoutMs: 5000 });
    expect(outcome).toEqual({ delivered: false, statusCode: 307, error: 'HTTP 307' });
    expect(redirecting.received).toHaveLength(1);
    expect(elsewhere.connections).toBe(0);
  });

  it('over HTTPS, names the host to the server (SNI) and checks its certificate', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'yizhan-webhook-tls-'));
    let server: https.Server | undefined;
    try {
      const key = path.join(folder, 'key.pem');
      const cert = path.join(folder, 'cert.pem');
      // A throwaway self-signed certificate for the partner's name.
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=partner.intranet.test',
          '-addext',
          'subjectAltName=DNS:partner.intranet.test',
          '-keyout',
          key,
          '-out',
          cert,
        ],
        { stdio: 'ignore' },
      );
      const names: string[] = [];
      const SNICallback = (name: string, done: (error: Error | null) => void) => {
        names.push(name);
        done(null);
      };
      server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert), SNICallback }, (_req, res) => res.end());
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const outcome = await sendWebhook(`https://partner.intranet.test:${port}/hook`, {}, BODY, {
        policy: webhookTargetPolicy(['partner.intranet.test']),
        timeoutMs: 5000,
        resolve: changing(['127.0.0.1']).resolve,
      });
      // Self-signed: refused by the certificate check, which ran against the host name sent.
      expect(outcome).toEqual({ delivered: false, statusCode: null, error: 'network error: DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(names).toEqual(['partner.intranet.test']);
    } finally {
      if (server) {
        server.closeAllConnections();
        await new Promise((resolve) => server!.close(resolve));
      }
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('times out a receiver that never answers', async () => {
    const hole = await new BlackHole().start();
    try {
      const outcome = await sendWebhook(hole.url('/hook'), {}, BODY, { policy, timeoutMs: 300 });
      expect(outcome).toEqual({ delivered: false, statusCode: null, error: 'timed out after 300 ms' });
      await eventually(() => hole.holding(() => true) === 0, 'the connection dropped', 5000);
    } finally {
      await hole.close();
    }
  });
});

describe('exactly once', () => {
  it('queues every change once per subscription, across a restart and with two dispatchers at once', async () => {
    const receiver = await new Receiver().start();
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    const stations = await Promise.all(Array.from({ length: 6 }, (_, i) => renameStation(`（恰好一次${i}）`)));
    const ids = new Set(stations.map((s) => s.id));
    const mine = () => receiver.received.filter((r) => ids.has(r.event.data.recordId));
    await eventually(() => mine().length >= 6, 'six deliveries');

    // The first app's dispatcher stops; changes made meanwhile wait in the feed.
    await t.app.webhooks!.stop();
    const later = await Promise.all(stations.slice(0, 3).map((s, i) => updateStation(s, `重启期间改名${i}`)));
    const others: App[] = [];
    try {
      // Two more apps on the same database: both dispatchers run at once.
      others.push(await createApp(t.config, { database: t.app.database }));
      others.push(await createApp(t.config, { database: t.app.database }));
      await eventually(() => mine().length >= 9, 'nine deliveries');
      await Promise.all(later.map((s, i) => updateStation(s, `并行期间改名${i}`)));
      await eventually(async () => (await deliveries(headers, { subscriptionId: subscription.id, status: ['DELIVERED'] })).totalCount === 12, 'twelve delivered');
    } finally {
      await Promise.all(others.map((app) => app.close()));
    }

    const page = await deliveries(headers, { subscriptionId: subscription.id, first: 100 });
    expect(page.totalCount).toBe(12);
    const sequences = page.nodes.map((d) => d.change.sequence);
    expect(new Set(sequences).size).toBe(12);
    expect(page.nodes.every((d) => d.status === 'DELIVERED' && d.attemptCount === 1)).toBe(true);
    // Each change reached the receiver once (a retry would reuse the id; none was needed).
    const received = mine().map((r) => r.event.data.sequence);
    expect(received.sort()).toEqual([...sequences].sort());
  });
});
