import { useTestApp } from '../helpers/app';
import { SEED, SERVICE_ITEM_SEED as S } from '../helpers/fixtures';

/**
 * The catalogue's lists under one convention: root lists sorted by `orderBy` and paged both ways
 * by keyset cursors; nested to-many fields full connections (first/after, last/before, 20 by
 * default, at most 100), read the same way whether their parent was planned with the root list
 * or came from elsewhere (a record read by ID).
 */
const t = useTestApp();

type Json = Record<string, any>;

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await t.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** The database compares text by code point (C.UTF-8); so does `<` on the texts of these seeds. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const PAGE_ARGS = '$first: Int, $after: String, $last: Int, $before: String';
const PAGING = 'first: $first, after: $after, last: $last, before: $before';

/** Root lists, their order input, each sort field with the node field it sorts by, and a filter that shows every record. */
const ROOT_LISTS: { list: string; order: string; fields: Record<string, string>; filter: string }[] = [
  {
    list: 'platforms',
    order: 'PlatformOrder',
    fields: { NAME: 'name', OWNER_REF: 'ownerRef', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' },
    filter: 'filter: { includeInactive: true }',
  },
  {
    list: 'serviceItems',
    order: 'ServiceItemOrder',
    fields: { CODE: 'code', NAME: 'name', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' },
    filter: 'filter: { includeInactive: true }',
  },
  {
    list: 'departments',
    order: 'DepartmentOrder',
    fields: { CODE: 'code', NAME: 'name', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' },
    filter: 'filter: { includeInactive: true }',
  },
  { list: 'organizations', order: 'OrganizationOrder', fields: { NAME: 'name', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' }, filter: 'filter: { includeInactive: true }' },
];

const rootCases = ROOT_LISTS.flatMap(({ list, order, fields, filter }) =>
  Object.entries(fields).flatMap(([field, value]) => (['ASC', 'DESC'] as const).map((direction) => ({ list, order, field, value, filter, direction }))),
);

describe('root lists: orderBy, both ways', () => {
  it.each(rootCases)('$list ordered by $field $direction pages forwards and backwards without gaps or overlaps', async ({ list, order, field, value, filter, direction }) => {
    const query = `query(${PAGE_ARGS}, $orderBy: ${order}) { list: ${list}(${PAGING}, orderBy: $orderBy, ${filter}) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id v: ${value} } } } }`;
    const orderBy = { field, direction };
    const page = async (variables: Record<string, unknown>) => (await ok(query, { ...variables, orderBy })).list;
    const all = await page({ first: 100 });
    const values: string[] = all.edges.map((edge: Json) => edge.node.v);
    expect(values.length).toBe(Math.min(100, all.totalCount));
    expect(values.length).toBeGreaterThan(14);
    // In the order asked for: code-point order for names and codes, time order for instants (ISO texts in UTC).
    const sign = direction === 'ASC' ? 1 : -1;
    for (let i = 1; i < values.length; i += 1) expect(sign * byCodePoint(values[i - 1], values[i])).toBeLessThanOrEqual(0);
    if (field === 'NAME') expect(values.some((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true);
    const ids: string[] = all.edges.map((edge: Json) => edge.node.id);

    const first = await page({ first: 7 });
    const second = await page({ first: 7, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((edge: Json) => edge.node.id)).toEqual(ids.slice(0, 14));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const back = await page({ last: 5, before: second.edges[6].cursor });
    expect(back.edges.map((edge: Json) => edge.node.id)).toEqual(ids.slice(8, 13));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, startCursor: all.edges[8].cursor, endCursor: all.edges[12].cursor });
    const head = await page({ last: 3, before: all.edges[3].cursor });
    expect(head.edges.map((edge: Json) => edge.node.id)).toEqual(ids.slice(0, 3));
    expect(head.pageInfo.hasPreviousPage).toBe(false);
  });

  it.each(ROOT_LISTS.map(({ list }) => list))('%s: 20 by default, at most 100, and the default order when none is given', async (list) => {
    const { list: defaults } = await ok(`{ list: ${list}(filter: { includeInactive: true }) { totalCount pageInfo { hasNextPage } nodes { id } } }`);
    expect(defaults.totalCount).toBeGreaterThan(20);
    expect(defaults.nodes).toHaveLength(20);
    expect(defaults.pageInfo.hasNextPage).toBe(true);
    for (const size of ['first: 101', 'last: 101', 'first: 0']) {
      const res = await t.gql(`{ ${list}(${size}) { totalCount } }`);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps the default orders: platforms and organizations by name, service items and departments by code', async () => {
    for (const [list, order, field, value] of [
      ['platforms', 'PlatformOrder', 'NAME', 'name'],
      ['organizations', 'OrganizationOrder', 'NAME', 'name'],
      ['serviceItems', 'ServiceItemOrder', 'CODE', 'code'],
      ['departments', 'DepartmentOrder', 'CODE', 'code'],
    ]) {
      const plain = await ok(`{ list: ${list}(first: 30) { nodes { id v: ${value} } } }`);
      const ordered = await ok(`query($o: ${order}) { list: ${list}(first: 30, orderBy: $o) { nodes { id v: ${value} } } }`, { o: { field } });
      expect(plain.list.nodes).toEqual(ordered.list.nodes);
    }
  });

  it('refuses a cursor whose sort value does not fit the order', async () => {
    const forged = await t.gql(`query($after: String) { departments(first: 1, after: $after, orderBy: { field: CREATED_AT }) { nodes { id } } }`, {
      after: Buffer.from(JSON.stringify(['not a time', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
    });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/** Every page of a nested connection forwards, at 100 a page. */
async function everything(query: string, variables: Record<string, unknown>, pick: (data: Json) => Json): Promise<Json[]> {
  const edges: Json[] = [];
  let after: string | null = null;
  for (;;) {
    const connection = pick(await ok(query, { ...variables, first: 100, after }));
    edges.push(...connection.edges);
    if (!connection.pageInfo.hasNextPage) return edges;
    after = connection.pageInfo.endCursor;
  }
}

describe('nested connections: the full set of paging arguments', () => {
  it('Department.serviceItems: 20 by default, backwards, at most 100, the same from a planned list as from department(code:)', async () => {
    const { departments } = await ok(`{ departments(first: 100, filter: { includeInactive: true }) { nodes { code serviceItems(includeInactive: true) { totalCount } } } }`);
    const busiest = departments.nodes.reduce((a: Json, b: Json) => (b.serviceItems.totalCount > a.serviceItems.totalCount ? b : a));
    expect(busiest.serviceItems.totalCount).toBeGreaterThan(20);
    const query = `query($code: String!, ${PAGE_ARGS}) { department(code: $code) { serviceItems(${PAGING}, includeInactive: true) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } } } }`;
    const all = await everything(query, { code: busiest.code }, (data) => data.department.serviceItems);
    const codes = all.map((edge) => edge.node.code);
    expect(codes).toEqual([...codes].sort(byCodePoint));
    expect(codes).toHaveLength(busiest.serviceItems.totalCount);

    const byDefault = (await ok(query, { code: busiest.code })).department.serviceItems;
    expect(byDefault.edges.map((edge: Json) => edge.node.code)).toEqual(codes.slice(0, 20));
    expect(byDefault.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const tail = (await ok(query, { code: busiest.code, last: 5 })).department.serviceItems;
    expect(tail.edges.map((edge: Json) => edge.node.code)).toEqual(codes.slice(-5));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = (await ok(query, { code: busiest.code, last: 3, before: all[10].cursor })).department.serviceItems;
    expect(before.edges.map((edge: Json) => edge.node.code)).toEqual(codes.slice(7, 10));

    // department(code:) reads the department by a loader; the list of departments is planned: same answer, same cursors.
    const planned = await ok(
      `query($code: String!) { departments(first: 1, filter: { search: $code, includeInactive: true }) { nodes { code
      serviceItems(last: 4, includeInactive: true) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } } } } }`,
      { code: busiest.code },
    );
    const direct = (await ok(query, { code: busiest.code, last: 4 })).department.serviceItems;
    expect(planned.departments.nodes[0].serviceItems).toEqual(direct);

    for (const size of [{ first: 101 }, { last: 101 }]) {
      const res = await t.gql(query, { code: busiest.code, ...size });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('Department.platforms: the same from a planned list as from department(code:), 20 by default', async () => {
    const selection = `code platforms(last: 6) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ownerRef } } }
      firstPage: platforms { nodes { ownerRef } pageInfo { hasNextPage } }`;
    const direct = await ok(`{ department(code: "XY-RSJ") { ${selection} } }`);
    const planned = await ok(`{ departments(first: 1, filter: { search: "XY-RSJ" }) { nodes { ${selection} } } }`);
    expect(planned.departments.nodes[0]).toEqual(direct.department);
    expect(direct.department.firstPage.nodes).toHaveLength(20);
    expect(direct.department.firstPage.pageInfo.hasNextPage).toBe(true);
    expect(direct.department.platforms.edges).toHaveLength(6);
  });

  it('ServiceItem.stations: backwards within a region, 20 by default, at most 100; stationCount the same planned or not', async () => {
    const query = `query($code: String!, $region: String, ${PAGE_ARGS}) { serviceItem(code: $code) { stations(${PAGING}, regionCode: $region) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { station { code } } } } } }`;
    const all = await everything(query, { code: S.coreItemCode, region: '420602' }, (data) => data.serviceItem.stations);
    const codes = all.map((edge) => edge.node.station.code);
    expect(codes).toHaveLength(S.xiangchengOpenStations);
    expect(codes).toEqual([...codes].sort(byCodePoint));

    const byDefault = (await ok(query, { code: S.coreItemCode, region: '420602' })).serviceItem.stations;
    expect(byDefault.edges.map((edge: Json) => edge.node.station.code)).toEqual(codes.slice(0, 20));
    const tail = (await ok(query, { code: S.coreItemCode, region: '420602', last: 4 })).serviceItem.stations;
    expect(tail.edges.map((edge: Json) => edge.node.station.code)).toEqual(codes.slice(-4));
    expect(tail.totalCount).toBe(S.xiangchengOpenStations);
    const before = (await ok(query, { code: S.coreItemCode, region: '420602', last: 30, before: all[150].cursor })).serviceItem.stations;
    expect(before.edges.map((edge: Json) => edge.node.station.code)).toEqual(codes.slice(120, 150));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const tooMany = await t.gql(query, { code: S.coreItemCode, last: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const counts = 'stationCount active: stationCount(status: [ACTIVE]) paused: stationCount(status: [SUSPENDED, WITHDRAWN])';
    const direct = (await ok(`query($code: String!) { serviceItem(code: $code) { ${counts} } }`, { code: S.coreItemCode })).serviceItem;
    const planned = (await ok(`query($code: String!) { serviceItems(first: 1, filter: { search: $code }) { nodes { ${counts} } } }`, { code: S.coreItemCode })).serviceItems
      .nodes[0];
    expect(planned).toEqual(direct);
    expect(direct.stationCount).toBe(S.urbanOpenStations);
    expect(direct.active + direct.paused).toBe(direct.stationCount);
  });

  it('Station.serviceItems: backwards, and the same for a station read through a platform as for one read by code', async () => {
    const query = `query($code: String!, ${PAGE_ARGS}) { station(code: $code) { serviceItems(${PAGING}) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { serviceItem { code } } } } } }`;
    const all = await everything(query, { code: S.highTechStationCode }, (data) => data.station.serviceItems);
    const codes = all.map((edge) => edge.node.serviceItem.code);
    expect(codes).toHaveLength(S.activeItemCount);
    const tail = (await ok(query, { code: S.highTechStationCode, last: 7 })).station.serviceItems;
    expect(tail.edges.map((edge: Json) => edge.node.serviceItem.code)).toEqual(codes.slice(-7));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = (await ok(query, { code: S.highTechStationCode, last: 5, before: all[25].cursor })).station.serviceItems;
    expect(before.edges.map((edge: Json) => edge.node.serviceItem.code)).toEqual(codes.slice(20, 25));
    const tooMany = await t.gql(query, { code: S.highTechStationCode, last: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // platform(id:) reads its record by a loader, and its station too: the station's list is read by the same plan.
    const { station } = await ok(`query($code: String!) { station(code: $code) { platforms(first: 1, includeInactive: true) { nodes { id } } } }`, { code: S.highTechStationCode });
    const platformId = station.platforms.nodes[0].id;
    const selection = `serviceItems(last: 3, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { serviceItem { code } } } }`;
    const viaPlatform = await ok(`query($id: ID!, $before: String) { platform(id: $id) { station { ${selection} } } }`, { id: platformId, before: all[40].cursor });
    const byCode = await ok(`query($code: String!, $before: String) { station(code: $code) { ${selection} } }`, { code: S.highTechStationCode, before: all[40].cursor });
    expect(viaPlatform.platform.station).toEqual(byCode.station);
    expect(byCode.station.serviceItems.edges.map((edge: Json) => edge.node.serviceItem.code)).toEqual(codes.slice(37, 40));
  });

  it('Station.platforms: a connection by kind then name, paged both ways, with its filters', async () => {
    const query = `query($code: String!, ${PAGE_ARGS}, $kind: [PlatformKind!], $all: Boolean! = false) { station(code: $code) {
      platforms(${PAGING}, kind: $kind, includeInactive: $all) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id kind name } } } } }`;
    // The station of 安居社区 with the most platforms.
    const { stations } = await ok(
      `{ stations(first: 20, filter: { regionCode: "${SEED.anjuCommunityCode}" }) { nodes { code platforms(includeInactive: true) { totalCount } } } }`,
    );
    const { code } = stations.nodes.reduce((a: Json, b: Json) => (b.platforms.totalCount > a.platforms.totalCount ? b : a));
    const connection = (await ok(query, { code, first: 100 })).station.platforms;
    expect(connection.totalCount).toBeGreaterThan(1);
    expect(connection.edges).toHaveLength(connection.totalCount);
    const ids = connection.edges.map((edge: Json) => edge.node.id);
    const one = (await ok(query, { code, first: 1 })).station.platforms;
    expect(one.edges.map((edge: Json) => edge.node.id)).toEqual(ids.slice(0, 1));
    expect(one.pageInfo.hasNextPage).toBe(true);
    const rest = (await ok(query, { code, first: 100, after: one.pageInfo.endCursor })).station.platforms;
    expect(rest.edges.map((edge: Json) => edge.node.id)).toEqual(ids.slice(1));
    const last = (await ok(query, { code, last: 1 })).station.platforms;
    expect(last.edges.map((edge: Json) => edge.node.id)).toEqual(ids.slice(-1));
    const back = (await ok(query, { code, last: 100, before: connection.edges[ids.length - 1].cursor })).station.platforms;
    expect(back.edges.map((edge: Json) => edge.node.id)).toEqual(ids.slice(0, -1));
    const kind = connection.edges[0].node.kind;
    const ofKind = (await ok(query, { code, first: 100, kind: [kind] })).station.platforms;
    expect(ofKind.edges.map((edge: Json) => edge.node.id)).toEqual(connection.edges.filter((edge: Json) => edge.node.kind === kind).map((edge: Json) => edge.node.id));
    const tooMany = await t.gql(query, { code, first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('GovServicePoint24h.serviceItems: 20 by default, backwards, at most 100, the same in a mutation’s payload as in a list', async () => {
    const codes: string[] = (await ok(`{ serviceItems(first: 30) { nodes { code } } }`)).serviceItems.nodes.map((node: Json) => node.code);
    const { stations } = await ok(`{ stations(first: 1, filter: { regionCode: "${SEED.anjuCommunityCode}", status: [OPEN] }) { nodes { id } } }`);
    const items = `serviceItems(${PAGING}) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor node { code } } }`;
    const created = await ok(
      `mutation($input: CreatePlatformInput!, ${PAGE_ARGS}) { createPlatform(input: $input) {
      platform { id ... on GovServicePoint24h { ${items} } } userErrors { field code message } } }`,
      {
        input: {
          kind: 'GOV_SERVICE_24H',
          stationId: stations.nodes[0].id,
          departmentCode: 'FC-ZWJ',
          name: '安居社区24小时政务服务驿站（三十项）',
          ownerRef: 'FCZWJ-24H-LIST-30',
          govService24h: { selfServiceTerminals: 2, serviceItemCodes: [...codes].reverse() },
        },
      },
    );
    expect(created.createPlatform.userErrors).toEqual([]);
    // The payload's platform is a record the mutation read: its list is read by the same plan as a listed one's.
    const payload = created.createPlatform.platform.serviceItems;
    expect(payload.totalCount).toBe(30);
    expect(payload.edges.map((edge: Json) => edge.node.code)).toEqual(codes.slice(0, 20));
    expect(payload.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const query = `query($search: String!, ${PAGE_ARGS}) { platforms(first: 1, filter: { search: $search }) { nodes { ... on GovServicePoint24h { ${items} } } } }`;
    const listed = async (variables: Record<string, unknown>) => (await ok(query, { search: 'FCZWJ-24H-LIST-30', ...variables })).platforms.nodes[0].serviceItems;
    expect(await listed({})).toEqual(payload);
    const all = await listed({ first: 100 });
    expect(all.edges.map((edge: Json) => edge.node.code)).toEqual(codes);
    const tail = await listed({ last: 6 });
    expect(tail.edges.map((edge: Json) => edge.node.code)).toEqual(codes.slice(-6));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await listed({ last: 4, before: all.edges[12].cursor });
    expect(before.edges.map((edge: Json) => edge.node.code)).toEqual(codes.slice(8, 12));
    const tooMany = await t.gql(query, { search: 'FCZWJ-24H-LIST-30', first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the catalogue lists are planned', () => {
  /** Every catalogue relation this work plans, nested under each root list (the types other lists reach are left out). */
  const DEPARTMENT = `code region { code } platforms(first: 3) { totalCount nodes { name station { code } ... on GovServicePoint24h { serviceItems(last: 2) { totalCount nodes { code } } } } }
    serviceItems(first: 3, includeInactive: true) { totalCount nodes { code stationCount stations(last: 2) { totalCount edges { cursor node { since station { code } } } } } }`;
  const LISTS: [string, string][] = [
    ['departments', `departments(first: $first, filter: { includeInactive: true }) { nodes { ${DEPARTMENT} } }`],
    [
      'serviceItems',
      `serviceItems(first: $first, orderBy: { field: NAME }) { nodes { code department { ${DEPARTMENT} } stations(first: 2, status: [ACTIVE]) { nodes { station { code platforms(first: 2) { nodes { kind } } } } } } }`,
    ],
    [
      'platforms',
      `platforms(first: $first, orderBy: { field: OWNER_REF, direction: DESC }) { nodes { ownerRef department { code } station { code platforms { totalCount } serviceItems(last: 3) { nodes { serviceItem { code } } } } } }`,
    ],
    ['organizations', `organizations(first: $first) { nodes { name contactName region { code } } }`],
    ['people', `people(first: $first, orderBy: { field: CREATED_AT }) { nodes { role name phone organization { name } region { code } } }`],
  ];

  it.each(LISTS)('%s: one statement for the whole selection, at 5 as at 60 rows', async (_name, selection) => {
    const document = `query($first: Int!) { list: ${selection} }`;
    const statementsFor = async (first: number) => {
      let rows = 0;
      const sent = await t.captureStatements(async () => {
        const data = await ok(document, { first });
        rows = data.list.nodes.length;
      });
      return { statements: sent.filter((text) => !/\b(api_client|rate_limit_bucket)\b/.test(text)).length, rows };
    };
    const small = await statementsFor(5);
    const large = await statementsFor(60);
    expect(small.rows).toBe(5);
    expect(large.rows).toBeGreaterThan(20);
    expect(large.statements).toBe(1);
    expect(small.statements).toBe(1);
  });
});
