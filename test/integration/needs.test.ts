import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE } from '../helpers/fixtures';
import { toGlobalId } from '../../src/graphql/relay';
import { wgs84ToGcj02 } from '../../src/geo/coordinates';

const t = useTestApp();

type Rec = Record<string, any>;
const ERRORS = `userErrors { field code message }`;
const NEED_FIELDS = `id kind channel category state text photoUrls deadline overdue resolution receiptCode rejectionReason satisfaction satisfactionComment version
  residentName residentPhone station { id code } region { code } referredDepartment { code } location(coordinateSystem: GCJ02) { latitude longitude coordinateSystem }
  timeline(first: 20) { totalCount nodes { sequence fromState toState actorKind actorName note occurredAt } }`;
const CREATE = `mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { ${NEED_FIELDS} } ${ERRORS} } }`;
const MOVE = `mutation($input: TransitionNeedInput!) { transitionNeed(input: $input) { need { id state version overdue resolution satisfaction rejectionReason } ${ERRORS} } }`;
const REFER = `mutation($input: ReferNeedInput!) { referNeed(input: $input) { need { id state version deadline overdue referredDepartment { code } } ${ERRORS} } }`;
const GET = `query($id: ID!) { need(id: $id) { id state version residentName residentPhone text } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Need { state residentName residentPhone } } }`;
const LIST = `query($filter: NeedFilter, $orderBy: NeedOrder, $first: Int) { needs(filter: $filter, orderBy: $orderBy, first: $first) {
  totalCount edges { distanceMetres node { id state } } } }`;
const SUBMIT = `mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { status { receiptCode state kind category submittedAt updatedAt timeline { state at } } ${ERRORS} } }`;
const STATUS = `query($code: String!) { needStatus(receiptCode: $code) { receiptCode state kind category submittedAt updatedAt timeline { state at } } }`;

const RESIDENT = { name: '王菊莲', phone: '13871012345' };
/** 五里亭 stands in for any place: a point near the 安居 community (WGS-84). */
const POINT = { lat: 32.0431, lng: 112.1452 };

let fancheng: Record<string, string>;
let xiangcheng: Record<string, string>;
let analyst: Record<string, string>;
let unionPartner: Record<string, string>;
let otherPartner: Record<string, string>;
let stationId: string;

async function gqlOk(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function create(overrides: Record<string, unknown> = {}, headers: Record<string, string> = fancheng): Promise<Rec> {
  const data = await gqlOk(
    CREATE,
    {
      input: {
        kind: 'RESIDENT_NEED',
        channel: 'STATION',
        category: 'FACILITY_REPAIR',
        stationId,
        text: '小区台阶破损，老人出行不便，希望修葺。',
        residentName: RESIDENT.name,
        residentPhone: RESIDENT.phone,
        location: { latitude: POINT.lat, longitude: POINT.lng },
        photoUrls: ['https://img.example.cn/need/1.jpg'],
        note: '民生驿站收集',
        ...overrides,
      },
    },
    headers,
  );
  expect(data.createNeed.userErrors).toEqual([]);
  return data.createNeed.need;
}

async function move(need: Rec, to: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = fancheng): Promise<Rec> {
  return (await gqlOk(MOVE, { input: { id: need.id, version: need.version, to, ...extra } }, headers)).transitionNeed;
}

async function moved(need: Rec, to: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = fancheng): Promise<Rec> {
  const result = await move(need, to, extra, headers);
  expect(result.userErrors).toEqual([]);
  expect(result.need.state).toBe(to);
  return result.need;
}

async function refer(need: Rec, departmentCode: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = fancheng): Promise<Rec> {
  return (await gqlOk(REFER, { input: { id: need.id, version: need.version, departmentCode, ...extra } }, headers)).referNeed;
}

async function current(need: Rec): Promise<Rec> {
  return (await gqlOk(GET, { id: need.id })).need;
}

const ALL_STATES = ['SUBMITTED', 'ON_AGENDA', 'LISTED', 'CLAIMED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'];
const MAIN_LINE: Record<string, string[]> = {
  SUBMITTED: ['ON_AGENDA', 'REJECTED'],
  ON_AGENDA: ['LISTED', 'REJECTED'],
  LISTED: [],
  CLAIMED: ['IN_PROGRESS'],
  IN_PROGRESS: ['RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
  REJECTED: [],
};

/** Every move transitionNeed must refuse from the need's state: INVALID_TRANSITION naming the state, and nothing changes. */
async function expectRefusedMoves(need: Rec): Promise<void> {
  const before = await current(need);
  for (const to of ALL_STATES.filter((state) => !MAIN_LINE[before.state].includes(state))) {
    const result = await move(before, to, { rejectionReason: '理由', resolution: '已修好', satisfaction: 5 });
    expect(result.need).toBeNull();
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', field: ['input', 'to'] });
    expect(result.userErrors[0].message).toContain(before.state);
  }
  expect(await current(need)).toEqual(before);
}

/**
 * The change feed from `after` once it holds `count` changes that `keep` picks. The feed's horizon
 * spans the whole server, so other test files' open transactions may hold it back for a moment:
 * wait for what was written (with a deadline) rather than read it once.
 */
async function feedOnce(query: string, after: string, headers: Record<string, string>, keep: (change: Rec) => boolean, count: number): Promise<Rec[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const changes = ((await gqlOk(query, { after }, headers)).changes.changes as Rec[]).filter(keep);
    if (changes.length >= count) return changes;
    if (Date.now() > deadline) throw new Error(`the change feed did not hand out ${count} changes within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  fancheng = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  xiangcheng = await t.clientHeaders({ name: '襄城区操作员', roles: ['REGION_OPERATOR'], regionCode: '420602' });
  analyst = await t.clientHeaders({ name: '分析员', roles: ['ANALYST'] });
  unionPartner = await t.clientHeaders({ name: '市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
  otherPartner = await t.clientHeaders({ name: '市人社局', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-RSJ' });
  stationId = (await gqlOk(`query($code: String!) { station(code: $code) { id } }`, { code: STATION_PROFILE.anjuStationCode })).station.id;
});

describe('recording a need', () => {
  it('records a need at a station, in its community, with the submission as the first step of its timeline', async () => {
    const need = await create();
    expect(need).toMatchObject({
      kind: 'RESIDENT_NEED',
      channel: 'STATION',
      category: 'FACILITY_REPAIR',
      state: 'SUBMITTED',
      text: '小区台阶破损，老人出行不便，希望修葺。',
      photoUrls: ['https://img.example.cn/need/1.jpg'],
      residentName: RESIDENT.name,
      residentPhone: RESIDENT.phone,
      station: { id: stationId, code: STATION_PROFILE.anjuStationCode },
      region: { code: SEED.anjuCommunityCode },
      deadline: null,
      overdue: false,
      version: 1,
    });
    expect(need.receiptCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    // Stored WGS-84, returned in the system asked for.
    const gcj = wgs84ToGcj02(POINT);
    expect(need.location).toEqual({ latitude: expect.closeTo(gcj.lat, 6), longitude: expect.closeTo(gcj.lng, 6), coordinateSystem: 'GCJ02' });
    expect(need.timeline.nodes).toEqual([
      { sequence: 1, fromState: null, toState: 'SUBMITTED', actorKind: 'API_CLIENT', actorName: '樊城区操作员', note: '民生驿站收集', occurredAt: expect.any(String) },
    ]);
  });

  it('takes a location in GCJ-02 and stores it as WGS-84', async () => {
    const gcj = wgs84ToGcj02(POINT);
    const need = await create({ location: { latitude: gcj.lat, longitude: gcj.lng, coordinateSystem: 'GCJ02' } });
    const wgs = (await gqlOk(`query($id: ID!) { need(id: $id) { location { latitude longitude coordinateSystem } } }`, { id: need.id })).need.location;
    expect(wgs.latitude).toBeCloseTo(POINT.lat, 5);
    expect(wgs.longitude).toBeCloseTo(POINT.lng, 5);
  });

  it('needs a station or a community, and the region of a station must be its own', async () => {
    const none = (await gqlOk(CREATE, { input: { kind: 'RESIDENT_NEED', channel: 'VISIT', category: 'LIGHTING', text: '路灯不亮' } }, fancheng)).createNeed;
    expect(none.userErrors).toEqual([{ field: ['input', 'stationId'], code: 'REQUIRED', message: expect.stringContaining('至少一项') }]);
    const mismatch = (
      await gqlOk(CREATE, { input: { kind: 'RESIDENT_NEED', channel: 'VISIT', category: 'LIGHTING', text: '路灯不亮', stationId, regionCode: SEED.streetCode } }, fancheng)
    ).createNeed;
    expect(mismatch.userErrors.map((error: Rec) => error.code)).toEqual(['INVALID']);
    const district = (
      await gqlOk(
        CREATE,
        { input: { kind: 'NIGHT_PATROL_ISSUE', channel: 'NIGHT_PATROL', category: 'CITY_ORDER', text: '遮阳伞底座绊人', regionCode: SEED.fanchengCode } },
        fancheng,
      )
    ).createNeed;
    expect(district.userErrors.map((error: Rec) => error.code)).toEqual(['INVALID']);
    const street = await create({
      stationId: null,
      regionCode: SEED.streetCode,
      kind: 'NIGHT_PATROL_ISSUE',
      channel: 'NIGHT_PATROL',
      category: 'CITY_ORDER',
      text: '遮阳伞底座绊人',
    });
    expect(street).toMatchObject({ station: null, region: { code: SEED.streetCode } });
  });

  it('refuses photos that are not https, more than nine, a malformed phone and empty text, changing nothing', async () => {
    const before = (await gqlOk(`{ needs(first: 1) { totalCount } }`)).needs.totalCount;
    const result = (
      await gqlOk(CREATE, {
        input: {
          kind: 'RESIDENT_NEED',
          channel: 'ONLINE',
          category: 'OTHER',
          stationId,
          text: '   ',
          residentPhone: '12345',
          photoUrls: ['http://img.example.cn/a.jpg', ...Array.from({ length: 9 }, (_, i) => `https://img.example.cn/${i}.jpg`)],
        },
      })
    ).createNeed;
    expect(result.need).toBeNull();
    expect(result.userErrors.map((error: Rec) => `${error.field.join('.')}:${error.code}`).sort()).toEqual(
      ['input.photoUrls:INVALID', 'input.photoUrls.0:INVALID', 'input.residentPhone:INVALID', 'input.text:REQUIRED'].sort(),
    );
    expect((await gqlOk(`{ needs(first: 1) { totalCount } }`)).needs.totalCount).toBe(before);
  });
});

describe('the workflow', () => {
  it('walks the main line to CLOSED, refusing every other move on the way, and records each step oldest first', async () => {
    let need = await create();
    await expectRefusedMoves(need);
    need = await moved(need, 'ON_AGENDA', { note: '列入周三民生议事厅' });
    await expectRefusedMoves(need);
    need = await moved(need, 'LISTED', { note: '审议通过，列入微实事清单' });
    await expectRefusedMoves(need);
    // LISTED → CLAIMED is the claims' move, not transitionNeed's.
    const claim = await move(need, 'CLAIMED');
    expect(claim.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('认领') });
    const timeline = (await gqlOk(`query($id: ID!) { need(id: $id) { timeline { edges { node { sequence fromState toState note } } } } }`, { id: need.id })).need.timeline.edges;
    expect(timeline.map((edge: Rec) => edge.node)).toEqual([
      { sequence: 1, fromState: null, toState: 'SUBMITTED', note: '民生驿站收集' },
      { sequence: 2, fromState: 'SUBMITTED', toState: 'ON_AGENDA', note: '列入周三民生议事厅' },
      { sequence: 3, fromState: 'ON_AGENDA', toState: 'LISTED', note: '审议通过，列入微实事清单' },
    ]);
  });

  it('refers a need to a department, which resolves it; the operator closes it with the resident’s rating', async () => {
    let need = await create();
    const referred = await refer(need, 'XY-ZGH', { note: '夜巡现场交办', deadline: '2030-01-01T00:00:00.000Z' });
    expect(referred.userErrors).toEqual([]);
    expect(referred.need).toMatchObject({ state: 'IN_PROGRESS', referredDepartment: { code: 'XY-ZGH' }, deadline: '2030-01-01T00:00:00.000Z', overdue: false });
    need = referred.need;
    await expectRefusedMoves(need);
    // A resolution is required.
    const bare = await move(need, 'RESOLVED', {}, unionPartner);
    expect(bare.userErrors).toEqual([{ field: ['input', 'resolution'], code: 'REQUIRED', message: expect.any(String) }]);
    need = await moved(need, 'RESOLVED', { resolution: '台阶已修好，加装扶手', note: '已完成' }, unionPartner);
    await expectRefusedMoves(need);
    const missing = await move(need, 'CLOSED');
    expect(missing.userErrors.map((error: Rec) => error.code)).toEqual(['REQUIRED']);
    const tooHigh = await move(need, 'CLOSED', { satisfaction: 6 });
    expect(tooHigh.userErrors).toEqual([{ field: ['input', 'satisfaction'], code: 'INVALID', message: expect.stringContaining('6') }]);
    need = await moved(need, 'CLOSED', { satisfaction: 5, satisfactionComment: '没花一分钱，台阶就修好了' });
    expect(need).toMatchObject({ satisfaction: 5, resolution: '台阶已修好，加装扶手' });
    await expectRefusedMoves(need);
  });

  it('rejects with a reason only, and nothing moves a rejected need', async () => {
    let need = await create();
    const noReason = await move(need, 'REJECTED');
    expect(noReason.userErrors.map((error: Rec) => error.field.join('.'))).toEqual(['input.rejectionReason']);
    need = await moved(need, 'REJECTED', { rejectionReason: '不属于社区办理范围，已引导至12345' });
    expect(need.rejectionReason).toBe('不属于社区办理范围，已引导至12345');
    await expectRefusedMoves(need);
    const again = await refer(need, 'XY-ZGH');
    expect(again.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('REJECTED') });
  });

  it('refuses a referral out of LISTED and points transitionNeed users to referNeed', async () => {
    let need = await create();
    need = await moved(need, 'ON_AGENDA');
    const direct = await move(need, 'IN_PROGRESS');
    expect(direct.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('referNeed') });
    need = await moved(need, 'LISTED');
    const late = await refer(need, 'XY-ZGH');
    expect(late.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('微实事清单') });
    const unknown = await refer(need, 'NO-SUCH');
    expect(unknown.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'departmentCode'] });
  });

  it('answers a stale version with CONFLICT and the current version, changing nothing', async () => {
    const need = await create();
    await moved(need, 'ON_AGENDA');
    const stale = await move(need, 'REJECTED', { rejectionReason: '重复提交' });
    expect(stale.userErrors).toEqual([{ field: ['input', 'version'], code: 'CONFLICT', message: expect.stringContaining('第 1 版') }]);
    expect((await current(need)).state).toBe('ON_AGENDA');
  });

  it('lets one of two concurrent moves at the same version win; the other is a CONFLICT', async () => {
    const need = await create();
    const results = await Promise.all([move(need, 'ON_AGENDA'), move(need, 'REJECTED', { rejectionReason: '重复提交' })]);
    expect(results.map((result) => result.userErrors.map((error: Rec) => error.code).join()).sort()).toEqual(['', 'CONFLICT']);
    const after = await current(need);
    expect(after.version).toBe(2);
    const steps = (await gqlOk(`query($id: ID!) { need(id: $id) { timeline { totalCount } } }`, { id: need.id })).need.timeline.totalCount;
    expect(steps).toBe(2);
  });

  it('names the current state in Chinese and in English', async () => {
    const need = await moved(await create(), 'REJECTED', { rejectionReason: '重复' });
    const zh = await move(need, 'ON_AGENDA');
    expect(zh.userErrors[0].message).toContain('当前状态为“不予受理”（REJECTED）');
    const en = (await gqlOk(MOVE, { input: { id: need.id, version: need.version, to: 'ON_AGENDA' } }, { ...fancheng, 'accept-language': 'en' })).transitionNeed;
    expect(en.userErrors[0].message).toBe('The need is REJECTED; it cannot move to ON_AGENDA. No further move is possible from REJECTED.');
  });
});

describe('progress notes', () => {
  const NOTE = `mutation($input: AddNeedNoteInput!) { addNeedNote(input: $input) { need { id state version timeline { nodes { sequence fromState toState note actorName } } } ${ERRORS} } }`;
  const note = async (need: Rec, text: string, headers: Record<string, string> = fancheng) =>
    (await gqlOk(NOTE, { input: { id: need.id, version: need.version, note: text } }, headers)).addNeedNote;

  it('lets the operator and the referred department note progress without moving the need; the version moves on', async () => {
    const need = (await refer(await create(), 'XY-ZGH')).need;
    const first = await note(need, '已联系施工班组', unionPartner);
    expect(first.userErrors).toEqual([]);
    expect(first.need).toMatchObject({ state: 'IN_PROGRESS', version: need.version + 1 });
    expect(first.need.timeline.nodes.at(-1)).toEqual({ sequence: 3, fromState: 'IN_PROGRESS', toState: 'IN_PROGRESS', note: '已联系施工班组', actorName: '市总工会' });
    const stale = await note(need, '重复提交', fancheng);
    expect(stale.userErrors[0].code).toBe('CONFLICT');
    expect((await note(first.need, '社区已回访', fancheng)).userErrors).toEqual([]);
    expect((await note(first.need, '他部门', otherPartner)).userErrors[0].code).toBe('NOT_FOUND');
    expect((await note(first.need, '分析', analyst)).userErrors[0].code).toBe('FORBIDDEN');
  });

  it('takes no note on a rejected need, nor an empty one', async () => {
    const need = await moved(await create(), 'REJECTED', { rejectionReason: '重复' });
    const refused = await note(need, '补充说明');
    expect(refused.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('不予受理') });
    expect((await note(need, '  ')).userErrors[0].code).toBe('REQUIRED');
  });
});

describe('deadlines', () => {
  it('makes a need past its deadline overdue until it is resolved, and the list can ask for overdue needs', async () => {
    let need = await create({
      kind: 'NIGHT_PATROL_ISSUE',
      channel: 'NIGHT_PATROL',
      category: 'ROADS_AND_DRAINS',
      text: '沟渠不通，积水严重',
      deadline: '2023-06-01T00:00:00.000Z',
    });
    expect(need.overdue).toBe(true);
    const overdue = async () => (await gqlOk(LIST, { filter: { overdue: true }, first: 100 })).needs.edges.map((edge: Rec) => edge.node.id);
    const notOverdue = async () => (await gqlOk(LIST, { filter: { overdue: false }, first: 100 })).needs.edges.map((edge: Rec) => edge.node.id);
    expect(await overdue()).toContain(need.id);
    expect(await notOverdue()).not.toContain(need.id);
    need = (await refer(need, 'XY-ZGH')).need;
    expect(need.overdue).toBe(true);
    need = await moved(need, 'RESOLVED', { resolution: '已疏通' });
    expect(need.overdue).toBe(false);
    expect(await overdue()).not.toContain(need.id);
    expect(await notOverdue()).toContain(need.id);
  });

  it('sets a deadline with a referral: a past one is overdue at once', async () => {
    const need = await create();
    const referred = (await refer(need, 'XY-ZGH', { deadline: '2024-01-01T00:00:00.000Z' })).need;
    expect(referred).toMatchObject({ deadline: '2024-01-01T00:00:00.000Z', overdue: true });
  });
});

describe('anonymous residents', () => {
  it('submit a need within their address’s rate budget and follow it by receipt code, which shows nothing personal', async () => {
    const res = await t.gql(
      SUBMIT,
      { input: { category: 'LIGHTING', stationId, text: '楼道照明灯坏了，晚上看不见', residentName: '张三', residentPhone: '13900001111' } },
      ANONYMOUS_HEADERS,
    );
    expect(res.errors).toBeUndefined();
    // The per-address budget is charged for it like any other request.
    expect(res.headers['ratelimit-remaining']).toBeDefined();
    const { status, userErrors } = res.data.submitNeed;
    expect(userErrors).toEqual([]);
    expect(status).toMatchObject({ state: 'SUBMITTED', kind: 'RESIDENT_NEED', category: 'LIGHTING', timeline: [{ state: 'SUBMITTED', at: expect.any(String) }] });
    const read = await t.gql(STATUS, { code: status.receiptCode.toLowerCase() }, ANONYMOUS_HEADERS);
    expect(read.data.needStatus).toEqual(status);
    const body = JSON.stringify(read.data);
    for (const secret of ['张三', '13900001111', '1111', '楼道照明']) expect(body).not.toContain(secret);

    // The operator sees it, recorded through the online channel by an anonymous actor.
    const listed = (
      await gqlOk(`{ needs(first: 100, filter: { channel: [ONLINE] }) { nodes { receiptCode residentName timeline { nodes { actorKind actorName } } } } }`, {}, fancheng)
    ).needs.nodes;
    const mine = listed.find((need: Rec) => need.receiptCode === status.receiptCode);
    expect(mine).toEqual({ receiptCode: status.receiptCode, residentName: '张三', timeline: { nodes: [{ actorKind: 'ANONYMOUS', actorName: null }] } });

    // Its progress shows the states, never who or what was noted.
    const full = (await gqlOk(`{ needs(first: 100) { nodes { id version receiptCode } } }`)).needs.nodes.find((need: Rec) => need.receiptCode === status.receiptCode);
    await moved(full, 'ON_AGENDA', { note: '内部备注：联系张三' });
    const after = (await t.gql(STATUS, { code: status.receiptCode }, ANONYMOUS_HEADERS)).data.needStatus;
    expect(after.timeline.map((step: Rec) => step.state)).toEqual(['SUBMITTED', 'ON_AGENDA']);
    expect(JSON.stringify(after)).not.toContain('张三');
  });

  it('get null for a code that is not one, and may not read, create or move needs', async () => {
    expect((await t.gql(STATUS, { code: 'ABCDEFGHJKLM' }, ANONYMOUS_HEADERS)).data.needStatus).toBeNull();
    expect((await t.gql(STATUS, { code: 'not a code' }, ANONYMOUS_HEADERS)).data.needStatus).toBeNull();
    const need = await create();
    const read = await t.gql(GET, { id: need.id }, ANONYMOUS_HEADERS);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const node = await t.gql(NODE, { id: need.id }, ANONYMOUS_HEADERS);
    expect(node.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await t.gql(
      `mutation($input: CreateNeedInput!) { createNeed(input: $input) { ${ERRORS} } }`,
      {
        input: { kind: 'RESIDENT_NEED', channel: 'ONLINE', category: 'OTHER', stationId, text: '匿名登记' },
      },
      ANONYMOUS_HEADERS,
    );
    expect(created.data.createNeed.userErrors[0].code).toBe('FORBIDDEN');
    const moveRes = await t.gql(
      `mutation($input: TransitionNeedInput!) { transitionNeed(input: $input) { ${ERRORS} } }`,
      { input: { id: need.id, version: 1, to: 'ON_AGENDA' } },
      ANONYMOUS_HEADERS,
    );
    expect(moveRes.data.transitionNeed.userErrors[0].code).toBe('FORBIDDEN');
    expect((await current(need)).state).toBe('SUBMITTED');
  });

  it('are refused a submission without a place, changing nothing', async () => {
    const res = await t.gql(SUBMIT, { input: { category: 'OTHER', text: '无处可送' } }, ANONYMOUS_HEADERS);
    expect(res.data.submitNeed).toEqual({ status: null, userErrors: [{ field: ['input', 'stationId'], code: 'REQUIRED', message: expect.stringContaining('驿站') }] });
  });
});

describe('who may see and do what', () => {
  let need: Rec;
  beforeAll(async () => {
    need = (await refer(await create(), 'XY-ZGH')).need;
  });

  const reads = async (headers: Record<string, string>) => {
    const viaField = await t.gql(GET, { id: need.id }, headers);
    const viaNode = await t.gql(NODE, { id: need.id }, headers);
    expect(viaField.errors).toBeUndefined();
    expect(viaNode.errors).toBeUndefined();
    return { field: viaField.data.need, node: viaNode.data.node };
  };

  it('shows residents whole to administrators and the operator of the region', async () => {
    for (const headers of [{}, fancheng]) {
      const { field, node } = await reads(headers);
      expect(field).toMatchObject({ residentName: RESIDENT.name, residentPhone: RESIDENT.phone });
      expect(node).toMatchObject({ residentName: RESIDENT.name, residentPhone: RESIDENT.phone });
    }
  });

  it('masks residents for another region’s operator and the department the need is referred to', async () => {
    for (const headers of [xiangcheng, unionPartner]) {
      const { field, node } = await reads(headers);
      expect(field).toMatchObject({ residentName: '王*莲', residentPhone: '138****2345' });
      expect(node).toMatchObject({ residentName: '王*莲', residentPhone: '138****2345' });
    }
    const two = (await refer(await create({ residentName: '王芳' }), 'XY-ZGH')).need;
    expect((await gqlOk(GET, { id: two.id }, unionPartner)).need.residentName).toBe('王*');
  });

  it('gives analysts needs without personal data', async () => {
    const { field, node } = await reads(analyst);
    expect(field).toMatchObject({ residentName: null, residentPhone: null, text: expect.any(String) });
    expect(node).toMatchObject({ residentName: null, residentPhone: null });
  });

  it('shows a partner department only the needs referred to it, through every read', async () => {
    const { field, node } = await reads(otherPartner);
    expect(field).toBeNull();
    expect(node).toBeNull();
    const theirs = (await gqlOk(LIST, { first: 100 }, otherPartner)).needs;
    expect(theirs.totalCount).toBe(0);
    const ours = (await gqlOk(`{ needs(first: 100) { totalCount nodes { referredDepartment { code } } } }`, {}, unionPartner)).needs;
    expect(ours.totalCount).toBeGreaterThan(0);
    expect(new Set(ours.nodes.map((n: Rec) => n.referredDepartment.code))).toEqual(new Set(['XY-ZGH']));
    const timelineStep = (await gqlOk(`query($id: ID!) { need(id: $id) { timeline { nodes { id } } } }`, { id: need.id })).need.timeline.nodes[0].id;
    expect((await gqlOk(`query($id: ID!) { node(id: $id) { id } }`, { id: timelineStep }, otherPartner)).node).toBeNull();
    expect((await gqlOk(`query($id: ID!) { node(id: $id) { id } }`, { id: timelineStep }, unionPartner)).node).toEqual({ id: timelineStep });
  });

  it('keeps a partner department to the needs referred to it in the nested need lists, residents masked, however the parent is reached', async () => {
    const elsewhere = (await refer(await create({ text: '交办人社局' }), 'XY-RSJ')).need;
    const NESTED = `id referredDepartment { code } residentName residentPhone`;
    const viaStation = `query($id: ID!) { station(id: $id) { needs(first: 100) { totalCount nodes { ${NESTED} } } } }`;
    const viaNode = `query($id: ID!) { node(id: $id) { ... on Station { needs(first: 100) { totalCount nodes { id } } } } }`;
    const viaDepartment = `query($code: String!) { department(code: $code) { referredNeeds(first: 100) { totalCount nodes { ${NESTED} } } } }`;
    const all = (await gqlOk(viaStation, { id: stationId })).station.needs;
    const ours = (await gqlOk(LIST, { first: 100, filter: { stationId } }, unionPartner)).needs;
    const theirs = (await gqlOk(viaStation, { id: stationId }, unionPartner)).station.needs;
    // The same rows as the root list gives the partner, and fewer than the station has.
    expect(theirs.totalCount).toBe(ours.totalCount);
    expect(theirs.nodes.map((n: Rec) => n.id)).toEqual(ours.edges.map((edge: Rec) => edge.node.id));
    expect(theirs.nodes.map((n: Rec) => n.id)).toContain(need.id);
    expect(theirs.totalCount).toBeLessThan(all.totalCount);
    expect(all.nodes.map((n: Rec) => n.id)).toContain(elsewhere.id);
    for (const node of theirs.nodes) {
      expect(node.referredDepartment).toEqual({ code: 'XY-ZGH' });
      expect(node.residentName).toMatch(/^王\*/);
      expect(node.residentPhone).toBe('138****2345');
    }
    expect((await gqlOk(viaNode, { id: stationId }, unionPartner)).node.needs).toEqual({ totalCount: theirs.totalCount, nodes: theirs.nodes.map((n: Rec) => ({ id: n.id })) });
    expect((await gqlOk(viaStation, { id: stationId }, otherPartner)).station.needs).toEqual({ totalCount: 1, nodes: [expect.objectContaining({ id: elsewhere.id })] });
    // A department's referred needs: its own whole (residents masked), another department's none.
    const own = (await gqlOk(viaDepartment, { code: 'XY-ZGH' }, unionPartner)).department.referredNeeds;
    expect(own.totalCount).toBeGreaterThanOrEqual(theirs.totalCount);
    expect(own.nodes.every((n: Rec) => n.referredDepartment.code === 'XY-ZGH' && n.residentPhone === '138****2345')).toBe(true);
    expect((await gqlOk(viaDepartment, { code: 'XY-RSJ' }, unionPartner)).department.referredNeeds).toEqual({ totalCount: 0, nodes: [] });
    expect((await gqlOk(viaDepartment, { code: 'XY-RSJ' })).department.referredNeeds.totalCount).toBeGreaterThan(0);
    // A parent from a mutation's payload (not read by the planner) reads its lists by the same rule.
    const noted = (
      await gqlOk(
        `mutation($input: AddNeedNoteInput!) { addNeedNote(input: $input) { need { station { needs(first: 100) { totalCount nodes { id } } } } ${ERRORS} } }`,
        { input: { id: elsewhere.id, version: elsewhere.version, note: '已受理' } },
        otherPartner,
      )
    ).addNeedNote;
    expect(noted.userErrors).toEqual([]);
    expect(noted.need.station.needs).toEqual({ totalCount: 1, nodes: [{ id: elsewhere.id }] });
  });

  it('lets the operator of the region and administrators move needs, the referred department only resolve them', async () => {
    const fresh = await create();
    const outside = await move(fresh, 'ON_AGENDA', {}, xiangcheng);
    expect(outside.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('420602') });
    expect((await move(fresh, 'ON_AGENDA', {}, analyst)).userErrors[0].code).toBe('FORBIDDEN');
    expect((await move(fresh, 'ON_AGENDA', {}, unionPartner)).userErrors[0].code).toBe('NOT_FOUND');
    expect((await refer(fresh, 'XY-ZGH', {}, unionPartner)).userErrors[0].code).toBe('NOT_FOUND');
    const created = (
      await gqlOk(
        `mutation($input: CreateNeedInput!) { createNeed(input: $input) { ${ERRORS} } }`,
        {
          input: { kind: 'RESIDENT_NEED', channel: 'VISIT', category: 'OTHER', stationId, text: '走访收集' },
        },
        xiangcheng,
      )
    ).createNeed;
    expect(created.userErrors[0].code).toBe('FORBIDDEN');

    const inProgress = (await refer(fresh, 'XY-ZGH', {}, {})).need;
    // The referred department reports it resolved and nothing else.
    expect((await move(inProgress, 'LISTED', {}, unionPartner)).userErrors[0]).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('RESOLVED') });
    const otherDept = await move(inProgress, 'RESOLVED', { resolution: '已办' }, otherPartner);
    expect(otherDept.userErrors[0].code).toBe('NOT_FOUND');
    await moved(inProgress, 'RESOLVED', { resolution: '已办' }, unionPartner);
    const resolved = await current(inProgress);
    const closing = await move(resolved, 'CLOSED', { satisfaction: 4 }, unionPartner);
    expect(closing.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('已解决') });
    await moved(resolved, 'CLOSED', { satisfaction: 4 }, fancheng);
  });
});

describe('lists', () => {
  const ids = async (filter: Record<string, unknown>, headers: Record<string, string> = {}) =>
    (await gqlOk(LIST, { filter, first: 100 }, headers)).needs.edges.map((edge: Rec) => edge.node.id) as string[];

  it('filters by state, kind, channel, category, station, region, department and submission window', async () => {
    const start = new Date().toISOString();
    const patrol = await create({ stationId: null, regionCode: SEED.streetCode, kind: 'NIGHT_PATROL_ISSUE', channel: 'NIGHT_PATROL', category: 'CITY_ORDER', text: '占道经营' });
    const charging = await create({ kind: 'CO_BUILDING_PROJECT', channel: 'COURTYARD_TALK', category: 'EV_CHARGING', text: '小区充电桩设置' });
    const referred = (await refer(await create({ category: 'FIRE_SAFETY', text: '消防通道堵塞' }), 'XY-RSJ')).need;
    const end = new Date(Date.now() + 1000).toISOString();

    expect(await ids({ kind: ['NIGHT_PATROL_ISSUE'], submittedFrom: start })).toEqual([patrol.id]);
    expect(await ids({ channel: ['COURTYARD_TALK'], submittedFrom: start })).toEqual([charging.id]);
    expect(await ids({ category: ['EV_CHARGING', 'FIRE_SAFETY'], submittedFrom: start, submittedTo: end })).toEqual([referred.id, charging.id]);
    expect(await ids({ state: ['IN_PROGRESS'], submittedFrom: start })).toEqual([referred.id]);
    expect(await ids({ referredDepartmentCode: 'XY-RSJ', submittedFrom: start })).toEqual([referred.id]);
    expect(await ids({ stationId, submittedFrom: start })).toEqual([referred.id, charging.id]);
    expect(await ids({ regionCode: SEED.streetCode, submittedFrom: start })).toEqual([referred.id, charging.id, patrol.id]);
    expect(await ids({ regionCode: SEED.anjuCommunityCode, submittedFrom: start })).toEqual([referred.id, charging.id]);
    expect(await ids({ regionCode: '420602', submittedFrom: start })).toEqual([]);
    expect(await ids({ submittedFrom: end })).toEqual([]);
    const oldestFirst = (await gqlOk(LIST, { filter: { submittedFrom: start }, orderBy: { field: 'SUBMITTED_AT', direction: 'ASC' }, first: 100 })).needs.edges.map(
      (edge: Rec) => edge.node.id,
    );
    expect(oldestFirst).toEqual([patrol.id, charging.id, referred.id]);
    const window = await t.gql(LIST, { filter: { submittedFrom: end, submittedTo: start } });
    expect(window.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds needs near a point, nearest first, with the distance on the edge', async () => {
    const here = await create({ location: { latitude: 30.5001, longitude: 114.3001 }, text: '此处座椅损坏', category: 'SEATING_AND_PUBLIC_FACILITIES' });
    const further = await create({ location: { latitude: 30.504, longitude: 114.3001 }, text: '稍远处路灯不亮', category: 'LIGHTING' });
    const res = await gqlOk(LIST, { filter: { near: { latitude: 30.5, longitude: 114.3, radiusMetres: 1000 } }, first: 10 });
    expect(res.needs.edges.map((edge: Rec) => edge.node.id)).toEqual([here.id, further.id]);
    expect(res.needs.edges[0].distanceMetres).toBeGreaterThan(5);
    expect(res.needs.edges[0].distanceMetres).toBeLessThan(20);
    expect(res.needs.edges[1].distanceMetres).toBeGreaterThan(400);
    const tight = await gqlOk(LIST, { filter: { near: { latitude: 30.5, longitude: 114.3, radiusMetres: 100 } }, first: 10 });
    expect(tight.needs.edges.map((edge: Rec) => edge.node.id)).toEqual([here.id]);
    const plain = await gqlOk(LIST, { filter: { submittedFrom: new Date(Date.now() - 60_000).toISOString() }, first: 1 });
    expect(plain.needs.edges[0].distanceMetres).toBeNull();
  });

  it('lists a station’s needs and a department’s referred needs as connections', async () => {
    const referred = (await refer(await create({ text: '嵌套列表' }), 'XY-FGW')).need;
    const station = (await gqlOk(`query($id: ID!) { station(id: $id) { needs(first: 1) { totalCount nodes { id } } } }`, { id: stationId }, analyst)).station.needs;
    expect(station.nodes).toEqual([{ id: referred.id }]);
    expect(station.totalCount).toBeGreaterThan(5);
    const department = (await gqlOk(`{ department(code: "XY-FGW") { referredNeeds(first: 10, state: [IN_PROGRESS]) { totalCount nodes { id } } } }`, {}, fancheng)).department
      .referredNeeds;
    expect(department).toEqual({ totalCount: 1, nodes: [{ id: referred.id }] });
    const overdueOnly = (await gqlOk(`{ department(code: "XY-FGW") { referredNeeds(first: 10, overdue: true) { totalCount } } }`)).department.referredNeeds;
    expect(overdueOnly.totalCount).toBe(0);
  });
});

describe('the change feed', () => {
  it('carries needs and their transitions, without the resident’s personal data', async () => {
    const head = (await gqlOk(`{ changesHead }`)).changesHead;
    const need = await create();
    await moved(need, 'ON_AGENDA');
    const feed = await feedOnce(
      `query($after: String) { changes(after: $after, types: [NEED, NEED_TRANSITION], first: 50) { changes { operation recordType recordId version record { id ... on Need { state } ... on NeedTransition { toState need { id } } } } } }`,
      head,
      analyst,
      // Changes of earlier tests that became visible only after the head may follow it too.
      (change) => change.recordId === need.id || change.record?.need?.id === need.id,
      4,
    );
    const localId = Buffer.from(need.id, 'base64url').toString().split(':')[1];
    expect(feed.filter((change: Rec) => change.recordType === 'NEED')).toEqual([
      { operation: 'CREATE', recordType: 'NEED', recordId: need.id, version: 1, record: { id: need.id, state: 'ON_AGENDA' } },
      { operation: 'UPDATE', recordType: 'NEED', recordId: toGlobalId('Need', localId), version: 2, record: { id: need.id, state: 'ON_AGENDA' } },
    ]);
    expect(feed.filter((change: Rec) => change.recordType === 'NEED_TRANSITION').map((change: Rec) => [change.operation, change.record.toState])).toEqual([
      ['CREATE', 'SUBMITTED'],
      ['CREATE', 'ON_AGENDA'],
    ]);
    const audit = (
      await gqlOk(`query($types: [ChangeRecordType!]) { auditEvents(first: 10, filter: { recordType: $types }) { nodes { recordType changes { field after } } } }`, {
        types: ['NEED'],
      })
    ).auditEvents.nodes;
    const text = JSON.stringify(audit);
    expect(text).toContain('小区台阶破损');
    expect(text).not.toContain(RESIDENT.name);
    expect(text).not.toContain('1234');
    expect(text).not.toContain(need.receiptCode);
  });

  it('hands a partner department the records of needs referred to it only', async () => {
    const head = (await gqlOk(`{ changesHead }`)).changesHead;
    const ours = (await refer(await create(), 'XY-ZGH')).need;
    const feed = (headers: Record<string, string>) =>
      feedOnce(
        `query($after: String) { changes(after: $after, types: [NEED], first: 50) { changes { recordId record { id } } } }`,
        head,
        headers,
        (change) => change.recordId === ours.id,
        2,
      );
    expect((await feed(unionPartner)).map((change: Rec) => change.record)).toEqual([{ id: ours.id }, { id: ours.id }]);
    expect((await feed(otherPartner)).map((change: Rec) => change.record)).toEqual([null, null]);
  });

  it('lets a partner subscribe webhooks to needs and their transitions', async () => {
    const res = await gqlOk(
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { webhookSubscription { types } ${ERRORS} } }`,
      { input: { url: 'https://hooks.example.cn/yizhan', types: ['NEED', 'NEED_TRANSITION'] } },
      unionPartner,
    );
    expect(res.createWebhookSubscription).toEqual({ webhookSubscription: { types: ['NEED', 'NEED_TRANSITION'] }, userErrors: [] });
  });
});

describe('the rate budget of anonymous submissions', () => {
  /** A per-address budget that barely refills: a few submissions spend it. */
  const limited = useTestApp({ QUERY_MAX_COST: 'ANONYMOUS:40', RATE_LIMIT_BUDGETS: 'ANONYMOUS:40/1' });

  it('charges each submission to the caller’s address and refuses, creating nothing, once it is spent', async () => {
    const station = (await limited.gql(`query($code: String!) { station(code: $code) { id } }`, { code: STATION_PROFILE.anjuStationCode })).data.station.id;
    const submit = () => limited.gql(SUBMIT, { input: { category: 'SANITATION', stationId: station, text: '垃圾清运不及时' } }, ANONYMOUS_HEADERS);
    let accepted = 0;
    let refused: Awaited<ReturnType<typeof submit>> | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await submit();
      if (res.status === 429) refused = res;
      else {
        expect(res.data.submitNeed.userErrors).toEqual([]);
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(0);
    expect(refused?.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const stored = (await limited.gql(`query($station: ID!) { needs(first: 1, filter: { channel: [ONLINE], stationId: $station }) { totalCount } }`, { station })).data.needs
      .totalCount;
    expect(stored).toBe(accepted);
  });
});
