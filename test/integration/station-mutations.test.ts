import { useTestApp } from '../helpers/app';
import { SEED, XIANGYANG_POINT } from '../helpers/fixtures';
import { CoordinateSystem, fromWgs84 } from '../../src/geo/coordinates';

const t = useTestApp();

const STATION_FIELDS = `id code name tier kind status address planYear openedOn version archivedAt
  region { code } serviceCircle { id } location { latitude longitude coordinateSystem }`;
const ERRORS = `userErrors { field code message }`;

const CREATE = `mutation($input: CreateStationInput!) { createStation(input: $input) { station { ${STATION_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { ${STATION_FIELDS} } ${ERRORS} } }`;
const STATUS = `mutation($input: ChangeStationStatusInput!) { changeStationStatus(input: $input) { station { ${STATION_FIELDS} } ${ERRORS} } }`;
const ARCHIVE = `mutation($input: ArchiveStationInput!) { archiveStation(input: $input) { station { ${STATION_FIELDS} } ${ERRORS} } }`;
const TOTAL = `{ stations(first: 1, filter: { includeArchived: true }) { totalCount } }`;
const GET = `query($id: ID!) { station(id: $id) { ${STATION_FIELDS} } }`;

function newStation(overrides: Record<string, unknown> = {}) {
  return {
    name: '安居社区外卖小哥暖新驿站',
    regionCode: SEED.anjuCommunityCode,
    tier: 'STANDARD',
    kind: 'WARM_NEW',
    address: '湖北省襄阳市樊城区王寨街道安居路18号临街门面',
    location: { ...XIANGYANG_POINT },
    ...overrides,
  };
}

async function total(): Promise<number> {
  return (await t.gql(TOTAL)).data.stations.totalCount;
}

async function create(overrides: Record<string, unknown> = {}) {
  const res = await t.gql(CREATE, { input: newStation(overrides) });
  expect(res.errors).toBeUndefined();
  expect(res.data.createStation.userErrors).toEqual([]);
  return res.data.createStation.station;
}

describe('createStation', () => {
  it('registers a station with a code issued from its community, next in sequence', async () => {
    const before = await t.gql(
      `{ stations(first: 100, filter: { regionCode: "${SEED.anjuCommunityCode}", includeArchived: true }, orderBy: { field: CODE, direction: DESC }) { nodes { code } } }`,
    );
    const highest = before.data.stations.nodes.map((n: { code: string }) => Number(n.code.split('-')[1]))[0] ?? 0;

    const station = await create();
    expect(station.code).toBe(`${SEED.anjuCommunityCode}-${String(highest + 1).padStart(3, '0')}`);
    expect(station).toMatchObject({
      name: '安居社区外卖小哥暖新驿站',
      tier: 'STANDARD',
      kind: 'WARM_NEW',
      status: 'PLANNED',
      version: 1,
      openedOn: null,
      archivedAt: null,
      region: { code: SEED.anjuCommunityCode },
      location: { ...XIANGYANG_POINT, coordinateSystem: 'WGS84' },
    });
    const second = await create({ name: '安居社区第二暖新驿站' });
    expect(second.code).toBe(`${SEED.anjuCommunityCode}-${String(highest + 2).padStart(3, '0')}`);
  });

  it('stores a GCJ-02 location as WGS-84', async () => {
    const gcj = fromWgs84({ lat: XIANGYANG_POINT.latitude, lng: XIANGYANG_POINT.longitude }, CoordinateSystem.GCJ02);
    const station = await create({ location: { latitude: gcj.lat, longitude: gcj.lng, coordinateSystem: 'GCJ02' } });
    expect(station.location.latitude).toBeCloseTo(XIANGYANG_POINT.latitude, 6);
    expect(station.location.longitude).toBeCloseTo(XIANGYANG_POINT.longitude, 6);
  });

  it('opens directly with today as opening date, and links a service circle of its district', async () => {
    const circles = await t.gql(`{ serviceCircles(first: 1, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { id } } }`);
    const circleId = circles.data.serviceCircles.nodes[0].id;
    const station = await create({ status: 'OPEN', serviceCircleId: circleId, planYear: 2024 });
    expect(station.status).toBe('OPEN');
    expect(station.openedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(station.serviceCircle.id).toBe(circleId);
    expect(station.planYear).toBe(2024);
  });

  it('issues distinct codes to concurrent creations in the same community', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => t.gql(CREATE, { input: newStation({ name: `并发驿站${i + 1}` }) })));
    const codes = results.map((res) => res.data.createStation.station.code);
    expect(new Set(codes).size).toBe(8);
  });

  it.each([
    ['an empty name', { name: '   ' }, ['input', 'name'], 'REQUIRED', '请填写驿站名称。'],
    ['a name over 100 characters', { name: '驿'.repeat(101) }, ['input', 'name'], 'TOO_LONG', '驿站名称不能超过 100 个字。'],
    ['an empty address', { address: '' }, ['input', 'address'], 'REQUIRED', '请填写驿站地址。'],
    ['an unknown region', { regionCode: '420606999999' }, ['input', 'regionCode'], 'NOT_FOUND', '找不到行政区划代码“420606999999”'],
    ['a street instead of a community', { regionCode: SEED.streetCode }, ['input', 'regionCode'], 'INVALID', '驿站须挂在社区或村一级'],
    ['coordinates outside China', { location: { latitude: 35.68, longitude: 139.76 } }, ['input', 'location'], 'OUT_OF_BOUNDS', '不在中国境内'],
    ['latitude and longitude swapped', { location: { latitude: 112.14, longitude: 32.04 } }, ['input', 'location'], 'OUT_OF_BOUNDS', '经纬度是否填反'],
    ['a plan year far in the past', { planYear: 1990 }, ['input', 'planYear'], 'INVALID', '计划年度须在'],
    [
      'an unknown service circle',
      { serviceCircleId: 'U2VydmljZUNpcmNsZTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA' },
      ['input', 'serviceCircleId'],
      'NOT_FOUND',
      '找不到所选的15分钟便民服务圈',
    ],
    ['an initial status of CLOSED', { status: 'CLOSED' }, ['input', 'status'], 'INVALID_TRANSITION', '新建驿站的状态只能是'],
    ['an opening date on a planned station', { openedOn: '2023-05-01' }, ['input', 'openedOn'], 'INVALID', '不能填写建成日期'],
  ])('rejects %s with a Chinese user error and changes nothing', async (_label, overrides, field, code, message) => {
    const before = await total();
    const res = await t.gql(CREATE, { input: newStation(overrides) });
    expect(res.errors).toBeUndefined();
    expect(res.data.createStation.station).toBeNull();
    expect(res.data.createStation.userErrors).toHaveLength(1);
    expect(res.data.createStation.userErrors[0]).toMatchObject({ field, code });
    expect(res.data.createStation.userErrors[0].message).toContain(message);
    expect(await total()).toBe(before);
  });

  it('reports several problems at once, in English when Accept-Language asks for it', async () => {
    const res = await t.gql(CREATE, { input: newStation({ name: '', location: { latitude: 0, longitude: 0 } }) }, { 'accept-language': 'en-US,en;q=0.9' });
    const errors = res.data.createStation.userErrors;
    expect(errors.map((e: { code: string }) => e.code).sort()).toEqual(['OUT_OF_BOUNDS', 'REQUIRED']);
    expect(errors.find((e: { code: string }) => e.code === 'REQUIRED').message).toBe('Enter the station name.');
  });

  it('rejects a circle of another district', async () => {
    const circles = await t.gql(`{ serviceCircles(first: 1, filter: { regionCode: "420602" }) { nodes { id } } }`);
    const res = await t.gql(CREATE, { input: newStation({ serviceCircleId: circles.data.serviceCircles.nodes[0].id }) });
    expect(res.data.createStation.userErrors[0]).toMatchObject({ field: ['input', 'serviceCircleId'], code: 'INVALID' });
  });

  it('rejects a bad enum value before running anything', async () => {
    const before = await total();
    const res = await t.gql(CREATE, { input: newStation({ tier: 'PLATINUM' }) });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await total()).toBe(before);
  });
});

describe('updateStation', () => {
  it('changes the given fields, bumps the version and keeps the code', async () => {
    const station = await create();
    const res = await t.gql(UPDATE, { input: { id: station.id, version: 1, name: '安居社区红色驿站（临街）', tier: 'LEADING' } });
    expect(res.data.updateStation.userErrors).toEqual([]);
    expect(res.data.updateStation.station).toMatchObject({ name: '安居社区红色驿站（临街）', tier: 'LEADING', version: 2, code: station.code, address: station.address });
  });

  it('moves a station to another community without changing its code', async () => {
    const station = await create();
    const other = await t.gql(`{ regions(filter: { parentCode: "420606002000" }, first: 2) { nodes { code } } }`);
    const target = other.data.regions.nodes.map((n: { code: string }) => n.code).find((code: string) => code !== SEED.anjuCommunityCode);
    const res = await t.gql(UPDATE, { input: { id: station.id, version: 1, regionCode: target } });
    expect(res.data.updateStation.station.region.code).toBe(target);
    expect(res.data.updateStation.station.code).toBe(station.code);
    // Lists asked by region follow the move (each station carries its region's path).
    const listed = async (regionCode: string) =>
      (await t.gql(`{ stations(first: 100, filter: { regionCode: "${regionCode}" }) { nodes { id } } }`)).data.stations.nodes.map((n: { id: string }) => n.id);
    expect(await listed(target)).toContain(station.id);
    expect(await listed(SEED.anjuCommunityCode)).not.toContain(station.id);
    expect(await listed('420606002000')).toContain(station.id);
  });

  it('keeps region lists right when a region moves: its stations take its new path', async () => {
    const station = await create();
    const connection = t.app.database.orm.em.getConnection();
    const [anju] = await connection.execute<{ id: number; path: string }[]>('select id, path from region where code = ?', [SEED.anjuCommunityCode]);
    const listed = async (regionCode: string) =>
      (await t.gql(`{ stations(first: 100, filter: { regionCode: "${regionCode}" }) { nodes { id } } }`)).data.stations.nodes.map((n: { id: string }) => n.id);
    // Reference data corrected in the database (no mutation moves regions): 安居社区 under another street.
    const otherStreet = '420606001000';
    const [street] = await connection.execute<{ path: string }[]>('select path from region where code = ?', [otherStreet]);
    try {
      await connection.execute('update region set path = ? where id = ?', [`${street.path}${SEED.anjuCommunityCode}/`, anju.id]);
      expect(await listed(otherStreet)).toContain(station.id);
      expect(await listed('420606002000')).not.toContain(station.id);
    } finally {
      await connection.execute('update region set path = ? where id = ?', [anju.path, anju.id]);
    }
    expect(await listed('420606002000')).toContain(station.id);
    // A path of anything but codes each followed by '/' is refused.
    await expect(connection.execute(`update region set path = '420000/4206-00/' where id = ?`, [anju.id])).rejects.toThrow(/region_path_check/);
  });

  it('refuses a stale version with CONFLICT naming the current version, and changes nothing', async () => {
    const station = await create();
    await t.gql(UPDATE, { input: { id: station.id, version: 1, address: '新地址1号' } });
    const stale = await t.gql(UPDATE, { input: { id: station.id, version: 1, name: '不应写入' } });
    expect(stale.data.updateStation.station).toBeNull();
    expect(stale.data.updateStation.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: '该驿站已被他人修改（您读取的是第 1 版，当前为第 2 版），请刷新后重新修改。' },
    ]);
    const now = (await t.gql(GET, { id: station.id })).data.station;
    expect(now).toMatchObject({ name: station.name, address: '新地址1号', version: 2 });
    // The current version is a field too: a client retries with it without parsing the message.
    const typed = await t.gql(`mutation($input: UpdateStationInput!) { updateStation(input: $input) { userErrors { field code currentVersion existingId } } }`, {
      input: { id: station.id, version: 1, name: '不应写入' },
    });
    expect(typed.data.updateStation.userErrors).toEqual([{ field: ['input', 'version'], code: 'CONFLICT', currentVersion: 2, existingId: null }]);
  });

  it('refuses a version below 1 as INVALID, never as a CONFLICT, and changes nothing', async () => {
    const station = await create();
    for (const version of [0, -1]) {
      const res = await t.gql(UPDATE, { input: { id: station.id, version, name: '不应写入' } }, { 'accept-language': 'en' });
      expect(res.data.updateStation).toEqual({
        station: null,
        userErrors: [
          {
            field: ['input', 'version'],
            code: 'INVALID',
            message: `The version must be the positive whole number you read with the record (versions start at 1); you gave ${version}.`,
          },
        ],
      });
    }
    const status = await t.gql(STATUS, { input: { id: station.id, version: -1, status: 'UNDER_CONSTRUCTION' } });
    expect(status.data.changeStationStatus.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'INVALID' })]);
    expect((await t.gql(GET, { id: station.id })).data.station).toEqual(station);
  });

  it('lets exactly one of several concurrent writers of one version win', async () => {
    const station = await create();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => t.gql(UPDATE, { input: { id: station.id, version: 1, name: `并发修改${i}` } })));
    const winners = results.filter((res) => res.data.updateStation.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    for (const res of results) {
      if (res !== winners[0]) expect(res.data.updateStation.userErrors[0].code).toBe('CONFLICT');
    }
    const now = (await t.gql(GET, { id: station.id })).data.station;
    expect(now.version).toBe(2);
    expect(now.name).toBe(winners[0].data.updateStation.station.name);
  });

  it('validates like create and leaves the station as it was', async () => {
    const station = await create();
    const res = await t.gql(UPDATE, { input: { id: station.id, version: 1, name: '', location: { latitude: 91, longitude: 200 } } });
    expect(res.data.updateStation.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(['OUT_OF_BOUNDS', 'REQUIRED']);
    expect((await t.gql(GET, { id: station.id })).data.station).toEqual(station);
  });

  it("answers NOT_FOUND for an unknown id, INVALID for a malformed one or another type's", async () => {
    const unknown = await t.gql(UPDATE, { input: { id: 'U3RhdGlvbjowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA', version: 1, name: 'x' } });
    expect(unknown.data.updateStation.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'NOT_FOUND' });
    const malformed = await t.gql(UPDATE, { input: { id: 'nonsense', version: 1, name: 'x' } });
    expect(malformed.data.updateStation.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID' });
    const otherType = await t.gql(UPDATE, { input: { id: Buffer.from('Person:00000000-0000-4000-8000-000000000000').toString('base64url'), version: 1, name: 'x' } });
    expect(otherType.data.updateStation.userErrors).toEqual([
      { field: ['input', 'id'], code: 'INVALID', message: '这不是驿站的 ID：格式不正确，或是其他类型记录的 ID。请使用查询返回的驿站 id。' },
    ]);
  });
});

describe('changeStationStatus and archiveStation', () => {
  it('walks the life cycle PLANNED → UNDER_CONSTRUCTION → OPEN → SUSPENDED → OPEN → CLOSED, then archives', async () => {
    const station = await create();
    let version = station.version;
    for (const status of ['UNDER_CONSTRUCTION', 'OPEN', 'SUSPENDED', 'OPEN', 'CLOSED']) {
      const res = await t.gql(STATUS, { input: { id: station.id, version, status } });
      expect(res.data.changeStationStatus.userErrors).toEqual([]);
      expect(res.data.changeStationStatus.station.status).toBe(status);
      expect(res.data.changeStationStatus.station.openedOn === null).toBe(status === 'UNDER_CONSTRUCTION');
      version = res.data.changeStationStatus.station.version;
    }
    const archived = await t.gql(ARCHIVE, { input: { id: station.id, version } });
    expect(archived.data.archiveStation.userErrors).toEqual([]);
    expect(archived.data.archiveStation.station.archivedAt).not.toBeNull();

    // Archived: out of default lists, still addressable, read-only; its code is never reused.
    const listed = await t.gql(`query($s: String!) { stations(first: 5, filter: { search: $s }) { totalCount } }`, { s: station.code });
    expect(listed.data.stations.totalCount).toBe(0);
    const withArchived = await t.gql(`query($s: String!) { stations(first: 5, filter: { search: $s, includeArchived: true }) { totalCount } }`, { s: station.code });
    expect(withArchived.data.stations.totalCount).toBe(1);
    const edit = await t.gql(UPDATE, { input: { id: station.id, version: version + 1, name: '改名' } });
    expect(edit.data.updateStation.userErrors[0].code).toBe('ARCHIVED');
    const next = await create();
    expect(next.code > station.code).toBe(true);
  });

  it('refuses illegal transitions with the allowed ones in the message, and changes nothing', async () => {
    const station = await create();
    const res = await t.gql(STATUS, { input: { id: station.id, version: 1, status: 'OPEN' } });
    expect(res.data.changeStationStatus.userErrors).toEqual([
      { field: ['input', 'status'], code: 'INVALID_TRANSITION', message: '驿站状态不能从“规划中”改为“运行中”。当前状态可改为：“建设中”、“已关闭”。' },
    ]);
    const en = await t.gql(STATUS, { input: { id: station.id, version: 1, status: 'SUSPENDED' } }, { 'accept-language': 'en' });
    expect(en.data.changeStationStatus.userErrors[0].message).toBe('The station status cannot change from PLANNED to SUSPENDED. Allowed from PLANNED: UNDER_CONSTRUCTION, CLOSED.');
    expect((await t.gql(GET, { id: station.id })).data.station).toEqual(station);
  });

  it('refuses to archive an open station and to change status on a stale version', async () => {
    const station = await create({ status: 'OPEN' });
    const archive = await t.gql(ARCHIVE, { input: { id: station.id, version: 1 } });
    expect(archive.data.archiveStation.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(archive.data.archiveStation.userErrors[0].message).toContain('运行中');
    const stale = await t.gql(STATUS, { input: { id: station.id, version: 7, status: 'SUSPENDED' } });
    expect(stale.data.changeStationStatus.userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect((await t.gql(GET, { id: station.id })).data.station).toEqual(station);
  });
});
