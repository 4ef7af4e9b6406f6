import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';

/**
 * Anonymous callers may not read partners' reference IDs nor organizations: a write whose result
 * selects them is refused as a whole (FORBIDDEN naming what it takes), before anything runs.
 */
function expectRefusedToAnonymous(res: { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown }): void {
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(res.data ?? null).toBeNull();
}
import { ORGANIZATION_SEED, PLATFORM_SEED, SEED, SERVICE_ITEM_SEED } from '../helpers/fixtures';

const t = useTestApp();

type Headers = Record<string, string>;
type UserError = { field: string[]; code: string; message: string };
type Record_ = Record<string, any>;

const ERRORS = 'userErrors { field code message }';
const REFS = 'externalRefs { nodes { system externalId createdAt } }';
const PLATFORM = `__typename id kind name ownerRef active version updatedAt ${REFS}
  openingHours { windows { weekday opens closes } note }
  station { id code } department { code }
  ... on UnionCareStation { amenities restSeats }
  ... on GigWorkStation { jobPostings matchesMade registeredWorkers }
  ... on GovServicePoint24h { selfServiceTerminals serviceItems { nodes { code } } }`;
const ITEM = `id code name level category handlingMode materials timeLimitDays feeYuan description active version updatedAt department { code } ${REFS}`;
const PUSH_DOWN = `id mode since status version updatedAt station { id code } serviceItem { code } ${REFS}`;
const ORGANIZATION = `id name kind creditCode contactName contactPhone active version updatedAt region { code } ${REFS}`;

const UPSERT_PLATFORM = `mutation($input: UpsertPlatformInput!) { upsertPlatform(input: $input) { platform { ${PLATFORM} } created changed ${ERRORS} } }`;
const UPSERT_ITEM = `mutation($input: UpsertServiceItemInput!) { upsertServiceItem(input: $input) { serviceItem { ${ITEM} } created changed ${ERRORS} } }`;
const UPSERT_PUSH_DOWN = `mutation($input: UpsertStationServiceItemInput!) {
  upsertStationServiceItem(input: $input) { stationServiceItem { ${PUSH_DOWN} } created changed ${ERRORS} } }`;
const UPSERT_ORGANIZATION = `mutation($input: UpsertOrganizationInput!) { upsertOrganization(input: $input) { organization { ${ORGANIZATION} } created changed ${ERRORS} } }`;
const ADD = `mutation($input: AddExternalRefInput!) { addExternalRef(input: $input) {
  record { id ... on Platform { name ${REFS} } ... on Organization { name ${REFS} } } externalRef { system externalId } ${ERRORS} } }`;
const REMOVE = `mutation($input: RemoveExternalRefInput!) { removeExternalRef(input: $input) {
  record { id ... on Platform { ${REFS} } } removedExternalRef { system externalId } ${ERRORS} } }`;
const ASSIGN = `mutation($input: AssignExternalRefSystemInput!) { assignExternalRefSystem(input: $input) { externalRefSystem { system status } ${ERRORS} } }`;
const LOOKUP = `query($type: ExternalRecordType!, $system: String!, $externalId: String!) {
  recordByExternalRef(type: $type, system: $system, externalId: $externalId) { __typename id ... on Platform { name } ... on Organization { name } } }`;

let partnerZgh: Headers;
let partnerRsj: Headers;
let partnerMzj: Headers;
let analyst: Headers;
let operator: Headers;
let anjuStation: { id: string; code: string; name: string };
let otherStation: { id: string; code: string; name: string };

async function stationIn(filter: Record<string, unknown>): Promise<{ id: string; code: string; name: string }> {
  const res = await t.gql(`query($filter: StationFilter) { stations(first: 1, filter: $filter) { nodes { id code name } } }`, { filter });
  expect(res.data.stations.nodes).toHaveLength(1);
  return res.data.stations.nodes[0];
}

beforeAll(async () => {
  partnerZgh = await t.clientHeaders({ name: '市总工会同步程序', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
  partnerRsj = await t.clientHeaders({ name: '市人社局同步程序', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-RSJ' });
  partnerMzj = await t.clientHeaders({ name: '樊城区民政局同步程序', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'FC-MZJ' });
  analyst = await t.clientHeaders({ name: '统计分析员', roles: ['ANALYST'] });
  operator = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  anjuStation = await stationIn({ regionCode: SEED.anjuCommunityCode, kind: ['COMMUNITY'], status: ['OPEN'] });
  otherStation = await stationIn({ regionCode: '420602', kind: ['COMMUNITY'], status: ['OPEN'] });
});

async function platformTotal(): Promise<number> {
  const res = await t.gql(`{ platforms(first: 1, filter: { includeInactive: true }) { totalCount } }`);
  return res.data.platforms.totalCount;
}

/** Platforms whose name or owner reference contains `text`, active or not. */
async function platformsMatching(text: string): Promise<number> {
  const res = await t.gql(`query($s: String!) { platforms(first: 1, filter: { search: $s, includeInactive: true }) { totalCount } }`, { s: text });
  return res.data.platforms.totalCount;
}

async function itemsMatching(text: string): Promise<number> {
  const res = await t.gql(`query($s: String!) { serviceItems(first: 1, filter: { search: $s, includeInactive: true }) { totalCount } }`, { s: text });
  return res.data.serviceItems.totalCount;
}

async function organizationsMatching(text: string): Promise<number> {
  const res = await t.gql(`query($s: String!) { organizations(first: 1, filter: { search: $s, includeInactive: true }) { totalCount } }`, { s: text });
  return res.data.organizations.totalCount;
}

async function getPlatform(id: string): Promise<Record_> {
  const res = await t.gql(`query($id: ID!) { platform(id: $id) { ${PLATFORM} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data.platform;
}

/** As the administrator: opens a system to everyone who may write the records (writing in it then claims it for nobody). */
async function shareSystem(system: string): Promise<void> {
  const res = await t.gql(ASSIGN, { input: { system, shared: true } });
  expect(res.data.assignExternalRefSystem).toEqual({ externalRefSystem: { system, status: 'SHARED' }, userErrors: [] });
}

async function lookup(type: string, system: string, externalId: string, headers?: Headers) {
  return t.gql(LOOKUP, { type, system, externalId }, headers);
}

function careStation(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    externalRef: { system: 'zgh-care', externalId },
    kind: 'UNION_CARE_STATION',
    stationId: anjuStation.id,
    departmentCode: 'XY-ZGH',
    name: '安居社区户外劳动者爱心驿站',
    ownerRef: `ZGH-EXT-${externalId}`,
    openingHours: { windows: [{ weekday: 'MONDAY', opens: '08:00', closes: '18:00' }], note: '节假日照常开放' },
    unionCare: { amenities: ['DRINKING_WATER', 'PHONE_CHARGING', 'REST_SEATS'], restSeats: 6 },
    ...overrides,
  };
}

async function upsertPlatform(input: Record<string, unknown>, headers?: Headers) {
  const res = await t.gql(UPSERT_PLATFORM, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data.upsertPlatform as { platform: Record_ | null; created: boolean; changed: boolean; userErrors: UserError[] };
}

describe('upsertPlatform', () => {
  it('creates the platform and its reference, and a repeat changes nothing and duplicates nothing', async () => {
    const before = await platformTotal();
    const first = await upsertPlatform(careStation('AX-1001'));
    expect(first.userErrors).toEqual([]);
    expect(first).toMatchObject({ created: true, changed: true });
    expect(first.platform).toMatchObject({
      __typename: 'UnionCareStation',
      name: '安居社区户外劳动者爱心驿站',
      ownerRef: 'ZGH-EXT-AX-1001',
      version: 1,
      amenities: ['DRINKING_WATER', 'PHONE_CHARGING', 'REST_SEATS'],
      restSeats: 6,
      station: { id: anjuStation.id },
      department: { code: 'XY-ZGH' },
      externalRefs: { nodes: [{ system: 'zgh-care', externalId: 'AX-1001', createdAt: expect.any(String) }] },
    });

    const again = await upsertPlatform(careStation('AX-1001'));
    expect(again).toEqual({ platform: first.platform, created: false, changed: false, userErrors: [] });
    // The same reference with its whitespace trimmed names the same platform.
    const spaced = await upsertPlatform(careStation('AX-1001', { externalRef: { system: ' zgh-care ', externalId: ' AX-1001 ' } }));
    expect(spaced).toMatchObject({ created: false, changed: false, platform: { id: first.platform!.id, version: 1 } });
    expect(await platformTotal()).toBe(before + 1);
    expect(await platformsMatching('ZGH-EXT-AX-1001')).toBe(1);

    const found = await lookup('PLATFORM', 'zgh-care', 'AX-1001');
    expect(found.data.recordByExternalRef).toEqual({ __typename: 'UnionCareStation', id: first.platform!.id, name: '安居社区户外劳动者爱心驿站' });
  });

  it('changes only what differs: one field bumps the version once, leaving a field out keeps it', async () => {
    const created = (await upsertPlatform(careStation('AX-1002'))).platform!;
    const renamed = await upsertPlatform(careStation('AX-1002', { name: '安居社区爱心驿站（临街店）' }));
    expect(renamed).toMatchObject({ created: false, changed: true, userErrors: [] });
    expect(renamed.platform).toMatchObject({ id: created.id, name: '安居社区爱心驿站（临街店）', version: created.version + 1, restSeats: 6 });
    expect(renamed.platform!.openingHours).toEqual(created.openingHours);

    // Opening hours left out stay; null clears them.
    const { openingHours: _left, ...withoutHours } = careStation('AX-1002', { name: '安居社区爱心驿站（临街店）' });
    const kept = await upsertPlatform(withoutHours);
    expect(kept).toMatchObject({ changed: false, platform: { version: created.version + 1, openingHours: created.openingHours } });
    const cleared = await upsertPlatform({ ...withoutHours, openingHours: null });
    expect(cleared).toMatchObject({ changed: true, platform: { version: created.version + 2, openingHours: null } });

    // Deactivating and reactivating through the reference.
    const withdrawn = await upsertPlatform({ ...withoutHours, active: false });
    expect(withdrawn).toMatchObject({ changed: true, platform: { active: false, version: created.version + 3 } });
    const back = await upsertPlatform({ ...withoutHours, active: true });
    expect(back).toMatchObject({ changed: true, platform: { active: true, version: created.version + 4 } });
    expect((await getPlatform(created.id)).externalRefs.nodes).toHaveLength(1);
  });

  it('moves the platform when the station differs', async () => {
    const created = (await upsertPlatform(careStation('AX-1003'))).platform!;
    const moved = await upsertPlatform(careStation('AX-1003', { stationId: otherStation.id }));
    expect(moved).toMatchObject({ changed: true, platform: { id: created.id, station: { id: otherStation.id }, version: created.version + 1 } });
    const again = await upsertPlatform(careStation('AX-1003', { stationId: otherStation.id }));
    expect(again).toMatchObject({ changed: false, platform: { version: created.version + 1 } });
  });

  it('keeps the service items of a 24-hour point in step, writing nothing when the list is the same', async () => {
    const input = (codes: string[]) => ({
      externalRef: { system: 'fc-zwj-24h', externalId: 'P-0001' },
      kind: 'GOV_SERVICE_24H',
      stationId: anjuStation.id,
      departmentCode: 'FC-ZWJ',
      name: '安居社区24小时政务服务驿站',
      ownerRef: 'FCZW-EXT-0001',
      govService24h: { selfServiceTerminals: 2, serviceItemCodes: codes },
    });
    const created = await upsertPlatform(input([SERVICE_ITEM_SEED.coreItemCode, SERVICE_ITEM_SEED.feeItemCode]));
    expect(created.userErrors).toEqual([]);
    expect(created.platform!.serviceItems.nodes.map((item: { code: string }) => item.code).sort()).toEqual([SERVICE_ITEM_SEED.coreItemCode, SERVICE_ITEM_SEED.feeItemCode].sort());
    const same = await upsertPlatform(input([SERVICE_ITEM_SEED.feeItemCode, SERVICE_ITEM_SEED.coreItemCode]));
    expect(same).toMatchObject({ created: false, changed: false, platform: { version: 1 } });
    const fewer = await upsertPlatform(input([SERVICE_ITEM_SEED.coreItemCode]));
    expect(fewer).toMatchObject({ changed: true, platform: { version: 2, serviceItems: { nodes: [{ code: SERVICE_ITEM_SEED.coreItemCode }] } } });
  });

  it('makes exactly one platform and one reference out of 10 concurrent identical upserts', async () => {
    const before = await platformTotal();
    const results = await Promise.all(Array.from({ length: 10 }, () => upsertPlatform(careStation('AX-RACE'))));
    for (const result of results) expect(result.userErrors).toEqual([]);
    const ids = new Set(results.map((result) => result.platform!.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results.filter((result) => result.changed)).toHaveLength(1);
    expect(await platformTotal()).toBe(before + 1);
    expect(await platformsMatching('ZGH-EXT-AX-RACE')).toBe(1);
    const platform = await getPlatform([...ids][0]);
    expect(platform.version).toBe(1);
    expect(platform.externalRefs.nodes).toEqual([expect.objectContaining({ system: 'zgh-care', externalId: 'AX-RACE' })]);
  });

  it('ends with one platform holding one of the values when concurrent upserts disagree', async () => {
    const before = await platformTotal();
    const names = ['樊城区环卫工人爱心驿站', '樊城区快递小哥爱心驿站', '樊城区外卖骑手爱心驿站', '樊城区网约车司机爱心驿站', '樊城区户外劳动者爱心驿站'];
    const results = await Promise.all(names.map((name) => upsertPlatform(careStation('AX-DISAGREE', { name }))));
    for (const result of results) expect(result.userErrors).toEqual([]);
    expect(new Set(results.map((result) => result.platform!.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await platformTotal()).toBe(before + 1);
    const platform = await getPlatform(results[0].platform!.id);
    expect(names).toContain(platform.name);
    expect(platform.externalRefs.nodes).toHaveLength(1);
  });

  it('refuses another kind or department for an existing reference, and changes nothing', async () => {
    const created = (await upsertPlatform(careStation('AX-1004'))).platform!;
    const before = await platformTotal();
    const otherKind = await upsertPlatform(
      careStation('AX-1004', { kind: 'GIG_WORK_STATION', unionCare: null, gigWork: { jobPostings: 10, matchesMade: 2, registeredWorkers: 30 } }),
    );
    expect(otherKind.platform).toBeNull();
    expect(otherKind.userErrors).toEqual([
      {
        field: ['input', 'kind'],
        code: 'INVALID',
        message: '编号“AX-1004”（系统“zgh-care”）对应的整合平台是工会爱心驿站，不能按人社零工驿站同步；平台类型登记后不能修改，请核对类型或编号。',
      },
    ]);
    const otherDepartment = await upsertPlatform(careStation('AX-1004', { departmentCode: 'XY-SFJ', name: '改名不应生效' }));
    expect(otherDepartment.userErrors).toEqual([expect.objectContaining({ field: ['input', 'departmentCode'], code: 'INVALID' })]);
    expect(otherDepartment.userErrors[0].message).toContain('襄阳市总工会');
    expect(await getPlatform(created.id)).toEqual(created);
    expect(await platformTotal()).toBe(before);
  });

  it.each([
    ['a malformed system name', { system: '-zgh care', externalId: 'AX-1' }, ['input', 'externalRef', 'system'], 'INVALID', '外部系统名称“-zgh care”不符合要求'],
    ['a one-character system name', { system: 'z', externalId: 'AX-1' }, ['input', 'externalRef', 'system'], 'INVALID', '2至64位'],
    ['a blank external ID', { system: 'zgh-care', externalId: '   ' }, ['input', 'externalRef', 'externalId'], 'REQUIRED', '请填写记录在外部系统中的编号'],
    ['an external ID over 128 characters', { system: 'zgh-care', externalId: 'A'.repeat(129) }, ['input', 'externalRef', 'externalId'], 'TOO_LONG', '128'],
  ])('refuses %s and creates nothing', async (_case, externalRef, field, code, message) => {
    const before = await platformTotal();
    const result = await upsertPlatform(careStation('unused', { externalRef }));
    expect(result).toMatchObject({ platform: null, created: false, changed: false });
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0]).toMatchObject({ field, code });
    expect(result.userErrors[0].message).toContain(message);
    expect(await platformTotal()).toBe(before);
  });

  it('checks the new platform like createPlatform does: a closed station is refused, nothing is written', async () => {
    const closed = await stationIn({ status: ['CLOSED'] });
    const before = await platformTotal();
    const result = await upsertPlatform(careStation('AX-CLOSED', { stationId: closed.id }));
    expect(result.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'INVALID' })]);
    expect(await platformTotal()).toBe(before);
    expect((await lookup('PLATFORM', 'zgh-care', 'AX-CLOSED')).data.recordByExternalRef).toBeNull();
  });

  it('turns a clash of owner references with another platform into a user error, and writes no reference', async () => {
    const result = await upsertPlatform(careStation('AX-OWNER', { ownerRef: PLATFORM_SEED.anjuUnionCareRefs[0] }));
    expect(result.userErrors).toEqual([expect.objectContaining({ field: ['input', 'ownerRef'], code: 'ALREADY_EXISTS', message: expect.stringContaining('addExternalRef') })]);
    expect((await lookup('PLATFORM', 'zgh-care', 'AX-OWNER')).data.recordByExternalRef).toBeNull();
  });
});

describe('upsertServiceItem', () => {
  const item = (externalId: string, overrides: Record<string, unknown> = {}) => ({
    externalRef: { system: 'fc-mzj-catalogue', externalId },
    code: '420606-EXT-0001',
    name: '高龄津贴申领咨询',
    level: 'DISTRICT',
    category: 'ELDERLY_CARE',
    departmentCode: 'FC-MZJ',
    handlingMode: 'PROXY',
    materials: ['居民身份证原件', '户口簿'],
    timeLimitDays: 5,
    feeYuan: 0,
    description: '80周岁以上老人由社区代办',
    ...overrides,
  });
  const upsert = async (input: Record<string, unknown>, headers?: Headers) => {
    const res = await t.gql(UPSERT_ITEM, { input }, headers);
    expect(res.errors).toBeUndefined();
    return res.data.upsertServiceItem as { serviceItem: Record_ | null; created: boolean; changed: boolean; userErrors: UserError[] };
  };

  it('creates, repeats without change, and bumps the version once for a changed fee', async () => {
    const first = await upsert(item('MZ-0001'));
    expect(first).toMatchObject({ created: true, changed: true, userErrors: [] });
    expect(first.serviceItem).toMatchObject({
      code: '420606-EXT-0001',
      version: 1,
      feeYuan: 0,
      department: { code: 'FC-MZJ' },
      externalRefs: { nodes: [{ externalId: 'MZ-0001' }] },
    });
    const again = await upsert(item('MZ-0001'));
    expect(again).toEqual({ serviceItem: first.serviceItem, created: false, changed: false, userErrors: [] });
    const fee = await upsert(item('MZ-0001', { feeYuan: 12.5 }));
    expect(fee).toMatchObject({ changed: true, serviceItem: { feeYuan: 12.5, version: 2 } });
    const feeAgain = await upsert(item('MZ-0001', { feeYuan: 12.5 }));
    expect(feeAgain).toMatchObject({ changed: false, serviceItem: { version: 2, updatedAt: fee.serviceItem!.updatedAt } });
    expect(await itemsMatching('420606-EXT-0001')).toBe(1);
  });

  it('refuses a different code or level for an existing reference, and changes nothing', async () => {
    const created = (await upsert(item('MZ-0002', { code: '420606-EXT-0002' }))).serviceItem!;
    const otherCode = await upsert(item('MZ-0002', { code: '420606-EXT-0003', name: '不应生效' }));
    expect(otherCode.userErrors).toEqual([
      {
        field: ['input', 'code'],
        code: 'INVALID',
        message: '编号“MZ-0002”（系统“fc-mzj-catalogue”）对应的服务事项编码为“420606-EXT-0002”，与所填“420606-EXT-0003”不一致；事项编码发布后不能修改，请核对编码或编号。',
      },
    ]);
    const otherLevel = await upsert(item('MZ-0002', { code: '420600-EXT-0002', level: 'CITY' }));
    expect(otherLevel.userErrors).toEqual([expect.objectContaining({ field: ['input', 'code'], code: 'INVALID' })]);
    expect(await itemsMatching('420606-EXT-0003')).toBe(0);
    expect(await itemsMatching('420600-EXT-0002')).toBe(0);
    const res = await t.gql(`query($id: ID!) { serviceItem(id: $id) { ${ITEM} } }`, { id: created.id });
    expect(res.data.serviceItem).toEqual(created);
  });

  it('makes one item out of 10 concurrent identical upserts', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => upsert(item('MZ-RACE', { code: '420606-EXT-0099' }))));
    for (const result of results) expect(result.userErrors).toEqual([]);
    expect(new Set(results.map((result) => result.serviceItem!.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await itemsMatching('420606-EXT-0099')).toBe(1);
    expect(results.every((result) => result.serviceItem!.version === 1)).toBe(true);
  });

  it('lets a partner sync its own department’s items only', async () => {
    const own = await upsert(item('MZ-0010', { code: '420606-EXT-0010' }), partnerMzj);
    expect(own).toMatchObject({ created: true, userErrors: [] });
    const other = await upsert(item('MZ-0011', { code: '420606-EXT-0011' }), partnerRsj);
    expect(other.userErrors).toEqual([expect.objectContaining({ field: ['input', 'departmentCode'], code: 'FORBIDDEN' })]);
    expectRefusedToAnonymous(await t.gql(UPSERT_ITEM, { input: item('MZ-0012', { code: '420606-EXT-0012' }) }, ANONYMOUS_HEADERS));
    expect(await itemsMatching('420606-EXT-0011')).toBe(0);
    expect(await itemsMatching('420606-EXT-0012')).toBe(0);
  });
});

describe('upsertStationServiceItem', () => {
  const upsert = async (input: Record<string, unknown>, headers?: Headers) => {
    const res = await t.gql(UPSERT_PUSH_DOWN, { input }, headers);
    expect(res.errors).toBeUndefined();
    return res.data.upsertStationServiceItem as { stationServiceItem: Record_ | null; created: boolean; changed: boolean; userErrors: UserError[] };
  };
  const stationByCode = async (code: string) => (await t.gql(`query($c: String!) { station(code: $c) { id code name } }`, { c: code })).data.station;
  const stationCount = async (code: string) => (await t.gql(`query($c: String!) { serviceItem(code: $c) { stationCount } }`, { c: code })).data.serviceItem.stationCount;

  it('pushes an item down by reference, repeats without change, and updates the status', async () => {
    const station = await stationByCode(SERVICE_ITEM_SEED.ruralStationCode);
    const before = await stationCount(SERVICE_ITEM_SEED.coreItemCode);
    const input = { externalRef: { system: 'xy-rsj-sync', externalId: 'SSI-0001' }, itemCode: SERVICE_ITEM_SEED.coreItemCode, stationId: station.id, since: '2023-09-01' };
    const first = await upsert(input);
    expect(first).toMatchObject({ created: true, changed: true, userErrors: [] });
    expect(first.stationServiceItem).toMatchObject({
      since: '2023-09-01',
      status: 'ACTIVE',
      version: 1,
      station: { code: station.code },
      externalRefs: { nodes: [{ system: 'xy-rsj-sync' }] },
    });
    const again = await upsert(input);
    expect(again).toEqual({ stationServiceItem: first.stationServiceItem, created: false, changed: false, userErrors: [] });
    const suspended = await upsert({ ...input, status: 'SUSPENDED' });
    expect(suspended).toMatchObject({ changed: true, stationServiceItem: { status: 'SUSPENDED', version: 2 } });
    expect(await stationCount(SERVICE_ITEM_SEED.coreItemCode)).toBe(before + 1);

    const moved = await upsert({ ...input, stationId: anjuStation.id });
    expect(moved.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'INVALID' })]);
    expect(moved.userErrors[0].message).toContain(station.name);
    expect(await stationCount(SERVICE_ITEM_SEED.coreItemCode)).toBe(before + 1);
  });

  it('attaches the reference to a push-down of the same station and item instead of failing', async () => {
    const station = await stationByCode(SERVICE_ITEM_SEED.highTechStationCode);
    const before = await stationCount(SERVICE_ITEM_SEED.cardItemCode);
    const input = { externalRef: { system: 'hb-rst-sync', externalId: 'SSI-9001' }, itemCode: SERVICE_ITEM_SEED.cardItemCode, stationId: station.id };
    const attached = await upsert(input);
    expect(attached).toMatchObject({ created: false, changed: true, userErrors: [] });
    expect(attached.stationServiceItem!.externalRefs.nodes).toEqual([expect.objectContaining({ system: 'hb-rst-sync', externalId: 'SSI-9001' })]);
    expect(await stationCount(SERVICE_ITEM_SEED.cardItemCode)).toBe(before);
    const again = await upsert(input);
    expect(again).toMatchObject({ created: false, changed: false, stationServiceItem: { id: attached.stationServiceItem!.id, version: attached.stationServiceItem!.version } });

    // A second ID of the same system for that push-down is refused; another system's is attached.
    const second = await upsert({ ...input, externalRef: { system: 'hb-rst-sync', externalId: 'SSI-9002' } });
    expect(second.userErrors).toEqual([expect.objectContaining({ field: ['input', 'externalRef', 'externalId'], code: 'INVALID' })]);
    expect(second.userErrors[0].message).toContain('SSI-9001');
    const otherSystem = await upsert({ ...input, externalRef: { system: 'xy-zwj-sync', externalId: 'SSI-9001' } });
    expect(otherSystem.stationServiceItem!.externalRefs.nodes.map((ref: { system: string }) => ref.system)).toEqual(['hb-rst-sync', 'xy-zwj-sync']);
    expect((await lookup('STATION_SERVICE_ITEM', 'hb-rst-sync', 'SSI-9002')).data.recordByExternalRef).toBeNull();
  });

  it('refuses partners of other departments and anonymous callers, writing nothing', async () => {
    const station = await stationByCode(SERVICE_ITEM_SEED.ruralStationCode);
    const before = await stationCount(SERVICE_ITEM_SEED.feeItemCode);
    const input = { externalRef: { system: 'xy-zgh-sync', externalId: 'SSI-X' }, itemCode: SERVICE_ITEM_SEED.feeItemCode, stationId: station.id };
    const other = await upsert(input, partnerZgh);
    expect(other.userErrors).toEqual([expect.objectContaining({ field: ['input', 'itemCode'], code: 'FORBIDDEN' })]);
    expectRefusedToAnonymous(await t.gql(UPSERT_PUSH_DOWN, { input }, ANONYMOUS_HEADERS));
    expect(await stationCount(SERVICE_ITEM_SEED.feeItemCode)).toBe(before);
  });

  it('refuses a partner who names another department’s push-down through the reference', async () => {
    // A shared system: otherwise XY-RSJ's first write would make it XY-RSJ's, and HB-RST would be
    // refused for the system before the push-down (external-ref-systems.test.ts covers that).
    await shareSystem('shared-sync');
    const station = await stationByCode(SERVICE_ITEM_SEED.xiangchengStationCode);
    const input = { externalRef: { system: 'shared-sync', externalId: 'SSI-SHARED' }, itemCode: SERVICE_ITEM_SEED.coreItemCode, stationId: station.id };
    const owned = await upsert(input, partnerRsj);
    expect(owned).toMatchObject({ created: false, changed: true, userErrors: [] });
    const provincial = await t.clientHeaders({ name: '省人社厅同步程序', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'HB-RST' });
    const refused = await upsert({ ...input, itemCode: SERVICE_ITEM_SEED.cardItemCode, status: 'WITHDRAWN' }, provincial);
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'itemCode'], code: 'FORBIDDEN' })]);
    const kept = await t.gql(`query($id: ID!) { stationServiceItem(id: $id) { ${PUSH_DOWN} } }`, { id: owned.stationServiceItem!.id });
    expect(kept.data.stationServiceItem).toEqual(owned.stationServiceItem);
  });
});

describe('upsertOrganization', () => {
  const organization = (externalId: string, overrides: Record<string, unknown> = {}) => ({
    externalRef: { system: 'fc-mzj-orgs', externalId },
    name: `樊城区夕阳红志愿服务队${externalId}`,
    kind: 'VOLUNTEER_ORG',
    contactName: '王桂兰',
    contactPhone: '13972201234',
    regionCode: SEED.anjuCommunityCode,
    ...overrides,
  });
  const upsert = async (input: Record<string, unknown>, headers?: Headers) => {
    const res = await t.gql(UPSERT_ORGANIZATION, { input }, headers);
    expect(res.errors).toBeUndefined();
    return res.data.upsertOrganization as { organization: Record_ | null; created: boolean; changed: boolean; userErrors: UserError[] };
  };

  it('creates, repeats without change, and changes one field', async () => {
    const first = await upsert(organization('ORG-01'));
    expect(first).toMatchObject({ created: true, changed: true, userErrors: [] });
    expect(first.organization).toMatchObject({ version: 1, contactPhone: '13972201234', region: { code: SEED.anjuCommunityCode } });
    const again = await upsert(organization('ORG-01'));
    expect(again).toEqual({ organization: first.organization, created: false, changed: false, userErrors: [] });
    const phone = await upsert(organization('ORG-01', { contactPhone: '0710-3456789' }));
    expect(phone).toMatchObject({ changed: true, organization: { contactPhone: '0710-3456789', version: 2 } });
    expect(await organizationsMatching('夕阳红志愿服务队ORG-01')).toBe(1);
  });

  it('makes one organization out of 10 concurrent identical upserts', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => upsert(organization('ORG-RACE'))));
    for (const result of results) expect(result.userErrors).toEqual([]);
    expect(new Set(results.map((result) => result.organization!.id)).size).toBe(1);
    expect(await organizationsMatching('夕阳红志愿服务队ORG-RACE')).toBe(1);
  });

  it('refuses callers without the right before looking at the credit code: they learn nothing of the organization holding it', async () => {
    const taken = { creditCode: ORGANIZATION_SEED.socialOrgCreditCode };
    const refused = await upsert(organization('ORG-PEEK', taken), analyst);
    expect(refused.userErrors).toHaveLength(1);
    expect(refused.userErrors[0]).toMatchObject({ field: ['input', 'regionCode'], code: 'FORBIDDEN' });
    expectRefusedToAnonymous(await t.gql(UPSERT_ORGANIZATION, { input: organization('ORG-PEEK', taken) }, ANONYMOUS_HEADERS));
    // Outside its region, an operator is refused the same way.
    const outside = await upsert(organization('ORG-PEEK', { ...taken, regionCode: '420602001008' }), operator);
    expect(outside.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    // A caller with the right is told the code is taken.
    const allowed = await upsert(organization('ORG-PEEK', taken));
    expect(allowed.userErrors).toEqual([expect.objectContaining({ field: ['input', 'creditCode'] })]);
  });

  it('names an organization that already exists on the first sync, says how to adopt it, and adopting it makes the upsert update it', async () => {
    // The partner's record is the seeded social organization, which the hub already has without the partner's ID.
    const first = await t.gql(
      `mutation($input: UpsertOrganizationInput!) { upsertOrganization(input: $input) { organization { id } created userErrors { field code message existingId } } }`,
      { input: organization('ORG-ADOPT', { creditCode: ORGANIZATION_SEED.socialOrgCreditCode }) },
      { 'accept-language': 'en' },
    );
    const [error] = first.data.upsertOrganization.userErrors;
    expect(error).toMatchObject({ field: ['input', 'creditCode'], code: 'ALREADY_EXISTS', existingId: expect.any(String) });
    const existing = await t.gql(`query($id: ID!) { node(id: $id) { ... on Organization { name creditCode version } } }`, { id: error.existingId });
    expect(existing.data.node).toMatchObject({ name: ORGANIZATION_SEED.socialOrgName, creditCode: ORGANIZATION_SEED.socialOrgCreditCode });
    expect(error.message).toBe(
      `The credit code "${ORGANIZATION_SEED.socialOrgCreditCode}" is already registered for "${ORGANIZATION_SEED.socialOrgName}"; an organization is registered once. Edit the existing record instead. ` +
        `If it is this record of your system, adopt it first: call addExternalRef with type ORGANIZATION, id "${error.existingId}", system "fc-mzj-orgs" and externalId "ORG-ADOPT", then sync again; from then on syncing by your ID updates this record instead of creating another.`,
    );
    const zh = await upsert(organization('ORG-ADOPT', { creditCode: ORGANIZATION_SEED.socialOrgCreditCode }));
    expect(zh.userErrors[0].message).toContain(`请先调用 addExternalRef（type: ORGANIZATION，id: “${error.existingId}”，system: “fc-mzj-orgs”，externalId: “ORG-ADOPT”）`);

    // The way out the message names: adopt it, then the same upsert updates it.
    const adopted = await t.gql(ADD, { input: { type: 'ORGANIZATION', id: error.existingId, system: 'fc-mzj-orgs', externalId: 'ORG-ADOPT' } });
    expect(adopted.data.addExternalRef.userErrors).toEqual([]);
    const synced = await upsert(organization('ORG-ADOPT', { creditCode: ORGANIZATION_SEED.socialOrgCreditCode }));
    expect(synced).toMatchObject({ created: false, changed: true, userErrors: [], organization: { id: error.existingId, name: '樊城区夕阳红志愿服务队ORG-ADOPT' } });
  });

  it('lets a region operator sync inside its region only; analysts and anonymous callers write nothing', async () => {
    const inside = await upsert(organization('ORG-OP'), operator);
    expect(inside).toMatchObject({ created: true, userErrors: [] });
    const outside = await upsert(organization('ORG-OUT', { regionCode: '420602001008' }), operator);
    expect(outside.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);
    // Moving its own organization out of its region is refused as well.
    const away = await upsert(organization('ORG-OP', { regionCode: '420602001008' }), operator);
    expect(away.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);
    const byAnalyst = await upsert(organization('ORG-AN'), analyst);
    expect(byAnalyst.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expectRefusedToAnonymous(await t.gql(UPSERT_ORGANIZATION, { input: organization('ORG-ANON') }, ANONYMOUS_HEADERS));
    for (const id of ['ORG-OUT', 'ORG-AN', 'ORG-ANON']) expect(await organizationsMatching(`夕阳红志愿服务队${id}`)).toBe(0);
    const kept = await t.gql(`query($id: ID!) { organization(id: $id) { region { code } version } }`, { id: inside.organization!.id });
    expect(kept.data.organization).toEqual({ region: { code: SEED.anjuCommunityCode }, version: 1 });
  });

  it('forgets the references of a deleted organization, so the reference can create anew', async () => {
    const created = (await upsert(organization('ORG-DEL'))).organization!;
    const deleted = await t.gql(`mutation($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { deletedId ${ERRORS} } }`, {
      input: { id: created.id, version: created.version },
    });
    expect(deleted.data.deleteOrganization.userErrors).toEqual([]);
    expect((await lookup('ORGANIZATION', 'fc-mzj-orgs', 'ORG-DEL')).data.recordByExternalRef).toBeNull();
    const recreated = await upsert(organization('ORG-DEL'));
    expect(recreated).toMatchObject({ created: true, userErrors: [] });
    expect(recreated.organization!.id).not.toBe(created.id);
  });
});

describe('who may upsert platforms', () => {
  it('lets a partner sync its own department’s platforms', async () => {
    const result = await upsertPlatform(careStation('AX-PARTNER'), partnerZgh);
    expect(result).toMatchObject({ created: true, userErrors: [] });
  });

  it.each([
    ['a partner of another department', () => partnerRsj, 'departmentCode', '您只能维护本部门（XY-RSJ）的记录'],
    ['an analyst', () => analyst, 'departmentCode', '您的账号角色没有权限进行此操作'],
  ])('refuses %s and writes nothing', async (_who, headers, field, message) => {
    const before = await platformTotal();
    const result = await upsertPlatform(careStation('AX-REFUSED'), headers());
    expect(result.platform).toBeNull();
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0]).toMatchObject({ field: ['input', field], code: 'FORBIDDEN' });
    expect(result.userErrors[0].message).toContain(message);
    expect(await platformTotal()).toBe(before);
    expect((await lookup('PLATFORM', 'zgh-care', 'AX-REFUSED')).data.recordByExternalRef).toBeNull();
  });

  it('refuses an anonymous caller and writes nothing', async () => {
    const before = await platformTotal();
    expectRefusedToAnonymous(await t.gql(UPSERT_PLATFORM, { input: careStation('AX-REFUSED') }, ANONYMOUS_HEADERS));
    // Without the partner IDs in the selection, the service itself refuses: sign in first.
    const plain = await t.gql(
      'mutation($input: UpsertPlatformInput!) { upsertPlatform(input: $input) { created userErrors { field code message } } }',
      {
        input: careStation('AX-REFUSED'),
      },
      ANONYMOUS_HEADERS,
    );
    expect(plain.data.upsertPlatform.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('修改数据须先登录') })]);
    expect(await platformTotal()).toBe(before);
  });

  it('refuses a partner who names another department’s platform through the reference', async () => {
    const created = (await upsertPlatform(careStation('AX-TAKEOVER'))).platform!;
    const result = await upsertPlatform(
      careStation('AX-TAKEOVER', { departmentCode: 'XY-RSJ', kind: 'GIG_WORK_STATION', unionCare: null, gigWork: { jobPostings: 1, matchesMade: 0, registeredWorkers: 1 } }),
      partnerRsj,
    );
    // zgh-care is XY-ZGH's system since its partner first wrote in it: the system refuses first.
    expect(result.userErrors).toEqual([expect.objectContaining({ field: ['input', 'externalRef', 'system'], code: 'FORBIDDEN' })]);
    expect(result.userErrors[0].message).toContain('襄阳市总工会');
    expect(await getPlatform(created.id)).toEqual(created);

    // In a shared system the platform's own department still refuses.
    await shareSystem('shared-care');
    const shared = (await upsertPlatform(careStation('AX-TAKEOVER-2', { externalRef: { system: 'shared-care', externalId: 'AX-TAKEOVER-2' } }))).platform!;
    const throughShared = await upsertPlatform(
      careStation('AX-TAKEOVER-2', {
        externalRef: { system: 'shared-care', externalId: 'AX-TAKEOVER-2' },
        departmentCode: 'XY-RSJ',
        kind: 'GIG_WORK_STATION',
        unionCare: null,
        gigWork: { jobPostings: 1, matchesMade: 0, registeredWorkers: 1 },
      }),
      partnerRsj,
    );
    expect(throughShared.userErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field: ['input', 'departmentCode'], code: 'FORBIDDEN' })]));
    expect(await getPlatform(shared.id)).toEqual(shared);
  });
});

/**
 * Volunteer teams and deliberation venues carry references the way organizations do: upserted by
 * the partner's ID, found by it, attached and removed by whoever may write their community, and in
 * the change feed. One table of differences, the same tests.
 */
const COMMUNITY_RECORDS = [
  {
    type: 'VOLUNTEER_TEAM',
    typeName: 'VolunteerTeam',
    mutation: 'upsertVolunteerTeam',
    create: 'createVolunteerTeam',
    payload: 'volunteerTeam',
    system: 'fc-teams',
    input: (name: string) => ({ name, kind: 'HELP_TEAM', regionCode: SEED.anjuCommunityCode }),
    optional: { sentDownAt: '2023-05-01' },
    cleared: { sentDownAt: null },
    fields: 'sentDownAt',
    /** Volunteer teams are for signed-in callers; venues are public facts of a community. */
    publicType: false,
  },
  {
    type: 'DELIBERATION_VENUE',
    typeName: 'DeliberationVenue',
    mutation: 'upsertDeliberationVenue',
    create: 'createDeliberationVenue',
    payload: 'deliberationVenue',
    system: 'fc-venues',
    input: (name: string) => ({ name, kind: 'DELIBERATION_PAVILION', regionCode: SEED.anjuCommunityCode }),
    optional: { address: '安居社区中心广场东侧', location: { latitude: 32.0431, longitude: 112.1452 } },
    cleared: { address: null, location: null },
    fields: 'address location { latitude longitude }',
    publicType: true,
  },
] as const;

describe.each(COMMUNITY_RECORDS)('$mutation', (kind) => {
  const inputType = `${kind.mutation[0].toUpperCase()}${kind.mutation.slice(1)}Input`;
  const FIELDS = `id name version active station { id } region { code } ${kind.fields} ${REFS}`;
  const UPSERT = `mutation($input: ${inputType}!) { ${kind.mutation}(input: $input) { ${kind.payload} { ${FIELDS} } created changed ${ERRORS} } }`;
  const FIND = `query($type: ExternalRecordType!, $system: String!, $externalId: String!) {
    recordByExternalRef(type: $type, system: $system, externalId: $externalId) { __typename id ... on ${kind.typeName} { name } } }`;
  const upsert = async (input: Record<string, unknown>, headers: Headers = operator) => {
    const res = await t.gql(UPSERT, { input }, headers);
    expect(res.errors).toBeUndefined();
    return res.data[kind.mutation] as { created: boolean; changed: boolean; userErrors: UserError[] } & Record_;
  };
  const find = (externalId: string, headers?: Headers) => t.gql(FIND, { type: kind.type, system: kind.system, externalId }, headers);

  it('creates the record its reference names once, changes nothing on a repeat, and makes it match the input; null clears', async () => {
    const externalRef = { system: kind.system, externalId: 'C-1' };
    const input = { externalRef, ...kind.input('安居社区同步记录'), stationId: anjuStation.id, ...kind.optional };
    const first = await upsert(input);
    expect(first).toMatchObject({ created: true, changed: true, userErrors: [] });
    const record = first[kind.payload];
    expect(record).toMatchObject({ name: '安居社区同步记录', version: 1, active: true, station: { id: anjuStation.id }, region: { code: SEED.anjuCommunityCode } });
    expect(record.externalRefs.nodes).toEqual([{ system: kind.system, externalId: 'C-1', createdAt: expect.any(String) }]);
    // The same again writes nothing; the version stays.
    expect(await upsert(input)).toMatchObject({ created: false, changed: false, userErrors: [], [kind.payload]: { id: record.id, version: 1 } });
    // Left out, the optional fields stay; null clears them.
    const renamed = await upsert({ externalRef, ...kind.input('安居社区同步记录（改名）') });
    expect(renamed).toMatchObject({ created: false, changed: true, [kind.payload]: { id: record.id, version: 2, station: { id: anjuStation.id }, ...kind.optional } });
    const cleared = await upsert({ externalRef, ...kind.input('安居社区同步记录（改名）'), stationId: null, ...kind.cleared, active: false });
    expect(cleared).toMatchObject({ changed: true, [kind.payload]: { version: 3, station: null, active: false, ...kind.cleared } });

    // Found again by the reference, by anyone signed in; anonymous callers may not read the type.
    expect((await find('C-1', analyst)).data.recordByExternalRef).toEqual({ __typename: kind.typeName, id: record.id, name: '安居社区同步记录（改名）' });
    expect((await find('C-2', analyst)).data.recordByExternalRef).toBeNull();
    const anonymous = await find('C-1', ANONYMOUS_HEADERS);
    if (kind.publicType) expect(anonymous.data.recordByExternalRef.id).toBe(record.id);
    else expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps an existing record in its community, and lets only writers of the community upsert it, changing nothing otherwise', async () => {
    const externalRef = { system: kind.system, externalId: 'K-1' };
    const created = (await upsert({ externalRef, ...kind.input('安居社区固定记录') }))[kind.payload];
    const moved = await upsert({ externalRef, ...kind.input('安居社区固定记录'), regionCode: '420606002001' });
    expect(moved.userErrors).toEqual([{ field: ['input', 'regionCode'], code: 'INVALID', message: expect.stringContaining(`（${SEED.anjuCommunityCode}）`) }]);
    const xiangcheng = await t.clientHeaders({ name: `襄城区操作员（${kind.type}）`, roles: ['REGION_OPERATOR'], regionCode: '420602' });
    for (const headers of [xiangcheng, partnerZgh]) {
      const refused = await upsert({ externalRef, ...kind.input('越权改名') }, headers);
      expect(refused).toMatchObject({ created: false, changed: false, [kind.payload]: null });
      expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);
      expect((await upsert({ externalRef: { system: kind.system, externalId: 'K-NEW' }, ...kind.input('越权新建') }, headers)).userErrors[0].code).toBe('FORBIDDEN');
    }
    expect((await find('K-1', analyst)).data.recordByExternalRef).toEqual({ __typename: kind.typeName, id: created.id, name: '安居社区固定记录' });
    expect((await find('K-NEW', analyst)).data.recordByExternalRef).toBeNull();
  });

  it('attaches and removes references for writers of its community only, and hands both out in the change feed', async () => {
    const made = await t.gql(
      `mutation($input: ${kind.create[0].toUpperCase()}${kind.create.slice(1)}Input!) { ${kind.create}(input: $input) { ${kind.payload} { id } ${ERRORS} } }`,
      {
        input: kind.input('安居社区手工登记'),
      },
      operator,
    );
    const id = made.data[kind.create][kind.payload].id as string;
    const head = (await t.gql(`{ changesHead }`)).data.changesHead as string;
    const ATTACH = `mutation($input: AddExternalRefInput!) { addExternalRef(input: $input) { record { id ... on ${kind.typeName} { name ${REFS} } } externalRef { id } ${ERRORS} } }`;
    const DETACH = `mutation($input: RemoveExternalRefInput!) { removeExternalRef(input: $input) { record { id } deletedId ${ERRORS} } }`;
    const refused = (await t.gql(ATTACH, { input: { type: kind.type, id, system: kind.system, externalId: 'M-1' } }, partnerZgh)).data.addExternalRef;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const attached = (await t.gql(ATTACH, { input: { type: kind.type, id, system: kind.system, externalId: 'M-1' } }, operator)).data.addExternalRef;
    expect(attached.userErrors).toEqual([]);
    expect(attached.record.externalRefs.nodes).toEqual([expect.objectContaining({ system: kind.system, externalId: 'M-1' })]);
    expect((await find('M-1', analyst)).data.recordByExternalRef.id).toBe(id);
    // A reference another record holds is named with its holder.
    const other = (await upsert({ externalRef: { system: kind.system, externalId: 'M-2' }, ...kind.input('安居社区另一记录') }))[kind.payload];
    const taken = (await t.gql(ATTACH, { input: { type: kind.type, id, system: kind.system, externalId: 'M-2' } }, operator)).data.addExternalRef;
    // …and the record's own ID in the system is named too.
    expect(taken.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'externalId'], code: 'ALREADY_EXISTS', message: expect.stringContaining('安居社区另一记录') }),
      expect.objectContaining({ field: ['input', 'system'], code: 'INVALID', message: expect.stringContaining('“M-1”') }),
    ]);
    const detached = (await t.gql(DETACH, { input: { type: kind.type, id, system: kind.system } }, operator)).data.removeExternalRef;
    expect(detached.userErrors).toEqual([]);
    expect((await find('M-1', analyst)).data.recordByExternalRef).toBeNull();

    // The feed: the reference's creation naming the record, then its tombstone; the upserted record itself.
    // (The feed's horizon spans the server: earlier tests' writes may still follow the head, so keep to these records.)
    const FEED = `query($after: String) { changes(after: $after, types: [EXTERNAL_REF, ${kind.type}], first: 200) { changes {
      operation recordType recordId tombstone record { id ... on ExternalRef { externalId record { id } } ... on ${kind.typeName} { name } } } } }`;
    const ours = (change: Record_) => [attached.externalRef.id, other.id].includes(change.recordId) || change.record?.record?.id === other.id;
    const deadline = Date.now() + 30_000;
    let changes: Record_[] = [];
    while (changes.length < 4 && Date.now() < deadline) {
      changes = ((await t.gql(FEED, { after: head })).data.changes.changes as Record_[]).filter(ours);
      if (changes.length < 4) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(changes.map((change) => [change.recordType, change.operation])).toEqual([
      ['EXTERNAL_REF', 'CREATE'],
      ['EXTERNAL_REF', 'CREATE'],
      [kind.type, 'CREATE'],
      ['EXTERNAL_REF', 'DELETE'],
    ]);
    expect(changes[1].record).toEqual({ id: expect.any(String), externalId: 'M-2', record: { id: other.id } });
    expect(changes[2].record).toEqual({ id: other.id, name: '安居社区另一记录' });
    expect(changes[3]).toMatchObject({ tombstone: true, record: null });
  });
});

describe('recordByExternalRef', () => {
  it('finds records by type, system and ID; other types and unknown IDs give null', async () => {
    const created = (await upsertPlatform(careStation('AX-LOOKUP'))).platform!;
    expect((await lookup('PLATFORM', 'zgh-care', 'AX-LOOKUP')).data.recordByExternalRef.id).toBe(created.id);
    expect((await lookup('SERVICE_ITEM', 'zgh-care', 'AX-LOOKUP')).data.recordByExternalRef).toBeNull();
    expect((await lookup('PLATFORM', 'zgh-care', 'ax-lookup')).data.recordByExternalRef).toBeNull();
    expect((await lookup('PLATFORM', 'other-system', 'AX-LOOKUP')).data.recordByExternalRef).toBeNull();
  });

  it('answers anonymous callers for public types only', async () => {
    const created = (await upsertPlatform(careStation('AX-PUBLIC'))).platform!;
    const platform = await lookup('PLATFORM', 'zgh-care', 'AX-PUBLIC', ANONYMOUS_HEADERS);
    expect(platform.errors).toBeUndefined();
    expect(platform.data.recordByExternalRef.id).toBe(created.id);
    const organization = await lookup('ORGANIZATION', 'fc-mzj-orgs', 'ORG-01', ANONYMOUS_HEADERS);
    expect(organization.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects malformed arguments with BAD_USER_INPUT', async () => {
    const system = await lookup('PLATFORM', 'has space', 'AX-1');
    expect(system.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'system' });
    const id = await lookup('PLATFORM', 'zgh-care', '  ');
    expect(id.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'externalId' });
  });
});

describe('addExternalRef and removeExternalRef', () => {
  const seeded = async (ownerRef: string) => {
    const res = await t.gql(`query($r: String!) { platformByOwnerRef(departmentCode: "XY-ZGH", ownerRef: $r) { id name version ${REFS} } }`, { r: ownerRef });
    return res.data.platformByOwnerRef as { id: string; name: string; version: number; externalRefs: { nodes: unknown[] } };
  };
  const add = async (input: Record<string, unknown>, headers?: Headers) => {
    const res = await t.gql(ADD, { input }, headers);
    expect(res.errors).toBeUndefined();
    return res.data.addExternalRef;
  };
  const remove = async (input: Record<string, unknown>, headers?: Headers) => {
    const res = await t.gql(REMOVE, { input }, headers);
    expect(res.errors).toBeUndefined();
    return res.data.removeExternalRef;
  };

  it('links an existing platform, idempotently, and refuses IDs held elsewhere or a second ID of a system', async () => {
    const [firstRef, secondRef] = PLATFORM_SEED.anjuUnionCareRefs;
    const first = await seeded(firstRef);
    const second = await seeded(secondRef);
    const linked = await add({ type: 'PLATFORM', id: first.id, system: 'zgh-legacy', externalId: 'L-0129' }, partnerZgh);
    expect(linked).toMatchObject({ userErrors: [], externalRef: { system: 'zgh-legacy', externalId: 'L-0129' }, record: { id: first.id } });
    expect(linked.record.externalRefs.nodes).toEqual([expect.objectContaining({ system: 'zgh-legacy', externalId: 'L-0129' })]);
    const again = await add({ type: 'PLATFORM', id: first.id, system: 'zgh-legacy', externalId: 'L-0129' });
    expect(again.userErrors).toEqual([]);
    expect(again.record.externalRefs.nodes).toHaveLength(1);

    const taken = await add({ type: 'PLATFORM', id: second.id, system: 'zgh-legacy', externalId: 'L-0129' });
    expect(taken.userErrors).toEqual([
      {
        field: ['input', 'externalId'],
        code: 'ALREADY_EXISTS',
        message: `系统“zgh-legacy”的编号“L-0129”已关联到整合平台“${first.name}”，不能再关联到其他记录。请核对编号；如确属关联错误，请先从“${first.name}”上删除该编号。`,
      },
    ]);
    expect((await seeded(secondRef)).externalRefs.nodes).toEqual([]);
    const secondOfSystem = await add({ type: 'PLATFORM', id: first.id, system: 'zgh-legacy', externalId: 'L-9999' });
    expect(secondOfSystem.userErrors).toEqual([expect.objectContaining({ field: ['input', 'system'], code: 'INVALID' })]);
    expect(secondOfSystem.userErrors[0].message).toContain('L-0129');

    const otherSystem = await add({ type: 'PLATFORM', id: first.id, system: 'gh-national', externalId: '420606-0129' });
    expect(otherSystem.record.externalRefs.nodes.map((ref: { system: string }) => ref.system)).toEqual(['gh-national', 'zgh-legacy']);
    // Linking changes the references, not the platform.
    expect((await seeded(firstRef)).version).toBe(first.version);

    // The reference now leads upserts to the seeded platform.
    expect((await lookup('PLATFORM', 'zgh-legacy', 'L-0129')).data.recordByExternalRef.id).toBe(first.id);

    const removed = await remove({ type: 'PLATFORM', id: first.id, system: 'zgh-legacy' }, partnerZgh);
    expect(removed).toMatchObject({ userErrors: [], removedExternalRef: { system: 'zgh-legacy', externalId: 'L-0129' } });
    expect(removed.record.externalRefs.nodes.map((ref: { system: string }) => ref.system)).toEqual(['gh-national']);
    const removedAgain = await remove({ type: 'PLATFORM', id: first.id, system: 'zgh-legacy' });
    expect(removedAgain.userErrors).toEqual([expect.objectContaining({ field: ['input', 'system'], code: 'NOT_FOUND' })]);
    // Freed, the ID can name the other platform now.
    const moved = await add({ type: 'PLATFORM', id: second.id, system: 'zgh-legacy', externalId: 'L-0129' });
    expect(moved.userErrors).toEqual([]);
  });

  it('needs the right to write the record, and changes nothing when refused', async () => {
    const platform = await seeded(PLATFORM_SEED.anjuUnionCareRefs[0]);
    const refsBefore = platform.externalRefs.nodes;
    const input = { type: 'PLATFORM', id: platform.id, system: 'rsj-sync', externalId: 'R-1' };
    for (const [headers, message] of [
      [partnerRsj, '您只能维护本部门（XY-RSJ）的记录'],
      [analyst, '您的账号角色没有权限进行此操作'],
    ] as const) {
      const refused = await add(input, headers as Headers);
      expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'FORBIDDEN' })]);
      expect(refused.userErrors[0].message).toContain(message);
      const refusedRemove = await remove({ type: 'PLATFORM', id: platform.id, system: 'gh-national' }, headers as Headers);
      expect(refusedRemove.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    }
    const anonymous = await t.gql('mutation($input: AddExternalRefInput!) { addExternalRef(input: $input) { userErrors { field code message } } }', { input }, ANONYMOUS_HEADERS);
    expect(anonymous.data.addExternalRef.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('修改数据须先登录') })]);
    expect((await seeded(PLATFORM_SEED.anjuUnionCareRefs[0])).externalRefs.nodes).toEqual(refsBefore);
  });

  it('refuses IDs of another type or of nothing', async () => {
    const platform = await seeded(PLATFORM_SEED.anjuUnionCareRefs[0]);
    const wrongType = await add({ type: 'ORGANIZATION', id: platform.id, system: 'x-sync', externalId: '1' });
    expect(wrongType.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    const malformedSystem = await add({ type: 'PLATFORM', id: platform.id, system: '同步系统', externalId: '1' });
    expect(malformedSystem.userErrors).toEqual([expect.objectContaining({ field: ['input', 'system'], code: 'INVALID' })]);
  });
});

describe('externalRefs on lists', () => {
  it('costs the same for 10 as for 100 stations with their platforms and push-downs', async () => {
    // Xiangyang's stations: its first one has platforms (Yanping's, first in code order, have none).
    const PAGE = `query($first: Int!) { stations(first: $first, filter: { regionCode: "${SEED.cityCode}" }) { nodes { code
      platforms(includeInactive: true) { nodes { id ${REFS} } }
      serviceItems(first: 3) { nodes { ${REFS} serviceItem { ${REFS} } } } } } }`;
    const first = await t.gql(PAGE, { first: 1 });
    const station = first.data.stations.nodes[0];
    const platform = station.platforms.nodes[0];
    expect(platform).toBeDefined();
    expect((await t.gql(ADD, { input: { type: 'PLATFORM', id: platform.id, system: 'batch-check', externalId: 'B-1' } })).data.addExternalRef.userErrors).toEqual([]);

    const run = async (size: number) => {
      let refs = 0;
      const statements = await t.countStatements(async () => {
        const res = await t.gql(PAGE, { first: size });
        expect(res.errors).toBeUndefined();
        expect(res.data.stations.nodes).toHaveLength(size);
        for (const node of res.data.stations.nodes) for (const p of node.platforms.nodes) refs += p.externalRefs.nodes.length;
      });
      return { statements, refs };
    };
    const small = await run(10);
    const large = await run(100);
    expect(small.refs).toBeGreaterThanOrEqual(1);
    expect(large.statements).toBe(small.statements);
  });

  it('costs the same for 10 as for 100 organizations', async () => {
    const PAGE = `query($first: Int!) { organizations(first: $first) { nodes { id ${REFS} } } }`;
    const first = (await t.gql(PAGE, { first: 1 })).data.organizations.nodes[0];
    expect((await t.gql(ADD, { input: { type: 'ORGANIZATION', id: first.id, system: 'batch-check', externalId: 'O-1' } })).data.addExternalRef.userErrors).toEqual([]);
    const run = (size: number) =>
      t.countStatements(async () => {
        const res = await t.gql(PAGE, { first: size });
        expect(res.errors).toBeUndefined();
        expect(res.data.organizations.nodes).toHaveLength(size);
        expect(res.data.organizations.nodes[0].externalRefs.nodes).toEqual([expect.objectContaining({ system: 'batch-check', externalId: 'O-1' })]);
      });
    const small = await run(10);
    const large = await run(100);
    expect(large).toBe(small);
    // the caller's key + one planned statement (the page with its references)
    expect(large).toBe(2);
  });
});

describe('externalRefs paging', () => {
  const PAGE = `edges { cursor node { system externalId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;
  const PLANNED = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { node(id: $id) {
    ... on Organization { externalRefs(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } } } }`;
  // The same record from a mutation's payload, which the planner did not build.
  const PAYLOAD = `mutation($input: AddExternalRefInput!, $first: Int, $after: String, $last: Int, $before: String) { addExternalRef(input: $input) {
    record { ... on Organization { externalRefs(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } } } ${ERRORS} } }`;
  type Page = { edges: { cursor: string; node: { system: string } }[]; pageInfo: Record<string, unknown>; totalCount: number };

  it("pages a record's references by system with first/after and last/before, the same whether planned or from a payload", async () => {
    const created = await t.gql(UPSERT_ORGANIZATION, {
      input: {
        externalRef: { system: 'page-a', externalId: 'P-1' },
        name: '樊城区分页核对志愿服务队',
        kind: 'VOLUNTEER_ORG',
        contactName: '王桂兰',
        contactPhone: '13972201234',
        regionCode: SEED.anjuCommunityCode,
      },
    });
    const id = created.data.upsertOrganization.organization.id as string;
    for (const system of ['page-d', 'page-c', 'page-b']) {
      expect((await t.gql(ADD, { input: { type: 'ORGANIZATION', id, system, externalId: `P-${system}` } })).data.addExternalRef.userErrors).toEqual([]);
    }
    const again = { type: 'ORGANIZATION', id, system: 'page-a', externalId: 'P-1' };
    const planned = async (args: Record<string, unknown>): Promise<Page> => {
      const res = await t.gql(PLANNED, { id, ...args });
      expect(res.errors).toBeUndefined();
      return res.data.node.externalRefs;
    };
    const fromPayload = async (args: Record<string, unknown>): Promise<Page> => {
      const res = await t.gql(PAYLOAD, { input: again, ...args });
      expect(res.errors).toBeUndefined();
      return res.data.addExternalRef.record.externalRefs;
    };
    const systems = (page: Page) => page.edges.map((edge) => edge.node.system);

    for (const read of [planned, fromPayload]) {
      const first = await read({ first: 2 });
      expect(systems(first)).toEqual(['page-a', 'page-b']);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.totalCount).toBe(4);
      const next = await read({ first: 2, after: first.pageInfo.endCursor });
      expect(systems(next)).toEqual(['page-c', 'page-d']);
      expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const last = await read({ last: 3 });
      expect(systems(last)).toEqual(['page-b', 'page-c', 'page-d']);
      expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
      const before = await read({ last: 1, before: last.pageInfo.startCursor });
      expect(systems(before)).toEqual(['page-a']);
      expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    }
    // A cursor from one path pages the other: the order and the cursor's position are the same.
    const plannedCursor = (await planned({ first: 1 })).pageInfo.endCursor;
    expect(systems(await fromPayload({ first: 1, after: plannedCursor }))).toEqual(['page-b']);
    const payloadCursor = (await fromPayload({ first: 3 })).pageInfo.endCursor;
    expect(systems(await planned({ first: 1, after: payloadCursor }))).toEqual(['page-d']);
    expect(systems(await planned({ last: 2, before: payloadCursor }))).toEqual(['page-a', 'page-b']);
    // Page sizes obey the one rule for every list.
    const tooMany = await t.gql(PLANNED, { id, first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('reads the record a reference names in the same planned statement, whatever its type', async () => {
    const created = await t.gql(UPSERT_ORGANIZATION, {
      input: {
        externalRef: { system: 'rec-a', externalId: 'R-1' },
        name: '樊城区引用核对志愿服务队',
        kind: 'VOLUNTEER_ORG',
        contactName: '王桂兰',
        contactPhone: '13972201234',
        regionCode: SEED.anjuCommunityCode,
      },
    });
    const id = created.data.upsertOrganization.organization.id as string;
    const platform = (await t.gql(`query($r: String!) { platformByOwnerRef(departmentCode: "XY-ZGH", ownerRef: $r) { id name } }`, { r: PLATFORM_SEED.anjuUnionCareRefs[1] })).data
      .platformByOwnerRef;
    expect((await t.gql(ADD, { input: { type: 'PLATFORM', id: platform.id, system: 'rec-a', externalId: 'R-2' } })).data.addExternalRef.userErrors).toEqual([]);
    const RECORD = `externalRefs(first: 5) { nodes { system externalId record { __typename id
      ... on Organization { name externalRefs(first: 1) { totalCount } } ... on Platform { name station { code } } } } }`;
    const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { ${RECORD} } ... on Platform { ${RECORD} } } }`;
    let res: { errors?: unknown; data: Record_ } | undefined;
    const sent = await t.captureStatements(async () => {
      res = await t.gql(QUERY, { ids: [id, platform.id] });
    });
    expect(res!.errors).toBeUndefined();
    const [organization, union] = res!.data.nodes;
    expect(organization.externalRefs.nodes).toEqual([
      { system: 'rec-a', externalId: 'R-1', record: { __typename: 'Organization', id, name: '樊城区引用核对志愿服务队', externalRefs: { totalCount: 1 } } },
    ]);
    expect(union.externalRefs.nodes).toContainEqual({
      system: 'rec-a',
      externalId: 'R-2',
      record: { __typename: 'UnionCareStation', id: platform.id, name: platform.name, station: { code: expect.any(String) } },
    });
    // One statement per type asked for (organizations, platforms), references and their records inside.
    expect(sent.filter((text) => !/\b(key_hash|rate_limit_bucket)\b/.test(text))).toHaveLength(2);
  });
});
