import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientError, GraphQLClient } from 'graphql-request';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { startTestApp, type TestApp } from '../helpers/app';

/**
 * The README's "Syncing in five steps", followed as a partner's integration engineer would: a
 * real GraphQL client (graphql-request) against the server listening on an ephemeral port, and
 * webhook signatures checked with the standardwebhooks package. Other systems write while the
 * partner bootstraps; at the end the partner's copy equals the hub, and no change was lost
 * between the snapshot (the lists) and the feed.
 */
const ENV = { WEBHOOK_ENABLED: 'true', WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };
const DEPARTMENT = 'XY-ZGH';

let t: TestApp;
let url: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp(ENV);
  await new Promise<void>((resolve) => t.app.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(t.app.httpServer.address() as AddressInfo).port}/graphql`;
  receiver = await new WebhookReceiver().start();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

/** A system with its own API key, talking to the hub over HTTP with graphql-request. */
async function system(name: string, roles: string[], departmentCode?: string): Promise<GraphQLClient> {
  const { authorization } = await t.clientHeaders({ name, roles: roles as never, departmentCode });
  return new GraphQLClient(url, { headers: { authorization, 'accept-language': 'zh-CN' } });
}

/** What a webhook receiver got: the raw request, and the event once its signature checked out. */
interface Delivery {
  headers: Record<string, string>;
  body: string;
}

class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.deliveries.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/yizhan/webhook`;
  }

  start(): Promise<this> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve(this)));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Copy {
  version: number;
  name: string;
  active: boolean;
}

interface PlatformNode extends Copy {
  id: string;
  ownerRef: string;
  station: { id: string };
  department: { code: string };
}

const PLATFORM_FIELDS = 'id version name active ownerRef station { id } department { code }';
const LIST = `query($after: String) { platforms(first: 100, after: $after, filter: { departmentCode: "${DEPARTMENT}", includeInactive: true }) {
  pageInfo { hasNextPage endCursor } nodes { ${PLATFORM_FIELDS} } } }`;
const FEED = `query($after: String) { changes(after: $after, types: [PLATFORM], first: 200) {
  endCursor hasMore
  changes { sequence recordId operation version tombstone requestId
    actor { isViewer apiClient { id name } department { code } }
    record { ... on Platform { ${PLATFORM_FIELDS} } } } } }`;
const UPDATE = `mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) {
  platform { ${PLATFORM_FIELDS} } userErrors { field code message currentVersion } } }`;
const UPSERT = `mutation($input: UpsertPlatformInput!) { upsertPlatform(input: $input) {
  platform { ${PLATFORM_FIELDS} openingHours { note } } created changed userErrors { field code message existingId } } }`;

interface FeedChange {
  sequence: string;
  recordId: string;
  operation: string;
  version: number | null;
  tombstone: boolean;
  requestId: string | null;
  actor: { isViewer: boolean; apiClient: { id: string; name: string } | null; department: { code: string } | null };
  record: PlatformNode | null;
}

/** Every platform of the department, page by page, as the lists show them. */
async function listAll(client: GraphQLClient, betweenPages: (page: number) => Promise<void> = async () => undefined): Promise<PlatformNode[]> {
  const nodes: PlatformNode[] = [];
  let after: string | null = null;
  for (let page = 0; ; page++) {
    const data: { platforms: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: PlatformNode[] } } = await client.request(LIST, { after });
    nodes.push(...data.platforms.nodes);
    if (!data.platforms.pageInfo.hasNextPage) return nodes;
    after = data.platforms.pageInfo.endCursor;
    await betweenPages(page);
  }
}

describe('Syncing in five steps (README), with graphql-request and standardwebhooks', () => {
  it('mirrors the hub without losing a change or looping on its own writes, and writes its own records by its own IDs', async () => {
    const partner = await system('市总工会爱心驿站同步', ['DEPARTMENT_PARTNER'], DEPARTMENT);
    const hubAdmin = await system('组织部管理端', ['ADMIN']);
    const otherSystem = await system('市总工会移动端', ['DEPARTMENT_PARTNER'], DEPARTMENT);
    // Writes by others, each reading the version first, as their own frontends would.
    const rename = async (id: string, name: string) => {
      const { node } = await hubAdmin.request<{ node: { version: number } }>(`query($id: ID!) { node(id: $id) { ... on Platform { version } } }`, { id });
      const res = await hubAdmin.request<{ updatePlatform: { userErrors: unknown[] } }>(UPDATE, { input: { id, version: node.version, name } });
      expect(res.updatePlatform.userErrors).toEqual([]);
    };
    const before = await listAll(hubAdmin);
    expect(before.length).toBeGreaterThan(300);

    // 1. Know who you are.
    const { viewer } = await partner.request<{ viewer: { apiClient: { id: string; name: string }; department: { code: string } } }>(
      `{ viewer { apiClient { id name } department { code } } }`,
    );
    expect(viewer).toEqual({ apiClient: { id: expect.any(String), name: '市总工会爱心驿站同步' }, department: { code: DEPARTMENT } });

    // 2. Take the feed head, then read the lists — while others keep writing.
    const { changesHead: head } = await partner.request<{ changesHead: string }>(`{ changesHead }`);
    await rename(before[0].id, `${before[0].name}（改名一）`);
    const lastPage = before[before.length - 1];
    const newcomerStation = before[1].station.id;
    const copy = new Map<string, Copy>();
    const listed = await listAll(partner, async (page) => {
      // A page already read and one not yet read change while the partner pages through.
      if (page === 0) await rename(before[2].id, `${before[2].name}（改名二）`);
      if (page === 1) await rename(lastPage.id, `${lastPage.name}（改名三）`);
      if (page === 2) {
        const created = await otherSystem.request<{ upsertPlatform: { created: boolean; userErrors: unknown[] } }>(UPSERT, {
          input: {
            externalRef: { system: 'zgh-mobile', externalId: 'NEW-1' },
            kind: 'UNION_CARE_STATION',
            stationId: newcomerStation,
            departmentCode: DEPARTMENT,
            name: '同步指南新增爱心驿站',
            ownerRef: 'ZGH-GUIDE-NEW-1',
            unionCare: { amenities: ['DRINKING_WATER', 'PHONE_CHARGING'] },
          },
        });
        expect(created.upsertPlatform).toMatchObject({ created: true, userErrors: [] });
      }
      if (page === 3) {
        const { node } = await hubAdmin.request<{ node: { version: number } }>(`query($id: ID!) { node(id: $id) { ... on Platform { version } } }`, { id: before[3].id });
        await hubAdmin.request(UPDATE, { input: { id: before[3].id, version: node.version, active: false } });
      }
    });
    for (const node of listed) copy.set(node.id, { version: node.version, name: node.name, active: node.active });
    // And after the lists were read.
    await rename(before[4].id, `${before[4].name}（改名四）`);

    // 3. Subscribe a webhook; verify every delivery with a Standard Webhooks library.
    const subscribed = await partner.request<{ createWebhookSubscription: { secret: string; webhookSubscription: { id: string }; userErrors: unknown[] } }>(
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret webhookSubscription { id } userErrors { field code message } } }`,
      { input: { url: receiver.url, types: ['PLATFORM'] } },
    );
    expect(subscribed.createWebhookSubscription.userErrors).toEqual([]);
    const verifier = new Webhook(subscribed.createWebhookSubscription.secret);
    await rename(before[5].id, `${before[5].name}（改名五）`);

    // 5. Write your own records by your own IDs (before step 4 catches up, to show the feed skips them).
    const existing = before[6];
    const unionCareInput = (overrides: Record<string, unknown> = {}) => ({
      externalRef: { system: 'zgh-care-guide', externalId: 'AX-ADOPT' },
      kind: 'UNION_CARE_STATION',
      stationId: existing.station.id,
      departmentCode: DEPARTMENT,
      name: `${existing.name}（总工会系统）`,
      ownerRef: existing.ownerRef,
      unionCare: { amenities: ['DRINKING_WATER', 'MICROWAVE'] },
      ...overrides,
    });
    type Upserted = {
      upsertPlatform: {
        platform: (PlatformNode & { openingHours: { note: string | null } | null }) | null;
        created: boolean;
        changed: boolean;
        userErrors: { field: string[]; code: string; message: string; existingId: string | null }[];
      };
    };
    const first = await partner.request<Upserted>(UPSERT, { input: unionCareInput() });
    // The hub already has this platform: ALREADY_EXISTS names it and says how to adopt it.
    expect(first.upsertPlatform.userErrors).toEqual([
      { field: ['input', 'ownerRef'], code: 'ALREADY_EXISTS', existingId: existing.id, message: expect.stringContaining('addExternalRef') },
    ]);
    expect(first.upsertPlatform.userErrors[0].message).toContain(`id: “${existing.id}”`);
    const adopted = await partner.request<{ addExternalRef: { userErrors: unknown[] } }>(
      `mutation($input: AddExternalRefInput!) { addExternalRef(input: $input) { userErrors { field code message } } }`,
      { input: { type: 'PLATFORM', id: first.upsertPlatform.userErrors[0].existingId, system: 'zgh-care-guide', externalId: 'AX-ADOPT' } },
    );
    expect(adopted.addExternalRef.userErrors).toEqual([]);
    const withHours = { windows: [{ weekday: 'MONDAY', opens: '08:00', closes: '18:00' }], note: '户外劳动者休息点' };
    const synced = await partner.request<Upserted>({
      document: UPSERT,
      variables: { input: unionCareInput({ openingHours: withHours }) },
      requestHeaders: { 'x-request-id': 'zgh-guide-0001' },
    });
    expect(synced.upsertPlatform).toMatchObject({ created: false, changed: true, userErrors: [], platform: { id: existing.id, openingHours: { note: '户外劳动者休息点' } } });
    // Omitted: left as it is (nothing written); null: cleared.
    const omitted = await partner.request<Upserted>(UPSERT, { input: unionCareInput() });
    expect(omitted.upsertPlatform).toMatchObject({ changed: false, platform: { version: synced.upsertPlatform.platform!.version, openingHours: { note: '户外劳动者休息点' } } });
    const cleared = await partner.request<Upserted>(UPSERT, { input: unionCareInput({ openingHours: null }) });
    expect(cleared.upsertPlatform).toMatchObject({ changed: true, platform: { version: synced.upsertPlatform.platform!.version + 1, openingHours: null } });
    for (const result of [synced, cleared]) {
      const platform = result.upsertPlatform.platform!;
      copy.set(platform.id, { version: platform.version, name: platform.name, active: platform.active });
    }
    // An update by the hub's ID with a version someone else moved on: CONFLICT with the current version, then a retry.
    const contested = before[7];
    const held = copy.get(contested.id)!;
    await rename(contested.id, `${contested.name}（管理端先改）`);
    const stale = await partner.request<{ updatePlatform: { platform: PlatformNode | null; userErrors: { code: string; currentVersion: number | null }[] } }>(UPDATE, {
      input: { id: contested.id, version: held.version, name: `${contested.name}（总工会后改）` },
    });
    expect(stale.updatePlatform.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', currentVersion: held.version + 1 })]);
    const retried = await partner.request<{ updatePlatform: { platform: PlatformNode; userErrors: unknown[] } }>(UPDATE, {
      input: { id: contested.id, version: stale.updatePlatform.userErrors[0].currentVersion, name: `${contested.name}（总工会后改）` },
    });
    expect(retried.updatePlatform.userErrors).toEqual([]);
    copy.set(contested.id, { version: retried.updatePlatform.platform.version, name: retried.updatePlatform.platform.name, active: retried.updatePlatform.platform.active });

    // 4. Apply the feed from the head, in order, until it has caught up with the last write.
    const { auditEvents } = await hubAdmin.request<{ auditEvents: { nodes: { sequence: string }[] } }>(
      `{ auditEvents(first: 1, filter: { recordType: [PLATFORM] }) { nodes { sequence } } }`,
    );
    const newest = auditEvents.nodes[0].sequence;
    let cursor = head;
    const seen: FeedChange[] = [];
    await eventually(async () => {
      for (;;) {
        const { changes } = await partner.request<{ changes: { endCursor: string; hasMore: boolean; changes: FeedChange[] } }>(FEED, { after: cursor });
        for (const change of changes.changes) {
          seen.push(change);
          if (change.actor.isViewer) continue;
          if (change.tombstone) {
            copy.delete(change.recordId);
            continue;
          }
          const record = change.record;
          if (!record || record.department.code !== DEPARTMENT) continue;
          const mine = copy.get(record.id);
          if (!mine || record.version > mine.version) copy.set(record.id, { version: record.version, name: record.name, active: record.active });
        }
        cursor = changes.endCursor;
        if (!changes.hasMore) break;
      }
      return seen.some((change) => change.sequence === newest);
    }, 'the feed to reach the last write');

    // Every change after the head came exactly once; the partner's own writes are marked as its own.
    expect(new Set(seen.map((change) => change.sequence)).size).toBe(seen.length);
    const own = seen.filter((change) => change.actor.isViewer);
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(own.every((change) => change.actor.apiClient?.id === viewer.apiClient.id)).toBe(true);
    expect(own.map((change) => change.requestId)).toContain('zgh-guide-0001');
    expect(seen.filter((change) => !change.actor.isViewer).map((change) => change.actor.apiClient?.name)).toEqual(expect.arrayContaining(['组织部管理端', '市总工会移动端']));

    // The partner's copy is the hub's: nothing was lost between the lists and the feed.
    const now = await listAll(hubAdmin);
    expect(new Map(now.map((node) => [node.id, { version: node.version, name: node.name, active: node.active }]))).toEqual(copy);
    expect(now.find((node) => node.name === '同步指南新增爱心驿站')).toBeDefined();
    expect(now.find((node) => node.id === before[3].id)?.active).toBe(false);

    // The webhook: every delivery verifies with standardwebhooks; one tampered with does not.
    const deliveries = await eventually(async () => {
      const verified = receiver.deliveries.map(
        (delivery) => verifier.verify(delivery.body, delivery.headers) as { data: { recordId: string; actor: { isSubscriber: boolean; apiClientId: string | null } } },
      );
      return (
        verified.some((event) => event.data.actor.isSubscriber) && verified.some((event) => event.data.recordId === contested.id && !event.data.actor.isSubscriber) && verified
      );
    }, 'the webhook deliveries');
    expect(deliveries.filter((event) => event.data.actor.isSubscriber).every((event) => event.data.actor.apiClientId === viewer.apiClient.id)).toBe(true);
    const [sample] = receiver.deliveries;
    expect(() => verifier.verify(sample.body.replace('"UPDATE"', '"DELETE"'), sample.headers)).toThrow(WebhookVerificationError);
    // The webhook-id is the delivery's global ID, which node(id) fetches with every attempt.
    const fetched = await partner.request<{ node: { status: string; attempts: { delivered: boolean; statusCode: number }[] } }>(
      `query($id: ID!) { node(id: $id) { ... on WebhookDelivery { status attempts { delivered statusCode } } } }`,
      { id: sample.headers['webhook-id'] },
    );
    expect(fetched.node.attempts[0]).toEqual({ delivered: true, statusCode: 204 });
  }, 120_000);

  it('gets protocol errors through graphql-request in the language it asks for', async () => {
    const partner = new GraphQLClient(url, { headers: { authorization: `Bearer yz_${'0'.repeat(40)}`, 'accept-language': 'zh-CN' } });
    const refused = await partner.request(`{ changesHead }`).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ClientError);
    const { response } = refused as ClientError;
    expect(response.status).toBe(401);
    expect(response.errors?.[0]).toMatchObject({ message: '接口密钥无效或已被吊销，请核对密钥，或联系组织部管理员重新发放。', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
