import { useTestApp } from '../helpers/app';
import { SEED, SERVICE_ITEM_SEED } from '../helpers/fixtures';

/**
 * Every write path — ORM flushes, set-based SQL, lists kept in tables of their own — records each
 * change once, in the API's words: GraphQL field names, global IDs, enum names, lists as lists;
 * with the actor (client and department), the request id and the mutation; deletions with what
 * was there.
 */
const t = useTestApp({ NODE_ENV: 'production' });

const EVENTS = `query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) { totalCount nodes {
  operation recordType recordId version mutation requestId actor { kind apiClient { name } } department { code } changes { field before after } } } }`;

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

interface AuditEvent {
  operation: string;
  recordType: string;
  recordId: string;
  version: number | null;
  mutation: string | null;
  requestId: string | null;
  actor: { kind: string; apiClient: { name: string } | null };
  department: { code: string } | null;
  changes: FieldChange[];
}

async function events(filter: Record<string, unknown>): Promise<AuditEvent[]> {
  const res = await t.gql(EVENTS, { filter });
  expect(res.errors).toBeUndefined();
  return res.data.auditEvents.nodes;
}

function changesOf(event: AuditEvent): Record<string, { before: unknown; after: unknown }> {
  return Object.fromEntries(event.changes.map(({ field, before, after }) => [field, { before, after }]));
}

/** What no audit value may look like: a PostgreSQL array literal, an internal column name. */
function expectApiWords(event: AuditEvent): void {
  for (const change of event.changes) {
    for (const value of [change.before, change.after]) {
      if (typeof value === 'string') expect(value).not.toMatch(/^\{.*\}$/);
    }
    expect(change.field).not.toMatch(/^(care|gig|gov|bus|mediation)[A-Z]|_/);
  }
}

async function selfServiceItems(): Promise<{ id: string; code: string }[]> {
  const res = await t.gql(`{ serviceItems(first: 10, filter: { handlingMode: [SELF_SERVICE_TERMINAL] }) { nodes { id code } } }`);
  return res.data.serviceItems.nodes;
}

async function openStation(regionCode: string): Promise<{ id: string; version: number }> {
  const res = await t.gql(`query($code: String!) { stations(first: 1, filter: { regionCode: $code, status: [OPEN] }) { nodes { id version } } }`, { code: regionCode });
  return res.data.stations.nodes[0];
}

describe('the change recorder', () => {
  it("records a 24-hour point's service items as global IDs: all of them when it is created, before and after when they change", async () => {
    const partner = await t.clientHeaders({ name: '审计-樊城政数局', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'FC-ZWJ' });
    const items = await selfServiceItems();
    const station = await openStation(SEED.anjuCommunityCode);
    const POINT = `platform { id version } userErrors { code }`;
    const created = await t.gql(
      `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { ${POINT} } }`,
      {
        input: {
          kind: 'GOV_SERVICE_24H',
          stationId: station.id,
          departmentCode: 'FC-ZWJ',
          name: '审计测试24小时政务服务驿站',
          ownerRef: 'FCZWJ-AUDIT-01',
          govService24h: { selfServiceTerminals: 2, serviceItemCodes: [items[1].code, items[0].code] },
        },
      },
      { ...partner, 'x-request-id': 'audit-point-create' },
    );
    expect(created.data.createPlatform.userErrors).toEqual([]);
    const point = created.data.createPlatform.platform;
    const department = (await t.gql(`{ department(code: "FC-ZWJ") { id } }`)).data.department.id;

    const [creation] = await events({ recordId: point.id });
    expect(creation).toMatchObject({
      operation: 'CREATE',
      recordType: 'PLATFORM',
      recordId: point.id,
      version: 1,
      mutation: 'createPlatform',
      requestId: 'audit-point-create',
      actor: { kind: 'API_CLIENT', apiClient: { name: '审计-樊城政数局' } },
      department: { code: 'FC-ZWJ' },
    });
    expect(changesOf(creation)).toMatchObject({
      kind: { before: null, after: 'GOV_SERVICE_24H' },
      station: { before: null, after: station.id },
      department: { before: null, after: department },
      selfServiceTerminals: { before: null, after: 2 },
      serviceItems: { before: null, after: [items[0].id, items[1].id].sort() },
    });
    expectApiWords(creation);

    const replaced = await t.gql(
      `mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) { ${POINT} } }`,
      { input: { id: point.id, version: 1, govService24h: { selfServiceTerminals: 3, serviceItemCodes: [items[2].code] } } },
      { ...partner, 'x-request-id': 'audit-point-update' },
    );
    expect(replaced.data.updatePlatform).toEqual({ platform: { id: point.id, version: 2 }, userErrors: [] });
    // One event per record and mutation: the creation's flush and its item list made one.
    const [update, ...earlier] = await events({ recordId: point.id });
    expect(earlier).toHaveLength(1);
    expect(update).toMatchObject({ operation: 'UPDATE', version: 2, mutation: 'updatePlatform', requestId: 'audit-point-update' });
    expect(changesOf(update)).toEqual({
      selfServiceTerminals: { before: 2, after: 3 },
      serviceItems: { before: [items[0].id, items[1].id].sort(), after: [items[2].id] },
    });
  });

  it("shows a union care station's amenities under the API's name, as lists", async () => {
    const res = await t.gql(`{ platforms(first: 1, filter: { kind: [UNION_CARE_STATION] }) { nodes { id version ... on UnionCareStation { amenities restSeats } } } }`);
    const care = res.data.platforms.nodes[0];
    const amenities = care.restSeats > 0 ? ['WIFI', 'TOILET', 'REST_SEATS'] : ['WIFI', 'TOILET'];
    const updated = await t.gql(`mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) { platform { version } userErrors { code } } }`, {
      input: { id: care.id, version: care.version, unionCare: { amenities, restSeats: care.restSeats } },
    });
    expect(updated.data.updatePlatform.userErrors).toEqual([]);
    const [event] = await events({ recordId: care.id });
    const changes = changesOf(event);
    expect(Object.keys(changes)).toEqual(['amenities']);
    expect(changes.amenities.before).toEqual(care.amenities);
    expect(Array.isArray(changes.amenities.after)).toBe(true);
    expect(new Set(changes.amenities.after as string[])).toEqual(new Set(amenities));
  });

  it('records every push-down a set-based push-down writes, once each, with the actor and the request', async () => {
    const department = (await t.gql(`query($code: String!) { serviceItem(code: $code) { id department { code } } }`, { code: SERVICE_ITEM_SEED.coreItemCode })).data.serviceItem;
    const partner = await t.clientHeaders({ name: '审计-批量下沉', roles: ['DEPARTMENT_PARTNER'], departmentCode: department.department.code });
    const res = await t.gql(
      `mutation($input: PushDownServiceItemsInput!) { pushDownServiceItems(input: $input) { summary { created } userErrors { code } } }`,
      { input: { itemCodes: [SERVICE_ITEM_SEED.coreItemCode], regionCode: SERVICE_ITEM_SEED.ruralStreetCode, since: '2024-03-01' } },
      { ...partner, 'x-request-id': 'audit-push-down' },
    );
    expect(res.data.pushDownServiceItems).toEqual({ summary: { created: SERVICE_ITEM_SEED.ruralStreetOpenStations }, userErrors: [] });
    const recorded = (await events({ recordType: ['STATION_SERVICE_ITEM'], mutation: 'pushDownServiceItems' })).filter((event) => event.requestId === 'audit-push-down');
    expect(recorded).toHaveLength(SERVICE_ITEM_SEED.ruralStreetOpenStations);
    expect(new Set(recorded.map((event) => event.recordId)).size).toBe(recorded.length);
    const stations = await t.gql(`query($code: String!) { stations(first: 10, filter: { regionCode: $code, status: [OPEN] }) { nodes { id } } }`, {
      code: SERVICE_ITEM_SEED.ruralStreetCode,
    });
    const stationIds = new Set(stations.data.stations.nodes.map((station: { id: string }) => station.id));
    for (const event of recorded) {
      expect(event).toMatchObject({
        operation: 'CREATE',
        version: 1,
        actor: { kind: 'API_CLIENT', apiClient: { name: '审计-批量下沉' } },
        department: { code: department.department.code },
      });
      const changes = changesOf(event);
      expect(stationIds.has(changes.station.after as string)).toBe(true);
      expect(changes).toMatchObject({
        serviceItem: { before: null, after: department.id },
        mode: { before: null, after: expect.any(String) },
        since: { before: null, after: '2024-03-01' },
        status: { before: null, after: 'ACTIVE' },
      });
      expectApiWords(event);
    }
  });

  it('records a deletion with the values the record had', async () => {
    const station = await openStation(SEED.anjuCommunityCode);
    const created = await t.gql(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id version } userErrors { code } } }`, {
      input: {
        stationId: station.id,
        category: 'VOLUNTEER_SERVICE',
        title: '审计测试义剪',
        startsAt: '2024-01-06T09:00:00+08:00',
        endsAt: '2024-01-06T11:00:00+08:00',
        participants: 12,
      },
    });
    const activity = created.data.createActivity.activity;
    const deleted = await t.gql(`mutation($input: DeleteActivityInput!) { deleteActivity(input: $input) { deletedId userErrors { code } } }`, {
      input: { id: activity.id, version: activity.version },
    });
    expect(deleted.data.deleteActivity).toEqual({ deletedId: activity.id, userErrors: [] });
    const [deletion, creation] = await events({ recordId: activity.id });
    expect(deletion).toMatchObject({ operation: 'DELETE', version: 1, mutation: 'deleteActivity' });
    expect(changesOf(deletion)).toEqual({
      station: { before: station.id, after: null },
      category: { before: 'VOLUNTEER_SERVICE', after: null },
      title: { before: '审计测试义剪', after: null },
      startsAt: { before: '2024-01-06T01:00:00.000Z', after: null },
      endsAt: { before: '2024-01-06T03:00:00.000Z', after: null },
      participants: { before: 12, after: null },
    });
    expect(Object.keys(changesOf(creation)).sort()).toEqual(Object.keys(changesOf(deletion)).sort());
  });

  it('names referenced records by global ID and keeps personal values masked', async () => {
    const region = (await t.gql(`{ region(code: "${SEED.anjuCommunityCode}") { id } }`)).data.region.id;
    const created = await t.gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code } } }`, {
      input: { name: '李审计', role: 'VOLUNTEER', phone: '13912340000', regionCode: SEED.anjuCommunityCode },
    });
    const [event] = await events({ recordId: created.data.createPerson.person.id });
    expect(changesOf(event)).toMatchObject({
      region: { before: null, after: region },
      name: { before: null, after: '李*计' },
      phone: { before: null, after: '139****0000' },
      role: { before: null, after: 'VOLUNTEER' },
    });
    expect(JSON.stringify(event)).not.toContain('13912340000');
  });

  it("names an external reference's record by global ID and its type by enum name", async () => {
    const platform = (await t.gql(`{ platforms(first: 1, filter: { kind: [GIG_WORK_STATION] }) { nodes { id } } }`)).data.platforms.nodes[0];
    const added = await t.gql(`mutation($input: AddExternalRefInput!) { addExternalRef(input: $input) { externalRef { externalId } userErrors { code } } }`, {
      input: { type: 'PLATFORM', id: platform.id, system: 'AUDIT-TEST', externalId: 'A-1' },
    });
    expect(added.data.addExternalRef.userErrors).toEqual([]);
    const [event] = await events({ recordType: ['EXTERNAL_REF'], mutation: 'addExternalRef' });
    expect(changesOf(event)).toEqual({
      system: { before: null, after: 'AUDIT-TEST' },
      externalId: { before: null, after: 'A-1' },
      recordType: { before: null, after: 'PLATFORM' },
      record: { before: null, after: platform.id },
    });
  });

  it('records one creation out of concurrent identical upserts: a retried attempt leaves nothing behind', async () => {
    const partner = await t.clientHeaders({ name: '审计-市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    const station = await openStation(SEED.anjuCommunityCode);
    const input = {
      externalRef: { system: 'zgh-audit', externalId: 'AUDIT-RACE' },
      kind: 'UNION_CARE_STATION',
      stationId: station.id,
      departmentCode: 'XY-ZGH',
      name: '审计并发爱心驿站',
      ownerRef: 'ZGH-AUDIT-RACE',
      unionCare: { amenities: ['DRINKING_WATER'], restSeats: 0 },
    };
    const upsert = (variables: typeof input) =>
      t.gql(`mutation($input: UpsertPlatformInput!) { upsertPlatform(input: $input) { platform { id } created userErrors { code } } }`, { input: variables }, partner);
    // The system claimed first, so that the racing writers share its lock and collide on the reference itself.
    await upsert({ ...input, externalRef: { system: 'zgh-audit', externalId: 'AUDIT-FIRST' }, ownerRef: 'ZGH-AUDIT-FIRST' });
    const results = await Promise.all(Array.from({ length: 8 }, () => upsert(input)));
    for (const result of results) expect(result.data.upsertPlatform.userErrors).toEqual([]);
    const id = results[0].data.upsertPlatform.platform.id;
    expect((await events({ recordId: id })).map((event) => event.operation)).toEqual(['CREATE']);
    const refs = (await events({ recordType: ['EXTERNAL_REF'], mutation: 'upsertPlatform' })).filter((event) => changesOf(event).externalId?.after === 'AUDIT-RACE');
    expect(refs.map((event) => [event.operation, changesOf(event).record.after])).toEqual([['CREATE', id]]);
  });
});
