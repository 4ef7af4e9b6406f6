import { useTestApp } from '../helpers/app';
import { YANPING_SEED } from '../helpers/fixtures';
import { checkCreditCode } from '../../src/modules/organization/credit-code';

const t = useTestApp();

type Json = Record<string, any>;

async function gqlOk(query: string, variables?: Record<string, unknown>): Promise<Json> {
  const res = await t.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Every node of a connection, page by page: `query` takes `$after`, `connectionOf` finds the connection in its data. */
async function everyNode(query: string, variables: Record<string, unknown>, connectionOf: (data: Json) => Json): Promise<Json[]> {
  const nodes: Json[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Json = connectionOf(await gqlOk(query, { ...variables, after }));
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** Yanping (南平市延平区), counted through the API as an analyst would: by its region code. */
describe('Yanping in the demo seed', () => {
  it('holds 福建省 › 南平市 › 延平区 with its streets, towns, communities and villages', async () => {
    const data = await gqlOk(`{
      district: region(code: "${YANPING_SEED.districtCode}") { name level stationCount ancestors { code name } children(first: 1) { totalCount } }
      within: regions(first: 1, filter: { withinCode: "${YANPING_SEED.districtCode}" }) { totalCount }
      communities: regions(first: 1, filter: { withinCode: "${YANPING_SEED.districtCode}", level: COMMUNITY }) { totalCount }
      makeng: region(code: "${YANPING_SEED.makengCommunityCode}") { name ancestors { name } }
      wuliting: region(code: "${YANPING_SEED.wulitingCommunityCode}") { name ancestors { name } }
    }`);
    expect(data.district).toMatchObject({ name: '延平区', level: 'DISTRICT', stationCount: YANPING_SEED.stations, children: { totalCount: YANPING_SEED.streets } });
    expect(data.district.ancestors).toEqual([
      { code: YANPING_SEED.provinceCode, name: '福建省' },
      { code: YANPING_SEED.cityCode, name: '南平市' },
    ]);
    expect(data.within.totalCount).toBe(YANPING_SEED.streets + YANPING_SEED.communities);
    expect(data.communities.totalCount).toBe(YANPING_SEED.communities);
    expect(data.makeng).toEqual({ name: '马坑社区', ancestors: [{ name: '福建省' }, { name: '南平市' }, { name: '延平区' }, { name: '四鹤街道' }] });
    expect(data.wuliting).toEqual({ name: '五里亭社区', ancestors: [{ name: '福建省' }, { name: '南平市' }, { name: '延平区' }, { name: '黄墩街道' }] });
  });

  it('has a 民生驿站 in every urban community, open, and a few rural ones in towns', async () => {
    const count = async (filter: Json) => (await gqlOk(`query($filter: StationFilter) { stations(first: 1, filter: $filter) { totalCount } }`, { filter })).stations.totalCount;
    const yanping = { regionCode: YANPING_SEED.districtCode };
    expect(await count(yanping)).toBe(YANPING_SEED.stations);
    expect(await count({ ...yanping, status: ['OPEN'] })).toBe(YANPING_SEED.stations);
    expect(await count({ ...yanping, kind: ['COMMUNITY'] })).toBe(YANPING_SEED.urbanCommunities);
    expect(await count({ ...yanping, kind: ['RURAL'] })).toBe(YANPING_SEED.ruralStations);
    expect(await count({ ...yanping, search: '民生驿站' })).toBe(YANPING_SEED.stations);

    const { station } = await gqlOk(`{ station(code: "${YANPING_SEED.makengStationCode}") {
      name kind status tier address region { code name } location { latitude longitude } } }`);
    expect(station).toMatchObject({
      name: YANPING_SEED.makengStationName,
      kind: 'COMMUNITY',
      status: 'OPEN',
      tier: 'LEADING',
      region: { code: YANPING_SEED.makengCommunityCode, name: '马坑社区' },
    });
    expect(station.address).toMatch(/^福建省南平市延平区四鹤街道/);
    expect(station.location.latitude).toBeCloseTo(26.64, 1);
    expect(station.location.longitude).toBeCloseTo(118.17, 1);
    const wuliting = await gqlOk(`{ station(code: "${YANPING_SEED.wulitingStationCode}") { name region { name } } }`);
    expect(wuliting.station).toEqual({ name: '五里亭社区民生驿站', region: { name: '五里亭社区' } });
  });

  it('has its organizations, credit codes of division 350702, and their co-building agreements with its stations', async () => {
    const organizations = await everyNode(
      `query($after: String) { organizations(first: 100, after: $after, filter: { regionCode: "${YANPING_SEED.districtCode}" }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { kind creditCode creditCodeWarning } } }`,
      {},
      (data) => data.organizations,
    );
    expect(organizations).toHaveLength(YANPING_SEED.organizations);
    const coded = organizations.filter((organization) => organization.creditCode !== null);
    expect(coded).toHaveLength(YANPING_SEED.creditCodes);
    for (const organization of coded) {
      expect(checkCreditCode(organization.creditCode).status).toBe('VALID');
      expect(organization.creditCode.slice(2, 8)).toBe(YANPING_SEED.districtCode);
      expect(organization.creditCodeWarning).toBeNull();
    }

    const total = await gqlOk(`{ coBuildings(first: 1, filter: { regionCode: "${YANPING_SEED.districtCode}" }) { totalCount } }`);
    expect(total.coBuildings.totalCount).toBe(YANPING_SEED.coBuildings);
    const makeng = await gqlOk(`{ station(code: "${YANPING_SEED.makengStationCode}") { openedOn
      coBuildings(first: 10) { totalCount nodes { role agreementSignedOn active organization { kind region { code } } } } } }`);
    const { openedOn, coBuildings } = makeng.station;
    expect(coBuildings.totalCount).toBe(YANPING_SEED.makengCoBuilders);
    for (const coBuilding of coBuildings.nodes) {
      expect(coBuilding.agreementSignedOn >= openedOn).toBe(true);
      expect(coBuilding.active).toBe(true);
      expect(coBuilding.organization.region.code).toBe(YANPING_SEED.districtCode);
    }
    expect(coBuildings.nodes.find((coBuilding: Json) => coBuilding.role === 'MANAGER').organization.kind).toBe('PROPERTY_SERVICE');
    expect(coBuildings.nodes.filter((coBuilding: Json) => coBuilding.organization.kind.endsWith('PARTY_ORG'))).toHaveLength(1);
  });
});

/** The second article's figures, counted through the lists by Yanping's region code and the year 2024. */
describe("Yanping's residents' needs in the demo seed", () => {
  const vars = { region: YANPING_SEED.districtCode, from: YANPING_SEED.yearFrom, to: YANPING_SEED.yearTo };
  const SENT_DOWN_KINDS = ['ORGAN_TEAM', 'ENTERPRISE_TEAM', 'PUBLIC_WELFARE_TEAM', 'PARTY_MEMBER_TEAM', 'DEPUTY_TEAM', 'MASS_ORG_TEAM'];

  it('counts 100 projects, 870 orders claimed and 1,277 needs solved this year', async () => {
    const data = await gqlOk(
      `query($region: String!, $from: DateTime!, $to: DateTime!) {
        projects: needs(first: 1, filter: { regionCode: $region, kind: [LIVELIHOOD_PROJECT] }) { totalCount }
        orders: needClaims(first: 1, filter: { regionCode: $region, needKind: [STATION_ORDER], state: [ACTIVE, COMPLETED], claimedFrom: $from, claimedTo: $to }) { totalCount }
        withdrawn: needClaims(first: 1, filter: { regionCode: $region, needKind: [STATION_ORDER], state: [WITHDRAWN], claimedFrom: $from, claimedTo: $to }) { totalCount }
        ordersEver: needClaims(first: 1, filter: { regionCode: $region, needKind: [STATION_ORDER], state: [ACTIVE, COMPLETED] }) { totalCount }
        solved: needs(first: 1, filter: { regionCode: $region, kind: [RESIDENT_NEED], state: [RESOLVED, CLOSED], resolvedFrom: $from, resolvedTo: $to }) { totalCount }
        resolvedInYear: needs(first: 1, filter: { regionCode: $region, kind: [RESIDENT_NEED], resolvedFrom: $from, resolvedTo: $to }) { totalCount }
        solvedEver: needs(first: 1, filter: { regionCode: $region, kind: [RESIDENT_NEED], state: [RESOLVED, CLOSED] }) { totalCount }
      }`,
      vars,
    );
    expect(data.projects.totalCount).toBe(YANPING_SEED.livelihoodProjects);
    expect(data.orders.totalCount).toBe(YANPING_SEED.ordersClaimed);
    expect(data.withdrawn.totalCount).toBe(YANPING_SEED.ordersClaimsWithdrawn);
    expect(data.solved.totalCount).toBe(YANPING_SEED.residentNeedsSolved);
    // Only resolved needs have a resolution time, and the year's window leaves out those of late 2023.
    expect(data.resolvedInYear.totalCount).toBe(YANPING_SEED.residentNeedsSolved);
    expect(data.solvedEver.totalCount).toBeGreaterThan(YANPING_SEED.residentNeedsSolved);
    expect(data.ordersEver.totalCount).toBeGreaterThan(YANPING_SEED.ordersClaimed);
  });

  it('counts 446 night-patrol issues: 383 fixed, 48 under a deadline with their department, the rest not yet referred', async () => {
    const patrol = { regionCode: YANPING_SEED.districtCode, kind: ['NIGHT_PATROL_ISSUE'], channel: ['NIGHT_PATROL'] };
    const data = await gqlOk(
      `query($all: NeedFilter, $fixed: NeedFilter, $deadline: NeedFilter, $waiting: NeedFilter) {
        all: needs(first: 1, filter: $all) { totalCount }
        fixed: needs(first: 1, filter: $fixed) { totalCount }
        deadline: needs(first: 100, filter: $deadline, orderBy: { field: DEADLINE }) { totalCount nodes { deadline referredDepartment { code } timeline(first: 5) { nodes { toState actorName note } } } }
        waiting: needs(first: 100, filter: $waiting) { totalCount nodes { deadline referredDepartment { code } } }
      }`,
      {
        all: patrol,
        fixed: { ...patrol, state: ['RESOLVED', 'CLOSED'] },
        deadline: { ...patrol, state: ['IN_PROGRESS'] },
        waiting: { ...patrol, state: ['SUBMITTED', 'ON_AGENDA', 'LISTED', 'CLAIMED'] },
      },
    );
    expect(data.all.totalCount).toBe(YANPING_SEED.patrolIssues);
    expect(data.fixed.totalCount).toBe(YANPING_SEED.patrolFixed);
    expect(data.deadline.totalCount).toBe(YANPING_SEED.patrolUnderDeadline);
    for (const issue of data.deadline.nodes) {
      expect(issue.deadline).not.toBeNull();
      expect(issue.referredDepartment.code).toMatch(/^YP-/);
      expect(issue.timeline.nodes.map((step: Json) => step.toState)).toEqual(['SUBMITTED', 'IN_PROGRESS']);
      expect(issue.timeline.nodes[1].note).toMatch(/^现场点题交办.*限\d+月\d+日前整改到位$/);
    }
    expect(data.waiting.totalCount).toBe(YANPING_SEED.patrolIssues - YANPING_SEED.patrolFixed - YANPING_SEED.patrolUnderDeadline);
    expect(data.waiting.nodes.every((issue: Json) => issue.deadline === null && issue.referredDepartment === null)).toBe(true);
  });

  it('gives the same figures through needStats, as an analyst asks them of the district (exact at district level)', async () => {
    const analyst = await t.clientHeaders({ name: '延平区统计分析', roles: ['ANALYST'] });
    const res = await t.gql(
      `query($solved: NeedFilter, $patrol: NeedFilter) {
        solved: needStats(filter: $solved, groupBy: [MONTH]) { controlled total { resolved suppressed } groups { month resolved } }
        patrol: needStats(filter: $patrol, groupBy: [STATE]) { controlled total { submitted } groups { state submitted } }
      }`,
      {
        solved: { regionCode: vars.region, kind: ['RESIDENT_NEED'], resolvedFrom: vars.from, resolvedTo: vars.to },
        patrol: { regionCode: vars.region, kind: ['NIGHT_PATROL_ISSUE'], channel: ['NIGHT_PATROL'] },
      },
      analyst,
    );
    expect(res.errors).toBeUndefined();
    const { solved, patrol } = res.data;
    expect(solved.controlled).toBe(false);
    expect(solved.total).toEqual({ resolved: YANPING_SEED.residentNeedsSolved, suppressed: false });
    // Each resolution counts in the month it happened, all of them in the year asked for.
    const months = solved.groups.filter((group: Json) => group.resolved > 0);
    expect(months.every((group: Json) => group.month.startsWith('2024-'))).toBe(true);
    expect(months.reduce((sum: number, group: Json) => sum + group.resolved, 0)).toBe(YANPING_SEED.residentNeedsSolved);
    expect(patrol.total.submitted).toBe(YANPING_SEED.patrolIssues);
    const byState = Object.fromEntries(patrol.groups.map((group: Json) => [group.state, group.submitted]));
    expect(byState.RESOLVED ?? 0).toBe(YANPING_SEED.patrolFixed);
    expect(byState.IN_PROGRESS).toBe(YANPING_SEED.patrolUnderDeadline);
  });

  it('counts 327 co-building projects, each claimed by an organization under its pact with the station, 310 solved', async () => {
    const region = YANPING_SEED.districtCode;
    const data = await gqlOk(
      `query($region: String!) {
        all: needs(first: 1, filter: { regionCode: $region, kind: [CO_BUILDING_PROJECT] }) { totalCount }
        solved: needs(first: 1, filter: { regionCode: $region, kind: [CO_BUILDING_PROJECT], state: [RESOLVED, CLOSED] }) { totalCount }
        claims: needClaims(first: 100, filter: { regionCode: $region, needKind: [CO_BUILDING_PROJECT] }) {
          totalCount nodes { state claimantKind organization { id } coBuilding { organization { id } station { id } } need { station { id } } } }
      }`,
      { region },
    );
    expect(data.all.totalCount).toBe(YANPING_SEED.coBuildingProjects);
    expect(data.solved.totalCount).toBe(YANPING_SEED.coBuildingSolved);
    expect(data.claims.totalCount).toBe(YANPING_SEED.coBuildingProjects);
    for (const claim of data.claims.nodes) {
      expect(claim.claimantKind).toBe('ORGANIZATION');
      expect(claim.coBuilding.organization.id).toBe(claim.organization.id);
      expect(claim.coBuilding.station.id).toBe(claim.need.station.id);
    }
  });

  it('counts 62 residents’ teams with members, 198 teams sent down under 六进小区, 245 venues, 7 departments and 120 party members', async () => {
    const data = await gqlOk(
      `query($region: String!, $sentDownKinds: [VolunteerTeamKind!]) {
        residents: volunteerTeams(first: 100, filter: { regionCode: $region, kind: [HELP_TEAM, ARBITRATION_TEAM] }) {
          totalCount nodes { name sentDown members(first: 1) { totalCount } } }
        sentDown: volunteerTeams(first: 1, filter: { regionCode: $region, kind: $sentDownKinds, sentDown: true }) { totalCount }
        venues: deliberationVenues(first: 1, filter: { regionCode: $region, kind: [LIANXIN_GARDEN, DELIBERATION_PAVILION, NEIGHBOURHOOD_POINT, DELIBERATION_PLATFORM] }) { totalCount }
        departments: departments(first: 100) { nodes { code region { code } } }
        partyMembers: people(first: 1, filter: { regionCode: $region, role: [DUAL_REPORTING_PARTY_MEMBER] }) { totalCount }
      }`,
      { region: YANPING_SEED.districtCode, sentDownKinds: SENT_DOWN_KINDS },
    );
    expect(data.residents.totalCount).toBe(YANPING_SEED.residentTeams);
    for (const team of data.residents.nodes) {
      expect(team.name).toMatch(/(帮帮团|评理团)$/);
      expect(team.sentDown).toBe(false);
      expect(team.members.totalCount).toBeGreaterThanOrEqual(6);
    }
    expect(data.sentDown.totalCount).toBe(YANPING_SEED.sentDownTeams);
    expect(data.venues.totalCount).toBe(YANPING_SEED.venues);
    expect(data.departments.nodes.filter((department: Json) => department.region.code === YANPING_SEED.districtCode)).toHaveLength(YANPING_SEED.departments);
    expect(data.partyMembers.totalCount).toBe(YANPING_SEED.partyMembers);
  });

  it('has 马坑社区’s needs move as the workflow allows, their claims and meetings agreeing with their timelines', async () => {
    const needs = await everyNode(
      `query($code: String!, $after: String) { station(code: $code) { needs(first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes {
        kind state version updatedAt resolution satisfaction rejectionReason referredDepartment { code } residentName residentPhone
        timeline(first: 20) { totalCount nodes { sequence fromState toState occurredAt } }
        claims(first: 5) { nodes { state claimedAt completedAt withdrawnAt } }
        agendaItems(first: 5) { nodes { decision meeting { heldOn region { code } } } } } } } }`,
      { code: YANPING_SEED.makengStationCode },
      (data) => data.station.needs,
    );
    expect(needs.length).toBeGreaterThan(100);
    expect(needs.some((need) => need.residentName && need.residentPhone)).toBe(true);
    for (const need of needs) {
      const steps: Json[] = need.timeline.nodes;
      expect(steps).toHaveLength(need.timeline.totalCount);
      expect(need.version).toBe(steps.length);
      expect(steps[0]).toMatchObject({ sequence: 1, fromState: null, toState: 'SUBMITTED' });
      steps.slice(1).forEach((step, i) => {
        expect(step.fromState).toBe(steps[i].toState);
        expect(step.occurredAt > steps[i].occurredAt).toBe(true);
      });
      expect(steps[steps.length - 1].toState).toBe(need.state);
      expect(need.updatedAt).toBe(steps[steps.length - 1].occurredAt);
      const resolved = steps.some((step) => step.toState === 'RESOLVED');
      expect(need.resolution !== null).toBe(resolved);
      expect(need.satisfaction !== null).toBe(need.state === 'CLOSED');
      expect(need.rejectionReason !== null).toBe(need.state === 'REJECTED');
      const claims: Json[] = need.claims.nodes;
      expect(claims.filter((claim) => claim.state !== 'WITHDRAWN')).toHaveLength(
        steps.filter((step) => step.toState === 'CLAIMED').length - claims.filter((claim) => claim.state === 'WITHDRAWN').length,
      );
      for (const claim of claims.filter((c) => c.state === 'COMPLETED')) expect(claim.completedAt).toBe(steps.find((step) => step.toState === 'RESOLVED')!.occurredAt);
      if (['CLAIMED', 'IN_PROGRESS'].includes(need.state) && need.referredDepartment === null) expect(claims.filter((claim) => claim.state === 'ACTIVE')).toHaveLength(1);
      const onAgenda = steps.filter((step) => step.toState === 'ON_AGENDA');
      expect(need.agendaItems.nodes).toHaveLength(onAgenda.length);
      for (const item of need.agendaItems.nodes) {
        expect(item.meeting.region.code).toBe(YANPING_SEED.makengCommunityCode);
        expect(new Date(`${item.meeting.heldOn}T00:00:00Z`).getUTCDay()).toBe(3);
      }
    }
    const kinds = new Set(needs.map((need) => need.kind));
    expect(kinds).toEqual(new Set(['RESIDENT_NEED', 'STATION_ORDER', 'CO_BUILDING_PROJECT', 'LIVELIHOOD_PROJECT']));
  });
});
