import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE } from '../helpers/fixtures';
import { fromGlobalId } from '../../src/graphql/relay';

// Subscriptions may name a local receiver (the webhook loop itself stays off).
const t = useTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });

type Rec = Record<string, any>;
const ERRORS = `userErrors { field code message }`;
const CLAIM_FIELDS = `id claimantKind state claimedAt note withdrawnAt withdrawalReason completedAt version
  need { id state } organization { id name } person { id } volunteerTeam { id name } coBuilding { id }`;
const CLAIM = `mutation($input: ClaimNeedInput!) { claimNeed(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
const WITHDRAW = `mutation($input: WithdrawNeedClaimInput!) { withdrawNeedClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
const CREATE = `mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id state version receiptCode } ${ERRORS} } }`;
const MOVE = `mutation($input: TransitionNeedInput!) { transitionNeed(input: $input) { need { id state version } ${ERRORS} } }`;
const NEED = `query($id: ID!) { need(id: $id) { id state version
  activeClaim { id state }
  claims(first: 10) { totalCount nodes { id state } }
  timeline(first: 20) { nodes { fromState toState note } } } }`;

let operator: Record<string, string>;
let otherOperator: Record<string, string>;
let analyst: Record<string, string>;
let partner: Record<string, string>;
let stationId: string;
let organization: Rec;
let otherOrganization: Rec;
let coBuildingId: string;
let otherCoBuildingId: string;
let personId: string;
let team: Rec;

async function gqlOk(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** A need of the 安居 station moved onto the 微实事 list (SUBMITTED → ON_AGENDA → LISTED), unless `state` says to stop earlier. */
async function listedNeed(overrides: Record<string, unknown> = {}, state = 'LISTED'): Promise<Rec> {
  const created = await gqlOk(
    CREATE,
    {
      input: {
        kind: 'RESIDENT_NEED',
        channel: 'STATION',
        category: 'LIGHTING',
        stationId,
        text: '楼道照明灯损坏，夜间出行不便。',
        residentName: '李秀英',
        residentPhone: '13871019876',
        ...overrides,
      },
    },
    operator,
  );
  expect(created.createNeed.userErrors).toEqual([]);
  let need = created.createNeed.need;
  for (const to of ['ON_AGENDA', 'LISTED']) {
    if (need.state === state) break;
    need = await moved(need, to);
  }
  return need;
}

async function moved(need: Rec, to: string, extra: Record<string, unknown> = {}): Promise<Rec> {
  const result = (await gqlOk(MOVE, { input: { id: need.id, version: need.version, to, ...extra } }, operator)).transitionNeed;
  expect(result.userErrors).toEqual([]);
  return result.need;
}

async function claim(input: Record<string, unknown>, headers: Record<string, string> = operator): Promise<Rec> {
  return (await gqlOk(CLAIM, { input }, headers)).claimNeed;
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
  const coBuildings = (await gqlOk(`{ coBuildings(first: 50, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { id organization { id name } } } }`)).coBuildings
    .nodes as Rec[];
  organization = coBuildings[0].organization;
  coBuildingId = coBuildings[0].id;
  const other = coBuildings.find((each) => each.organization.id !== organization.id)!;
  otherOrganization = other.organization;
  otherCoBuildingId = other.id;
  personId = (await gqlOk(`{ people(first: 1) { nodes { id } } }`)).people.nodes[0].id;
  const createdTeam = await gqlOk(
    `mutation($input: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $input) { volunteerTeam { id name } ${ERRORS} } }`,
    { input: { name: '安居社区党员先锋队', kind: 'PARTY_MEMBER_TEAM', regionCode: SEED.anjuCommunityCode } },
    operator,
  );
  team = createdTeam.createVolunteerTeam.volunteerTeam;
});

describe('claiming a listed need', () => {
  it('claims for an organization (LISTED → CLAIMED, recorded), withdraws (→ LISTED, recorded), and completes the next claim when the need is resolved', async () => {
    const need = await listedNeed();
    const first = await claim({ needId: need.id, version: need.version, organizationId: organization.id, note: '一周内更换灯具' });
    expect(first.userErrors).toEqual([]);
    expect(first.claim).toMatchObject({
      claimantKind: 'ORGANIZATION',
      state: 'ACTIVE',
      note: '一周内更换灯具',
      withdrawnAt: null,
      completedAt: null,
      version: 1,
      need: { id: need.id, state: 'CLAIMED' },
      organization,
      person: null,
      volunteerTeam: null,
      coBuilding: null,
    });
    let read = await needNow(need.id);
    expect(read.state).toBe('CLAIMED');
    expect(read.activeClaim).toEqual({ id: first.claim.id, state: 'ACTIVE' });
    expect(read.timeline.nodes.at(-1)).toEqual({ fromState: 'LISTED', toState: 'CLAIMED', note: `认领：${organization.name}：一周内更换灯具` });

    const withdrawn = (await gqlOk(WITHDRAW, { input: { id: first.claim.id, version: 1, reason: '单位人手调整，无法按期办理' } }, operator)).withdrawNeedClaim;
    expect(withdrawn.userErrors).toEqual([]);
    expect(withdrawn.claim).toMatchObject({ state: 'WITHDRAWN', withdrawalReason: '单位人手调整，无法按期办理', need: { state: 'LISTED' } });
    expect(withdrawn.claim.withdrawnAt).toEqual(expect.any(String));
    read = await needNow(need.id);
    expect(read.state).toBe('LISTED');
    expect(read.activeClaim).toBeNull();
    expect(read.timeline.nodes.at(-1)).toEqual({ fromState: 'CLAIMED', toState: 'LISTED', note: '撤回认领：单位人手调整，无法按期办理' });

    // A withdrawn claim cannot be withdrawn again.
    const again = (await gqlOk(WITHDRAW, { input: { id: first.claim.id, version: withdrawn.claim.version, reason: '重复撤回' } }, operator)).withdrawNeedClaim;
    expect(again.claim).toBeNull();
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'] })]);

    const second = await claim({ needId: need.id, version: read.version, volunteerTeamId: team.id });
    expect(second.userErrors).toEqual([]);
    expect(second.claim).toMatchObject({ claimantKind: 'VOLUNTEER_TEAM', volunteerTeam: team, state: 'ACTIVE' });
    read = await needNow(need.id);
    read = await moved(read, 'IN_PROGRESS');
    await moved(read, 'RESOLVED', { resolution: '已更换楼道灯具' });
    read = await needNow(need.id);
    expect(read.state).toBe('RESOLVED');
    expect(read.activeClaim).toBeNull();
    expect(read.claims.totalCount).toBe(2);
    expect(read.claims.nodes).toEqual([
      { id: second.claim.id, state: 'COMPLETED' },
      { id: first.claim.id, state: 'WITHDRAWN' },
    ]);
    const completed = (await gqlOk(`query($id: ID!) { node(id: $id) { ... on NeedClaim { state completedAt } } }`, { id: second.claim.id })).node;
    expect(completed.completedAt).toEqual(expect.any(String));

    // The claimant's own lists.
    const lists = await gqlOk(
      `query($team: ID!, $org: ID!) {
        team: volunteerTeam(id: $team) { needClaims(first: 5, state: [COMPLETED]) { totalCount nodes { id } } }
        org: organization(id: $org) { needClaims(first: 50, state: [WITHDRAWN]) { nodes { id } } }
        root: needClaims(first: 5, filter: { volunteerTeamId: $team }) { totalCount nodes { id need { id } } } }`,
      { team: team.id, org: organization.id },
      analyst,
    );
    expect(lists.team.needClaims).toEqual({ totalCount: 1, nodes: [{ id: second.claim.id }] });
    expect(lists.org.needClaims.nodes).toContainEqual({ id: first.claim.id });
    expect(lists.root.nodes).toContainEqual({ id: second.claim.id, need: { id: need.id } });

    // Ordered: oldest claim first, or by when a claim last changed.
    // Xiangyang's claims, the ones these tests make: the seed's Yanping claims would fill the oldest-first page.
    const ORDERED = `query($orderBy: NeedClaimOrder) { needClaims(first: 100, orderBy: $orderBy, filter: { regionCode: "${SEED.cityCode}" }) { nodes { id claimedAt updatedAt } } }`;
    const oldestFirst = (await gqlOk(ORDERED, { orderBy: { field: 'CLAIMED_AT', direction: 'ASC' } }, analyst)).needClaims.nodes as Rec[];
    expect(oldestFirst.map((node) => node.claimedAt)).toEqual(oldestFirst.map((node) => node.claimedAt).sort());
    expect(oldestFirst.findIndex((node) => node.id === first.claim.id)).toBeLessThan(oldestFirst.findIndex((node) => node.id === second.claim.id));
    const changed = (await gqlOk(ORDERED, { orderBy: { field: 'UPDATED_AT' } }, analyst)).needClaims.nodes as Rec[];
    expect(changed.map((node) => node.updatedAt)).toEqual(
      changed
        .map((node) => node.updatedAt)
        .sort()
        .reverse(),
    );
  });

  it('lets a party member claim in person without naming them in the timeline', async () => {
    const need = await listedNeed();
    const result = await claim({ needId: need.id, version: need.version, personId });
    expect(result.userErrors).toEqual([]);
    expect(result.claim).toMatchObject({ claimantKind: 'PERSON', person: { id: personId }, organization: null });
    const read = await needNow(need.id);
    expect(read.timeline.nodes.at(-1)).toEqual({ fromState: 'LISTED', toState: 'CLAIMED', note: '认领：党员个人' });
    const people = await gqlOk(`query($id: ID!) { node(id: $id) { ... on Person { needClaims(first: 50) { nodes { id } } } } }`, { id: personId });
    expect(people.node.needClaims.nodes).toContainEqual({ id: result.claim.id });
  });

  it('refuses a claim on a need that is not LISTED, and bad claimants, in Chinese, changing nothing', async () => {
    const submitted = await listedNeed({}, 'SUBMITTED');
    const refused = await claim({ needId: submitted.id, version: submitted.version, organizationId: organization.id });
    expect(refused.claim).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'to'] })]);
    expect(refused.userErrors[0].message).toContain('已提交');
    expect(refused.userErrors[0].message).toContain('已认领');
    const after = await needNow(submitted.id);
    expect(after).toMatchObject({ state: 'SUBMITTED', version: submitted.version, activeClaim: null, claims: { totalCount: 0 } });
    expect(after.timeline.nodes).toHaveLength(1);

    const listed = await listedNeed();
    const two = await claim({ needId: listed.id, version: listed.version, organizationId: organization.id, personId });
    expect(two.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'personId'], message: expect.stringContaining('只能填一项') })]);
    const none = await claim({ needId: listed.id, version: listed.version });
    expect(none.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'organizationId'] })]);
    const wrongId = await claim({ needId: listed.id, version: listed.version, organizationId: team.id });
    expect(wrongId.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'organizationId'] })]);
    const stale = await claim({ needId: listed.id, version: listed.version - 1, organizationId: organization.id });
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'version'] })]);
    const coBuildingOnResidentNeed = await claim({ needId: listed.id, version: listed.version, organizationId: organization.id, coBuildingId });
    expect(coBuildingOnResidentNeed.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID', field: ['input', 'coBuildingId'], message: expect.stringContaining('共建项目') }),
    ]);
    const tooLong = await claim({ needId: listed.id, version: listed.version, organizationId: organization.id, note: '长'.repeat(501) });
    expect(tooLong.userErrors).toEqual([expect.objectContaining({ code: 'TOO_LONG', field: ['input', 'note'] })]);
    expect(await needNow(listed.id)).toMatchObject({ state: 'LISTED', version: listed.version, claims: { totalCount: 0 } });

    const withdrawBlank = (await gqlOk(WITHDRAW, { input: { id: 'bm9wZQ', version: 1, reason: ' ' } }, operator)).withdrawNeedClaim;
    expect(withdrawBlank.userErrors.map((error: Rec) => error.field)).toEqual([
      ['input', 'id'],
      ['input', 'reason'],
    ]);
  });

  it('claims a co-building project under the claiming organization’s own co-building agreement (共建盟约)', async () => {
    const project = await listedNeed({ kind: 'CO_BUILDING_PROJECT', category: 'AGE_FRIENDLY', text: '小区适老化改造：加装楼道扶手。' });
    const others = await claim({ needId: project.id, version: project.version, organizationId: organization.id, coBuildingId: otherCoBuildingId });
    expect(others.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'coBuildingId'] })]);
    const own = await claim({ needId: project.id, version: project.version, organizationId: organization.id, coBuildingId });
    expect(own.userErrors).toEqual([]);
    expect(own.claim).toMatchObject({ coBuilding: { id: coBuildingId }, organization: { id: organization.id } });
    expect(otherOrganization.id).not.toBe(organization.id);
  });
});

describe('concurrent claims', () => {
  it('lets exactly one of two truly concurrent claims win; the other is told the need is already claimed and changes nothing', async () => {
    for (let round = 0; round < 5; round++) {
      const need = await listedNeed();
      const results = await Promise.all([
        t.gql(CLAIM, { input: { needId: need.id, version: need.version, organizationId: organization.id } }, operator),
        t.gql(CLAIM, { input: { needId: need.id, version: need.version, volunteerTeamId: team.id } }, operator),
      ]);
      const payloads = results.map((res) => {
        expect(res.errors).toBeUndefined();
        return res.data.claimNeed as Rec;
      });
      const won = payloads.filter((payload) => payload.claim);
      const lost = payloads.filter((payload) => !payload.claim);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'needId'], message: expect.stringContaining('已被认领') })]);
      const read = await needNow(need.id);
      expect(read.state).toBe('CLAIMED');
      expect(read.claims).toEqual({ totalCount: 1, nodes: [{ id: won[0].claim.id, state: 'ACTIVE' }] });
      expect(read.timeline.nodes.filter((step: Rec) => step.toState === 'CLAIMED')).toHaveLength(1);
    }
  });

  it('has the database refuse a second active claim of a need even from a writer that skips the check (partial unique index)', async () => {
    const need = await listedNeed();
    const first = await claim({ needId: need.id, version: need.version, organizationId: organization.id });
    expect(first.userErrors).toEqual([]);
    const connection = t.app.database.orm.em.getConnection();
    const [{ need_id: needId }] = await connection.execute(`select need_id from need_claim where id = ?`, [fromGlobalId(first.claim.id)!.localId]);
    await expect(
      connection.execute(`insert into need_claim (id, need_id, volunteer_team_id, state) values (gen_random_uuid(), ?, ?, 'ACTIVE')`, [needId, fromGlobalId(team.id)!.localId]),
    ).rejects.toThrow(/need_claim_active_key/);
    // A withdrawn one beside it is fine: only active claims are unique per need.
    await connection.execute(
      `insert into need_claim (id, need_id, volunteer_team_id, state, withdrawn_at, withdrawal_reason) values (gen_random_uuid(), ?, ?, 'WITHDRAWN', now(), '测试')`,
      [needId, fromGlobalId(team.id)!.localId],
    );
    expect((await needNow(need.id)).claims.totalCount).toBe(2);
  });

  it('tells a later claim of a claimed need that it is already claimed, in English too', async () => {
    const need = await listedNeed();
    expect((await claim({ needId: need.id, version: need.version, organizationId: organization.id })).userErrors).toEqual([]);
    const res = await t.gql(CLAIM, { input: { needId: need.id, version: need.version, personId } }, { ...operator, 'Accept-Language': 'en' });
    expect(res.data.claimNeed.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('already claimed') })]);
  });
});

describe('who may claim and read claims', () => {
  it('lets only the operator of the need’s region (and administrators) claim or withdraw; others are refused and nothing changes', async () => {
    const need = await listedNeed();
    for (const headers of [otherOperator, analyst]) {
      const refused = await claim({ needId: need.id, version: need.version, organizationId: organization.id }, headers);
      expect(refused.claim).toBeNull();
      expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    }
    // Anonymous callers may send the mutation but read no claim: only its user errors.
    const anonymous = await gqlOk(
      `mutation($input: ClaimNeedInput!) { claimNeed(input: $input) { ${ERRORS} } }`,
      {
        input: { needId: need.id, version: need.version, organizationId: organization.id },
      },
      ANONYMOUS_HEADERS,
    );
    expect(anonymous.claimNeed.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('登录') })]);
    const hidden = await claim({ needId: need.id, version: need.version, organizationId: organization.id }, partner);
    expect(hidden.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(await needNow(need.id)).toMatchObject({ state: 'LISTED', claims: { totalCount: 0 } });

    const admin = await t.clientHeaders({ name: '组织部管理员', roles: ['ADMIN'] });
    const byAdmin = await claim({ needId: need.id, version: need.version, organizationId: organization.id }, admin);
    expect(byAdmin.userErrors).toEqual([]);
    const withdraw = (await gqlOk(WITHDRAW, { input: { id: byAdmin.claim.id, version: 1, reason: '越权撤回' } }, otherOperator)).withdrawNeedClaim;
    expect(withdraw.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await needNow(need.id)).state).toBe('CLAIMED');
  });

  it('shows claims to operators and analysts, a partner only those of needs referred to it, anonymous callers nothing but the need’s state', async () => {
    const need = await listedNeed();
    const claimed = await claim({ needId: need.id, version: need.version, personId });
    const claimId = claimed.claim.id;
    const NODE = `query($id: ID!) { node(id: $id) { id ... on NeedClaim { state claimantKind person { id } } } }`;
    expect((await gqlOk(NODE, { id: claimId }, analyst)).node).toEqual({ id: claimId, state: 'ACTIVE', claimantKind: 'PERSON', person: { id: personId } });
    expect((await gqlOk(NODE, { id: claimId }, otherOperator)).node.id).toBe(claimId);
    // The claiming person's name and phone follow the Person rules: whole for the operator, never for analysts.
    const PERSON = `query($id: ID!) { node(id: $id) { ... on NeedClaim { person { name phone } } } }`;
    expect((await gqlOk(PERSON, { id: claimId }, operator)).node.person.name).toEqual(expect.any(String));
    expect((await gqlOk(PERSON, { id: claimId }, analyst)).node.person).toEqual({ name: null, phone: null });
    expect((await gqlOk(NODE, { id: claimId }, partner)).node).toBeNull();
    const partnerList = await gqlOk(`query($id: ID!) { needClaims(first: 5, filter: { personId: $id }) { totalCount } }`, { id: personId }, partner);
    expect(partnerList.needClaims.totalCount).toBe(0);
    // A claimant's nested claim lists keep to the claims of needs referred to the partner, like the root list.
    const CLAIMANT = `query($org: ID!, $person: ID!) { organization: node(id: $org) { ... on Organization { needClaims(first: 5) { totalCount nodes { id } } } }
      person(id: $person) { needClaims(first: 5) { totalCount nodes { id } } } }`;
    const seen = (await gqlOk(CLAIMANT, { org: organization.id, person: personId }, analyst)) as Rec;
    expect(seen.organization.needClaims.totalCount).toBeGreaterThan(0);
    expect(seen.person.needClaims.nodes.map((node: Rec) => node.id)).toContain(claimId);
    const partnerSees = (await gqlOk(CLAIMANT, { org: organization.id, person: personId }, partner)) as Rec;
    expect(partnerSees.organization.needClaims).toEqual({ totalCount: 0, nodes: [] });
    expect(partnerSees.person.needClaims).toEqual({ totalCount: 0, nodes: [] });

    const anonymous = await t.gql(NODE, { id: claimId }, ANONYMOUS_HEADERS);
    expect(anonymous.data?.node ?? null).toBeNull();
    const anonymousList = await t.gql(`{ needClaims(first: 1) { totalCount } }`, undefined, ANONYMOUS_HEADERS);
    expect(anonymousList.errors?.[0].extensions?.code).toBeDefined();
    const status = (
      await gqlOk(
        `query($code: String!) { needStatus(receiptCode: $code) { state timeline { state } } }`,
        { code: (await gqlOk(`query($id: ID!) { need(id: $id) { receiptCode } }`, { id: need.id })).need.receiptCode },
        ANONYMOUS_HEADERS,
      )
    ).needStatus;
    expect(status.state).toBe('CLAIMED');
    expect(JSON.stringify(status)).not.toMatch(/person|organization|认领：/);
  });
});

describe('change feed and webhooks', () => {
  it('hands claims out in the change feed and lets webhooks subscribe to them', async () => {
    const need = await listedNeed();
    const claimed = await claim({ needId: need.id, version: need.version, organizationId: organization.id });
    await gqlOk(WITHDRAW, { input: { id: claimed.claim.id, version: 1, reason: '换由志愿队认领' } }, operator);
    const deadline = Date.now() + 30_000;
    let mine: Rec[] = [];
    while (Date.now() < deadline) {
      const changes = (await gqlOk(`{ changes(types: [NEED_CLAIM], first: 200) { changes { operation recordType recordId record { id ... on NeedClaim { state } } } } }`)).changes
        .changes as Rec[];
      mine = changes.filter((change) => change.recordId === claimed.claim.id);
      if (mine.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(mine.map((change) => change.operation)).toEqual(['CREATE', 'UPDATE']);
    expect(mine[0]).toMatchObject({ recordType: 'NEED_CLAIM', record: { id: claimed.claim.id, state: 'WITHDRAWN' } });

    const subscriber = await t.clientHeaders({ name: '认领推送接收', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    const subscribed = await gqlOk(
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { webhookSubscription { types } ${ERRORS} } }`,
      { input: { url: 'http://127.0.0.1:9/hooks', types: ['NEED', 'NEED_CLAIM'] } },
      subscriber,
    );
    expect(subscribed.createWebhookSubscription.userErrors).toEqual([]);
    expect(subscribed.createWebhookSubscription.webhookSubscription.types).toEqual(['NEED', 'NEED_CLAIM']);
  });
});
