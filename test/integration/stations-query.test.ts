import { useTestApp, type GraphQLResponse } from '../helpers/app';
import { SEED, XIANGYANG_POINT, YANPING_SEED } from '../helpers/fixtures';
import { distanceMetres, fromWgs84, CoordinateSystem } from '../../src/geo/coordinates';

const t = useTestApp();

const COUNT = `query($filter: StationFilter) { stations(first: 1, filter: $filter) { totalCount } }`;

async function count(filter: Record<string, unknown> = {}): Promise<number> {
  const res = await t.gql(COUNT, { filter });
  expect(res.errors).toBeUndefined();
  return res.data.stations.totalCount;
}

/** Xiangyang's figures are asked of Xiangyang: the seed also holds Yanping. */
const XIANGYANG = { regionCode: SEED.cityCode };

describe('stations: the seeded city answers the article’s numbers', () => {
  it('has 1,492 numbered stations in Xiangyang, and Yanping its own', async () => {
    expect(await count(XIANGYANG)).toBe(SEED.stationCount);
    expect(await count({ regionCode: YANPING_SEED.districtCode })).toBe(YANPING_SEED.stations);
    expect(await count()).toBe(SEED.stationCount + YANPING_SEED.stations);
  });

  it('has 300 stations in the 2023 plan, 72 rural stations opened in 2023 and 57 warm-new stations', async () => {
    expect(await count({ ...XIANGYANG, planYear: 2023 })).toBe(SEED.planYear2023);
    expect(await count({ ...XIANGYANG, kind: ['RURAL'], openedFrom: '2023-01-01', openedTo: '2023-12-31' })).toBe(SEED.ruralOpened2023);
    expect(await count({ ...XIANGYANG, kind: ['WARM_NEW'] })).toBe(SEED.warmNew);
  });

  it('filters by tier, kind and status as lists, and their counts add up', async () => {
    const tiers = await Promise.all(['BASIC', 'STANDARD', 'LEADING'].map((tier) => count({ ...XIANGYANG, tier: [tier] })));
    expect(tiers.every((n) => n > 0)).toBe(true);
    expect(tiers.reduce((a, b) => a + b, 0)).toBe(SEED.stationCount);
    expect(await count({ ...XIANGYANG, tier: ['BASIC', 'LEADING'] })).toBe(tiers[0] + tiers[2]);
    const statuses = await Promise.all(['PLANNED', 'UNDER_CONSTRUCTION', 'OPEN', 'SUSPENDED', 'CLOSED'].map((status) => count({ ...XIANGYANG, status: [status] })));
    expect(statuses.reduce((a, b) => a + b, 0)).toBe(SEED.stationCount);
    expect(statuses[2]).toBeGreaterThan(1000);
  });

  it('filters by region subtree: district counts add up to the city', async () => {
    const res = await t.gql(`{ regions(filter: { parentCode: "420600" }, first: 20) { nodes { code name stationCount } } }`);
    const districts = res.data.regions.nodes as { code: string; stationCount: number }[];
    expect(districts).toHaveLength(9);
    let sum = 0;
    for (const district of districts) {
      const n = await count({ regionCode: district.code });
      expect(n).toBe(district.stationCount);
      sum += n;
    }
    expect(sum).toBe(SEED.stationCount);
    expect(await count({ regionCode: SEED.cityCode })).toBe(SEED.stationCount);
    expect(await count({ regionCode: '999999' })).toBe(0);
  });
});

describe('stations: search, circles and location', () => {
  it('finds stations by Chinese text in the name, address or code', async () => {
    const res = await t.gql(`{ stations(first: 100, filter: { search: "安居" }) { totalCount nodes { name address code region { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.stations.totalCount).toBeGreaterThan(0);
    for (const s of res.data.stations.nodes) expect(`${s.name} ${s.address} ${s.code}`).toContain('安居');

    const byCode = await t.gql(`{ stations(first: 5, filter: { search: "${SEED.anjuCommunityCode}" }) { nodes { code } } }`);
    expect(byCode.data.stations.nodes.length).toBeGreaterThan(0);
    for (const s of byCode.data.stations.nodes) expect(s.code.startsWith(SEED.anjuCommunityCode)).toBe(true);

    // LIKE wildcards are taken literally.
    expect(await count({ search: '%' })).toBe(0);
    expect(await count({ search: '_' })).toBe(0);
  });

  it('filters by service circle, and every station listed belongs to it', async () => {
    const circles = await t.gql(`{ serviceCircles(first: 1, filter: { hasOpenStation: true }) { nodes { id name stationCount } } }`);
    const circle = circles.data.serviceCircles.nodes[0];
    const res = await t.gql(`query($id: ID!) { stations(first: 100, filter: { serviceCircleId: $id }) { totalCount nodes { serviceCircle { id name } } } }`, { id: circle.id });
    expect(res.data.stations.totalCount).toBe(circle.stationCount);
    for (const s of res.data.stations.nodes) expect(s.serviceCircle.id).toBe(circle.id);
  });

  it('finds stations within a radius, nearest first, with their distances on the edges', async () => {
    const near = { ...XIANGYANG_POINT, radiusMetres: 3000 };
    const res = await t.gql(
      `query($near: NearInput!) { stations(first: 100, filter: { near: $near }) { totalCount edges { distanceMetres node { code location { latitude longitude coordinateSystem } } } } }`,
      { near },
    );
    expect(res.errors).toBeUndefined();
    const edges = res.data.stations.edges as { distanceMetres: number; node: { location: { latitude: number; longitude: number } } }[];
    expect(edges.length).toBeGreaterThan(0);
    for (let i = 1; i < edges.length; i++) expect(edges[i].distanceMetres).toBeGreaterThanOrEqual(edges[i - 1].distanceMetres);
    for (const { distanceMetres: metres, node } of edges) {
      expect(metres).toBeLessThanOrEqual(3000);
      const haversine = distanceMetres({ lat: XIANGYANG_POINT.latitude, lng: XIANGYANG_POINT.longitude }, { lat: node.location.latitude, lng: node.location.longitude });
      expect(Math.abs(haversine - metres)).toBeLessThan(15);
    }
    // A larger radius finds at least as many.
    const wider = await count({ near: { ...XIANGYANG_POINT, radiusMetres: 10000 } });
    expect(wider).toBeGreaterThanOrEqual(res.data.stations.totalCount);
  });

  it('has no distance on edges of a list not filtered by location, nor on nested station lists', async () => {
    const res = await t.gql(`{ stations(first: 3, filter: { isHub: true }) { edges { distanceMetres node { hubMembers(first: 2) { edges { distanceMetres } } } } } }`);
    expect(res.errors).toBeUndefined();
    for (const edge of res.data.stations.edges) {
      expect(edge.distanceMetres).toBeNull();
      for (const member of edge.node.hubMembers.edges) expect(member.distanceMetres).toBeNull();
    }
    // The distance belongs to the query, so the station itself has none.
    const onNode = await t.gql(`{ stations(first: 1) { nodes { distanceMetres } } }`);
    expect(onNode.errors?.[0].message).toMatch(/distanceMetres/);
  });

  it('accepts the near point in GCJ-02 and returns locations in the coordinate system asked for', async () => {
    const wgs = { lat: XIANGYANG_POINT.latitude, lng: XIANGYANG_POINT.longitude };
    const gcj = fromWgs84(wgs, CoordinateSystem.GCJ02);
    const inWgs = await count({ near: { ...XIANGYANG_POINT, radiusMetres: 2000 } });
    const inGcj = await count({ near: { latitude: gcj.lat, longitude: gcj.lng, coordinateSystem: 'GCJ02', radiusMetres: 2000 } });
    expect(inGcj).toBe(inWgs);

    const res = await t.gql(`{ stations(first: 1) { nodes {
      wgs: location { latitude longitude coordinateSystem }
      gcj: location(coordinateSystem: GCJ02) { latitude longitude coordinateSystem }
      bd: location(coordinateSystem: BD09) { latitude longitude coordinateSystem } } } }`);
    const node = res.data.stations.nodes[0];
    expect(node.wgs.coordinateSystem).toBe('WGS84');
    expect(node.gcj.coordinateSystem).toBe('GCJ02');
    expect(node.bd.coordinateSystem).toBe('BD09');
    const expectedGcj = fromWgs84({ lat: node.wgs.latitude, lng: node.wgs.longitude }, CoordinateSystem.GCJ02);
    expect(node.gcj.latitude).toBeCloseTo(expectedGcj.lat, 6);
    expect(node.gcj.longitude).toBeCloseTo(expectedGcj.lng, 6);
    expect(node.bd.latitude - node.gcj.latitude).toBeGreaterThan(0.002);
  });

  it('refuses a radius out of range and a DISTANCE sort without a point', async () => {
    const big = await t.gql(COUNT, { filter: { near: { ...XIANGYANG_POINT, radiusMetres: 1e9 } } });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const sort = await t.gql(`{ stations(first: 1, orderBy: { field: DISTANCE }) { totalCount } }`);
    expect(sort.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('stations: ordering and keyset paging', () => {
  const PAGE = `query($after: String, $before: String, $first: Int, $last: Int, $orderBy: StationOrder, $filter: StationFilter) {
    stations(first: $first, last: $last, after: $after, before: $before, orderBy: $orderBy, filter: $filter) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id code name planYear openedOn createdAt } } } }`;

  it('walks all 1,561 stations (Xiangyang and Yanping) by code in pages of 100, each exactly once and in order', async () => {
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: GraphQLResponse = await t.gql(PAGE, { first: 100, after });
      expect(res.errors).toBeUndefined();
      const conn = res.data.stations;
      codes.push(...conn.edges.map((e: { node: { code: string } }) => e.node.code));
      pages++;
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    const all = SEED.stationCount + YANPING_SEED.stations;
    expect(pages).toBe(Math.ceil(all / 100));
    expect(codes).toHaveLength(all);
    expect(new Set(codes).size).toBe(all);
    expect([...codes].sort()).toEqual(codes);
  });

  it('pages backwards with last/before and meets the forward order', async () => {
    const forward = await t.gql(PAGE, { first: 30, orderBy: { field: 'NAME', direction: 'DESC' } });
    const names = forward.data.stations.edges.map((e: { node: { id: string } }) => e.node.id);
    const tenth = forward.data.stations.edges[20].cursor;
    const back = await t.gql(PAGE, { last: 20, before: tenth, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(back.errors).toBeUndefined();
    expect(back.data.stations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(names.slice(0, 20));
    expect(back.data.stations.pageInfo.hasPreviousPage).toBe(false);
    expect(back.data.stations.pageInfo.hasNextPage).toBe(true);
  });

  it.each(['PLAN_YEAR', 'OPENED_ON', 'CREATED_AT', 'UPDATED_AT', 'NAME'])('sorts by %s with stable keyset pages', async (field) => {
    const filter = { regionCode: SEED.fanchengCode };
    const all = await t.gql(PAGE, { first: 100, orderBy: { field, direction: 'ASC' }, filter });
    const firstPage = await t.gql(PAGE, { first: 40, orderBy: { field, direction: 'ASC' }, filter });
    const secondPage = await t.gql(PAGE, { first: 60, after: firstPage.data.stations.pageInfo.endCursor, orderBy: { field, direction: 'ASC' }, filter });
    const ids = (res: typeof all) => res.data.stations.edges.map((e: { node: { id: string } }) => e.node.id);
    expect([...ids(firstPage), ...ids(secondPage)]).toEqual(ids(all));
    if (field === 'PLAN_YEAR') {
      const years = all.data.stations.edges.map((e: { node: { planYear: number | null } }) => e.node.planYear ?? 0);
      expect([...years].sort((a: number, b: number) => a - b)).toEqual(years);
    }
  });

  it('rejects page sizes outside 1..100, both first and last, and a forged cursor', async () => {
    const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const args of [
      { first: 0 },
      { first: 101 },
      { last: 101 },
      { first: 5, last: 5 },
      { first: 5, after: 'bm90LWEtY3Vyc29y' },
      { first: 5, after: forged(['420606002011-001', 'not-a-uuid']) },
      { first: 5, after: forged(['yesterday', '00000000-0000-4000-8000-000000000000']), orderBy: { field: 'CREATED_AT' } },
      { last: 5, before: forged([{}, '00000000-0000-4000-8000-000000000000']) },
    ]) {
      const res = await t.gql(PAGE, args);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.data?.stations ?? null).toBeNull();
    }
  });
});

describe('station lookup', () => {
  it('finds a station by id and by code, and null for unknown ones', async () => {
    const list = await t.gql(
      `{ stations(first: 1, filter: { regionCode: "${SEED.anjuCommunityCode}" }) { nodes { id code name region { code name level ancestors { code } } } } }`,
    );
    const station = list.data.stations.nodes[0];
    expect(station.region.code).toBe(SEED.anjuCommunityCode);
    expect(station.region.name).toBe('安居社区');
    expect(station.region.ancestors.map((r: { code: string }) => r.code)).toEqual(['420000', '420600', '420606', '420606002000']);

    const byId = await t.gql(`query($id: ID!) { station(id: $id) { code } }`, { id: station.id });
    expect(byId.data.station.code).toBe(station.code);
    const byCode = await t.gql(`query($code: String!) { station(code: $code) { id name } }`, { code: station.code });
    expect(byCode.data.station).toEqual({ id: station.id, name: station.name });
    const none = await t.gql(`{ station(code: "420606002011-999") { id } }`);
    expect(none.data.station).toBeNull();
  });

  it('needs exactly one of id and code, and a Station id', async () => {
    for (const query of ['{ station { id } }', '{ station(id: "x", code: "y") { id } }']) {
      const res = await t.gql(query);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const region = await t.gql(`{ region(code: "420606") { id } }`);
    const wrongType = await t.gql(`query($id: ID!) { station(id: $id) { id } }`, { id: region.data.region.id });
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects an unknown enum value as a typed GraphQL error', async () => {
    const res = await t.gql(`{ stations(first: 1, filter: { tier: [GOLDEN] }) { totalCount } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
