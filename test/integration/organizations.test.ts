import { useTestApp } from '../helpers/app';
import { ORGANIZATION_SEED, REAL_CREDIT_CODES, SEED, YANPING_SEED } from '../helpers/fixtures';
import { encodeCursor, toGlobalId } from '../../src/graphql/relay';

const t = useTestApp();

const ORG_FIELDS = `id name kind creditCode creditCodeWarning contactName contactPhone active version createdAt updatedAt region { code }`;
const ERRORS = `userErrors { field code message }`;
const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { ${ORG_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { ${ORG_FIELDS} } ${ERRORS} } }`;
const DELETE = `mutation($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { deletedId ${ERRORS} } }`;
const GET = `query($id: ID!) { organization(id: $id) { ${ORG_FIELDS} } }`;
const LIST = `query($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String) {
  organizations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id name kind creditCode creditCodeWarning active region { code } } } }`;
/** Every kind this seed step writes (community party organizations come from another step). */
const SEEDED_KINDS = [
  'DUAL_REPORTING_PARTY_ORG',
  'RESIDENT_UNIT_PARTY_ORG',
  'SOCIAL_ORG',
  'VOLUNTEER_ORG',
  'PROPERTY_SERVICE',
  'ENTERPRISE',
  'CHAMBER',
  'PUBLIC_INSTITUTION',
  'GOVERNMENT_AGENCY',
  'OTHER',
];

type Org = Record<string, any>;

async function list(filter: Record<string, unknown> = {}, paging: Record<string, unknown> = { first: 100 }) {
  const res = await t.gql(LIST, { filter, ...paging });
  expect(res.errors).toBeUndefined();
  return res.data.organizations;
}

async function totalIncludingInactive(): Promise<number> {
  return (await list({ includeInactive: true }, { first: 1 })).totalCount;
}

async function get(id: string): Promise<Org | null> {
  const res = await t.gql(GET, { id });
  expect(res.errors).toBeUndefined();
  return res.data.organization;
}

async function seededId(name: string): Promise<string> {
  const found = await list({ search: name, includeInactive: true });
  const match = found.nodes.find((node: Org) => node.name === name);
  if (!match) throw new Error(`seeded organization ${name} not found`);
  return match.id;
}

let sequence = 0;
function newOrganization(overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    name: `襄阳市樊城区测试社会工作服务中心${sequence}号`,
    kind: 'SOCIAL_ORG',
    contactName: '李秀英',
    contactPhone: '13907101234',
    regionCode: SEED.fanchengCode,
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}): Promise<Org> {
  const res = await t.gql(CREATE, { input: newOrganization(overrides) });
  expect(res.errors).toBeUndefined();
  expect(res.data.createOrganization.userErrors).toEqual([]);
  return res.data.createOrganization.organization;
}

describe('organization queries', () => {
  it('fetches an organization by id with its region, co-buildings and activities, also through node(id)', async () => {
    const id = await seededId(ORGANIZATION_SEED.socialOrgName);
    const res = await t.gql(
      `query($id: ID!) { organization(id: $id) { id name kind creditCode creditCodeWarning active region { code name }
        coBuildings(first: 100) { totalCount nodes { role organization { id } station { code } } }
        activities(first: 100) { totalCount nodes { title startsAt organizer { id } station { code } } } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const organization = res.data.organization;
    expect(organization).toMatchObject({
      id,
      name: ORGANIZATION_SEED.socialOrgName,
      kind: 'SOCIAL_ORG',
      creditCode: ORGANIZATION_SEED.socialOrgCreditCode,
      creditCodeWarning: null,
      active: true,
      region: { code: SEED.cityCode, name: '襄阳市' },
    });
    expect(organization.coBuildings.totalCount).toBe(ORGANIZATION_SEED.socialOrgCoBuildings);
    expect(organization.coBuildings.nodes).toHaveLength(ORGANIZATION_SEED.socialOrgCoBuildings);
    for (const node of organization.coBuildings.nodes) {
      expect(node.organization.id).toBe(id);
      expect(node.station.code.startsWith(SEED.cityCode.slice(0, 4))).toBe(true);
    }
    expect(organization.activities.nodes).toHaveLength(ORGANIZATION_SEED.socialOrgActivities);
    expect(organization.activities.totalCount).toBe(ORGANIZATION_SEED.socialOrgActivities);
    const starts = organization.activities.nodes.map((activity: Org) => activity.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    for (const activity of organization.activities.nodes) expect(activity.organizer.id).toBe(id);

    const node = await t.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Organization { name } } }`, { id });
    expect(node.data.node).toEqual({ __typename: 'Organization', id, name: ORGANIZATION_SEED.socialOrgName });
  });

  it('returns null for an unknown id and BAD_USER_INPUT for one that is not an Organization ID', async () => {
    expect(await get(toGlobalId('Organization', '00000000-0000-4000-8000-000000000000'))).toBeNull();
    for (const id of ['nonsense', toGlobalId('Station', '00000000-0000-4000-8000-000000000000')]) {
      const res = await t.gql(GET, { id });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it("pages an organization's co-buildings newest first, with cursors and a total", async () => {
    const busiest = await t.gql(`{ organizations(first: 100, filter: { kind: [DUAL_REPORTING_PARTY_ORG] }) { nodes { id coBuildings(first: 1) { totalCount } } } }`);
    const best = busiest.data.organizations.nodes.reduce((a: Org, b: Org) => (b.coBuildings.totalCount > a.coBuildings.totalCount ? b : a));
    expect(best.coBuildings.totalCount).toBeGreaterThanOrEqual(5);
    const PAGE = `query($id: ID!, $first: Int!, $after: String) { organization(id: $id) { coBuildings(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id validFrom } } } } }`;
    const all = (await t.gql(PAGE, { id: best.id, first: 100 })).data.organization.coBuildings;
    expect(all.edges).toHaveLength(best.coBuildings.totalCount);
    const keys = all.edges.map((edge: Org) => edge.node.validFrom);
    expect(keys).toEqual([...keys].sort().reverse());

    const first = (await t.gql(PAGE, { id: best.id, first: 2 })).data.organization.coBuildings;
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await t.gql(PAGE, { id: best.id, first: 2, after: first.pageInfo.endCursor })).data.organization.coBuildings;
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.totalCount).toBe(best.coBuildings.totalCount);
    expect([...first.edges, ...second.edges].map((edge: Org) => edge.node.id)).toEqual(all.edges.slice(0, 4).map((edge: Org) => edge.node.id));
  });

  it("pages an organization's co-buildings backwards with last/before, 20 by default, in the order asked for", async () => {
    const busiest = await t.gql(`{ organizations(first: 100, filter: { kind: [DUAL_REPORTING_PARTY_ORG] }) { nodes { id coBuildings(first: 1) { totalCount } } } }`);
    const best = busiest.data.organizations.nodes.reduce((a: Org, b: Org) => (b.coBuildings.totalCount > a.coBuildings.totalCount ? b : a));
    const PAGE = `query($id: ID!, $first: Int, $last: Int, $before: String, $orderBy: CoBuildingOrder) { organization(id: $id) {
      coBuildings(first: $first, last: $last, before: $before, orderBy: $orderBy) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id createdAt } } } } }`;
    const page = async (variables: Record<string, unknown>) => {
      const res = await t.gql(PAGE, { id: best.id, ...variables });
      expect(res.errors).toBeUndefined();
      return res.data.organization.coBuildings;
    };
    const ids = (await page({ first: 100 })).edges.map((edge: Org) => edge.node.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect((await page({})).edges).toHaveLength(Math.min(20, ids.length));

    const tail = await page({ last: 2 });
    expect(tail.edges.map((edge: Org) => edge.node.id)).toEqual(ids.slice(-2));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const earlier = await page({ last: 2, before: tail.pageInfo.startCursor });
    expect(earlier.edges.map((edge: Org) => edge.node.id)).toEqual(ids.slice(-4, -2));
    expect(earlier.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(earlier.totalCount).toBe(ids.length);

    const byRegistration = await page({ first: 100, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    const created = byRegistration.edges.map((edge: Org) => edge.node.createdAt);
    expect(created).toEqual([...created].sort());
    expect(new Set(byRegistration.edges.map((edge: Org) => edge.node.id))).toEqual(new Set(ids));
  });

  it.each([
    ['first: 0', `coBuildings(first: 0) { totalCount }`],
    ['first: 101', `coBuildings(first: 101) { totalCount }`],
    ['last: 101', `coBuildings(last: 101) { totalCount }`],
    ['a garbage before cursor', `coBuildings(last: 1, before: "garbage") { totalCount }`],
    ['a garbage cursor', `coBuildings(after: "garbage") { totalCount }`],
    ['a cursor with an impossible date', `coBuildings(after: "${encodeCursor(['2023-02-30', '00000000-0000-4000-8000-000000000000'])}") { totalCount }`],
    ['a cursor with a bad id', `coBuildings(after: "${encodeCursor(['2023-02-01', 'x'])}") { totalCount }`],
    ['activities(first: 101)', `activities(first: 101) { nodes { title } }`],
    ['activities(from after to)', `activities(from: "2023-06-01T00:00:00Z", to: "2023-05-01T00:00:00Z") { nodes { title } }`],
  ])('answers BAD_USER_INPUT for %s on a nested list', async (_label, selection) => {
    const id = await seededId(ORGANIZATION_SEED.socialOrgName);
    const res = await t.gql(`query($id: ID!) { organization(id: $id) { ${selection} } }`, { id });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists active organizations by kind, one or several', async () => {
    const all = await list({ kind: SEEDED_KINDS }, { first: 1 });
    expect(all.totalCount).toBeGreaterThanOrEqual(ORGANIZATION_SEED.organizations);
    const social = await list({ kind: ['SOCIAL_ORG'] });
    expect(social.totalCount).toBeGreaterThanOrEqual(ORGANIZATION_SEED.socialOrgs);
    expect(social.nodes.every((node: Org) => node.kind === 'SOCIAL_ORG' && node.active)).toBe(true);
    const chambers = await list({ kind: ['CHAMBER'] }, { first: 1 });
    const both = await list({ kind: ['SOCIAL_ORG', 'CHAMBER'] }, { first: 1 });
    expect(both.totalCount).toBe(social.totalCount + chambers.totalCount);
  });

  it('filters by region subtree', async () => {
    const fancheng = await list({ regionCode: SEED.fanchengCode });
    expect(fancheng.totalCount).toBeGreaterThan(10);
    expect(fancheng.nodes.every((node: Org) => node.region.code.startsWith(SEED.fanchengCode))).toBe(true);
    // Every organization is Xiangyang's or Yanping's.
    const city = await list({ regionCode: SEED.cityCode }, { first: 1 });
    const yanping = await list({ regionCode: YANPING_SEED.districtCode }, { first: 1 });
    expect(yanping.totalCount).toBe(YANPING_SEED.organizations);
    expect(city.totalCount + yanping.totalCount).toBe((await list({}, { first: 1 })).totalCount);
    expect((await list({ regionCode: '999999' }, { first: 1 })).totalCount).toBe(0);
  });

  it('searches names in Chinese, with wildcards taken literally', async () => {
    const property = await list({ search: '物业' });
    expect(property.totalCount).toBeGreaterThanOrEqual(13);
    expect(property.nodes.every((node: Org) => node.name.includes('物业'))).toBe(true);
    expect((await list({ search: '商会' }, { first: 1 })).totalCount).toBeGreaterThanOrEqual(7);
    expect((await list({ search: '%' }, { first: 1 })).totalCount).toBe(0);
  });

  it('finds an organization by credit code in any case, and rejects a malformed one', async () => {
    const found = await list({ creditCode: ` ${ORGANIZATION_SEED.socialOrgCreditCode.toLowerCase()} ` });
    expect(found.nodes.map((node: Org) => node.name)).toEqual([ORGANIZATION_SEED.socialOrgName]);
    expect((await list({ creditCode: REAL_CREDIT_CODES.saic }, { first: 1 })).totalCount).toBe(0);
    const bad = await t.gql(LIST, { filter: { creditCode: '12345' }, first: 1 });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters on credit-code warnings: exactly the three early Fujian pilot codes are flagged', async () => {
    const flagged = await list({ hasCreditCodeWarning: true, kind: SEEDED_KINDS });
    expect(flagged.totalCount).toBe(ORGANIZATION_SEED.creditCodeWarnings);
    expect(flagged.nodes.every((node: Org) => node.creditCodeWarning === 'CHECK_CHARACTER_MISMATCH' && node.creditCode.slice(2, 4) === '35')).toBe(true);
    const clean = await list({ hasCreditCodeWarning: false, kind: SEEDED_KINDS }, { first: 100 });
    expect(clean.nodes.every((node: Org) => node.creditCodeWarning === null)).toBe(true);
    const all = await list({ kind: SEEDED_KINDS }, { first: 1 });
    expect(clean.totalCount + flagged.totalCount).toBe(all.totalCount);
  });

  it('pages forwards and backwards by name with opaque cursors', async () => {
    const twenty = await list({ kind: SEEDED_KINDS }, { first: 20 });
    const first = await list({ kind: SEEDED_KINDS }, { first: 10 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await list({ kind: SEEDED_KINDS }, { first: 10, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((node: Org) => node.id)).toEqual(twenty.nodes.map((node: Org) => node.id));
    const back = await list({ kind: SEEDED_KINDS }, { last: 10, before: second.pageInfo.startCursor });
    expect(back.nodes.map((node: Org) => node.id)).toEqual(first.nodes.map((node: Org) => node.id));
  });

  it('rejects page sizes outside 1..100 and forged cursors', async () => {
    for (const variables of [{ first: 0 }, { first: 101 }, { first: 5, after: 'garbage' }]) {
      const res = await t.gql(LIST, variables);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('createOrganization', () => {
  it('registers an organization with a real credit code, normalised to upper case without blanks', async () => {
    const before = await totalIncludingInactive();
    const organization = await create({ name: '阿里巴巴（中国）网络技术有限公司襄阳服务站', kind: 'ENTERPRISE', creditCode: ' 9133 0100 7161 0585 2f ' });
    expect(organization).toMatchObject({
      name: '阿里巴巴（中国）网络技术有限公司襄阳服务站',
      kind: 'ENTERPRISE',
      creditCode: REAL_CREDIT_CODES.alibaba,
      creditCodeWarning: null,
      contactName: '李秀英',
      contactPhone: '13907101234',
      active: true,
      version: 1,
      region: { code: SEED.fanchengCode },
    });
    expect(await totalIncludingInactive()).toBe(before + 1);
    expect(await get(organization.id)).toEqual(organization);
  });

  it('accepts a legal code whose check character fails, flagged CHECK_CHARACTER_MISMATCH', async () => {
    const organization = await create({ creditCode: '914403001922038217' });
    expect(organization).toMatchObject({ creditCode: '914403001922038217', creditCodeWarning: 'CHECK_CHARACTER_MISMATCH' });
  });

  it('registers a party branch without a credit code, and a blank code counts as none', async () => {
    const branch = await create({ kind: 'DUAL_REPORTING_PARTY_ORG', name: '中共襄阳市测试局机关支部委员会', creditCode: null });
    expect(branch).toMatchObject({ creditCode: null, creditCodeWarning: null });
    expect((await create({ creditCode: '   ' })).creditCode).toBeNull();
  });

  it('accepts a landline with its area code', async () => {
    expect((await create({ contactPhone: '0710 - 3456789' })).contactPhone).toBe('0710-3456789');
  });

  it.each([
    ['a 17-character code', { creditCode: REAL_CREDIT_CODES.huawei.slice(0, 17) }, 'creditCode', 'INVALID', '统一社会信用代码应为18位，您填写的是 17 位'],
    ['a 19-character code', { creditCode: `${REAL_CREDIT_CODES.huawei}1` }, 'creditCode', 'INVALID', '您填写的是 19 位'],
    ['a code with the letter O', { creditCode: '91330100716105852O' }, 'creditCode', 'INVALID', '不含 I、O、S、V、Z'],
    ['a code with the letter I', { creditCode: 'I1330100716105852F' }, 'creditCode', 'INVALID', '不含 I、O、S、V、Z'],
    [
      'a code already registered',
      { creditCode: ORGANIZATION_SEED.socialOrgCreditCode.toLowerCase() },
      'creditCode',
      'ALREADY_EXISTS',
      `已登记为“${ORGANIZATION_SEED.socialOrgName}”`,
    ],
    ['a malformed phone', { contactPhone: '1390710123' }, 'contactPhone', 'INVALID', '联系电话格式不正确'],
    ['a phone with letters', { contactPhone: '0710-ABCDEFG' }, 'contactPhone', 'INVALID', '座机请带区号'],
    ['an unknown region', { regionCode: '420699' }, 'regionCode', 'NOT_FOUND', '找不到行政区划代码“420699”'],
    ['an empty name', { name: '  ' }, 'name', 'REQUIRED', '请填写组织名称。'],
    ['a name over 100 characters', { name: '组'.repeat(101) }, 'name', 'TOO_LONG', '组织名称不能超过 100 个字。'],
    ['an empty contact name', { contactName: '' }, 'contactName', 'REQUIRED', '请填写联系人姓名。'],
    ['a contact name over 50 characters', { contactName: '李'.repeat(51) }, 'contactName', 'TOO_LONG', '联系人姓名不能超过 50 个字。'],
  ])('rejects %s with a Chinese user error and changes nothing', async (_label, overrides, field, code, message) => {
    const before = await totalIncludingInactive();
    const res = await t.gql(CREATE, { input: newOrganization(overrides) });
    expect(res.errors).toBeUndefined();
    expect(res.data.createOrganization.organization).toBeNull();
    expect(res.data.createOrganization.userErrors).toHaveLength(1);
    expect(res.data.createOrganization.userErrors[0]).toMatchObject({ field: ['input', field], code });
    expect(res.data.createOrganization.userErrors[0].message).toContain(message);
    expect(await totalIncludingInactive()).toBe(before);
  });

  it('never echoes the contact phone in its messages', async () => {
    for (const locale of ['zh', 'en']) {
      const res = await t.gql(CREATE, { input: newOrganization({ contactPhone: '1392718' }) }, { 'accept-language': locale });
      expect(res.data.createOrganization.userErrors[0].field).toEqual(['input', 'contactPhone']);
      expect(res.data.createOrganization.userErrors[0].message).not.toContain('1392718');
    }
  });

  it('reports several problems at once, in English when Accept-Language asks for it', async () => {
    const before = await totalIncludingInactive();
    const res = await t.gql(CREATE, { input: newOrganization({ name: '', creditCode: 'ABC', contactPhone: '12345' }) }, { 'accept-language': 'en' });
    const errors = res.data.createOrganization.userErrors;
    expect(errors.map((error: Org) => error.field[1]).sort()).toEqual(['contactPhone', 'creditCode', 'name']);
    expect(errors.find((error: Org) => error.field[1] === 'creditCode').message).toBe(
      'A unified social credit code has 18 characters; this one has 3. Check it against the business licence or registration certificate.',
    );
    expect(await totalIncludingInactive()).toBe(before);
  });

  it('lets only one of two concurrent registrations of the same code through', async () => {
    const before = await totalIncludingInactive();
    const code = REAL_CREDIT_CODES.baidu;
    const results = await Promise.all([1, 2].map(() => t.gql(CREATE, { input: newOrganization({ kind: 'ENTERPRISE', creditCode: code }) })));
    const winners = results.filter((res) => res.data.createOrganization.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    const loser = results.find((res) => res !== winners[0])!;
    expect(loser.data.createOrganization.userErrors[0]).toMatchObject({ field: ['input', 'creditCode'], code: 'ALREADY_EXISTS' });
    expect(loser.data.createOrganization.userErrors[0].message).toContain(winners[0].data.createOrganization.organization.name);
    expect(await totalIncludingInactive()).toBe(before + 1);
  });

  it('writes no contact data to the logs, whether a mutation succeeds or fails', async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) =>
      jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      }) as typeof stream.write);
    const previous = process.env.LOG_SILENT;
    process.env.LOG_SILENT = 'false';
    const spies = [capture(process.stdout), capture(process.stderr)];
    try {
      const organization = await create({ contactName: '欧阳春华', contactPhone: '18671012345', creditCode: REAL_CREDIT_CODES.ecnu, kind: 'PUBLIC_INSTITUTION' });
      await t.gql(CREATE, { input: newOrganization({ contactName: '欧阳春华', contactPhone: '18671012345', creditCode: REAL_CREDIT_CODES.ecnu }) });
      await t.gql(UPDATE, { input: { id: organization.id, version: 1, contactPhone: '18671054321' } });
      await t.gql(UPDATE, { input: { id: organization.id, version: 1, contactPhone: '18671099999' } });
    } finally {
      spies.forEach((spy) => spy.mockRestore());
      process.env.LOG_SILENT = previous;
    }
    const output = written.join('');
    for (const secret of ['欧阳春华', '18671012345', '18671054321', '18671099999']) expect(output).not.toContain(secret);
  });
});

describe('updateOrganization', () => {
  it('changes the given fields and bumps the version', async () => {
    const organization = await create();
    const res = await t.gql(UPDATE, {
      input: {
        id: organization.id,
        version: 1,
        name: '襄阳市樊城区春晖社会工作服务中心',
        kind: 'VOLUNTEER_ORG',
        regionCode: SEED.cityCode,
        contactName: '王建华',
        contactPhone: '0710-3111222',
      },
    });
    expect(res.data.updateOrganization.userErrors).toEqual([]);
    expect(res.data.updateOrganization.organization).toMatchObject({
      name: '襄阳市樊城区春晖社会工作服务中心',
      kind: 'VOLUNTEER_ORG',
      region: { code: SEED.cityCode },
      contactName: '王建华',
      contactPhone: '0710-3111222',
      creditCode: null,
      version: 2,
    });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const organization = await create();
    const fresh = await t.gql(UPDATE, { input: { id: organization.id, version: 1, contactName: '张敏' } });
    const current = fresh.data.updateOrganization.organization;
    const stale = await t.gql(UPDATE, { input: { id: organization.id, version: 1, name: '不应写入' } });
    expect(stale.data.updateOrganization.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: '该组织已被他人修改（您读取的是第 1 版，当前为第 2 版），请刷新后重新修改。' },
    ]);
    expect(await get(organization.id)).toEqual(current);
  });

  it('checks a new credit code again: valid, flagged, cleared', async () => {
    const organization = await create();
    const flagged = await t.gql(UPDATE, { input: { id: organization.id, version: 1, creditCode: '91310000132260250A' } });
    expect(flagged.data.updateOrganization.organization).toMatchObject({ creditCode: '91310000132260250A', creditCodeWarning: 'CHECK_CHARACTER_MISMATCH', version: 2 });
    const fixed = await t.gql(UPDATE, { input: { id: organization.id, version: 2, creditCode: REAL_CREDIT_CODES.saic.toLowerCase() } });
    expect(fixed.data.updateOrganization.organization).toMatchObject({ creditCode: REAL_CREDIT_CODES.saic, creditCodeWarning: null });
    const same = await t.gql(UPDATE, { input: { id: organization.id, version: 3, creditCode: REAL_CREDIT_CODES.saic, name: '上汽集团襄阳服务站' } });
    expect(same.data.updateOrganization.userErrors).toEqual([]);
    const cleared = await t.gql(UPDATE, { input: { id: organization.id, version: 4, creditCode: null } });
    expect(cleared.data.updateOrganization.organization).toMatchObject({ creditCode: null, creditCodeWarning: null, version: 5 });
  });

  it.each([
    ['a malformed credit code', { creditCode: '9131000013226025' }, 'creditCode', 'INVALID'],
    ["another organization's credit code", { creditCode: ORGANIZATION_SEED.socialOrgCreditCode }, 'creditCode', 'ALREADY_EXISTS'],
    ['a malformed phone', { contactPhone: '110' }, 'contactPhone', 'INVALID'],
    ['an unknown region', { regionCode: '000000' }, 'regionCode', 'NOT_FOUND'],
    ['an empty name', { name: '' }, 'name', 'REQUIRED'],
  ])('refuses %s and leaves the organization as it was', async (_label, change, field, code) => {
    const organization = await create({ creditCode: null });
    const res = await t.gql(UPDATE, { input: { id: organization.id, version: 1, ...change } });
    expect(res.data.updateOrganization.organization).toBeNull();
    expect(res.data.updateOrganization.userErrors).toEqual([expect.objectContaining({ field: ['input', field], code })]);
    expect(await get(organization.id)).toEqual(organization);
  });

  it('deactivates with active: false, which hides it from lists unless includeInactive, and reactivates', async () => {
    const organization = await create({ name: '襄阳市樊城区待停用测试志愿服务中心' });
    const off = await t.gql(UPDATE, { input: { id: organization.id, version: 1, active: false } });
    expect(off.data.updateOrganization.organization).toMatchObject({ active: false, version: 2 });
    expect((await list({ search: '待停用测试' })).totalCount).toBe(0);
    const inactive = await list({ search: '待停用测试', includeInactive: true });
    expect(inactive.nodes.map((node: Org) => [node.id, node.active])).toEqual([[organization.id, false]]);
    expect((await get(organization.id))?.active).toBe(false);
    const on = await t.gql(UPDATE, { input: { id: organization.id, version: 2, active: true } });
    expect(on.data.updateOrganization.organization.active).toBe(true);
    expect((await list({ search: '待停用测试' })).totalCount).toBe(1);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    const unknown = await t.gql(UPDATE, { input: { id: toGlobalId('Organization', '00000000-0000-4000-8000-000000000000'), version: 1, name: '某组织' } });
    expect(unknown.data.updateOrganization.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: '找不到该组织，请刷新后重试。' }]);
    const malformed = await t.gql(UPDATE, { input: { id: 'nonsense', version: 1, name: '某组织' } });
    expect(malformed.data.updateOrganization.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID' });
  });
});

describe('deleteOrganization', () => {
  it('deletes an organization that nothing references', async () => {
    const organization = await create();
    const before = await totalIncludingInactive();
    const res = await t.gql(DELETE, { input: { id: organization.id, version: 1 } });
    expect(res.data.deleteOrganization).toEqual({ deletedId: organization.id, userErrors: [] });
    expect(await get(organization.id)).toBeNull();
    expect(await totalIncludingInactive()).toBe(before - 1);
  });

  it('refuses to delete a seeded organization that co-buildings reference: it can only be deactivated', async () => {
    const id = await seededId(ORGANIZATION_SEED.socialOrgName);
    const organization = await get(id);
    const res = await t.gql(DELETE, { input: { id, version: organization!.version } });
    expect(res.data.deleteOrganization.deletedId).toBeNull();
    expect(res.data.deleteOrganization.userErrors).toEqual([
      { field: ['input', 'id'], code: 'IN_USE', message: '该组织已被引用（如共建关系、活动或驿站记录），不能删除，只能停用：请改用“停用”。' },
    ]);
    expect(await get(id)).toEqual(organization);
  });

  it('refuses to delete an organization that only an activity references', async () => {
    const organization = await create();
    const station = await t.gql(`{ station(code: "${ORGANIZATION_SEED.anjuWarmNewStationCode}") { id } }`);
    const activity = await t.gql(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } ${ERRORS} } }`, {
      input: {
        stationId: station.data.station.id,
        organizerId: organization.id,
        category: 'LEGAL_AID',
        title: '法律援助咨询日',
        startsAt: '2024-03-01T01:00:00Z',
        endsAt: '2024-03-01T03:00:00Z',
        participants: 12,
      },
    });
    expect(activity.data.createActivity.userErrors).toEqual([]);
    const res = await t.gql(DELETE, { input: { id: organization.id, version: 1 } }, { 'accept-language': 'en' });
    expect(res.data.deleteOrganization.userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'IN_USE',
        message: 'The organization is referenced (by co-building relations, activities or station records) and cannot be deleted; deactivate it instead.',
      },
    ]);
    expect(await get(organization.id)).toEqual(organization);
  });

  it('refuses a stale version and unknown or malformed ids, deleting nothing', async () => {
    const organization = await create();
    await t.gql(UPDATE, { input: { id: organization.id, version: 1, contactName: '赵勇' } });
    const before = await totalIncludingInactive();
    const stale = await t.gql(DELETE, { input: { id: organization.id, version: 1 } });
    expect(stale.data.deleteOrganization).toEqual({ deletedId: null, userErrors: [expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })] });
    const unknown = await t.gql(DELETE, { input: { id: toGlobalId('Organization', '00000000-0000-4000-8000-000000000000'), version: 1 } });
    expect(unknown.data.deleteOrganization.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
    const malformed = await t.gql(DELETE, { input: { id: 'nonsense', version: 1 } });
    expect(malformed.data.deleteOrganization.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    expect(await totalIncludingInactive()).toBe(before);
    expect((await get(organization.id))?.version).toBe(2);
  });
});
