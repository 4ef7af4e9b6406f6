import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createApp, type App } from '../../src/app';
import { ANONYMOUS_HEADERS, startTestApp, type TestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/** A fast dispatcher: rounds every 50 ms, retries after 50, 100, … ms, gives up after 3 attempts. */
const WEBHOOK_ENV = { WEBHOOK_ENABLED: 'true', WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '10000' };
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
      res.end(res.statusCode >= 400 ? '接收失败：内部错误 internal error with details that must not be stored' : '');
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    receivers.push(this);
    return this;
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
  webhookDelivery { id status attempts nextAttemptAt } userErrors { field code } } }`;
const SUBSCRIPTIONS = `query($first: Int) { webhookSubscriptions(first: $first) { totalCount nodes { ${SUBSCRIPTION_FIELDS} } } }`;
const DELIVERIES = `query($subscriptionId: ID, $status: [WebhookDeliveryStatus!], $first: Int, $after: String) {
  webhookDeliveries(subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id subscriptionId status attempts nextAttemptAt lastStatusCode lastError deliveredAt createdAt eventType
      change { sequence recordType recordId operation version occurredAt } } } }`;
const UPDATE_STATION = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { id name version } userErrors { code } } }`;
const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code } } }`;

interface Delivery {
  id: string;
  subscriptionId: string;
  status: string;
  attempts: number;
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

async function deliveries(headers: Record<string, string>, variables: Record<string, unknown>): Promise<{ totalCount: number; nodes: Delivery[]; pageInfo: { hasNextPage: boolean; endCursor: string } }> {
  const res = await t.gql(DELIVERIES, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data.webhookDeliveries;
}

async function deliveryOf(headers: Record<string, string>, subscriptionId: string, recordId: string): Promise<Delivery | undefined> {
  const page = await deliveries(headers, { subscriptionId, first: 100 });
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
    expect(request.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verify(subscription.secret, request.headers, request.body)).toBe(true);
    expect(verify(subscription.secret, request.headers, request.body.replace('"UPDATE"', '"DELETE"'))).toBe(false);
    expect(verify(subscription.secret, { ...request.headers, 'webhook-timestamp': String(Number(request.headers['webhook-timestamp']) + 1) }, request.body)).toBe(false);

    expect(request.event).toEqual({
      type: 'station.update',
      timestamp: request.event.data.occurredAt,
      data: { sequence: expect.stringMatching(/^\d+$/), recordType: 'STATION', recordId: station.id, operation: 'UPDATE', version: station.version, occurredAt: expect.any(String) },
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
      subscriptionId: subscription.id,
      attempts: 1,
      nextAttemptAt: null,
      lastStatusCode: 204,
      lastError: null,
      eventType: 'station.update',
      change: { sequence: request.event.data.sequence, recordType: 'STATION', recordId: station.id, operation: 'UPDATE', version: station.version },
    });
    expect(delivery.deliveredAt).not.toBeNull();
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
      input: { stationId: station.id, category: 'VOLUNTEER_SERVICE', title: '推送测试：周末义诊', startsAt: '2024-01-06T09:00:00+08:00', endsAt: '2024-01-06T11:00:00+08:00', participants: 8 },
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
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
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
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null, deliveredAt: null });
    expect(receiver.about(station.id)).toHaveLength(3);
    expect((await deliveries(headers, { subscriptionId: subscription.id, status: ['FAILED'] })).nodes.map((d) => d.id)).toEqual([failed.id]);
    expect((await deliveries(headers, { subscriptionId: subscription.id, status: ['DELIVERED', 'PENDING'] })).totalCount).toBe(0);

    receiver.answer = () => 200;
    const redelivered = await t.gql(REDELIVER, { input: { deliveryId: failed.id } }, headers);
    expect(redelivered.data.redeliverWebhook.userErrors).toEqual([]);
    expect(redelivered.data.redeliverWebhook.webhookDelivery).toMatchObject({ id: failed.id, status: 'PENDING', attempts: 0 });
    expect(redelivered.data.redeliverWebhook.webhookDelivery.nextAttemptAt).not.toBeNull();

    const delivered = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.status === 'DELIVERED' && found;
    }, 'DELIVERED after redelivery');
    expect(delivered).toMatchObject({ id: failed.id, attempts: 1, lastStatusCode: 200, lastError: null });
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

    // Without subscriptionId: every delivery of the caller's subscriptions.
    const mine = await deliveries(headers, { first: 100 });
    expect(mine.nodes.every((d) => d.subscriptionId === subscription.id)).toBe(true);
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
    const anonymous = await t.gql(CREATE, { input: { url: 'https://api.example.cn/hook' } }, ANONYMOUS_HEADERS);
    expect(anonymous.data.createWebhookSubscription.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
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

  it('updates with the version read (stale: CONFLICT), deletes with its deliveries, and audits without the secret', async () => {
    const receiver = await new Receiver().start();
    const headers = await partner();
    const subscription = await subscribe(headers, receiver.url, ['STATION']);
    const station = await renameStation('（删除前）');
    const delivery = await eventually(async () => {
      const found = await deliveryOf(headers, subscription.id, station.id);
      return found?.status === 'DELIVERED' && found;
    }, 'a delivery before deleting');
    const changed = await t.gql(UPDATE, { input: { id: subscription.id, version: 1, url: 'https://api.example.cn/yizhan/hook', types: ['STATION', 'PLATFORM', 'STATION'] } }, headers);
    expect(changed.data.updateWebhookSubscription.webhookSubscription).toMatchObject({ url: 'https://api.example.cn/yizhan/hook', types: ['STATION', 'PLATFORM'], version: 2 });
    const stale = await t.gql(UPDATE, { input: { id: subscription.id, version: 1, active: false } }, headers);
    expect(stale.data.updateWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    const malformed = await t.gql(UPDATE, { input: { id: 'not-an-id', version: 2 } }, headers);
    expect(malformed.data.updateWebhookSubscription.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
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
    expect(page.nodes.every((d) => d.status === 'DELIVERED' && d.attempts === 1)).toBe(true);
    // Each change reached the receiver once (a retry would reuse the id; none was needed).
    const received = mine().map((r) => r.event.data.sequence);
    expect(received.sort()).toEqual([...sequences].sort());
  });
});
