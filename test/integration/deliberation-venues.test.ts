import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE } from '../helpers/fixtures';
import { wgs84ToGcj02 } from '../../src/geo/coordinates';

const t = useTestApp();

type Rec = Record<string, any>;
const ERRORS = `userErrors { field code message }`;
const VENUE_FIELDS = `id name kind address active version region { code } station { code }
  location { latitude longitude coordinateSystem } gcj: location(coordinateSystem: GCJ02) { latitude longitude coordinateSystem }`;
const CREATE = `mutation($input: CreateDeliberationVenueInput!) { createDeliberationVenue(input: $input) { deliberationVenue { ${VENUE_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateDeliberationVenueInput!) { updateDeliberationVenue(input: $input) { deliberationVenue { ${VENUE_FIELDS} } ${ERRORS} } }`;
const ARCHIVE = `mutation($input: ArchiveDeliberationVenueInput!) { archiveDeliberationVenue(input: $input) { deliberationVenue { ${VENUE_FIELDS} } ${ERRORS} } }`;
const GET = `query($id: ID!) { deliberationVenue(id: $id) { ${VENUE_FIELDS} } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on DeliberationVenue { name kind location { latitude longitude } } } }`;
const LIST = `query($filter: DeliberationVenueFilter, $orderBy: DeliberationVenueOrder, $first: Int, $after: String) {
  deliberationVenues(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`;

const XIANGCHENG_DISTRICT = '420602';
/** 檀溪社区 (襄城区), which has a station. */
const XIANGCHENG_COMMUNITY = '420602001008';
/** A point in 樊城区 (WGS-84). */
const ANJU_POINT = { latitude: 32.0452, longitude: 112.1356 };

async function gqlOk(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function stationId(code: string): Promise<string> {
  return (await gqlOk(`query($code: String!) { station(code: $code) { id } }`, { code })).station.id;
}

/**
 * The change feed of these types, read from the start until `done` holds for what it handed out.
 * The feed's horizon spans the whole server (other test files' open transactions hold it back for
 * a moment), so it is polled with a deadline.
 */
async function feedUntil(types: string[], selection: string, done: (changes: Rec[]) => boolean): Promise<Rec[]> {
  const changes: Rec[] = [];
  let cursor: string | null = null;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page: Rec = (
      await gqlOk(`query($after: String, $types: [ChangeRecordType!]) { changes(after: $after, types: $types, first: 200) { endCursor hasMore changes { ${selection} } } }`, {
        after: cursor,
        types,
      })
    ).changes;
    changes.push(...page.changes);
    cursor = page.endCursor;
    if (done(changes) && !page.hasMore) return changes;
    if (Date.now() > deadline) return changes;
    if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let sequence = 0;
async function newVenue(overrides: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Rec> {
  sequence++;
  const data = await gqlOk(CREATE, { input: { name: `安居社区议事亭${sequence}`, kind: 'DELIBERATION_PAVILION', regionCode: SEED.anjuCommunityCode, ...overrides } }, headers);
  expect(data.createDeliberationVenue.userErrors).toEqual([]);
  return data.createDeliberationVenue.deliberationVenue;
}

const callers: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  callers.fanchengOperator = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  callers.xiangchengOperator = await t.clientHeaders({ name: '襄城区操作员', roles: ['REGION_OPERATOR'], regionCode: XIANGCHENG_DISTRICT });
  callers.partner = await t.clientHeaders({ name: '市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
  callers.analyst = await t.clientHeaders({ name: '分析员', roles: ['ANALYST'] });
});

describe('deliberation venues', () => {
  it('registers a venue with a location given in GCJ-02, stores WGS-84, changes it at the version read and archives it', async () => {
    const gcj = wgs84ToGcj02({ lat: ANJU_POINT.latitude, lng: ANJU_POINT.longitude });
    const anjuStation = await stationId(STATION_PROFILE.anjuStationCode);
    const venue = await newVenue({
      name: '安居连心园',
      kind: 'LIANXIN_GARDEN',
      stationId: anjuStation,
      address: '  樊城区王寨街道安居社区中心广场  ',
      location: { latitude: gcj.lat, longitude: gcj.lng, coordinateSystem: 'GCJ02' },
    });
    expect(venue).toMatchObject({
      name: '安居连心园',
      kind: 'LIANXIN_GARDEN',
      address: '樊城区王寨街道安居社区中心广场',
      active: true,
      version: 1,
      region: { code: SEED.anjuCommunityCode },
      station: { code: STATION_PROFILE.anjuStationCode },
      location: { coordinateSystem: 'WGS84' },
      gcj: { coordinateSystem: 'GCJ02' },
    });
    expect(venue.location.latitude).toBeCloseTo(ANJU_POINT.latitude, 5);
    expect(venue.location.longitude).toBeCloseTo(ANJU_POINT.longitude, 5);
    expect(venue.gcj.latitude).toBeCloseTo(gcj.lat, 5);

    const updated = (await gqlOk(UPDATE, { input: { id: venue.id, version: 1, kind: 'NEIGHBOURHOOD_POINT', location: null, address: '' } })).updateDeliberationVenue;
    expect(updated.userErrors).toEqual([]);
    expect(updated.deliberationVenue).toMatchObject({ kind: 'NEIGHBOURHOOD_POINT', location: null, gcj: null, address: null, version: 2 });

    const stale = (await gqlOk(UPDATE, { input: { id: venue.id, version: 1, name: '旧版本' } })).updateDeliberationVenue;
    expect(stale.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    expect(stale.userErrors[0].message).toContain('该议事场所已被他人修改');

    const archived = (await gqlOk(ARCHIVE, { input: { id: venue.id, version: 2 } })).archiveDeliberationVenue;
    expect(archived.deliberationVenue).toMatchObject({ active: false, version: 3 });
    const again = (await gqlOk(ARCHIVE, { input: { id: venue.id, version: 3 } })).archiveDeliberationVenue;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'ARCHIVED', message: '该议事场所已归档。' })]);
  });

  it('refuses bad input with Chinese messages and changes nothing', async () => {
    const before = (await gqlOk(`{ deliberationVenues(first: 1) { totalCount } }`)).deliberationVenues.totalCount;
    const otherStation = await stationId(STATION_PROFILE.wangzhaiHubCode);
    const cases: [Record<string, unknown>, string[], string, string][] = [
      [{ name: '' }, ['input', 'name'], 'REQUIRED', '请填写场所名称。'],
      [{ address: '址'.repeat(201) }, ['input', 'address'], 'TOO_LONG', '地址不能超过 200 个字。'],
      [{ regionCode: SEED.fanchengCode }, ['input', 'regionCode'], 'INVALID', '议事场所须挂在社区或村一级'],
      [{ location: { latitude: 112.1, longitude: 32.0 } }, ['input', 'location'], 'OUT_OF_BOUNDS', '不在中国境内'],
      [{ stationId: otherStation }, ['input', 'stationId'], 'INVALID', '不在该议事场所所在的社区'],
    ];
    for (const [overrides, field, code, message] of cases) {
      const res = await gqlOk(CREATE, { input: { name: '睦邻点', kind: 'NEIGHBOURHOOD_POINT', regionCode: SEED.anjuCommunityCode, ...overrides } });
      expect(res.createDeliberationVenue.deliberationVenue).toBeNull();
      expect(res.createDeliberationVenue.userErrors).toEqual([expect.objectContaining({ field, code })]);
      expect(res.createDeliberationVenue.userErrors[0].message).toContain(message);
    }
    expect((await gqlOk(`{ deliberationVenues(first: 1) { totalCount } }`)).deliberationVenues.totalCount).toBe(before);
  });

  it('lets an operator write its own region only, and anyone, anonymous callers included, read venues', async () => {
    const own = await newVenue({ name: '安居小院话事点', kind: 'COURTYARD', location: ANJU_POINT }, callers.fanchengOperator);
    const outside = await gqlOk(CREATE, { input: { name: '越界场所', kind: 'OTHER', regionCode: SEED.anjuCommunityCode } }, callers.xiangchengOperator);
    expect(outside.createDeliberationVenue.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);
    expect(outside.createDeliberationVenue.userErrors[0].message).toContain('该记录不在您的辖区内');
    for (const headers of [callers.xiangchengOperator, callers.partner, callers.analyst, ANONYMOUS_HEADERS]) {
      const update = (await gqlOk(UPDATE, { input: { id: own.id, version: 1, name: '被改名' } }, headers)).updateDeliberationVenue;
      expect(update.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
      const archive = (await gqlOk(ARCHIVE, { input: { id: own.id, version: 1 } }, headers)).archiveDeliberationVenue;
      expect(archive.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    }
    const renamed = (await gqlOk(UPDATE, { input: { id: own.id, version: 1, name: '安居小院' } }, callers.fanchengOperator)).updateDeliberationVenue;
    expect(renamed.userErrors).toEqual([]);

    for (const headers of [ANONYMOUS_HEADERS, callers.analyst, callers.partner]) {
      expect((await gqlOk(GET, { id: own.id }, headers)).deliberationVenue).toMatchObject({ name: '安居小院', kind: 'COURTYARD', region: { code: SEED.anjuCommunityCode } });
      expect((await gqlOk(NODE, { id: own.id }, headers)).node).toMatchObject({ id: own.id, name: '安居小院', location: { latitude: ANJU_POINT.latitude } });
    }
  });

  it('filters by region subtree, kind and active, and nests under regions and stations', async () => {
    const anjuStation = await stationId(STATION_PROFILE.anjuStationCode);
    const pavilion = await newVenue({ name: '筛选议事亭', stationId: anjuStation });
    const platform = await newVenue({ name: '筛选议事平台', kind: 'DELIBERATION_PLATFORM' });
    const xiangcheng = await newVenue({ name: '筛选襄城睦邻点', kind: 'NEIGHBOURHOOD_POINT', regionCode: XIANGCHENG_COMMUNITY });
    const archived = await newVenue({ name: '筛选已归档连心园', kind: 'LIANXIN_GARDEN' });
    expect((await gqlOk(ARCHIVE, { input: { id: archived.id, version: 1 } })).archiveDeliberationVenue.userErrors).toEqual([]);

    const ids = async (filter: Record<string, unknown>, headers?: Record<string, string>) =>
      ((await gqlOk(LIST, { filter, first: 100 }, headers)).deliberationVenues.nodes as Rec[]).filter((node) => node.name.startsWith('筛选')).map((node) => node.id);

    const fancheng = await ids({ regionCode: SEED.fanchengCode }, ANONYMOUS_HEADERS);
    expect(fancheng).toEqual(expect.arrayContaining([pavilion.id, platform.id, archived.id]));
    expect(fancheng).not.toContain(xiangcheng.id);
    expect(await ids({ regionCode: XIANGCHENG_DISTRICT })).toEqual([xiangcheng.id]);
    expect(await ids({ kind: ['DELIBERATION_PLATFORM', 'NEIGHBOURHOOD_POINT'] })).toEqual(expect.arrayContaining([platform.id, xiangcheng.id]));
    expect(await ids({ kind: ['DELIBERATION_PLATFORM', 'NEIGHBOURHOOD_POINT'] })).toHaveLength(2);
    expect(await ids({ active: false })).toEqual([archived.id]);
    expect(await ids({ stationId: anjuStation })).toEqual([pavilion.id]);

    const page = (await gqlOk(LIST, { filter: { regionCode: SEED.fanchengCode, active: true }, first: 1 })).deliberationVenues;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = (await gqlOk(LIST, { filter: { regionCode: SEED.fanchengCode, active: true }, first: 1, after: page.pageInfo.endCursor })).deliberationVenues;
    expect(second.nodes[0].id).not.toBe(page.nodes[0].id);

    const nested = await gqlOk(
      `query($code: String!, $station: String!) {
        region(code: $code) { deliberationVenues(first: 100, active: true) { nodes { id } } }
        station(code: $station) { deliberationVenues(first: 10) { nodes { id name } } } }`,
      { code: SEED.fanchengCode, station: STATION_PROFILE.anjuStationCode },
      ANONYMOUS_HEADERS,
    );
    const inRegion = (nested.region.deliberationVenues.nodes as Rec[]).map((node) => node.id);
    expect(inRegion).toEqual(expect.arrayContaining([pavilion.id, platform.id]));
    expect(inRegion).not.toContain(archived.id);
    expect(inRegion).not.toContain(xiangcheng.id);
    expect(nested.station.deliberationVenues.nodes).toContainEqual({ id: pavilion.id, name: '筛选议事亭' });
  });

  it('records venues in the change feed with their location', async () => {
    const venue = await newVenue({ name: '变更流议事平台', kind: 'DELIBERATION_PLATFORM', location: ANJU_POINT });
    const feed = await feedUntil(['DELIBERATION_VENUE'], 'operation recordType recordId record { id ... on DeliberationVenue { name } }', (changes) =>
      changes.some((change) => change.recordId === venue.id),
    );
    expect(feed).toContainEqual({ operation: 'CREATE', recordType: 'DELIBERATION_VENUE', recordId: venue.id, record: { id: venue.id, name: '变更流议事平台' } });
    const audit = (await gqlOk(`query($id: ID!) { auditEvents(first: 5, filter: { recordId: $id }) { nodes { operation changes { field after } } } }`, { id: venue.id }))
      .auditEvents.nodes as Rec[];
    expect(audit[0].changes).toContainEqual({ field: 'location', after: { latitude: ANJU_POINT.latitude, longitude: ANJU_POINT.longitude, coordinateSystem: 'WGS84' } });
    expect(audit[0].changes).toContainEqual({ field: 'kind', after: 'DELIBERATION_PLATFORM' });
  });
});
