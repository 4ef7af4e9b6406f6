import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, XIANGYANG_POINT } from '../helpers/fixtures';

/**
 * 建设计划 Construction plans and their progress: the seed's 2023 plan (300 citywide, 72 in towns
 * and villages) read against the stations of that plan year; a plan created here and counted by
 * hand; the administrators-only writes with their user errors, audit and versions; who may read
 * the progress (its one statement is checked in statistics.test.ts).
 */
const t = useTestApp();

const PROGRESS_FIELDS = 'year region { code name } target stationCount opened underConstruction planned ratio ruralTarget ruralOpened ruralRatio';
const PROGRESS = `query($year: Int!, $code: String!) { planProgress(year: $year, regionCode: $code) { ${PROGRESS_FIELDS} } }`;
const PLAN_FIELDS = 'id version year target ruralTarget region { code } stations(first: 3) { totalCount nodes { planYear } }';
const PLAN = `query($year: Int!, $code: String!) { constructionPlan(year: $year, regionCode: $code) { ${PLAN_FIELDS} } }`;
const ERRORS = 'userErrors { field code message existingId currentVersion }';
const CREATE = `mutation($input: CreateConstructionPlanInput!) { createConstructionPlan(input: $input) { constructionPlan { ${PLAN_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateConstructionPlanInput!) { updateConstructionPlan(input: $input) { constructionPlan { id version target ruralTarget } ${ERRORS} } }`;

async function ok(query: string, variables: Record<string, unknown>, headers?: Record<string, string>): Promise<Record<string, any>> {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function listTotal(filter: Record<string, unknown>): Promise<number> {
  return (await ok(`query($filter: StationFilter) { stations(first: 1, filter: $filter) { totalCount } }`, { filter })).stations.totalCount;
}

describe('the seed’s 2023 plan', () => {
  it('is 300 stations citywide, 72 of them in towns and villages, and its progress counts the stations of 2023', async () => {
    const { planProgress: progress } = await ok(PROGRESS, { year: 2023, code: SEED.cityCode });
    const city = { regionCode: SEED.cityCode, planYear: 2023 };
    expect(progress).toMatchObject({ year: 2023, region: { code: SEED.cityCode, name: '襄阳市' }, target: SEED.planYear2023, ruralTarget: SEED.ruralOpened2023 });
    expect(progress.stationCount).toBe(SEED.planYear2023);
    expect(progress.ruralOpened).toBe(SEED.ruralOpened2023);
    expect(progress.ruralRatio).toBe(1);
    expect(progress.opened).toBe(await listTotal({ ...city, status: ['OPEN', 'SUSPENDED', 'CLOSED'] }));
    expect(progress.underConstruction).toBe(await listTotal({ ...city, status: ['UNDER_CONSTRUCTION'] }));
    expect(progress.planned).toBe(await listTotal({ ...city, status: ['PLANNED'] }));
    expect(progress.opened + progress.underConstruction + progress.planned).toBe(SEED.planYear2023);
    expect(progress.opened).toBeGreaterThan(SEED.ruralOpened2023);
    expect(progress.ratio).toBeCloseTo(progress.opened / SEED.planYear2023, 10);
  });

  it('is a record with its region and the stations planned under it', async () => {
    const { constructionPlan: plan } = await ok(PLAN, { year: 2023, code: SEED.cityCode });
    expect(plan).toMatchObject({ year: 2023, target: 300, ruralTarget: 72, region: { code: SEED.cityCode } });
    expect(plan.stations.totalCount).toBe(SEED.planYear2023);
    expect(plan.stations.nodes.map((station: { planYear: number }) => station.planYear)).toEqual([2023, 2023, 2023]);
    const node = await ok(`query($id: ID!) { node(id: $id) { ... on ConstructionPlan { year target } } }`, { id: plan.id });
    expect(node.node).toEqual({ year: 2023, target: 300 });
  });

  it('a district without a plan has no target, and its stations are still counted', async () => {
    const { planProgress: progress } = await ok(PROGRESS, { year: 2023, code: SEED.fanchengCode });
    expect(progress).toMatchObject({ target: null, ratio: null, ruralTarget: null, ruralRatio: null });
    expect(progress.stationCount).toBe(await listTotal({ regionCode: SEED.fanchengCode, planYear: 2023 }));
    expect((await ok(PLAN, { year: 2023, code: SEED.fanchengCode })).constructionPlan).toBeNull();
  });

  it('refuses an unknown region', async () => {
    const res = await t.gql(PROGRESS, { year: 2023, code: '999999' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a plan made here, counted by hand', () => {
  const input = { year: 2026, regionCode: SEED.fanchengCode, target: 2 };
  let plan: { id: string; version: number };

  beforeAll(async () => {
    // 安居社区 (樊城区): one open, one under construction, one not started; 檀溪社区 (襄城区) is outside the plan.
    const samples = [
      { region: SEED.anjuCommunityCode, status: 'OPEN', kind: 'RURAL' },
      { region: SEED.anjuCommunityCode, status: 'UNDER_CONSTRUCTION', kind: 'COMMUNITY' },
      { region: SEED.anjuCommunityCode, status: 'PLANNED', kind: 'COMMUNITY' },
      { region: '420602001008', status: 'OPEN', kind: 'COMMUNITY' },
    ];
    for (const [i, { region, ...rest }] of samples.entries()) {
      const res = await t.gql(`mutation($input: CreateStationInput!) { createStation(input: $input) { userErrors { message } } }`, {
        input: { name: `计划样本驿站${i + 1}`, regionCode: region, tier: 'BASIC', address: `计划样本路${i + 1}号`, location: XIANGYANG_POINT, planYear: 2026, ...rest },
      });
      expect(res.data.createStation.userErrors).toEqual([]);
    }
  });

  it('is created by an administrator, with its stations, and recorded in the audit trail', async () => {
    const { createConstructionPlan: created } = await ok(CREATE, { input });
    expect(created.userErrors).toEqual([]);
    expect(created.constructionPlan).toMatchObject({ version: 1, year: 2026, target: 2, ruralTarget: null, region: { code: SEED.fanchengCode }, stations: { totalCount: 3 } });
    plan = created.constructionPlan;
    const audit = await ok(`query($id: ID!) { auditEvents(first: 5, filter: { recordId: $id }) { nodes { operation recordType mutation changes { field after } } } }`, {
      id: plan.id,
    });
    expect(audit.auditEvents.nodes).toEqual([
      {
        operation: 'CREATE',
        recordType: 'CONSTRUCTION_PLAN',
        mutation: 'createConstructionPlan',
        changes: expect.arrayContaining([
          { field: 'target', after: 2 },
          { field: 'year', after: 2026 },
        ]),
      },
    ]);
  });

  it('progress: 1 built of 2, 1 under construction, 1 not started', async () => {
    expect((await ok(PROGRESS, { year: 2026, code: SEED.fanchengCode })).planProgress).toEqual({
      year: 2026,
      region: { code: SEED.fanchengCode, name: '樊城区' },
      target: 2,
      stationCount: 3,
      opened: 1,
      underConstruction: 1,
      planned: 1,
      ratio: 0.5,
      ruralTarget: null,
      ruralOpened: 1,
      ruralRatio: null,
    });
  });

  it('its targets change with the version read; the progress follows', async () => {
    const { updateConstructionPlan: updated } = await ok(UPDATE, { input: { id: plan.id, version: plan.version, target: 4, ruralTarget: 1 } });
    expect(updated).toEqual({ constructionPlan: { id: plan.id, version: 2, target: 4, ruralTarget: 1 }, userErrors: [] });
    expect((await ok(PROGRESS, { year: 2026, code: SEED.fanchengCode })).planProgress).toMatchObject({ target: 4, ratio: 0.25, ruralTarget: 1, ruralRatio: 1 });
    const stale = (await ok(UPDATE, { input: { id: plan.id, version: 1, target: 5 } })).updateConstructionPlan;
    expect(stale.constructionPlan).toBeNull();
    expect(stale.userErrors).toMatchObject([{ field: ['input', 'version'], code: 'CONFLICT', currentVersion: 2 }]);
  });

  it('refuses bad input with typed errors, and nothing changes', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...input }, 'year', 'ALREADY_EXISTS'],
      [{ ...input, year: 1999 }, 'year', 'INVALID'],
      [{ ...input, year: 2027, target: -1 }, 'target', 'INVALID'],
      [{ ...input, year: 2027, ruralTarget: 3 }, 'ruralTarget', 'INVALID'],
      [{ ...input, year: 2027, regionCode: SEED.anjuCommunityCode }, 'regionCode', 'INVALID'],
      [{ ...input, year: 2027, regionCode: '420699' }, 'regionCode', 'NOT_FOUND'],
    ];
    for (const [given, field, code] of cases) {
      const res = (await ok(CREATE, { input: given })).createConstructionPlan;
      expect(res.constructionPlan).toBeNull();
      expect(res.userErrors).toMatchObject([{ field: ['input', field], code }]);
      expect(res.userErrors[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    const taken = (await ok(CREATE, { input })).createConstructionPlan.userErrors[0];
    expect(taken.existingId).toBe(plan.id);
    const tooMuchRural = (await ok(UPDATE, { input: { id: plan.id, version: 2, target: 0 } })).updateConstructionPlan;
    expect(tooMuchRural.userErrors).toMatchObject([{ field: ['input', 'ruralTarget'], code: 'INVALID' }]);
    expect((await ok(PLAN, { year: 2026, code: SEED.fanchengCode })).constructionPlan).toMatchObject({ version: 2, target: 4, ruralTarget: 1 });
    expect((await ok(PLAN, { year: 2027, code: SEED.fanchengCode })).constructionPlan).toBeNull();
  });
});

describe('who may do what', () => {
  it('only administrators write plans; analysts and operators read the progress; partners and anonymous callers do not', async () => {
    const analyst = await t.clientHeaders({ name: 'plan-analyst', roles: ['ANALYST'] });
    const operator = await t.clientHeaders({ name: 'plan-operator', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
    const partner = await t.clientHeaders({ name: 'plan-partner', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    for (const headers of [analyst, operator, partner]) {
      const res = (await ok(CREATE, { input: { year: 2028, regionCode: SEED.fanchengCode, target: 1 } }, headers)).createConstructionPlan;
      expect(res).toMatchObject({ constructionPlan: null, userErrors: [{ code: 'FORBIDDEN' }] });
    }
    expect((await ok(PLAN, { year: 2028, code: SEED.fanchengCode })).constructionPlan).toBeNull();
    for (const headers of [analyst, operator]) {
      expect((await ok(PROGRESS, { year: 2023, code: SEED.cityCode }, headers)).planProgress.target).toBe(SEED.planYear2023);
    }
    for (const headers of [partner, ANONYMOUS_HEADERS]) {
      const res = await t.gql(PROGRESS, { year: 2023, code: SEED.cityCode }, headers);
      expect(res.status).toBe(403);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // The plan itself (not its figures) is for any signed-in caller.
    expect((await ok(PLAN, { year: 2023, code: SEED.cityCode }, partner)).constructionPlan.target).toBe(SEED.planYear2023);
    expect((await t.gql(PLAN, { year: 2023, code: SEED.cityCode }, ANONYMOUS_HEADERS)).status).toBe(403);
  });
});
