import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE } from '../helpers/fixtures';

// Subscriptions may name a local receiver (the webhook loop itself stays off).
const t = useTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });

type Rec = Record<string, any>;
const ERRORS = `userErrors { field code message }`;
const TEAM_FIELDS = `id name kind sentDownAt sentDown active version region { code } station { code } organization { id name }`;
const CREATE = `mutation($input: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $input) { volunteerTeam { ${TEAM_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateVolunteerTeamInput!) { updateVolunteerTeam(input: $input) { volunteerTeam { ${TEAM_FIELDS} } ${ERRORS} } }`;
const ARCHIVE = `mutation($input: ArchiveVolunteerTeamInput!) { archiveVolunteerTeam(input: $input) { volunteerTeam { ${TEAM_FIELDS} } ${ERRORS} } }`;
const ADD_MEMBER = `mutation($input: AddVolunteerTeamMemberInput!) { addVolunteerTeamMember(input: $input) {
  member { id name phone role joinedOn version team { id } } ${ERRORS} } }`;
const REMOVE_MEMBER = `mutation($input: RemoveVolunteerTeamMemberInput!) { removeVolunteerTeamMember(input: $input) { removedId ${ERRORS} } }`;
const TEAM_WITH_MEMBERS = `query($id: ID!) { volunteerTeam(id: $id) { id name members(first: 10) { totalCount nodes { id name phone role } } } }`;
const MEMBER_NODE = `query($id: ID!) { node(id: $id) { id ... on VolunteerTeamMember { name phone role team { name } } } }`;
const LIST = `query($filter: VolunteerTeamFilter, $orderBy: VolunteerTeamOrder, $first: Int, $after: String) {
  volunteerTeams(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`;

/** 襄城区: another district than the 安居 community's 樊城区. */
const XIANGCHENG_DISTRICT = '420602';
/** 檀溪社区 (襄城区), which has a station. */
const XIANGCHENG_COMMUNITY = '420602001008';
/** A community of 王寨街道 other than 安居 (its hub station is there). */
const OTHER_COMMUNITY_STATION = STATION_PROFILE.wangzhaiHubCode;

async function gqlOk(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function stationId(code: string): Promise<string> {
  return (await gqlOk(`query($code: String!) { station(code: $code) { id } }`, { code })).station.id;
}

/**
 * The change feed of these types, read from the start until `done` holds for what it handed out.
 * The feed's horizon spans the whole server (other test files' open transactions hold it back for
 * a moment), so it is polled with a deadline.
 */
async function feedUntil(types: string[], selection: string, done: (changes: Rec[]) => boolean): Promise<Rec[]> {
  const changes: Rec[] = [];
  let cursor: string | null = null;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page: Rec = (
      await gqlOk(`query($after: String, $types: [ChangeRecordType!]) { changes(after: $after, types: $types, first: 200) { endCursor hasMore changes { ${selection} } } }`, {
        after: cursor,
        types,
      })
    ).changes;
    changes.push(...page.changes);
    cursor = page.endCursor;
    if (done(changes) && !page.hasMore) return changes;
    if (Date.now() > deadline) return changes;
    if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let sequence = 0;
async function newTeam(overrides: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Rec> {
  sequence++;
  const data = await gqlOk(CREATE, { input: { name: `安居社区帮帮团${sequence}`, kind: 'HELP_TEAM', regionCode: SEED.anjuCommunityCode, ...overrides } }, headers);
  expect(data.createVolunteerTeam.userErrors).toEqual([]);
  return data.createVolunteerTeam.volunteerTeam;
}

async function addMember(teamId: string, overrides: Record<string, unknown> = {}): Promise<Rec> {
  const data = await gqlOk(ADD_MEMBER, { input: { teamId, name: '张三丰', phone: '138 7101 2345', role: 'LEADER', joinedOn: '2023-05-04', ...overrides } });
  expect(data.addVolunteerTeamMember.userErrors).toEqual([]);
  return data.addVolunteerTeamMember.member;
}

const callers: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  callers.fanchengOperator = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  callers.xiangchengOperator = await t.clientHeaders({ name: '襄城区操作员', roles: ['REGION_OPERATOR'], regionCode: XIANGCHENG_DISTRICT });
  callers.partner = await t.clientHeaders({ name: '市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
  callers.analyst = await t.clientHeaders({ name: '分析员', roles: ['ANALYST'] });
});

describe('volunteer teams', () => {
  it('registers a team of a community at one of its stations, changes it at the version read, and archives it', async () => {
    const anjuStation = await stationId(STATION_PROFILE.anjuStationCode);
    const organization = (
      await gqlOk(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name } ${ERRORS} } }`, {
        input: { name: '樊城区机关志愿服务队', kind: 'VOLUNTEER_ORG', contactName: '周红梅', contactPhone: '0710-3222333', regionCode: SEED.fanchengCode },
      })
    ).createOrganization.organization;
    const team = await newTeam({ name: '  区直机关下沉队  ', kind: 'ORGAN_TEAM', stationId: anjuStation, organizationId: organization.id, sentDownAt: '2023-03-01' });
    expect(team).toMatchObject({
      name: '区直机关下沉队',
      kind: 'ORGAN_TEAM',
      sentDownAt: '2023-03-01',
      sentDown: true,
      active: true,
      version: 1,
      region: { code: SEED.anjuCommunityCode },
      station: { code: STATION_PROFILE.anjuStationCode },
      organization: { id: organization.id },
    });

    const updated = (await gqlOk(UPDATE, { input: { id: team.id, version: 1, name: '区直机关志愿队', stationId: null, sentDownAt: null } })).updateVolunteerTeam;
    expect(updated.userErrors).toEqual([]);
    expect(updated.volunteerTeam).toMatchObject({ name: '区直机关志愿队', station: null, sentDownAt: null, sentDown: false, version: 2 });

    const stale = (await gqlOk(UPDATE, { input: { id: team.id, version: 1, name: '旧版本' } })).updateVolunteerTeam;
    expect(stale.volunteerTeam).toBeNull();
    expect(stale.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    expect(stale.userErrors[0].message).toContain('该志愿服务队伍已被他人修改');

    const archived = (await gqlOk(ARCHIVE, { input: { id: team.id, version: 2 } })).archiveVolunteerTeam;
    expect(archived.userErrors).toEqual([]);
    expect(archived.volunteerTeam).toMatchObject({ active: false, version: 3 });
    const again = (await gqlOk(ARCHIVE, { input: { id: team.id, version: 3 } })).archiveVolunteerTeam;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'ARCHIVED', message: '该志愿服务队伍已归档。' })]);

    const refused = (await gqlOk(ADD_MEMBER, { input: { teamId: team.id, name: '李四' } })).addVolunteerTeamMember;
    expect(refused.member).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'teamId'], code: 'ARCHIVED' })]);
    expect(refused.userErrors[0].message).toContain('已归档，不能再添加队员');
  });

  it('refuses bad input with Chinese messages and changes nothing', async () => {
    const before = (await gqlOk(`{ volunteerTeams(first: 1) { totalCount } }`)).volunteerTeams.totalCount;
    const otherStation = await stationId(OTHER_COMMUNITY_STATION);
    const cases: [Record<string, unknown>, string[], string, string][] = [
      [{ name: '   ' }, ['input', 'name'], 'REQUIRED', '请填写队伍名称。'],
      [{ name: '队'.repeat(101) }, ['input', 'name'], 'TOO_LONG', '队伍名称不能超过 100 个字。'],
      [{ regionCode: SEED.streetCode }, ['input', 'regionCode'], 'INVALID', '志愿服务队伍须挂在社区或村一级'],
      [{ regionCode: '420606999999' }, ['input', 'regionCode'], 'NOT_FOUND', '找不到行政区划代码'],
      [{ sentDownAt: '2999-01-01' }, ['input', 'sentDownAt'], 'INVALID', '下沉日期不能晚于今天'],
      [{ stationId: otherStation }, ['input', 'stationId'], 'INVALID', '不在该志愿服务队伍所在的社区'],
      [{ organizationId: 'not-an-id' }, ['input', 'organizationId'], 'INVALID', '这不是组织的 ID'],
    ];
    for (const [overrides, field, code, message] of cases) {
      const res = await gqlOk(CREATE, { input: { name: '安居社区评理团', kind: 'ARBITRATION_TEAM', regionCode: SEED.anjuCommunityCode, ...overrides } });
      expect(res.createVolunteerTeam.volunteerTeam).toBeNull();
      expect(res.createVolunteerTeam.userErrors).toEqual([expect.objectContaining({ field, code })]);
      expect(res.createVolunteerTeam.userErrors[0].message).toContain(message);
    }
    const team = await newTeam();
    const phone = (await gqlOk(ADD_MEMBER, { input: { teamId: team.id, name: '王五', phone: '12345' } })).addVolunteerTeamMember;
    expect(phone.userErrors).toEqual([expect.objectContaining({ field: ['input', 'phone'], code: 'INVALID' })]);
    expect(phone.userErrors[0].message).toContain('电话号码格式不正确');
    expect(phone.userErrors[0].message).not.toContain('12345');
    const joined = (await gqlOk(ADD_MEMBER, { input: { teamId: team.id, name: '王五', joinedOn: '2999-01-01' } })).addVolunteerTeamMember;
    expect(joined.userErrors).toEqual([expect.objectContaining({ field: ['input', 'joinedOn'], code: 'INVALID' })]);
    const english = await gqlOk(CREATE, { input: { name: ' ', kind: 'HELP_TEAM', regionCode: SEED.anjuCommunityCode } }, { 'accept-language': 'en' });
    expect(english.createVolunteerTeam.userErrors[0].message).toBe('Enter the team name.');

    expect((await gqlOk(`{ volunteerTeams(first: 1) { totalCount } }`)).volunteerTeams.totalCount).toBe(before + 1);
    expect((await gqlOk(TEAM_WITH_MEMBERS, { id: team.id })).volunteerTeam.members.totalCount).toBe(0);
  });

  it('lets an operator write its own region only; partners, analysts and anonymous callers not at all', async () => {
    const own = await newTeam({}, callers.fanchengOperator);
    const member = (await gqlOk(ADD_MEMBER, { input: { teamId: own.id, name: '赵六' } }, callers.fanchengOperator)).addVolunteerTeamMember;
    expect(member.userErrors).toEqual([]);

    const outside = await gqlOk(CREATE, { input: { name: '越界队伍', kind: 'HELP_TEAM', regionCode: SEED.anjuCommunityCode } }, callers.xiangchengOperator);
    expect(outside.createVolunteerTeam.userErrors).toEqual([expect.objectContaining({ field: ['input', 'regionCode'], code: 'FORBIDDEN' })]);
    expect(outside.createVolunteerTeam.userErrors[0].message).toContain(`您只能维护本辖区（区划代码 ${XIANGCHENG_DISTRICT}）内的记录`);

    for (const headers of [callers.xiangchengOperator, callers.partner, callers.analyst, ANONYMOUS_HEADERS]) {
      // Only the user errors are selected: anonymous callers may not even select a team in a payload.
      const update = await gqlOk(
        `mutation($input: UpdateVolunteerTeamInput!) { updateVolunteerTeam(input: $input) { ${ERRORS} } }`,
        { input: { id: own.id, version: 1, name: '被改名' } },
        headers,
      );
      expect(update.updateVolunteerTeam.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
      const add = await gqlOk(
        `mutation($input: AddVolunteerTeamMemberInput!) { addVolunteerTeamMember(input: $input) { ${ERRORS} } }`,
        { input: { teamId: own.id, name: '钱七' } },
        headers,
      );
      expect(add.addVolunteerTeamMember.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
      const remove = (await gqlOk(REMOVE_MEMBER, { input: { id: member.member.id, version: 1 } }, headers)).removeVolunteerTeamMember;
      expect(remove.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
      const archive = await gqlOk(
        `mutation($input: ArchiveVolunteerTeamInput!) { archiveVolunteerTeam(input: $input) { ${ERRORS} } }`,
        { input: { id: own.id, version: 1 } },
        headers,
      );
      expect(archive.archiveVolunteerTeam.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    }
    const team = await gqlOk(TEAM_WITH_MEMBERS, { id: own.id });
    expect(team.volunteerTeam.name).toBe(own.name);
    expect(team.volunteerTeam.members.totalCount).toBe(1);

    const removed = (await gqlOk(REMOVE_MEMBER, { input: { id: member.member.id, version: 1 } }, callers.fanchengOperator)).removeVolunteerTeamMember;
    expect(removed).toEqual({ removedId: member.member.id, userErrors: [] });
    expect((await gqlOk(TEAM_WITH_MEMBERS, { id: own.id })).volunteerTeam.members.totalCount).toBe(0);
  });

  it("masks members' name and phone by the caller and the team's region, through lists and node alike", async () => {
    const team = await newTeam({ name: '安居社区邻里守望队' });
    const member = await addMember(team.id);
    expect(member).toMatchObject({ name: '张三丰', phone: '13871012345', role: 'LEADER', joinedOn: '2023-05-04', team: { id: team.id } });

    const expected: [string, Record<string, string> | undefined, string | null, string | null][] = [
      ['ADMIN', undefined, '张三丰', '13871012345'],
      ["operator of the team's region", callers.fanchengOperator, '张三丰', '13871012345'],
      ['operator of another region', callers.xiangchengOperator, '张*丰', '138****2345'],
      ['partner', callers.partner, '张*丰', '138****2345'],
      ['analyst', callers.analyst, null, null],
    ];
    for (const [label, headers, name, phone] of expected) {
      const listed = (await gqlOk(TEAM_WITH_MEMBERS, { id: team.id }, headers)).volunteerTeam.members.nodes;
      expect({ label, member: listed[0] }).toEqual({ label, member: { id: member.id, name, phone, role: 'LEADER' } });
      const node = (await gqlOk(MEMBER_NODE, { id: member.id }, headers)).node;
      expect({ label, node }).toEqual({ label, node: { id: member.id, name, phone, role: 'LEADER', team: { name: '安居社区邻里守望队' } } });
    }

    for (const query of [TEAM_WITH_MEMBERS, MEMBER_NODE]) {
      const anonymous = await t.gql(query, { id: query === MEMBER_NODE ? member.id : team.id }, ANONYMOUS_HEADERS);
      expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(anonymous.data ?? null)).not.toContain('张');
    }
    const teamNode = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: team.id }, ANONYMOUS_HEADERS);
    expect(teamNode.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("takes a registered person as a member, whose name and phone are the person's, masked by the person's region", async () => {
    const people = async (regionCode: string) =>
      (
        await gqlOk(`query($code: String!) { people(first: 1, filter: { regionCode: $code, role: [DUAL_REPORTING_PARTY_MEMBER] }) { nodes { id name phone } } }`, {
          code: regionCode,
        })
      ).people.nodes[0] as Rec;
    // A party member of 襄城区 serving on a 樊城区 team: 樊城区's operator sees them as a Person's rules say, masked.
    const xiangchengPerson = await people(XIANGCHENG_DISTRICT);
    expect(xiangchengPerson.phone).toBeTruthy();
    const team = await newTeam({ name: '安居在职党员队', kind: 'PARTY_MEMBER_TEAM' });
    const member = (
      await gqlOk(`mutation($input: AddVolunteerTeamMemberInput!) { addVolunteerTeamMember(input: $input) { member { id name phone role person { id } } ${ERRORS} } }`, {
        input: { teamId: team.id, personId: xiangchengPerson.id },
      })
    ).addVolunteerTeamMember;
    expect(member.userErrors).toEqual([]);
    expect(member.member).toMatchObject({ name: xiangchengPerson.name, phone: xiangchengPerson.phone, role: 'MEMBER', person: { id: xiangchengPerson.id } });

    const seen = async (headers: Record<string, string>) => (await gqlOk(MEMBER_NODE, { id: member.member.id }, headers)).node;
    expect(await seen(callers.xiangchengOperator)).toMatchObject({ name: xiangchengPerson.name, phone: xiangchengPerson.phone });
    const masked = await seen(callers.fanchengOperator);
    expect(masked.name).not.toBe(xiangchengPerson.name);
    expect(masked.name).toMatch(/\*/);
    expect(masked.phone).toMatch(/\*\*\*\*/);
    expect(await seen(callers.analyst)).toMatchObject({ name: null, phone: null });

    const twice = (await gqlOk(ADD_MEMBER, { input: { teamId: team.id, personId: xiangchengPerson.id, name: null, phone: null, joinedOn: null } })).addVolunteerTeamMember;
    expect(twice.userErrors).toEqual([expect.objectContaining({ field: ['input', 'personId'], code: 'ALREADY_EXISTS', message: '该人员已是本队队员。' })]);
    const both = (await gqlOk(ADD_MEMBER, { input: { teamId: team.id, personId: xiangchengPerson.id, name: '另填姓名', phone: null } })).addVolunteerTeamMember;
    expect(both.userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'INVALID' })]);
    const neither = (await gqlOk(ADD_MEMBER, { input: { teamId: team.id, name: null, phone: null } })).addVolunteerTeamMember;
    expect(neither.userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'REQUIRED', message: '请填写姓名。' })]);
    expect((await gqlOk(TEAM_WITH_MEMBERS, { id: team.id })).volunteerTeam.members.totalCount).toBe(1);
  });

  it('filters by region subtree, kind, active and sent-down, and nests under regions and stations', async () => {
    const anjuStation = await stationId(STATION_PROFILE.anjuStationCode);
    const arbitration = await newTeam({ name: '过滤测试评理团', kind: 'ARBITRATION_TEAM', stationId: anjuStation });
    const deputies = await newTeam({ name: '过滤测试代表委员队', kind: 'DEPUTY_TEAM', sentDownAt: '2023-06-01' });
    const xiangcheng = await newTeam({ name: '过滤测试襄城帮帮团', regionCode: XIANGCHENG_COMMUNITY });
    const archived = await newTeam({ name: '过滤测试已归档队', kind: 'ARBITRATION_TEAM' });
    expect((await gqlOk(ARCHIVE, { input: { id: archived.id, version: 1 } })).archiveVolunteerTeam.userErrors).toEqual([]);

    // Within Xiangyang unless a filter names its own region: the seed's Yanping teams would crowd a page of 100.
    const ids = async (filter: Record<string, unknown>) =>
      ((await gqlOk(LIST, { filter: { regionCode: SEED.cityCode, ...filter }, first: 100 })).volunteerTeams.nodes as Rec[])
        .filter((node) => node.name.startsWith('过滤测试'))
        .map((node) => node.id);

    expect(await ids({ regionCode: SEED.fanchengCode })).toEqual(expect.arrayContaining([arbitration.id, deputies.id, archived.id]));
    expect(await ids({ regionCode: SEED.fanchengCode })).not.toContain(xiangcheng.id);
    expect(await ids({ regionCode: SEED.cityCode })).toEqual(expect.arrayContaining([arbitration.id, deputies.id, xiangcheng.id, archived.id]));
    // By name in code-point order: 已 (U+5DF2) before 评 (U+8BC4).
    expect(await ids({ kind: ['ARBITRATION_TEAM'] })).toEqual([archived.id, arbitration.id]);
    expect(await ids({ kind: ['ARBITRATION_TEAM'], active: true })).toEqual([arbitration.id]);
    expect(await ids({ active: false })).toEqual([archived.id]);
    expect(await ids({ sentDown: true })).toEqual([deputies.id]);
    expect(await ids({ stationId: anjuStation })).toEqual([arbitration.id]);

    const byCreation = (await gqlOk(LIST, { filter: { regionCode: SEED.cityCode }, orderBy: { field: 'CREATED_AT', direction: 'DESC' }, first: 1 })).volunteerTeams;
    expect(byCreation.nodes[0].id).toBe(archived.id);
    const next = (await gqlOk(LIST, { filter: { regionCode: SEED.cityCode }, orderBy: { field: 'CREATED_AT', direction: 'DESC' }, first: 1, after: byCreation.pageInfo.endCursor }))
      .volunteerTeams;
    expect(next.nodes[0].id).toBe(xiangcheng.id);

    const nested = await gqlOk(
      `query($code: String!, $station: String!) {
        region(code: $code) { volunteerTeams(first: 100, active: true) { nodes { id } } }
        station(code: $station) { volunteerTeams(first: 10) { totalCount nodes { id name } } } }`,
      { code: SEED.anjuCommunityCode, station: STATION_PROFILE.anjuStationCode },
    );
    const inRegion = (nested.region.volunteerTeams.nodes as Rec[]).map((node) => node.id);
    expect(inRegion).toEqual(expect.arrayContaining([arbitration.id, deputies.id]));
    expect(inRegion).not.toContain(archived.id);
    expect(inRegion).not.toContain(xiangcheng.id);
    expect(nested.station.volunteerTeams.nodes).toContainEqual({ id: arbitration.id, name: '过滤测试评理团' });

    const bad = await t.gql(LIST, { filter: { stationId: 'nope' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records teams and members in the change feed and the audit trail, members masked, and lets webhooks subscribe to them', async () => {
    const team = await newTeam({ name: '变更流测试队' });
    const member = await addMember(team.id, { name: '欧阳春花', phone: '13900001111' });
    await gqlOk(REMOVE_MEMBER, { input: { id: member.id, version: 1 } });

    const feed = await feedUntil(
      ['VOLUNTEER_TEAM', 'VOLUNTEER_TEAM_MEMBER'],
      'operation recordType recordId version tombstone record { id ... on VolunteerTeam { name } }',
      (changes) => changes.some((change) => change.recordId === member.id && change.operation === 'DELETE'),
    );
    expect(feed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operation: 'CREATE', recordType: 'VOLUNTEER_TEAM', recordId: team.id, record: { id: team.id, name: '变更流测试队' } }),
        expect.objectContaining({ operation: 'CREATE', recordType: 'VOLUNTEER_TEAM_MEMBER', recordId: member.id }),
        expect.objectContaining({ operation: 'DELETE', recordType: 'VOLUNTEER_TEAM_MEMBER', recordId: member.id, tombstone: true }),
      ]),
    );

    const audit = (await gqlOk(`query($id: ID!) { auditEvents(first: 10, filter: { recordId: $id }) { nodes { operation changes { field before after } } } }`, { id: member.id }))
      .auditEvents.nodes as Rec[];
    const created = audit.find((event) => event.operation === 'CREATE')!;
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: null, after: '欧**花' },
        { field: 'phone', before: null, after: '139****1111' },
        { field: 'team', before: null, after: team.id },
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain('欧阳春花');

    const subscriber = await t.clientHeaders({ name: '民政局推送接收', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    const subscribed = await gqlOk(
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { webhookSubscription { types } ${ERRORS} } }`,
      { input: { url: 'http://127.0.0.1:9/hooks', types: ['VOLUNTEER_TEAM', 'VOLUNTEER_TEAM_MEMBER', 'DELIBERATION_VENUE'] } },
      subscriber,
    );
    expect(subscribed.createWebhookSubscription.userErrors).toEqual([]);
    expect(subscribed.createWebhookSubscription.webhookSubscription.types).toEqual(['VOLUNTEER_TEAM', 'VOLUNTEER_TEAM_MEMBER', 'DELIBERATION_VENUE']);
  });
});
