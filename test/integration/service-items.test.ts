import { useTestApp } from '../helpers/app';
import { SEED, SERVICE_ITEM_SEED as S, XIANGYANG_POINT } from '../helpers/fixtures';

const t = useTestApp();

const ITEM_FIELDS = `id code name level category handlingMode materials timeLimitDays feeYuan description active version
  department { code name }`;
const PUSH_FIELDS = `id mode since status version station { id code name } serviceItem { code name }`;
const ERRORS = `userErrors { field code message }`;

const CREATE = `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { serviceItem { ${ITEM_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateServiceItemInput!) { updateServiceItem(input: $input) { serviceItem { ${ITEM_FIELDS} } ${ERRORS} } }`;
const DELETE = `mutation($input: DeleteServiceItemInput!) { deleteServiceItem(input: $input) { deletedId ${ERRORS} } }`;
const PUSH = `mutation($input: PushDownServiceItemInput!) { pushDownServiceItem(input: $input) { stationServiceItem { ${PUSH_FIELDS} } ${ERRORS} } }`;
const PUSH_MANY = `mutation($input: PushDownServiceItemsInput!) { pushDownServiceItems(input: $input) {
  summary { itemCount stationCount created skipped } ${ERRORS} } }`;
const UPDATE_PUSH = `mutation($input: UpdateStationServiceItemInput!) { updateStationServiceItem(input: $input) { stationServiceItem { ${PUSH_FIELDS} } ${ERRORS} } }`;
const ITEM = `query($code: String!) { serviceItem(code: $code) { ${ITEM_FIELDS} stationCount } }`;

type Item = { id: string; code: string; name: string; version: number; stationCount: number; [field: string]: unknown };
type Station = { id: string; code: string; name: string; version: number; status: string };

async function item(code: string): Promise<Item | null> {
  const res = await t.gql(ITEM, { code });
  expect(res.errors).toBeUndefined();
  return res.data.serviceItem;
}

async function catalogueTotal(): Promise<number> {
  return (await t.gql(`{ serviceItems(first: 1, filter: { includeInactive: true }) { totalCount } }`)).data.serviceItems.totalCount;
}

/** Every push-down of every item, to non-archived stations: two batched pages of stationCount. */
async function pushDownTotal(): Promise<number> {
  let total = 0;
  let after: string | null = null;
  do {
    const res: any = await t.gql(
      `query($after: String) { serviceItems(first: 100, after: $after, filter: { includeInactive: true }) {
      pageInfo { hasNextPage endCursor } nodes { stationCount } } }`,
      { after },
    );
    total += res.data.serviceItems.nodes.reduce((sum: number, node: { stationCount: number }) => sum + node.stationCount, 0);
    after = res.data.serviceItems.pageInfo.hasNextPage ? res.data.serviceItems.pageInfo.endCursor : null;
  } while (after);
  return total;
}

async function station(code: string): Promise<Station> {
  const res = await t.gql(`query($code: String!) { station(code: $code) { id code name version status } }`, { code });
  return res.data.station;
}

async function openStationCount(regionCode: string): Promise<number> {
  const res = await t.gql(`query($r: String!) { stations(first: 1, filter: { regionCode: $r, status: [OPEN] }) { totalCount } }`, { r: regionCode });
  return res.data.stations.totalCount;
}

function newItem(overrides: Record<string, unknown> = {}) {
  return {
    code: '420606-LN-0101',
    name: '社区老年人防诈骗宣传咨询',
    level: 'DISTRICT',
    category: 'ELDERLY_CARE',
    departmentCode: 'FC-MZJ',
    handlingMode: 'GUIDANCE',
    materials: ['居民身份证原件', '可疑短信或来电记录'],
    timeLimitDays: 3,
    feeYuan: 0,
    description: '由社区民警和网格员轮流坐班解答',
    ...overrides,
  };
}

let codeSequence = 200;
async function createItem(overrides: Record<string, unknown> = {}): Promise<Item> {
  const res = await t.gql(CREATE, { input: newItem({ code: `420606-LN-0${codeSequence++}`, ...overrides }) });
  expect(res.errors).toBeUndefined();
  expect(res.data.createServiceItem.userErrors).toEqual([]);
  return res.data.createServiceItem.serviceItem;
}

let stationSequence = 0;
async function createStation(status: 'PLANNED' | 'OPEN'): Promise<Station> {
  const res = await t.gql(`mutation($input: CreateStationInput!) { createStation(input: $input) { station { id code name version status } userErrors { code } } }`, {
    input: {
      name: `安居社区测试驿站${++stationSequence}`,
      regionCode: SEED.anjuCommunityCode,
      tier: 'BASIC',
      kind: 'COMMUNITY',
      status,
      address: `湖北省襄阳市樊城区王寨街道安居路${stationSequence}号`,
      location: { ...XIANGYANG_POINT },
    },
  });
  expect(res.data.createStation.userErrors).toEqual([]);
  return res.data.createStation.station;
}

async function closedStation(): Promise<Station> {
  const created = await createStation('OPEN');
  const res = await t.gql(`mutation($input: ChangeStationStatusInput!) { changeStationStatus(input: $input) { station { id code name version status } userErrors { code } } }`, {
    input: { id: created.id, version: created.version, status: 'CLOSED' },
  });
  expect(res.data.changeStationStatus.userErrors).toEqual([]);
  return res.data.changeStationStatus.station;
}

async function archivedStation(): Promise<Station> {
  const created = await createStation('PLANNED');
  const res = await t.gql(`mutation($input: ArchiveStationInput!) { archiveStation(input: $input) { station { id code name version status } userErrors { code } } }`, {
    input: { id: created.id, version: created.version },
  });
  expect(res.data.archiveStation.userErrors).toEqual([]);
  return res.data.archiveStation.station;
}

describe('the catalogue', () => {
  it('finds an item by code and by ID, with its department, materials, time limit and fee', async () => {
    const card = await item(S.cardItemCode);
    expect(card).toMatchObject({
      code: S.cardItemCode,
      name: '社保卡申领',
      level: 'PROVINCE',
      category: 'SOCIAL_SECURITY',
      handlingMode: 'WINDOW',
      materials: ['居民身份证原件', '近期免冠彩色证件照（1寸，可现场采集）'],
      timeLimitDays: 10,
      feeYuan: 0,
      active: true,
      version: 1,
      department: { code: 'HB-RST', name: '湖北省人力资源和社会保障厅' },
      stationCount: S.highTechOpenStations,
    });
    const byId = await t.gql(`query($id: ID!) { serviceItem(id: $id) { ${ITEM_FIELDS} } }`, { id: card!.id });
    expect(byId.data.serviceItem).toEqual((({ stationCount: _count, ...rest }) => rest)(card!));

    const fee = await item(S.feeItemCode);
    expect(fee).toMatchObject({ name: '公交IC卡挂失补办', feeYuan: 20, timeLimitDays: 5, department: { code: 'XY-GJJT' } });
    const onTheSpot = await item('420600-YB-0003');
    expect(onTheSpot).toMatchObject({ name: '异地就医备案', timeLimitDays: null, handlingMode: 'PROXY' });
    expect(await item('420600-SB-9999')).toBeNull();
  });

  it('refuses a lookup by both or neither of id and code, or by an ID of another type', async () => {
    for (const query of [
      `{ serviceItem { code } }`,
      `{ serviceItem(code: "${S.cardItemCode}", id: "x") { code } }`,
      `{ serviceItem(id: "U3RhdGlvbjowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA") { code } }`,
      `{ stationServiceItem(id: "nonsense") { id } }`,
    ]) {
      const res = await t.gql(query);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('lists active items by code, with inactive ones on request', async () => {
    const active = await t.gql(`{ serviceItems(first: 100) { totalCount nodes { code active } } }`);
    expect(active.data.serviceItems.totalCount).toBe(S.activeItemCount);
    expect(active.data.serviceItems.nodes.every((node: { active: boolean }) => node.active)).toBe(true);
    const codes = active.data.serviceItems.nodes.map((node: { code: string }) => node.code);
    expect(codes).not.toContain(S.inactiveItemCode);
    expect(await catalogueTotal()).toBe(S.itemCount);
    const inactive = await t.gql(`{ serviceItems(first: 100, filter: { includeInactive: true, level: [PROVINCE] }) { nodes { code active } } }`);
    expect(inactive.data.serviceItems.nodes).toContainEqual({ code: S.inactiveItemCode, active: false });
  });

  it('pages through the catalogue with cursors and no overlap', async () => {
    const first = await t.gql(`{ serviceItems(first: 50) { pageInfo { hasNextPage endCursor } nodes { code } } }`);
    const { endCursor } = first.data.serviceItems.pageInfo;
    const rest = await t.gql(`query($after: String) { serviceItems(first: 100, after: $after) { pageInfo { hasNextPage hasPreviousPage } nodes { code } } }`, { after: endCursor });
    const all = [...first.data.serviceItems.nodes, ...rest.data.serviceItems.nodes].map((node: { code: string }) => node.code);
    expect(first.data.serviceItems.pageInfo.hasNextPage).toBe(true);
    expect(rest.data.serviceItems.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(new Set(all).size).toBe(S.activeItemCount);
    const back = await t.gql(`query($before: String) { serviceItems(last: 3, before: $before) { nodes { code } } }`, { before: endCursor });
    expect(back.data.serviceItems.nodes.map((node: { code: string }) => node.code)).toEqual(all.slice(46, 49));
  });

  it.each([
    ['level', `level: [DISTRICT]`, (node: any) => node.level === 'DISTRICT', S.districtItemCount],
    ['category', `category: [MEDICAL_INSURANCE, LEGAL_AID]`, (node: any) => ['MEDICAL_INSURANCE', 'LEGAL_AID'].includes(node.category), 14],
    ['department', `departmentCode: "XY-YBJ"`, (node: any) => node.department.code === 'XY-YBJ', S.ybjItems],
    ['handling mode', `handlingMode: [WINDOW]`, (node: any) => node.handlingMode === 'WINDOW', 1],
    ['Chinese text', `search: "医保"`, (node: any) => `${node.name} ${node.code}`.includes('医保'), 4],
    ['a code fragment', `search: "420606-ln"`, (node: any) => node.code.startsWith('420606-LN-'), 2],
    ['a LIKE wildcard taken literally', `search: "%"`, () => false, 0],
  ])('filters by %s', async (_label, filter, holds, expected) => {
    const res = await t.gql(`{ serviceItems(first: 100, filter: { ${filter} }) { totalCount nodes { code name level category handlingMode department { code } } } }`);
    expect(res.errors).toBeUndefined();
    const { nodes, totalCount } = res.data.serviceItems;
    expect(totalCount).toBe(expected);
    expect(nodes).toHaveLength(expected);
    expect(nodes.every(holds)).toBe(true);
  });

  it('combines filters', async () => {
    const res = await t.gql(`{ serviceItems(first: 100, filter: { search: "申领", level: [CITY], handlingMode: [PROXY] }) { nodes { name level handlingMode } } }`);
    const names = res.data.serviceItems.nodes.map((node: { name: string }) => node.name);
    expect(names).toEqual(expect.arrayContaining(['城乡居民养老保险待遇申领', '失业保险金申领', '退役军人优待证申领']));
    expect(names).not.toContain('社保卡申领');
  });

  it('lists the items a department is responsible for, paged, inactive ones on request', async () => {
    const res = await t.gql(`{ department(code: "XY-YBJ") { serviceItems(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { code department { code } } } } }`);
    const page = res.data.department.serviceItems;
    expect(page.totalCount).toBe(S.ybjItems);
    expect(page.nodes).toHaveLength(5);
    expect(page.nodes.every((node: any) => node.department.code === 'XY-YBJ')).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(
      `query($after: String) { department(code: "XY-YBJ") { serviceItems(first: 5, after: $after) { pageInfo { hasNextPage hasPreviousPage } nodes { code } } } }`,
      {
        after: page.pageInfo.endCursor,
      },
    );
    expect(next.data.department.serviceItems.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const codes = [...page.nodes, ...next.data.department.serviceItems.nodes].map((node: { code: string }) => node.code);
    expect(codes).toHaveLength(S.ybjItems);
    expect(new Set(codes).size).toBe(S.ybjItems);

    const rst = await t.gql(`{ department(code: "HB-RST") { active: serviceItems { totalCount } all: serviceItems(includeInactive: true) { totalCount } } }`);
    expect(rst.data.department).toEqual({ active: { totalCount: S.hbRstItems - 1 }, all: { totalCount: S.hbRstItems } });
  });
});

describe('stations offering an item', () => {
  it('counts and lists the stations of an item, filtered by region subtree, by station code', async () => {
    const xiangcheng = await openStationCount('420602');
    expect(xiangcheng).toBe(S.xiangchengOpenStations);
    const res = await t.gql(
      `query($code: String!) { serviceItem(code: $code) { stationCount
      stations(regionCode: "420602", first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { status station { code region { code } } } } } }`,
      { code: S.coreItemCode },
    );
    const { stationCount, stations } = res.data.serviceItem;
    expect(stationCount).toBe(S.urbanOpenStations);
    expect(stations.totalCount).toBe(xiangcheng);
    const codes = stations.nodes.map((node: any) => node.station.code);
    expect(codes.every((code: string) => code.startsWith('420602'))).toBe(true);
    const next = await t.gql(
      `query($code: String!, $after: String) { serviceItem(code: $code) { stations(regionCode: "420602", first: 100, after: $after) {
      pageInfo { hasNextPage } nodes { station { code } } } } }`,
      { code: S.coreItemCode, after: stations.pageInfo.endCursor },
    );
    const more = next.data.serviceItem.stations.nodes.map((node: any) => node.station.code);
    expect(codes.length + more.length).toBe(xiangcheng);
    expect(new Set([...codes, ...more]).size).toBe(xiangcheng);
    expect(next.data.serviceItem.stations.pageInfo.hasNextPage).toBe(false);
    const listed = await t.gql(`{ stations(first: 100, filter: { regionCode: "420602", status: [OPEN] }) { nodes { code } } }`);
    expect(codes).toEqual(listed.data.stations.nodes.map((node: { code: string }) => node.code));
  });

  it('filters stations by push-down status, and the status counts add up', async () => {
    const res = await t.gql(
      `query($code: String!) { serviceItem(code: $code) {
      all: stationCount active: stationCount(status: [ACTIVE]) suspended: stationCount(status: [SUSPENDED]) withdrawn: stationCount(status: [WITHDRAWN])
      paused: stations(status: [SUSPENDED, WITHDRAWN], first: 100) { totalCount nodes { status } } } }`,
      { code: S.coreItemCode },
    );
    const { all, active, suspended, withdrawn, paused } = res.data.serviceItem;
    expect(active + suspended + withdrawn).toBe(all);
    expect(suspended).toBeGreaterThan(0);
    expect(paused.totalCount).toBe(suspended + withdrawn);
    expect(paused.nodes.every((node: { status: string }) => node.status !== 'ACTIVE')).toBe(true);
  });

  it('gives an item outside the core set only to the high-tech zone, and an inactive item to nobody', async () => {
    const res = await t.gql(
      `query($card: String!, $inactive: String!) {
      card: serviceItem(code: $card) { stationCount outside: stations(regionCode: "420602") { totalCount } zone: stations(regionCode: "420606070000") { totalCount } }
      inactive: serviceItem(code: $inactive) { stationCount stations { totalCount nodes { id } } } }`,
      { card: S.cardItemCode, inactive: S.inactiveItemCode },
    );
    expect(res.data.card.stationCount).toBe(S.highTechOpenStations);
    expect(res.data.card.outside.totalCount).toBe(0);
    expect(res.data.card.zone.totalCount).toBe(await openStationCount('420606070000'));
    expect(res.data.inactive).toEqual({ stationCount: 0, stations: { totalCount: 0, nodes: [] } });
  });
});

describe('Station.serviceItems', () => {
  const STATION_ITEMS = `query($code: String!, $first: Int, $after: String, $status: [StationServiceItemStatus!], $category: [ServiceItemCategory!]) {
    station(code: $code) { serviceItems(first: $first, after: $after, status: $status, category: $category) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id mode since status serviceItem { code category } } } } }`;

  it('lists a high-tech station’s items by item code, 20 at a time, with the same order as the catalogue', async () => {
    const catalogue = (await t.gql(`{ serviceItems(first: 40) { nodes { code } } }`)).data.serviceItems.nodes.map((node: { code: string }) => node.code);
    const first = (await t.gql(STATION_ITEMS, { code: S.highTechStationCode })).data.station.serviceItems;
    expect(first.totalCount).toBe(S.activeItemCount);
    expect(first.nodes.map((node: any) => node.serviceItem.code)).toEqual(catalogue.slice(0, 20));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.nodes.every((node: any) => /^2023-\d\d-\d\d$/.test(node.since))).toBe(true);
    const second = (await t.gql(STATION_ITEMS, { code: S.highTechStationCode, after: first.pageInfo.endCursor })).data.station.serviceItems;
    expect(second.nodes.map((node: any) => node.serviceItem.code)).toEqual(catalogue.slice(20, 40));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const last = (await t.gql(STATION_ITEMS, { code: S.highTechStationCode, first: 100, after: second.pageInfo.endCursor })).data.station.serviceItems;
    expect(last.nodes).toHaveLength(S.activeItemCount - 40);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by push-down status and item category; totals follow the filter', async () => {
    const total = async (variables: Record<string, unknown>) => (await t.gql(STATION_ITEMS, { code: S.highTechStationCode, first: 100, ...variables })).data.station.serviceItems;
    const [active, suspended, withdrawn] = await Promise.all(['ACTIVE', 'SUSPENDED', 'WITHDRAWN'].map((status) => total({ status: [status] })));
    expect(active.totalCount + suspended.totalCount + withdrawn.totalCount).toBe(S.activeItemCount);
    expect(active.nodes.every((node: any) => node.status === 'ACTIVE')).toBe(true);
    expect(active.nodes).toHaveLength(Math.min(100, active.totalCount));
    expect(suspended.nodes).toHaveLength(suspended.totalCount);
    expect(suspended.nodes.every((node: any) => node.status === 'SUSPENDED')).toBe(true);
    const social = await total({ category: ['SOCIAL_SECURITY'] });
    expect(social.totalCount).toBe(S.activeSocialSecurityItems);
    expect(social.nodes.every((node: any) => node.serviceItem.category === 'SOCIAL_SECURITY')).toBe(true);
    const both = await total({ category: ['SOCIAL_SECURITY', 'MEDICAL_INSURANCE'], status: ['ACTIVE'] });
    expect(both.nodes.every((node: any) => node.status === 'ACTIVE' && ['SOCIAL_SECURITY', 'MEDICAL_INSURANCE'].includes(node.serviceItem.category))).toBe(true);
    expect(both.totalCount).toBe(both.nodes.length);
  });

  it('gives each station of one page its own list', async () => {
    const ids = await Promise.all([S.highTechStationCode, S.xiangchengStationCode, S.ruralStationCode].map(async (code) => (await station(code)).id));
    const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Station { code serviceItems(first: 5) { totalCount nodes { serviceItem { code level } } } } } }`, {
      ids,
    });
    const [highTech, xiangcheng, rural] = res.data.nodes;
    const catalogue: string[] = (await t.gql(`{ serviceItems(first: 100) { nodes { code } } }`)).data.serviceItems.nodes.map((node: { code: string }) => node.code);
    expect(highTech.serviceItems.totalCount).toBe(S.activeItemCount);
    expect(highTech.serviceItems.nodes.map((node: any) => node.serviceItem.code)).toEqual(catalogue.slice(0, 5));
    expect(xiangcheng.serviceItems.totalCount).toBe(S.coreItemCount);
    const positions = xiangcheng.serviceItems.nodes.map((node: any) => catalogue.indexOf(node.serviceItem.code));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.every((position: number) => position >= 0)).toBe(true);
    expect(xiangcheng.serviceItems.nodes.every((node: any) => node.serviceItem.level === 'CITY')).toBe(true);
    expect(rural.serviceItems).toEqual({ totalCount: 0, nodes: [] });
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 101', { first: 101 }],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }],
  ])('refuses %s as BAD_USER_INPUT', async (_label, variables) => {
    const res = await t.gql(STATION_ITEMS, { code: S.highTechStationCode, ...variables });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('node(id)', () => {
  it('fetches a service item and a push-down record by global ID, and stationServiceItem(id) agrees', async () => {
    const card = await item(S.cardItemCode);
    const push = (await t.gql(`query($code: String!) { station(code: $code) { serviceItems(first: 1) { nodes { ${PUSH_FIELDS} } } } }`, { code: S.highTechStationCode })).data
      .station.serviceItems.nodes[0];
    const res = await t.gql(
      `query($a: ID!, $b: ID!) {
      a: node(id: $a) { __typename id ... on ServiceItem { code name department { code } } }
      b: node(id: $b) { __typename id ... on StationServiceItem { ${PUSH_FIELDS} } }
      direct: stationServiceItem(id: $b) { ${PUSH_FIELDS} } }`,
      { a: card!.id, b: push.id },
    );
    expect(res.data.a).toEqual({ __typename: 'ServiceItem', id: card!.id, code: S.cardItemCode, name: '社保卡申领', department: { code: 'HB-RST' } });
    expect(res.data.b).toEqual({ __typename: 'StationServiceItem', ...push });
    expect(res.data.direct).toEqual(push);
    expect(push.station.code).toBe(S.highTechStationCode);
  });
});

describe('createServiceItem', () => {
  it('adds an item with its fields; the code is normalised and the department resolved by code', async () => {
    const res = await t.gql(CREATE, { input: newItem({ code: ' 420606-LN-0101 ', materials: [' 居民身份证原件 '] }) });
    expect(res.data.createServiceItem.userErrors).toEqual([]);
    expect(res.data.createServiceItem.serviceItem).toMatchObject({
      code: '420606-LN-0101',
      name: '社区老年人防诈骗宣传咨询',
      level: 'DISTRICT',
      category: 'ELDERLY_CARE',
      handlingMode: 'GUIDANCE',
      materials: ['居民身份证原件'],
      timeLimitDays: 3,
      feeYuan: 0,
      description: '由社区民警和网格员轮流坐班解答',
      active: true,
      version: 1,
      department: { code: 'FC-MZJ', name: '襄阳市樊城区民政局' },
    });
    expect(await item('420606-LN-0101')).toMatchObject({ stationCount: 0, version: 1 });
  });

  it('stores an on-the-spot item with a fee and a material that looks like NULL', async () => {
    const created = await createItem({ timeLimitDays: null, feeYuan: 12.5, materials: ['NULL', '复印件一份, 加盖公章'], description: '  ' });
    expect(created).toMatchObject({ timeLimitDays: null, feeYuan: 12.5, materials: ['NULL', '复印件一份, 加盖公章'], description: null });
  });

  it('refuses an inactive department', async () => {
    const department = await t.gql(
      `mutation { createDepartment(input: { code: "FC-TEST-CLOSED", name: "樊城区已撤并办公室", level: DISTRICT, regionCode: "420606" }) { department { id version } userErrors { code } } }`,
    );
    const { id, version } = department.data.createDepartment.department;
    await t.gql(`mutation($id: ID!, $v: Int!) { updateDepartment(input: { id: $id, version: $v, active: false }) { userErrors { code } } }`, { id, v: version });
    const before = await catalogueTotal();
    const res = await t.gql(CREATE, { input: newItem({ code: '420606-LN-0150', departmentCode: 'FC-TEST-CLOSED' }) });
    expect(res.data.createServiceItem.serviceItem).toBeNull();
    expect(res.data.createServiceItem.userErrors).toEqual([
      { field: ['input', 'departmentCode'], code: 'INVALID', message: '部门“樊城区已撤并办公室”已停用，不能再被新记录引用。' },
    ]);
    expect(await catalogueTotal()).toBe(before);
  });

  it.each([
    ['a malformed code', { code: '420606-ln-1' }, ['input', 'code'], 'INVALID', '事项编码“420606-ln-1”格式不正确'],
    ['a code of another level', { code: '420600-LN-0151' }, ['input', 'code'], 'INVALID', '区县级事项的编码须以区县级行政区划代码开头'],
    ['a code of no real division', { code: '420699-LN-0152' }, ['input', 'code'], 'INVALID', '“420699”不是'],
    ['a code already taken', { code: S.coreItemCode, level: 'CITY' }, ['input', 'code'], 'ALREADY_EXISTS', `事项编码“${S.coreItemCode}”已被使用`],
    ['an empty name', { name: '  ' }, ['input', 'name'], 'REQUIRED', '请填写事项名称。'],
    ['a name over 100 characters', { name: '事'.repeat(101) }, ['input', 'name'], 'TOO_LONG', '事项名称不能超过 100 个字。'],
    ['an unknown department', { departmentCode: 'XY-NOPE' }, ['input', 'departmentCode'], 'NOT_FOUND', '找不到代码为“XY-NOPE”的部门'],
    ['an empty material', { materials: ['居民身份证原件', ' '] }, ['input', 'materials', '1'], 'INVALID', '第 2 项申请材料为空'],
    ['31 materials', { materials: Array.from({ length: 31 }, (_, i) => `材料${i + 1}`) }, ['input', 'materials'], 'INVALID', '申请材料最多 30 项'],
    ['a time limit of 0 days', { timeLimitDays: 0 }, ['input', 'timeLimitDays'], 'INVALID', '承诺办结时限须为 1 至 365 个工作日'],
    ['a negative fee', { feeYuan: -1 }, ['input', 'feeYuan'], 'INVALID', '收费标准须为 0 至'],
    ['a fee with three decimals', { feeYuan: 1.234 }, ['input', 'feeYuan'], 'INVALID', '至多两位小数'],
    ['a description over 1000 characters', { description: '说'.repeat(1001) }, ['input', 'description'], 'TOO_LONG', '办理说明不能超过 1000 个字。'],
  ])('rejects %s with a Chinese user error and changes nothing', async (_label, overrides, field, code, message) => {
    const before = await catalogueTotal();
    const res = await t.gql(CREATE, { input: newItem({ code: '420606-LN-0199', ...overrides }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.createServiceItem.serviceItem).toBeNull();
    expect(res.data.createServiceItem.userErrors).toHaveLength(1);
    expect(res.data.createServiceItem.userErrors[0]).toMatchObject({ field, code });
    expect(res.data.createServiceItem.userErrors[0].message).toContain(message);
    expect(await catalogueTotal()).toBe(before);
    expect(await item('420606-LN-0199')).toBeNull();
  });

  it('answers in English when asked, with several problems at once', async () => {
    const res = await t.gql(CREATE, { input: newItem({ code: 'bad', name: '' }) }, { 'accept-language': 'en' });
    expect(res.data.createServiceItem.userErrors).toEqual([
      {
        field: ['input', 'code'],
        code: 'INVALID',
        message: 'The item code "bad" is malformed: use a 6-digit division code, 2 to 4 capital letters and a 4-digit sequence, e.g. 420600-SB-0001.',
      },
      { field: ['input', 'name'], code: 'REQUIRED', message: 'Enter the item name.' },
    ]);
  });
});

describe('updateServiceItem', () => {
  it('changes the given fields, bumps the version and keeps the code and level', async () => {
    const created = await createItem();
    const res = await t.gql(UPDATE, {
      input: {
        id: created.id,
        version: 1,
        name: '老年人防范电信诈骗咨询',
        category: 'POLICY_CONSULTATION',
        departmentCode: 'FC-ZWJ',
        handlingMode: 'PROXY',
        materials: ['居民身份证原件'],
        timeLimitDays: null,
        feeYuan: 5,
        description: null,
      },
    });
    expect(res.data.updateServiceItem.userErrors).toEqual([]);
    expect(res.data.updateServiceItem.serviceItem).toMatchObject({
      code: created.code,
      level: 'DISTRICT',
      name: '老年人防范电信诈骗咨询',
      category: 'POLICY_CONSULTATION',
      department: { code: 'FC-ZWJ' },
      handlingMode: 'PROXY',
      materials: ['居民身份证原件'],
      timeLimitDays: null,
      feeYuan: 5,
      description: null,
      version: 2,
    });
  });

  it('deactivates an item: it leaves the default list but stays readable', async () => {
    const created = await createItem();
    const before = (await t.gql(`{ serviceItems(first: 1) { totalCount } }`)).data.serviceItems.totalCount;
    const res = await t.gql(UPDATE, { input: { id: created.id, version: 1, active: false } });
    expect(res.data.updateServiceItem.serviceItem).toMatchObject({ active: false, version: 2 });
    expect((await t.gql(`{ serviceItems(first: 1) { totalCount } }`)).data.serviceItems.totalCount).toBe(before - 1);
    expect(await item(created.code)).toMatchObject({ active: false });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const created = await createItem();
    await t.gql(UPDATE, { input: { id: created.id, version: 1, feeYuan: 2 } });
    const stale = await t.gql(UPDATE, { input: { id: created.id, version: 1, name: '不应写入' } });
    expect(stale.data.updateServiceItem.serviceItem).toBeNull();
    expect(stale.data.updateServiceItem.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: '该服务事项已被他人修改（您读取的是第 1 版，当前为第 2 版），请刷新后重新修改。' },
    ]);
    expect(await item(created.code)).toMatchObject({ name: created.name, feeYuan: 2, version: 2 });
  });

  it.each([
    ['an unknown department', { departmentCode: 'XY-NOPE' }, ['input', 'departmentCode'], 'NOT_FOUND'],
    ['a bad fee', { feeYuan: -0.5 }, ['input', 'feeYuan'], 'INVALID'],
    ['an empty name', { name: '' }, ['input', 'name'], 'REQUIRED'],
    ['a time limit over a year', { timeLimitDays: 366 }, ['input', 'timeLimitDays'], 'INVALID'],
  ])('rejects %s and leaves the item as it was', async (_label, change, field, code) => {
    const created = await createItem();
    const res = await t.gql(UPDATE, { input: { id: created.id, version: 1, ...change } });
    expect(res.data.updateServiceItem.userErrors[0]).toMatchObject({ field, code });
    const now = await item(created.code);
    expect((({ stationCount: _count, ...rest }) => rest)(now!)).toEqual(created);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    const unknown = await t.gql(UPDATE, { input: { id: Buffer.from('ServiceItem:00000000-0000-4000-8000-000000000000').toString('base64url'), version: 1, name: '某事项' } });
    expect(unknown.data.updateServiceItem.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'NOT_FOUND', message: '找不到该服务事项，请刷新后重试。' });
    const malformed = await t.gql(UPDATE, { input: { id: 'nonsense', version: 1, name: '某事项' } });
    expect(malformed.data.updateServiceItem.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID' });
  });
});

describe('deleteServiceItem', () => {
  it('deletes an item that was never pushed down', async () => {
    const created = await createItem();
    const before = await catalogueTotal();
    const res = await t.gql(DELETE, { input: { id: created.id, version: 1 } });
    expect(res.data.deleteServiceItem).toEqual({ deletedId: created.id, userErrors: [] });
    expect(await item(created.code)).toBeNull();
    expect(await catalogueTotal()).toBe(before - 1);
  });

  it('refuses to delete an item that is pushed down, saying to deactivate it instead, and changes nothing', async () => {
    const core = await item(S.coreItemCode);
    const before = await catalogueTotal();
    const res = await t.gql(DELETE, { input: { id: core!.id, version: core!.version } });
    expect(res.data.deleteServiceItem.deletedId).toBeNull();
    expect(res.data.deleteServiceItem.userErrors).toEqual([
      { field: ['input', 'id'], code: 'IN_USE', message: `该事项已下沉到 ${core!.stationCount} 个驿站，不能删除；如不再办理，请将其停用。` },
    ]);
    const english = await t.gql(DELETE, { input: { id: core!.id, version: core!.version } }, { 'accept-language': 'en' });
    expect(english.data.deleteServiceItem.userErrors[0].message).toContain('deactivate it instead');
    expect(await item(S.coreItemCode)).toEqual(core);
    expect(await catalogueTotal()).toBe(before);
  });

  it('refuses a stale version, and keeps the item', async () => {
    const created = await createItem();
    await t.gql(UPDATE, { input: { id: created.id, version: 1, feeYuan: 1 } });
    const res = await t.gql(DELETE, { input: { id: created.id, version: 1 } });
    expect(res.data.deleteServiceItem.userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect(await item(created.code)).not.toBeNull();
  });
});

describe('pushDownServiceItem', () => {
  it('pushes an item down with the item’s mode and today by default, or the given mode and date', async () => {
    const created = await createItem({ handlingMode: 'GUIDANCE' });
    const rural = await station(S.ruralStationCode);
    const res = await t.gql(PUSH, { input: { itemCode: created.code, stationId: rural.id } });
    expect(res.data.pushDownServiceItem.userErrors).toEqual([]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(res.data.pushDownServiceItem.stationServiceItem).toMatchObject({
      mode: 'GUIDANCE',
      since: today,
      status: 'ACTIVE',
      version: 1,
      station: { code: S.ruralStationCode },
      serviceItem: { code: created.code },
    });
    const other = await station(S.xiangchengStationCode);
    const explicit = await t.gql(PUSH, { input: { itemCode: created.code, stationId: other.id, mode: 'PROXY', since: '2023-11-01' } });
    expect(explicit.data.pushDownServiceItem.stationServiceItem).toMatchObject({ mode: 'PROXY', since: '2023-11-01' });
    expect(await item(created.code)).toMatchObject({ stationCount: 2 });
    const listed = await t.gql(`query($code: String!) { station(code: $code) { serviceItems { totalCount nodes { serviceItem { code } } } } }`, { code: S.ruralStationCode });
    expect(listed.data.station.serviceItems.totalCount).toBe(1);
    expect(listed.data.station.serviceItems.nodes[0].serviceItem.code).toBe(created.code);
  });

  it('refuses a second push-down of the same pair, naming the existing record, and changes nothing', async () => {
    const highTech = await station(S.highTechStationCode);
    const existing = (
      await t.gql(
        `query($code: String!) { serviceItem(code: $code) { name stations(regionCode: "${S.highTechStationCode.slice(0, 12)}", first: 1) { nodes { since status station { code } } } } }`,
        { code: S.coreItemCode },
      )
    ).data.serviceItem;
    expect(existing.stations.nodes[0].station.code).toBe(S.highTechStationCode);
    const { since, status } = existing.stations.nodes[0];
    const before = await item(S.coreItemCode);
    const res = await t.gql(PUSH, { input: { itemCode: S.coreItemCode, stationId: highTech.id } });
    expect(res.data.pushDownServiceItem.stationServiceItem).toBeNull();
    const statusZh = { ACTIVE: '办理中', SUSPENDED: '暂停', WITHDRAWN: '已撤回' }[status as string];
    expect(res.data.pushDownServiceItem.userErrors).toEqual([
      {
        field: ['input', 'itemCode'],
        code: 'ALREADY_EXISTS',
        message: `驿站“${highTech.name}”已有事项“${existing.name}”的下沉记录（${since} 起，状态：${statusZh}），不能重复下沉；如需恢复或调整，请修改该记录。`,
      },
    ]);
    expect(await item(S.coreItemCode)).toEqual(before);
  });

  it('lets exactly one of several concurrent push-downs of one pair succeed', async () => {
    const created = await createItem();
    const target = await station('420684001001-002');
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql(PUSH, { input: { itemCode: created.code, stationId: target.id } })));
    const winners = results.filter((res) => res.data.pushDownServiceItem.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    for (const res of results) {
      if (res !== winners[0]) expect(res.data.pushDownServiceItem.userErrors[0].message).toContain('不能重复下沉');
    }
    expect(await item(created.code)).toMatchObject({ stationCount: 1 });
  });

  it.each<[string, () => Promise<Record<string, unknown>>, string[], string, string]>([
    [
      'an inactive item',
      async () => ({ itemCode: S.inactiveItemCode, stationId: (await station(S.ruralStationCode)).id }),
      ['input', 'itemCode'],
      'INVALID',
      '已停用，不能在驿站办理',
    ],
    [
      'an unknown item',
      async () => ({ itemCode: '420600-SB-0999', stationId: (await station(S.ruralStationCode)).id }),
      ['input', 'itemCode'],
      'NOT_FOUND',
      '找不到编码为“420600-SB-0999”的服务事项',
    ],
    ['an archived station', async () => ({ itemCode: S.cardItemCode, stationId: (await archivedStation()).id }), ['input', 'stationId'], 'ARCHIVED', '已归档，不能再办理事项'],
    ['a closed station', async () => ({ itemCode: S.cardItemCode, stationId: (await closedStation()).id }), ['input', 'stationId'], 'INVALID', '已关闭，不能再办理事项'],
    [
      'an unknown station',
      async () => ({ itemCode: S.cardItemCode, stationId: 'U3RhdGlvbjowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA' }),
      ['input', 'stationId'],
      'NOT_FOUND',
      '找不到该驿站',
    ],
    ['a malformed station id', async () => ({ itemCode: S.cardItemCode, stationId: 'nonsense' }), ['input', 'stationId'], 'INVALID', '这不是驿站的 ID'],
    [
      'a date before 2000',
      async () => ({ itemCode: S.cardItemCode, stationId: (await station(S.ruralStationCode)).id, since: '1999-12-31' }),
      ['input', 'since'],
      'INVALID',
      '下沉日期须在 2000-01-01 至',
    ],
  ])('refuses %s and changes nothing', async (_label, input, field, code, message) => {
    const resolved = await input();
    const before = await pushDownTotal();
    const res = await t.gql(PUSH, { input: resolved });
    expect(res.errors).toBeUndefined();
    expect(res.data.pushDownServiceItem.stationServiceItem).toBeNull();
    expect(res.data.pushDownServiceItem.userErrors).toHaveLength(1);
    expect(res.data.pushDownServiceItem.userErrors[0]).toMatchObject({ field, code });
    expect(res.data.pushDownServiceItem.userErrors[0].message).toContain(message);
    expect(await pushDownTotal()).toBe(before);
  });
});

describe('pushDownServiceItems', () => {
  it('pushes items down to every open station of a region, then skips them on a second run', async () => {
    const created = await createItem();
    const open = await openStationCount(S.ruralStreetCode);
    expect(open).toBe(S.ruralStreetOpenStations);
    const input = { itemCodes: [created.code, S.coreItemCode, created.code], regionCode: S.ruralStreetCode, since: '2024-03-01' };
    const first = await t.gql(PUSH_MANY, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.pushDownServiceItems).toEqual({ summary: { itemCount: 2, stationCount: open, created: 2 * open, skipped: 0 }, userErrors: [] });
    const again = await t.gql(PUSH_MANY, { input });
    expect(again.data.pushDownServiceItems.summary).toEqual({ itemCount: 2, stationCount: open, created: 0, skipped: 2 * open });
    const listed = await t.gql(`query($code: String!) { serviceItem(code: $code) { stations(regionCode: "${S.ruralStreetCode}") { totalCount nodes { mode since status } } } }`, {
      code: created.code,
    });
    expect(listed.data.serviceItem.stations.totalCount).toBe(open);
    expect(listed.data.serviceItem.stations.nodes.every((node: any) => node.mode === 'GUIDANCE' && node.since === '2024-03-01' && node.status === 'ACTIVE')).toBe(true);
  });

  it('pushes items down to listed stations with one mode, skipping pairs that exist', async () => {
    const created = await createItem();
    const stations = await Promise.all(['420684001001-003', '420684001001-002', S.ruralStationCode].map(station));
    await t.gql(PUSH, { input: { itemCode: created.code, stationId: stations[0].id } });
    const res = await t.gql(PUSH_MANY, { input: { itemCodes: [created.code], stationIds: [...stations.map((s) => s.id), stations[1].id], mode: 'SELF_SERVICE_TERMINAL' } });
    expect(res.data.pushDownServiceItems).toEqual({ summary: { itemCount: 1, stationCount: 3, created: 2, skipped: 1 }, userErrors: [] });
    const modes = await t.gql(`query($code: String!) { serviceItem(code: $code) { stations { nodes { mode station { code } } } } }`, { code: created.code });
    expect(Object.fromEntries(modes.data.serviceItem.stations.nodes.map((node: any) => [node.station.code, node.mode]))).toEqual({
      '420684001001-001': 'SELF_SERVICE_TERMINAL',
      '420684001001-002': 'SELF_SERVICE_TERMINAL',
      '420684001001-003': 'GUIDANCE',
    });
  });

  it.each<[string, () => Promise<Record<string, unknown>>, string[], string, string]>([
    ['no items', async () => ({ itemCodes: [], regionCode: S.ruralStreetCode }), ['input', 'itemCodes'], 'REQUIRED', '请至少选择一个要下沉的事项。'],
    [
      '201 items',
      async () => ({ itemCodes: Array.from({ length: 201 }, (_, i) => `420600-ZZ-${String(i + 1).padStart(4, '0')}`), regionCode: S.ruralStreetCode }),
      ['input', 'itemCodes'],
      'INVALID',
      '一次最多下沉 200 个事项',
    ],
    [
      'an inactive item among them',
      async () => ({ itemCodes: [S.cardItemCode, S.inactiveItemCode], regionCode: S.ruralStreetCode }),
      ['input', 'itemCodes', '1'],
      'INVALID',
      '已停用',
    ],
    ['an unknown item among them', async () => ({ itemCodes: ['420600-SB-0999'], regionCode: S.ruralStreetCode }), ['input', 'itemCodes', '0'], 'NOT_FOUND', '找不到编码为'],
    [
      'both a region and stations',
      async () => ({ itemCodes: [S.cardItemCode], regionCode: S.ruralStreetCode, stationIds: [(await station(S.ruralStationCode)).id] }),
      ['input', 'regionCode'],
      'INVALID',
      '选择且只选择一种下沉范围',
    ],
    ['neither a region nor stations', async () => ({ itemCodes: [S.cardItemCode] }), ['input', 'regionCode'], 'INVALID', '选择且只选择一种下沉范围'],
    ['an unknown region', async () => ({ itemCodes: [S.cardItemCode], regionCode: '420684999000' }), ['input', 'regionCode'], 'NOT_FOUND', '找不到行政区划代码“420684999000”'],
    [
      '501 stations',
      async () => ({
        itemCodes: [S.cardItemCode],
        stationIds: Array.from({ length: 501 }, (_, i) => Buffer.from(`Station:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).toString('base64url')),
      }),
      ['input', 'stationIds'],
      'INVALID',
      '一次最多指定 500 个驿站',
    ],
    [
      'a closed station among them',
      async () => ({ itemCodes: [S.cardItemCode], stationIds: [(await station(S.ruralStationCode)).id, (await closedStation()).id] }),
      ['input', 'stationIds', '1'],
      'INVALID',
      '已关闭',
    ],
    [
      'an archived station among them',
      async () => ({ itemCodes: [S.cardItemCode], stationIds: [(await archivedStation()).id] }),
      ['input', 'stationIds', '0'],
      'ARCHIVED',
      '已归档',
    ],
    [
      'a date more than a year ahead',
      async () => ({ itemCodes: [S.cardItemCode], regionCode: S.ruralStreetCode, since: '2999-01-01' }),
      ['input', 'since'],
      'INVALID',
      '下沉日期须在',
    ],
    [
      'more station-item pairs than one call may write',
      async () => {
        const codes = (await t.gql(`{ serviceItems(first: 100) { nodes { code } } }`)).data.serviceItems.nodes.map((node: { code: string }) => node.code);
        return { itemCodes: codes, regionCode: SEED.cityCode };
      },
      ['input', 'regionCode'],
      'INVALID',
      '超过单次上限 100000 个',
    ],
  ])('refuses %s and changes nothing', async (_label, input, field, code, message) => {
    const resolved = await input();
    const before = await pushDownTotal();
    const res = await t.gql(PUSH_MANY, { input: resolved });
    expect(res.errors).toBeUndefined();
    expect(res.data.pushDownServiceItems.summary).toBeNull();
    expect(res.data.pushDownServiceItems.userErrors[0]).toMatchObject({ field, code });
    expect(res.data.pushDownServiceItems.userErrors[0].message).toContain(message);
    expect(await pushDownTotal()).toBe(before);
  });
});

describe('updateStationServiceItem', () => {
  async function pushedRecord(itemOverrides: Record<string, unknown> = {}, stationCode: string = S.ruralStationCode) {
    const created = await createItem(itemOverrides);
    const target = await station(stationCode);
    const res = await t.gql(PUSH, { input: { itemCode: created.code, stationId: target.id } });
    return { item: created, record: res.data.pushDownServiceItem.stationServiceItem };
  }

  it('changes the mode and status, bumping the version', async () => {
    const { record } = await pushedRecord();
    const res = await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 1, mode: 'PROXY', status: 'SUSPENDED' } });
    expect(res.data.updateStationServiceItem.userErrors).toEqual([]);
    expect(res.data.updateStationServiceItem.stationServiceItem).toMatchObject({ id: record.id, mode: 'PROXY', status: 'SUSPENDED', version: 2, since: record.since });
    const back = await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 2, status: 'ACTIVE' } });
    expect(back.data.updateStationServiceItem.stationServiceItem).toMatchObject({ status: 'ACTIVE', version: 3 });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const { record } = await pushedRecord();
    await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 1, mode: 'WINDOW' } });
    const stale = await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 1, status: 'WITHDRAWN' } });
    expect(stale.data.updateStationServiceItem.userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: '该下沉记录已被他人修改（您读取的是第 1 版，当前为第 2 版），请刷新后重新修改。' },
    ]);
    const now = await t.gql(`query($id: ID!) { stationServiceItem(id: $id) { ${PUSH_FIELDS} } }`, { id: record.id });
    expect(now.data.stationServiceItem).toMatchObject({ mode: 'WINDOW', status: 'ACTIVE', version: 2 });
  });

  it('refuses to reactivate a push-down of an item since deactivated, and changes nothing', async () => {
    const { item: created, record } = await pushedRecord();
    const withdrawn = await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 1, status: 'WITHDRAWN' } });
    expect(withdrawn.data.updateStationServiceItem.stationServiceItem.status).toBe('WITHDRAWN');
    await t.gql(UPDATE, { input: { id: created.id, version: 1, active: false } });
    const res = await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 2, status: 'ACTIVE' } });
    expect(res.data.updateStationServiceItem.stationServiceItem).toBeNull();
    expect(res.data.updateStationServiceItem.userErrors[0]).toMatchObject({ field: ['input', 'status'], code: 'INVALID' });
    expect(res.data.updateStationServiceItem.userErrors[0].message).toContain(`服务事项“${created.name}”（${created.code}）已停用`);
    const now = await t.gql(`query($id: ID!) { stationServiceItem(id: $id) { status version } }`, { id: record.id });
    expect(now.data.stationServiceItem).toEqual({ status: 'WITHDRAWN', version: 2 });
  });

  it('refuses to reactivate a push-down at a station that has closed, and changes nothing', async () => {
    const open = await createStation('OPEN');
    const { record } = await pushedRecord({}, open.code);
    await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 1, status: 'SUSPENDED' } });
    await t.gql(`mutation($input: ChangeStationStatusInput!) { changeStationStatus(input: $input) { userErrors { code } } }`, {
      input: { id: open.id, version: open.version, status: 'CLOSED' },
    });
    const res = await t.gql(UPDATE_PUSH, { input: { id: record.id, version: 2, status: 'ACTIVE' } });
    expect(res.data.updateStationServiceItem.userErrors).toEqual([{ field: ['input', 'status'], code: 'INVALID', message: `驿站“${open.name}”已关闭，不能再办理事项。` }]);
    const now = await t.gql(`query($id: ID!) { stationServiceItem(id: $id) { status version } }`, { id: record.id });
    expect(now.data.stationServiceItem).toEqual({ status: 'SUSPENDED', version: 2 });
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    const unknown = await t.gql(UPDATE_PUSH, {
      input: { id: Buffer.from('StationServiceItem:00000000-0000-4000-8000-000000000000').toString('base64url'), version: 1, mode: 'PROXY' },
    });
    expect(unknown.data.updateStationServiceItem.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'NOT_FOUND', message: '找不到该下沉记录，请刷新后重试。' });
    const malformed = await t.gql(UPDATE_PUSH, { input: { id: 'nonsense', version: 1, mode: 'PROXY' } });
    expect(malformed.data.updateStationServiceItem.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID' });
  });
});

describe('statement counts', () => {
  const countFor = async (query: string, first: number, nodesOf: (data: any) => unknown[]) => {
    let nodes = 0;
    const statements = await t.countStatements(async () => {
      const res = await t.gql(query, { first });
      expect(res.errors).toBeUndefined();
      nodes = nodesOf(res.data).length;
    });
    expect(nodes).toBe(first);
    return statements;
  };

  it('costs the same for 10 stations as for 100, each with its first 20 service items', async () => {
    const PAGE = `query($first: Int!) { stations(first: $first, filter: { regionCode: "${SEED.fanchengCode}", status: [OPEN] }) {
      nodes { code serviceItems(first: 20) { totalCount nodes { mode since status serviceItem { code name department { name } } } } } } }`;
    const small = await countFor(PAGE, 10, (data) => data.stations.nodes);
    const large = await countFor(PAGE, 100, (data) => data.stations.nodes);
    expect(large).toBe(small);
    // the caller's key + stations page + windowed items + grouped count + items + departments
    expect(large).toBeLessThanOrEqual(6);
  });

  it('costs the same for 10 items as for 100, each with its department, stations and counts', async () => {
    const PAGE = `query($first: Int!) { serviceItems(first: $first, filter: { includeInactive: true }) { nodes { code
      department { code serviceItems(first: 2) { totalCount nodes { code } } }
      stationCount active: stationCount(status: [ACTIVE])
      stations(first: 3, regionCode: "${SEED.fanchengCode}") { totalCount nodes { since station { code } } } } } }`;
    const small = await countFor(PAGE, 10, (data) => data.serviceItems.nodes);
    const large = await countFor(PAGE, 100, (data) => data.serviceItems.nodes);
    expect(large).toBe(small);
  });
});
