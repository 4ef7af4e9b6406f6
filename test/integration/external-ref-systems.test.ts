import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Migration20261130010000_external_ref_system } from '../../src/db/migrations/Migration20261130010000_external_ref_system';
import { toGlobalId } from '../../src/graphql/relay';
import { ExternalRecordType } from '../../src/modules/external-ref/external-ref.enums';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/**
 * Who owns an external reference system (外部系统): the first partner department to write in it,
 * or whom an administrator gives it to. Through HTTP against the production-mode app.
 */
const t = useTestApp({ NODE_ENV: 'production' });

type Headers = Record<string, string>;
type UserError = { field: string[]; code: string; message: string };
type RecordTypeName = keyof typeof ExternalRecordType;

const ERRORS = 'userErrors { field code message }';
const REFS = 'externalRefs { nodes { system externalId } }';
const SYSTEM = 'system status version department { code name }';
const ADD = `mutation($input: AddExternalRefInput!) { addExternalRef(input: $input) { externalRef { system externalId } ${ERRORS} } }`;
const REMOVE = `mutation($input: RemoveExternalRefInput!) { removeExternalRef(input: $input) { removedExternalRef { system externalId } ${ERRORS} } }`;
const ASSIGN = `mutation($input: AssignExternalRefSystemInput!) { assignExternalRefSystem(input: $input) { externalRefSystem { ${SYSTEM} } ${ERRORS} } }`;
const NODE = `query($id: ID!) { node(id: $id) { id
  ... on Platform { name version ${REFS} } ... on ServiceItem { name version ${REFS} }
  ... on StationServiceItem { status version ${REFS} } ... on Organization { name version ${REFS} }
  ... on VolunteerTeam { name version ${REFS} } ... on DeliberationVenue { name version ${REFS} } } }`;
const LOOKUP = `query($type: ExternalRecordType!, $system: String!, $externalId: String!) {
  recordByExternalRef(type: $type, system: $system, externalId: $externalId) { id } }`;

/** A partner department's client. It may also write organizations in 樊城区, so that only the system can stop it. */
interface Party {
  code: string;
  name: string;
  headers: Headers;
  /** An item of its department (for push-downs), created by the administrator. */
  itemCode: string;
}

let parties: Party[];
let owner: Party;
let intruder: Party;
let operator: Headers;
let stations: string[];
let anjuStationId: string;
let sequence = 0;
let stationsUsed = 0;

const next = () => ++sequence;
/** A station none of these tests pushed anything down to yet: each push-down is a new (station, item) pair. */
const freshStation = () => {
  if (stationsUsed >= stations.length) throw new Error('Out of fresh stations for push-downs');
  return stations[stationsUsed++];
};

/** How to upsert a record of each type; typed by the enum, so a new record type does not compile without one. */
const FIXTURES: Record<
  RecordTypeName,
  { mutation: string; payload: string; input: (party: Party, externalRef: { system: string; externalId: string }) => Record<string, unknown> }
> = {
  PLATFORM: {
    mutation: 'upsertPlatform',
    payload: 'platform',
    input: (party, externalRef) => {
      const n = next();
      return {
        externalRef,
        kind: 'UNION_CARE_STATION',
        stationId: anjuStationId,
        departmentCode: party.code,
        name: `安居社区户外劳动者驿站${n}`,
        ownerRef: `SYS-TEST-${n}`,
        unionCare: { amenities: ['DRINKING_WATER', 'REST_SEATS'], restSeats: 2 },
      };
    },
  },
  SERVICE_ITEM: {
    mutation: 'upsertServiceItem',
    payload: 'serviceItem',
    input: (party, externalRef) => {
      const n = next();
      return {
        externalRef,
        code: `420606-SYS-${String(n).padStart(4, '0')}`,
        name: `高龄津贴申领咨询${n}`,
        level: 'DISTRICT',
        category: 'ELDERLY_CARE',
        departmentCode: party.code,
        handlingMode: 'PROXY',
      };
    },
  },
  STATION_SERVICE_ITEM: {
    mutation: 'upsertStationServiceItem',
    payload: 'stationServiceItem',
    input: (party, externalRef) => ({ externalRef, itemCode: party.itemCode, stationId: freshStation() }),
  },
  ORGANIZATION: {
    mutation: 'upsertOrganization',
    payload: 'organization',
    input: (_party, externalRef) => ({
      externalRef,
      name: `樊城区夕阳红志愿服务队${next()}`,
      kind: 'VOLUNTEER_ORG',
      contactName: '王桂兰',
      contactPhone: '13972201234',
      regionCode: SEED.anjuCommunityCode,
    }),
  },
  VOLUNTEER_TEAM: {
    mutation: 'upsertVolunteerTeam',
    payload: 'volunteerTeam',
    input: (_party, externalRef) => ({ externalRef, name: `安居社区帮帮团${next()}`, kind: 'HELP_TEAM', regionCode: SEED.anjuCommunityCode }),
  },
  DELIBERATION_VENUE: {
    mutation: 'upsertDeliberationVenue',
    payload: 'deliberationVenue',
    input: (_party, externalRef) => ({ externalRef, name: `安居社区议事亭${next()}`, kind: 'DELIBERATION_PAVILION', regionCode: SEED.anjuCommunityCode }),
  },
};
const RECORD_TYPES = Object.keys(ExternalRecordType) as RecordTypeName[];

interface UpsertResult {
  id: string | null;
  created: boolean;
  userErrors: UserError[];
}

/** Upserts a fresh record of `type` as `party` (or with `headers`), by (system, externalId). */
async function upsert(type: RecordTypeName, party: Party, system: string, externalId: string, headers: Headers = party.headers): Promise<UpsertResult> {
  const fixture = FIXTURES[type];
  const inputType = `${fixture.mutation[0].toUpperCase()}${fixture.mutation.slice(1)}Input`;
  const res = await t.gql(
    `mutation($input: ${inputType}!) { ${fixture.mutation}(input: $input) { ${fixture.payload} { id } created ${ERRORS} } }`,
    { input: fixture.input(party, { system, externalId }) },
    headers,
  );
  expect(res.errors).toBeUndefined();
  const payload = res.data[fixture.mutation];
  return { id: payload[fixture.payload]?.id ?? null, created: payload.created, userErrors: payload.userErrors };
}

async function systemState(system: string): Promise<Record<string, any> | null> {
  const res = await t.gql(`query($s: String!) { externalRefSystem(system: $s) { ${SYSTEM} } }`, { s: system });
  expect(res.errors).toBeUndefined();
  return res.data.externalRefSystem;
}

async function node(id: string): Promise<Record<string, any>> {
  const res = await t.gql(NODE, { id });
  expect(res.errors).toBeUndefined();
  return res.data.node;
}

async function lookup(type: RecordTypeName, system: string, externalId: string): Promise<string | null> {
  const res = await t.gql(LOOKUP, { type, system, externalId });
  expect(res.errors).toBeUndefined();
  return res.data.recordByExternalRef?.id ?? null;
}

/** Runs a one-mutation document with `input` and returns its payload. */
async function gqlData(query: string, input: Record<string, unknown>, headers?: Headers): Promise<Record<string, any> & { userErrors: UserError[] }> {
  const res = await t.gql(query, { input }, headers);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as Record<string, any> & { userErrors: UserError[] };
}

/** The newest audit sequence: every change writes an audit event in its own transaction, so an unchanged number means nothing was written. */
async function latestAudit(): Promise<string> {
  const res = await t.gql(`{ auditEvents(first: 1) { nodes { sequence } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.auditEvents.nodes[0]?.sequence ?? '0';
}

function expectOwnedRefusal(result: { userErrors: UserError[] }, field: string[], system: string, by: Party): void {
  expect(result.userErrors).toEqual([expect.objectContaining({ field, code: 'FORBIDDEN' })]);
  expect(result.userErrors[0].message).toContain(`“${system}”`);
  expect(result.userErrors[0].message).toContain(`${by.name}（${by.code}）`);
}

beforeAll(async () => {
  const codes = ['XY-ZGH', 'XY-RSJ', 'FC-MZJ', 'FC-ZWJ'];
  const departments = await t.gql(`{ departments(first: 100) { nodes { code name } } }`);
  const nameOf = new Map<string, string>(departments.data.departments.nodes.map((d: { code: string; name: string }) => [d.code, d.name]));
  parties = [];
  for (const [index, code] of codes.entries()) {
    const headers = await t.clientHeaders({ name: `${code}同步程序`, roles: ['DEPARTMENT_PARTNER', 'REGION_OPERATOR'], departmentCode: code, regionCode: SEED.fanchengCode });
    const itemCode = `420606-SYT-${String(index + 1).padStart(4, '0')}`;
    // The administrator writes in a system without claiming it.
    const item = await gqlData(`mutation($input: UpsertServiceItemInput!) { upsertServiceItem(input: $input) { serviceItem { code } ${ERRORS} } }`, {
      externalRef: { system: 'test-setup', externalId: code },
      code: itemCode,
      name: `测试事项${code}`,
      level: 'DISTRICT',
      category: 'ELDERLY_CARE',
      departmentCode: code,
      handlingMode: 'PROXY',
    });
    expect(item.userErrors).toEqual([]);
    parties.push({ code, name: nameOf.get(code)!, headers, itemCode });
  }
  [owner, intruder] = parties;
  operator = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  const open = await t.gql(`{ stations(first: 100, filter: { regionCode: "${SEED.fanchengCode}", status: [OPEN] }) { nodes { id } } }`);
  stations = open.data.stations.nodes.map((station: { id: string }) => station.id);
  expect(stations.length).toBeGreaterThanOrEqual(50);
  const anju = await t.gql(`{ stations(first: 1, filter: { regionCode: "${SEED.anjuCommunityCode}", status: [OPEN] }) { nodes { id } } }`);
  anjuStationId = anju.data.stations.nodes[0].id;
});

describe('the record types that carry external references', () => {
  it('are the enum’s, and every mutation taking an ExternalRefInput has a fixture here', async () => {
    const res = await t.gql(`{
      recordTypes: __type(name: "ExternalRecordType") { enumValues { name } }
      mutations: __type(name: "Mutation") { fields { name args { name type { ofType { name inputFields { name type { ofType { name } } } } } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordTypes.enumValues.map((value: { name: string }) => value.name).sort()).toEqual([...RECORD_TYPES].sort());
    const byReference = res.data.mutations.fields
      .filter((field: { args: { name: string; type: { ofType: { inputFields?: { name: string; type: { ofType: { name: string } | null } }[] } | null } }[] }) =>
        field.args.some(
          (arg) => arg.name === 'input' && arg.type.ofType?.inputFields?.some((input) => input.name === 'externalRef' && input.type.ofType?.name === 'ExternalRefInput'),
        ),
      )
      .map((field: { name: string }) => field.name)
      .sort();
    expect(byReference).toEqual(
      Object.values(FIXTURES)
        .map((fixture) => fixture.mutation)
        .sort(),
    );
  });
});

describe.each(RECORD_TYPES)('%s references', (type) => {
  const slug = type.toLowerCase().replace(/_/g, '-');
  const ownSystem = `own-${slug}`;
  const intruderSystem = `intr-${slug}`;

  it('claim a new system for the first partner department that writes in it', async () => {
    expect(await systemState(ownSystem)).toBeNull();
    const created = await upsert(type, owner, ownSystem, 'O-1');
    expect(created).toMatchObject({ created: true, userErrors: [] });
    expect(await systemState(ownSystem)).toMatchObject({ system: ownSystem, status: 'OWNED', department: { code: owner.code } });
    // The claim is in the audit trail, with who made it.
    // Its record ID is the system's global ID, which node(id) fetches.
    const systemId = Buffer.from(`ExternalRefSystem:${ownSystem}`).toString('base64url');
    const audit = await t.gql(
      `query($id: ID!) { auditEvents(first: 5, filter: { recordType: [EXTERNAL_REF_SYSTEM], recordId: $id }) {
      nodes { operation recordId actor { apiClient { name } } changes { field after } } } }`,
      { id: systemId },
    );
    expect(audit.data.auditEvents.nodes).toEqual([
      expect.objectContaining({
        operation: 'CREATE',
        recordId: systemId,
        actor: { apiClient: { name: `${owner.code}同步程序` } },
        changes: expect.arrayContaining([{ field: 'status', after: 'OWNED' }]),
      }),
    ]);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { ... on ExternalRefSystem { id system status } } }`, { id: systemId });
    expect(node.data.node).toEqual({ id: systemId, system: ownSystem, status: 'OWNED' });
  });

  it('refuse another department’s add, remove and upsert in that system, and change nothing', async () => {
    // The intruder's own record, and an ID of the owner's system on it that only an administrator could put there.
    const own = await upsert(type, intruder, intruderSystem, 'I-0');
    expect(own.userErrors).toEqual([]);
    const planted = await gqlData(ADD, { type, id: own.id, system: ownSystem, externalId: 'PLANTED-1' });
    expect(planted.userErrors).toEqual([]);
    const ownerRecordId = await lookup(type, ownSystem, 'O-1');
    expect(ownerRecordId).not.toBeNull();
    const [recordBefore, ownerRecordBefore, systemBefore, auditBefore] = await Promise.all([node(own.id!), node(ownerRecordId!), systemState(ownSystem), latestAudit()]);
    expect(systemBefore).toMatchObject({ status: 'OWNED', department: { code: owner.code } });

    // A new ID, the ID on its own record, the ID on the owner's record: all refused for the system.
    for (const externalId of ['I-1', 'PLANTED-1', 'O-1']) {
      const refused = await upsert(type, intruder, ownSystem, externalId);
      expect(refused).toMatchObject({ id: null, created: false });
      expectOwnedRefusal(refused, ['input', 'externalRef', 'system'], ownSystem, owner);
    }
    expectOwnedRefusal(await gqlData(ADD, { type, id: own.id, system: ownSystem, externalId: 'I-2' }, intruder.headers), ['input', 'system'], ownSystem, owner);
    expectOwnedRefusal(await gqlData(REMOVE, { type, id: own.id, system: ownSystem }, intruder.headers), ['input', 'system'], ownSystem, owner);
    // The system is named with its department in English as well.
    const english = await gqlData(ADD, { type, id: own.id, system: ownSystem, externalId: 'I-2' }, { ...intruder.headers, 'accept-language': 'en' });
    expect(english.userErrors[0].message).toContain(`The external system "${ownSystem}" belongs to ${owner.name} (${owner.code})`);

    expect(await latestAudit()).toBe(auditBefore);
    expect(await node(own.id!)).toEqual(recordBefore);
    expect(await node(ownerRecordId!)).toEqual(ownerRecordBefore);
    expect(await systemState(ownSystem)).toEqual(systemBefore);
    expect(await lookup(type, ownSystem, 'I-1')).toBeNull();
    expect(await lookup(type, ownSystem, 'I-2')).toBeNull();
    expect(await lookup(type, ownSystem, 'PLANTED-1')).toBe(own.id);
  });

  it('let the owner keep writing there, and the administrator write anywhere without claiming', async () => {
    expect(await upsert(type, owner, ownSystem, 'O-2')).toMatchObject({ created: true, userErrors: [] });
    const byAdmin = await upsert(type, owner, ownSystem, 'ADMIN-1', {});
    expect(byAdmin).toMatchObject({ created: true, userErrors: [] });
    const own = await lookup(type, intruderSystem, 'I-0');
    expect((await gqlData(REMOVE, { type, id: own, system: ownSystem }, {})).userErrors).toEqual([]);
    expect(await systemState(ownSystem)).toMatchObject({ status: 'OWNED', department: { code: owner.code } });
    const fresh = `admin-${slug}`;
    expect(await upsert(type, owner, fresh, 'A-1', {})).toMatchObject({ created: true, userErrors: [] });
    expect(await systemState(fresh)).toMatchObject({ status: 'UNCLAIMED', department: null });
  });
});

describe('callers without a department', () => {
  it('write in unclaimed and shared systems without claiming them, and are refused in owned ones', async () => {
    const system = 'fc-street-ledger';
    expect(await upsert('ORGANIZATION', owner, system, 'S-1', operator)).toMatchObject({ created: true, userErrors: [] });
    expect(await systemState(system)).toMatchObject({ status: 'UNCLAIMED', department: null });
    expect(await upsert('ORGANIZATION', owner, system, 'S-2', operator)).toMatchObject({ created: true, userErrors: [] });

    // A partner department's first write claims it, and the operator is shut out…
    expect(await upsert('ORGANIZATION', intruder, system, 'D-1')).toMatchObject({ created: true, userErrors: [] });
    expect(await systemState(system)).toMatchObject({ status: 'OWNED', department: { code: intruder.code } });
    const auditBefore = await latestAudit();
    expectOwnedRefusal(await upsert('ORGANIZATION', owner, system, 'S-3', operator), ['input', 'externalRef', 'system'], system, intruder);
    expectOwnedRefusal(await upsert('ORGANIZATION', owner, system, 'S-1', operator), ['input', 'externalRef', 'system'], system, intruder);
    const organization = await lookup('ORGANIZATION', system, 'S-1');
    expectOwnedRefusal(await gqlData(REMOVE, { type: 'ORGANIZATION', id: organization, system }, operator), ['input', 'system'], system, intruder);
    expect(await latestAudit()).toBe(auditBefore);
    expect(await lookup('ORGANIZATION', system, 'S-3')).toBeNull();

    // …until the administrator makes it shared: then everyone writes, and writing claims nothing.
    const shared = await gqlData(ASSIGN, { system, shared: true });
    expect(shared).toEqual({ externalRefSystem: expect.objectContaining({ system, status: 'SHARED', department: null }), userErrors: [] });
    expect(await upsert('ORGANIZATION', owner, system, 'S-3', operator)).toMatchObject({ created: true, userErrors: [] });
    expect(await upsert('ORGANIZATION', owner, system, 'D-2')).toMatchObject({ created: true, userErrors: [] });
    expect((await gqlData(REMOVE, { type: 'ORGANIZATION', id: organization, system }, operator)).userErrors).toEqual([]);
    expect(await systemState(system)).toMatchObject({ status: 'SHARED', department: null, version: shared.externalRefSystem.version });
  });

  it('remove IDs in an unclaimed system without claiming it, as partners do', async () => {
    const system = 'fc-visits';
    const organization = (await upsert('ORGANIZATION', owner, system, 'V-1', operator)).id;
    expect((await gqlData(REMOVE, { type: 'ORGANIZATION', id: organization, system }, owner.headers)).userErrors).toEqual([]);
    expect(await systemState(system)).toMatchObject({ status: 'UNCLAIMED', department: null });
  });
});

describe('assignExternalRefSystem', () => {
  const departmentId = async (code: string) => (await t.gql(`query($c: String!) { department(code: $c) { id } }`, { c: code })).data.department.id as string;

  it('gives a system nobody used to a department, moves it to another, and repeats without writing', async () => {
    const system = 'HBRS-GIG';
    const given = await gqlData(ASSIGN, { system: ` ${system} `, departmentId: await departmentId(intruder.code) });
    expect(given).toEqual({ externalRefSystem: { system, status: 'OWNED', version: 1, department: { code: intruder.code, name: intruder.name } }, userErrors: [] });
    // Assigned ahead, it is the department's without a claim: others are refused from the start.
    expectOwnedRefusal(await upsert('SERVICE_ITEM', owner, system, 'G-1'), ['input', 'externalRef', 'system'], system, intruder);
    const intruderItem = await upsert('SERVICE_ITEM', intruder, system, 'G-2');
    expect(intruderItem).toMatchObject({ created: true, userErrors: [] });

    const moved = await gqlData(ASSIGN, { system, departmentId: await departmentId(owner.code) });
    expect(moved.externalRefSystem).toMatchObject({ status: 'OWNED', version: 2, department: { code: owner.code } });
    // The former owner's IDs stay, but it can no longer write there; the new owner can.
    expect(await lookup('SERVICE_ITEM', system, 'G-2')).toBe(intruderItem.id);
    expectOwnedRefusal(await upsert('SERVICE_ITEM', intruder, system, 'G-3'), ['input', 'externalRef', 'system'], system, owner);
    expect(await upsert('SERVICE_ITEM', owner, system, 'G-1')).toMatchObject({ created: true, userErrors: [] });

    const auditBefore = await latestAudit();
    const again = await gqlData(ASSIGN, { system, departmentId: await departmentId(owner.code) });
    expect(again.externalRefSystem).toEqual(moved.externalRefSystem);
    expect(await latestAudit()).toBe(auditBefore);

    const audit = await t.gql(
      `query($id: ID!) { auditEvents(first: 5, filter: { recordType: [EXTERNAL_REF_SYSTEM], recordId: $id }) {
      nodes { operation mutation changes { field before after } } } }`,
      { id: Buffer.from(`ExternalRefSystem:${system}`).toString('base64url') },
    );
    const [move, create] = audit.data.auditEvents.nodes;
    expect(create).toMatchObject({ operation: 'CREATE', mutation: 'assignExternalRefSystem' });
    expect(move).toMatchObject({ operation: 'UPDATE', mutation: 'assignExternalRefSystem' });
    expect(move.changes).toEqual([{ field: 'department', before: expect.any(String), after: expect.any(String) }]);
  });

  it('lists systems with their owners, filtered by department and status', async () => {
    const res = await t.gql(
      `query($code: String!) {
      owned: externalRefSystems(first: 100, filter: { departmentCode: $code }) { totalCount nodes { system status department { code } } }
      unclaimed: externalRefSystems(first: 100, filter: { status: [UNCLAIMED] }) { nodes { system department { code } } }
      firstTwo: externalRefSystems(first: 2) { edges { cursor node { system } } pageInfo { hasNextPage endCursor } }
    }`,
      { code: owner.code },
      intruder.headers,
    );
    expect(res.errors).toBeUndefined();
    const owned = res.data.owned.nodes.map((node: { system: string }) => node.system);
    expect(owned).toEqual(expect.arrayContaining(['HBRS-GIG', ...RECORD_TYPES.map((type) => `own-${type.toLowerCase().replace(/_/g, '-')}`)]));
    expect(owned).toEqual([...owned].sort());
    expect(res.data.owned.totalCount).toBe(owned.length);
    expect(res.data.owned.nodes.every((node: { status: string; department: { code: string } }) => node.status === 'OWNED' && node.department.code === owner.code)).toBe(true);
    expect(res.data.unclaimed.nodes).toEqual(expect.arrayContaining([{ system: 'test-setup', department: null }]));
    expect(res.data.unclaimed.nodes.every((node: { department: unknown }) => node.department === null)).toBe(true);

    // Paging continues after the cursor in name order.
    const after = await t.gql(`query($after: String!) { externalRefSystems(first: 2, after: $after) { nodes { system } } }`, { after: res.data.firstTwo.pageInfo.endCursor });
    const names = [
      ...res.data.firstTwo.edges.map((edge: { node: { system: string } }) => edge.node.system),
      ...after.data.externalRefSystems.nodes.map((n: { system: string }) => n.system),
    ];
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(4);

    const anonymous = await t.gql(`{ externalRefSystems(first: 1) { totalCount } }`, {}, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses non-administrators and malformed assignments, changing nothing', async () => {
    const system = 'own-platform';
    const before = await systemState(system);
    const auditBefore = await latestAudit();
    const intruderId = await departmentId(intruder.code);
    for (const [headers, message] of [
      [intruder.headers, '您的账号角色没有权限进行此操作'],
      [operator, '您的账号角色没有权限进行此操作'],
    ] as const) {
      const refused = await gqlData(ASSIGN, { system, departmentId: intruderId }, headers);
      expect(refused.externalRefSystem).toBeNull();
      expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'system'], code: 'FORBIDDEN' })]);
      expect(refused.userErrors[0].message).toContain(message);
    }
    // Anonymous callers may not read reference systems: selecting one refuses the request as a whole ...
    const anonymous = await t.gql(ASSIGN, { input: { system, departmentId: intruderId } }, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'ExternalRefSystem' });
    // ... and the service refuses the assignment itself.
    const plain = await t.gql(
      'mutation($input: AssignExternalRefSystemInput!) { assignExternalRefSystem(input: $input) { userErrors { field code message } } }',
      {
        input: { system, departmentId: intruderId },
      },
      ANONYMOUS_HEADERS,
    );
    expect(plain.data.assignExternalRefSystem.userErrors).toEqual([expect.objectContaining({ field: ['input', 'system'], code: 'FORBIDDEN' })]);
    expect(plain.data.assignExternalRefSystem.userErrors[0].message).toContain('修改数据须先登录');
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ system }, ['input', 'departmentId'], 'INVALID'],
      [{ system, departmentId: intruderId, shared: true }, ['input', 'departmentId'], 'INVALID'],
      [{ system: 'has space', shared: true }, ['input', 'system'], 'INVALID'],
      [{ system, departmentId: 'not-an-id' }, ['input', 'departmentId'], 'INVALID'],
      [{ system, departmentId: toGlobalId('Department', randomUUID()) }, ['input', 'departmentId'], 'NOT_FOUND'],
    ];
    for (const [input, field, code] of cases) {
      const refused = await gqlData(ASSIGN, input);
      expect(refused.externalRefSystem).toBeNull();
      expect(refused.userErrors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await systemState(system)).toEqual(before);
    expect(await latestAudit()).toBe(auditBefore);
  });

  it('refuses an inactive department', async () => {
    const created = await gqlData(`mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { department { id version } ${ERRORS} } }`, {
      code: 'FC-SYS-CLOSED',
      name: '樊城区测试停用局',
      level: 'DISTRICT',
      regionCode: SEED.fanchengCode,
    });
    const closed = await gqlData(`mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { ${ERRORS} } }`, {
      id: created.department.id,
      version: created.department.version,
      active: false,
    });
    expect(closed.userErrors).toEqual([]);
    const refused = await gqlData(ASSIGN, { system: 'fc-closed-sync', departmentId: created.department.id });
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'departmentId'], code: 'INVALID' })]);
    expect(refused.userErrors[0].message).toContain('樊城区测试停用局');
    expect(await systemState('fc-closed-sync')).toBeNull();
  });
});

describe('departments claiming the same new system at once', () => {
  it.each(RECORD_TYPES)('leave exactly one owner (%s)', async (type) => {
    for (let round = 0; round < 6; round++) {
      const system = `race-${type.toLowerCase().replace(/_/g, '-')}-${round}`;
      // Half the rounds race for a new system, half for one the administrator already used (UNCLAIMED).
      if (round % 2) {
        expect(await upsert(type, owner, system, 'R-ADMIN', {})).toMatchObject({ created: true, userErrors: [] });
        expect(await systemState(system)).toMatchObject({ status: 'UNCLAIMED' });
      }
      const results = await Promise.all(parties.map((party) => upsert(type, party, system, `R-${party.code}`)));
      const winners = results.flatMap((result, index) => (result.userErrors.length ? [] : [parties[index]]));
      expect(winners).toHaveLength(1);
      const [winner] = winners;
      expect(await systemState(system)).toMatchObject({ status: 'OWNED', department: { code: winner.code } });
      for (const [index, result] of results.entries()) {
        const party = parties[index];
        if (party === winner) {
          expect(result.created).toBe(true);
          expect(await lookup(type, system, `R-${party.code}`)).toBe(result.id);
        } else {
          expectOwnedRefusal(result, ['input', 'externalRef', 'system'], system, winner);
          expect(await lookup(type, system, `R-${party.code}`)).toBeNull();
        }
      }
    }
  });
});

describe('the migration', () => {
  /**
   * Replays the migration on this database inside a transaction that is rolled back: with the
   * table dropped, references of a few shapes are written, then the migration fills the table.
   */
  it('gives each existing system to the one department whose records it names, and leaves the others unclaimed', async () => {
    const migration = new Migration20261130010000_external_ref_system(t.app.database.orm.em.getDriver(), t.app.database.orm.config);
    await migration.down();
    const down = migration.getQueries().map(String);
    migration.reset();
    await migration.up();
    const up = migration.getQueries().map(String);

    const client = new Client({ connectionString: t.config.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      for (const statement of down) await client.query(statement);
      const department = async (code: string) => (await client.query('select id from department where code = $1', [code])).rows[0].id as string;
      const [zgh, rsj] = [await department('XY-ZGH'), await department('XY-RSJ')];
      const platformOf = async (id: string) =>
        (await client.query('select id from platform where department_id = $1 order by id limit 2', [id])).rows.map((row) => row.id as string);
      const [zghPlatforms, rsjPlatforms] = [await platformOf(zgh), await platformOf(rsj)];
      // The item the administrator made for XY-ZGH above, and push-downs of it.
      const zghItem = (await client.query('select id from service_item where department_id = $1 limit 1', [zgh])).rows[0].id;
      const pushDownOfZgh = (
        await client.query('select s.id from station_service_item s join service_item i on i.id = s.service_item_id where i.department_id = $1 limit 1', [zgh])
      ).rows[0]?.id;
      const organization = (await client.query('select id from organization limit 1')).rows[0].id;
      await client.query('delete from external_ref');
      const refs: [string, string, string][] = [
        ['m-zgh-only', 'Platform', zghPlatforms[0]],
        ['m-zgh-only', 'Platform', zghPlatforms[1]],
        ['m-zgh-only', 'ServiceItem', zghItem],
        ['m-mixed', 'Platform', zghPlatforms[0]],
        ['m-mixed', 'Platform', rsjPlatforms[0]],
        ['m-with-orgs', 'Platform', rsjPlatforms[1]],
        ['m-with-orgs', 'Organization', organization],
        ['m-orgs-only', 'Organization', organization],
      ];
      if (pushDownOfZgh) refs.push(['m-zgh-only', 'StationServiceItem', pushDownOfZgh]);
      for (const [index, [system, recordType, recordId]] of refs.entries()) {
        await client.query('insert into external_ref (id, system, external_id, record_type, record_id) values (gen_random_uuid(), $1, $2, $3, $4)', [
          system,
          `M-${index}`,
          recordType,
          recordId,
        ]);
      }
      for (const statement of up) await client.query(statement);
      const rows = (await client.query('select system, status, department_id from external_ref_system order by system')).rows;
      expect(rows).toEqual([
        { system: 'm-mixed', status: 'UNCLAIMED', department_id: null },
        { system: 'm-orgs-only', status: 'UNCLAIMED', department_id: null },
        { system: 'm-with-orgs', status: 'UNCLAIMED', department_id: null },
        { system: 'm-zgh-only', status: 'OWNED', department_id: zgh },
      ]);
      // The foreign key holds: no reference can name an unregistered system.
      await expect(
        client.query(`insert into external_ref (id, system, external_id, record_type, record_id) values (gen_random_uuid(), 'm-unknown', 'X', 'Platform', $1)`, [zghPlatforms[0]]),
      ).rejects.toThrow(/foreign key/);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
    expect(await systemState('own-platform')).toMatchObject({ status: 'OWNED' });
  });
});
