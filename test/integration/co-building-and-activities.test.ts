import { useTestApp } from '../helpers/app';
import { ORGANIZATION_SEED, SEED, XIANGYANG_POINT, YANPING_SEED } from '../helpers/fixtures';
import { toGlobalId } from '../../src/graphql/relay';
import { todayInChina } from '../../src/modules/station/station.service';

const t = useTestApp();

type Rec = Record<string, any>;
const ERRORS = `userErrors { field code message }`;
const CB_FIELDS = `id role agreementSignedOn commitments commitmentNote validFrom validTo active version organization { id name } station { id code }`;
const CREATE_CB = `mutation($input: CreateCoBuildingInput!) { createCoBuilding(input: $input) { coBuilding { ${CB_FIELDS} } ${ERRORS} } }`;
const UPDATE_CB = `mutation($input: UpdateCoBuildingInput!) { updateCoBuilding(input: $input) { coBuilding { ${CB_FIELDS} } ${ERRORS} } }`;
const END_CB = `mutation($input: EndCoBuildingInput!) { endCoBuilding(input: $input) { coBuilding { ${CB_FIELDS} } ${ERRORS} } }`;
const GET_CB = `query($id: ID!) { coBuilding(id: $id) { ${CB_FIELDS} } }`;
const LIST_CB = `query($filter: CoBuildingFilter, $first: Int, $after: String) { coBuildings(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { ${CB_FIELDS} } } }`;

const ACT_FIELDS = `id category title description startsAt endsAt participants version station { id code } organizer { id name }`;
const CREATE_ACT = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { ${ACT_FIELDS} } ${ERRORS} } }`;
const UPDATE_ACT = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { ${ACT_FIELDS} } ${ERRORS} } }`;
const DELETE_ACT = `mutation($input: DeleteActivityInput!) { deleteActivity(input: $input) { deletedId ${ERRORS} } }`;
const GET_ACT = `query($id: ID!) { activity(id: $id) { ${ACT_FIELDS} } }`;
const LIST_ACT = `query($filter: ActivityFilter, $orderBy: ActivityOrder, $first: Int, $after: String) {
  activities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${ACT_FIELDS} createdAt } } }`;

async function gqlOk(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function stationId(code: string): Promise<string> {
  return (await gqlOk(`query($code: String!) { station(code: $code) { id } }`, { code })).station.id;
}

async function coBuildingTotal(): Promise<number> {
  return (await gqlOk(`{ coBuildings(first: 1) { totalCount } }`)).coBuildings.totalCount;
}

async function activityTotal(): Promise<number> {
  return (await gqlOk(`{ activities(first: 1) { totalCount } }`)).activities.totalCount;
}

async function listCoBuildings(filter: Record<string, unknown>, first = 100) {
  return (await gqlOk(LIST_CB, { filter, first })).coBuildings;
}

async function listActivities(filter: Record<string, unknown>, first = 100, orderBy?: Record<string, unknown>) {
  return (await gqlOk(LIST_ACT, { filter, first, orderBy })).activities;
}

let orgSequence = 0;
async function newOrganization(overrides: Record<string, unknown> = {}): Promise<Rec> {
  orgSequence++;
  const data = await gqlOk(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name version } ${ERRORS} } }`, {
    input: {
      name: `襄阳市樊城区共建测试志愿服务队${orgSequence}`,
      kind: 'VOLUNTEER_ORG',
      contactName: '周红梅',
      contactPhone: '0710-3222333',
      regionCode: SEED.fanchengCode,
      ...overrides,
    },
  });
  expect(data.createOrganization.userErrors).toEqual([]);
  return data.createOrganization.organization;
}

async function deactivate(organization: Rec): Promise<void> {
  const data = await gqlOk(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ${ERRORS} } }`, {
    input: { id: organization.id, version: organization.version, active: false },
  });
  expect(data.updateOrganization.userErrors).toEqual([]);
}

/** A station registered and archived at once: archived stations get no new co-buildings or activities. */
async function archivedStation(): Promise<string> {
  const created = await gqlOk(`mutation($input: CreateStationInput!) { createStation(input: $input) { station { id version } ${ERRORS} } }`, {
    input: {
      name: '安居社区规划取消驿站',
      regionCode: SEED.anjuCommunityCode,
      tier: 'BASIC',
      kind: 'COMMUNITY',
      address: '湖北省襄阳市樊城区王寨街道安居路20号',
      location: XIANGYANG_POINT,
    },
  });
  const station = created.createStation.station;
  const archived = await gqlOk(`mutation($input: ArchiveStationInput!) { archiveStation(input: $input) { ${ERRORS} } }`, { input: { id: station.id, version: station.version } });
  expect(archived.archiveStation.userErrors).toEqual([]);
  return station.id;
}

/** All seeded co-buildings, page by page. */
async function allCoBuildings(): Promise<Rec[]> {
  const nodes: Rec[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Rec = (await gqlOk(LIST_CB, { first: 100, after })).coBuildings;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('co-building queries', () => {
  it("holds Xiangyang's and Yanping's co-buildings, newest first, each with an organization and an open station", async () => {
    const seeded = ORGANIZATION_SEED.coBuildings + YANPING_SEED.coBuildings;
    expect(await coBuildingTotal()).toBe(seeded);
    const all = await allCoBuildings();
    expect(all).toHaveLength(seeded);
    expect(new Set(all.map((node) => node.id)).size).toBe(all.length);
    const starts = all.map((node) => node.validFrom);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(new Set(all.map((node) => node.role))).toEqual(new Set(['MANAGER', 'CO_BUILDER', 'SERVICE_PROVIDER', 'VOLUNTEER_TEAM']));
    expect(new Set(all.flatMap((node) => node.commitments))).toEqual(new Set(['SPACE', 'FUNDS', 'PEOPLE', 'SERVICES']));
    const today = todayInChina();
    for (const node of all) expect(node.active).toBe(node.validFrom <= today && (node.validTo === null || node.validTo >= today));
    expect(all.some((node) => !node.active)).toBe(true);
  });

  it('fetches a co-building by id and through node(id); BAD_USER_INPUT for a foreign id, null for an unknown one', async () => {
    const [first] = (await listCoBuildings({}, 1)).nodes;
    expect((await gqlOk(GET_CB, { id: first.id })).coBuilding).toEqual(first);
    const node = await gqlOk(`query($id: ID!) { node(id: $id) { __typename id ... on CoBuilding { role } } }`, { id: first.id });
    expect(node.node).toEqual({ __typename: 'CoBuilding', id: first.id, role: first.role });
    expect((await gqlOk(GET_CB, { id: toGlobalId('CoBuilding', '00000000-0000-4000-8000-000000000000') })).coBuilding).toBeNull();
    const foreign = await t.gql(GET_CB, { id: first.organization.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters by station, organization and role', async () => {
    const anju = await stationId(ORGANIZATION_SEED.anjuWarmNewStationCode);
    const atAnju = await listCoBuildings({ stationId: anju });
    expect(atAnju.nodes.map((node: Rec) => node.organization.name).sort()).toEqual([...ORGANIZATION_SEED.anjuWarmNewCoBuilders].sort());

    const social = await gqlOk(`query($name: String!) { organizations(first: 1, filter: { search: $name }) { nodes { id } } }`, { name: ORGANIZATION_SEED.socialOrgName });
    const byOrganization = await listCoBuildings({ organizationId: social.organizations.nodes[0].id });
    expect(byOrganization.totalCount).toBe(ORGANIZATION_SEED.socialOrgCoBuildings);
    expect(byOrganization.nodes.every((node: Rec) => node.organization.name === ORGANIZATION_SEED.socialOrgName)).toBe(true);

    let sum = 0;
    for (const role of ['MANAGER', 'CO_BUILDER', 'SERVICE_PROVIDER', 'VOLUNTEER_TEAM']) {
      const page = await listCoBuildings({ role });
      expect(page.totalCount).toBeGreaterThan(0);
      expect(page.nodes.every((node: Rec) => node.role === role)).toBe(true);
      sum += page.totalCount;
    }
    expect(sum).toBe(ORGANIZATION_SEED.coBuildings + YANPING_SEED.coBuildings);
  });

  it("filters by the date a relation is in force, and by the stations' region", async () => {
    const all = await allCoBuildings();
    const inForce = (date: string) => all.filter((node) => node.validFrom <= date && (node.validTo === null || node.validTo >= date)).length;
    for (const date of ['2024-06-30', '2024-07-01', '2022-01-01']) {
      expect((await listCoBuildings({ activeOn: date }, 1)).totalCount).toBe(inForce(date));
    }
    expect(inForce('2024-06-30')).toBeGreaterThan(inForce('2024-07-01'));
    expect((await listCoBuildings({ activeOn: '2020-01-01' }, 1)).totalCount).toBe(0);

    const fancheng = await listCoBuildings({ regionCode: SEED.fanchengCode });
    expect(fancheng.totalCount).toBe(all.filter((node) => node.station.code.startsWith(SEED.fanchengCode)).length);
    expect(fancheng.nodes.every((node: Rec) => node.station.code.startsWith(SEED.fanchengCode))).toBe(true);
    expect((await listCoBuildings({ regionCode: SEED.cityCode }, 1)).totalCount).toBe(ORGANIZATION_SEED.coBuildings);
    expect((await listCoBuildings({ regionCode: YANPING_SEED.districtCode }, 1)).totalCount).toBe(YANPING_SEED.coBuildings);
  });

  it('pages with cursors and rejects malformed filters and cursors', async () => {
    const first = (await gqlOk(LIST_CB, { first: 10 })).coBuildings;
    const second = (await gqlOk(LIST_CB, { first: 10, after: first.pageInfo.endCursor })).coBuildings;
    const twenty = (await gqlOk(LIST_CB, { first: 20 })).coBuildings;
    expect([...first.nodes, ...second.nodes].map((node: Rec) => node.id)).toEqual(twenty.nodes.map((node: Rec) => node.id));
    for (const variables of [
      { filter: { stationId: 'nonsense' }, first: 1 },
      { filter: { organizationId: first.nodes[0].station.id }, first: 1 },
      { filter: { activeOn: '2023-02-30' }, first: 1 },
      { first: 1, after: 'garbage' },
      { first: 101 },
    ]) {
      const res = await t.gql(LIST_CB, variables);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it("shows a station's co-buildings in force today by default, and all of them with includeInactive: true", async () => {
    const ended = (await allCoBuildings()).find((node) => node.validTo !== null && node.validTo < todayInChina())!;
    expect(ended).toBeDefined();
    const data = await gqlOk(
      `query($id: ID!) { station(id: $id) { current: coBuildings(first: 100) { totalCount nodes { id active } }
        all: coBuildings(first: 100, includeInactive: true) { totalCount nodes { id active role validFrom } } } }`,
      { id: ended.station.id },
    );
    expect(data.station.all.nodes.map((node: Rec) => node.id)).toContain(ended.id);
    expect(data.station.current.nodes.map((node: Rec) => node.id)).not.toContain(ended.id);
    expect(data.station.current.nodes.every((node: Rec) => node.active)).toBe(true);
    expect(data.station.current.totalCount).toBe(data.station.current.nodes.length);
    expect(data.station.all.nodes.length).toBe((await listCoBuildings({ stationId: ended.station.id })).totalCount);
    expect(data.station.all.totalCount).toBe(data.station.all.nodes.length);
    // By role, then first day in force.
    const order = data.station.all.nodes.map((node: Rec) => `${node.role} ${node.validFrom}`);
    expect(order).toEqual([...order].sort());
  });
});

describe('activity queries', () => {
  it('holds a few thousand activities of 2023 of every category, newest first by default', async () => {
    expect(await activityTotal()).toBe(ORGANIZATION_SEED.activities);
    let sum = 0;
    for (const category of [
      'PARTY_BUILDING',
      'POLICY_CONSULTATION',
      'PROXY_AGENCY',
      'LEGAL_AID',
      'CULTURAL_PUBLICITY',
      'TRAINING',
      'VOLUNTEER_SERVICE',
      'SENIOR_SCHOOL',
      'AFTER_SCHOOL_CLASS',
      'NEIGHBOURHOOD_FESTIVAL',
      'OTHER',
    ]) {
      const page = await listActivities({ category }, 20);
      expect(page.totalCount).toBeGreaterThan(0);
      expect(page.nodes.every((node: Rec) => node.category === category)).toBe(true);
      sum += page.totalCount;
    }
    expect(sum).toBe(ORGANIZATION_SEED.activities);
    const latest = await listActivities({}, 50);
    const starts = latest.nodes.map((node: Rec) => node.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(starts[0] < '2024-01-01').toBe(true);
  });

  it('orders by start time ascending or by recording time when asked, and pages with cursors', async () => {
    const ascending = await listActivities({}, 20, { field: 'STARTS_AT', direction: 'ASC' });
    const starts = ascending.nodes.map((node: Rec) => node.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(starts[0] >= '2022-12-31T16:00:00.000Z').toBe(true);
    const created = await listActivities({}, 20, { field: 'CREATED_AT' });
    const createdAt = created.nodes.map((node: Rec) => node.createdAt);
    expect(createdAt).toEqual([...createdAt].sort().reverse());

    const first = (await gqlOk(LIST_ACT, { first: 10 })).activities;
    const second = (await gqlOk(LIST_ACT, { first: 10, after: first.pageInfo.endCursor })).activities;
    const twenty = (await gqlOk(LIST_ACT, { first: 20 })).activities;
    expect([...first.nodes, ...second.nodes].map((node: Rec) => node.id)).toEqual(twenty.nodes.map((node: Rec) => node.id));
  });

  it('filters by station, organizer, region, time window and text', async () => {
    const anju = await stationId(ORGANIZATION_SEED.anjuWarmNewStationCode);
    const atAnju = await listActivities({ stationId: anju });
    expect(atAnju.totalCount).toBeGreaterThan(0);
    expect(atAnju.nodes.every((node: Rec) => node.station.code === ORGANIZATION_SEED.anjuWarmNewStationCode)).toBe(true);

    const social = await gqlOk(`query($name: String!) { organizations(first: 1, filter: { search: $name }) { nodes { id } } }`, { name: ORGANIZATION_SEED.socialOrgName });
    const organized = await listActivities({ organizerId: social.organizations.nodes[0].id });
    expect(organized.totalCount).toBe(ORGANIZATION_SEED.socialOrgActivities);
    expect(organized.nodes.every((node: Rec) => node.organizer.name === ORGANIZATION_SEED.socialOrgName)).toBe(true);

    const fancheng = await listActivities({ regionCode: SEED.fanchengCode });
    expect(fancheng.totalCount).toBeGreaterThan(100);
    expect(fancheng.nodes.every((node: Rec) => node.station.code.startsWith(SEED.fanchengCode))).toBe(true);

    const june = await listActivities({ from: '2023-06-01T00:00:00+08:00', to: '2023-07-01T00:00:00+08:00' });
    expect(june.totalCount).toBeGreaterThan(100);
    for (const node of june.nodes) expect(node.startsAt >= '2023-05-31T16:00:00.000Z' && node.startsAt < '2023-06-30T16:00:00.000Z').toBe(true);
    const before = await listActivities({ to: '2023-06-01T00:00:00+08:00' }, 1);
    const after = await listActivities({ from: '2023-06-01T00:00:00+08:00' }, 1);
    expect(before.totalCount + after.totalCount).toBe(await activityTotal());

    const classes = await listActivities({ search: '四点半' });
    expect(classes.totalCount).toBeGreaterThan(100);
    expect(classes.nodes.every((node: Rec) => node.title.includes('四点半'))).toBe(true);
    const seniors = await listActivities({ search: '老年学校', category: 'SENIOR_SCHOOL', regionCode: SEED.fanchengCode }, 1);
    expect(seniors.totalCount).toBeGreaterThan(0);
  });

  it('rejects malformed filters', async () => {
    for (const filter of [
      { stationId: 'nonsense' },
      { organizerId: toGlobalId('Station', '00000000-0000-4000-8000-000000000000') },
      { from: '2023-07-01T00:00:00Z', to: '2023-06-01T00:00:00Z' },
    ]) {
      const res = await t.gql(LIST_ACT, { filter, first: 1 });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('fetches an activity by id and through node(id)', async () => {
    const [first] = (await listActivities({}, 1)).nodes;
    const { createdAt: _createdAt, ...fields } = first;
    expect((await gqlOk(GET_ACT, { id: first.id })).activity).toEqual(fields);
    expect((await gqlOk(`query($id: ID!) { node(id: $id) { __typename ... on Activity { title } } }`, { id: first.id })).node).toEqual({
      __typename: 'Activity',
      title: first.title,
    });
    expect((await gqlOk(GET_ACT, { id: toGlobalId('Activity', '00000000-0000-4000-8000-000000000000') })).activity).toBeNull();
    expect((await t.gql(GET_ACT, { id: 'nonsense' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("lists a station's latest activities, optionally within a window", async () => {
    const anju = await stationId(ORGANIZATION_SEED.anjuWarmNewStationCode);
    const all = await listActivities({ stationId: anju });
    const data = await gqlOk(
      `query($id: ID!) { station(id: $id) { latest: activities(first: 1) { nodes { id } } all: activities(first: 100) { totalCount nodes { id startsAt } }
        window: activities(from: "2023-11-01T00:00:00+08:00", to: "2024-01-01T00:00:00+08:00") { totalCount nodes { startsAt } } } }`,
      { id: anju },
    );
    expect(data.station.all.nodes.map((node: Rec) => node.id)).toEqual(all.nodes.map((node: Rec) => node.id));
    expect(data.station.all.totalCount).toBe(all.totalCount);
    expect(data.station.latest.nodes).toEqual([{ id: all.nodes[0].id }]);
    expect(data.station.window.nodes.length).toBeGreaterThan(0);
    expect(data.station.window.totalCount).toBeLessThan(all.totalCount);
    expect(data.station.window.nodes.every((node: Rec) => node.startsAt >= '2023-10-31T16:00:00.000Z' && node.startsAt < '2023-12-31T16:00:00.000Z')).toBe(true);
    expect(data.station.window.totalCount).toBe(all.nodes.filter((node: Rec) => node.startsAt >= '2023-10-31T16:00:00.000Z' && node.startsAt < '2023-12-31T16:00:00.000Z').length);
    for (const args of ['first: 0', 'first: 101', 'last: 101', 'first: 1, last: 1', 'after: "garbage"', 'from: "2023-07-01T00:00:00Z", to: "2023-07-01T00:00:00Z"']) {
      const res = await t.gql(`query($id: ID!) { station(id: $id) { activities(${args}) { nodes { id } } } }`, { id: anju });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('createCoBuilding', () => {
  let anju: string;
  beforeAll(async () => {
    anju = await stationId(ORGANIZATION_SEED.anjuWarmNewStationCode);
  });

  function input(organizationId: string, overrides: Record<string, unknown> = {}) {
    return { organizationId, stationId: anju, role: 'CO_BUILDER', commitments: ['PEOPLE'], ...overrides };
  }

  async function create(organizationId: string, overrides: Record<string, unknown> = {}): Promise<Rec> {
    const data = await gqlOk(CREATE_CB, { input: input(organizationId, overrides) });
    expect(data.createCoBuilding.userErrors).toEqual([]);
    return data.createCoBuilding.coBuilding;
  }

  it('records a co-building with its agreement and commitments, shown on the station', async () => {
    const organization = await newOrganization();
    const before = await coBuildingTotal();
    const coBuilding = await create(organization.id, {
      commitments: ['PEOPLE', 'SPACE', 'PEOPLE'],
      commitmentNote: '每月组织志愿者到驿站服务4次；提供会议室',
      agreementSignedOn: '2023-05-04',
      validFrom: '2023-05-04',
    });
    expect(coBuilding).toMatchObject({
      role: 'CO_BUILDER',
      agreementSignedOn: '2023-05-04',
      commitments: ['SPACE', 'PEOPLE'],
      commitmentNote: '每月组织志愿者到驿站服务4次；提供会议室',
      validFrom: '2023-05-04',
      validTo: null,
      active: true,
      version: 1,
      organization: { id: organization.id, name: organization.name },
      station: { id: anju, code: ORGANIZATION_SEED.anjuWarmNewStationCode },
    });
    expect(await coBuildingTotal()).toBe(before + 1);
    const station = await gqlOk(`query($id: ID!) { station(id: $id) { coBuildings(first: 100) { nodes { id } } } }`, { id: anju });
    expect(station.station.coBuildings.nodes.map((node: Rec) => node.id)).toContain(coBuilding.id);
  });

  it('starts today when no start is given, without an agreement or note', async () => {
    const coBuilding = await create((await newOrganization()).id, { role: 'SERVICE_PROVIDER', commitmentNote: '  ' });
    expect(coBuilding).toMatchObject({ validFrom: todayInChina(), agreementSignedOn: null, commitmentNote: null, active: true });
  });

  it('allows one relation per organization, station and role at a time: other roles and later periods are fine', async () => {
    const organization = await newOrganization();
    await create(organization.id, { role: 'VOLUNTEER_TEAM', validFrom: '2021-01-01', validTo: '2021-12-31' });
    await create(organization.id, { role: 'VOLUNTEER_TEAM', validFrom: '2022-01-01' });
    await create(organization.id, { role: 'SERVICE_PROVIDER', validFrom: '2021-06-01' });
    const before = await coBuildingTotal();
    const clash = await gqlOk(CREATE_CB, { input: input(organization.id, { role: 'VOLUNTEER_TEAM', validFrom: '2021-06-01', validTo: '2021-06-30' }) });
    expect(clash.createCoBuilding.coBuilding).toBeNull();
    expect(clash.createCoBuilding.userErrors).toEqual([
      {
        field: ['input', 'validFrom'],
        code: 'INVALID',
        message: `“${organization.name}”在该驿站已有一段“志愿服务队”共建关系（2021-01-01 至 2021-12-31），与所填期间重叠。同一组织在同一驿站的同一角色同时只能有一段有效关系，请先结束原关系或调整起止日期。`,
      },
    ]);
    const open = await gqlOk(CREATE_CB, { input: input(organization.id, { role: 'VOLUNTEER_TEAM', validFrom: '2030-01-01' }) }, { 'accept-language': 'en' });
    expect(open.createCoBuilding.userErrors[0].message).toBe(
      `"${organization.name}" already has a VOLUNTEER_TEAM co-building at this station (from 2022-01-01, open-ended) that overlaps this period. Only one can be in force at a time: end the existing one or adjust the dates.`,
    );
    expect(await coBuildingTotal()).toBe(before);
  });

  it('lets only one of several concurrent identical relations through', async () => {
    const organization = await newOrganization();
    const before = await coBuildingTotal();
    const results = await Promise.all([1, 2, 3].map(() => t.gql(CREATE_CB, { input: input(organization.id, { role: 'MANAGER', validFrom: '2023-03-01' }) })));
    expect(results.filter((res) => res.data.createCoBuilding.userErrors.length === 0)).toHaveLength(1);
    expect(await coBuildingTotal()).toBe(before + 1);
  });

  it.each([
    ['an end before the start', { validFrom: '2023-05-01', validTo: '2023-04-30' }, 'validTo', 'INVALID', '共建结束日期（2023-04-30）不能早于开始日期（2023-05-01）。'],
    ['no commitments', { commitments: [] }, 'commitments', 'REQUIRED', '请至少选择一项共建承诺：场地、资金、人员或服务。'],
    ['an agreement signed in the future', { agreementSignedOn: '2099-01-01' }, 'agreementSignedOn', 'INVALID', '共建盟约签订日期不能晚于今天'],
    ['a note over 500 characters', { commitmentNote: '承'.repeat(501) }, 'commitmentNote', 'TOO_LONG', '承诺说明不能超过 500 个字。'],
    ['a malformed station id', { stationId: 'nonsense' }, 'stationId', 'INVALID', '这不是驿站的 ID'],
    ['an unknown station', { stationId: toGlobalId('Station', '00000000-0000-4000-8000-000000000000') }, 'stationId', 'NOT_FOUND', '找不到该驿站'],
  ])('rejects %s and changes nothing', async (_label, overrides, field, code, message) => {
    const organization = await newOrganization();
    const before = await coBuildingTotal();
    const data = await gqlOk(CREATE_CB, { input: input(organization.id, overrides) });
    expect(data.createCoBuilding.coBuilding).toBeNull();
    expect(data.createCoBuilding.userErrors).toHaveLength(1);
    expect(data.createCoBuilding.userErrors[0]).toMatchObject({ field: ['input', field], code });
    expect(data.createCoBuilding.userErrors[0].message).toContain(message);
    expect(await coBuildingTotal()).toBe(before);
  });

  it('refuses unknown and malformed organizations, inactive organizations and archived stations', async () => {
    const before = await coBuildingTotal();
    const unknown = await gqlOk(CREATE_CB, { input: input(toGlobalId('Organization', '00000000-0000-4000-8000-000000000000')) });
    expect(unknown.createCoBuilding.userErrors).toEqual([{ field: ['input', 'organizationId'], code: 'NOT_FOUND', message: '找不到该组织，请刷新后重试。' }]);
    const malformed = await gqlOk(CREATE_CB, { input: input(anju) });
    expect(malformed.createCoBuilding.userErrors).toEqual([expect.objectContaining({ field: ['input', 'organizationId'], code: 'INVALID' })]);

    const inactive = await newOrganization();
    await deactivate(inactive);
    const refused = await gqlOk(CREATE_CB, { input: input(inactive.id) });
    expect(refused.createCoBuilding.userErrors).toEqual([
      { field: ['input', 'organizationId'], code: 'INVALID', message: `组织“${inactive.name}”已停用，不能再为其新建共建关系；如确需使用，请先重新启用该组织。` },
    ]);

    const archived = await archivedStation();
    const onArchived = await gqlOk(CREATE_CB, { input: input((await newOrganization()).id, { stationId: archived }) });
    expect(onArchived.createCoBuilding.userErrors).toEqual([
      { field: ['input', 'stationId'], code: 'ARCHIVED', message: '驿站“安居社区规划取消驿站”已归档，不能再为其新建共建关系。' },
    ]);
    expect(await coBuildingTotal()).toBe(before);
  });
});

describe('updateCoBuilding and endCoBuilding', () => {
  let anju: string;
  beforeAll(async () => {
    anju = await stationId(ORGANIZATION_SEED.anjuWarmNewStationCode);
  });

  async function create(organizationId: string, overrides: Record<string, unknown> = {}): Promise<Rec> {
    const data = await gqlOk(CREATE_CB, { input: { organizationId, stationId: anju, role: 'CO_BUILDER', commitments: ['FUNDS'], validFrom: '2023-01-01', ...overrides } });
    expect(data.createCoBuilding.userErrors).toEqual([]);
    return data.createCoBuilding.coBuilding;
  }

  async function current(id: string): Promise<Rec> {
    return (await gqlOk(GET_CB, { id })).coBuilding;
  }

  it('changes commitments, note, agreement, role and period, bumping the version', async () => {
    const coBuilding = await create((await newOrganization()).id, { commitmentNote: '每年投入共建经费2万元', agreementSignedOn: '2023-01-01' });
    const changed = await gqlOk(UPDATE_CB, {
      input: { id: coBuilding.id, version: 1, commitments: ['SERVICES', 'FUNDS'], commitmentNote: '每年投入共建经费3万元', role: 'SERVICE_PROVIDER', validTo: '2030-12-31' },
    });
    expect(changed.updateCoBuilding.userErrors).toEqual([]);
    expect(changed.updateCoBuilding.coBuilding).toMatchObject({
      commitments: ['FUNDS', 'SERVICES'],
      commitmentNote: '每年投入共建经费3万元',
      role: 'SERVICE_PROVIDER',
      validTo: '2030-12-31',
      agreementSignedOn: '2023-01-01',
      version: 2,
    });
    const cleared = await gqlOk(UPDATE_CB, { input: { id: coBuilding.id, version: 2, commitmentNote: null, agreementSignedOn: null, validTo: null } });
    expect(cleared.updateCoBuilding.coBuilding).toMatchObject({ commitmentNote: null, agreementSignedOn: null, validTo: null, version: 3 });
  });

  it('refuses a change that overlaps another relation, a reversed period, no commitments, or a stale version, changing nothing', async () => {
    const organization = await newOrganization();
    await create(organization.id, { role: 'MANAGER' });
    const coBuilding = await create(organization.id, { role: 'CO_BUILDER' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ role: 'MANAGER' }, 'validFrom', 'INVALID'],
      [{ validTo: '2022-12-31' }, 'validTo', 'INVALID'],
      [{ validFrom: '2031-01-01', validTo: '2030-01-01' }, 'validTo', 'INVALID'],
      [{ commitments: [] }, 'commitments', 'REQUIRED'],
      [{ agreementSignedOn: '2099-12-31' }, 'agreementSignedOn', 'INVALID'],
    ];
    for (const [change, field, code] of cases) {
      const res = await gqlOk(UPDATE_CB, { input: { id: coBuilding.id, version: 1, ...change } });
      expect(res.updateCoBuilding.coBuilding).toBeNull();
      expect(res.updateCoBuilding.userErrors).toEqual([expect.objectContaining({ field: ['input', field], code })]);
      expect(await current(coBuilding.id)).toEqual(coBuilding);
    }
    await gqlOk(UPDATE_CB, { input: { id: coBuilding.id, version: 1, commitments: ['SPACE'] } });
    const stale = await gqlOk(UPDATE_CB, { input: { id: coBuilding.id, version: 1, commitments: ['PEOPLE'] } });
    expect(stale.updateCoBuilding.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: '该共建关系已被他人修改（您读取的是第 1 版，当前为第 2 版），请刷新后重新修改。' },
    ]);
    expect((await current(coBuilding.id)).commitments).toEqual(['SPACE']);
  });

  it('answers NOT_FOUND for unknown or malformed ids', async () => {
    for (const mutation of [UPDATE_CB, END_CB]) {
      const unknown = await gqlOk(mutation, { input: { id: toGlobalId('CoBuilding', '00000000-0000-4000-8000-000000000000'), version: 1 } });
      expect(Object.values(unknown)[0]).toEqual({ coBuilding: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: '找不到该共建关系，请刷新后重试。' }] });
      const malformed = await gqlOk(mutation, { input: { id: anju, version: 1 } });
      expect((Object.values(malformed)[0] as Rec).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    }
  });

  it("ends a relation on a given day; once over, it drops out of the station's current co-buildings", async () => {
    const coBuilding = await create((await newOrganization()).id);
    const ended = await gqlOk(END_CB, { input: { id: coBuilding.id, version: 1, validTo: '2024-12-31' } });
    expect(ended.endCoBuilding.userErrors).toEqual([]);
    expect(ended.endCoBuilding.coBuilding).toMatchObject({ validTo: '2024-12-31', active: false, version: 2 });
    const station = await gqlOk(
      `query($id: ID!) { station(id: $id) { current: coBuildings(first: 100) { nodes { id } } all: coBuildings(first: 100, includeInactive: true) { nodes { id } } } }`,
      { id: anju },
    );
    expect(station.station.current.nodes.map((node: Rec) => node.id)).not.toContain(coBuilding.id);
    expect(station.station.all.nodes.map((node: Rec) => node.id)).toContain(coBuilding.id);

    const again = await gqlOk(END_CB, { input: { id: coBuilding.id, version: 2 } });
    expect(again.endCoBuilding.userErrors).toEqual([
      { field: ['input', 'id'], code: 'INVALID_TRANSITION', message: '该共建关系已于 2024-12-31 结束，无需再次结束；如需续签，请新建共建关系。' },
    ]);
    expect(await current(coBuilding.id)).toEqual(ended.endCoBuilding.coBuilding);
  });

  it('ends today by default, the relation staying in force through today', async () => {
    const coBuilding = await create((await newOrganization()).id);
    const ended = await gqlOk(END_CB, { input: { id: coBuilding.id, version: 1 } });
    expect(ended.endCoBuilding.coBuilding).toMatchObject({ validTo: todayInChina(), active: true });
  });

  it('refuses to end before the start, to extend into another relation, or at a stale version', async () => {
    const organization = await newOrganization();
    const coBuilding = await create(organization.id, { validFrom: '2023-06-01', validTo: '2030-12-31' });
    await create(organization.id, { validFrom: '2031-01-01' });
    const early = await gqlOk(END_CB, { input: { id: coBuilding.id, version: 1, validTo: '2023-05-31' } });
    expect(early.endCoBuilding.userErrors).toEqual([{ field: ['input', 'validTo'], code: 'INVALID', message: '共建结束日期（2023-05-31）不能早于开始日期（2023-06-01）。' }]);
    const extended = await gqlOk(END_CB, { input: { id: coBuilding.id, version: 1, validTo: '2031-06-30' } });
    expect(extended.endCoBuilding.userErrors).toEqual([expect.objectContaining({ field: ['input', 'validFrom'], code: 'INVALID' })]);
    const stale = await gqlOk(END_CB, { input: { id: coBuilding.id, version: 7 } });
    expect(stale.endCoBuilding.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    expect(await current(coBuilding.id)).toEqual(coBuilding);
  });
});

describe('activity mutations', () => {
  let anju: string;
  beforeAll(async () => {
    anju = await stationId(ORGANIZATION_SEED.anjuWarmNewStationCode);
  });

  function input(overrides: Record<string, unknown> = {}) {
    return {
      stationId: anju,
      category: 'TRAINING',
      title: '快递小哥电动车安全驾驶培训',
      description: '邀请交警讲解电动车通行规则并现场演练。',
      startsAt: '2030-05-10T19:30:00+08:00',
      endsAt: '2030-05-10T21:00:00+08:00',
      participants: 35,
      ...overrides,
    };
  }

  async function create(overrides: Record<string, unknown> = {}): Promise<Rec> {
    const data = await gqlOk(CREATE_ACT, { input: input(overrides) });
    expect(data.createActivity.userErrors).toEqual([]);
    return data.createActivity.activity;
  }

  it("records an activity with an organizer; it leads the station's latest activities", async () => {
    const organization = await newOrganization();
    const before = await activityTotal();
    const activity = await create({ organizerId: organization.id });
    expect(activity).toMatchObject({
      category: 'TRAINING',
      title: '快递小哥电动车安全驾驶培训',
      startsAt: '2030-05-10T11:30:00.000Z',
      endsAt: '2030-05-10T13:00:00.000Z',
      participants: 35,
      version: 1,
      station: { id: anju },
      organizer: { id: organization.id, name: organization.name },
    });
    expect(await activityTotal()).toBe(before + 1);
    const latest = await gqlOk(`query($id: ID!) { station(id: $id) { activities(first: 1) { nodes { id } } } }`, { id: anju });
    expect(latest.station.activities.nodes).toEqual([{ id: activity.id }]);
    const byOrganizer = await gqlOk(`query($id: ID!) { organization(id: $id) { activities { totalCount nodes { id } } } }`, { id: organization.id });
    expect(byOrganizer.organization.activities).toEqual({ totalCount: 1, nodes: [{ id: activity.id }] });
  });

  it('records one without organizer or description, with no participants by default, lasting up to seven days', async () => {
    const { participants: _p, description: _d, ...rest } = input();
    const data = await gqlOk(CREATE_ACT, {
      input: { ...rest, category: 'NEIGHBOURHOOD_FESTIVAL', title: '安居社区邻里节', startsAt: '2030-09-01T09:00:00+08:00', endsAt: '2030-09-08T09:00:00+08:00' },
    });
    expect(data.createActivity.userErrors).toEqual([]);
    expect(data.createActivity.activity).toMatchObject({ organizer: null, description: null, participants: 0, category: 'NEIGHBOURHOOD_FESTIVAL' });
  });

  it.each([
    ['an end before the start', { endsAt: '2030-05-10T19:00:00+08:00' }, 'endsAt', 'INVALID', '活动结束时间须晚于开始时间'],
    ['an end equal to the start', { endsAt: '2030-05-10T19:30:00+08:00' }, 'endsAt', 'INVALID', '活动结束时间须晚于开始时间'],
    ['more than seven days', { endsAt: '2030-05-17T19:31:00+08:00' }, 'endsAt', 'INVALID', '一次活动最长 7 天'],
    ['negative participants', { participants: -1 }, 'participants', 'INVALID', '参与人数须为0或正整数。'],
    ['an empty title', { title: ' ' }, 'title', 'REQUIRED', '请填写活动名称。'],
    ['a title over 100 characters', { title: '活'.repeat(101) }, 'title', 'TOO_LONG', '活动名称不能超过 100 个字。'],
    ['a description over 2000 characters', { description: '述'.repeat(2001) }, 'description', 'TOO_LONG', '活动内容不能超过 2000 个字。'],
    ['an unknown station', { stationId: toGlobalId('Station', '00000000-0000-4000-8000-000000000000') }, 'stationId', 'NOT_FOUND', '找不到该驿站'],
    ['an unknown organizer', { organizerId: toGlobalId('Organization', '00000000-0000-4000-8000-000000000000') }, 'organizerId', 'NOT_FOUND', '找不到该组织'],
  ])('rejects %s and changes nothing', async (_label, overrides, field, code, message) => {
    const before = await activityTotal();
    const data = await gqlOk(CREATE_ACT, { input: input(overrides) });
    expect(data.createActivity.activity).toBeNull();
    expect(data.createActivity.userErrors).toHaveLength(1);
    expect(data.createActivity.userErrors[0]).toMatchObject({ field: ['input', field], code });
    expect(data.createActivity.userErrors[0].message).toContain(message);
    expect(await activityTotal()).toBe(before);
  });

  it('refuses an inactive organizer and an archived station', async () => {
    const before = await activityTotal();
    const inactive = await newOrganization();
    await deactivate(inactive);
    const refused = await gqlOk(CREATE_ACT, { input: input({ organizerId: inactive.id }) }, { 'accept-language': 'en' });
    expect(refused.createActivity.userErrors).toEqual([
      {
        field: ['input', 'organizerId'],
        code: 'INVALID',
        message: `The organization "${inactive.name}" is inactive and cannot get new activities; reactivate it first if it is needed.`,
      },
    ]);
    const archived = await gqlOk(CREATE_ACT, { input: input({ stationId: await archivedStation() }) });
    expect(archived.createActivity.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'ARCHIVED' })]);
    expect(await activityTotal()).toBe(before);
  });

  it('updates the given fields, checking new times against the kept ones', async () => {
    const organization = await newOrganization();
    const activity = await create({ organizerId: organization.id });
    const changed = await gqlOk(UPDATE_ACT, {
      input: { id: activity.id, version: 1, title: '外卖骑手交通安全培训', category: 'TRAINING', participants: 42, endsAt: '2030-05-10T21:30:00+08:00' },
    });
    expect(changed.updateActivity.userErrors).toEqual([]);
    expect(changed.updateActivity.activity).toMatchObject({
      title: '外卖骑手交通安全培训',
      participants: 42,
      endsAt: '2030-05-10T13:30:00.000Z',
      startsAt: activity.startsAt,
      version: 2,
    });
    const cleared = await gqlOk(UPDATE_ACT, { input: { id: activity.id, version: 2, organizerId: null, description: null } });
    expect(cleared.updateActivity.activity).toMatchObject({ organizer: null, description: null, version: 3 });

    const late = await gqlOk(UPDATE_ACT, { input: { id: activity.id, version: 3, startsAt: '2030-05-11T09:00:00+08:00' } });
    expect(late.updateActivity.userErrors).toEqual([expect.objectContaining({ field: ['input', 'startsAt'], code: 'INVALID' })]);
    const stale = await gqlOk(UPDATE_ACT, { input: { id: activity.id, version: 1, title: '不应写入' } });
    expect(stale.updateActivity.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    const inactive = await newOrganization();
    await deactivate(inactive);
    const toInactive = await gqlOk(UPDATE_ACT, { input: { id: activity.id, version: 3, organizerId: inactive.id } });
    expect(toInactive.updateActivity.userErrors).toEqual([expect.objectContaining({ field: ['input', 'organizerId'], code: 'INVALID' })]);
    const blank = await gqlOk(UPDATE_ACT, { input: { id: activity.id, version: 3, title: '', participants: -5 } });
    expect(blank.updateActivity.userErrors.map((error: Rec) => error.code).sort()).toEqual(['INVALID', 'REQUIRED']);
    expect((await gqlOk(GET_ACT, { id: activity.id })).activity).toEqual(cleared.updateActivity.activity);

    const unknown = await gqlOk(UPDATE_ACT, { input: { id: toGlobalId('Activity', '00000000-0000-4000-8000-000000000000'), version: 1, title: '某活动' } });
    expect(unknown.updateActivity.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: '找不到该活动，请刷新后重试。' }]);
  });

  it('deletes an activity at the version read, and nothing else', async () => {
    const activity = await create();
    await gqlOk(UPDATE_ACT, { input: { id: activity.id, version: 1, participants: 20 } });
    const before = await activityTotal();
    const stale = await gqlOk(DELETE_ACT, { input: { id: activity.id, version: 1 } });
    expect(stale.deleteActivity).toEqual({ deletedId: null, userErrors: [expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })] });
    const malformed = await gqlOk(DELETE_ACT, { input: { id: 'nonsense', version: 1 } });
    expect(malformed.deleteActivity.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    expect(await activityTotal()).toBe(before);

    const deleted = await gqlOk(DELETE_ACT, { input: { id: activity.id, version: 2 } });
    expect(deleted.deleteActivity).toEqual({ deletedId: activity.id, userErrors: [] });
    expect((await gqlOk(GET_ACT, { id: activity.id })).activity).toBeNull();
    expect(await activityTotal()).toBe(before - 1);
  });
});

describe("a station's activities as a connection", () => {
  const ACTIVITIES = 23;
  let station: string;
  /** The activities created, earliest start first. */
  const created: string[] = [];

  beforeAll(async () => {
    const data = await gqlOk(`mutation($input: CreateStationInput!) { createStation(input: $input) { station { id } ${ERRORS} } }`, {
      input: {
        name: '安居社区活动分页测试驿站',
        regionCode: SEED.anjuCommunityCode,
        tier: 'BASIC',
        kind: 'COMMUNITY',
        address: '湖北省襄阳市樊城区王寨街道安居路22号',
        location: XIANGYANG_POINT,
      },
    });
    station = data.createStation.station.id;
    for (let day = 1; day <= ACTIVITIES; day++) {
      const date = `2031-01-${String(day).padStart(2, '0')}`;
      const activity = await gqlOk(CREATE_ACT, {
        input: { stationId: station, category: 'TRAINING', title: `分页测试活动${day}`, startsAt: `${date}T09:00:00+08:00`, endsAt: `${date}T11:00:00+08:00` },
      });
      expect(activity.createActivity.userErrors).toEqual([]);
      created.push(activity.createActivity.activity.id);
    }
  });

  it("pages a station's activities both ways with cursors, 20 by default, in the order asked for", async () => {
    const PAGE = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: ActivityOrder) { station(id: $id) {
      activities(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id startsAt createdAt } } } } }`;
    const page = async (variables: Record<string, unknown>) => (await gqlOk(PAGE, { id: station, ...variables })).station.activities;
    const all = await page({ first: 100 });
    expect(all.totalCount).toBe(ACTIVITIES);
    const ids = all.edges.map((edge: Rec) => edge.node.id);
    expect(ids).toEqual([...created].reverse());
    const starts = all.edges.map((edge: Rec) => edge.node.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const byDefault = await page({});
    expect(byDefault.edges.map((edge: Rec) => edge.node.id)).toEqual(ids.slice(0, 20));
    expect(byDefault.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // The last two, then the two before them.
    const tail = await page({ last: 2 });
    expect(tail.edges.map((edge: Rec) => edge.node.id)).toEqual(ids.slice(-2));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await page({ last: 2, before: tail.pageInfo.startCursor });
    expect(before.edges.map((edge: Rec) => edge.node.id)).toEqual(ids.slice(-4, -2));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true });
    // Forwards from the end of the first page meets the same rows.
    const head = await page({ first: 2 });
    const next = await page({ first: 2, after: head.pageInfo.endCursor });
    expect([...head.edges, ...next.edges].map((edge: Rec) => edge.node.id)).toEqual(ids.slice(0, 4));

    const oldestFirst = await page({ first: 100, orderBy: { field: 'STARTS_AT', direction: 'ASC' } });
    expect(oldestFirst.edges.map((edge: Rec) => edge.node.id)).toEqual([...ids].reverse());
    const byRecording = await page({ first: 100, orderBy: { field: 'CREATED_AT' } });
    const recorded = byRecording.edges.map((edge: Rec) => edge.node.createdAt);
    expect(recorded).toEqual([...recorded].sort().reverse());
    expect(byRecording.edges.map((edge: Rec) => edge.node.id)).toEqual([...created].reverse());
  });

  it("answers a station read from a mutation's payload the same way", async () => {
    const planned = await gqlOk(`query($id: ID!) { station(id: $id) { activities(last: 2) { totalCount pageInfo { hasPreviousPage } nodes { id title } } } }`, { id: station });
    const data = await gqlOk(
      `mutation($input: CreateActivityInput!) { createActivity(input: $input) {
      activity { station { activities(last: 3) { totalCount pageInfo { hasPreviousPage } nodes { id title } } } } ${ERRORS} } }`,
      {
        input: { stationId: station, category: 'OTHER', title: '最早的活动', startsAt: '2030-12-01T09:00:00+08:00', endsAt: '2030-12-01T10:00:00+08:00' },
      },
    );
    expect(data.createActivity.userErrors).toEqual([]);
    const fromPayload = data.createActivity.activity.station.activities;
    expect(fromPayload.totalCount).toBe(ACTIVITIES + 1);
    expect(fromPayload.pageInfo.hasPreviousPage).toBe(true);
    // Newest first: the new, earliest one comes last, after the two the planned read ended with.
    expect(fromPayload.nodes.slice(0, 2)).toEqual(planned.station.activities.nodes);
    expect(fromPayload.nodes[2].title).toBe('最早的活动');
  });
});

describe('nested lists are batched per request', () => {
  const countFor = async (query: string, first: number, pick: (data: Rec) => Rec[]) => {
    let nodes: Rec[] = [];
    const statements = await t.countStatements(async () => {
      nodes = pick(await gqlOk(query, { first }));
    });
    expect(nodes).toHaveLength(first);
    return { statements, nodes };
  };

  it('costs the same number of statements for 10 stations as for 100, co-buildings and activities included', async () => {
    const query = `query($first: Int!) { stations(first: $first, filter: { regionCode: "420606", status: [OPEN] }) { nodes { code
      coBuildings { totalCount nodes { role commitments organization { name kind creditCode } } }
      activities(first: 5) { nodes { title } } } } }`;
    const small = await countFor(query, 10, (data) => data.stations.nodes);
    const large = await countFor(query, 100, (data) => data.stations.nodes);
    expect(large.nodes.some((node) => node.coBuildings.nodes.length > 0)).toBe(true);
    expect(large.nodes.some((node) => node.activities.nodes.length > 0)).toBe(true);
    expect(large.nodes.every((node) => node.activities.nodes.length <= 5)).toBe(true);
    expect(large.statements).toBe(small.statements);
    // the caller's key and the stations page with their co-buildings, organizations and activities (planned: one statement)
    expect(large.statements).toBeLessThanOrEqual(2);
  });

  it('costs the same for 10 organizations as for 100, with co-building pages, totals and activities', async () => {
    // Community party organizations (seeded by the people step) co-build nothing: leave them out so
    // that both pages load every relation.
    const query = `query($first: Int!) { organizations(first: $first, filter: { kind: [DUAL_REPORTING_PARTY_ORG, RESIDENT_UNIT_PARTY_ORG, SOCIAL_ORG, VOLUNTEER_ORG, PROPERTY_SERVICE, ENTERPRISE, CHAMBER] }) { nodes { name
      coBuildings(first: 3) { totalCount nodes { role station { code } } }
      activities(first: 2) { nodes { title station { code } } } } } }`;
    const small = await countFor(query, 10, (data) => data.organizations.nodes);
    const large = await countFor(query, 100, (data) => data.organizations.nodes);
    expect(large.nodes.some((node) => node.coBuildings.totalCount > 3)).toBe(true);
    expect(large.nodes.some((node) => node.activities.nodes.length > 0)).toBe(true);
    expect(large.statements).toBe(small.statements);
    // the caller's key plus at most six (the organizations' co-buildings and
    // activities are each one planned statement for the whole page)
    expect(large.statements).toBeLessThanOrEqual(7);
  });

  /**
   * The community types three relations deep from each of their root lists, every relation among
   * them included (planned-statements.test.ts cannot list these roots yet: their whole depth-3 reach
   * also takes in grid workers and external references, which are not planned yet).
   */
  const STATION = `code region { code } hub { code }
    activities(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title organizer { name } station { code } } } }
    coBuildings(first: 3, includeInactive: true) { totalCount nodes { role active organization { name } station { code } } }
    dutyShifts(first: 3) { totalCount nodes { kind person { role organization { name } } organization { name } } }
    onDuty(at: "2023-12-27T20:00:00+08:00") { kind person { role } }`;
  it.each([
    [
      'activities',
      `activities(first: $first) { totalCount edges { cursor node { title startsAt organizer { name activities(first: 3) { nodes { title } } coBuildings(first: 3) { nodes { role } } } station { ${STATION} } } } }`,
    ],
    [
      'coBuildings',
      `coBuildings(first: $first) { totalCount edges { cursor node { role active validFrom organization { name activities(last: 3) { nodes { title } } } station { ${STATION} } } } }`,
    ],
    [
      'dutyShifts',
      `dutyShifts(first: $first) { totalCount edges { cursor node { kind startsAt person { role organization { name } } organization { name coBuildings(first: 3) { totalCount } } station { ${STATION} } } } }`,
    ],
  ])('%s: activities, co-buildings and shifts three relations deep cost one statement at 10 as at 100', async (name, selection) => {
    const query = `query($first: Int!) { ${selection} }`;
    const small = await countFor(query, 10, (data) => data[name].edges);
    const large = await countFor(query, 100, (data) => data[name].edges);
    expect(large.statements).toBe(small.statements);
    // the caller's key and the list
    expect(large.statements).toBeLessThanOrEqual(2);
  });
});
