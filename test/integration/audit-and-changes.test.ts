import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, XIANGYANG_POINT } from '../helpers/fixtures';

const t = useTestApp();

const EVENTS = `query($filter: AuditEventFilter) { auditEvents(first: 20, filter: $filter) { totalCount nodes {
  sequence operation recordType recordId version mutation requestId occurredAt
  actor { kind userSubject userName isViewer apiClient { id name } department { code } } changes { field before after } record { id ... on Station { name version } } } } }`;
const FEED = `query($after: String, $types: [ChangeRecordType!], $first: Int) { changes(after: $after, types: $types, first: $first) {
  endCursor hasMore changes { cursor sequence operation recordType recordId version tombstone record { id ... on Station { name version } } } } }`;
const UPDATE = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { id name version } userErrors { code } } }`;
const CREATE = `mutation($input: CreateStationInput!) { createStation(input: $input) { station { id name version } userErrors { code } } }`;

interface FeedChange {
  cursor: string;
  sequence: string;
  operation: string;
  recordType: string;
  recordId: string;
  version: number | null;
  tombstone: boolean;
  record: { id: string; name?: string; version?: number } | null;
}

async function stations(first: number, regionCode: string = SEED.fanchengCode): Promise<{ id: string; name: string; version: number }[]> {
  const res = await t.gql(`query($first: Int!, $code: String!) { stations(first: $first, filter: { regionCode: $code }) { nodes { id name version } } }`, {
    first,
    code: regionCode,
  });
  return res.data.stations.nodes;
}

/** Record types the feed carries (API clients and webhook subscriptions are in the audit trail only). */
const FEED_TYPES =
  '[ACTIVITY, CO_BUILDING, DEPARTMENT, DUTY_SHIFT, EXTERNAL_REF, ORGANIZATION, PERSON, PLATFORM, SERVICE_ITEM, STATION, STATION_GRID_WORKER, STATION_SERVICE_ITEM]';

/** The newest sequence number the feed will carry, written so far (the audit trail is newest first). */
async function latestSequence(): Promise<bigint> {
  const res = await t.gql(`{ auditEvents(first: 1, filter: { recordType: ${FEED_TYPES} }) { nodes { sequence } } }`);
  return BigInt(res.data.auditEvents.nodes[0]?.sequence ?? 0);
}

/**
 * Reads the feed from `after` until it has handed out every change written so far. The feed's
 * horizon spans the whole server, so other test files' open transactions may hold it back for a
 * moment: wait for the newest sequence (with a deadline) rather than for a quiet spell.
 */
async function drain(after: string | null, alreadySeen: ReadonlySet<string> = new Set()): Promise<{ changes: FeedChange[]; cursor: string | null }> {
  const target = await latestSequence();
  const changes: FeedChange[] = [];
  let cursor = after;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await t.gql(FEED, { after: cursor, first: 200 });
    expect(res.errors).toBeUndefined();
    const page = res.data.changes;
    changes.push(...page.changes);
    cursor = page.endCursor;
    // Feed order is by transaction, not by sequence: wait for the newest sequence itself.
    const reached = target === 0n || alreadySeen.has(String(target)) || changes.some((change) => BigInt(change.sequence) === target);
    if (reached && !page.hasMore) return { changes, cursor };
    if (Date.now() > deadline) throw new Error(`the change feed did not reach sequence ${target} within 30 s`);
    if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('audit trail', () => {
  it('records who changed what, with before and after values, in the same transaction', async () => {
    const [station] = await stations(1);
    const res = await t
      .http()
      .post('/graphql')
      .set({ 'content-type': 'application/json', 'x-request-id': 'audit-test-0001' })
      .set((await t.clientHeaders({ name: '樊城区驿站管理端', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode })) as Record<string, string>)
      .send({ query: UPDATE, variables: { input: { id: station.id, version: station.version, name: `${station.name}（审计）`, tier: 'LEADING' } } });
    expect(res.body.data.updateStation.userErrors).toEqual([]);

    const events = await t.gql(EVENTS, { filter: { recordId: station.id } });
    const [event] = events.data.auditEvents.nodes;
    expect(event).toMatchObject({
      operation: 'UPDATE',
      recordType: 'STATION',
      recordId: station.id,
      version: station.version + 1,
      mutation: 'updateStation',
      requestId: 'audit-test-0001',
      actor: { kind: 'API_CLIENT', userSubject: null, userName: null, isViewer: false, apiClient: { id: expect.any(String), name: '樊城区驿站管理端' }, department: null },
      record: { id: station.id, name: `${station.name}（审计）`, version: station.version + 1 },
    });
    expect(event.changes).toEqual(
      expect.arrayContaining([{ field: 'name', before: station.name, after: `${station.name}（审计）` }, expect.objectContaining({ field: 'tier', after: 'LEADING' })]),
    );
    // The actor's API client is a node, and the filter takes the same global ID.
    const client = await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on ApiClient { name roles } } }`, { id: event.actor.apiClient.id });
    expect(client.data.node).toEqual({ __typename: 'ApiClient', name: '樊城区驿站管理端', roles: ['REGION_OPERATOR'] });
    const byActor = await t.gql(EVENTS, { filter: { actorId: event.actor.apiClient.id } });
    expect(byActor.data.auditEvents.nodes.map((node: { sequence: string }) => node.sequence)).toContain(event.sequence);
  });

  it('writes nothing for a mutation that fails', async () => {
    const before = (await t.gql(EVENTS, {})).data.auditEvents.totalCount;
    const [station] = await stations(1);
    const stale = await t.gql(UPDATE, { input: { id: station.id, version: station.version - 1, name: '过期版本' } });
    expect(stale.data.updateStation.userErrors[0].code).toBe('CONFLICT');
    expect((await t.gql(EVENTS, {})).data.auditEvents.totalCount).toBe(before);
  });

  it('keeps personal values only masked', async () => {
    const created = await t.gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code } } }`, {
      input: { name: '王建华', role: 'VOLUNTEER', phone: '13912345678', regionCode: SEED.anjuCommunityCode },
    });
    const events = await t.gql(EVENTS, { filter: { recordId: created.data.createPerson.person.id } });
    const changes = events.data.auditEvents.nodes[0].changes as { field: string; after: unknown }[];
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: null, after: '王*华' },
        { field: 'phone', before: null, after: '139****5678' },
      ]),
    );
    expect(JSON.stringify(events.data)).not.toContain('13912345678');
  });

  it('lists newest first by default, oldest first when asked, and pages either way', async () => {
    const page = async (args: string) => {
      const res = await t.gql(`{ auditEvents(${args}) { pageInfo { endCursor } nodes { sequence } } }`);
      expect(res.errors).toBeUndefined();
      return res.data.auditEvents as { pageInfo: { endCursor: string }; nodes: { sequence: string }[] };
    };
    const sequences = (p: { nodes: { sequence: string }[] }) => p.nodes.map((n) => BigInt(n.sequence));
    const newest = sequences(await page('first: 5'));
    expect(newest).toEqual([...newest].sort((a, b) => (a > b ? -1 : 1)));
    const oldest = await page('first: 3, orderBy: { direction: ASC }');
    expect(sequences(oldest)).toEqual([...sequences(oldest)].sort((a, b) => (a < b ? -1 : 1)));
    const next = await page(`first: 3, after: "${oldest.pageInfo.endCursor}", orderBy: { direction: ASC }`);
    expect(sequences(next)[0]).toBeGreaterThan(sequences(oldest)[2]);
  });

  it('is for administrators only', async () => {
    for (const headers of [
      await t.clientHeaders({ name: '审计-分析', roles: ['ANALYST'] }),
      await t.clientHeaders({ name: '审计-伙伴', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' }),
      ANONYMOUS_HEADERS,
    ]) {
      const res = await t.gql(EVENTS, {}, headers);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('change feed', () => {
  it('hands out creates, updates and deletions (tombstones) in order, each once', async () => {
    const { cursor: head } = await drain(null);
    const created = await t.gql(CREATE, {
      input: { name: '变更流测试驿站', regionCode: SEED.anjuCommunityCode, tier: 'BASIC', kind: 'COMMUNITY', address: '湖北省襄阳市樊城区测试路2号', location: XIANGYANG_POINT },
    });
    const station = created.data.createStation.station;
    await t.gql(UPDATE, { input: { id: station.id, version: 1, name: '变更流测试驿站（改名）' } });
    const activity = await t.gql(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id version } userErrors { code } } }`, {
      input: {
        stationId: station.id,
        category: 'VOLUNTEER_SERVICE',
        title: '周末义剪',
        startsAt: '2024-01-06T09:00:00+08:00',
        endsAt: '2024-01-06T11:00:00+08:00',
        participants: 12,
      },
    });
    const { id: activityId, version } = activity.data.createActivity.activity;
    await t.gql(`mutation($input: DeleteActivityInput!) { deleteActivity(input: $input) { userErrors { code } } }`, { input: { id: activityId, version } });

    const { changes } = await drain(head);
    const mine = changes.filter((change) => change.recordId === station.id || change.recordId === activityId);
    expect(mine.map((change) => [change.recordType, change.operation, change.version, change.tombstone])).toEqual([
      ['STATION', 'CREATE', 1, false],
      ['STATION', 'UPDATE', 2, false],
      ['ACTIVITY', 'CREATE', 1, false],
      ['ACTIVITY', 'DELETE', 1, true],
    ]);
    expect(mine[3].record).toBeNull();
    expect(new Set(changes.map((change) => change.sequence)).size).toBe(changes.length);

    const onlyActivities = await t.gql(FEED, { after: head, types: ['ACTIVITY'], first: 100 });
    expect(onlyActivities.data.changes.changes.every((change: FeedChange) => change.recordType === 'ACTIVITY')).toBe(true);
  });

  it("keeps a poller's copy equal to the database while writers run concurrently", async () => {
    const { cursor: head } = await drain(null);
    const targets = await stations(24, '420607');
    const copy = new Map<string, { name: string; version: number }>();
    let cursor = head;
    let writing = true;
    const seen = new Set<string>();
    const apply = (changes: FeedChange[]) => {
      for (const change of changes) {
        expect(seen.has(change.sequence)).toBe(false);
        seen.add(change.sequence);
        if (change.recordType === 'STATION' && change.record) copy.set(change.recordId, { name: change.record.name!, version: change.record.version! });
      }
    };
    const poller = (async () => {
      while (writing) {
        const res = await t.gql(FEED, { after: cursor, first: 50 });
        apply(res.data.changes.changes);
        cursor = res.data.changes.endCursor;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    // Six writers, four rounds each, over the same 24 stations: versions race, losers get CONFLICT.
    await Promise.all(
      Array.from({ length: 6 }, async (_, writer) => {
        for (let round = 0; round < 4; round++) {
          for (const target of targets.filter((_, index) => index % 6 === writer || index % 4 === round)) {
            const current = await t.gql(`query($id: ID!) { station(id: $id) { version } }`, { id: target.id });
            await t.gql(UPDATE, { input: { id: target.id, version: current.data.station.version, name: `写入者${writer}第${round}轮` } });
          }
        }
      }),
    );
    writing = false;
    await poller;
    apply((await drain(cursor, seen)).changes);

    const now = await stations(24, '420607');
    for (const station of now) {
      if (station.version > targets.find((target) => target.id === station.id)!.version) {
        expect(copy.get(station.id)).toEqual({ name: station.name, version: station.version });
      }
    }
    expect(copy.size).toBeGreaterThan(0);
  }, 120_000);

  it('is not for anonymous callers, and refuses a forged cursor', async () => {
    expect((await t.gql(FEED, {}, ANONYMOUS_HEADERS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(FEED, { after: 'bm90LWEtY3Vyc29y' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('what a syncing system needs from the feed', () => {
  const SYNC_FEED = `query($after: String) { changes(after: $after, first: 200) { endCursor hasMore changes {
    sequence recordType recordId operation tombstone requestId
    actor { kind isViewer userName apiClient { id name } department { code } } } } }`;
  const HEAD = `{ changesHead }`;

  /** A street's system, which keeps organizations of its region by its own IDs. */
  async function partner(name: string): Promise<Record<string, string>> {
    return (await t.clientHeaders({ name, roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode })) as Record<string, string>;
  }

  it('starts from now with changesHead, without paging through history', async () => {
    await drain(null);
    const head = (await t.gql(HEAD)).data.changesHead;
    expect(typeof head).toBe('string');
    const nothingYet = await t.gql(SYNC_FEED, { after: head });
    expect(nothingYet.data.changes).toEqual({ endCursor: head, hasMore: false, changes: [] });

    const [station] = await stations(1);
    await t.gql(UPDATE, { input: { id: station.id, version: station.version, name: `${station.name}（从现在起）` } });
    const { changes } = await drain(head);
    expect(changes.map((change) => [change.recordType, change.recordId, change.operation])).toEqual([['STATION', station.id, 'UPDATE']]);
    // The head moved past it: a new reader starting now sees nothing of it.
    const later = (await t.gql(HEAD)).data.changesHead;
    expect((await t.gql(SYNC_FEED, { after: later })).data.changes.changes).toEqual([]);
  });

  it('names who wrote each change and the request, so a system recognises its own writes', async () => {
    const head = (await t.gql(HEAD)).data.changesHead;
    const writer = await partner('总工会同步-回环');
    const other = await partner('总工会同步-他人');
    const organization = await t.gql(
      `mutation($input: UpsertOrganizationInput!) { upsertOrganization(input: $input) { organization { id } userErrors { code message } } }`,
      {
        input: {
          externalRef: { system: 'zgh-loop-test', externalId: 'ORG-1' },
          name: '回环测试志愿服务队',
          kind: 'VOLUNTEER_ORG',
          contactName: '李红',
          contactPhone: '13907101234',
          regionCode: SEED.fanchengCode,
        },
      },
      { ...writer, 'x-request-id': 'zgh-sync-run-42' },
    );
    expect(organization.data.upsertOrganization.userErrors).toEqual([]);
    const organizationId = organization.data.upsertOrganization.organization.id;
    await drain(head);

    const asWriter = (await t.gql(SYNC_FEED, { after: head }, writer)).data.changes.changes;
    const asOther = (await t.gql(SYNC_FEED, { after: head }, other)).data.changes.changes;
    const mine = asWriter.filter((change: { requestId: string }) => change.requestId === 'zgh-sync-run-42');
    // The organization and its external reference, both by the writer's request.
    expect(mine.map((change: { recordType: string }) => change.recordType).sort()).toEqual(['EXTERNAL_REF', 'ORGANIZATION']);
    for (const change of mine) {
      expect(change.actor).toEqual({ kind: 'API_CLIENT', isViewer: true, userName: null, apiClient: { id: expect.any(String), name: '总工会同步-回环' }, department: null });
    }
    const seenByOther = asOther.filter((change: { requestId: string }) => change.requestId === 'zgh-sync-run-42');
    expect(seenByOther.map((change: { actor: { isViewer: boolean } }) => change.actor.isViewer)).toEqual([false, false]);
    const viewer = await t.gql(`{ viewer { apiClient { id } } }`, {}, writer);
    expect(viewer.data.viewer.apiClient.id).toBe(mine[0].actor.apiClient.id);
    expect(mine.find((change: { recordType: string }) => change.recordType === 'ORGANIZATION').recordId).toBe(organizationId);
  });

  it('hands out only global IDs that node(id) fetches, and a removal’s deletedId is its tombstone’s recordId', async () => {
    const head = (await t.gql(HEAD)).data.changesHead;
    const writer = await partner('总工会同步-编号');
    const created = await t.gql(
      `mutation($input: UpsertOrganizationInput!) { upsertOrganization(input: $input) { organization { id } userErrors { code } } }`,
      {
        input: {
          externalRef: { system: 'zgh-ids-test', externalId: 'ORG-7' },
          name: '编号测试社会组织',
          kind: 'SOCIAL_ORG',
          contactName: '王明',
          contactPhone: '13907105678',
          regionCode: SEED.fanchengCode,
        },
      },
      writer,
    );
    const organizationId = created.data.upsertOrganization.organization.id;
    const { changes } = await drain(head);
    const refChange = changes.find((change) => change.recordType === 'EXTERNAL_REF')!;
    const fetched = await t.gql(
      `query($id: ID!) { node(id: $id) { __typename id ... on ExternalRef { system externalId recordType record { id } } } }`,
      { id: refChange.recordId },
      writer,
    );
    expect(fetched.data.node).toEqual({
      __typename: 'ExternalRef',
      id: refChange.recordId,
      system: 'zgh-ids-test',
      externalId: 'ORG-7',
      recordType: 'ORGANIZATION',
      record: { id: organizationId },
    });

    const removed = await t.gql(
      `mutation($input: RemoveExternalRefInput!) { removeExternalRef(input: $input) { deletedId userErrors { code } } }`,
      { input: { type: 'ORGANIZATION', id: organizationId, system: 'zgh-ids-test' } },
      writer,
    );
    expect(removed.data.removeExternalRef).toEqual({ deletedId: refChange.recordId, userErrors: [] });
    const after = await drain(refChange.cursor);
    const tombstone = after.changes.find((change) => change.recordType === 'EXTERNAL_REF' && change.tombstone)!;
    expect(tombstone.recordId).toBe(refChange.recordId);
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: refChange.recordId }, writer)).data.node).toBeNull();
  });

  it('refuses a recordId filter that is not a global ID', async () => {
    const res = await t.gql(EVENTS, { filter: { recordId: '00000000-0000-4000-8000-000000000000' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
