import { useTestApp } from '../helpers/app';
import { PLATFORM_SEED, SEED, XIANGYANG_POINT } from '../helpers/fixtures';

const t = useTestApp();

/** Every concrete type's own fields, through inline fragments on the interface. */
const PLATFORM = `__typename id kind name ownerRef active version createdAt updatedAt
  openingHours { windows { weekday opens closes kind } note }
  department { code name } station { id code }
  ... on UnionCareStation { amenities restSeats }
  ... on GigWorkStation { jobPostings matchesMade registeredWorkers }
  ... on GovServicePoint24h { selfServiceTerminals }
  ... on BusSelfServicePoint { busServices terminals }
  ... on PriceDisputeMediationPoint { casesReceived casesMediated mediators }
  ... on OtherPlatform { kindName }`;
const ERRORS = `userErrors { field code message }`;

const CREATE = `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { platform { ${PLATFORM} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) { platform { ${PLATFORM} } ${ERRORS} } }`;
const MOVE = `mutation($input: MovePlatformInput!) { movePlatform(input: $input) { platform { ${PLATFORM} } ${ERRORS} } }`;
const GET = `query($id: ID!) { platform(id: $id) { ${PLATFORM} } }`;
const COUNT = `query($filter: PlatformFilter) { platforms(first: 1, filter: $filter) { totalCount } }`;
const STATION_PLATFORMS = `query($id: ID!) { station(id: $id) { platforms(first: 100, includeInactive: true) { nodes { id ownerRef kind active } } } }`;

type Platform = Record<string, any>;
type UserError = { field: string[]; code: string; message: string };

async function count(filter: Record<string, unknown> = {}): Promise<number> {
  const res = await t.gql(COUNT, { filter });
  expect(res.errors).toBeUndefined();
  return res.data.platforms.totalCount;
}

/** Every platform, active or not: what a failed mutation must leave unchanged. */
const everything = () => count({ includeInactive: true });

async function get(id: string): Promise<Platform> {
  const res = await t.gql(GET, { id });
  expect(res.errors).toBeUndefined();
  return res.data.platform;
}

/** A station of 安居社区 (or another seeded community) in the given kind and status. */
async function stationIn(filter: Record<string, unknown>): Promise<{ id: string; code: string; name: string }> {
  const res = await t.gql(`query($filter: StationFilter) { stations(first: 1, filter: $filter) { nodes { id code name } } }`, { filter });
  expect(res.data.stations.nodes).toHaveLength(1);
  return res.data.stations.nodes[0];
}

let anjuStation: { id: string; code: string; name: string };
let otherStation: { id: string; code: string; name: string };
let refCounter = 0;

beforeAll(async () => {
  anjuStation = await stationIn({ regionCode: SEED.anjuCommunityCode, kind: ['COMMUNITY'], status: ['OPEN'] });
  otherStation = await stationIn({ regionCode: '420602', kind: ['COMMUNITY'], status: ['OPEN'] });
});

const DETAILS: Record<string, { departmentCode: string; input: Record<string, unknown>; fields: Record<string, unknown>; typename: string }> = {
  UNION_CARE_STATION: {
    departmentCode: 'XY-ZGH',
    typename: 'UnionCareStation',
    input: { unionCare: { amenities: ['WIFI', 'DRINKING_WATER', 'REST_SEATS', 'DRINKING_WATER'], restSeats: 8 } },
    fields: { amenities: ['DRINKING_WATER', 'REST_SEATS', 'WIFI'], restSeats: 8 },
  },
  GIG_WORK_STATION: {
    departmentCode: 'XY-RSJ',
    typename: 'GigWorkStation',
    input: { gigWork: { jobPostings: 120, matchesMade: 75, registeredWorkers: 300 } },
    fields: { jobPostings: 120, matchesMade: 75, registeredWorkers: 300 },
  },
  GOV_SERVICE_24H: {
    departmentCode: 'FC-ZWJ',
    typename: 'GovServicePoint24h',
    input: { govService24h: { selfServiceTerminals: 2 } },
    fields: { selfServiceTerminals: 2 },
  },
  BUS_SELF_SERVICE: {
    departmentCode: 'XY-GJJT',
    typename: 'BusSelfServicePoint',
    input: { busSelfService: { busServices: ['SENIOR_CARD', 'CARD_TOP_UP'], terminals: 1 } },
    fields: { busServices: ['CARD_TOP_UP', 'SENIOR_CARD'], terminals: 1 },
  },
  PRICE_DISPUTE_MEDIATION: {
    departmentCode: 'XY-SCJ',
    typename: 'PriceDisputeMediationPoint',
    input: { priceMediation: { casesReceived: 12, casesMediated: 12, mediators: 2 } },
    fields: { casesReceived: 12, casesMediated: 12, mediators: 2 },
  },
  OTHER: {
    departmentCode: 'XY-SFJ',
    typename: 'OtherPlatform',
    input: { other: { kindName: ' 法律服务站 ' } },
    fields: { kindName: '法律服务站' },
  },
};

function newPlatform(kind: string, overrides: Record<string, unknown> = {}) {
  refCounter += 1;
  return {
    kind,
    stationId: anjuStation.id,
    departmentCode: DETAILS[kind].departmentCode,
    name: '安居社区测试整合平台',
    ownerRef: `TEST-${kind}-${refCounter}`,
    openingHours: { windows: [{ weekday: 'MONDAY', opens: '08:30', closes: '17:30' }], note: '节假日另行通知' },
    ...DETAILS[kind].input,
    ...overrides,
  };
}

async function create(kind: string, overrides: Record<string, unknown> = {}): Promise<Platform> {
  const res = await t.gql(CREATE, { input: newPlatform(kind, overrides) });
  expect(res.errors).toBeUndefined();
  expect(res.data.createPlatform.userErrors).toEqual([]);
  return res.data.createPlatform.platform;
}

/** Runs a create that must fail with exactly `expected` (field, code, message fragment) and checks nothing was written. */
async function expectCreateRefused(input: Record<string, unknown>, expected: { field: string[]; code: string; message?: string }) {
  const before = await everything();
  const res = await t.gql(CREATE, { input });
  expect(res.errors).toBeUndefined();
  expect(res.data.createPlatform.platform).toBeNull();
  const errors: UserError[] = res.data.createPlatform.userErrors;
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ field: expected.field, code: expected.code });
  if (expected.message) expect(errors[0].message).toContain(expected.message);
  expect(await everything()).toBe(before);
  return errors[0];
}

describe('platforms: the seeded registry', () => {
  it('counts the seeded platforms, active by default and all with includeInactive', async () => {
    expect(await count()).toBe(PLATFORM_SEED.active);
    expect(await count({ includeInactive: true })).toBe(PLATFORM_SEED.total);
    for (const [kind, n] of Object.entries(PLATFORM_SEED.activeByKind)) expect(await count({ kind: [kind] })).toBe(n);
    for (const [kind, n] of Object.entries(PLATFORM_SEED.byKind)) expect(await count({ kind: [kind], includeInactive: true })).toBe(n);
    expect(await count({ kind: ['GOV_SERVICE_24H', 'BUS_SELF_SERVICE'] })).toBe(PLATFORM_SEED.activeByKind.GOV_SERVICE_24H + PLATFORM_SEED.activeByKind.BUS_SELF_SERVICE);
  });

  it('filters by owning department', async () => {
    expect(await count({ departmentCode: 'XY-ZGH' })).toBe(PLATFORM_SEED.activeByKind.UNION_CARE_STATION);
    expect(await count({ departmentCode: 'XY-RSJ', includeInactive: true })).toBe(PLATFORM_SEED.byKind.GIG_WORK_STATION);
    const byBureau = await Promise.all(['XY-ZWJ', 'XC-ZWJ', 'FC-ZWJ', 'XZ-ZWJ'].map((code) => count({ departmentCode: code })));
    expect(byBureau.every((n) => n > 0)).toBe(true);
    expect(byBureau.reduce((a, b) => a + b, 0)).toBe(PLATFORM_SEED.byKind.GOV_SERVICE_24H);
    expect(await count({ departmentCode: 'XY-ZGH', kind: ['GIG_WORK_STATION'] })).toBe(0);
    expect(await count({ departmentCode: 'NO-SUCH-DEPT' })).toBe(0);
  });

  it('filters by the region subtree of the station: districts add up to the city, 24-hour points only in urban districts', async () => {
    expect(await count({ regionCode: SEED.cityCode })).toBe(PLATFORM_SEED.active);
    const districts = ['420602', '420606', '420607', '420624', '420625', '420626', '420682', '420683', '420684'];
    const perDistrict = await Promise.all(districts.map((code) => count({ regionCode: code, includeInactive: true })));
    expect(perDistrict.reduce((a, b) => a + b, 0)).toBe(PLATFORM_SEED.total);
    const urban24h = await Promise.all(['420602', '420606', '420607'].map((code) => count({ regionCode: code, kind: ['GOV_SERVICE_24H'] })));
    expect(urban24h.reduce((a, b) => a + b, 0)).toBe(PLATFORM_SEED.byKind.GOV_SERVICE_24H);
    expect(await count({ regionCode: '420624', kind: ['GOV_SERVICE_24H', 'BUS_SELF_SERVICE'] })).toBe(0);
    expect(await count({ regionCode: SEED.anjuCommunityCode, kind: ['UNION_CARE_STATION'] })).toBe(PLATFORM_SEED.anjuUnionCareRefs.length);
    expect(await count({ regionCode: '999999' })).toBe(0);
  });

  it('filters by station, and refuses a malformed station ID', async () => {
    const res = await t.gql(
      `{ platformByOwnerRef(departmentCode: "XY-ZGH", ownerRef: "${PLATFORM_SEED.anjuUnionCareRefs[0]}") { station { id platforms { totalCount nodes { id } } } } }`,
    );
    const station = res.data.platformByOwnerRef.station;
    expect(station.platforms.nodes.length).toBeGreaterThan(0);
    expect(station.platforms.totalCount).toBe(station.platforms.nodes.length);
    expect(await count({ stationId: station.id })).toBe(station.platforms.nodes.length);
    const bad = await t.gql(COUNT, { filter: { stationId: 'not-an-id' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('searches names and owner references, in Chinese', async () => {
    expect(await count({ search: '爱心驿站' })).toBe(PLATFORM_SEED.activeByKind.UNION_CARE_STATION);
    const anju = await t.gql(`{ platforms(first: 20, filter: { search: "安居" }) { totalCount nodes { name kind } } }`);
    expect(anju.data.platforms.totalCount).toBeGreaterThanOrEqual(3);
    for (const node of anju.data.platforms.nodes) expect(node.name).toContain('安居');
    expect(anju.data.platforms.nodes.map((n: { kind: string }) => n.kind)).toContain('PRICE_DISPUTE_MEDIATION');
    // ZGH-AX-0120 … ZGH-AX-0129; 0120 has withdrawn.
    expect(await count({ search: 'ZGH-AX-012' })).toBe(9);
    expect(await count({ search: 'ZGH-AX-012', includeInactive: true })).toBe(10);
    expect(await count({ search: '零工', kind: ['GIG_WORK_STATION'] })).toBe(PLATFORM_SEED.activeByKind.GIG_WORK_STATION);
    expect(await count({ search: '100%_' })).toBe(0);
  });

  it('pages forwards and backwards by name without gaps or overlaps', async () => {
    const PAGE = `query($after: String, $before: String, $first: Int, $last: Int) {
      platforms(first: $first, after: $after, last: $last, before: $before, filter: { kind: [BUS_SELF_SERVICE] }) {
        pageInfo { hasNextPage hasPreviousPage endCursor startCursor } edges { cursor node { id name } } } }`;
    const all = await t.gql(PAGE, { first: 100 });
    const ids = all.data.platforms.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toHaveLength(PLATFORM_SEED.activeByKind.BUS_SELF_SERVICE);
    const page1 = await t.gql(PAGE, { first: 15 });
    const page2 = await t.gql(PAGE, { first: 15, after: page1.data.platforms.pageInfo.endCursor });
    expect(page1.data.platforms.pageInfo.hasNextPage).toBe(true);
    expect([...page1.data.platforms.edges, ...page2.data.platforms.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(0, 30));
    const back = await t.gql(PAGE, { last: 15, before: page2.data.platforms.pageInfo.startCursor });
    expect(back.data.platforms.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(0, 15));
    const forged = await t.gql(PAGE, { first: 5, after: Buffer.from(JSON.stringify([1, 'x'])).toString('base64url') });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('platforms: one interface, a concrete type per kind', () => {
  it('lists every kind on a station with its own fields, through inline fragments', async () => {
    for (const [kind, spec] of Object.entries(DETAILS)) {
      const res = await t.gql(
        `query($kind: [PlatformKind!]) { platforms(first: 1, filter: { kind: $kind }) { nodes { station { code platforms(kind: $kind) { nodes { ${PLATFORM} } } } } } }`,
        { kind: [kind] },
      );
      expect(res.errors).toBeUndefined();
      const [platform] = res.data.platforms.nodes[0].station.platforms.nodes;
      expect(platform.__typename).toBe(spec.typename);
      expect(platform.kind).toBe(kind);
      expect(platform.department.code).toBeTruthy();
      expect(platform.station.code).toBe(res.data.platforms.nodes[0].station.code);
      for (const field of Object.keys(spec.fields)) expect(platform).toHaveProperty(field);
      // Only its own kind's fields come back.
      const foreign = Object.entries(DETAILS)
        .filter(([other]) => other !== kind)
        .flatMap(([, other]) => Object.keys(other.fields));
      for (const field of foreign) expect(platform).not.toHaveProperty(field);
    }
  });

  it('shows 安居社区’s platforms, by kind then name, with the seeded figures', async () => {
    const res = await t.gql(`{ stations(first: 10, filter: { regionCode: "${SEED.anjuCommunityCode}" }) { nodes { code kind platforms { nodes { ${PLATFORM} } } } } }`);
    const platforms: Platform[] = res.data.stations.nodes.flatMap((s: { platforms: { nodes: Platform[] } }) => s.platforms.nodes);
    const care = platforms.filter((p) => p.__typename === 'UnionCareStation');
    expect(care.map((p) => p.ownerRef).sort()).toEqual([...PLATFORM_SEED.anjuUnionCareRefs]);
    for (const platform of care) {
      expect(platform.department).toEqual({ code: 'XY-ZGH', name: '襄阳市总工会' });
      expect(platform.amenities).toEqual(expect.arrayContaining(['DRINKING_WATER', 'PHONE_CHARGING']));
      expect(platform.restSeats > 0).toBe(platform.amenities.includes('REST_SEATS'));
      expect(platform.openingHours.windows.length).toBeGreaterThanOrEqual(7);
    }
    const warmNew = res.data.stations.nodes.find((s: { kind: string }) => s.kind === 'WARM_NEW');
    expect(warmNew.platforms.nodes.map((p: Platform) => p.name)).toContain('安居社区暖新工会爱心驿站');
    for (const station of res.data.stations.nodes) {
      const kinds = station.platforms.nodes.map((p: Platform) => p.kind);
      const order = Object.keys(DETAILS);
      expect(kinds).toEqual([...kinds].sort((a: string, b: string) => order.indexOf(a) - order.indexOf(b)));
    }
  });

  it('filters a station’s platforms by kind and hides withdrawn ones unless asked', async () => {
    const inactive = await t.gql(
      `{ platformByOwnerRef(departmentCode: "${PLATFORM_SEED.inactiveRef.departmentCode}", ownerRef: "${PLATFORM_SEED.inactiveRef.ownerRef}") { id active station { id } } }`,
    );
    const { id, active, station } = inactive.data.platformByOwnerRef;
    expect(active).toBe(false);
    const res = await t.gql(
      `query($id: ID!) { station(id: $id) {
      all: platforms(includeInactive: true) { nodes { id } } shown: platforms { nodes { id } } care: platforms(kind: [UNION_CARE_STATION], includeInactive: true) { nodes { id kind } }
      none: platforms(kind: [GOV_SERVICE_24H, OTHER], includeInactive: true) { nodes { id kind } } } }`,
      { id: station.id },
    );
    const s = Object.fromEntries(Object.entries(res.data.station).map(([key, value]) => [key, (value as { nodes: Platform[] }).nodes]));
    expect(s.all.map((p: Platform) => p.id)).toContain(id);
    expect(s.shown.map((p: Platform) => p.id)).not.toContain(id);
    expect(s.shown).toHaveLength(s.all.length - 1);
    expect(s.care).toEqual([{ id, kind: 'UNION_CARE_STATION' }]);
    expect(s.none.every((p: Platform) => p.kind !== 'UNION_CARE_STATION')).toBe(true);
  });

  it('fetches a platform by ID and through node(id) as its concrete type', async () => {
    const seeded = await t.gql(`{ platforms(first: 1, filter: { kind: [PRICE_DISPUTE_MEDIATION] }) { nodes { id ownerRef } } }`);
    const { id, ownerRef } = seeded.data.platforms.nodes[0];
    const node = await t.gql(
      `query($id: ID!) { node(id: $id) { __typename id ... on Platform { ownerRef kind } ... on PriceDisputeMediationPoint { casesReceived casesMediated } } }`,
      { id },
    );
    expect(node.data.node).toMatchObject({ __typename: 'PriceDisputeMediationPoint', id, ownerRef, kind: 'PRICE_DISPUTE_MEDIATION' });
    expect(node.data.node.casesMediated).toBeLessThanOrEqual(node.data.node.casesReceived);
    const nodes = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`, { ids: [id, anjuStation.id] });
    expect(nodes.data.nodes).toEqual([{ __typename: 'PriceDisputeMediationPoint' }, { __typename: 'Station' }]);
    expect((await get(id)).__typename).toBe('PriceDisputeMediationPoint');
    const wrongType = await t.gql(GET, { id: anjuStation.id });
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(GET, { id: Buffer.from('Platform:00000000-0000-4000-8000-000000000000').toString('base64url') });
    expect(unknown.data.platform).toBeNull();
  });

  it('finds a platform by its department’s own ID for it', async () => {
    const res = await t.gql(
      `{ platformByOwnerRef(departmentCode: "XY-ZGH", ownerRef: "ZGH-AX-0001") { __typename ownerRef department { code } ... on UnionCareStation { amenities } } }`,
    );
    expect(res.data.platformByOwnerRef).toMatchObject({ __typename: 'UnionCareStation', ownerRef: 'ZGH-AX-0001', department: { code: 'XY-ZGH' } });
    const wrongDepartment = await t.gql(`{ platformByOwnerRef(departmentCode: "XY-RSJ", ownerRef: "ZGH-AX-0001") { id } }`);
    expect(wrongDepartment.data.platformByOwnerRef).toBeNull();
    const unknown = await t.gql(`{ platformByOwnerRef(departmentCode: "XY-ZGH", ownerRef: "ZGH-AX-9999") { id } }`);
    expect(unknown.data.platformByOwnerRef).toBeNull();
  });

  it('lists a department’s platforms by owner reference, paged both ways', async () => {
    const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $all: Boolean!) { department(code: "XY-RSJ") {
      platforms(first: $first, after: $after, last: $last, before: $before, includeInactive: $all) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { __typename ownerRef active } } } }`;
    const first = await t.gql(PAGE, { first: 30, all: false });
    const page = first.data.department.platforms;
    expect(page.totalCount).toBe(PLATFORM_SEED.activeByKind.GIG_WORK_STATION);
    expect(page.nodes).toHaveLength(30);
    expect(page.nodes[0]).toEqual({ __typename: 'GigWorkStation', ownerRef: 'RSJ-LG-0001', active: true });
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const refs = page.nodes.map((n: Platform) => n.ownerRef);
    expect(refs).toEqual([...refs].sort());
    expect(refs).not.toContain('RSJ-LG-0040');
    const second = await t.gql(PAGE, { first: 30, after: page.pageInfo.endCursor, all: false });
    const next = second.data.department.platforms.nodes.map((n: Platform) => n.ownerRef);
    expect(next[0] > refs[29]).toBe(true);
    expect(next).not.toContain('RSJ-LG-0040');
    const last = await t.gql(PAGE, { last: 5, all: true });
    expect(last.data.department.platforms.nodes.map((n: Platform) => n.ownerRef)).toEqual(['RSJ-LG-0096', 'RSJ-LG-0097', 'RSJ-LG-0098', 'RSJ-LG-0099', 'RSJ-LG-0100']);
    expect(last.data.department.platforms.totalCount).toBe(PLATFORM_SEED.byKind.GIG_WORK_STATION);
    expect(last.data.department.platforms.pageInfo.hasPreviousPage).toBe(true);
    const before = await t.gql(PAGE, { last: 2, before: last.data.department.platforms.pageInfo.startCursor, all: true });
    expect(before.data.department.platforms.nodes.map((n: Platform) => n.ownerRef)).toEqual(['RSJ-LG-0094', 'RSJ-LG-0095']);
    const none = await t.gql(`{ department(code: "XY-ZZB") { platforms(first: 5) { totalCount nodes { id } pageInfo { hasNextPage } } } }`);
    expect(none.data.department.platforms).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    const tooMany = await t.gql(`{ department(code: "XY-RSJ") { platforms(first: 101) { totalCount } } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('platforms: reads are batched', () => {
  it('costs the same for 10 as for 100 stations with every kind’s fields and the department', async () => {
    const PAGE = `query($first: Int!) { stations(first: $first, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { code
      platforms { nodes { __typename kind name ownerRef openingHours { note } department { name } station { code }
        ... on UnionCareStation { amenities restSeats }
        ... on GigWorkStation { jobPostings matchesMade registeredWorkers }
        ... on GovServicePoint24h { selfServiceTerminals }
        ... on BusSelfServicePoint { busServices terminals }
        ... on PriceDisputeMediationPoint { casesReceived casesMediated mediators }
        ... on OtherPlatform { kindName } } } } } }`;
    const run = async (first: number) => {
      let platforms = 0;
      const statements = await t.countStatements(async () => {
        const res = await t.gql(PAGE, { first });
        expect(res.errors).toBeUndefined();
        expect(res.data.stations.nodes).toHaveLength(first);
        platforms = res.data.stations.nodes.reduce((n: number, s: { platforms: { nodes: unknown[] } }) => n + s.platforms.nodes.length, 0);
      });
      return { statements, platforms };
    };
    const small = await run(10);
    const large = await run(100);
    expect(large.platforms).toBeGreaterThan(small.platforms);
    expect(large.platforms).toBeGreaterThan(50);
    expect(large.statements).toBe(small.statements);
    // the caller's key + stations page + platforms + departments (stations of the
    // platforms are already loaded)
    expect(large.statements).toBeLessThanOrEqual(5);
  });

  it('costs the same for 3 as for 23 departments with a page of their platforms each', async () => {
    const PAGE = `query($first: Int!) { departments(first: $first) { nodes { code platforms(first: 3) { totalCount nodes { ownerRef station { code } } } } } }`;
    const run = (first: number) =>
      t.countStatements(async () => {
        const res = await t.gql(PAGE, { first });
        expect(res.errors).toBeUndefined();
        expect(res.data.departments.nodes).toHaveLength(first);
      });
    const small = await run(3);
    const large = await run(23);
    expect(large).toBe(small);
    // the caller's key + departments page + one windowed page + one grouped count + stations
    expect(large).toBeLessThanOrEqual(5);
  });
});

describe('createPlatform', () => {
  it.each(Object.keys(DETAILS))('registers a %s with its own fields', async (kind) => {
    const spec = DETAILS[kind];
    const input = newPlatform(kind);
    const res = await t.gql(CREATE, { input });
    expect(res.data.createPlatform.userErrors).toEqual([]);
    const platform = res.data.createPlatform.platform;
    expect(platform).toMatchObject({
      __typename: spec.typename,
      kind,
      name: '安居社区测试整合平台',
      ownerRef: input.ownerRef,
      active: true,
      version: 1,
      department: { code: spec.departmentCode },
      station: { id: anjuStation.id, code: anjuStation.code },
      openingHours: { windows: [{ weekday: 'MONDAY', opens: '08:30', closes: '17:30', kind: 'REGULAR' }], note: '节假日另行通知' },
      ...spec.fields,
    });
    expect(await get(platform.id)).toEqual(platform);
    const onStation = await t.gql(STATION_PLATFORMS, { id: anjuStation.id });
    expect(onStation.data.station.platforms.nodes.map((p: Platform) => p.id)).toContain(platform.id);
    const byRef = await t.gql(`query($d: String!, $r: String!) { platformByOwnerRef(departmentCode: $d, ownerRef: $r) { id } }`, { d: spec.departmentCode, r: input.ownerRef });
    expect(byRef.data.platformByOwnerRef.id).toBe(platform.id);
  });

  it('accepts a platform without opening hours, and an optional figure left out', async () => {
    const platform = await create('BUS_SELF_SERVICE', { openingHours: null, busSelfService: { busServices: ['ROUTE_INQUIRY'] } });
    expect(platform.openingHours).toBeNull();
    expect(platform.terminals).toBeNull();
  });

  it('lets two departments use the same owner reference', async () => {
    const a = await create('GOV_SERVICE_24H', { ownerRef: 'SHARED-0001', departmentCode: 'XC-ZWJ' });
    const b = await create('GOV_SERVICE_24H', { ownerRef: 'SHARED-0001', departmentCode: 'FC-ZWJ' });
    expect(a.id).not.toBe(b.id);
  });

  it('refuses the details of another kind, and changes nothing', async () => {
    const error = await expectCreateRefused(newPlatform('GIG_WORK_STATION', { unionCare: { amenities: ['WIFI'] } }), {
      field: ['input', 'unionCare'],
      code: 'INVALID',
      message: '这是一个“人社零工驿站”，请在 gigWork 中填写',
    });
    expect(error.message).toContain('unionCare 属于“工会爱心驿站”');
  });

  it('refuses a platform without the details of its kind, and changes nothing', async () => {
    const input = newPlatform('PRICE_DISPUTE_MEDIATION');
    delete (input as Record<string, unknown>).priceMediation;
    await expectCreateRefused(input, { field: ['input', 'priceMediation'], code: 'REQUIRED', message: '请在 priceMediation 中填写“价格争议调解站”的专项信息' });
  });

  it.each([
    [
      'more cases mediated than received',
      'PRICE_DISPUTE_MEDIATION',
      { priceMediation: { casesReceived: 10, casesMediated: 11, mediators: 1 } },
      ['input', 'priceMediation', 'casesMediated'],
      'INVALID',
      '调解成功案件数（11）不能多于受理案件数（10）',
    ],
    [
      'no mediator',
      'PRICE_DISPUTE_MEDIATION',
      { priceMediation: { casesReceived: 10, casesMediated: 5, mediators: 0 } },
      ['input', 'priceMediation', 'mediators'],
      'INVALID',
      '调解员人数须为 1 至 100 之间的整数',
    ],
    [
      'more matches than postings',
      'GIG_WORK_STATION',
      { gigWork: { jobPostings: 5, matchesMade: 6, registeredWorkers: 9 } },
      ['input', 'gigWork', 'matchesMade'],
      'INVALID',
      '撮合成功数（6）不能多于发布岗位数（5）',
    ],
    [
      'a negative count',
      'GIG_WORK_STATION',
      { gigWork: { jobPostings: 5, matchesMade: 1, registeredWorkers: -3 } },
      ['input', 'gigWork', 'registeredWorkers'],
      'INVALID',
      '您填写的是 -3',
    ],
    [
      'a 24-hour point without terminals',
      'GOV_SERVICE_24H',
      { govService24h: { selfServiceTerminals: 0 } },
      ['input', 'govService24h', 'selfServiceTerminals'],
      'INVALID',
      '自助服务终端数须为 1 至 50',
    ],
    ['no amenities', 'UNION_CARE_STATION', { unionCare: { amenities: [] } }, ['input', 'unionCare', 'amenities'], 'REQUIRED', '请至少选择一项爱心驿站服务设施'],
    [
      'rest seats without the amenity',
      'UNION_CARE_STATION',
      { unionCare: { amenities: ['WIFI'], restSeats: 6 } },
      ['input', 'unionCare', 'restSeats'],
      'INVALID',
      '请在服务设施中同时勾选“休息座椅”',
    ],
    [
      'the rest-seat amenity with no seats',
      'UNION_CARE_STATION',
      { unionCare: { amenities: ['REST_SEATS'], restSeats: 0 } },
      ['input', 'unionCare', 'restSeats'],
      'INVALID',
      '休息座位数不能为 0',
    ],
    ['no bus service', 'BUS_SELF_SERVICE', { busSelfService: { busServices: [] } }, ['input', 'busSelfService', 'busServices'], 'REQUIRED', '请至少选择一项公交自助服务'],
    ['an empty kind name', 'OTHER', { other: { kindName: '  ' } }, ['input', 'other', 'kindName'], 'REQUIRED', '请填写平台类型名称'],
    ['a kind name over 30 characters', 'OTHER', { other: { kindName: '服'.repeat(31) } }, ['input', 'other', 'kindName'], 'TOO_LONG', '不能超过 30 个字'],
    ['an empty name', 'OTHER', { name: ' ' }, ['input', 'name'], 'REQUIRED', '请填写平台名称'],
    ['an owner reference with a space', 'OTHER', { ownerRef: 'SFJ FL 1' }, ['input', 'ownerRef'], 'INVALID', '不能含空格'],
    [
      'bad opening hours',
      'OTHER',
      { openingHours: { windows: [{ weekday: 'MONDAY', opens: '18:00', closes: '09:00' }] } },
      ['input', 'openingHours', 'windows', '0', 'closes'],
      'INVALID',
      '结束时间须晚于开始时间',
    ],
    [
      'a malformed opening time',
      'OTHER',
      { openingHours: { windows: [{ weekday: 'MONDAY', opens: '8点', closes: '12:00' }] } },
      ['input', 'openingHours', 'windows', '0', 'opens'],
      'INVALID',
      '请按“时:分”填写',
    ],
    ['an unknown department', 'OTHER', { departmentCode: 'XY-NONE' }, ['input', 'departmentCode'], 'NOT_FOUND', '找不到代码为“XY-NONE”的部门'],
    [
      'an unknown station',
      'OTHER',
      { stationId: Buffer.from('Station:00000000-0000-4000-8000-000000000000').toString('base64url') },
      ['input', 'stationId'],
      'NOT_FOUND',
      '找不到该驿站',
    ],
    ['a malformed station ID', 'OTHER', { stationId: 'nonsense' }, ['input', 'stationId'], 'INVALID', '这不是驿站的 ID'],
  ])('refuses %s with a Chinese user error, and changes nothing', async (_label, kind, overrides, field, code, message) => {
    await expectCreateRefused(newPlatform(kind as string, overrides as Record<string, unknown>), { field: field as string[], code: code as string, message: message as string });
  });

  it('reports several problems at once, in English when asked', async () => {
    const before = await everything();
    const res = await t.gql(
      CREATE,
      { input: newPlatform('GIG_WORK_STATION', { name: '', gigWork: { jobPostings: 1, matchesMade: 2, registeredWorkers: 0 }, departmentCode: 'XY-NONE' }) },
      { 'accept-language': 'en' },
    );
    const errors: UserError[] = res.data.createPlatform.userErrors;
    expect(errors.map((e) => e.field.join('.')).sort()).toEqual(['input.departmentCode', 'input.gigWork.matchesMade', 'input.name']);
    expect(errors.find((e) => e.field[1] === 'gigWork')!.message).toBe('The openings filled (2) cannot exceed the openings posted (1); check the figures.');
    expect(await everything()).toBe(before);
  });

  it('refuses an inactive department, and changes nothing', async () => {
    const created = await t.gql(
      `mutation { createDepartment(input: { code: "XY-QL", name: "襄阳市归国华侨联合会", shortName: "市侨联", level: CITY, regionCode: "420600" }) { department { id version } userErrors { code } } }`,
    );
    const department = created.data.createDepartment.department;
    const off = await t.gql(`mutation($id: ID!, $v: Int!) { updateDepartment(input: { id: $id, version: $v, active: false }) { userErrors { code } } }`, {
      id: department.id,
      v: department.version,
    });
    expect(off.data.updateDepartment.userErrors).toEqual([]);
    await expectCreateRefused(newPlatform('OTHER', { departmentCode: 'XY-QL', other: { kindName: '侨胞之家' } }), {
      field: ['input', 'departmentCode'],
      code: 'INVALID',
      message: '部门“襄阳市归国华侨联合会”已停用',
    });
  });

  it('refuses a closed station and an archived one, and changes nothing', async () => {
    const closed = await stationIn({ status: ['CLOSED'] });
    await expectCreateRefused(newPlatform('UNION_CARE_STATION', { stationId: closed.id }), {
      field: ['input', 'stationId'],
      code: 'INVALID',
      message: `驿站“${closed.name}”（${closed.code}）已关闭，不能接入整合平台`,
    });
    const archived = await archivedStation();
    await expectCreateRefused(newPlatform('UNION_CARE_STATION', { stationId: archived.id }), {
      field: ['input', 'stationId'],
      code: 'ARCHIVED',
      message: '已归档，不能接入整合平台',
    });
  });

  it('refuses an owner reference its department already uses, also under concurrent creation', async () => {
    const error = await expectCreateRefused(newPlatform('UNION_CARE_STATION', { ownerRef: 'ZGH-AX-0001' }), { field: ['input', 'ownerRef'], code: 'ALREADY_EXISTS' });
    expect(error.message).toBe('“襄阳市总工会”已有编号为“ZGH-AX-0001”的整合平台，请核对编号，或修改已有的那一条。');

    const before = await everything();
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql(CREATE, { input: newPlatform('GIG_WORK_STATION', { ownerRef: 'RSJ-LG-RACE' }) })));
    const winners = results.filter((res) => res.data.createPlatform.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    for (const res of results) if (res !== winners[0]) expect(res.data.createPlatform.userErrors[0]).toMatchObject({ field: ['input', 'ownerRef'], code: 'ALREADY_EXISTS' });
    expect(await everything()).toBe(before + 1);
  });

  it('rejects an unknown kind or amenity before running anything', async () => {
    const before = await everything();
    const res = await t.gql(CREATE, { input: newPlatform('UNION_CARE_STATION', { unionCare: { amenities: ['SAUNA'] } }) });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await everything()).toBe(before);
  });
});

/** A station that was planned, dropped (CLOSED) and archived. */
async function archivedStation(): Promise<{ id: string; code: string; name: string }> {
  const created = await t.gql(`mutation($input: CreateStationInput!) { createStation(input: $input) { station { id code name version } } }`, {
    input: {
      name: '安居社区规划撤销驿站',
      regionCode: SEED.anjuCommunityCode,
      tier: 'BASIC',
      kind: 'COMMUNITY',
      address: '湖北省襄阳市樊城区王寨街道安居路20号',
      location: { ...XIANGYANG_POINT },
    },
  });
  const station = created.data.createStation.station;
  const closed = await t.gql(`mutation($id: ID!, $v: Int!) { changeStationStatus(input: { id: $id, version: $v, status: CLOSED }) { station { version } } }`, {
    id: station.id,
    v: station.version,
  });
  const archived = await t.gql(`mutation($id: ID!, $v: Int!) { archiveStation(input: { id: $id, version: $v }) { station { archivedAt } userErrors { code } } }`, {
    id: station.id,
    v: closed.data.changeStationStatus.station.version,
  });
  expect(archived.data.archiveStation.userErrors).toEqual([]);
  return station;
}

describe('updatePlatform', () => {
  it('changes the given fields and replaces the kind’s figures, bumping the version', async () => {
    const platform = await create('PRICE_DISPUTE_MEDIATION');
    const res = await t.gql(UPDATE, {
      input: {
        id: platform.id,
        version: 1,
        name: '安居社区价格争议调解站（二）',
        ownerRef: 'SCJ-JT-TEST-1',
        priceMediation: { casesReceived: 40, casesMediated: 36, mediators: 3 },
      },
    });
    expect(res.data.updatePlatform.userErrors).toEqual([]);
    expect(res.data.updatePlatform.platform).toMatchObject({
      __typename: 'PriceDisputeMediationPoint',
      name: '安居社区价格争议调解站（二）',
      ownerRef: 'SCJ-JT-TEST-1',
      casesReceived: 40,
      casesMediated: 36,
      mediators: 3,
      version: 2,
      openingHours: platform.openingHours,
    });
    const cleared = await t.gql(UPDATE, { input: { id: platform.id, version: 2, openingHours: null } });
    expect(cleared.data.updatePlatform.platform).toMatchObject({ openingHours: null, version: 3, casesReceived: 40 });
  });

  it('deactivates instead of deleting, and reactivates', async () => {
    const platform = await create('OTHER');
    const off = await t.gql(UPDATE, { input: { id: platform.id, version: 1, active: false } });
    expect(off.data.updatePlatform.platform).toMatchObject({ active: false, version: 2 });
    const shown = await t.gql(`query($id: ID!) { station(id: $id) { platforms(first: 100) { nodes { id } } } }`, { id: anjuStation.id });
    expect(shown.data.station.platforms.nodes.map((p: Platform) => p.id)).not.toContain(platform.id);
    expect(await count({ search: platform.ownerRef })).toBe(0);
    expect(await count({ search: platform.ownerRef, includeInactive: true })).toBe(1);
    const on = await t.gql(UPDATE, { input: { id: platform.id, version: 2, active: true } });
    expect(on.data.updatePlatform.platform).toMatchObject({ active: true, version: 3 });
  });

  it.each([
    ['the details of another kind', { gigWork: { jobPostings: 1, matchesMade: 0, registeredWorkers: 1 } }, ['input', 'gigWork'], 'INVALID'],
    ['more cases mediated than received', { priceMediation: { casesReceived: 3, casesMediated: 4, mediators: 1 } }, ['input', 'priceMediation', 'casesMediated'], 'INVALID'],
    ['an empty name', { name: '' }, ['input', 'name'], 'REQUIRED'],
    [
      'bad opening hours',
      {
        openingHours: {
          windows: [
            { weekday: 'SUNDAY', opens: '09:00', closes: '12:00' },
            { weekday: 'SUNDAY', opens: '11:00', closes: '13:00' },
          ],
        },
      },
      ['input', 'openingHours', 'windows', '1'],
      'INVALID',
    ],
    ['a stale version', { version: 7, name: '不应写入' }, ['input', 'version'], 'CONFLICT'],
    ['an owner reference its department already uses', { ownerRef: 'SCJ-JT-0001' }, ['input', 'ownerRef'], 'ALREADY_EXISTS'],
  ])('refuses %s and leaves the platform as it was', async (_label, overrides, field, code) => {
    const platform = await create('PRICE_DISPUTE_MEDIATION');
    const res = await t.gql(UPDATE, { input: { id: platform.id, version: 1, ...(overrides as Record<string, unknown>) } });
    expect(res.data.updatePlatform.platform).toBeNull();
    expect(res.data.updatePlatform.userErrors).toHaveLength(1);
    expect(res.data.updatePlatform.userErrors[0]).toMatchObject({ field, code });
    expect(await get(platform.id)).toEqual(platform);
  });

  it('names the version in a conflict message', async () => {
    const platform = await create('GOV_SERVICE_24H');
    await t.gql(UPDATE, { input: { id: platform.id, version: 1, govService24h: { selfServiceTerminals: 3 } } });
    const stale = await t.gql(UPDATE, { input: { id: platform.id, version: 1, name: '不应写入' } });
    expect(stale.data.updatePlatform.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: '该整合平台已被他人修改（您读取的是第 1 版，当前为第 2 版），请刷新后重新修改。' },
    ]);
    expect(await get(platform.id)).toMatchObject({ name: platform.name, selfServiceTerminals: 3, version: 2 });
  });

  it('refuses to reactivate a platform whose station has closed, and changes nothing', async () => {
    const planned = await t.gql(`mutation($input: CreateStationInput!) { createStation(input: $input) { station { id version } } }`, {
      input: {
        name: '安居社区待建驿站',
        regionCode: SEED.anjuCommunityCode,
        tier: 'BASIC',
        kind: 'WARM_NEW',
        address: '湖北省襄阳市樊城区安居路22号',
        location: { ...XIANGYANG_POINT },
      },
    });
    const station = planned.data.createStation.station;
    const platform = await create('UNION_CARE_STATION', { stationId: station.id });
    const off = await t.gql(UPDATE, { input: { id: platform.id, version: 1, active: false } });
    expect(off.data.updatePlatform.userErrors).toEqual([]);
    await t.gql(`mutation($id: ID!, $v: Int!) { changeStationStatus(input: { id: $id, version: $v, status: CLOSED }) { userErrors { code } } }`, {
      id: station.id,
      v: station.version,
    });
    const before = await get(platform.id);
    const res = await t.gql(UPDATE, { input: { id: platform.id, version: 2, active: true } });
    expect(res.data.updatePlatform.userErrors[0]).toMatchObject({ field: ['input', 'active'], code: 'INVALID' });
    expect(res.data.updatePlatform.userErrors[0].message).toContain('已关闭');
    expect(await get(platform.id)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown or malformed ID, and cannot change the kind', async () => {
    const unknown = await t.gql(UPDATE, { input: { id: Buffer.from('Platform:00000000-0000-4000-8000-000000000000').toString('base64url'), version: 1, name: 'x' } });
    expect(unknown.data.updatePlatform.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'NOT_FOUND', message: '找不到该整合平台，请刷新后重试。' });
    const malformed = await t.gql(UPDATE, { input: { id: anjuStation.id, version: 1, name: 'x' } });
    expect(malformed.data.updatePlatform.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID' });
    const platform = await create('OTHER');
    const kind = await t.gql(UPDATE, { input: { id: platform.id, version: 1, kind: 'GIG_WORK_STATION' } });
    expect(kind.status).toBe(400);
    expect(await get(platform.id)).toEqual(platform);
  });
});

describe('movePlatform', () => {
  it('moves a platform to another station, keeping its owner and figures', async () => {
    const platform = await create('GIG_WORK_STATION');
    const res = await t.gql(MOVE, { input: { id: platform.id, version: 1, stationId: otherStation.id } });
    expect(res.data.movePlatform.userErrors).toEqual([]);
    expect(res.data.movePlatform.platform).toMatchObject({
      station: { id: otherStation.id, code: otherStation.code },
      version: 2,
      ownerRef: platform.ownerRef,
      department: platform.department,
      jobPostings: platform.jobPostings,
    });
    const from = await t.gql(STATION_PLATFORMS, { id: anjuStation.id });
    const to = await t.gql(STATION_PLATFORMS, { id: otherStation.id });
    expect(from.data.station.platforms.nodes.map((p: Platform) => p.id)).not.toContain(platform.id);
    expect(to.data.station.platforms.nodes.map((p: Platform) => p.id)).toContain(platform.id);
  });

  it('refuses the station it is already in, a closed or archived station, a stale version and unknown IDs, changing nothing', async () => {
    const platform = await create('BUS_SELF_SERVICE');
    const closed = await stationIn({ status: ['CLOSED'] });
    const archived = await archivedStation();
    const cases: [Record<string, unknown>, string[], string, string][] = [
      [{ stationId: anjuStation.id }, ['input', 'stationId'], 'INVALID', '无需迁移'],
      [{ stationId: closed.id }, ['input', 'stationId'], 'INVALID', '已关闭'],
      [{ stationId: archived.id }, ['input', 'stationId'], 'ARCHIVED', '已归档'],
      [{ stationId: otherStation.id, version: 3 }, ['input', 'version'], 'CONFLICT', '第 3 版'],
      [{ stationId: 'nonsense' }, ['input', 'stationId'], 'INVALID', '这不是驿站的 ID'],
      [{ stationId: otherStation.id, id: 'nonsense' }, ['input', 'id'], 'INVALID', '这不是整合平台的 ID'],
    ];
    for (const [overrides, field, code, message] of cases) {
      const res = await t.gql(MOVE, { input: { id: platform.id, version: 1, ...overrides } });
      expect(res.data.movePlatform.platform).toBeNull();
      expect(res.data.movePlatform.userErrors).toHaveLength(1);
      expect(res.data.movePlatform.userErrors[0]).toMatchObject({ field, code });
      expect(res.data.movePlatform.userErrors[0].message).toContain(message);
      expect(await get(platform.id)).toEqual(platform);
    }
  });
});
