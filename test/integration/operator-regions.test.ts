import { getNamedType, isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { ORGANIZATION_SEED, SEED } from '../helpers/fixtures';

/**
 * A street or community operator keeps the records of its own region: it cannot register people,
 * organizations or activities outside it, nor move its own out of it. Production-mode app.
 */
const t = useTestApp({ NODE_ENV: 'production' });

/** 檀溪社区 (襄城区): outside the 樊城区 operator's region. */
const OUTSIDE_COMMUNITY = '420602001008';
/** 襄阳市: it contains 樊城区, but is not inside it. */
const CITY = SEED.cityCode;

const ERRORS = 'userErrors { field code message }';
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id version region { code } } ${ERRORS} } }`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id version region { code } } ${ERRORS} } }`;
const GET_PERSON = `query($id: ID!) { person(id: $id) { id name version region { code } } }`;
const PEOPLE_TOTAL = `{ people(first: 1, filter: { includeInactive: true }) { totalCount } }`;
const ORG_FIELDS = 'id name version region { code }';
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { ${ORG_FIELDS} } ${ERRORS} } }`;
const UPDATE_ORG = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { ${ORG_FIELDS} } ${ERRORS} } }`;
const GET_ORG = `query($id: ID!) { organization(id: $id) { ${ORG_FIELDS} } }`;
const ORGS_TOTAL = `{ organizations(first: 1, filter: { includeInactive: true }) { totalCount } }`;
const ACT_FIELDS = 'id title version station { id }';
const CREATE_ACT = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { ${ACT_FIELDS} } ${ERRORS} } }`;
const UPDATE_ACT = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { ${ACT_FIELDS} } ${ERRORS} } }`;
const GET_ACT = `query($id: ID!) { activity(id: $id) { ${ACT_FIELDS} } }`;
const ACTS_AT = `query($id: ID!) { activities(first: 1, filter: { stationId: $id }) { totalCount } }`;

const OUTSIDE_MESSAGE = '您只能维护本辖区（区划代码 420606）内的记录，该记录不在您的辖区内。';
const REGION_REQUIRED_MESSAGE = '您只能维护本辖区（区划代码 420606）内的记录：请填写本辖区内的社区（村）或街道（乡镇）区划代码，不能不填或清空。';

let operator: Record<string, string>;

beforeAll(async () => {
  operator = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
});

async function ok(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Record<string, any>> {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function firstStation(regionCode: string): Promise<string> {
  const data = await ok(`query($code: String!) { stations(first: 1, filter: { regionCode: $code, status: [OPEN] }) { nodes { id } } }`, { code: regionCode });
  return data.stations.nodes[0].id;
}

describe('people', () => {
  const person = (overrides: Record<string, unknown> = {}) => ({ name: '范文娟', role: 'VOLUNTEER', phone: '13971002001', ...overrides });

  it('an operator cannot register a person without a region or outside its region; nothing is created', async () => {
    const before = (await ok(PEOPLE_TOTAL, {})).people.totalCount;
    const withoutRegion = await ok(CREATE_PERSON, { input: person() }, operator);
    expect(withoutRegion.createPerson).toEqual({ person: null, userErrors: [{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: REGION_REQUIRED_MESSAGE }] });
    const withNull = await ok(CREATE_PERSON, { input: person({ regionCode: null }) }, operator);
    expect(withNull.createPerson.userErrors).toEqual([{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: REGION_REQUIRED_MESSAGE }]);
    const outside = await ok(CREATE_PERSON, { input: person({ regionCode: OUTSIDE_COMMUNITY }) }, operator);
    expect(outside.createPerson).toEqual({ person: null, userErrors: [{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: OUTSIDE_MESSAGE }] });
    expect((await ok(PEOPLE_TOTAL, {})).people.totalCount).toBe(before);

    // Inside its region it may; an administrator may register someone who serves no region yet.
    const inside = await ok(CREATE_PERSON, { input: person({ regionCode: SEED.anjuCommunityCode }) }, operator);
    expect(inside.createPerson.userErrors).toEqual([]);
    expect(inside.createPerson.person.region.code).toBe(SEED.anjuCommunityCode);
    const byAdmin = await ok(CREATE_PERSON, { input: person() });
    expect(byAdmin.createPerson).toMatchObject({ person: { region: null }, userErrors: [] });
  });

  it('an operator cannot move its own person out of its region, nor take their region away; nothing changes', async () => {
    const created = (await ok(CREATE_PERSON, { input: person({ regionCode: SEED.anjuCommunityCode }) }, operator)).createPerson.person;
    const before = (await ok(GET_PERSON, { id: created.id })).person;
    const moved = await ok(UPDATE_PERSON, { input: { id: created.id, version: created.version, regionCode: OUTSIDE_COMMUNITY } }, operator);
    expect(moved.updatePerson).toEqual({ person: null, userErrors: [{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: OUTSIDE_MESSAGE }] });
    const cleared = await ok(UPDATE_PERSON, { input: { id: created.id, version: created.version, regionCode: null } }, operator);
    expect(cleared.updatePerson).toEqual({ person: null, userErrors: [{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: REGION_REQUIRED_MESSAGE }] });
    expect((await ok(GET_PERSON, { id: created.id })).person).toEqual(before);

    // Within its region it may move them, e.g. to the street above the community.
    const withinRegion = await ok(UPDATE_PERSON, { input: { id: created.id, version: created.version, regionCode: SEED.streetCode } }, operator);
    expect(withinRegion.updatePerson).toMatchObject({ person: { region: { code: SEED.streetCode }, version: created.version + 1 }, userErrors: [] });
  });
});

describe('organizations', () => {
  let sequence = 0;
  const organization = (overrides: Record<string, unknown> = {}) => ({
    name: `襄阳市樊城区辖区测试志愿服务队${++sequence}号`,
    kind: 'VOLUNTEER_ORG',
    contactName: '陈立新',
    contactPhone: '13971002002',
    regionCode: SEED.anjuCommunityCode,
    ...overrides,
  });

  it('an operator cannot register an organization outside its region, nor one based in the city above it; nothing is created', async () => {
    const before = (await ok(ORGS_TOTAL, {})).organizations.totalCount;
    for (const regionCode of [OUTSIDE_COMMUNITY, CITY]) {
      const res = await ok(CREATE_ORG, { input: organization({ regionCode }) }, operator);
      expect(res.createOrganization).toEqual({ organization: null, userErrors: [{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: OUTSIDE_MESSAGE }] });
    }
    const { regionCode: _left, ...withoutRegion } = organization();
    const missing = await t.gql(CREATE_ORG, { input: withoutRegion }, operator);
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ok(ORGS_TOTAL, {})).organizations.totalCount).toBe(before);

    const inside = await ok(CREATE_ORG, { input: organization() }, operator);
    expect(inside.createOrganization).toMatchObject({ organization: { region: { code: SEED.anjuCommunityCode } }, userErrors: [] });
  });

  it('a refused caller learns nothing about the organization that holds a credit code', async () => {
    const input = organization({ creditCode: ORGANIZATION_SEED.socialOrgCreditCode, regionCode: OUTSIDE_COMMUNITY });
    const res = await ok(CREATE_ORG, { input }, operator);
    expect(res.createOrganization.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);
    expect(JSON.stringify(res)).not.toContain(ORGANIZATION_SEED.socialOrgName);
    // Anonymous callers may not read organizations at all: the request is refused as a whole, naming nothing of them.
    const anonymous = await t.gql(CREATE_ORG, { input }, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Organization' });
    expect(JSON.stringify(anonymous)).not.toContain(ORGANIZATION_SEED.socialOrgName);
    const plain = await t.gql(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { userErrors { field code message } } }',
      { input },
      ANONYMOUS_HEADERS,
    );
    expect(plain.data.createOrganization.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);
    expect(JSON.stringify(plain)).not.toContain(ORGANIZATION_SEED.socialOrgName);
  });

  it("an operator cannot move its own organization out of its region, nor change another region's; nothing changes", async () => {
    const own = (await ok(CREATE_ORG, { input: organization() }, operator)).createOrganization.organization;
    for (const regionCode of [OUTSIDE_COMMUNITY, CITY]) {
      const res = await ok(UPDATE_ORG, { input: { id: own.id, version: own.version, regionCode } }, operator);
      expect(res.updateOrganization).toEqual({ organization: null, userErrors: [{ field: ['input', 'regionCode'], code: 'FORBIDDEN', message: OUTSIDE_MESSAGE }] });
    }
    expect((await ok(GET_ORG, { id: own.id })).organization).toEqual(own);

    const foreign = (await ok(`{ organizations(first: 1, filter: { regionCode: "420602" }) { nodes { ${ORG_FIELDS} } } }`, {})).organizations.nodes[0];
    const res = await ok(UPDATE_ORG, { input: { id: foreign.id, version: foreign.version, regionCode: SEED.anjuCommunityCode } }, operator);
    expect(res.updateOrganization).toEqual({ organization: null, userErrors: [{ field: ['input', 'id'], code: 'FORBIDDEN', message: OUTSIDE_MESSAGE }] });
    expect((await ok(GET_ORG, { id: foreign.id })).organization).toEqual(foreign);
  });
});

describe('activities', () => {
  const activity = (stationId: string, overrides: Record<string, unknown> = {}) => ({
    stationId,
    category: 'TRAINING',
    title: '社区应急救护培训',
    startsAt: '2030-06-01T09:00:00+08:00',
    endsAt: '2030-06-01T11:00:00+08:00',
    participants: 20,
    ...overrides,
  });

  it('an operator cannot record an activity at a station outside its region; nothing is created', async () => {
    const outside = await firstStation('420602');
    const before = (await ok(ACTS_AT, { id: outside })).activities.totalCount;
    const res = await ok(CREATE_ACT, { input: activity(outside) }, operator);
    expect(res.createActivity).toEqual({ activity: null, userErrors: [{ field: ['input', 'stationId'], code: 'FORBIDDEN', message: OUTSIDE_MESSAGE }] });
    expect((await ok(ACTS_AT, { id: outside })).activities.totalCount).toBe(before);

    const inside = await firstStation(SEED.anjuCommunityCode);
    expect((await ok(CREATE_ACT, { input: activity(inside) }, operator)).createActivity.userErrors).toEqual([]);
  });

  it("an activity stays at its station: no update names one, and another region's activity cannot be changed", async () => {
    // An activity's region is its station's, and no update can change the station.
    const input = getNamedType(getSchema().getMutationType()!.getFields().updateActivity.args[0].type);
    expect(isInputObjectType(input)).toBe(true);
    expect(Object.keys((input as GraphQLInputObjectType).getFields()).filter((name) => /station|region/i.test(name))).toEqual([]);

    const outside = await firstStation('420602');
    const created = (await ok(CREATE_ACT, { input: activity(outside, { title: '檀溪社区读书会' }) })).createActivity.activity;
    const res = await ok(UPDATE_ACT, { input: { id: created.id, version: created.version, title: '越权修改' } }, operator);
    expect(res.updateActivity).toEqual({ activity: null, userErrors: [{ field: ['input', 'id'], code: 'FORBIDDEN', message: OUTSIDE_MESSAGE }] });
    expect((await ok(GET_ACT, { id: created.id })).activity).toEqual(created);
  });
});
