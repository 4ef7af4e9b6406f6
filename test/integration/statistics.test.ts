import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { PLATFORM_SEED, SEED, SERVICE_ITEM_SEED, XIANGYANG_POINT } from '../helpers/fixtures';

/**
 * The analysts' figures (stationStats, circleCoverage; planProgress in construction-plans.test.ts): computed by GROUP BY in the database over
 * the stations list's own filter, each in one SQL statement, for analysts, operators and
 * administrators only. Checked against the seed's published figures and against a handful of
 * stations created here and counted by hand.
 */
const t = useTestApp();

const GROUP = 'count district { code name } street { code } community { code } tier kind status planYear openedMonth';
const STATS = `query($filter: StationFilter, $groupBy: [StationStatsDimension!]) { stationStats(filter: $filter, groupBy: $groupBy) { total groups { ${GROUP} } } }`;
const COVERAGE = `query($code: String!, $first: Int) { circleCoverage(regionCode: $code) {
  region { code name } circleCount coveredCount coverageRatio
  uncoveredCircles(first: $first) { totalCount nodes { code stationCount(status: [OPEN]) } pageInfo { hasNextPage } } } }`;

type Group = Record<string, unknown> & { count: number };

async function stats(filter: Record<string, unknown>, groupBy: string[] = [], headers?: Record<string, string>): Promise<{ total: number; groups: Group[] }> {
  const res = await t.gql(STATS, { filter, groupBy }, headers);
  expect(res.errors).toBeUndefined();
  return res.data.stationStats;
}

/** Only the dimensions grouped by, and the count: the other keys of a group are null. */
function compact(groups: Group[]): Record<string, unknown>[] {
  return groups.map((group) => Object.fromEntries(Object.entries(group).filter(([, value]) => value !== null)));
}

async function listTotal(filter: Record<string, unknown>): Promise<number> {
  const res = await t.gql(`query($filter: StationFilter) { stations(first: 1, filter: $filter) { totalCount } }`, { filter });
  expect(res.errors).toBeUndefined();
  return res.data.stations.totalCount;
}

const CITY = { regionCode: SEED.cityCode };

const PLATFORM_STATS = `query($filter: PlatformFilter, $groupBy: [PlatformStatsDimension!]) { platformStats(filter: $filter, groupBy: $groupBy) {
  total groups { count kind department { code name } district { code name } } } }`;

async function platformStats(filter: Record<string, unknown>, groupBy: string[] = []): Promise<{ total: number; groups: Group[] }> {
  const res = await t.gql(PLATFORM_STATS, { filter, groupBy });
  expect(res.errors).toBeUndefined();
  return res.data.platformStats;
}

describe('stationStats against the seed', () => {
  it('counts the 1,492 stations, by district as the seed spreads them', async () => {
    const byDistrict = await stats(CITY, ['DISTRICT']);
    expect(byDistrict.total).toBe(SEED.stationCount);
    expect(Object.fromEntries(byDistrict.groups.map((group) => [(group.district as { code: string }).code, group.count]))).toEqual(SEED.stationsByDistrict);
    // Ordered by code, named.
    const codes = byDistrict.groups.map((group) => (group.district as { code: string }).code);
    expect(codes).toEqual([...codes].sort());
    expect(byDistrict.groups.find((group) => (group.district as { code: string }).code === SEED.fanchengCode)!.district).toEqual({ code: SEED.fanchengCode, name: '樊城区' });
  });

  it('gives the article’s figures: 300 planned for 2023, 72 rural opened, 57 暖新', async () => {
    expect((await stats({ ...CITY, planYear: 2023 })).total).toBe(SEED.planYear2023);
    expect((await stats({ ...CITY, planYear: 2023, kind: ['RURAL'], status: ['OPEN'] })).total).toBe(SEED.ruralOpened2023);
    const byKind = await stats(CITY, ['KIND']);
    expect(compact(byKind.groups)).toEqual(Object.entries(SEED.stationsByKind).map(([kind, count]) => ({ kind, count })));
    expect(byKind.groups.find((group) => group.kind === 'WARM_NEW')!.count).toBe(SEED.warmNew);
  });

  it('agrees with the stations list on the same filter, group by group, and the groups add up to the total', async () => {
    const filter = { ...CITY, planYear: 2023 };
    const byTierAndStatus = await stats(filter, ['TIER', 'STATUS']);
    expect(byTierAndStatus.groups.reduce((sum, group) => sum + group.count, 0)).toBe(byTierAndStatus.total);
    expect(byTierAndStatus.groups.length).toBeGreaterThan(3);
    for (const group of byTierAndStatus.groups) {
      expect(await listTotal({ ...filter, tier: [group.tier], status: [group.status] })).toBe(group.count);
    }
    // Tiers in declared order (BASIC, STANDARD, LEADING), not alphabetically.
    const tiers = [...new Set(byTierAndStatus.groups.map((group) => group.tier))];
    expect(tiers).toEqual(['BASIC', 'STANDARD', 'LEADING']);
  });

  it('groups by plan year and by month of opening, the empty values first', async () => {
    const byYear = await stats(CITY, ['PLAN_YEAR']);
    expect(byYear.groups[0].planYear).toBeNull();
    expect(byYear.groups.find((group) => group.planYear === 2023)!.count).toBe(SEED.planYear2023);
    const byMonth = await stats({ ...CITY, openedFrom: '2023-01-01', openedTo: '2023-12-31' }, ['OPENED_MONTH']);
    expect(byMonth.groups.every((group) => /^2023-(0[1-9]|1[0-2])$/.test(group.openedMonth as string))).toBe(true);
    expect(byMonth.groups.reduce((sum, group) => sum + group.count, 0)).toBe(byMonth.total);
    expect(byMonth.total).toBe(await listTotal({ ...CITY, openedFrom: '2023-01-01', openedTo: '2023-12-31' }));
  });

  it('refuses a malformed filter as the list does', async () => {
    const res = await t.gql(STATS, { filter: { serviceCircleId: 'not-an-id' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('platformStats against the seed', () => {
  it('counts the 888 active platforms by kind, the 907 with withdrawn ones', async () => {
    const active = await platformStats({}, ['KIND']);
    expect(active.total).toBe(PLATFORM_SEED.active);
    expect(Object.fromEntries(active.groups.map((group) => [group.kind, group.count]))).toEqual(PLATFORM_SEED.activeByKind);
    const all = await platformStats({ includeInactive: true }, ['KIND']);
    expect(all.total).toBe(PLATFORM_SEED.total);
    expect(compact(all.groups)).toEqual(Object.entries(PLATFORM_SEED.byKind).map(([kind, count]) => ({ kind, count })));
  });

  it('agrees with the platforms list per department and per district', async () => {
    const byDepartment = await platformStats({}, ['DEPARTMENT']);
    expect(byDepartment.groups.reduce((sum, group) => sum + group.count, 0)).toBe(PLATFORM_SEED.active);
    const total = async (filter: Record<string, unknown>) =>
      (await t.gql(`query($filter: PlatformFilter) { platforms(first: 1, filter: $filter) { totalCount } }`, { filter })).data.platforms.totalCount;
    for (const group of byDepartment.groups) expect(await total({ departmentCode: (group.department as { code: string }).code })).toBe(group.count);
    const byDistrict = await platformStats({ kind: ['UNION_CARE_STATION'] }, ['DISTRICT']);
    for (const group of byDistrict.groups) {
      expect(await total({ kind: ['UNION_CARE_STATION'], regionCode: (group.district as { code: string }).code })).toBe(group.count);
    }
  });
});

const ITEM_COVERAGE = `query($filter: ServiceItemFilter, $groupBy: [ServiceItemCoverageDimension!], $fewerThan: Int!, $first: Int) {
  serviceItemCoverage(filter: $filter, groupBy: $groupBy) { total groups { count offerCount stationCount level department { code } }
    thinlyOfferedItems(fewerThan: $fewerThan, first: $first) { totalCount nodes { code stationCount(status: [ACTIVE]) } } } }`;

async function itemCoverage(
  variables: Record<string, unknown>,
): Promise<{ total: number; groups: Group[]; thinlyOfferedItems: { totalCount: number; nodes: { code: string; stationCount: number }[] } }> {
  const res = await t.gql(ITEM_COVERAGE, { fewerThan: 1, ...variables });
  expect(res.errors).toBeUndefined();
  return res.data.serviceItemCoverage;
}

describe('serviceItemCoverage against the seed', () => {
  it('counts the active items by level, as the serviceItems list does', async () => {
    const byLevel = await itemCoverage({ groupBy: ['LEVEL'] });
    expect(byLevel.total).toBe(SERVICE_ITEM_SEED.activeItemCount);
    expect(byLevel.groups.map((group) => group.level)).toEqual(['PROVINCE', 'CITY', 'DISTRICT']);
    for (const group of byLevel.groups) {
      const list = await t.gql(`query($level: ServiceItemLevel!) { serviceItems(first: 1, filter: { level: [$level] }) { totalCount } }`, { level: group.level });
      expect(group.count).toBe(list.data.serviceItems.totalCount);
    }
    expect(byLevel.groups.find((group) => group.level === 'DISTRICT')!.count).toBe(SERVICE_ITEM_SEED.districtItemCount);
    const byDepartment = await itemCoverage({ groupBy: ['DEPARTMENT'], filter: { departmentCode: 'XY-YBJ' } });
    expect(compact(byDepartment.groups)).toEqual([expect.objectContaining({ count: SERVICE_ITEM_SEED.ybjItems, department: { code: 'XY-YBJ' } })]);
  });

  it('one item: 社保卡申领, pushed down to the high-tech zone’s 90 open stations, is offered where its push-down is ACTIVE', async () => {
    const item = await t.gql(`query($code: String!) { serviceItem(code: $code) { all: stationCount active: stationCount(status: [ACTIVE]) } }`, {
      code: SERVICE_ITEM_SEED.cardItemCode,
    });
    const { all, active } = item.data.serviceItem;
    expect(all).toBe(SERVICE_ITEM_SEED.highTechOpenStations);
    expect(active).toBeLessThan(all);
    const card = await itemCoverage({ filter: { search: SERVICE_ITEM_SEED.cardItemCode } });
    expect(card.total).toBe(1);
    expect(compact(card.groups)).toEqual([{ count: 1, offerCount: active, stationCount: active }]);
    const thin = await itemCoverage({ filter: { search: SERVICE_ITEM_SEED.cardItemCode }, fewerThan: active + 1 });
    expect(thin.thinlyOfferedItems.nodes).toEqual([{ code: SERVICE_ITEM_SEED.cardItemCode, stationCount: active }]);
    expect((await itemCoverage({ filter: { search: SERVICE_ITEM_SEED.cardItemCode }, fewerThan: active })).thinlyOfferedItems.totalCount).toBe(0);
  });

  it('lists the items offered at fewer than N stations, as the items’ own station counts say', async () => {
    const counts: number[] = [];
    for (let after: string | null = null; ;) {
      const page: any = await t.gql(
        `query($after: String) { serviceItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { stationCount(status: [ACTIVE]) } } }`,
        { after },
      );
      counts.push(...page.data.serviceItems.nodes.map((node: { stationCount: number }) => node.stationCount));
      if (!page.data.serviceItems.pageInfo.hasNextPage) break;
      after = page.data.serviceItems.pageInfo.endCursor;
    }
    expect(counts).toHaveLength(SERVICE_ITEM_SEED.activeItemCount);
    for (const fewerThan of [1, 91, 500, 705]) {
      const coverage = await itemCoverage({ fewerThan, first: 100 });
      expect(coverage.thinlyOfferedItems.totalCount).toBe(counts.filter((count) => count < fewerThan).length);
      for (const item of coverage.thinlyOfferedItems.nodes) expect(item.stationCount).toBeLessThan(fewerThan);
    }
    const res = await t.gql(ITEM_COVERAGE, { fewerThan: 0 });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('circleCoverage against the seed', () => {
  it('counts the city’s circles, the covered ones and the three gaps', async () => {
    const res = await t.gql(COVERAGE, { code: SEED.cityCode, first: 10 });
    expect(res.errors).toBeUndefined();
    const coverage = res.data.circleCoverage;
    const all = await t.gql(`{ serviceCircles(first: 1, filter: { regionCode: "${SEED.cityCode}" }) { totalCount } }`);
    expect(coverage.region).toEqual({ code: SEED.cityCode, name: '襄阳市' });
    expect(coverage.circleCount).toBe(all.data.serviceCircles.totalCount);
    expect(coverage.circleCount - coverage.coveredCount).toBe(SEED.uncoveredCircles);
    expect(coverage.coverageRatio).toBeCloseTo(coverage.coveredCount / coverage.circleCount, 10);
    expect(coverage.uncoveredCircles.totalCount).toBe(SEED.uncoveredCircles);
    expect(coverage.uncoveredCircles.nodes.map((circle: { stationCount: number }) => circle.stationCount)).toEqual([0, 0, 0]);
  });

  it('pages the gaps like any connection', async () => {
    const res = await t.gql(COVERAGE, { code: SEED.cityCode, first: 2 });
    expect(res.data.circleCoverage.uncoveredCircles.nodes).toHaveLength(2);
    expect(res.data.circleCoverage.uncoveredCircles.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses an unknown region rather than answering zeros', async () => {
    const res = await t.gql(COVERAGE, { code: '999999' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('999999');
  });
});

describe('one SQL statement each', () => {
  it('stationStats, circleCoverage and planProgress cost one statement, as a planned list does', async () => {
    const analyst = await t.clientHeaders({ name: 'statement-analyst', roles: ['ANALYST'] });
    const count = (query: string, variables: Record<string, unknown>) =>
      t.countStatements(async () => {
        const res = await t.gql(query, variables, analyst);
        expect(res.errors).toBeUndefined();
      });
    // Warm the caller's key, then a planned list: one statement plus the request's own (its key).
    await count(`{ stations(first: 1) { totalCount } }`, {});
    const list = await count(`{ stations(first: 1) { totalCount } }`, {});
    expect(await count(STATS, { filter: CITY, groupBy: ['DISTRICT', 'STREET', 'COMMUNITY', 'TIER', 'KIND', 'STATUS', 'PLAN_YEAR', 'OPENED_MONTH'] })).toBe(list);
    expect(await count(COVERAGE, { code: SEED.cityCode, first: 100 })).toBe(list);
    expect(await count(PLATFORM_STATS, { filter: { includeInactive: true }, groupBy: ['KIND', 'DEPARTMENT', 'DISTRICT'] })).toBe(list);
    expect(await count(ITEM_COVERAGE, { groupBy: ['LEVEL', 'DEPARTMENT'], fewerThan: 100, first: 100 })).toBe(list);
    const progress = `query($code: String!) { planProgress(year: 2023, regionCode: $code) { target stationCount opened underConstruction planned ratio ruralOpened ruralRatio } }`;
    expect(await count(progress, { code: SEED.cityCode })).toBe(list);
  });
});

describe('who may read the figures', () => {
  it('analysts, operators and administrators; not partners, not anonymous callers', async () => {
    const analyst = await t.clientHeaders({ name: 'figures-analyst', roles: ['ANALYST'] });
    const operator = await t.clientHeaders({ name: 'figures-operator', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
    const partner = await t.clientHeaders({ name: 'figures-partner', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    for (const headers of [analyst, operator, {}]) {
      expect((await stats(CITY, [], headers)).total).toBe(await listTotal(CITY));
      const coverage = await t.gql(COVERAGE, { code: SEED.cityCode }, headers);
      expect(coverage.errors).toBeUndefined();
    }
    for (const headers of [partner, ANONYMOUS_HEADERS]) {
      for (const [query, variables] of [
        [STATS, { filter: CITY }],
        [PLATFORM_STATS, { filter: {} }],
        [ITEM_COVERAGE, { fewerThan: 1 }],
        [COVERAGE, { code: SEED.cityCode }],
      ] as const) {
        const res = await t.gql(query, variables, headers);
        expect(res.status).toBe(403);
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(res.data ?? null).toBeNull();
      }
    }
  });
});

describe('stationStats against stations counted by hand', () => {
  /** 檀溪社区 (襄城区檀溪街道): another district and street than 安居社区 (樊城区王寨街道). */
  const TANXI = '420602001008';
  const SAMPLE = { search: '统计样本' };
  const sampleIds: string[] = [];

  beforeAll(async () => {
    const samples = [
      { region: SEED.anjuCommunityCode, tier: 'BASIC', kind: 'COMMUNITY', status: 'OPEN', planYear: 2024, openedOn: '2024-03-05' },
      { region: SEED.anjuCommunityCode, tier: 'BASIC', kind: 'WARM_NEW', status: 'OPEN', planYear: 2024, openedOn: '2024-03-20' },
      { region: SEED.anjuCommunityCode, tier: 'STANDARD', kind: 'COMMUNITY', status: 'PLANNED', planYear: 2025 },
      { region: TANXI, tier: 'LEADING', kind: 'NEW_ECONOMY', status: 'UNDER_CONSTRUCTION', planYear: 2024 },
      { region: TANXI, tier: 'BASIC', kind: 'COMMUNITY', status: 'OPEN', openedOn: '2024-04-01' },
    ];
    for (const [i, { region, ...rest }] of samples.entries()) {
      const res = await t.gql(`mutation($input: CreateStationInput!) { createStation(input: $input) { station { id } userErrors { message } } }`, {
        input: { name: `统计样本驿站${i + 1}`, regionCode: region, address: `统计样本路${i + 1}号`, location: XIANGYANG_POINT, ...rest },
      });
      expect(res.data.createStation.userErrors).toEqual([]);
      sampleIds.push(res.data.createStation.station.id);
    }
  });

  it('one group without groupBy', async () => {
    expect(await stats(SAMPLE)).toEqual({ total: 5, groups: [expect.objectContaining({ count: 5, district: null, tier: null })] });
  });

  it('by district, street and kind', async () => {
    const byDistrict = await stats(SAMPLE, ['DISTRICT']);
    expect(compact(byDistrict.groups)).toEqual([
      { count: 2, district: { code: '420602', name: '襄城区' } },
      { count: 3, district: { code: SEED.fanchengCode, name: '樊城区' } },
    ]);
    const byStreetAndKind = await stats(SAMPLE, ['STREET', 'KIND']);
    expect(compact(byStreetAndKind.groups)).toEqual([
      { count: 1, street: { code: '420602001000' }, kind: 'COMMUNITY' },
      { count: 1, street: { code: '420602001000' }, kind: 'NEW_ECONOMY' },
      { count: 2, street: { code: SEED.streetCode }, kind: 'COMMUNITY' },
      { count: 1, street: { code: SEED.streetCode }, kind: 'WARM_NEW' },
    ]);
  });

  it('by tier and status, by plan year, by month of opening', async () => {
    expect(compact((await stats(SAMPLE, ['TIER', 'STATUS'])).groups)).toEqual([
      { count: 3, tier: 'BASIC', status: 'OPEN' },
      { count: 1, tier: 'STANDARD', status: 'PLANNED' },
      { count: 1, tier: 'LEADING', status: 'UNDER_CONSTRUCTION' },
    ]);
    expect(compact((await stats(SAMPLE, ['PLAN_YEAR'])).groups)).toEqual([{ count: 1 }, { count: 3, planYear: 2024 }, { count: 1, planYear: 2025 }]);
    expect(compact((await stats(SAMPLE, ['OPENED_MONTH'])).groups)).toEqual([{ count: 2 }, { count: 2, openedMonth: '2024-03' }, { count: 1, openedMonth: '2024-04' }]);
  });

  it('with more of the list’s filter: open ones, by community; a dimension given twice counts once', async () => {
    expect(compact((await stats({ ...SAMPLE, status: ['OPEN'] }, ['COMMUNITY', 'COMMUNITY'])).groups)).toEqual([
      { count: 1, community: { code: TANXI } },
      { count: 2, community: { code: SEED.anjuCommunityCode } },
    ]);
  });

  it('platformStats: two union care stations and a gig-work station at the first sample, by kind and department, by district', async () => {
    const platforms = [
      { kind: 'UNION_CARE_STATION', departmentCode: 'XY-ZGH', unionCare: { amenities: ['DRINKING_WATER', 'REST_SEATS'], restSeats: 4 } },
      { kind: 'UNION_CARE_STATION', departmentCode: 'XY-ZGH', unionCare: { amenities: ['WIFI', 'REST_SEATS'], restSeats: 2 } },
      { kind: 'GIG_WORK_STATION', departmentCode: 'XY-RSJ', gigWork: { jobPostings: 3, matchesMade: 1, registeredWorkers: 9 } },
    ];
    for (const [i, platform] of platforms.entries()) {
      const res = await t.gql(`mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { userErrors { message } } }`, {
        input: { ...platform, stationId: sampleIds[0], name: `统计样本平台${i + 1}`, ownerRef: `STATS-${i + 1}` },
      });
      expect(res.data.createPlatform.userErrors).toEqual([]);
    }
    const filter = { stationId: sampleIds[0] };
    const byKindAndDepartment = await platformStats(filter, ['KIND', 'DEPARTMENT']);
    expect(byKindAndDepartment.total).toBe(3);
    expect(compact(byKindAndDepartment.groups)).toEqual([
      { count: 2, kind: 'UNION_CARE_STATION', department: { code: 'XY-ZGH', name: '襄阳市总工会' } },
      { count: 1, kind: 'GIG_WORK_STATION', department: { code: 'XY-RSJ', name: '襄阳市人力资源和社会保障局' } },
    ]);
    expect(compact((await platformStats(filter, ['DISTRICT'])).groups)).toEqual([{ count: 3, district: { code: SEED.fanchengCode, name: '樊城区' } }]);
  });

  it('serviceItemCoverage: two new items, one at two sample stations and one at one', async () => {
    const item = (code: string, name: string) => ({ code, name, level: 'DISTRICT', category: 'ELDERLY_CARE', departmentCode: 'FC-MZJ', handlingMode: 'GUIDANCE', feeYuan: 0 });
    for (const input of [item('420606-LN-0901', '统计样本事项一'), item('420606-LN-0902', '统计样本事项二')]) {
      const res = await t.gql(`mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { userErrors { message } } }`, { input });
      expect(res.data.createServiceItem.userErrors).toEqual([]);
    }
    for (const [itemCode, stationId] of [
      ['420606-LN-0901', sampleIds[0]],
      ['420606-LN-0901', sampleIds[1]],
      ['420606-LN-0902', sampleIds[0]],
    ]) {
      const res = await t.gql(`mutation($input: PushDownServiceItemInput!) { pushDownServiceItem(input: $input) { userErrors { message } } }`, { input: { itemCode, stationId } });
      expect(res.data.pushDownServiceItem.userErrors).toEqual([]);
    }
    const filter = { search: '420606-LN-09' };
    const byDepartment = await itemCoverage({ filter, groupBy: ['DEPARTMENT'], fewerThan: 2 });
    expect(byDepartment.total).toBe(2);
    expect(compact(byDepartment.groups)).toEqual([{ count: 2, offerCount: 3, stationCount: 2, department: { code: 'FC-MZJ' } }]);
    expect(byDepartment.thinlyOfferedItems.nodes).toEqual([{ code: '420606-LN-0902', stationCount: 1 }]);
    expect((await itemCoverage({ filter, fewerThan: 3 })).thinlyOfferedItems.totalCount).toBe(2);
    expect((await itemCoverage({ filter, fewerThan: 1 })).thinlyOfferedItems.totalCount).toBe(0);
  });
});
