import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
} from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/**
 * Names and phones (PIPL): whole only for administrators and the operator of the person's region,
 * masked for partners and other regions' operators, absent for analysts and anonymous callers —
 * in fields, and just as much in user-error messages, cursors, sort orders and filter results.
 * Runs against the production-mode app.
 */
const t = useTestApp({ NODE_ENV: 'production' });

/** 檀溪社区 (襄城区), outside the 樊城区 operator's region. */
const XIANGCHENG_DISTRICT = '420602';
/** The instant every person in play is already on duty at their own station. */
const BUSY = { startsAt: '2024-03-05T09:00:00+08:00', endsAt: '2024-03-05T12:00:00+08:00', at: '2024-03-05T10:00:00+08:00' };
/** Free for everyone: organization shifts made as fixtures, and roster clashes. */
const FREE = { startsAt: '2024-03-07T09:00:00+08:00', endsAt: '2024-03-07T12:00:00+08:00' };
const ORG_SHIFT = { startsAt: '2024-03-06T09:00:00+08:00', endsAt: '2024-03-06T10:00:00+08:00' };

interface Body {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

interface Response {
  /** The body exactly as it came over HTTP. */
  text: string;
  body: Body;
}

interface Caller {
  label: string;
  headers: Record<string, string>;
  /** Whether it may see the names of people in play (they serve 安居社区, 樊城区) whole. */
  seesWhole: boolean;
}

interface InPlay {
  id: string;
  name: string;
  phone: string;
  version: number;
  regionCode: string;
}

interface StationRef {
  id: string;
  name: string;
  version: number;
  managingOrganization: { id: string } | null;
  contactCadre: { id: string; name: string } | null;
  gridWorkers: { nodes: { person: { id: string } }[] };
}

let admin: Record<string, string>;
let callers: Caller[];
let byLabel: Record<string, Caller>;
/** 安居社区's open station, where the people in play serve and are on duty. */
let own: StationRef;
/** An open station of 襄城区, which the other operator may roster. */
let foreign: StationRef;
let people: { gridWorker: InPlay; volunteer: InPlay; cadre: InPlay; inactive: InPlay; seededCadre: InPlay };
let inPlay: InPlay[];

/** POST /graphql, keeping the raw text of the body. */
async function call(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Response> {
  const auth = headers.authorization ? { authorization: headers.authorization } : {};
  const res = await t
    .http()
    .post('/graphql')
    .set({ 'content-type': 'application/json', ...auth })
    .send({ query, variables });
  return { text: res.text, body: res.body as Body };
}

async function asAdmin(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const { body } = await call(query, variables, admin);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** Every string in a JSON value, and each one decoded from base64url (cursors, IDs). */
function readableTexts(text: string): string[] {
  const texts = [text];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      texts.push(value);
      if (/^[A-Za-z0-9_-]{4,}$/.test(value)) texts.push(Buffer.from(value, 'base64url').toString('utf8'));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(text));
  return texts;
}

/** Names and phones of people in play that a response shows whole. */
function wholeValuesIn(response: Response): string[] {
  const texts = readableTexts(response.text);
  return inPlay.flatMap((person) => [person.name, person.phone]).filter((secret) => texts.some((text) => text.includes(secret)));
}

const masked = (name: string) => `${name[0]}${'*'.repeat(name.length - 2)}${name[name.length - 1]}`;

const ERRORS = 'userErrors { field code message }';
const PERSON_ID = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];

async function createPerson(input: Record<string, unknown>): Promise<InPlay> {
  const data = await asAdmin(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id name phone version region { code } } ${ERRORS} } }`, { input });
  expect(data.createPerson.userErrors).toEqual([]);
  const { id, name, phone, version, region } = data.createPerson.person;
  return { id, name, phone, version, regionCode: region.code };
}

async function createShift(input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const data = await asAdmin(`mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { dutyShift { id version } ${ERRORS} } }`, { input });
  expect(data.createDutyShift.userErrors).toEqual([]);
  return data.createDutyShift.dutyShift;
}

const STATION_FIELDS = 'id name version managingOrganization { id } contactCadre { id name } gridWorkers { nodes { person { id } } }';

async function openStationIn(regionCode: string): Promise<StationRef> {
  const data = await asAdmin(`query($code: String!) { stations(first: 1, filter: { regionCode: $code, status: [OPEN] }) { nodes { ${STATION_FIELDS} } } }`, { code: regionCode });
  return data.stations.nodes[0];
}

async function station(id: string): Promise<StationRef> {
  return (await asAdmin(`query($id: ID!) { station(id: $id) { ${STATION_FIELDS} } }`, { id })).station;
}

beforeAll(async () => {
  admin = await t.clientHeaders({ name: '组织部管理员', roles: ['ADMIN'] });
  callers = [
    { label: 'anonymous', headers: { ...ANONYMOUS_HEADERS }, seesWhole: false },
    { label: 'ANALYST', headers: await t.clientHeaders({ name: '分析员', roles: ['ANALYST'] }), seesWhole: false },
    { label: 'DEPARTMENT_PARTNER', headers: await t.clientHeaders({ name: '市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' }), seesWhole: false },
    {
      label: 'REGION_OPERATOR of another region',
      headers: await t.clientHeaders({ name: '襄城区操作员', roles: ['REGION_OPERATOR'], regionCode: XIANGCHENG_DISTRICT }),
      seesWhole: false,
    },
    {
      label: "REGION_OPERATOR of the person's region",
      headers: await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode }),
      seesWhole: true,
    },
    { label: 'ADMIN', headers: admin, seesWhole: true },
  ];
  byLabel = Object.fromEntries(callers.map((caller) => [caller.label, caller]));

  own = await openStationIn(SEED.anjuCommunityCode);
  foreign = await openStationIn(XIANGCHENG_DISTRICT);
  const person = (name: string, role: string, phone: string) => createPerson({ name, role, phone, regionCode: SEED.anjuCommunityCode });
  const gridWorker = await person('慕容青禾', 'GRID_WORKER', '13971000001');
  const volunteer = await person('司徒明远', 'VOLUNTEER', '13971000002');
  const cadre = await person('上官知秋', 'TWO_COMMITTEES_CADRE', '13971000003');
  const inactive = await person('诸葛未央', 'VOLUNTEER', '13971000004');
  const seeded = (await asAdmin(`query($id: ID!) { person(id: $id) { id name phone version region { code } } }`, { id: own.contactCadre!.id })).person;
  const seededCadre = { id: seeded.id, name: seeded.name, phone: seeded.phone, version: seeded.version, regionCode: seeded.region.code };
  expect(seededCadre.regionCode).toBe(SEED.anjuCommunityCode);

  const assigned = await asAdmin(`mutation($input: AssignGridWorkerInput!) { assignGridWorker(input: $input) { ${ERRORS} } }`, {
    input: { stationId: own.id, personId: gridWorker.id, since: '2024-01-01' },
  });
  expect(assigned.assignGridWorker.userErrors).toEqual([]);
  for (const busy of [gridWorker, volunteer, cadre, inactive, seededCadre]) {
    await createShift({ stationId: own.id, personId: busy.id, startsAt: BUSY.startsAt, endsAt: BUSY.endsAt, kind: 'REGULAR' });
  }
  const off = await asAdmin(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { version } ${ERRORS} } }`, {
    input: { id: inactive.id, version: inactive.version, active: false },
  });
  expect(off.updatePerson.userErrors).toEqual([]);
  people = { gridWorker, volunteer, cadre, inactive, seededCadre };
  inPlay = Object.values(people);
  own = await station(own.id);
});

const other = () => byLabel['REGION_OPERATOR of another region'];
const ownOperator = () => byLabel["REGION_OPERATOR of the person's region"];

describe('one test per leak found by the review', () => {
  const SET_MANAGEMENT = `mutation($input: SetStationManagementInput!) { setStationManagement(input: $input) { station { id } ${ERRORS} } }`;
  const ASSIGN = `mutation($input: AssignGridWorkerInput!) { assignGridWorker(input: $input) { station { id } ${ERRORS} } }`;
  const UNASSIGN = `mutation($input: UnassignGridWorkerInput!) { unassignGridWorker(input: $input) { ${ERRORS} } }`;
  const SCHEDULE = `mutation($input: ScheduleDutyShiftsInput!) { scheduleDutyShifts(input: $input) { dutyShifts { id } ${ERRORS} } }`;
  const CREATE_SHIFT = `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { dutyShift { id } ${ERRORS} } }`;
  const SHIFTS_OF = `query($id: ID!) { dutyShifts(first: 100, filter: { personId: $id }) { totalCount } }`;

  it('setStationManagement and assignGridWorker check the caller before the person: an anonymous caller learns no name from a Person ID', async () => {
    for (const [query, input, field] of [
      [SET_MANAGEMENT, { stationId: own.id, version: own.version, contactCadreId: people.volunteer.id }, 'setStationManagement'],
      [ASSIGN, { stationId: own.id, personId: people.volunteer.id, since: '2024-02-01' }, 'assignGridWorker'],
      [ASSIGN, { stationId: own.id, personId: people.inactive.id, since: '2024-02-01' }, 'assignGridWorker'],
    ] as const) {
      const res = await call(query, { input }, ANONYMOUS_HEADERS);
      expect(res.body.data![field]).toEqual({
        station: null,
        userErrors: [{ field: ['input', 'stationId'], code: 'FORBIDDEN', message: '修改数据须先登录：请携带接口密钥或统一身份认证令牌。' }],
      });
      expect(wholeValuesIn(res)).toEqual([]);
    }
    // The same for an operator of another region, at a station it may not staff.
    const refused = await call(SET_MANAGEMENT, { input: { stationId: own.id, version: own.version, contactCadreId: people.volunteer.id } }, other().headers);
    expect(refused.body.data!.setStationManagement.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'FORBIDDEN' })]);
    expect(wholeValuesIn(refused)).toEqual([]);
    expect(await station(own.id)).toEqual(own);
  });

  it('role, inactive and already-stationed messages name the person masked for an operator of another region, whole for their own', async () => {
    const mask = masked(people.volunteer.name);
    const notCadre = await call(SET_MANAGEMENT, { input: { stationId: foreign.id, version: foreign.version, contactCadreId: people.volunteer.id } }, other().headers);
    expect(notCadre.body.data!.setStationManagement.userErrors).toEqual([
      { field: ['input', 'contactCadreId'], code: 'INVALID', message: `联系包保驿站的须为社区两委干部，“${mask}”的身份是志愿者，请选择社区两委干部。` },
    ]);
    const notWorker = await call(ASSIGN, { input: { stationId: foreign.id, personId: people.volunteer.id, since: '2024-02-01' } }, other().headers);
    expect(notWorker.body.data!.assignGridWorker.userErrors).toEqual([
      { field: ['input', 'personId'], code: 'INVALID', message: `驻点人员须为网格员，“${mask}”的身份是志愿者，请选择网格员。` },
    ]);
    const inactive = await call(CREATE_SHIFT, { input: { stationId: foreign.id, personId: people.inactive.id, ...FREE } }, other().headers);
    expect(inactive.body.data!.createDutyShift.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'personId'], code: 'INVALID', message: expect.stringContaining(`“${masked(people.inactive.name)}”已停用`) }),
    ]);

    // Stationing the grid worker at the other region's station works; the second time names them masked.
    const first = await call(ASSIGN, { input: { stationId: foreign.id, personId: people.gridWorker.id, since: '2024-02-01' } }, other().headers);
    expect(first.body.data!.assignGridWorker.userErrors).toEqual([]);
    const twice = await call(ASSIGN, { input: { stationId: foreign.id, personId: people.gridWorker.id, since: '2024-02-02' } }, other().headers);
    expect(twice.body.data!.assignGridWorker.userErrors).toEqual([
      { field: ['input', 'personId'], code: 'INVALID', message: `“${masked(people.gridWorker.name)}”已在该驿站驻点，无需重复安排。` },
    ]);
    for (const res of [notCadre, notWorker, inactive, first, twice]) expect(wholeValuesIn(res)).toEqual([]);
    expect((await call(UNASSIGN, { input: { stationId: foreign.id, personId: people.gridWorker.id } }, other().headers)).body.data!.unassignGridWorker.userErrors).toEqual([]);

    // The operator of the person's region is told the name whole.
    const own409 = await call(ASSIGN, { input: { stationId: own.id, personId: people.gridWorker.id, since: '2024-02-02' } }, ownOperator().headers);
    expect(own409.body.data!.assignGridWorker.userErrors).toEqual([
      { field: ['input', 'personId'], code: 'INVALID', message: `“${people.gridWorker.name}”已在该驿站驻点，无需重复安排。` },
    ]);
    expect(await station(foreign.id)).toEqual(foreign);
  });

  it('SHIFT_OVERLAP names the person masked to an operator who sees them masked, and saves nothing', async () => {
    const before = (await asAdmin(SHIFTS_OF, { id: people.volunteer.id })).dutyShifts.totalCount;
    const clash = await call(CREATE_SHIFT, { input: { stationId: foreign.id, personId: people.volunteer.id, startsAt: BUSY.startsAt, endsAt: BUSY.endsAt } }, other().headers);
    const [error] = clash.body.data!.createDutyShift.userErrors;
    expect(error).toMatchObject({ field: ['input', 'startsAt'], code: 'INVALID' });
    expect(error.message).toBe(`${masked(people.volunteer.name)}在 2024-03-05 09:00–12:00 已安排在“${own.name}”常规值班，与本班次时间重叠，请调整时间或换人。`);
    expect(wholeValuesIn(clash)).toEqual([]);

    // Within one roster too: the second entry clashes with the first.
    const roster = await call(
      SCHEDULE,
      {
        input: {
          stationId: foreign.id,
          shifts: [
            { personId: people.volunteer.id, ...FREE },
            { personId: people.volunteer.id, ...FREE },
          ],
        },
      },
      other().headers,
    );
    expect(roster.body.data!.scheduleDutyShifts.userErrors).toEqual([
      {
        field: ['input', 'shifts', '1', 'startsAt'],
        code: 'INVALID',
        message: `${masked(people.volunteer.name)}在本次排班的第 1 个班次（2024-03-07 09:00–12:00）中已有安排，与本班次时间重叠。`,
      },
    ]);
    expect(wholeValuesIn(roster)).toEqual([]);
    expect((await asAdmin(SHIFTS_OF, { id: people.volunteer.id })).dutyShifts.totalCount).toBe(before);

    // The operator of the person's region sees who it is.
    const whole = await call(CREATE_SHIFT, { input: { stationId: own.id, personId: people.volunteer.id, startsAt: BUSY.startsAt, endsAt: BUSY.endsAt } }, ownOperator().headers);
    expect(whole.body.data!.createDutyShift.userErrors[0].message).toContain(`${people.volunteer.name}在 2024-03-05 09:00–12:00`);
  });

  it("people's cursors carry no name: ordered by region by default, and by ID alone when ordered by name", async () => {
    const LIST = `query($code: String!) { people(first: 50, filter: { regionCode: $code }) { edges { cursor node { id name } } } }`;
    const res = await call(LIST, { code: SEED.anjuCommunityCode }, byLabel.ANALYST.headers);
    const edges: { cursor: string; node: { id: string; name: string | null } }[] = res.body.data!.people.edges;
    expect(edges.length).toBeGreaterThan(inPlay.length);
    for (const edge of edges) {
      expect(edge.node.name).toBeNull();
      expect(JSON.parse(Buffer.from(edge.cursor, 'base64url').toString())).toEqual([SEED.anjuCommunityCode, PERSON_ID(edge.node.id)]);
    }
    expect(wholeValuesIn(res)).toEqual([]);

    const BY_NAME = `query($code: String, $after: String) { people(first: 3, after: $after, filter: { regionCode: $code }, orderBy: { field: NAME }) { edges { cursor node { id name } } } }`;
    const mine = await call(BY_NAME, { code: SEED.anjuCommunityCode }, ownOperator().headers);
    for (const edge of mine.body.data!.people.edges) expect(JSON.parse(Buffer.from(edge.cursor, 'base64url').toString())).toEqual([PERSON_ID(edge.node.id)]);

    // A forged cursor pointing at someone whose name the caller sees masked would tell where that name sorts: refused.
    const outsider = (await asAdmin(`{ people(first: 1, filter: { regionCode: "${XIANGCHENG_DISTRICT}" }) { nodes { id } } }`)).people.nodes[0];
    const forged = Buffer.from(JSON.stringify([PERSON_ID(outsider.id)])).toString('base64url');
    const refused = await call(BY_NAME, { code: SEED.anjuCommunityCode, after: forged }, ownOperator().headers);
    expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.body.data).toBeNull();

    // Ordering by name is refused to callers who would see any listed name masked or not at all.
    for (const caller of [byLabel.ANALYST, byLabel.DEPARTMENT_PARTNER, other()]) {
      const denied = await call(BY_NAME, { code: SEED.anjuCommunityCode }, caller.headers);
      expect(denied.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'orderBy.field' });
      expect(denied.body.data).toBeNull();
    }
    const wholeCity = await call(BY_NAME, {}, ownOperator().headers);
    expect(wholeCity.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a name search answers only callers who see the names whole; analysts and partners get FORBIDDEN', async () => {
    const SEARCH = `query($search: String!, $code: String) { people(first: 10, filter: { search: $search, regionCode: $code }) { totalCount nodes { id name } } }`;
    const search = people.volunteer.name;
    for (const caller of [byLabel.ANALYST, byLabel.DEPARTMENT_PARTNER, other()]) {
      for (const code of [undefined, SEED.anjuCommunityCode]) {
        const res = await call(SEARCH, { search, code }, caller.headers);
        expect(res.body.data).toBeNull();
        expect(res.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'filter.search' }) })]);
        expect(res.body.errors![0].message).toMatch(/^按姓名搜索或排序人员，仅限能看到全部所列姓名全文的调用方/);
      }
    }
    const operatorAnywhere = await call(SEARCH, { search }, ownOperator().headers);
    expect(operatorAnywhere.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const operatorInRegion = await call(SEARCH, { search, code: SEED.fanchengCode }, ownOperator().headers);
    expect(operatorInRegion.body.data!.people).toEqual({ totalCount: 1, nodes: [{ id: people.volunteer.id, name: search }] });
    const administrator = await call(SEARCH, { search }, admin);
    expect(administrator.body.data!.people.totalCount).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Generic: every mutation that takes a Person ID or returns a person, found in the schema, and
// every read that can show a person, tried by every kind of caller with the people in play.
// ---------------------------------------------------------------------------------------------

const schema = getSchema();
const PERSON_ID_FIELD = /\bPerson ID\b/;

function inputTakesPerson(type: GraphQLInputObjectType, seen = new Set<string>()): boolean {
  if (seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((field) => {
    const named = getNamedType(field.type);
    if (named.name === 'ID') return PERSON_ID_FIELD.test(field.description ?? '');
    return isInputObjectType(named) && inputTakesPerson(named, seen);
  });
}

function touchesPerson(field: GraphQLField<unknown, unknown>): boolean {
  const takes = field.args.some((arg) => {
    const named = getNamedType(arg.type);
    return named.name === 'ID' ? PERSON_ID_FIELD.test(arg.description ?? '') : isInputObjectType(named) && inputTakesPerson(named);
  });
  const payload = getNamedType(field.type);
  const returns = isObjectType(payload) && Object.values(payload.getFields()).some((f) => getNamedType(f.type).name === 'Person');
  return takes || returns;
}

const PERSON_MUTATIONS = Object.values(schema.getMutationType()!.getFields())
  .filter(touchesPerson)
  .map((field) => field.name)
  .sort();

/** Whether a type leads to a Person within `depth` steps, not passing through a type twice. */
function reachesPerson(type: GraphQLObjectType | GraphQLInterfaceType, depth: number, path: ReadonlySet<string>): boolean {
  if (type.name === 'Person') return true;
  if (depth === 0 || path.has(type.name) || isInterfaceType(type)) return false;
  const next = new Set(path).add(type.name);
  return Object.values(type.getFields()).some((field) => {
    const named = getNamedType(field.type);
    return (isObjectType(named) || isInterfaceType(named)) && !hasRequiredArgs(field) && reachesPerson(named, depth - 1, next);
  });
}

function hasRequiredArgs(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

/** Plain fields of a type; non-empty only when every field is plain (e.g. UserError). */
function leavesOnly(type: GraphQLObjectType): string {
  const fields = Object.values(type.getFields());
  return fields.every((field) => isLeafType(getNamedType(field.type)) && !hasRequiredArgs(field)) ? fields.map((field) => field.name).join(' ') : '';
}

/** A selection of every plain field, following the paths that lead to a person (and small all-plain objects such as userErrors). */
function selectionOf(type: GraphQLObjectType, depth: number, path: ReadonlySet<string> = new Set()): string {
  const next = new Set(path).add(type.name);
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (hasRequiredArgs(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0 && !next.has(named.name) && reachesPerson(named, depth - 1, next)) {
      parts.push(`${field.name} { ${named.name === 'Person' ? 'id name phone' : selectionOf(named, depth - 1, next)} }`);
    } else if (isObjectType(named) && leavesOnly(named)) parts.push(`${field.name} { ${leavesOnly(named)} }`);
  }
  return parts.join(' ');
}

/** Node types with a version: how an input's `version` is looked up from the record it names. */
const VERSIONED_NODES = Object.values(schema.getTypeMap())
  .filter((type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node') && 'version' in type.getFields())
  .map((type) => type.name);

async function versionOf(id: string): Promise<number> {
  const fragments = VERSIONED_NODES.map((name) => `... on ${name} { version }`).join(' ');
  const data = await asAdmin(`query($id: ID!) { node(id: $id) { ${fragments} } }`, { id });
  return data.node?.version ?? 1;
}

interface Probe {
  person: InPlay;
  station: StationRef;
}

/**
 * Builds a mutation's input for a probe: every Person ID is the person in play, every Station ID
 * the probe's station, every Shift ID a fresh organization shift there; times are those the
 * people in play are already busy at; required values get plain placeholders; `version` is the
 * current version of the record the input names.
 */
async function inputFor(type: GraphQLInputObjectType, probe: Probe): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    const required = isNonNullType(field.type) && field.defaultValue === undefined;
    const list = isListType(getNullableType(field.type));
    const named = getNamedType(field.type);
    const description = field.description ?? '';
    let value: unknown;
    if (named.name === 'ID') {
      if (PERSON_ID_FIELD.test(description)) value = probe.person.id;
      else if (/\bStation ID\b/.test(description)) value = probe.station.id;
      else if (/\bShift ID\b/.test(description)) {
        value = (await createShift({ stationId: probe.station.id, organizationId: own.managingOrganization!.id, ...ORG_SHIFT })).id;
      } else if (required) throw new Error(`No fixture for ${type.name}.${field.name} ("${description}"): add one to inputFor`);
    } else if (field.name === 'startsAt' || field.name === 'endsAt') value = BUSY[field.name];
    else if (field.name === 'regionCode') value = probe.person.regionCode;
    else if (field.name === 'version') continue;
    else if (required || list) {
      if (isInputObjectType(named)) value = await inputFor(named, probe);
      else if (isEnumType(named)) value = named.getValues()[0].name;
      else value = { String: '测试', Int: 1, Boolean: false, LocalDate: '2024-02-01', DateTime: BUSY.startsAt }[named.name];
      if (value === undefined) throw new Error(`No placeholder for ${type.name}.${field.name} of type ${named.name}: add one to inputFor`);
    }
    if (value === undefined) continue;
    // Lists get two entries, so that a roster also clashes with itself.
    input[field.name] = list ? [value, isInputObjectType(named) ? await inputFor(named, probe) : value] : value;
  }
  if ('version' in type.getFields()) input.version = await versionOf(String(input.id ?? input.stationId));
  return input;
}

/** What each caller saw, for the checks that the probes reached the paths that name people. */
const seen: { caller: string; mutation: string; response: Response }[] = [];

describe('no name or phone of a person reaches a caller who may not see it whole', () => {
  it('finds the mutations that take or return a person in the schema', () => {
    expect(PERSON_MUTATIONS).toEqual(
      expect.arrayContaining([
        'assignGridWorker',
        'createDutyShift',
        'createPerson',
        'deletePerson',
        'scheduleDutyShifts',
        'setStationManagement',
        'unassignGridWorker',
        'updateDutyShift',
        'updatePerson',
      ]),
    );
  });

  describe.each(PERSON_MUTATIONS)('%s', (mutation) => {
    it("leaks nothing to anonymous callers, analysts, partners or other regions' operators, on any error path", async () => {
      const field = schema.getMutationType()!.getFields()[mutation];
      const inputType = getNamedType(field.args[0].type) as GraphQLInputObjectType;
      const payload = getNamedType(field.type) as GraphQLObjectType;
      const query = `mutation($input: ${inputType.name}!) { ${mutation}(input: $input) { ${selectionOf(payload, 5)} } }`;
      for (const person of inPlay) {
        for (const at of [own, foreign]) {
          // Callers that may not see the names go first, so they meet the records as the fixtures left them.
          for (const caller of [...callers].sort((a, b) => Number(a.seesWhole) - Number(b.seesWhole))) {
            const input = await inputFor(inputType, { person, station: at });
            const response = await call(query, { input }, caller.headers);
            expect(response.body.errors?.filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? []).toEqual([]);
            seen.push({ caller: caller.label, mutation, response });
            if (!caller.seesWhole) expect({ caller: caller.label, input, leaked: wholeValuesIn(response) }).toEqual({ caller: caller.label, input, leaked: [] });
          }
        }
      }
    });
  });

  it("reached the paths that name people: administrators were told names whole, the other region's operator masked", () => {
    const textsOf = (label: string) => seen.filter((entry) => entry.caller === label).map((entry) => entry.response.text);
    const adminTexts = textsOf('ADMIN').join('\n');
    for (const person of inPlay) expect(adminTexts).toContain(person.name);
    const otherTexts = textsOf('REGION_OPERATOR of another region').join('\n');
    for (const person of inPlay) expect(otherTexts).toContain(masked(person.name));
  });

  it('shows people in every list and lookup whole, masked or not at all, as the caller may see them', async () => {
    const PERSON = 'id name phone';
    const reads: [string, Record<string, unknown>][] = [
      [
        `query($code: String!) { people(first: 100, filter: { regionCode: $code, includeInactive: true }) { edges { cursor node { ${PERSON} } } pageInfo { startCursor endCursor } } }`,
        { code: SEED.anjuCommunityCode },
      ],
      [
        `query($code: String!) { people(last: 100, filter: { regionCode: $code, includeInactive: true }, orderBy: { field: NAME, direction: DESC }) { edges { cursor node { ${PERSON} } } } }`,
        { code: SEED.anjuCommunityCode },
      ],
      [`query($search: String!) { people(first: 10, filter: { search: $search, includeInactive: true }) { edges { cursor node { ${PERSON} } } } }`, { search: people.cadre.name }],
      [
        `query($id: ID!) { station(id: $id) { contactCadre { ${PERSON} } gridWorkers { nodes { person { ${PERSON} } } }
        dutyShifts(first: 100, from: "${BUSY.startsAt}", to: "${BUSY.endsAt}") { edges { cursor node { person { ${PERSON} } } } }
        onDuty(at: "${BUSY.at}") { person { ${PERSON} } } } }`,
        { id: own.id },
      ],
      [`query($id: ID!) { onDuty(stationId: $id, at: "${BUSY.at}") { person { ${PERSON} } } }`, { id: own.id }],
      [
        `query($id: ID!) { dutyShifts(first: 100, filter: { stationId: $id, from: "${BUSY.startsAt}", to: "${BUSY.endsAt}" }) { edges { cursor node { id person { ${PERSON} } } } pageInfo { endCursor } } }`,
        { id: own.id },
      ],
      [`{ auditEvents(first: 50) { edges { cursor node { recordId changes { field before after } record { ... on Person { ${PERSON} } } } } } }`, {}],
      ...inPlay.flatMap((person): [string, Record<string, unknown>][] => [
        [`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: person.id }],
        [`query($id: ID!) { node(id: $id) { ... on Person { ${PERSON} } } }`, { id: person.id }],
        [`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { ${PERSON} } } }`, { ids: [person.id] }],
        [`query($id: ID!) { dutyShifts(first: 100, filter: { personId: $id }) { edges { cursor node { id person { ${PERSON} } } } } }`, { id: person.id }],
      ]),
    ];
    const told = new Map<string, string[]>();
    for (const caller of callers) {
      for (const [query, variables] of reads) {
        const response = await call(query, variables, caller.headers);
        expect(response.body.errors?.filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? []).toEqual([]);
        const leaked = wholeValuesIn(response);
        told.set(caller.label, [...(told.get(caller.label) ?? []), ...leaked]);
        if (!caller.seesWhole) expect({ caller: caller.label, query, leaked }).toEqual({ caller: caller.label, query, leaked: [] });
      }
    }
    // Those who may see the names were shown every one of them: the reads did reach the people.
    for (const label of ['ADMIN', "REGION_OPERATOR of the person's region"]) {
      for (const person of inPlay) expect(told.get(label)).toEqual(expect.arrayContaining([person.name, person.phone]));
    }
  });
});
