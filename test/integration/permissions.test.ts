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
      expect(res.data.updateStation.userErrors).toEqual([{ field: ['input', 'id'], code: 'FORBIDDEN', message: '您的账号角色没有权限进行此操作，如需开通请联系组织部管理员。' }]);
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

describe('who may write people and rosters', () => {
  const CREATE_SHIFT = `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { dutyShift { id } userErrors { field code } } }`;
  const SHIFTS = `query($id: ID!) { dutyShifts(first: 1, filter: { stationId: $id }) { totalCount } }`;

  async function personIn(regionCode: string): Promise<{ id: string }> {
    const res = await t.gql(`query($code: String!) { people(first: 1, filter: { regionCode: $code, role: [VOLUNTEER] }) { nodes { id } } }`, { code: regionCode });
    return res.data.people.nodes[0];
  }

  it('lets an operator roster its own stations only', async () => {
    const shift = (stationId: string, personId: string) => ({
      stationId,
      personId,
      startsAt: '2024-01-06T19:30:00+08:00',
      endsAt: '2024-01-06T21:30:00+08:00',
      kind: 'EVENING_POST',
    });
    const own = await t.gql(`{ stations(first: 1, filter: { regionCode: "${SEED.fanchengCode}", status: [OPEN] }) { nodes { id } } }`);
    const ok = await t.gql(CREATE_SHIFT, { input: shift(own.data.stations.nodes[0].id, (await personIn(SEED.fanchengCode)).id) }, operator);
    expect(ok.data.createDutyShift.userErrors).toEqual([]);

    const foreign = await t.gql(`{ stations(first: 1, filter: { regionCode: "420602", status: [OPEN] }) { nodes { id } } }`);
    const stationId = foreign.data.stations.nodes[0].id;
    const before = (await t.gql(SHIFTS, { id: stationId })).data.dutyShifts.totalCount;
    const refused = await t.gql(CREATE_SHIFT, { input: shift(stationId, (await personIn('420602')).id) }, operator);
    expect(refused.data.createDutyShift).toEqual({ dutyShift: null, userErrors: [{ field: ['input', 'stationId'], code: 'FORBIDDEN' }] });
    expect((await t.gql(SHIFTS, { id: stationId })).data.dutyShifts.totalCount).toBe(before);
  });

  it('refuses people writes outside the region and to other roles', async () => {
    const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } userErrors { field code } } }`;
    const person = await t.gql(`query($code: String!) { people(first: 1, filter: { regionCode: $code }) { nodes { id version } } }`, { code: '420602' });
    const target = person.data.people.nodes[0];
    for (const headers of [operator, partner, analyst]) {
      const res = await t.gql(UPDATE_PERSON, { input: { id: target.id, version: target.version, isPartyMember: true } }, headers);
      expect(res.data.updatePerson).toEqual({ person: null, userErrors: [{ field: ['input', 'id'], code: 'FORBIDDEN' }] });
    }
    // Anonymous callers may not even read people: a write selecting one is refused as a whole ...
    const anonymous = await t.gql(UPDATE_PERSON, { input: { id: target.id, version: target.version, isPartyMember: true } }, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Person' });
    // ... and without it the service refuses the write itself.
    const plain = await t.gql(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { userErrors { field code } } }`,
      {
        input: { id: target.id, version: target.version, isPartyMember: true },
      },
      ANONYMOUS_HEADERS,
    );
    expect(plain.data.updatePerson.userErrors).toEqual([{ field: ['input', 'id'], code: 'FORBIDDEN' }]);
    expect((await t.gql(`query($id: ID!) { person(id: $id) { version } }`, { id: target.id })).data.person.version).toBe(target.version);
  });
});

describe('personal data', () => {
  const PEOPLE = `query($code: String!) { people(first: 1, filter: { regionCode: $code, role: [GRID_WORKER] }) { nodes { id name phone } } }`;
  const PERSON = `query($id: ID!) { person(id: $id) { name phone } }`;

  it('is whole for admins and the region operator, masked for partners and other operators, absent for analysts', async () => {
    const inFancheng = (await t.gql(PEOPLE, { code: SEED.fanchengCode })).data.people.nodes[0];
    const inXiangcheng = (await t.gql(PEOPLE, { code: '420602' })).data.people.nodes[0];
    expect(inFancheng.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    expect(inFancheng.phone).toMatch(/^1\d{10}$/);
    const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
    const maskedName = (name: string) => (name.length === 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name[name.length - 1]}`);

    expect((await t.gql(PERSON, { id: inFancheng.id }, operator)).data.person).toEqual({ name: inFancheng.name, phone: inFancheng.phone });
    expect((await t.gql(PERSON, { id: inXiangcheng.id }, operator)).data.person).toEqual({ name: maskedName(inXiangcheng.name), phone: masked(inXiangcheng.phone) });
    expect((await t.gql(PERSON, { id: inFancheng.id }, partner)).data.person).toEqual({ name: maskedName(inFancheng.name), phone: masked(inFancheng.phone) });
    expect((await t.gql(PERSON, { id: inFancheng.id }, analyst)).data.person).toEqual({ name: null, phone: null });
  });

  it('obeys the same rules through node(id)', async () => {
    const person = (await t.gql(PEOPLE, { code: '420602' })).data.people.nodes[0];
    const NODE = `query($id: ID!) { node(id: $id) { ... on Person { name phone } } }`;
    expect((await t.gql(NODE, { id: person.id })).data.node).toEqual({ name: person.name, phone: person.phone });
    expect((await t.gql(NODE, { id: person.id }, operator)).data.node.phone).toContain('****');
    expect((await t.gql(NODE, { id: person.id }, partner)).data.node.phone).toContain('****');
    expect((await t.gql(NODE, { id: person.id }, analyst)).data.node).toEqual({ name: null, phone: null });
  });

  it("masks organizations' contacts the same way", async () => {
    const ORGS = `{ organizations(first: 1, filter: { kind: [SOCIAL_ORG] }) { nodes { id contactName contactPhone } } }`;
    const whole = (await t.gql(ORGS)).data.organizations.nodes[0];
    expect(whole.contactPhone).toMatch(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/);
    const forPartner = (await t.gql(ORGS, {}, partner)).data.organizations.nodes[0];
    expect(forPartner.contactPhone).toContain('****');
    expect(forPartner.contactName).not.toBe(whole.contactName);
    expect((await t.gql(ORGS, {}, analyst)).data.organizations.nodes[0]).toMatchObject({ contactName: null, contactPhone: null });
  });

  it('is out of reach of anonymous callers, who see public station facts only', async () => {
    const people = await t.gql(`{ people(first: 1) { totalCount } }`, {}, ANONYMOUS_HEADERS);
    expect(people.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const nested = await t.gql(`{ stations(first: 1) { nodes { name contactCadre { name } } } }`, {}, ANONYMOUS_HEADERS);
    // Checked once for the whole selection, before anything is read: the request is refused, naming the field.
    expect(nested.status).toBe(403);
    expect(nested.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'Station.contactCadre' } });
    expect(nested.data ?? null).toBeNull();
    const person = (await t.gql(PEOPLE, { code: SEED.fanchengCode })).data.people.nodes[0];
    const byNode = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: person.id }, ANONYMOUS_HEADERS);
    expect(byNode.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const facts = await t.gql(
      `{ stations(first: 3, filter: { status: [OPEN], kind: [WARM_NEW] }) { nodes { name address status location { latitude longitude }
        openingHours { windows { weekday opens closes } } serviceItems(first: 5) { totalCount } platforms { nodes { __typename name } } } } }`,
      {},
      ANONYMOUS_HEADERS,
    );
    expect(facts.errors).toBeUndefined();
    expect(facts.data.stations.nodes[0].openingHours.windows.length).toBeGreaterThan(0);
  });
});
