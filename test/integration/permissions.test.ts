import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, XIANGYANG_POINT } from '../helpers/fixtures';

/** 檀溪社区 in 襄城区: outside the 樊城区 operator's region. */
const XIANGCHENG_COMMUNITY = '420602001008';

const t = useTestApp();

const CREATE = `mutation($input: CreateStationInput!) { createStation(input: $input) { station { id code version } userErrors { field code message } } }`;
const UPDATE = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { name version } userErrors { field code message } } }`;
const STATUS = `mutation($input: ChangeStationStatusInput!) { changeStationStatus(input: $input) { station { status } userErrors { field code message } } }`;
const CREATE_DEPARTMENT = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { department { code } userErrors { field code message } } }`;
const TOTAL = `{ stations(first: 1, filter: { includeArchived: true }) { totalCount } }`;

const station = (regionCode: string, name = '权限测试驿站') => ({
  name,
  regionCode,
  tier: 'BASIC',
  kind: 'COMMUNITY',
  address: '湖北省襄阳市测试路1号',
  location: { ...XIANGYANG_POINT },
});

let operator: Record<string, string>;
let partner: Record<string, string>;
let analyst: Record<string, string>;

beforeAll(async () => {
  operator = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  partner = await t.clientHeaders({ name: '市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
  analyst = await t.clientHeaders({ name: '分析员', roles: ['ANALYST'] });
});

async function total(): Promise<number> {
  return (await t.gql(TOTAL)).data.stations.totalCount;
}

async function firstStationIn(regionCode: string): Promise<{ id: string; version: number; name: string }> {
  const res = await t.gql(`{ stations(first: 1, filter: { regionCode: "${regionCode}" }) { nodes { id version name } } }`);
  return res.data.stations.nodes[0];
}

describe('who may write stations', () => {
  it('refuses anonymous writes with a FORBIDDEN user error asking to sign in, and creates nothing', async () => {
    const before = await total();
    const res = await t.gql(CREATE, { input: station(SEED.anjuCommunityCode) }, ANONYMOUS_HEADERS);
    expect(res.data.createStation).toEqual({
      station: null,
      userErrors: [{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: '修改数据须先登录：请携带接口密钥或统一身份认证令牌。' }],
    });
    expect(await total()).toBe(before);
  });

  it('lets a region operator create inside its region but not outside it', async () => {
    const inside = await t.gql(CREATE, { input: station(SEED.anjuCommunityCode, '安居社区权限测试驿站') }, operator);
    expect(inside.data.createStation.userErrors).toEqual([]);
    expect(inside.data.createStation.station.code).toMatch(new RegExp(`^${SEED.anjuCommunityCode}-`));

    const before = await total();
    const outside = await t.gql(CREATE, { input: station(XIANGCHENG_COMMUNITY) }, operator);
    expect(outside.data.createStation.station).toBeNull();
    expect(outside.data.createStation.userErrors).toEqual([
      { field: ['input', 'regionCode'], code: 'FORBIDDEN', message: '您只能维护本辖区（区划代码 420606）内的记录，该记录不在您的辖区内。' },
    ]);
    expect(await total()).toBe(before);
  });

  it('lets a region operator change its own stations only, and not move one out of its region', async () => {
    const own = await firstStationIn(SEED.fanchengCode);
    const renamed = await t.gql(UPDATE, { input: { id: own.id, version: own.version, name: `${own.name}（已核实）` } }, operator);
    expect(renamed.data.updateStation.userErrors).toEqual([]);

    const moved = await t.gql(UPDATE, { input: { id: own.id, version: own.version + 1, regionCode: XIANGCHENG_COMMUNITY } }, operator);
    expect(moved.data.updateStation.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);

    const foreign = await firstStationIn('420602');
    for (const [query, input] of [
      [UPDATE, { id: foreign.id, version: foreign.version, name: '越权修改' }],
      [STATUS, { id: foreign.id, version: foreign.version, status: 'SUSPENDED' }],
    ] as const) {
      const res = await t.gql(query, { input }, operator);
      expect(Object.values(res.data)[0]).toMatchObject({ station: null, userErrors: [expect.objectContaining({ field: ['input', 'id'], code: 'FORBIDDEN' })] });
    }
    expect(await firstStationIn('420602')).toEqual(foreign);
  });

  it('refuses station writes to partners and analysts, saying their role does not allow it', async () => {
    const own = await firstStationIn(SEED.fanchengCode);
    for (const headers of [partner, analyst]) {
      const res = await t.gql(UPDATE, { input: { id: own.id, version: own.version, name: '不该改的名字' } }, headers);
      expect(res.data.updateStation.userErrors).toEqual([
        { field: ['input', 'id'], code: 'FORBIDDEN', message: '您的账号角色没有权限进行此操作，如需开通请联系组织部管理员。' },
      ]);
    }
    const english = await t.gql(UPDATE, { input: { id: own.id, version: own.version, name: 'x' } }, { ...partner, 'accept-language': 'en' });
    expect(english.data.updateStation.userErrors[0].message).toBe('Your role does not allow this; ask the organization department administrator if you need it.');
    expect((await firstStationIn(SEED.fanchengCode)).name).toBe(own.name);
  });

  it('still lets anyone read public station facts', async () => {
    const res = await t.gql(`{ stations(first: 2) { totalCount nodes { name address status location { latitude } } } }`, {}, ANONYMOUS_HEADERS);
    expect(res.errors).toBeUndefined();
    expect(res.data.stations.nodes).toHaveLength(2);
  });
});

describe('who may administer departments', () => {
  it('allows only administrators', async () => {
    const input = { code: 'XY-TJJ', name: '襄阳市统计局', level: 'CITY', regionCode: SEED.cityCode };
    for (const headers of [operator, partner, analyst, ANONYMOUS_HEADERS]) {
      const res = await t.gql(CREATE_DEPARTMENT, { input }, headers);
      expect(res.data.createDepartment.department).toBeNull();
      expect(res.data.createDepartment.userErrors[0].code).toBe('FORBIDDEN');
    }
    expect((await t.gql(`{ department(code: "XY-TJJ") { code } }`)).data.department).toBeNull();
    expect((await t.gql(CREATE_DEPARTMENT, { input })).data.createDepartment).toEqual({ department: { code: 'XY-TJJ' }, userErrors: [] });
  });
});

describe('who may write platforms', () => {
  const CREATE_PLATFORM = `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { platform { id ownerRef } userErrors { field code message } } }`;
  const UPDATE_PLATFORM = `mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) { platform { name } userErrors { field code message } } }`;
  const PLATFORMS = `query($code: String!) { platforms(first: 1, filter: { departmentCode: $code }) { totalCount nodes { id name version } } }`;

  async function careStation(departmentCode: string, ownerRef: string) {
    const host = await firstStationIn(SEED.anjuCommunityCode);
    return {
      kind: 'UNION_CARE_STATION',
      stationId: host.id,
      departmentCode,
      name: '安居社区户外劳动者爱心驿站',
      ownerRef,
      unionCare: { amenities: ['DRINKING_WATER', 'MICROWAVE', 'PHONE_CHARGING'] },
    };
  }

  it("lets a partner write its own department's platforms only", async () => {
    const own = await t.gql(CREATE_PLATFORM, { input: await careStation('XY-ZGH', 'ZGH-PERM-0001') }, partner);
    expect(own.data.createPlatform).toMatchObject({ userErrors: [], platform: { ownerRef: 'ZGH-PERM-0001' } });

    const before = (await t.gql(PLATFORMS, { code: 'XY-RSJ' })).data.platforms;
    const foreign = await t.gql(CREATE_PLATFORM, { input: await careStation('XY-RSJ', 'RSJ-PERM-0001') }, partner);
    expect(foreign.data.createPlatform.userErrors).toEqual([
      { field: ['input', 'departmentCode'], code: 'FORBIDDEN', message: '您只能维护本部门（XY-ZGH）的记录，不能修改其他部门的记录。' },
    ]);
    const target = before.nodes[0];
    const update = await t.gql(UPDATE_PLATFORM, { input: { id: target.id, version: target.version, name: '越权改名' } }, partner);
    expect(update.data.updatePlatform.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'FORBIDDEN' })]);
    expect((await t.gql(PLATFORMS, { code: 'XY-RSJ' })).data.platforms).toEqual(before);
  });

  it('refuses platform writes to operators, analysts and anonymous callers', async () => {
    for (const headers of [operator, analyst, ANONYMOUS_HEADERS]) {
      const res = await t.gql(CREATE_PLATFORM, { input: await careStation('XY-ZGH', 'ZGH-PERM-0002') }, headers);
      expect(res.data.createPlatform).toMatchObject({ platform: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
    }
  });
});
