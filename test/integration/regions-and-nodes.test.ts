import { useTestApp } from '../helpers/app';
import { SEED, YANPING_SEED } from '../helpers/fixtures';

const t = useTestApp();

describe('regions', () => {
  it('starts at the province and navigates the tree down and up', async () => {
    const roots = await t.gql(`{ regions(first: 10) { totalCount nodes { code name level parent { code } } } }`);
    expect(roots.data.regions.nodes).toEqual([
      { code: YANPING_SEED.provinceCode, name: '福建省', level: 'PROVINCE', parent: null },
      { code: SEED.provinceCode, name: '湖北省', level: 'PROVINCE', parent: null },
    ]);

    const city = await t.gql(`{ region(code: "${SEED.cityCode}") { name level stationCount parent { code }
      children(first: 20) { totalCount nodes { code name level } } } }`);
    expect(city.data.region).toMatchObject({ name: '襄阳市', level: 'CITY', stationCount: SEED.stationCount, parent: { code: SEED.provinceCode } });
    expect(city.data.region.children.totalCount).toBe(9);
    expect(city.data.region.children.nodes.map((n: { name: string }) => n.name)).toEqual(
      expect.arrayContaining(['襄城区', '樊城区', '襄州区', '南漳县', '谷城县', '保康县', '老河口市', '枣阳市', '宜城市']),
    );

    const anju = await t.gql(`{ region(code: "${SEED.anjuCommunityCode}") { name level ancestors { code name level } } }`);
    expect(anju.data.region.name).toBe('安居社区');
    expect(anju.data.region.ancestors.map((a: { level: string }) => a.level)).toEqual(['PROVINCE', 'CITY', 'DISTRICT', 'STREET']);
    expect(anju.data.region.ancestors[3].name).toBe('王寨街道');
  });

  it('pages children by code and filters by level and Chinese name', async () => {
    const first = await t.gql(`{ regions(filter: { parentCode: "${SEED.fanchengCode}" }, first: 3) { pageInfo { hasNextPage endCursor } nodes { code } } }`);
    const next = await t.gql(`query($after: String) { regions(filter: { parentCode: "${SEED.fanchengCode}" }, first: 3, after: $after) { nodes { code } } }`, {
      after: first.data.regions.pageInfo.endCursor,
    });
    const codes = [...first.data.regions.nodes, ...next.data.regions.nodes].map((n: { code: string }) => n.code);
    expect(first.data.regions.pageInfo.hasNextPage).toBe(true);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(6);

    const search = await t.gql(`{ regions(filter: { withinCode: "${SEED.cityCode}", level: COMMUNITY, search: "安居" }, first: 10) { nodes { code name level } } }`);
    expect(search.data.regions.nodes).toContainEqual({ code: SEED.anjuCommunityCode, name: '安居社区', level: 'COMMUNITY' });
    for (const node of search.data.regions.nodes) expect(node.name).toContain('安居');
  });

  it('orders by Chinese name either way and pages backwards in that order', async () => {
    type Page = { pageInfo: { startCursor: string; hasPreviousPage: boolean }; nodes: { name: string }[] };
    const list = async (args: string) => {
      const res = await t.gql(`{ regions(filter: { parentCode: "${SEED.cityCode}" }, ${args}) { pageInfo { startCursor hasPreviousPage } nodes { name } } }`);
      expect(res.errors).toBeUndefined();
      return res.data.regions as Page;
    };
    const names = (page: Page) => page.nodes.map((n) => n.name);
    const byName = await list('orderBy: { field: NAME }, first: 20');
    expect(names(byName)).toHaveLength(9);
    expect(names(byName)).toEqual([...names(byName)].sort());
    const descending = await list('orderBy: { field: NAME, direction: DESC }, first: 20');
    expect(names(descending)).toEqual([...names(byName)].reverse());
    // The last four by name, then the three before them: backwards through the same order.
    const tail = await list('orderBy: { field: NAME }, last: 4');
    expect(names(tail)).toEqual(names(byName).slice(5));
    const before = await list(`orderBy: { field: NAME }, last: 3, before: "${tail.pageInfo.startCursor}"`);
    expect(names(before)).toEqual(names(byName).slice(2, 5));
    expect(before.pageInfo.hasPreviousPage).toBe(true);
    // Default page size 20, at most 100.
    const tooMany = await t.gql(`{ regions(filter: { level: COMMUNITY }, first: 101) { nodes { code } } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const defaultPage = await t.gql(`{ regions(filter: { level: COMMUNITY }) { nodes { code } } }`);
    expect(defaultPage.data.regions.nodes).toHaveLength(20);
  });

  it('counts stations of a region by status', async () => {
    const res = await t.gql(`{ region(code: "${SEED.fanchengCode}") { all: stationCount open: stationCount(status: [OPEN]) some: stationCount(status: [OPEN, SUSPENDED]) } }`);
    const counts = await t.gql(`{ stations(first: 1, filter: { regionCode: "${SEED.fanchengCode}", status: [OPEN] }) { totalCount } }`);
    expect(res.data.region.open).toBe(counts.data.stations.totalCount);
    expect(res.data.region.some).toBeGreaterThanOrEqual(res.data.region.open);
    expect(res.data.region.all).toBeGreaterThanOrEqual(res.data.region.some);
  });
});

describe('service circles', () => {
  it('lists the urban circles with their districts and shows the coverage gaps', async () => {
    const all = await t.gql(
      `{ serviceCircles(first: 100) { totalCount nodes { name radiusMetres district { code level } center { latitude longitude coordinateSystem } stationCount } } }`,
    );
    expect(all.errors).toBeUndefined();
    const circles = all.data.serviceCircles.nodes;
    expect(circles.length).toBe(all.data.serviceCircles.totalCount);
    for (const circle of circles) {
      expect(['420602', '420606', '420607']).toContain(circle.district.code);
      expect(circle.name).toContain('15分钟便民服务圈');
    }
    const byName = await t.gql(`{ serviceCircles(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }`);
    const names = byName.data.serviceCircles.nodes.map((n: { name: string }) => n.name);
    expect(names).toHaveLength(circles.length);
    expect(names).toEqual([...names].sort().reverse());
    const covered = await t.gql(`{ serviceCircles(first: 1, filter: { hasOpenStation: true }) { totalCount } }`);
    const gaps = await t.gql(`{ serviceCircles(first: 100, filter: { hasOpenStation: false }) { totalCount nodes { id stationCount(status: [OPEN]) } } }`);
    expect(covered.data.serviceCircles.totalCount + gaps.data.serviceCircles.totalCount).toBe(circles.length);
    expect(gaps.data.serviceCircles.totalCount).toBeGreaterThan(0);
    for (const gap of gaps.data.serviceCircles.nodes) expect(gap.stationCount).toBe(0);
  });

  it('fetches one circle by id and refuses a non-circle id', async () => {
    const list = await t.gql(`{ serviceCircles(first: 1, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { id code } } }`);
    const { id, code } = list.data.serviceCircles.nodes[0];
    const one = await t.gql(`query($id: ID!) { serviceCircle(id: $id) { code center(coordinateSystem: BD09) { coordinateSystem } } }`, { id });
    expect(one.data.serviceCircle).toEqual({ code, center: { coordinateSystem: 'BD09' } });
    const wrong = await t.gql(`{ serviceCircle(id: "abc") { code } }`);
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('node and nodes', () => {
  it('refetches stations, regions and circles by their global IDs', async () => {
    const station = (await t.gql(`{ stations(first: 1) { nodes { id code } } }`)).data.stations.nodes[0];
    const region = (await t.gql(`{ region(code: "${SEED.fanchengCode}") { id } }`)).data.region;
    const circle = (await t.gql(`{ serviceCircles(first: 1) { nodes { id code } } }`)).data.serviceCircles.nodes[0];
    const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Station { code } ... on Region { name } ... on ServiceCircle { code } } }`, {
      ids: [station.id, region.id, circle.id, 'bm9wZQ'],
    });
    expect(res.data.nodes).toEqual([
      { __typename: 'Station', id: station.id, code: station.code },
      { __typename: 'Region', id: region.id, name: '樊城区' },
      { __typename: 'ServiceCircle', id: circle.id, code: circle.code },
      null,
    ]);
    const one = await t.gql(`query($id: ID!) { node(id: $id) { id ... on Station { code } } }`, { id: station.id });
    expect(one.data.node).toEqual(station);
  });

  it('answers null for malformed or unknown IDs and refuses more than 100', async () => {
    const unknownStation = Buffer.from('Station:00000000-0000-4000-8000-000000000000').toString('base64url');
    const res = await t.gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, { a: '!!!', b: unknownStation });
    expect(res.data).toEqual({ a: null, b: null });
    const many = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => unknownStation) });
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
