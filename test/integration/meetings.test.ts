import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE } from '../helpers/fixtures';

// Subscriptions may name a local receiver (the webhook loop itself stays off).
const t = useTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });

type Rec = Record<string, any>;
const ERRORS = `userErrors { field code message }`;
const MEETING_FIELDS = `id heldOn title attendeeCount attendees version region { code } station { id } venue { id name }`;
const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { ${MEETING_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { ${MEETING_FIELDS} } ${ERRORS} } }`;
const ITEM_FIELDS = `id position decision decisionReason decidedAt version meeting { id title } need { id state rejectionReason referredDepartment { code } } referredDepartment { code }`;
const ADD = `mutation($input: AddNeedToAgendaInput!) { addNeedToAgenda(input: $input) { agendaItem { ${ITEM_FIELDS} } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideAgendaItemInput!) { decideAgendaItem(input: $input) { agendaItem { ${ITEM_FIELDS} } ${ERRORS} } }`;
const NEED = `query($id: ID!) { need(id: $id) { id state version timeline(first: 20) { nodes { fromState toState note } }
  agendaItems(first: 5) { nodes { decision meeting { title } } } } }`;

const LIST = `query($filter: MeetingFilter) { meetings(first: 50, filter: $filter) { totalCount nodes { id heldOn } } }`;

let operator: Record<string, string>;
let otherOperator: Record<string, string>;
let analyst: Record<string, string>;
let partner: Record<string, string>;
let stationId: string;

async function gqlOk(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function newNeed(overrides: Record<string, unknown> = {}): Promise<Rec> {
  const data = await gqlOk(
    `mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id state version } ${ERRORS} } }`,
    { input: { kind: 'RESIDENT_NEED', channel: 'COURTYARD_TALK', category: 'SEATING_AND_PUBLIC_FACILITIES', stationId, text: '希望在小区广场添置露天座椅。', ...overrides } },
    operator,
  );
  expect(data.createNeed.userErrors).toEqual([]);
  return data.createNeed.need;
}

async function newMeeting(overrides: Record<string, unknown> = {}, headers = operator): Promise<Rec> {
  const data = await gqlOk(CREATE, { input: { regionCode: SEED.anjuCommunityCode, stationId, title: '安居社区民生议事厅', ...overrides } }, headers);
  expect(data.createMeeting.userErrors).toEqual([]);
  return data.createMeeting.meeting;
}

/** A deliberation venue of the 安居 community. */
async function newVenue(name: string): Promise<Rec> {
  const data = await gqlOk(
    `mutation($input: CreateDeliberationVenueInput!) { createDeliberationVenue(input: $input) { deliberationVenue { id name } ${ERRORS} } }`,
    { input: { name, kind: 'DELIBERATION_PAVILION', regionCode: SEED.anjuCommunityCode } },
    operator,
  );
  expect(data.createDeliberationVenue.userErrors).toEqual([]);
  return data.createDeliberationVenue.deliberationVenue;
}

async function add(meeting: Rec, need: Rec): Promise<Rec> {
  return (await gqlOk(ADD, { input: { meetingId: meeting.id, needId: need.id, needVersion: need.version } }, operator)).addNeedToAgenda;
}

async function decide(item: Rec, input: Record<string, unknown>, headers = operator): Promise<Rec> {
  return (await gqlOk(DECIDE, { input: { id: item.id, version: item.version, ...input } }, headers)).decideAgendaItem;
}

async function needNow(id: string): Promise<Rec> {
  return (await gqlOk(NEED, { id })).need;
}

beforeAll(async () => {
  operator = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  otherOperator = await t.clientHeaders({ name: '襄城区操作员', roles: ['REGION_OPERATOR'], regionCode: '420602' });
  analyst = await t.clientHeaders({ name: '分析员', roles: ['ANALYST'] });
  partner = await t.clientHeaders({ name: '市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
  stationId = (await gqlOk(`query($code: String!) { station(code: $code) { id } }`, { code: STATION_PROFILE.anjuStationCode })).station.id;
});

describe('recording a meeting', () => {
  it('records a community’s meeting on this week’s Wednesday unless told, with its attendees, and changes it at the version read', async () => {
    const venue = await newVenue('安居连心园');
    const meeting = await newMeeting({ venueId: venue.id, attendeeCount: 12, attendees: '社区党委书记、居民代表8名、物业公司、共建单位代表' });
    expect(meeting).toMatchObject({ title: '安居社区民生议事厅', attendeeCount: 12, region: { code: SEED.anjuCommunityCode }, station: { id: stationId }, venue, version: 1 });
    expect(new Date(`${meeting.heldOn}T00:00:00Z`).getUTCDay()).toBe(3);
    expect(Math.abs(Date.parse(`${meeting.heldOn}T12:00:00+08:00`) - Date.now())).toBeLessThan(4 * 24 * 3600 * 1000);

    const updated = (await gqlOk(UPDATE, { input: { id: meeting.id, version: 1, heldOn: '2023-05-10', attendeeCount: 15 } }, operator)).updateMeeting;
    expect(updated.userErrors).toEqual([]);
    expect(updated.meeting).toMatchObject({ heldOn: '2023-05-10', attendeeCount: 15, version: 2 });
    const stale = (await gqlOk(UPDATE, { input: { id: meeting.id, version: 1, title: '过期修改' } }, operator)).updateMeeting;
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  it('refuses bad input in Chinese (blank title, phone numbers among attendees, another region) and records nothing', async () => {
    const before = (await gqlOk(`query($code: String!) { meetings(first: 1, filter: { regionCode: $code }) { totalCount } }`, { code: SEED.anjuCommunityCode })).meetings
      .totalCount;
    const bad = (await gqlOk(CREATE, { input: { regionCode: SEED.anjuCommunityCode, title: '  ', attendees: '居民代表王大爷 138 7101 2345', attendeeCount: -1 } }, operator))
      .createMeeting;
    expect(bad.meeting).toBeNull();
    expect(bad.userErrors.map((error: Rec) => error.field[1]).sort()).toEqual(['attendeeCount', 'attendees', 'title']);
    expect(bad.userErrors.find((error: Rec) => error.field[1] === 'attendees').message).toContain('电话');
    const outside = (await gqlOk(CREATE, { input: { regionCode: SEED.anjuCommunityCode, title: '越权会议' } }, otherOperator)).createMeeting;
    expect(outside.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const street = (await gqlOk(CREATE, { input: { regionCode: SEED.streetCode, title: '街道会议' } }, operator)).createMeeting;
    expect(street.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'regionCode'] })]);
    const after = (await gqlOk(`query($code: String!) { meetings(first: 1, filter: { regionCode: $code }) { totalCount } }`, { code: SEED.anjuCommunityCode })).meetings.totalCount;
    expect(after).toBe(before);
  });
});

describe('a station’s meeting or a community’s', () => {
  const STATION_MEETINGS = `query($id: ID!) { station(id: $id) { meetings(first: 50) { totalCount nodes { id heldOn } } } }`;
  const stationOf = async (code: string) => (await gqlOk(`query($code: String!) { station(code: $code) { id } }`, { code })).station.id as string;

  it('records a station’s meeting from the station alone, in the station’s community, and a community’s without a station', async () => {
    const ofStation = await newMeeting({ regionCode: undefined, title: '驿站议事会', heldOn: '2023-06-07' });
    expect(ofStation).toMatchObject({ region: { code: SEED.anjuCommunityCode }, station: { id: stationId } });
    const ofCommunity = await newMeeting({ stationId: undefined, title: '社区议事会', heldOn: '2023-06-14' });
    expect(ofCommunity).toMatchObject({ region: { code: SEED.anjuCommunityCode }, station: null });
    // The station lists its own meetings, latest first, as the root list filtered by it does; not the community's.
    const nested = (await gqlOk(STATION_MEETINGS, { id: stationId }, analyst)).station.meetings;
    const ids = nested.nodes.map((node: Rec) => node.id);
    expect(ids).toContain(ofStation.id);
    expect(ids).not.toContain(ofCommunity.id);
    const root = (await gqlOk(LIST, { filter: { stationId } }, analyst)).meetings;
    expect(nested).toEqual({ totalCount: root.totalCount, nodes: root.nodes.map((node: Rec) => ({ id: node.id, heldOn: node.heldOn })) });
    expect(nested.nodes.map((node: Rec) => node.heldOn)).toEqual([...nested.nodes.map((node: Rec) => node.heldOn)].sort().reverse());
    const viaNode = (await gqlOk(`query($id: ID!) { node(id: $id) { ... on Station { meetings(first: 50) { totalCount } } } }`, { id: stationId }, partner)).node;
    expect(viaNode.meetings.totalCount).toBe(nested.totalCount);
    const anonymous = await t.gql(STATION_MEETINGS, { id: stationId }, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('needs a station or a community, one of the operator’s own, and a station of the community given; refused, it records nothing', async () => {
    const count = async () => (await gqlOk(`{ meetings(first: 1) { totalCount } }`)).meetings.totalCount;
    const before = await count();
    const none = (await gqlOk(CREATE, { input: { title: '无处召开' } }, operator)).createMeeting;
    expect(none).toEqual({ meeting: null, userErrors: [{ field: ['input', 'stationId'], code: 'REQUIRED', message: expect.stringContaining('至少一项') }] });
    const wangzhai = await stationOf(STATION_PROFILE.wangzhaiHubCode);
    const mismatch = (await gqlOk(CREATE, { input: { regionCode: SEED.anjuCommunityCode, stationId: wangzhai, title: '错配' } }, operator)).createMeeting;
    expect(mismatch.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'INVALID' })]);
    const outside = (await gqlOk(CREATE, { input: { stationId, title: '越权' } }, otherOperator)).createMeeting;
    expect(outside.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'FORBIDDEN' })]);
    const notAStation = (await gqlOk(CREATE, { input: { stationId: SEED.anjuCommunityCode, title: '坏编号' } }, operator)).createMeeting;
    expect(notAStation.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'INVALID' })]);
    expect(await count()).toBe(before);
  });

  it('clears the station, venue and attendees with null, keeps what is omitted, and null leaves the day and title', async () => {
    const venue = await newVenue('安居议事亭');
    const meeting = await newMeeting({ venueId: venue.id, heldOn: '2023-06-21', attendeeCount: 9, attendees: '居民代表、物业' });
    const kept = (await gqlOk(UPDATE, { input: { id: meeting.id, version: 1, title: null, heldOn: null, attendeeCount: 10 } }, operator)).updateMeeting;
    expect(kept.userErrors).toEqual([]);
    expect(kept.meeting).toMatchObject({
      title: meeting.title,
      heldOn: '2023-06-21',
      attendeeCount: 10,
      attendees: '居民代表、物业',
      venue,
      station: { id: stationId },
      version: 2,
    });
    const wangzhai = await stationOf(STATION_PROFILE.wangzhaiHubCode);
    const elsewhere = (await gqlOk(UPDATE, { input: { id: meeting.id, version: 2, stationId: wangzhai } }, operator)).updateMeeting;
    expect(elsewhere.userErrors).toEqual([expect.objectContaining({ field: ['input', 'stationId'], code: 'INVALID' })]);
    const cleared = (await gqlOk(UPDATE, { input: { id: meeting.id, version: 2, venueId: null, stationId: null, attendeeCount: null, attendees: null } }, operator)).updateMeeting;
    expect(cleared.userErrors).toEqual([]);
    expect(cleared.meeting).toMatchObject({ venue: null, station: null, attendeeCount: null, attendees: null, region: { code: SEED.anjuCommunityCode }, version: 3 });
    expect((await gqlOk(STATION_MEETINGS, { id: stationId }, analyst)).station.meetings.nodes.map((node: Rec) => node.id)).not.toContain(meeting.id);
    const back = (await gqlOk(UPDATE, { input: { id: meeting.id, version: 3, stationId, venueId: venue.id } }, operator)).updateMeeting;
    expect(back.meeting).toMatchObject({ venue, station: { id: stationId }, version: 4 });
    // The audit trail records each clearing.
    const audit = (await gqlOk(`query($id: ID!) { auditEvents(first: 10, filter: { recordId: $id }) { nodes { version changes { field before after } } } }`, { id: meeting.id }))
      .auditEvents.nodes;
    const third = audit.find((event: Rec) => event.version === 3);
    expect(third.changes.map((change: Rec) => change.field).sort()).toEqual(expect.arrayContaining(['venue', 'station']));
  });
});

describe('the agenda and its decisions', () => {
  it('puts submitted needs on the agenda and decides each kind, moving the needs and naming the meeting in their timelines', async () => {
    const meeting = await newMeeting({ title: '五月第二周民生议事厅', heldOn: '2023-05-10' });
    const [listed, rejected, referred] = [
      await newNeed(),
      await newNeed({ text: '要求拆除邻居合法加装的电梯。' }),
      await newNeed({ text: '小区门口道路破损积水。', category: 'ROADS_AND_DRAINS' }),
    ];
    const items: Rec[] = [];
    for (const need of [listed, rejected, referred]) {
      const result = await add(meeting, need);
      expect(result.userErrors).toEqual([]);
      expect(result.agendaItem).toMatchObject({ decision: null, decidedAt: null, need: { id: need.id, state: 'ON_AGENDA' }, meeting: { id: meeting.id } });
      items.push(result.agendaItem);
    }
    expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
    expect((await needNow(listed.id)).timeline.nodes.at(-1)).toEqual({
      fromState: 'SUBMITTED',
      toState: 'ON_AGENDA',
      note: '列入民生议事厅“五月第二周民生议事厅”（2023-05-10）议程',
    });

    // The same need twice: it is ON_AGENDA now, so the move is refused and nothing changes.
    const twice = await add(meeting, await needNow(listed.id));
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);

    const list = await decide(items[0], { decision: 'LISTED', reason: '纳入本月微实事清单' });
    expect(list.userErrors).toEqual([]);
    expect(list.agendaItem).toMatchObject({ decision: 'LISTED', decisionReason: '纳入本月微实事清单', need: { state: 'LISTED' }, referredDepartment: null });
    expect(list.agendaItem.decidedAt).toEqual(expect.any(String));

    const noReason = await decide(items[1], { decision: 'REJECTED' });
    expect(noReason.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'reason'], message: expect.stringContaining('理由') })]);
    expect((await needNow(rejected.id)).state).toBe('ON_AGENDA');
    const reject = await decide(items[1], { decision: 'REJECTED', reason: '属于合法加装，不予支持' });
    expect(reject.agendaItem).toMatchObject({ decision: 'REJECTED', need: { state: 'REJECTED', rejectionReason: '属于合法加装，不予支持' } });

    const noDepartment = await decide(items[2], { decision: 'REFERRED' });
    expect(noDepartment.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'departmentCode'] })]);
    const refer = await decide(items[2], { decision: 'REFERRED', departmentCode: 'XY-ZGH', reason: '限期一个月修复' });
    expect(refer.userErrors).toEqual([]);
    expect(refer.agendaItem).toMatchObject({
      decision: 'REFERRED',
      referredDepartment: { code: 'XY-ZGH' },
      need: { state: 'IN_PROGRESS', referredDepartment: { code: 'XY-ZGH' } },
    });

    for (const [need, toState, words] of [
      [listed, 'LISTED', '列入微实事清单'],
      [rejected, 'REJECTED', '不予受理'],
      [referred, 'IN_PROGRESS', '交办部门'],
    ] as const) {
      const read = await needNow(need.id);
      expect(read.state).toBe(toState);
      const last = read.timeline.nodes.at(-1);
      expect(last).toMatchObject({ fromState: 'ON_AGENDA', toState });
      expect(last.note).toContain('民生议事厅“五月第二周民生议事厅”（2023-05-10）决定：');
      expect(last.note).toContain(words);
      expect(read.agendaItems.nodes).toEqual([
        { decision: last.note.includes('列入微实事清单') ? 'LISTED' : toState === 'REJECTED' ? 'REJECTED' : 'REFERRED', meeting: { title: '五月第二周民生议事厅' } },
      ]);
    }

    const again = await decide(list.agendaItem, { decision: 'REJECTED', reason: '改变主意' });
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'] })]);
    expect((await needNow(listed.id)).state).toBe('LISTED');

    const agenda = (await gqlOk(`query($id: ID!) { meeting(id: $id) { agenda(first: 10) { totalCount nodes { position decision need { id } } } } }`, { id: meeting.id }, analyst))
      .meeting.agenda;
    expect(agenda).toEqual({
      totalCount: 3,
      nodes: [
        { position: 1, decision: 'LISTED', need: { id: listed.id } },
        { position: 2, decision: 'REJECTED', need: { id: rejected.id } },
        { position: 3, decision: 'REFERRED', need: { id: referred.id } },
      ],
    });
  });

  it('keeps needs of other places off a community’s agenda, and other regions’ operators off its decisions', async () => {
    const meeting = await newMeeting({ title: '议程范围测试' });
    const streetNeed = await newNeed({ stationId: null, regionCode: SEED.streetCode });
    const refused = await add(meeting, streetNeed);
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'needId'], message: expect.stringContaining('社区') })]);
    expect((await needNow(streetNeed.id)).state).toBe('SUBMITTED');

    const need = await newNeed();
    const item = (await add(meeting, need)).agendaItem;
    const outside = await decide(item, { decision: 'LISTED' }, otherOperator);
    expect(outside.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const byOther = (await gqlOk(ADD, { input: { meetingId: meeting.id, needId: (await newNeed()).id, needVersion: 1 } }, otherOperator)).addNeedToAgenda;
    expect(byOther.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const anonymous = await gqlOk(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { ${ERRORS} } }`,
      { input: { regionCode: SEED.anjuCommunityCode, title: '匿名会议' } },
      ANONYMOUS_HEADERS,
    );
    expect(anonymous.createMeeting.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await needNow(need.id)).state).toBe('ON_AGENDA');
  });
});

describe('reading meetings', () => {
  it('lists meetings by region, station and date window; partners read meetings and only the agenda items of needs referred to them; anonymous callers nothing', async () => {
    const early = await newMeeting({ title: '三月民生议事厅', heldOn: '2023-03-08' });
    const late = await newMeeting({ title: '四月民生议事厅', heldOn: '2023-04-12' });

    const windowed = (await gqlOk(LIST, { filter: { regionCode: SEED.fanchengCode, heldFrom: '2023-03-01', heldTo: '2023-04-30' } }, analyst)).meetings;
    expect(windowed.nodes.map((node: Rec) => node.id)).toEqual(expect.arrayContaining([late.id, early.id]));
    expect(windowed.nodes.findIndex((node: Rec) => node.id === late.id)).toBeLessThan(windowed.nodes.findIndex((node: Rec) => node.id === early.id));
    expect(windowed.nodes.every((node: Rec) => node.heldOn >= '2023-03-01' && node.heldOn <= '2023-04-30')).toBe(true);
    const ORDERED = `query($filter: MeetingFilter, $orderBy: MeetingOrder) { meetings(first: 50, filter: $filter, orderBy: $orderBy) { nodes { id heldOn createdAt } } }`;
    const window = { regionCode: SEED.fanchengCode, heldFrom: '2023-03-01', heldTo: '2023-04-30' };
    const oldestFirst = (await gqlOk(ORDERED, { filter: window, orderBy: { field: 'HELD_ON', direction: 'ASC' } })).meetings.nodes;
    expect(oldestFirst.map((node: Rec) => node.heldOn)).toEqual(oldestFirst.map((node: Rec) => node.heldOn).sort());
    expect(oldestFirst.findIndex((node: Rec) => node.id === early.id)).toBeLessThan(oldestFirst.findIndex((node: Rec) => node.id === late.id));
    const recorded = (await gqlOk(ORDERED, { filter: window, orderBy: { field: 'CREATED_AT' } })).meetings.nodes;
    expect(recorded.map((node: Rec) => node.createdAt)).toEqual(
      recorded
        .map((node: Rec) => node.createdAt)
        .sort()
        .reverse(),
    );
    const march = (await gqlOk(LIST, { filter: { stationId, heldFrom: '2023-03-01', heldTo: '2023-03-31' } })).meetings;
    expect(march.nodes.map((node: Rec) => node.id)).toContain(early.id);
    expect(march.nodes.map((node: Rec) => node.id)).not.toContain(late.id);
    const xiangcheng = (await gqlOk(LIST, { filter: { regionCode: '420602' } })).meetings;
    expect(xiangcheng.nodes.map((node: Rec) => node.id)).not.toContain(early.id);
    const badWindow = await t.gql(LIST, { filter: { heldFrom: '2023-04-01', heldTo: '2023-03-01' } });
    expect(badWindow.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const need = await newNeed();
    const item = (await add(late, need)).agendaItem;
    expect((await gqlOk(`query($id: ID!) { meeting(id: $id) { id title } }`, { id: late.id }, partner)).meeting).toEqual({ id: late.id, title: '四月民生议事厅' });
    // The agenda keeps a partner to the items of needs referred to it: none until the meeting refers one there.
    const AGENDA = `query($id: ID!) { meeting(id: $id) { agenda(first: 5) { totalCount nodes { id need { id referredDepartment { code } } } } } }`;
    expect((await gqlOk(AGENDA, { id: late.id }, partner)).meeting.agenda).toEqual({ totalCount: 0, nodes: [] });
    expect((await gqlOk(AGENDA, { id: late.id }, analyst)).meeting.agenda.totalCount).toBe(1);
    const NODE = `query($id: ID!) { node(id: $id) { id ... on MeetingAgendaItem { position need { id } } } }`;
    expect((await gqlOk(NODE, { id: item.id }, partner)).node).toBeNull();
    expect((await gqlOk(NODE, { id: item.id }, analyst)).node).toEqual({ id: item.id, position: 1, need: { id: need.id } });
    const referred = (await decide(item, { decision: 'REFERRED', departmentCode: 'XY-ZGH' })).agendaItem;
    expect((await gqlOk(AGENDA, { id: late.id }, partner)).meeting.agenda).toEqual({
      totalCount: 1,
      nodes: [{ id: item.id, need: { id: need.id, referredDepartment: { code: 'XY-ZGH' } } }],
    });
    expect((await gqlOk(NODE, { id: referred.id }, partner)).node).toEqual({ id: item.id, position: 1, need: { id: need.id } });
    const anonymous = await t.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: late.id }, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('hands meetings and agenda items out in the change feed and lets webhooks subscribe to them', async () => {
    const meeting = await newMeeting({ title: '变更流议事厅' });
    const item = (await add(meeting, await newNeed())).agendaItem;
    await decide(item, { decision: 'LISTED' });
    const deadline = Date.now() + 30_000;
    let mine: Rec[] = [];
    while (Date.now() < deadline) {
      const changes = (await gqlOk(`{ changes(types: [MEETING, MEETING_AGENDA_ITEM], first: 200) { changes { operation recordType recordId } } }`)).changes.changes as Rec[];
      mine = changes.filter((change) => change.recordId === meeting.id || change.recordId === item.id);
      if (mine.length >= 4) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(mine.map((change) => [change.recordType, change.operation])).toEqual(
      expect.arrayContaining([
        ['MEETING', 'CREATE'],
        ['MEETING_AGENDA_ITEM', 'CREATE'],
        ['MEETING_AGENDA_ITEM', 'UPDATE'],
      ]),
    );
    const subscriber = await t.clientHeaders({ name: '议事推送接收', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    const subscribed = await gqlOk(
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { webhookSubscription { types } ${ERRORS} } }`,
      { input: { url: 'http://127.0.0.1:9/hooks', types: ['MEETING', 'MEETING_AGENDA_ITEM'] } },
      subscriber,
    );
    expect(subscribed.createWebhookSubscription.userErrors).toEqual([]);
    expect(subscribed.createWebhookSubscription.webhookSubscription.types).toEqual(['MEETING', 'MEETING_AGENDA_ITEM']);
  });
});
