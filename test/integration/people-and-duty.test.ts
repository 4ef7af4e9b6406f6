import { randomUUID } from 'node:crypto';
import { useTestApp } from '../helpers/app';
import { PEOPLE_SEED, SEED, XIANGYANG_POINT, YANPING_SEED } from '../helpers/fixtures';

const t = useTestApp();

const ERRORS = 'userErrors { field code message }';
const PERSON_FIELDS = 'id name role phone isPartyMember active version organization { id name kind } region { code name level }';
const SHIFT_FIELDS = 'id startsAt endsAt kind note version station { id name } person { id name } organization { id name }';
const STATION_STAFF_FIELDS = `id name version status managingOrganization { id name kind } contactCadre { id name role }
  gridWorkers { nodes { since person { id name role } } }`;

const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { ${PERSON_FIELDS} } ${ERRORS} } }`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { ${PERSON_FIELDS} } ${ERRORS} } }`;
const DELETE_PERSON = `mutation($input: DeletePersonInput!) { deletePerson(input: $input) { deletedId ${ERRORS} } }`;
const GET_PERSON = `query($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;
const SET_MANAGEMENT = `mutation($input: SetStationManagementInput!) { setStationManagement(input: $input) { station { ${STATION_STAFF_FIELDS} } ${ERRORS} } }`;
const ASSIGN = `mutation($input: AssignGridWorkerInput!) { assignGridWorker(input: $input) { station { ${STATION_STAFF_FIELDS} } ${ERRORS} } }`;
const UNASSIGN = `mutation($input: UnassignGridWorkerInput!) { unassignGridWorker(input: $input) { station { ${STATION_STAFF_FIELDS} } ${ERRORS} } }`;
const GET_STATION = `query($id: ID!) { station(id: $id) { ${STATION_STAFF_FIELDS} } }`;
const CREATE_SHIFT = `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { dutyShift { ${SHIFT_FIELDS} } ${ERRORS} } }`;
const UPDATE_SHIFT = `mutation($input: UpdateDutyShiftInput!) { updateDutyShift(input: $input) { dutyShift { ${SHIFT_FIELDS} } ${ERRORS} } }`;
const DELETE_SHIFT = `mutation($input: DeleteDutyShiftInput!) { deleteDutyShift(input: $input) { deletedId ${ERRORS} } }`;
const SCHEDULE = `mutation($input: ScheduleDutyShiftsInput!) { scheduleDutyShifts(input: $input) { dutyShifts { ${SHIFT_FIELDS} } ${ERRORS} } }`;
const GET_SHIFT = `query($id: ID!) { dutyShift(id: $id) { ${SHIFT_FIELDS} } }`;
const ON_DUTY = `query($stationId: ID!, $at: DateTime!) { onDuty(stationId: $stationId, at: $at) { ${SHIFT_FIELDS} } }`;

const PEOPLE_TOTAL = `{ people(first: 1, filter: { includeInactive: true }) { totalCount } }`;
const SHIFTS_TOTAL = `{ dutyShifts(first: 1) { totalCount } }`;
const cst = (local: string) => `${local}+08:00`;
const iso = (instant: string) => new Date(instant).toISOString();

interface Station {
  id: string;
  name: string;
  version: number;
  status: string;
  managingOrganization: { id: string; name: string; kind: string } | null;
  contactCadre: { id: string; name: string; role: string } | null;
  gridWorkers: { nodes: { since: string; person: { id: string; name: string; role: string } }[] };
}

async function peopleTotal(): Promise<number> {
  return (await t.gql(PEOPLE_TOTAL)).data.people.totalCount;
}

async function shiftsTotal(): Promise<number> {
  return (await t.gql(SHIFTS_TOTAL)).data.dutyShifts.totalCount;
}

/** OPEN stations of 樊城区 in code order; tests take different ones so their changes stay apart. */
async function fanchengStations(count: number, status = 'OPEN'): Promise<Station[]> {
  const res = await t.gql(
    `query($first: Int!, $status: [StationStatus!]) { stations(first: $first, filter: { regionCode: "${SEED.fanchengCode}", status: $status }) {
    nodes { ${STATION_STAFF_FIELDS} } } }`,
    { first: count, status: [status] },
  );
  expect(res.errors).toBeUndefined();
  return res.data.stations.nodes;
}

async function getStation(id: string): Promise<Station> {
  return (await t.gql(GET_STATION, { id })).data.station;
}

async function createPerson(input: Record<string, unknown>) {
  const res = await t.gql(CREATE_PERSON, { input });
  expect(res.errors).toBeUndefined();
  expect(res.data.createPerson.userErrors).toEqual([]);
  return res.data.createPerson.person;
}

/** Plain SQL on the test database, for fixtures no mutation of this module makes (another module owns organizations). */
async function execute(sql: string, params: unknown[] = []): Promise<unknown[]> {
  return t.app.database.orm.em.fork().getConnection().execute(sql, params);
}

/** A registered non-party organization (a social organization), for the "manager must be a party organization" rule. */
async function socialOrganization(name: string): Promise<string> {
  const id = randomUUID();
  await execute(`insert into organization (id, name, kind) values (?, ?, 'SOCIAL_ORG')`, [id, name]);
  return Buffer.from(`Organization:${id}`).toString('base64url');
}

describe('people queries', () => {
  it('lists everyone seeded, by the region they serve unless asked for names, with their organization and region', async () => {
    expect(await peopleTotal()).toBe(PEOPLE_SEED.people + YANPING_SEED.partyMembers);
    const byRegion = await t.gql(`{ people(first: 5) { nodes { region { code } } } }`);
    const codes: string[] = byRegion.data.people.nodes.map((person: { region: { code: string } | null }) => person.region?.code ?? '');
    expect([...codes].sort()).toEqual(codes);

    const res = await t.gql(`{ people(first: 5, orderBy: { field: NAME }) { totalCount nodes { ${PERSON_FIELDS} } pageInfo { hasNextPage endCursor } } }`);
    expect(res.errors).toBeUndefined();
    const names: string[] = res.data.people.nodes.map((person: { name: string }) => person.name);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
    expect(res.data.people.pageInfo.hasNextPage).toBe(true);
    // The cursor names the last person by ID only, never by name.
    const cursor = res.data.people.pageInfo.endCursor;
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([Buffer.from(res.data.people.nodes[4].id, 'base64url').toString().split(':')[1]]);
    const next = await t.gql(`query($after: String) { people(first: 5, after: $after, orderBy: { field: NAME }) { nodes { id name } } }`, { after: cursor });
    const firstIds = new Set(res.data.people.nodes.map((person: { id: string }) => person.id));
    expect(next.data.people.nodes.some((person: { id: string }) => firstIds.has(person.id))).toBe(false);
    expect(next.data.people.nodes[0].name >= names[names.length - 1]).toBe(true);
  });

  it('filters by role, region subtree, organization and name', async () => {
    const byRole = await t.gql(`{ people(first: 3, filter: { role: [GRID_WORKER, STATION_STAFF] }) { totalCount nodes { role } } }`);
    expect(byRole.data.people.totalCount).toBe(PEOPLE_SEED.peopleByRole.GRID_WORKER + PEOPLE_SEED.peopleByRole.STATION_STAFF);

    const fancheng = await t.gql(`{ people(first: 100, filter: { regionCode: "${SEED.fanchengCode}", role: [TWO_COMMITTEES_CADRE] }) { totalCount nodes { region { code } } } }`);
    expect(fancheng.data.people.totalCount).toBeGreaterThan(0);
    expect(fancheng.data.people.totalCount).toBeLessThan(PEOPLE_SEED.peopleByRole.TWO_COMMITTEES_CADRE);
    for (const person of fancheng.data.people.nodes) expect(person.region.code.startsWith(SEED.fanchengCode)).toBe(true);

    const [station] = await fanchengStations(1);
    const organizationId = station.managingOrganization!.id;
    const members = await t.gql(`query($org: ID!) { people(first: 100, filter: { organizationId: $org }) { nodes { id role organization { id } } } }`, { org: organizationId });
    const roles = new Set(members.data.people.nodes.map((person: { role: string }) => person.role));
    expect(roles.has('TWO_COMMITTEES_CADRE')).toBe(true);
    expect(roles.has('DUAL_REPORTING_PARTY_MEMBER')).toBe(true);
    expect(members.data.people.nodes.every((person: { organization: { id: string } }) => person.organization.id === organizationId)).toBe(true);
    expect(members.data.people.nodes.map((person: { id: string }) => person.id)).toContain(station.contactCadre!.id);

    const search = await t.gql(`{ people(first: 50, filter: { search: "王" }) { totalCount nodes { name } } }`);
    expect(search.data.people.totalCount).toBeGreaterThan(50);
    for (const person of search.data.people.nodes) expect(person.name).toContain('王');
  });

  it('fetches one person by ID and through node(id)', async () => {
    const [station] = await fanchengStations(1);
    const res = await t.gql(GET_PERSON, { id: station.contactCadre!.id });
    expect(res.data.person).toMatchObject({ id: station.contactCadre!.id, role: 'TWO_COMMITTEES_CADRE', isPartyMember: true, active: true, version: 1 });
    expect(res.data.person.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(res.data.person.organization).toMatchObject({ id: station.managingOrganization!.id, kind: 'COMMUNITY_PARTY_ORG' });
    expect(res.data.person.region.level).toBe('COMMUNITY');
    const node = await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on Person { name } } }`, { id: station.contactCadre!.id });
    expect(node.data.node).toEqual({ __typename: 'Person', name: res.data.person.name });
  });

  it('answers malformed IDs and filters with BAD_USER_INPUT', async () => {
    const wrongType = await t.gql(GET_PERSON, { id: (await fanchengStations(1))[0].id });
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badFilter = await t.gql(`{ people(first: 1, filter: { organizationId: "nonsense" }) { totalCount } }`);
    expect(badFilter.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await t.gql(`{ people(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('station management links', () => {
  it("pages a station's grid workers, longest-serving first, with first/after and last/before", async () => {
    const stations = await fanchengStations(30);
    const station = stations.find((candidate) => candidate.gridWorkers.nodes.length >= 2)!;
    expect(station).toBeDefined();
    const all = station.gridWorkers.nodes;
    expect([...all].sort((a, b) => a.since.localeCompare(b.since))).toEqual(all);
    const PAGE = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { station(id: $id) {
      gridWorkers(first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id since person { id } } } } } }`;
    const page = async (args: Record<string, unknown>) => {
      const res = await t.gql(PAGE, { id: station.id, ...args });
      expect(res.errors).toBeUndefined();
      return res.data.station.gridWorkers;
    };
    const people = (connection: { edges: { node: { person: { id: string } } }[] }) => connection.edges.map((edge) => edge.node.person.id);
    const first = await page({ first: 1 });
    expect(first.totalCount).toBe(all.length);
    expect(people(first)).toEqual([all[0].person.id]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await page({ first: 100, after: first.pageInfo.endCursor });
    expect(people(rest)).toEqual(all.slice(1).map((worker) => worker.person.id));
    const last = await page({ last: 1 });
    expect(people(last)).toEqual([all[all.length - 1].person.id]);
    const before = await page({ last: 100, before: last.pageInfo.startCursor });
    expect(people(before)).toEqual(all.slice(0, -1).map((worker) => worker.person.id));
    // Each stationing is a node of its own.
    const node = await t.gql(`query($id: ID!) { node(id: $id) { ... on StationGridWorker { since person { id } station { id } } } }`, { id: first.edges[0].node.id });
    expect(node.data.node).toEqual({ since: all[0].since, person: { id: all[0].person.id }, station: { id: station.id } });
  });

  it("shows each station's managing party organization, contact cadre and stationed grid workers", async () => {
    const [station] = await fanchengStations(1);
    expect(station.managingOrganization!.kind).toBe('COMMUNITY_PARTY_ORG');
    expect(station.managingOrganization!.name).toMatch(/^中共.+委员会$/);
    expect(station.contactCadre!.role).toBe('TWO_COMMITTEES_CADRE');
    expect(station.gridWorkers.nodes.length).toBeGreaterThanOrEqual(1);
    expect(station.gridWorkers.nodes.length).toBeLessThanOrEqual(3);
    for (const worker of station.gridWorkers.nodes) {
      expect(worker.person.role).toBe('GRID_WORKER');
      expect(worker.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('names the 安居社区 party organization as manager of its stations', async () => {
    const res = await t.gql(`{ stations(first: 10, filter: { regionCode: "${SEED.anjuCommunityCode}" }) { nodes { managingOrganization { name } } } }`);
    expect(res.data.stations.nodes.length).toBeGreaterThan(0);
    for (const station of res.data.stations.nodes) expect(station.managingOrganization.name).toBe('中共安居社区委员会');
  });
});

describe('setStationManagement', () => {
  let station: Station;
  let newCadre: { id: string; name: string; version: number };

  beforeAll(async () => {
    [, station] = await fanchengStations(2);
    newCadre = await createPerson({ name: '周春梅', role: 'TWO_COMMITTEES_CADRE', phone: '13907101234', isPartyMember: true, regionCode: SEED.anjuCommunityCode });
  });

  async function expectUnchanged(): Promise<void> {
    expect(await getStation(station.id)).toEqual(station);
  }

  it('changes the contact cadre, keeps the organization when it is not given, and bumps the version', async () => {
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: station.id, version: station.version, contactCadreId: newCadre.id } });
    expect(res.data.setStationManagement.userErrors).toEqual([]);
    const changed = res.data.setStationManagement.station;
    expect(changed.contactCadre).toMatchObject({ id: newCadre.id, name: '周春梅' });
    expect(changed.managingOrganization).toEqual(station.managingOrganization);
    expect(changed.version).toBe(station.version + 1);
    station = changed;
  });

  it('refuses a non-party organization as manager and changes nothing', async () => {
    const organizationId = await socialOrganization('襄阳市樊城区春晖社会工作服务中心');
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: station.id, version: station.version, managingOrganizationId: organizationId } });
    expect(res.data.setStationManagement.station).toBeNull();
    expect(res.data.setStationManagement.userErrors).toEqual([
      {
        field: ['input', 'managingOrganizationId'],
        code: 'INVALID',
        message: '驿站的管理党组织须为党组织（社区党组织、双报到党组织或驻区单位党组织），“襄阳市樊城区春晖社会工作服务中心”是社会组织，请选择党组织。',
      },
    ]);
    await expectUnchanged();
  });

  it('refuses a contact cadre who is not a two-committees cadre, and changes nothing', async () => {
    const worker = station.gridWorkers.nodes[0].person;
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: station.id, version: station.version, contactCadreId: worker.id } });
    expect(res.data.setStationManagement.userErrors).toEqual([
      { field: ['input', 'contactCadreId'], code: 'INVALID', message: `联系包保驿站的须为社区两委干部，“${worker.name}”的身份是网格员，请选择社区两委干部。` },
    ]);
    await expectUnchanged();
  });

  it('refuses an inactive cadre, and changes nothing', async () => {
    const retired = await createPerson({ name: '邓国华', role: 'TWO_COMMITTEES_CADRE', regionCode: SEED.anjuCommunityCode });
    const off = await t.gql(UPDATE_PERSON, { input: { id: retired.id, version: retired.version, active: false } });
    expect(off.data.updatePerson.userErrors).toEqual([]);
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: station.id, version: station.version, contactCadreId: retired.id } });
    expect(res.data.setStationManagement.userErrors[0]).toMatchObject({ field: ['input', 'contactCadreId'], code: 'INVALID' });
    expect(res.data.setStationManagement.userErrors[0].message).toContain('已停用');
    await expectUnchanged();
  });

  it('refuses a stale version with CONFLICT, and changes nothing', async () => {
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: station.id, version: station.version - 1, managingOrganizationId: null } });
    expect(res.data.setStationManagement.userErrors).toEqual([
      {
        field: ['input', 'version'],
        code: 'CONFLICT',
        message: `该驿站已被他人修改（您读取的是第 ${station.version - 1} 版，当前为第 ${station.version} 版），请刷新后重新修改。`,
      },
    ]);
    await expectUnchanged();
  });

  it('refuses an unknown organization or station', async () => {
    const unknownOrg = Buffer.from(`Organization:${randomUUID()}`).toString('base64url');
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: station.id, version: station.version, managingOrganizationId: unknownOrg } });
    expect(res.data.setStationManagement.userErrors[0]).toMatchObject({ field: ['input', 'managingOrganizationId'], code: 'NOT_FOUND' });
    const unknownStation = Buffer.from(`Station:${randomUUID()}`).toString('base64url');
    const missing = await t.gql(SET_MANAGEMENT, { input: { stationId: unknownStation, version: 1, managingOrganizationId: null } });
    expect(missing.data.setStationManagement.userErrors[0]).toMatchObject({ field: ['input', 'stationId'], code: 'NOT_FOUND' });
    await expectUnchanged();
  });

  it('refuses to change an archived station', async () => {
    const created = await t.gql(`mutation($input: CreateStationInput!) { createStation(input: $input) { station { id version } } }`, {
      input: {
        name: '安居社区规划驿站',
        regionCode: SEED.anjuCommunityCode,
        tier: 'BASIC',
        kind: 'COMMUNITY',
        address: '湖北省襄阳市樊城区王寨街道安居路20号',
        location: XIANGYANG_POINT,
      },
    });
    const planned = created.data.createStation.station;
    const archived = await t.gql(`mutation($input: ArchiveStationInput!) { archiveStation(input: $input) { station { version } userErrors { code } } }`, {
      input: { id: planned.id, version: planned.version },
    });
    expect(archived.data.archiveStation.userErrors).toEqual([]);
    const version = archived.data.archiveStation.station.version;
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: planned.id, version, contactCadreId: newCadre.id } });
    expect(res.data.setStationManagement.userErrors).toEqual([{ field: ['input', 'stationId'], code: 'ARCHIVED', message: '该驿站已归档，不能再修改。' }]);
    const after = await getStation(planned.id);
    expect(after).toMatchObject({ version, contactCadre: null, managingOrganization: null });
  });

  it('clears the managing organization with null', async () => {
    const res = await t.gql(SET_MANAGEMENT, { input: { stationId: station.id, version: station.version, managingOrganizationId: null } });
    expect(res.data.setStationManagement.userErrors).toEqual([]);
    expect(res.data.setStationManagement.station).toMatchObject({ managingOrganization: null, contactCadre: { id: newCadre.id }, version: station.version + 1 });
  });
});

describe('assignGridWorker and unassignGridWorker', () => {
  let station: Station;
  let worker: { id: string; name: string; version: number };

  beforeAll(async () => {
    [, , station] = await fanchengStations(3);
    worker = await createPerson({ name: '刘晓东', role: 'GRID_WORKER', phone: '0710-3221234', regionCode: SEED.anjuCommunityCode });
  });

  it('stations a grid worker without changing the station version, and lists them', async () => {
    const res = await t.gql(ASSIGN, { input: { stationId: station.id, personId: worker.id, since: '2024-01-02' } });
    expect(res.data.assignGridWorker.userErrors).toEqual([]);
    const after = res.data.assignGridWorker.station;
    expect(after.version).toBe(station.version);
    expect(after.gridWorkers.nodes).toHaveLength(station.gridWorkers.nodes.length + 1);
    expect(after.gridWorkers.nodes[after.gridWorkers.nodes.length - 1]).toEqual({ since: '2024-01-02', person: { id: worker.id, name: '刘晓东', role: 'GRID_WORKER' } });
    station = after;
  });

  it('refuses to station the same grid worker twice, someone who is not a grid worker, or an inactive one', async () => {
    const twice = await t.gql(ASSIGN, { input: { stationId: station.id, personId: worker.id, since: '2024-01-03' } });
    expect(twice.data.assignGridWorker.userErrors).toEqual([{ field: ['input', 'personId'], code: 'INVALID', message: '“刘晓东”已在该驿站驻点，无需重复安排。' }]);
    const cadre = await t.gql(ASSIGN, { input: { stationId: station.id, personId: station.contactCadre!.id, since: '2024-01-03' } });
    expect(cadre.data.assignGridWorker.userErrors[0]).toMatchObject({ field: ['input', 'personId'], code: 'INVALID' });
    expect(cadre.data.assignGridWorker.userErrors[0].message).toContain('驻点人员须为网格员');
    const former = await createPerson({ name: '黄丽', role: 'GRID_WORKER' });
    await t.gql(UPDATE_PERSON, { input: { id: former.id, version: former.version, active: false } });
    const inactive = await t.gql(ASSIGN, { input: { stationId: station.id, personId: former.id, since: '2024-01-03' } });
    expect(inactive.data.assignGridWorker.userErrors[0]).toMatchObject({ field: ['input', 'personId'], code: 'INVALID' });
    expect(await getStation(station.id)).toEqual(station);
  });

  it('will not let a stationed grid worker change role or be deactivated', async () => {
    const person = (await t.gql(GET_PERSON, { id: worker.id })).data.person;
    const role = await t.gql(UPDATE_PERSON, { input: { id: worker.id, version: person.version, role: 'VOLUNTEER' } });
    expect(role.data.updatePerson.userErrors).toEqual([
      {
        field: ['input', 'role'],
        code: 'IN_USE',
        message: '该人员目前是 1 个驿站的驻点网格员，不能更改身份或停用；请先在驿站管理中换人或撤销驻点，再修改。',
      },
    ]);
    const off = await t.gql(UPDATE_PERSON, { input: { id: worker.id, version: person.version, active: false } });
    expect(off.data.updatePerson.userErrors[0]).toMatchObject({ field: ['input', 'active'], code: 'IN_USE' });
    expect((await t.gql(GET_PERSON, { id: worker.id })).data.person).toEqual(person);
  });

  it('ends a stationing, and says so when there is none', async () => {
    const res = await t.gql(UNASSIGN, { input: { stationId: station.id, personId: worker.id } });
    expect(res.data.unassignGridWorker.userErrors).toEqual([]);
    expect(res.data.unassignGridWorker.station.gridWorkers.nodes.map((w: { person: { id: string } }) => w.person.id)).not.toContain(worker.id);
    const again = await t.gql(UNASSIGN, { input: { stationId: station.id, personId: worker.id } });
    expect(again.data.unassignGridWorker.userErrors).toEqual([{ field: ['input', 'personId'], code: 'NOT_FOUND', message: '该网格员没有在这个驿站驻点，请刷新后重试。' }]);
  });
});

describe('createPerson, updatePerson and deletePerson', () => {
  it('registers a person, normalising the phone', async () => {
    const before = await peopleTotal();
    const [station] = await fanchengStations(1);
    const person = await createPerson({
      name: '  李秀兰 ',
      role: 'VOLUNTEER',
      phone: '138 7101 2345',
      isPartyMember: true,
      organizationId: station.managingOrganization!.id,
      regionCode: SEED.anjuCommunityCode,
    });
    expect(person).toMatchObject({
      name: '李秀兰',
      role: 'VOLUNTEER',
      phone: '13871012345',
      isPartyMember: true,
      active: true,
      version: 1,
      organization: { id: station.managingOrganization!.id },
      region: { code: SEED.anjuCommunityCode, name: '安居社区' },
    });
    expect(await peopleTotal()).toBe(before + 1);
  });

  it('accepts a street as the region a person serves', async () => {
    const person = await createPerson({ name: '张建国', role: 'STREET_CADRE', regionCode: SEED.streetCode });
    expect(person.region).toMatchObject({ code: SEED.streetCode, level: 'STREET' });
    expect(person.phone).toBeNull();
  });

  it.each([
    ['a malformed phone', { phone: '12345' }, ['input', 'phone'], 'INVALID', '电话号码格式不正确'],
    ['an empty name', { name: '  ' }, ['input', 'name'], 'REQUIRED', '请填写姓名。'],
    ['a name over 50 characters', { name: '欧'.repeat(51) }, ['input', 'name'], 'TOO_LONG', '姓名不能超过 50 个字。'],
    ['a district as region', { regionCode: SEED.fanchengCode }, ['input', 'regionCode'], 'INVALID', '人员服务的区划须为社区（村）或街道（乡镇）'],
    ['an unknown region', { regionCode: '420606999999' }, ['input', 'regionCode'], 'NOT_FOUND', '找不到行政区划代码'],
    ['a malformed organization', { organizationId: 'nonsense' }, ['input', 'organizationId'], 'INVALID', '这不是组织的 ID'],
  ])('rejects %s and changes nothing', async (_label, overrides, field, code, message) => {
    const before = await peopleTotal();
    const res = await t.gql(CREATE_PERSON, { input: { name: '陈志华', role: 'VOLUNTEER', ...overrides } });
    expect(res.data.createPerson.person).toBeNull();
    expect(res.data.createPerson.userErrors).toHaveLength(1);
    expect(res.data.createPerson.userErrors[0]).toMatchObject({ field, code });
    expect(res.data.createPerson.userErrors[0].message).toContain(message);
    expect(await peopleTotal()).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await t.gql(CREATE_PERSON, { input: { name: '陈志华', role: 'VOLUNTEER', phone: '999' } }, { 'accept-language': 'en' });
    expect(res.data.createPerson.userErrors[0].message).toMatch(/^The phone number is malformed/);
  });

  it('updates the given fields, clears with null and bumps the version', async () => {
    const person = await createPerson({ name: '孙丽', role: 'VOLUNTEER', phone: '13907105678', regionCode: SEED.anjuCommunityCode });
    const res = await t.gql(UPDATE_PERSON, { input: { id: person.id, version: 1, name: '孙丽娟', phone: '0710-2345678', regionCode: null, isPartyMember: true } });
    expect(res.data.updatePerson.userErrors).toEqual([]);
    expect(res.data.updatePerson.person).toMatchObject({ name: '孙丽娟', phone: '0710-2345678', region: null, isPartyMember: true, version: 2 });
  });

  it('refuses a stale version or a bad phone, and changes nothing', async () => {
    const person = await createPerson({ name: '吴海燕', role: 'SOCIAL_WORKER', phone: '15807101111' });
    await t.gql(UPDATE_PERSON, { input: { id: person.id, version: 1, name: '吴海燕', isPartyMember: true } });
    const current = (await t.gql(GET_PERSON, { id: person.id })).data.person;
    const stale = await t.gql(UPDATE_PERSON, { input: { id: person.id, version: 1, phone: '15807102222' } });
    expect(stale.data.updatePerson.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: `该人员已被他人修改（您读取的是第 1 版，当前为第 ${current.version} 版），请刷新后重新修改。` },
    ]);
    const badPhone = await t.gql(UPDATE_PERSON, { input: { id: person.id, version: current.version, phone: '1580710' } });
    expect(badPhone.data.updatePerson.userErrors[0]).toMatchObject({ field: ['input', 'phone'], code: 'INVALID' });
    expect((await t.gql(GET_PERSON, { id: person.id })).data.person).toEqual(current);
  });

  it('deactivates with active: false: the person leaves the default list but stays on record', async () => {
    const person = await createPerson({ name: '郑思雨', role: 'VOLUNTEER', regionCode: SEED.anjuCommunityCode });
    const listed = async (includeInactive: boolean) =>
      (await t.gql(`{ people(first: 10, filter: { includeInactive: ${includeInactive}, regionCode: "${SEED.anjuCommunityCode}", search: "郑思雨" }) { totalCount } }`)).data.people
        .totalCount;
    expect(await listed(false)).toBe(1);
    const res = await t.gql(UPDATE_PERSON, { input: { id: person.id, version: 1, active: false } });
    expect(res.data.updatePerson.person).toMatchObject({ active: false, version: 2 });
    expect(await listed(false)).toBe(0);
    expect(await listed(true)).toBe(1);
  });

  it('will not move a contact cadre to another role', async () => {
    const [station] = await fanchengStations(1);
    const cadre = (await t.gql(GET_PERSON, { id: station.contactCadre!.id })).data.person;
    const res = await t.gql(UPDATE_PERSON, { input: { id: cadre.id, version: cadre.version, role: 'STREET_CADRE' } });
    expect(res.data.updatePerson.userErrors[0]).toMatchObject({ field: ['input', 'role'], code: 'IN_USE' });
    expect(res.data.updatePerson.userErrors[0].message).toContain('联系包保干部');
    expect((await t.gql(GET_PERSON, { id: cadre.id })).data.person).toEqual(cadre);
  });

  it('deletes a person nobody refers to', async () => {
    const person = await createPerson({ name: '马小红', role: 'VOLUNTEER' });
    const before = await peopleTotal();
    const res = await t.gql(DELETE_PERSON, { input: { id: person.id, version: 1 } });
    expect(res.data.deletePerson).toEqual({ deletedId: person.id, userErrors: [] });
    expect(await peopleTotal()).toBe(before - 1);
    expect((await t.gql(GET_PERSON, { id: person.id })).data.person).toBeNull();
  });

  it('refuses to delete a person with shifts or station links, or at a stale version, and keeps them', async () => {
    const [station] = await fanchengStations(1);
    const worker = station.gridWorkers.nodes[0].person;
    const current = (await t.gql(GET_PERSON, { id: worker.id })).data.person;
    const before = await peopleTotal();
    const res = await t.gql(DELETE_PERSON, { input: { id: worker.id, version: current.version } });
    expect(res.data.deletePerson).toEqual({
      deletedId: null,
      userErrors: [{ field: ['input', 'id'], code: 'IN_USE', message: '该人员已有值班记录，或是驿站的联系干部、驻点网格员，不能删除；如已离岗，请将其停用。' }],
    });
    const stale = await t.gql(DELETE_PERSON, { input: { id: worker.id, version: current.version + 1 } });
    expect(stale.data.deletePerson.userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect(await peopleTotal()).toBe(before);
    expect((await t.gql(GET_PERSON, { id: worker.id })).data.person).toEqual(current);
  });
});

describe('duty shift queries', () => {
  let station: Station;

  beforeAll(async () => {
    [station] = await fanchengStations(1);
  });

  it('counts the seeded rosters by kind, region and week', async () => {
    expect(await shiftsTotal()).toBe(PEOPLE_SEED.dutyShifts);
    const count = async (filter: string) => (await t.gql(`{ dutyShifts(first: 1, filter: ${filter}) { totalCount } }`)).data.dutyShifts.totalCount;
    expect(await count('{ kind: [EVENING_POST] }')).toBe(PEOPLE_SEED.shiftsByKind.EVENING_POST);
    expect(await count(`{ kind: [EVENING_POST], regionCode: "${SEED.fanchengCode}" }`)).toBe(PEOPLE_SEED.shiftsByKind.EVENING_POST);
    expect(await count(`{ kind: [EVENING_POST], regionCode: "420602" }`)).toBe(0);
    expect(await count(`{ from: "${PEOPLE_SEED.rosterFrom}", to: "${PEOPLE_SEED.rosterTo}" }`)).toBe(PEOPLE_SEED.dutyShifts);
    expect(await count(`{ kind: [EVENING_POST], from: "${cst('2023-12-27T00:00:00')}", to: "${cst('2023-12-28T00:00:00')}" }`)).toBe(PEOPLE_SEED.fanchengOpenStations);
  });

  it("lists a station's shifts in start order and filters by person and organization", async () => {
    const res = await t.gql(`query($id: ID!) { dutyShifts(first: 100, filter: { stationId: $id }) { totalCount nodes { ${SHIFT_FIELDS} } } }`, { id: station.id });
    const shifts = res.data.dutyShifts.nodes;
    expect(res.data.dutyShifts.totalCount).toBe(shifts.length);
    expect(shifts.every((shift: { station: { id: string } }) => shift.station.id === station.id)).toBe(true);
    const starts = shifts.map((shift: { startsAt: string }) => shift.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(shifts.filter((shift: { kind: string }) => shift.kind === 'EVENING_POST')).toHaveLength(7);
    expect(shifts.filter((shift: { kind: string }) => shift.kind === 'REGULAR')).toHaveLength(7);

    const someone = shifts.find((shift: { person: { id: string } | null }) => shift.person)!.person;
    const mine = await t.gql(`query($id: ID!) { dutyShifts(first: 100, filter: { personId: $id }) { nodes { person { id } } } }`, { id: someone.id });
    expect(mine.data.dutyShifts.nodes.length).toBeGreaterThan(0);
    expect(mine.data.dutyShifts.nodes.every((shift: { person: { id: string } }) => shift.person.id === someone.id)).toBe(true);

    const orgShifts = await t.gql(`query($id: ID!) { dutyShifts(first: 10, filter: { organizationId: $id }) { nodes { kind person { id } organization { id name } } } }`, {
      id: station.managingOrganization!.id,
    });
    expect(orgShifts.data.dutyShifts.nodes.length).toBeGreaterThan(0);
    for (const shift of orgShifts.data.dutyShifts.nodes) expect(shift).toMatchObject({ kind: 'VOLUNTEER', person: null, organization: { id: station.managingOrganization!.id } });
  });

  it('pages station.dutyShifts with first/after and counts them', async () => {
    const page = `query($id: ID!, $after: String) { station(id: $id) { dutyShifts(first: 5, kind: [REGULAR], after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id kind startsAt } } } }`;
    const first = (await t.gql(page, { id: station.id })).data.station.dutyShifts;
    expect(first.totalCount).toBe(7);
    expect(first.nodes).toHaveLength(5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const seen: string[] = first.nodes.map((node: { id: string }) => node.id);
    let cursor = first.pageInfo.endCursor;
    for (;;) {
      const next = (await t.gql(page, { id: station.id, after: cursor })).data.station.dutyShifts;
      seen.push(...next.nodes.map((node: { id: string }) => node.id));
      expect(next.pageInfo.hasPreviousPage).toBe(true);
      if (!next.pageInfo.hasNextPage) break;
      cursor = next.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(7);

    const evening = await t.gql(
      `query($id: ID!) { station(id: $id) { dutyShifts(from: "${cst('2023-12-27T19:00:00')}", to: "${cst('2023-12-27T23:00:00')}") { totalCount nodes { kind } } } }`,
      { id: station.id },
    );
    expect(evening.data.station.dutyShifts.nodes.map((node: { kind: string }) => node.kind)).toContain('EVENING_POST');
  });

  it('pages station.dutyShifts backwards with last/before, 20 by default, in the order asked for', async () => {
    const busiest = await t.gql(`{ stations(first: 100, filter: { regionCode: "${SEED.fanchengCode}", status: [OPEN] }) { nodes { id dutyShifts(first: 1) { totalCount } } } }`);
    const best = busiest.data.stations.nodes.reduce((a: Station & Record<string, any>, b: Station & Record<string, any>) =>
      b.dutyShifts.totalCount > a.dutyShifts.totalCount ? b : a,
    );
    expect(best.dutyShifts.totalCount).toBeGreaterThan(20);
    const PAGE = `query($id: ID!, $first: Int, $last: Int, $before: String, $orderBy: DutyShiftOrder) { station(id: $id) {
      dutyShifts(first: $first, last: $last, before: $before, orderBy: $orderBy) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id startsAt } } } } }`;
    const page = async (variables: Record<string, unknown>) => {
      const res = await t.gql(PAGE, { id: best.id, ...variables });
      expect(res.errors).toBeUndefined();
      return res.data.station.dutyShifts;
    };
    const all = await page({ first: 100 });
    const ids = all.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toHaveLength(best.dutyShifts.totalCount);
    const starts = all.edges.map((edge: { node: { startsAt: string } }) => edge.node.startsAt);
    expect(starts).toEqual([...starts].sort());

    const byDefault = await page({});
    expect(byDefault.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(ids.slice(0, 20));
    expect(byDefault.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const tail = await page({ last: 3 });
    expect(tail.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(ids.slice(-3));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const earlier = await page({ last: 3, before: tail.pageInfo.startCursor });
    expect(earlier.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(ids.slice(-6, -3));
    expect(earlier.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const latestFirst = await page({ first: 100, orderBy: { field: 'STARTS_AT', direction: 'DESC' } });
    expect(latestFirst.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([...ids].reverse());
  });

  it('answers malformed shift arguments with BAD_USER_INPUT', async () => {
    const backwards = await t.gql(`{ dutyShifts(first: 1, filter: { from: "${cst('2023-12-28T00:00:00')}", to: "${cst('2023-12-27T00:00:00')}" }) { totalCount } }`);
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badStation = await t.gql(`{ dutyShifts(first: 1, filter: { stationId: "nonsense" }) { totalCount } }`);
    expect(badStation.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql(`query($id: ID!) { station(id: $id) { dutyShifts(first: 1, after: "bm9wZQ") { totalCount } } }`, { id: station.id });
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await t.gql(`query($id: ID!) { station(id: $id) { dutyShifts(first: 101) { totalCount } } }`, { id: station.id });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooManyBack = await t.gql(`query($id: ID!) { station(id: $id) { dutyShifts(last: 101) { totalCount } } }`, { id: station.id });
    expect(tooManyBack.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const windowBackwards = await t.gql(
      `query($id: ID!) { station(id: $id) { dutyShifts(from: "${cst('2023-12-28T00:00:00')}", to: "${cst('2023-12-27T00:00:00')}") { totalCount } } }`,
      { id: station.id },
    );
    expect(windowBackwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const onDuty = await t.gql(ON_DUTY, { stationId: 'nonsense', at: PEOPLE_SEED.eveningPostInstant });
    expect(onDuty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers who is on duty at a 樊城区 station in the evening: the 七点半岗哨', async () => {
    const res = await t.gql(ON_DUTY, { stationId: station.id, at: PEOPLE_SEED.eveningPostInstant });
    expect(res.errors).toBeUndefined();
    expect(res.data.onDuty).toHaveLength(1);
    expect(res.data.onDuty[0]).toMatchObject({
      kind: 'EVENING_POST',
      startsAt: iso(cst('2023-12-27T19:30:00')),
      endsAt: iso(cst('2023-12-27T21:30:00')),
      station: { id: station.id },
      organization: null,
    });
    expect(res.data.onDuty[0].person.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);

    const field = await t.gql(`query($id: ID!, $at: DateTime!) { station(id: $id) { onDuty(at: $at) { id kind } } }`, { id: station.id, at: PEOPLE_SEED.eveningPostInstant });
    expect(field.data.station.onDuty).toEqual([{ id: res.data.onDuty[0].id, kind: 'EVENING_POST' }]);

    const night = await t.gql(ON_DUTY, { stationId: station.id, at: PEOPLE_SEED.nightInstant });
    expect(night.data.onDuty).toEqual([]);

    const byId = await t.gql(GET_SHIFT, { id: res.data.onDuty[0].id });
    expect(byId.data.dutyShift).toEqual(res.data.onDuty[0]);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on DutyShift { kind } } }`, { id: res.data.onDuty[0].id });
    expect(node.data.node).toEqual({ __typename: 'DutyShift', kind: 'EVENING_POST' });
  });
});

describe('createDutyShift, updateDutyShift and deleteDutyShift', () => {
  let station: Station;
  let other: Station;
  let volunteer: { id: string; name: string };
  let eveningPost: { id: string; person: { id: string; name: string }; station: { name: string } };

  beforeAll(async () => {
    [station, , , other] = await fanchengStations(4);
    volunteer = await createPerson({ name: '胡佳怡', role: 'VOLUNTEER', phone: '18607101234', regionCode: SEED.anjuCommunityCode });
    eveningPost = (await t.gql(ON_DUTY, { stationId: station.id, at: PEOPLE_SEED.eveningPostInstant })).data.onDuty[0];
  });

  const shiftInput = (overrides: Record<string, unknown> = {}) => ({
    stationId: station.id,
    personId: volunteer.id,
    startsAt: cst('2024-01-06T09:00:00'),
    endsAt: cst('2024-01-06T11:30:00'),
    kind: 'VOLUNTEER',
    note: '志愿服务：帮老人代办医保',
    ...overrides,
  });

  it('puts a person on duty', async () => {
    const before = await shiftsTotal();
    const res = await t.gql(CREATE_SHIFT, { input: shiftInput() });
    expect(res.data.createDutyShift.userErrors).toEqual([]);
    expect(res.data.createDutyShift.dutyShift).toMatchObject({
      startsAt: iso(cst('2024-01-06T09:00:00')),
      endsAt: iso(cst('2024-01-06T11:30:00')),
      kind: 'VOLUNTEER',
      note: '志愿服务：帮老人代办医保',
      version: 1,
      station: { id: station.id },
      person: { id: volunteer.id, name: '胡佳怡' },
      organization: null,
    });
    expect(await shiftsTotal()).toBe(before + 1);
    const onDuty = await t.gql(ON_DUTY, { stationId: station.id, at: cst('2024-01-06T10:00:00') });
    expect(onDuty.data.onDuty.map((shift: { id: string }) => shift.id)).toEqual([res.data.createDutyShift.dutyShift.id]);
  });

  it('puts an organization on duty', async () => {
    const res = await t.gql(CREATE_SHIFT, { input: shiftInput({ personId: null, organizationId: station.managingOrganization!.id, note: '主题党日' }) });
    expect(res.data.createDutyShift.userErrors).toEqual([]);
    expect(res.data.createDutyShift.dutyShift).toMatchObject({ person: null, organization: { id: station.managingOrganization!.id } });
  });

  it("shows the new shift in its station's shifts and on duty, read from the payload as from a query", async () => {
    const at = cst('2024-01-04T10:00:00');
    const STATION_SHIFTS = `dutyShifts(from: "${cst('2024-01-04T00:00:00')}", to: "${cst('2024-01-05T00:00:00')}", last: 5) { totalCount nodes { id kind } }
      onDuty(at: "${at}") { id person { id } }`;
    const res = await t.gql(`mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { dutyShift { id station { ${STATION_SHIFTS} } } ${ERRORS} } }`, {
      input: shiftInput({ startsAt: cst('2024-01-04T09:00:00'), endsAt: cst('2024-01-04T11:00:00'), note: null }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createDutyShift.userErrors).toEqual([]);
    const { id, station: fromPayload } = res.data.createDutyShift.dutyShift;
    expect(fromPayload.onDuty).toContainEqual({ id, person: { id: volunteer.id } });
    expect(fromPayload.dutyShifts.nodes).toContainEqual({ id, kind: 'VOLUNTEER' });
    const queried = await t.gql(`query($id: ID!) { station(id: $id) { ${STATION_SHIFTS} } }`, { id: station.id });
    expect(queried.data.station).toEqual(fromPayload);
  });

  it.each([
    ['both a person and an organization', () => ({ organizationId: station.managingOrganization!.id }), ['input', 'organizationId'], 'INVALID', '值班人员和值班组织只能填一个。'],
    ['neither a person nor an organization', () => ({ personId: null }), ['input', 'personId'], 'REQUIRED', '请指定值班人员或值班组织（二选一）。'],
    ['an end before the start', () => ({ endsAt: cst('2024-01-06T08:00:00') }), ['input', 'endsAt'], 'INVALID', '值班结束时间须晚于开始时间。'],
    ['an end equal to the start', () => ({ endsAt: cst('2024-01-06T09:00:00') }), ['input', 'endsAt'], 'INVALID', '值班结束时间须晚于开始时间。'],
    ['a shift over 24 hours', () => ({ endsAt: cst('2024-01-07T09:30:00') }), ['input', 'endsAt'], 'INVALID', '一个班次不能超过 24 小时，请拆成几个班次。'],
    ['a note over 200 characters', () => ({ note: '备'.repeat(201) }), ['input', 'note'], 'TOO_LONG', '值班备注不能超过 200 个字。'],
    ['a malformed station', () => ({ stationId: 'nonsense' }), ['input', 'stationId'], 'INVALID', '这不是驿站的 ID：格式不正确，或是其他类型记录的 ID。请使用查询返回的驿站 id。'],
  ])('refuses %s and changes nothing', async (_label, overrides, field, code, message) => {
    const before = await shiftsTotal();
    const res = await t.gql(CREATE_SHIFT, { input: shiftInput(overrides()) });
    expect(res.data.createDutyShift).toEqual({ dutyShift: null, userErrors: [{ field, code, message }] });
    expect(await shiftsTotal()).toBe(before);
  });

  it("refuses a shift that overlaps the person's evening post elsewhere, naming the clash", async () => {
    const before = await shiftsTotal();
    const res = await t.gql(CREATE_SHIFT, {
      input: shiftInput({ stationId: other.id, personId: eveningPost.person.id, startsAt: cst('2023-12-27T21:00:00'), endsAt: cst('2023-12-27T22:00:00'), kind: 'REGULAR' }),
    });
    expect(res.data.createDutyShift).toEqual({
      dutyShift: null,
      userErrors: [
        {
          field: ['input', 'startsAt'],
          code: 'INVALID',
          message: `${eveningPost.person.name}在 2023-12-27 19:30–21:30 已安排在“${eveningPost.station.name}”七点半岗哨，与本班次时间重叠，请调整时间或换人。`,
        },
      ],
    });
    expect(await shiftsTotal()).toBe(before);
    // Back to back is fine: the post ends at 21:30.
    const after = await t.gql(CREATE_SHIFT, {
      input: shiftInput({ stationId: other.id, personId: eveningPost.person.id, startsAt: cst('2023-12-27T21:30:00'), endsAt: cst('2023-12-27T22:30:00'), kind: 'REGULAR' }),
    });
    expect(after.data.createDutyShift.userErrors).toEqual([]);
  });

  it('refuses an inactive person and a closed station', async () => {
    const former = await createPerson({ name: '曹玉兰', role: 'VOLUNTEER' });
    await t.gql(UPDATE_PERSON, { input: { id: former.id, version: 1, active: false } });
    const before = await shiftsTotal();
    const inactive = await t.gql(CREATE_SHIFT, { input: shiftInput({ personId: former.id }) });
    expect(inactive.data.createDutyShift.userErrors).toEqual([
      { field: ['input', 'personId'], code: 'INVALID', message: '人员“曹玉兰”已停用，不能再安排；请选择其他人员，或先将其恢复启用。' },
    ]);
    const [closed] = await fanchengStations(1, 'CLOSED');
    const res = await t.gql(CREATE_SHIFT, { input: shiftInput({ stationId: closed.id }) });
    expect(res.data.createDutyShift.userErrors).toEqual([{ field: ['input', 'stationId'], code: 'INVALID', message: `驿站“${closed.name}”已关闭，不能再安排或修改值班。` }]);
    expect(await shiftsTotal()).toBe(before);
  });

  it('is also guarded by the database: an overlapping row written around the API is refused', async () => {
    const stationId = Buffer.from(station.id, 'base64url').toString().split(':')[1];
    const personId = Buffer.from(eveningPost.person.id, 'base64url').toString().split(':')[1];
    await expect(
      execute(`insert into duty_shift (id, station_id, person_id, starts_at, ends_at, kind) values (?, ?, ?, ?, ?, 'REGULAR')`, [
        randomUUID(),
        stationId,
        personId,
        cst('2023-12-27T20:00:00'),
        cst('2023-12-27T20:30:00'),
      ]),
    ).rejects.toThrow(/duty_shift_person_no_overlap/);
  });

  it('moves a shift, bumps its version, and refuses a stale version or an overlap', async () => {
    const created = (await t.gql(CREATE_SHIFT, { input: shiftInput({ startsAt: cst('2024-01-07T09:00:00'), endsAt: cst('2024-01-07T11:00:00') }) })).data.createDutyShift.dutyShift;
    const moved = await t.gql(UPDATE_SHIFT, { input: { id: created.id, version: 1, startsAt: cst('2024-01-07T14:00:00'), endsAt: cst('2024-01-07T16:00:00'), note: null } });
    expect(moved.data.updateDutyShift.userErrors).toEqual([]);
    expect(moved.data.updateDutyShift.dutyShift).toMatchObject({ startsAt: iso(cst('2024-01-07T14:00:00')), version: 2, note: null, person: { id: volunteer.id } });
    const current = moved.data.updateDutyShift.dutyShift;

    const stale = await t.gql(UPDATE_SHIFT, { input: { id: created.id, version: 1, kind: 'REGULAR' } });
    expect(stale.data.updateDutyShift.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: '该值班已被他人修改（您读取的是第 1 版，当前为第 2 版），请刷新后重新修改。' },
    ]);
    const overlap = await t.gql(UPDATE_SHIFT, { input: { id: created.id, version: 2, startsAt: cst('2024-01-06T10:00:00'), endsAt: cst('2024-01-06T12:00:00') } });
    expect(overlap.data.updateDutyShift.userErrors[0]).toMatchObject({ field: ['input', 'startsAt'], code: 'INVALID' });
    expect(overlap.data.updateDutyShift.userErrors[0].message).toContain('2024-01-06 09:00–11:30');
    const backwards = await t.gql(UPDATE_SHIFT, { input: { id: created.id, version: 2, endsAt: cst('2024-01-07T13:00:00') } });
    expect(backwards.data.updateDutyShift.userErrors[0]).toMatchObject({ field: ['input', 'endsAt'], code: 'INVALID' });
    const both = await t.gql(UPDATE_SHIFT, { input: { id: created.id, version: 2, personId: volunteer.id, organizationId: station.managingOrganization!.id } });
    expect(both.data.updateDutyShift.userErrors[0]).toMatchObject({ field: ['input', 'organizationId'], code: 'INVALID' });
    expect((await t.gql(GET_SHIFT, { id: created.id })).data.dutyShift).toEqual(current);

    const handedOver = await t.gql(UPDATE_SHIFT, { input: { id: created.id, version: 2, organizationId: station.managingOrganization!.id } });
    expect(handedOver.data.updateDutyShift.dutyShift).toMatchObject({ person: null, organization: { id: station.managingOrganization!.id }, version: 3 });
  });

  it('deletes a shift at the version read', async () => {
    const created = (await t.gql(CREATE_SHIFT, { input: shiftInput({ startsAt: cst('2024-01-08T09:00:00'), endsAt: cst('2024-01-08T11:00:00') }) })).data.createDutyShift.dutyShift;
    const before = await shiftsTotal();
    const stale = await t.gql(DELETE_SHIFT, { input: { id: created.id, version: 2 } });
    expect(stale.data.deleteDutyShift.userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect(await shiftsTotal()).toBe(before);
    const res = await t.gql(DELETE_SHIFT, { input: { id: created.id, version: 1 } });
    expect(res.data.deleteDutyShift).toEqual({ deletedId: created.id, userErrors: [] });
    expect(await shiftsTotal()).toBe(before - 1);
    expect((await t.gql(GET_SHIFT, { id: created.id })).data.dutyShift).toBeNull();
  });
});

describe('scheduleDutyShifts', () => {
  let station: Station;
  let people: { id: string; name: string }[];

  beforeAll(async () => {
    [, , , , station] = await fanchengStations(5);
    people = [
      await createPerson({ name: '彭志强', role: 'STATION_STAFF', regionCode: SEED.anjuCommunityCode }),
      await createPerson({ name: '谢春华', role: 'STATION_STAFF', regionCode: SEED.anjuCommunityCode }),
    ];
  });

  const day = (date: string, person: number, from = '08:30', to = '12:00') => ({
    personId: people[person].id,
    startsAt: cst(`${date}T${from}:00`),
    endsAt: cst(`${date}T${to}:00`),
  });

  it('saves a whole roster in one transaction and returns it in input order', async () => {
    const before = await shiftsTotal();
    const shifts = ['2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11', '2024-01-12'].flatMap((date, i) => [
      day(date, i % 2),
      { ...day(date, (i + 1) % 2, '14:30', '18:00') },
      { ...day(date, i % 2, '19:30', '21:30'), kind: 'EVENING_POST', note: '七点半岗哨' },
    ]);
    const res = await t.gql(SCHEDULE, { input: { stationId: station.id, shifts } });
    expect(res.data.scheduleDutyShifts.userErrors).toEqual([]);
    const saved = res.data.scheduleDutyShifts.dutyShifts;
    expect(saved).toHaveLength(15);
    expect(saved.map((shift: { startsAt: string }) => shift.startsAt)).toEqual(shifts.map((shift) => iso(shift.startsAt)));
    expect(saved[2]).toMatchObject({ kind: 'EVENING_POST', note: '七点半岗哨', person: { id: people[0].id } });
    expect(await shiftsTotal()).toBe(before + 15);
  });

  it('saves nothing when any entry fails, and points at every failing index', async () => {
    const before = await shiftsTotal();
    const shifts = [
      day('2024-01-15', 0),
      day('2024-01-15', 1),
      { ...day('2024-01-15', 0, '14:30', '18:00'), endsAt: cst('2024-01-15T14:00:00') },
      day('2024-01-16', 1, '08:30', '12:00'),
      day('2024-01-16', 1, '11:00', '13:00'),
      { startsAt: cst('2024-01-17T08:30:00'), endsAt: cst('2024-01-17T12:00:00') },
      day('2024-01-08', 0, '09:00', '10:00'),
    ];
    const res = await t.gql(SCHEDULE, { input: { stationId: station.id, shifts } });
    expect(res.data.scheduleDutyShifts.dutyShifts).toBeNull();
    expect(res.data.scheduleDutyShifts.userErrors.map((error: { field: string[]; code: string }) => [error.field.join('.'), error.code])).toEqual([
      ['input.shifts.2.endsAt', 'INVALID'],
      ['input.shifts.5.personId', 'REQUIRED'],
    ]);
    expect(await shiftsTotal()).toBe(before);

    // With the entries' own fields fixed, the clashes (inside the roster and with stored shifts) come out.
    const clashing = [shifts[0], shifts[1], shifts[3], shifts[4], shifts[6]];
    const second = await t.gql(SCHEDULE, { input: { stationId: station.id, shifts: clashing } });
    expect(second.data.scheduleDutyShifts.userErrors).toEqual([
      {
        field: ['input', 'shifts', '3', 'startsAt'],
        code: 'INVALID',
        message: '谢春华在本次排班的第 3 个班次（2024-01-16 08:30–12:00）中已有安排，与本班次时间重叠。',
      },
      {
        field: ['input', 'shifts', '4', 'startsAt'],
        code: 'INVALID',
        message: `彭志强在 2024-01-08 08:30–12:00 已安排在“${station.name}”常规值班，与本班次时间重叠，请调整时间或换人。`,
      },
    ]);
    expect(await shiftsTotal()).toBe(before);
  });

  it('refuses an empty roster and one over 200 shifts', async () => {
    const empty = await t.gql(SCHEDULE, { input: { stationId: station.id, shifts: [] } });
    expect(empty.data.scheduleDutyShifts.userErrors).toEqual([{ field: ['input', 'shifts'], code: 'REQUIRED', message: '请至少填写一个班次。' }]);
    const many = Array.from({ length: 201 }, (_, i) => ({
      organizationId: station.managingOrganization?.id ?? null,
      personId: station.managingOrganization ? null : people[0].id,
      startsAt: new Date(Date.parse(cst('2024-02-01T08:00:00')) + i * 3600_000).toISOString(),
      endsAt: new Date(Date.parse(cst('2024-02-01T09:00:00')) + i * 3600_000).toISOString(),
    }));
    const before = await shiftsTotal();
    const tooMany = await t.gql(SCHEDULE, { input: { stationId: station.id, shifts: many } });
    expect(tooMany.data.scheduleDutyShifts.userErrors).toEqual([{ field: ['input', 'shifts'], code: 'INVALID', message: '一次最多排 200 个班次，请分批提交。' }]);
    expect(await shiftsTotal()).toBe(before);
  });
});

describe('statement counts', () => {
  const PAGE = `query($first: Int!, $at: DateTime!) { stations(first: $first, filter: { regionCode: "${SEED.fanchengCode}", status: [OPEN] }) {
    nodes { code managingOrganization { name } contactCadre { name phone } gridWorkers { nodes { since person { name } } }
      onDuty(at: $at) { kind person { name } } } } }`;
  const ROSTERS = `query($first: Int!) { stations(first: $first, filter: { regionCode: "${SEED.fanchengCode}", status: [OPEN] }) {
    nodes { code dutyShifts(first: 3, kind: [EVENING_POST]) { totalCount pageInfo { hasNextPage } nodes { kind person { name } organization { name } } } } } }`;

  async function statementsFor(query: string, first: number, check: (data: Record<string, any>) => void): Promise<number> {
    return t.countStatements(async () => {
      const res = await t.gql(query, { first, at: PEOPLE_SEED.eveningPostInstant });
      expect(res.errors).toBeUndefined();
      expect(res.data.stations.nodes).toHaveLength(first);
      check(res.data);
    });
  }

  it('costs the same for 10 stations as for 100 with management links, grid workers and who is on duty', async () => {
    const check = (data: Record<string, any>) => {
      const onDuty = data.stations.nodes.flatMap((station: { onDuty: { kind: string }[] }) => station.onDuty);
      expect(onDuty.length).toBeGreaterThan(0);
      expect(onDuty.every((shift: { kind: string; person: { name: string } }) => shift.kind === 'EVENING_POST' && shift.person.name)).toBe(true);
      expect(data.stations.nodes.every((station: { gridWorkers: { nodes: unknown[] } }) => station.gridWorkers.nodes.length > 0)).toBe(true);
    };
    const small = await statementsFor(PAGE, 10, check);
    const large = await statementsFor(PAGE, 100, check);
    expect(large).toBe(small);
    // the caller's key, the stations page (managing organizations, contact cadres and
    // who is on duty with their people planned into it), grid workers, their people
    expect(large).toBeLessThanOrEqual(4);
  });

  it("costs the same for 10 stations as for 100 with each station's first shifts and their counts", async () => {
    const check = (data: Record<string, any>) => {
      for (const station of data.stations.nodes) {
        expect(station.dutyShifts.totalCount).toBeGreaterThanOrEqual(7);
        expect(station.dutyShifts.nodes).toHaveLength(3);
        expect(station.dutyShifts.pageInfo.hasNextPage).toBe(true);
      }
    };
    const small = await statementsFor(ROSTERS, 10, check);
    const large = await statementsFor(ROSTERS, 100, check);
    expect(large).toBe(small);
    // the caller's key and the stations page with each one's first shifts, their count,
    // people and organizations (planned: one statement)
    expect(large).toBeLessThanOrEqual(2);
  });
});
