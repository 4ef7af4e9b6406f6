import { useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

const t = useTestApp();

const FIELDS = `id code name shortName level active version createdAt updatedAt region { code name level }`;
const ERRORS = `userErrors { field code message }`;
const CREATE = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { department { ${FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { department { ${FIELDS} } ${ERRORS} } }`;
const BY_CODE = `query($code: String!) { department(code: $code) { ${FIELDS} } }`;
const TOTAL = `{ departments(first: 1, filter: { includeInactive: true }) { totalCount } }`;

async function total(): Promise<number> {
  return (await t.gql(TOTAL)).data.departments.totalCount;
}

describe('department queries', () => {
  it('finds a seeded department by code and again by its global id, with its jurisdiction', async () => {
    const byCode = await t.gql(BY_CODE, { code: 'XY-ZGH' });
    expect(byCode.data.department).toMatchObject({
      code: 'XY-ZGH',
      name: '襄阳市总工会',
      shortName: '市总工会',
      level: 'CITY',
      active: true,
      region: { code: SEED.cityCode, level: 'CITY' },
    });
    const byId = await t.gql(`query($id: ID!) { department(id: $id) { code } node(id: $id) { ... on Department { name } } }`, { id: byCode.data.department.id });
    expect(byId.data).toEqual({ department: { code: 'XY-ZGH' }, node: { name: '襄阳市总工会' } });
  });

  it('answers null for an unknown code and BAD_USER_INPUT for a foreign id or both arguments', async () => {
    expect((await t.gql(BY_CODE, { code: 'NO-SUCH' })).data.department).toBeNull();
    const station = await t.gql(`{ stations(first: 1) { nodes { id } } }`);
    const foreign = await t.gql(`query($id: ID!) { department(id: $id) { code } }`, { id: station.data.stations.nodes[0].id });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const both = await t.gql(`{ department(id: "x", code: "XY-ZGH") { code } }`);
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists departments by code and filters by level, region subtree and Chinese text', async () => {
    const all = await t.gql(`{ departments(first: 100) { totalCount nodes { code level } } }`);
    const codes = all.data.departments.nodes.map((d: { code: string }) => d.code);
    expect(codes).toEqual([...codes].sort());
    expect(all.data.departments.totalCount).toBe(codes.length);

    const district = await t.gql(`{ departments(first: 100, filter: { level: [DISTRICT] }) { nodes { code level } } }`);
    expect(district.data.departments.nodes.length).toBeGreaterThan(0);
    expect(district.data.departments.nodes.every((d: { level: string }) => d.level === 'DISTRICT')).toBe(true);

    const fancheng = await t.gql(`{ departments(first: 100, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { code region { code } } } }`);
    expect(fancheng.data.departments.nodes.map((d: { code: string }) => d.code).sort()).toEqual(['FC-MZJ', 'FC-ZWJ']);

    const search = await t.gql(`{ departments(first: 10, filter: { search: "人社" }) { nodes { code shortName } } }`);
    expect(search.data.departments.nodes.map((d: { code: string }) => d.code).sort()).toEqual(['HB-RST', 'XY-RSJ']);
  });

  it('pages with keyset cursors forwards and backwards', async () => {
    const first = await t.gql(`{ departments(first: 3) { nodes { code } pageInfo { endCursor hasNextPage } } }`);
    const next = await t.gql(`query($after: String) { departments(first: 3, after: $after) { nodes { code } pageInfo { startCursor hasPreviousPage } } }`, {
      after: first.data.departments.pageInfo.endCursor,
    });
    const back = await t.gql(`query($before: String) { departments(last: 3, before: $before) { nodes { code } } }`, {
      before: next.data.departments.pageInfo.startCursor,
    });
    expect(first.data.departments.pageInfo.hasNextPage).toBe(true);
    expect(next.data.departments.nodes[0].code > first.data.departments.nodes[2].code).toBe(true);
    expect(back.data.departments.nodes).toEqual(first.data.departments.nodes);
    const forged = await t.gql(`{ departments(first: 3, after: "WyJ4IiwiMSJd") { nodes { code } } }`);
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('department mutations', () => {
  const input = { code: 'XY-XFJ', name: '襄阳市信访局', shortName: '市信访局', level: 'CITY', regionCode: SEED.cityCode };

  it('creates a department and refuses its code a second time', async () => {
    const created = await t.gql(CREATE, { input });
    expect(created.data.createDepartment).toMatchObject({
      userErrors: [],
      department: { code: 'XY-XFJ', name: '襄阳市信访局', level: 'CITY', active: true, version: 1, region: { code: SEED.cityCode } },
    });
    const before = await total();
    const again = await t.gql(CREATE, { input: { ...input, name: '另一个部门' } });
    expect(again.data.createDepartment.department).toBeNull();
    expect(again.data.createDepartment.userErrors).toEqual([{ field: ['input', 'code'], code: 'ALREADY_EXISTS', message: '部门代码“XY-XFJ”已被使用，请换一个。' }]);
    expect(await total()).toBe(before);
  });

  it('lets exactly one of several concurrent creates with one code win', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => t.gql(CREATE, { input: { ...input, code: 'XY-RACE', name: `并发部门${i}` } })));
    const winners = results.filter((res) => res.data.createDepartment.department);
    expect(winners).toHaveLength(1);
    for (const res of results.filter((r) => !r.data.createDepartment.department)) {
      expect(res.data.createDepartment.userErrors).toEqual([expect.objectContaining({ field: ['input', 'code'], code: 'ALREADY_EXISTS' })]);
    }
  });

  it.each([
    [{ code: 'xy-lower' }, ['input', 'code'], 'INVALID'],
    [{ code: 'X' }, ['input', 'code'], 'INVALID'],
    [{ name: '   ' }, ['input', 'name'], 'REQUIRED'],
    [{ shortName: '简'.repeat(31) }, ['input', 'shortName'], 'TOO_LONG'],
    [{ regionCode: '999999' }, ['input', 'regionCode'], 'NOT_FOUND'],
    [{ regionCode: SEED.fanchengCode }, ['input', 'regionCode'], 'INVALID'],
  ])('refuses %j and changes nothing', async (override, field, code) => {
    const before = await total();
    const res = await t.gql(CREATE, { input: { ...input, code: 'XY-NEW', ...override } });
    expect(res.data.createDepartment.department).toBeNull();
    expect(res.data.createDepartment.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await total()).toBe(before);
  });

  it('explains a level mismatch in Chinese, or English when asked', async () => {
    const zh = await t.gql(CREATE, { input: { ...input, code: 'XY-NEW', regionCode: SEED.fanchengCode } });
    expect(zh.data.createDepartment.userErrors[0].message).toBe('市级部门的辖区须为市级行政区划，“樊城区”（420606）不是。');
    const en = await t.gql(CREATE, { input: { ...input, code: 'XY-NEW', regionCode: SEED.fanchengCode } }, { 'accept-language': 'en' });
    expect(en.data.createDepartment.userErrors[0].message).toBe('A CITY department needs a CITY region as its jurisdiction; "樊城区" (420606) is not one.');
  });

  it('updates with the version read, deactivates instead of deleting, and refuses a stale version', async () => {
    const { data } = await t.gql(BY_CODE, { code: 'XY-FL' });
    const original = data.department;
    const renamed = await t.gql(UPDATE, { input: { id: original.id, version: original.version, shortName: '襄阳妇联', active: false } });
    expect(renamed.data.updateDepartment).toMatchObject({ userErrors: [], department: { shortName: '襄阳妇联', active: false, version: original.version + 1, code: 'XY-FL' } });

    const listed = await t.gql(`{ departments(first: 100) { nodes { code } } }`);
    expect(listed.data.departments.nodes.map((d: { code: string }) => d.code)).not.toContain('XY-FL');
    const withInactive = await t.gql(`{ departments(first: 100, filter: { includeInactive: true }) { nodes { code } } }`);
    expect(withInactive.data.departments.nodes.map((d: { code: string }) => d.code)).toContain('XY-FL');

    const stale = await t.gql(UPDATE, { input: { id: original.id, version: original.version, name: '旧版本的修改' } });
    expect(stale.data.updateDepartment.department).toBeNull();
    expect(stale.data.updateDepartment.userErrors).toEqual([
      {
        field: ['input', 'version'],
        code: 'CONFLICT',
        message: `该部门已被他人修改（您读取的是第 ${original.version} 版，当前为第 ${original.version + 1} 版），请刷新后重新修改。`,
      },
    ]);
    expect((await t.gql(BY_CODE, { code: 'XY-FL' })).data.department).toMatchObject({ name: '襄阳市妇女联合会', version: original.version + 1 });
  });

  it('reports an unknown or malformed id as a user error', async () => {
    const malformed = await t.gql(UPDATE, { input: { id: 'nope', version: 1, name: '某部门' } });
    expect(malformed.data.updateDepartment.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    const missing = Buffer.from('Department:00000000-0000-4000-8000-000000000000').toString('base64url');
    const res = await t.gql(UPDATE, { input: { id: missing, version: 1, name: '某部门' } });
    expect(res.data.updateDepartment.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: '找不到该部门，请刷新后重试。' }]);
  });
});
