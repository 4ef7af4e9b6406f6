import { useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE, XIANGYANG_POINT } from '../helpers/fixtures';

const t = useTestApp();

const PROFILE = `id code kind tier version isHub hostsMobilePartyMemberServicePoint meetsOnePlusFour fiveIntoComplete
  fiveIntoFacilities groupsServed region { code }
  openingHours { note windows { weekday opens closes kind } }
  functionZones { kind category name areaSquareMetres }
  hub { code isHub } hubMemberCount`;
const ERRORS = `userErrors { field code message }`;
const CREATE = `mutation($input: CreateStationInput!) { createStation(input: $input) { station { ${PROFILE} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { ${PROFILE} } ${ERRORS} } }`;
const ARCHIVE = `mutation($input: ArchiveStationInput!) { archiveStation(input: $input) { station { code archivedAt hub { code } } ${ERRORS} } }`;
const STATUS = `mutation($input: ChangeStationStatusInput!) { changeStationStatus(input: $input) { station { version status } ${ERRORS} } }`;
const BY_CODE = `query($code: String!) { station(code: $code) { ${PROFILE} } }`;
const BY_ID = `query($id: ID!) { station(id: $id) { ${PROFILE} } }`;
const COUNT = `query($filter: StationFilter) { stations(first: 1, filter: $filter) { totalCount } }`;
const TOTAL = `{ stations(first: 1, filter: { includeArchived: true }) { totalCount } }`;

/** Tuesday 2 January 2024 in China Standard Time. */
const TUESDAY_0300 = '2024-01-02T03:00:00+08:00';
const TUESDAY_2000 = '2024-01-02T20:00:00+08:00';
const SATURDAY_1000 = '2024-01-06T10:00:00+08:00';

type Station = Record<string, any>;

/** The profiles are Xiangyang's seed, so counts ask Xiangyang (the seed also holds Yanping) unless a test names a region. */
async function count(filter: Record<string, unknown> = {}): Promise<number> {
  const res = await t.gql(COUNT, { filter: { regionCode: SEED.cityCode, ...filter } });
  expect(res.errors).toBeUndefined();
  return res.data.stations.totalCount;
}

async function byCode(code: string): Promise<Station> {
  const res = await t.gql(BY_CODE, { code });
  expect(res.errors).toBeUndefined();
  return res.data.station;
}

async function byId(id: string): Promise<Station> {
  return (await t.gql(BY_ID, { id })).data.station;
}

async function total(): Promise<number> {
  return (await t.gql(TOTAL)).data.stations.totalCount;
}

const ALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const ONE_PLUS_FOUR = ['PARTY_ACTIVITY_BASE', 'GRID_WORK', 'CONVENIENCE_SERVICE', 'DEMOCRATIC_CONSULTATION', 'CIVILIZATION_PRACTICE'];
const FIVE_INTO = ['GOV_SERVICE_HOTLINE', 'SELF_SERVICE_TERMINAL', 'WIRELESS_NETWORK', 'PROFESSIONAL_SOCIAL_ORG', 'VOLUNTEER_FORCE'];

describe('seeded station profiles', () => {
  it('shows 安居社区’s 暖新 station: open round the clock, 1+4 zones, complete 五进, riders served, a mobile point, in 王寨街道’s hub', async () => {
    const anju = await byCode(STATION_PROFILE.anjuStationCode);
    expect(anju.kind).toBe('WARM_NEW');
    expect(anju.openingHours.windows).toEqual(ALL_DAYS.map((weekday) => ({ weekday, opens: '00:00', closes: '24:00', kind: 'REGULAR' })));
    expect(anju.openingHours.note).toContain('全天候');
    expect(anju.functionZones.map((zone: Station) => [zone.kind, zone.category, zone.name])).toEqual([
      ['PARTY_ACTIVITY_BASE', 'BASE', '党员活动基地'],
      ['GRID_WORK', 'STANDARD', '网格工作区'],
      ['CONVENIENCE_SERVICE', 'STANDARD', '便民服务区'],
      ['DEMOCRATIC_CONSULTATION', 'STANDARD', '民主议事区'],
      ['CIVILIZATION_PRACTICE', 'STANDARD', '新时代文明实践区'],
    ]);
    expect(anju.functionZones.every((zone: Station) => zone.areaSquareMetres === null || zone.areaSquareMetres > 0)).toBe(true);
    expect(anju).toMatchObject({
      meetsOnePlusFour: true,
      fiveIntoComplete: true,
      fiveIntoFacilities: FIVE_INTO,
      hostsMobilePartyMemberServicePoint: true,
      isHub: false,
      hubMemberCount: 0,
      hub: { code: STATION_PROFILE.wangzhaiHubCode, isHub: true },
    });
    expect(anju.groupsServed).toEqual(expect.arrayContaining(['DELIVERY_RIDERS', 'COURIERS', 'RIDE_HAILING_DRIVERS', 'DOMESTIC_WORKERS']));
    const at = await t.gql(`query($code: String!, $at: DateTime!) { station(code: $code) { openingHours { isOpenAt(at: $at) windowsAt(at: $at) { weekday kind } } } }`, {
      code: STATION_PROFILE.anjuStationCode,
      at: TUESDAY_0300,
    });
    expect(at.data.station.openingHours).toEqual({ isOpenAt: true, windowsAt: [{ weekday: 'TUESDAY', kind: 'REGULAR' }] });
  });

  it('pages through a hub’s members by code, with a batched member count', async () => {
    const hub = await byCode(STATION_PROFILE.wangzhaiHubCode);
    expect(hub).toMatchObject({ isHub: true, hub: null, hubMemberCount: STATION_PROFILE.wangzhaiHubMembers });
    const PAGE = `query($code: String!, $after: String) { station(code: $code) { hubMembers(first: 10, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { code hub { code } region { code } } } } }`;
    const codes: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: Station = await t.gql(PAGE, { code: STATION_PROFILE.wangzhaiHubCode, after });
      expect(res.errors).toBeUndefined();
      const connection = res.data.station.hubMembers;
      expect(connection.totalCount).toBe(STATION_PROFILE.wangzhaiHubMembers);
      for (const node of connection.nodes) {
        expect(node.hub.code).toBe(STATION_PROFILE.wangzhaiHubCode);
        expect(node.region.code.slice(0, 9)).toBe('420606002');
        codes.push(node.code);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(codes).toHaveLength(STATION_PROFILE.wangzhaiHubMembers);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain(STATION_PROFILE.anjuStationCode);

    const last = await t.gql(`query($code: String!) { station(code: $code) { hubMembers(last: 3) { nodes { code } } } }`, { code: STATION_PROFILE.wangzhaiHubCode });
    expect(last.data.station.hubMembers.nodes.map((n: Station) => n.code)).toEqual(codes.slice(-3));
    const forged = await t.gql(`query($code: String!) { station(code: $code) { hubMembers(first: 3, after: "bm90IGEgY3Vyc29y") { totalCount } } }`, {
      code: STATION_PROFILE.wangzhaiHubCode,
    });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers empty members for a station that is not a hub', async () => {
    const res = await t.gql(`query($code: String!) { station(code: $code) { hubMemberCount hubMembers(first: 5) { totalCount nodes { code } } } }`, {
      code: STATION_PROFILE.anjuStationCode,
    });
    expect(res.data.station).toEqual({ hubMemberCount: 0, hubMembers: { totalCount: 0, nodes: [] } });
  });
});

describe('station filters on the profile', () => {
  it('counts the 57 暖新 mobile party-member service points, and the few two-new ones', async () => {
    expect(await count({ kind: ['WARM_NEW'], hostsMobilePartyMemberServicePoint: true })).toBe(STATION_PROFILE.warmNewMobilePoints);
    expect(await count({ kind: ['WARM_NEW'], hostsMobilePartyMemberServicePoint: false })).toBe(0);
    expect(await count({ hostsMobilePartyMemberServicePoint: true })).toBe(STATION_PROFILE.mobilePoints);
    expect(await count({ hostsMobilePartyMemberServicePoint: false })).toBe(SEED.stationCount - STATION_PROFILE.mobilePoints);
    expect(await count({ kind: ['NEW_ECONOMY'], hostsMobilePartyMemberServicePoint: true })).toBe(STATION_PROFILE.mobilePoints - STATION_PROFILE.warmNewMobilePoints);
  });

  it('finds only the 24-hour stations open on a Tuesday at 03:00', async () => {
    const res = await t.gql(
      `query($at: DateTime!) { stations(first: 100, filter: { openAt: $at }) { totalCount nodes { kind openingHours { windowsAt(at: $at) { opens closes } } } } }`,
      {
        at: TUESDAY_0300,
      },
    );
    expect(res.data.stations.totalCount).toBe(SEED.warmNew);
    for (const node of res.data.stations.nodes) {
      expect(node.kind).toBe('WARM_NEW');
      expect(node.openingHours.windowsAt).toEqual([{ opens: '00:00', closes: '24:00' }]);
    }
    // The same instant written in UTC.
    expect(await count({ openAt: '2024-01-01T19:00:00Z' })).toBe(SEED.warmNew);
  });

  it('finds the 七点半岗哨 evening posts (and the 24-hour stations) open on a Tuesday at 20:00', async () => {
    const QUERY = `query($at: DateTime!, $after: String) { stations(first: 100, after: $after, filter: { openAt: $at }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { kind status region { code } openingHours { windowsAt(at: $at) { kind opens closes } } } } }`;
    let after: string | null = null;
    let evening = 0;
    let seen = 0;
    do {
      const res: Station = await t.gql(QUERY, { at: TUESDAY_2000, after });
      expect(res.data.stations.totalCount).toBe(SEED.warmNew + STATION_PROFILE.eveningPost);
      for (const node of res.data.stations.nodes) {
        seen++;
        const [window] = node.openingHours.windowsAt;
        if (window.kind === 'EVENING_POST') {
          evening++;
          expect(window).toEqual({ kind: 'EVENING_POST', opens: '19:30', closes: '21:30' });
          expect(node.region.code.slice(0, 6)).toBe(SEED.fanchengCode);
          expect(node.status).toBe('OPEN');
        } else {
          expect(node.kind).toBe('WARM_NEW');
        }
      }
      after = res.data.stations.pageInfo.hasNextPage ? res.data.stations.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBe(SEED.warmNew + STATION_PROFILE.eveningPost);
    expect(evening).toBe(STATION_PROFILE.eveningPost);
    expect(await count({ openAt: TUESDAY_2000, regionCode: '420602', kind: ['COMMUNITY', 'RURAL', 'NEW_ECONOMY'] })).toBe(0);
  });

  it('finds staggered weekend hours on a Saturday morning', async () => {
    const res = await t.gql(
      `query($at: DateTime!) { stations(first: 100, filter: { openAt: $at, kind: [COMMUNITY, RURAL, NEW_ECONOMY] }) { totalCount nodes { openingHours { windowsAt(at: $at) { weekday kind } } } } }`,
      {
        at: SATURDAY_1000,
      },
    );
    expect(res.data.stations.totalCount).toBeGreaterThan(100);
    for (const node of res.data.stations.nodes) expect(node.openingHours.windowsAt).toEqual([{ weekday: 'SATURDAY', kind: 'STAGGERED' }]);
  });

  it('filters by function zones (all of them) and by "1+4"', async () => {
    const meets = await count({ meetsOnePlusFour: true });
    expect(meets).toBe(STATION_PROFILE.onePlusFour);
    expect(await count({ meetsOnePlusFour: false })).toBe(SEED.stationCount - meets);
    expect(await count({ hasFunctionZones: ONE_PLUS_FOUR })).toBe(meets);
    expect(await count({ tier: ['STANDARD', 'LEADING'] })).toBe(meets);

    const res = await t.gql(`{ stations(first: 100, filter: { hasFunctionZones: [ELDERLY_DAY_CARE, PARTY_ACTIVITY_BASE] }) { totalCount nodes { tier functionZones { kind } } } }`);
    expect(res.data.stations.totalCount).toBeGreaterThan(0);
    for (const node of res.data.stations.nodes) {
      expect(node.tier).toBe('LEADING');
      expect(node.functionZones.map((zone: Station) => zone.kind)).toEqual(expect.arrayContaining(['ELDERLY_DAY_CARE', 'PARTY_ACTIVITY_BASE']));
    }
    const elderly = await count({ hasFunctionZones: ['ELDERLY_DAY_CARE'] });
    expect(await count({ hasFunctionZones: ['ELDERLY_DAY_CARE', 'YOUTH_MAKER_SPACE'] })).toBeLessThan(elderly);
  });

  it('filters by 五进 facilities (all of them) and by completeness', async () => {
    const complete = await count({ fiveIntoComplete: true });
    expect(complete).toBe(STATION_PROFILE.fiveIntoComplete);
    expect(await count({ fiveIntoComplete: false })).toBe(SEED.stationCount - complete);
    expect(await count({ hasFacilities: FIVE_INTO })).toBe(complete);
    const res = await t.gql(
      `{ stations(first: 100, filter: { hasFacilities: [SELF_SERVICE_TERMINAL, WIRELESS_NETWORK], tier: [BASIC] }) { totalCount nodes { fiveIntoFacilities fiveIntoComplete } } }`,
    );
    expect(res.data.stations.totalCount).toBeGreaterThan(0);
    for (const node of res.data.stations.nodes) {
      expect(node.fiveIntoFacilities).toEqual(expect.arrayContaining(['SELF_SERVICE_TERMINAL', 'WIRELESS_NETWORK']));
      expect(node.fiveIntoComplete).toBe(false);
    }
  });

  it('filters by groups served (any of them)', async () => {
    const rural = await count({ kind: ['RURAL'] });
    expect(await count({ servesGroups: ['VILLAGERS'] })).toBe(rural);
    const riders = await count({ servesGroups: ['DELIVERY_RIDERS'] });
    expect(riders).toBeGreaterThanOrEqual(SEED.warmNew);
    expect(await count({ servesGroups: ['DELIVERY_RIDERS', 'VILLAGERS'] })).toBe(riders + rural);
    const res = await t.gql(`{ stations(first: 50, filter: { servesGroups: [VETERANS, PEOPLE_WITH_DISABILITIES] }) { nodes { groupsServed } } }`);
    for (const node of res.data.stations.nodes) expect(node.groupsServed.some((g: string) => g === 'VETERANS' || g === 'PEOPLE_WITH_DISABILITIES')).toBe(true);
  });

  it('filters hubs and the members of one hub', async () => {
    expect(await count({ isHub: true })).toBe(STATION_PROFILE.hubs);
    expect(await count({ isHub: false })).toBe(SEED.stationCount - STATION_PROFILE.hubs);
    expect(await count({ isHub: true, regionCode: '420624' })).toBe(0);
    const hub = await byCode(STATION_PROFILE.wangzhaiHubCode);
    expect(await count({ hubId: hub.id })).toBe(STATION_PROFILE.wangzhaiHubMembers);
    expect(await count({ hubId: hub.id, kind: ['WARM_NEW'] })).toBeGreaterThan(0);
    const malformed = await t.gql(COUNT, { filter: { hubId: 'not-an-id' } });
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('createStation and updateStation with the profile', () => {
  let wangzhaiHub: Station;
  let xiangchengHub: Station;
  let anju: Station;

  beforeAll(async () => {
    wangzhaiHub = await byCode(STATION_PROFILE.wangzhaiHubCode);
    xiangchengHub = await byCode(STATION_PROFILE.xiangchengHubCode);
    anju = await byCode(STATION_PROFILE.anjuStationCode);
  });

  const hours = {
    windows: [
      { weekday: 'MONDAY', opens: '08:30', closes: '12:00' },
      { weekday: 'MONDAY', opens: '12:00', closes: '14:30', kind: 'STAGGERED' },
      { weekday: 'MONDAY', opens: '14:30', closes: '17:30' },
      { weekday: 'MONDAY', opens: '17:30', closes: '19:30', kind: 'EXTENDED' },
      { weekday: 'MONDAY', opens: '19:30', closes: '21:30', kind: 'EVENING_POST' },
      { weekday: 'SATURDAY', opens: '09:00', closes: '12:00', kind: 'STAGGERED' },
    ],
    note: '节假日另行通知',
  };

  function newStation(overrides: Record<string, unknown> = {}) {
    return {
      name: '安居社区邻里红色驿站',
      regionCode: SEED.anjuCommunityCode,
      tier: 'LEADING',
      kind: 'COMMUNITY',
      status: 'OPEN',
      address: '湖北省襄阳市樊城区王寨街道安居路26号',
      location: { ...XIANGYANG_POINT },
      ...overrides,
    };
  }

  async function create(overrides: Record<string, unknown> = {}): Promise<Station> {
    const res = await t.gql(CREATE, { input: newStation(overrides) });
    expect(res.errors).toBeUndefined();
    expect(res.data.createStation.userErrors).toEqual([]);
    return res.data.createStation.station;
  }

  async function update(input: Record<string, unknown>): Promise<Station> {
    const res = await t.gql(UPDATE, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateStation.userErrors).toEqual([]);
    return res.data.updateStation.station;
  }

  it('creates a station with every profile field; the hub gains a member', async () => {
    const station = await create({
      openingHours: hours,
      functionZones: [
        { kind: 'CIVILIZATION_PRACTICE', areaSquareMetres: 35.5 },
        { kind: 'PARTY_ACTIVITY_BASE', name: '安居党员之家', areaSquareMetres: 120 },
        { kind: 'OTHER_FEATURED', name: '邻里食堂', areaSquareMetres: 80 },
        { kind: 'OTHER_FEATURED', name: '共享工具屋' },
        { kind: 'AFTER_SCHOOL_CLASS' },
      ],
      fiveIntoFacilities: ['WIRELESS_NETWORK', 'GOV_SERVICE_HOTLINE', 'WIRELESS_NETWORK'],
      groupsServed: ['ELDERLY', 'RESIDENTS', 'CHILDREN'],
      hostsMobilePartyMemberServicePoint: true,
      hubId: wangzhaiHub.id,
    });
    expect(station.openingHours.note).toBe('节假日另行通知');
    expect(station.openingHours.windows.map((w: Station) => `${w.weekday} ${w.opens}-${w.closes} ${w.kind}`)).toEqual([
      'MONDAY 08:30-12:00 REGULAR',
      'MONDAY 12:00-14:30 STAGGERED',
      'MONDAY 14:30-17:30 REGULAR',
      'MONDAY 17:30-19:30 EXTENDED',
      'MONDAY 19:30-21:30 EVENING_POST',
      'SATURDAY 09:00-12:00 STAGGERED',
    ]);
    expect(station.functionZones).toEqual([
      { kind: 'PARTY_ACTIVITY_BASE', category: 'BASE', name: '安居党员之家', areaSquareMetres: 120 },
      { kind: 'CIVILIZATION_PRACTICE', category: 'STANDARD', name: '新时代文明实践区', areaSquareMetres: 35.5 },
      { kind: 'AFTER_SCHOOL_CLASS', category: 'FEATURED', name: '四点半课堂', areaSquareMetres: null },
      { kind: 'OTHER_FEATURED', category: 'FEATURED', name: '共享工具屋', areaSquareMetres: null },
      { kind: 'OTHER_FEATURED', category: 'FEATURED', name: '邻里食堂', areaSquareMetres: 80 },
    ]);
    expect(station).toMatchObject({
      meetsOnePlusFour: false,
      fiveIntoFacilities: ['GOV_SERVICE_HOTLINE', 'WIRELESS_NETWORK'],
      fiveIntoComplete: false,
      groupsServed: ['RESIDENTS', 'ELDERLY', 'CHILDREN'],
      hostsMobilePartyMemberServicePoint: true,
      isHub: false,
      hub: { code: STATION_PROFILE.wangzhaiHubCode },
    });
    expect((await byId(wangzhaiHub.id)).hubMemberCount).toBe(wangzhaiHub.hubMemberCount + 1);
    expect(await count({ hubId: wangzhaiHub.id, search: station.code })).toBe(1);
  });

  it('creates a plain station with an empty profile by default', async () => {
    const station = await create({ status: 'PLANNED' });
    expect(station).toMatchObject({
      openingHours: null,
      functionZones: [],
      meetsOnePlusFour: false,
      fiveIntoFacilities: [],
      fiveIntoComplete: false,
      groupsServed: [],
      hostsMobilePartyMemberServicePoint: false,
      isHub: false,
      hub: null,
      hubMemberCount: 0,
    });
  });

  const invalidCreates: [string, Record<string, unknown>, string[], string, string][] = [
    [
      'overlapping windows',
      {
        openingHours: {
          windows: [
            { weekday: 'TUESDAY', opens: '08:30', closes: '12:00' },
            { weekday: 'TUESDAY', opens: '11:00', closes: '13:00', kind: 'STAGGERED' },
          ],
        },
      },
      ['input', 'openingHours', 'windows', '1'],
      'INVALID',
      '周二的开放时段 08:30–12:00 与 11:00–13:00 重叠',
    ],
    [
      'a malformed time',
      { openingHours: { windows: [{ weekday: 'MONDAY', opens: '8:30', closes: '12:00' }] } },
      ['input', 'openingHours', 'windows', '0', 'opens'],
      'INVALID',
      '时间“8:30”格式不正确',
    ],
    [
      'a time past 24:00',
      { openingHours: { windows: [{ weekday: 'MONDAY', opens: '20:00', closes: '24:30' }] } },
      ['input', 'openingHours', 'windows', '0', 'closes'],
      'INVALID',
      '格式不正确',
    ],
    [
      'a window closing before it opens',
      { openingHours: { windows: [{ weekday: 'FRIDAY', opens: '21:30', closes: '19:30', kind: 'EVENING_POST' }] } },
      ['input', 'openingHours', 'windows', '0', 'closes'],
      'INVALID',
      '结束时间须晚于开始时间',
    ],
    [
      'an empty window',
      { openingHours: { windows: [{ weekday: 'FRIDAY', opens: '09:00', closes: '09:00' }] } },
      ['input', 'openingHours', 'windows', '0', 'closes'],
      'INVALID',
      '跨午夜的时段请拆成两段',
    ],
    [
      'a duplicate zone',
      { functionZones: [{ kind: 'GRID_WORK' }, { kind: 'GRID_WORK', name: '网格员之家' }] },
      ['input', 'functionZones', '1', 'kind'],
      'INVALID',
      '功能区“网格工作区”重复填写了',
    ],
    [
      'two featured zones of the same name',
      {
        functionZones: [
          { kind: 'OTHER_FEATURED', name: '邻里食堂' },
          { kind: 'OTHER_FEATURED', name: '邻里食堂' },
        ],
      },
      ['input', 'functionZones', '1', 'kind'],
      'INVALID',
      '特色功能区“邻里食堂”重复填写了',
    ],
    [
      'OTHER_FEATURED without a name',
      { functionZones: [{ kind: 'PARTY_ACTIVITY_BASE' }, { kind: 'OTHER_FEATURED' }] },
      ['input', 'functionZones', '1', 'name'],
      'REQUIRED',
      '“其他特色功能区”须填写名称',
    ],
    [
      'a zone area of zero',
      { functionZones: [{ kind: 'PARTY_ACTIVITY_BASE', areaSquareMetres: 0 }] },
      ['input', 'functionZones', '0', 'areaSquareMetres'],
      'INVALID',
      '功能区面积“0”不正确',
    ],
    ['a hub that is not a hub', {}, ['input', 'hubId'], 'INVALID', '不是党群服务中心'],
    ['a hub in another district', {}, ['input', 'hubId'], 'INVALID', '不在驿站所在的区'],
    ['an unknown hub', { hubId: 'U3RhdGlvbjowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA' }, ['input', 'hubId'], 'NOT_FOUND', '找不到所选的党群服务中心'],
    ['a malformed hub id', { hubId: 'nonsense' }, ['input', 'hubId'], 'INVALID', '这不是驿站的 ID'],
    ['a hub that would itself belong to a hub', { isHub: true }, ['input', 'hubId'], 'INVALID', '党群服务中心不能再归属于其他党群服务中心'],
  ];

  it.each(invalidCreates)('refuses %s on create with a Chinese user error, and creates nothing', async (label, overrides, field, code, message) => {
    const hubId =
      label === 'a hub that is not a hub' ? anju.id : label === 'a hub in another district' ? xiangchengHub.id : label.startsWith('a hub that would') ? wangzhaiHub.id : undefined;
    const before = await total();
    const membersBefore = (await byId(wangzhaiHub.id)).hubMemberCount;
    const res = await t.gql(CREATE, { input: newStation({ ...(hubId ? { hubId } : {}), ...overrides }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.createStation.station).toBeNull();
    expect(res.data.createStation.userErrors).toHaveLength(1);
    expect(res.data.createStation.userErrors[0]).toMatchObject({ field, code });
    expect(res.data.createStation.userErrors[0].message).toContain(message);
    expect(await total()).toBe(before);
    expect((await byId(wangzhaiHub.id)).hubMemberCount).toBe(membersBefore);
  });

  it('says what is wrong in English too', async () => {
    const res = await t.gql(CREATE, { input: newStation({ functionZones: [{ kind: 'OTHER_FEATURED' }], hubId: anju.id }) }, { 'accept-language': 'en' });
    expect(res.data.createStation.userErrors.map((e: Station) => e.message)).toEqual([
      'An OTHER_FEATURED zone needs a name, e.g. 邻里食堂 (neighbourhood canteen).',
      `"安居社区临街红色驿站" (${STATION_PROFILE.anjuStationCode}) is not a party-and-masses service centre (hub); choose a hub, or make it one first.`,
    ]);
  });

  it('updates each profile field on its own and leaves the others alone', async () => {
    const station = await create({ openingHours: hours, groupsServed: ['RESIDENTS'], fiveIntoFacilities: ['WIRELESS_NETWORK'] });
    let current = await update({ id: station.id, version: station.version, name: '安居社区邻里驿站（改名）' });
    expect(current.version).toBe(station.version + 1);
    expect({ ...current, version: 0 }).toEqual({ ...station, version: 0 });
    expect(current.groupsServed).toEqual(['RESIDENTS']);

    current = await update({ id: station.id, version: current.version, functionZones: ONE_PLUS_FOUR.map((kind) => ({ kind })) });
    expect(current.meetsOnePlusFour).toBe(true);
    expect(current.openingHours).toEqual(station.openingHours);

    current = await update({ id: station.id, version: current.version, fiveIntoFacilities: FIVE_INTO, groupsServed: ['YOUTH', 'VETERANS', 'YOUTH'] });
    expect(current).toMatchObject({ fiveIntoComplete: true, groupsServed: ['YOUTH', 'VETERANS'], meetsOnePlusFour: true });

    current = await update({ id: station.id, version: current.version, hostsMobilePartyMemberServicePoint: true });
    expect(current.hostsMobilePartyMemberServicePoint).toBe(true);

    const evening = { windows: [{ weekday: 'TUESDAY', opens: '19:30', closes: '21:30', kind: 'EVENING_POST' }] };
    current = await update({ id: station.id, version: current.version, openingHours: evening });
    expect(current.openingHours).toEqual({ note: null, windows: [{ weekday: 'TUESDAY', opens: '19:30', closes: '21:30', kind: 'EVENING_POST' }] });
    expect(await count({ openAt: TUESDAY_2000, search: station.code })).toBe(1);
    expect(await count({ openAt: TUESDAY_0300, search: station.code })).toBe(0);

    current = await update({ id: station.id, version: current.version, openingHours: null, functionZones: [], fiveIntoFacilities: [], groupsServed: [] });
    expect(current).toMatchObject({ openingHours: null, functionZones: [], fiveIntoFacilities: [], groupsServed: [], meetsOnePlusFour: false, fiveIntoComplete: false });
    expect(current.version).toBe(station.version + 6);
    expect(await count({ openAt: TUESDAY_2000, search: station.code })).toBe(0);
  });

  it('refuses bad profile input on update and leaves the station as it was', async () => {
    const station = await create({ openingHours: hours, functionZones: [{ kind: 'PARTY_ACTIVITY_BASE' }] });
    const cases: [Record<string, unknown>, string[], string][] = [
      [
        {
          openingHours: {
            windows: [
              { weekday: 'MONDAY', opens: '09:00', closes: '12:00' },
              { weekday: 'MONDAY', opens: '08:00', closes: '09:30' },
            ],
          },
        },
        ['input', 'openingHours', 'windows', '0'],
        'INVALID',
      ],
      [{ openingHours: { windows: [{ weekday: 'MONDAY', opens: '25:00', closes: '23:00' }] } }, ['input', 'openingHours', 'windows', '0', 'opens'], 'INVALID'],
      [{ openingHours: { windows: [{ weekday: 'MONDAY', opens: '12:00', closes: '08:00' }] } }, ['input', 'openingHours', 'windows', '0', 'closes'], 'INVALID'],
      [{ functionZones: [{ kind: 'SENIOR_SCHOOL' }, { kind: 'SENIOR_SCHOOL' }] }, ['input', 'functionZones', '1', 'kind'], 'INVALID'],
      [{ functionZones: [{ kind: 'OTHER_FEATURED', name: '' }] }, ['input', 'functionZones', '0', 'name'], 'REQUIRED'],
      [{ functionZones: [{ kind: 'CHILD_CARE', areaSquareMetres: -20 }] }, ['input', 'functionZones', '0', 'areaSquareMetres'], 'INVALID'],
    ];
    for (const [change, field, code] of cases) {
      const res = await t.gql(UPDATE, { input: { id: station.id, version: station.version, ...change } });
      expect(res.data.updateStation.station).toBeNull();
      expect(res.data.updateStation.userErrors).toHaveLength(1);
      expect(res.data.updateStation.userErrors[0]).toMatchObject({ field, code });
      expect(await byId(station.id)).toEqual(station);
    }
  });

  describe('hubs', () => {
    async function newHub(): Promise<Station> {
      return create({ name: '安居社区党群服务中心', isHub: true, tier: 'LEADING' });
    }

    it('joins, moves and leaves a hub, and the member counts follow', async () => {
      const hub = await newHub();
      expect(hub).toMatchObject({ isHub: true, hub: null, hubMemberCount: 0 });
      const member = await create({ tier: 'BASIC' });
      let current = await update({ id: member.id, version: member.version, hubId: hub.id });
      expect(current.hub.code).toBe(hub.code);
      expect((await byId(hub.id)).hubMemberCount).toBe(1);

      current = await update({ id: member.id, version: current.version, hubId: wangzhaiHub.id });
      expect(current.hub.code).toBe(wangzhaiHub.code);
      expect((await byId(hub.id)).hubMemberCount).toBe(0);

      current = await update({ id: member.id, version: current.version, hubId: null });
      expect(current.hub).toBeNull();
    });

    it.each([
      ['itself', (self: Station) => self.id, 'INVALID', '驿站不能归属于自身'],
      ['a station that is not a hub', () => anju.id, 'INVALID', `“安居社区临街红色驿站”（${STATION_PROFILE.anjuStationCode}）不是党群服务中心`],
      ['a hub of another district', () => xiangchengHub.id, 'INVALID', '不在驿站所在的区'],
      ['an unknown station', () => 'U3RhdGlvbjowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA', 'NOT_FOUND', '找不到所选的党群服务中心'],
    ])('refuses a hub that is %s and changes nothing', async (_label, hubOf, code, message) => {
      const station = await create({ tier: 'BASIC' });
      const res = await t.gql(UPDATE, { input: { id: station.id, version: station.version, hubId: hubOf(station) } });
      expect(res.data.updateStation.userErrors).toHaveLength(1);
      expect(res.data.updateStation.userErrors[0]).toMatchObject({ field: ['input', 'hubId'], code });
      expect(res.data.updateStation.userErrors[0].message).toContain(message);
      expect(await byId(station.id)).toEqual(station);
    });

    it('refuses an archived hub', async () => {
      const hub = await create({ name: '安居社区规划党群服务中心', isHub: true, status: 'PLANNED' });
      const archived = await t.gql(ARCHIVE, { input: { id: hub.id, version: hub.version } });
      expect(archived.data.archiveStation.userErrors).toEqual([]);
      const station = await create({ tier: 'BASIC' });
      const res = await t.gql(UPDATE, { input: { id: station.id, version: station.version, hubId: hub.id } });
      expect(res.data.updateStation.userErrors[0]).toMatchObject({ field: ['input', 'hubId'], code: 'ARCHIVED' });
      expect(res.data.updateStation.userErrors[0].message).toContain('已归档，不能再接收驿站');
      expect(await byId(station.id)).toEqual(station);
    });

    it('refuses nesting: a hub joining a hub, or a member becoming a hub while it keeps its hub', async () => {
      const hub = await newHub();
      const joining = await t.gql(UPDATE, { input: { id: hub.id, version: hub.version, hubId: wangzhaiHub.id } });
      expect(joining.data.updateStation.userErrors).toEqual([
        { field: ['input', 'hubId'], code: 'INVALID', message: '党群服务中心不能再归属于其他党群服务中心：请先解除它的归属，或不要设为党群服务中心。' },
      ]);
      expect(await byId(hub.id)).toEqual(hub);

      const member = await create({ tier: 'BASIC', hubId: wangzhaiHub.id });
      const promoting = await t.gql(UPDATE, { input: { id: member.id, version: member.version, isHub: true } });
      expect(promoting.data.updateStation.userErrors[0]).toMatchObject({ field: ['input', 'isHub'], code: 'INVALID' });
      expect(await byId(member.id)).toEqual(member);

      // Leaving the hub and becoming one in the same change is fine.
      const promoted = await update({ id: member.id, version: member.version, isHub: true, hubId: null });
      expect(promoted).toMatchObject({ isHub: true, hub: null });
    });

    it('refuses to clear isHub while members point at it, saying how many and what to do', async () => {
      const hub = await newHub();
      const a = await create({ tier: 'BASIC', hubId: hub.id });
      await create({ tier: 'STANDARD', hubId: hub.id });
      const current = await byId(hub.id);
      expect(current.hubMemberCount).toBe(2);

      const res = await t.gql(UPDATE, { input: { id: hub.id, version: current.version, isHub: false, name: '不应写入' } });
      expect(res.data.updateStation.station).toBeNull();
      expect(res.data.updateStation.userErrors).toEqual([
        {
          field: ['input', 'isHub'],
          code: 'INVALID',
          message: '该党群服务中心下还有 2 个驿站，不能取消党群服务中心身份；请先把这些驿站改挂到其他党群服务中心或解除归属，再操作。',
        },
      ]);
      expect(await byId(hub.id)).toEqual(current);

      const archive = await t.gql(STATUS, { input: { id: hub.id, version: current.version, status: 'CLOSED' } });
      const closed = archive.data.changeStationStatus.station;
      const refused = await t.gql(ARCHIVE, { input: { id: hub.id, version: closed.version } });
      expect(refused.data.archiveStation.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID' });
      expect(refused.data.archiveStation.userErrors[0].message).toContain('还有 2 个驿站，不能归档');

      // Once a member leaves and the other is archived (which detaches it), the hub may stop being one.
      await update({ id: a.id, version: a.version, hubId: null });
      const others = await t.gql(`query($id: ID!) { stations(first: 5, filter: { hubId: $id }) { nodes { id version } } }`, { id: hub.id });
      const [b] = others.data.stations.nodes;
      const bClosed = (await t.gql(STATUS, { input: { id: b.id, version: b.version, status: 'CLOSED' } })).data.changeStationStatus.station;
      const bArchived = await t.gql(ARCHIVE, { input: { id: b.id, version: bClosed.version } });
      expect(bArchived.data.archiveStation.station.hub).toBeNull();
      expect((await byId(hub.id)).hubMemberCount).toBe(0);
      const cleared = await update({ id: hub.id, version: closed.version, isHub: false });
      expect(cleared.isHub).toBe(false);
    });

    it('keeps a member and its hub in one district when either moves', async () => {
      const member = await create({ tier: 'BASIC', hubId: wangzhaiHub.id });
      const communities = await t.gql(`{ regions(filter: { parentCode: "420602001000" }, first: 1) { nodes { code } } }`);
      const xiangchengCommunity = communities.data.regions.nodes[0].code;
      const moving = await t.gql(UPDATE, { input: { id: member.id, version: member.version, regionCode: xiangchengCommunity } });
      expect(moving.data.updateStation.userErrors).toHaveLength(1);
      expect(moving.data.updateStation.userErrors[0]).toMatchObject({ field: ['input', 'regionCode'], code: 'INVALID' });
      expect(moving.data.updateStation.userErrors[0].message).toContain('不在驿站所在的区');
      expect(await byId(member.id)).toEqual(member);
      // Moving together with a hub of the new district is fine.
      const moved = await update({ id: member.id, version: member.version, regionCode: xiangchengCommunity, hubId: xiangchengHub.id });
      expect(moved).toMatchObject({ region: { code: xiangchengCommunity }, hub: { code: STATION_PROFILE.xiangchengHubCode } });

      const hub = await newHub();
      await create({ tier: 'BASIC', hubId: hub.id });
      const current = await byId(hub.id);
      const hubMoving = await t.gql(UPDATE, { input: { id: hub.id, version: current.version, regionCode: xiangchengCommunity } });
      expect(hubMoving.data.updateStation.userErrors[0]).toMatchObject({ field: ['input', 'regionCode'], code: 'INVALID' });
      expect(hubMoving.data.updateStation.userErrors[0].message).toContain('还有 1 个驿站在原区');
      expect(await byId(hub.id)).toEqual(current);
    });
  });
});

describe('profile fields are batched per request', () => {
  it('costs the same number of SQL statements for 10 stations as for 100', async () => {
    const PAGE = `query($first: Int!) { stations(first: $first, filter: { regionCode: "${SEED.fanchengCode}" }) {
      nodes { code isHub hostsMobilePartyMemberServicePoint meetsOnePlusFour fiveIntoComplete fiveIntoFacilities groupsServed
        openingHours { note windows { weekday opens closes kind } isOpenAt(at: "${TUESDAY_2000}") }
        functionZones { kind category name areaSquareMetres }
        hub { code name } hubMemberCount
        hubMembers(first: 3) { totalCount nodes { code hub { code } } } } } }`;
    const countFor = async (first: number) => {
      let hubs = 0;
      let members = 0;
      const statements = await t.countStatements(async () => {
        const res = await t.gql(PAGE, { first });
        expect(res.errors).toBeUndefined();
        expect(res.data.stations.nodes).toHaveLength(first);
        hubs = res.data.stations.nodes.filter((n: Station) => n.isHub).length;
        members = res.data.stations.nodes.filter((n: Station) => n.hub).length;
      });
      return { statements, hubs, members };
    };

    const small = await countFor(10);
    const large = await countFor(100);
    expect(small.hubs).toBeGreaterThan(0);
    expect(large.hubs).toBeGreaterThan(small.hubs);
    expect(large.members).toBeGreaterThan(small.members);
    expect(large.statements).toBe(small.statements);
    // the caller's key + the page with its hubs, member counts and member pages
    // (planned into one statement)
    expect(large.statements).toBe(2);
  });
});
