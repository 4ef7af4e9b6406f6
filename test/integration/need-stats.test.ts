import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE } from '../helpers/fixtures';

/**
 * needStats: the needs list's filter, each event counted in the month it happened, by GROUP BY in
 * one SQL statement; exact for administrators and operators, under small-cell control for
 * analysts below district level (src/modules/statistics/need-stats.ts). The needs are written
 * here by SQL with their times set, all in 2019 — a year no seed need falls in (checked first) —
 * in three streets of 樊城区, and counted by hand.
 */
const t = useTestApp();

const FIGURES = 'submitted claimed resolved overdue rejected medianHoursToResolve suppressed';
const STATS = `query($filter: NeedFilter, $groupBy: [NeedStatsDimension!]) { needStats(filter: $filter, groupBy: $groupBy) {
  controlled total { ${FIGURES} } groups { ${FIGURES} state channel category region { code name } month } } }`;

type Figures = Record<'submitted' | 'claimed' | 'resolved' | 'overdue' | 'rejected', number | null> & { medianHoursToResolve: number | null; suppressed: boolean };
type Group = Figures & { state: string | null; channel: string | null; category: string | null; region: { code: string; name: string } | null; month: string | null };
interface Stats {
  controlled: boolean;
  total: Figures;
  groups: Group[];
}

const DISTRICT = SEED.fanchengCode;
/** 汉江, 王寨 and 中原 streets, and one community in each. */
const A = { street: '420606001000', community: '420606001001' };
const B = { street: '420606002000', community: '420606002001' };
const C = { street: '420606003000', community: '420606003001' };
const YEAR_2019 = { submittedFrom: '2019-01-01T00:00:00+08:00', submittedTo: '2020-01-01T00:00:00+08:00' };

let analyst: Record<string, string>;
let operator: Record<string, string>;

async function stats(filter: Record<string, unknown>, groupBy: string[] = [], headers?: Record<string, string>): Promise<Stats> {
  const res = await t.gql(STATS, { filter, groupBy }, headers);
  expect(res.errors).toBeUndefined();
  return res.data.needStats;
}

/** Only the figures other than 0 and the dimensions grouped by. */
function compact(groups: Group[]): Record<string, unknown>[] {
  return groups.map((group) => Object.fromEntries(Object.entries(group).filter(([, value]) => value !== null && value !== false && value !== 0)));
}

interface Fixture {
  community: string;
  submitted: string;
  category: string;
  channel?: string;
  deadline?: string;
  /** Later states and when they were entered (Beijing time). */
  moves?: [string, string][];
}

const at = (day: string) => `${day}T09:00:00+08:00`;
const RESOLVED_PATH = (resolvedOn: string): [string, string][] => [
  ['ON_AGENDA', at('2019-03-06')],
  ['LISTED', at('2019-03-07')],
  ['CLAIMED', at('2019-03-10')],
  ['IN_PROGRESS', at('2019-03-11')],
  ['RESOLVED', at(resolvedOn)],
];

const FIXTURES: Fixture[] = [
  // 汉江: one in January, three in February (one rejected), eight in March: six claimed in March
  // and resolved on 1–6 April (648 to 768 hours after), two past their 31 March deadline.
  { community: A.community, submitted: at('2019-01-10'), category: 'LIGHTING' },
  { community: A.community, submitted: at('2019-02-10'), category: 'PARKING', moves: [['REJECTED', at('2019-02-20')]] },
  { community: A.community, submitted: at('2019-02-10'), category: 'PARKING' },
  { community: A.community, submitted: at('2019-02-10'), category: 'PARKING' },
  ...['2019-04-01', '2019-04-02', '2019-04-03', '2019-04-04', '2019-04-05', '2019-04-06'].map((day) => ({
    community: A.community,
    submitted: at('2019-03-05'),
    category: 'FACILITY_REPAIR',
    channel: 'ONLINE',
    moves: RESOLVED_PATH(day),
  })),
  ...[1, 2].map(() => ({ community: A.community, submitted: at('2019-03-05'), category: 'FACILITY_REPAIR', channel: 'ONLINE', deadline: '2019-03-31T18:00:00+08:00' })),
  // 王寨: eight in May; one past its 30 June deadline, resolved on 15 July (1,464 hours after).
  {
    community: B.community,
    submitted: at('2019-05-15'),
    category: 'SANITATION',
    channel: 'HOTLINE_12345',
    deadline: '2019-06-30T18:00:00+08:00',
    moves: [
      ['IN_PROGRESS', at('2019-05-16')],
      ['RESOLVED', at('2019-07-15')],
    ],
  },
  ...[1, 2, 3, 4, 5, 6, 7].map(() => ({ community: B.community, submitted: at('2019-05-15'), category: 'SANITATION', channel: 'HOTLINE_12345' })),
  // 中原: three in June, one rejected.
  { community: C.community, submitted: at('2019-06-20'), category: 'LIGHTING', moves: [['REJECTED', at('2019-06-25')]] },
  { community: C.community, submitted: at('2019-06-20'), category: 'LIGHTING' },
  { community: C.community, submitted: at('2019-06-20'), category: 'LIGHTING' },
];

beforeAll(async () => {
  analyst = await t.clientHeaders({ name: 'need-stats-analyst', roles: ['ANALYST'] });
  operator = await t.clientHeaders({ name: 'need-stats-operator', roles: ['REGION_OPERATOR'], regionCode: DISTRICT });
  const before = await t.gql(`query($filter: NeedFilter) { needs(first: 1, filter: $filter) { totalCount } }`, { filter: YEAR_2019 });
  expect(before.data.needs.totalCount).toBe(0);
  const connection = t.app.database.orm.em.getConnection();
  for (const [i, need] of FIXTURES.entries()) {
    const moves = need.moves ?? [];
    const state = moves.length ? moves[moves.length - 1][0] : 'SUBMITTED';
    const [{ id }] = await connection.execute(
      `insert into need (id, kind, channel, category, state, region_id, text, receipt_code, deadline, rejection_reason, created_at, updated_at)
       values (gen_random_uuid(), 'RESIDENT_NEED', ?, ?, ?, (select id from region where code = ?), '统计样本需求', ?, ?, ?, ?, ?) returning id`,
      [
        need.channel ?? 'STATION',
        need.category,
        state,
        need.community,
        `NSTAT${String(i).padStart(4, '0')}`,
        need.deadline ?? null,
        state === 'REJECTED' ? '不属于受理范围' : null,
        need.submitted,
        need.submitted,
      ],
    );
    const steps: [string | null, string, string][] = [[null, 'SUBMITTED', need.submitted]];
    for (const [to, when] of moves) steps.push([steps[steps.length - 1][1], to, when]);
    for (const [sequence, [from, to, when]] of steps.entries()) {
      await connection.execute(
        `insert into need_transition (id, need_id, sequence, from_state, to_state, actor_kind, occurred_at) values (gen_random_uuid(), ?, ?, ?, ?, 'SYSTEM', ?)`,
        [id, sequence + 1, from, to, when],
      );
    }
  }
});

const NONE = { claimed: 0, resolved: 0, overdue: 0, rejected: 0, medianHoursToResolve: null, suppressed: false };

describe('exact figures (administrators and operators), counted by hand', () => {
  it('the district’s year: each event once, the median over all seven resolutions', async () => {
    const year = await stats({ ...YEAR_2019, regionCode: DISTRICT });
    expect(year.controlled).toBe(false);
    expect(year.total).toEqual({ submitted: 23, claimed: 6, resolved: 7, overdue: 3, rejected: 2, medianHoursToResolve: 720, suppressed: false });
    expect(year.groups).toHaveLength(1);
  });

  it('by region: the streets below the district, in code order', async () => {
    const byStreet = await stats({ ...YEAR_2019, regionCode: DISTRICT }, ['REGION']);
    expect(byStreet.groups.map((group) => ({ ...group, region: group.region!.code, month: undefined, state: undefined, channel: undefined, category: undefined }))).toEqual([
      { region: A.street, submitted: 12, claimed: 6, resolved: 6, overdue: 2, rejected: 1, medianHoursToResolve: 708, suppressed: false },
      { region: B.street, submitted: 8, claimed: 0, resolved: 1, overdue: 1, rejected: 0, medianHoursToResolve: 1464, suppressed: false },
      { region: C.street, submitted: 3, claimed: 0, resolved: 0, overdue: 0, rejected: 1, medianHoursToResolve: null, suppressed: false },
    ]);
    expect(byStreet.groups[0].region!.name).toBe('汉江街道');
    // A street's own groups are its communities; the operator sees the same exact figures.
    const byCommunity = await stats({ ...YEAR_2019, regionCode: C.street }, ['REGION'], operator);
    expect(byCommunity.controlled).toBe(false);
    expect(compact(byCommunity.groups)).toEqual([{ region: { code: C.community, name: expect.any(String) }, submitted: 3, rejected: 1 }]);
  });

  it('by month: each event in the month it happened — a need resolved in April counts in April', async () => {
    const byMonth = await stats({ ...YEAR_2019, regionCode: A.street }, ['MONTH']);
    expect(byMonth.groups.map(({ state, channel, category, region, ...rest }) => rest)).toEqual([
      { month: '2019-01', submitted: 1, ...NONE },
      { month: '2019-02', submitted: 3, ...NONE, rejected: 1 },
      { month: '2019-03', submitted: 8, ...NONE, claimed: 6, overdue: 2 },
      { month: '2019-04', submitted: 0, ...NONE, resolved: 6, medianHoursToResolve: 708 },
    ]);
    const b = await stats({ ...YEAR_2019, regionCode: B.street }, ['MONTH']);
    expect(compact(b.groups)).toEqual([
      { month: '2019-05', submitted: 8 },
      { month: '2019-06', overdue: 1 },
      { month: '2019-07', resolved: 1, medianHoursToResolve: 1464 },
    ]);
  });

  it('by state, channel and category, over the same filter as the needs list', async () => {
    const groups = (await stats({ ...YEAR_2019, regionCode: DISTRICT, category: ['LIGHTING', 'PARKING'] }, ['CATEGORY', 'STATE'])).groups;
    expect(compact(groups)).toEqual([
      { category: 'LIGHTING', state: 'SUBMITTED', submitted: 3 },
      { category: 'LIGHTING', state: 'REJECTED', submitted: 1, rejected: 1 },
      { category: 'PARKING', state: 'SUBMITTED', submitted: 2 },
      { category: 'PARKING', state: 'REJECTED', submitted: 1, rejected: 1 },
    ]);
    const filter = { ...YEAR_2019, regionCode: DISTRICT, channel: ['ONLINE'] };
    const list = await t.gql(`query($filter: NeedFilter) { needs(first: 1, filter: $filter) { totalCount } }`, { filter });
    expect((await stats(filter, ['CHANNEL'])).groups.map((group) => [group.channel, group.submitted])).toEqual([['ONLINE', list.data.needs.totalCount]]);
    expect(list.data.needs.totalCount).toBe(8);
  });

  it('refuses a malformed filter as the list does', async () => {
    const res = await t.gql(STATS, { filter: { stationId: 'not-an-id' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/**
 * The true values a released figure can stand for, as an attacker who knows the rule reads it: a
 * multiple of 5 under control is r−4 … r+4 and at least 5; any other figure was not rounded.
 */
function possible(figure: number): number[] {
  if (figure % 5 !== 0) return [figure];
  const values: number[] = [];
  for (let value = Math.max(5, figure - 4); value <= figure + 4; value++) values.push(value);
  return values;
}

/** Every sum of one value from each list. */
function sums(lists: number[][]): Set<number> {
  let result = new Set([0]);
  for (const list of lists) result = new Set([...result].flatMap((sum) => list.map((value) => sum + value)));
  return result;
}

describe('small-cell control for analysts', () => {
  it('below district level: figures under 5 (0 too) are null, the rest multiples of 5 within 4 of the truth, wholly small groups left out', async () => {
    const byStreet = await stats({ ...YEAR_2019, regionCode: DISTRICT }, ['REGION'], analyst);
    expect(byStreet.controlled).toBe(true);
    // 中原 (3 needs) is not listed: an empty street and a small one look the same.
    expect(byStreet.groups.map((group) => group.region!.code)).toEqual([A.street, B.street]);
    const [a, b] = byStreet.groups;
    expect(possible(a.submitted!)).toContain(12);
    expect(possible(a.claimed!)).toContain(6);
    expect(possible(a.resolved!)).toContain(6);
    expect([a.overdue, a.rejected, a.suppressed, a.medianHoursToResolve]).toEqual([null, null, true, 708]);
    expect(possible(b.submitted!)).toContain(8);
    expect([b.claimed, b.resolved, b.overdue, b.rejected, b.medianHoursToResolve, b.suppressed]).toEqual([null, null, null, null, null, true]);
    for (const figure of [a.submitted, a.claimed, a.resolved, b.submitted]) expect(figure! % 5).toBe(0);
    // The same needs give the same figures every time.
    expect(await stats({ ...YEAR_2019, regionCode: DISTRICT }, ['REGION'], analyst)).toEqual(byStreet);
    // One street on its own: the whole result is under control.
    const c = await stats({ ...YEAR_2019, regionCode: C.street }, [], analyst);
    expect(c).toEqual({
      controlled: true,
      total: { submitted: null, claimed: null, resolved: null, overdue: null, rejected: null, medianHoursToResolve: null, suppressed: true },
      groups: [],
    });
  });

  it('district level and above stay exact, as do figures by district', async () => {
    const year = await stats({ ...YEAR_2019, regionCode: DISTRICT }, ['STATE'], analyst);
    expect(year.controlled).toBe(false);
    expect(year.total.submitted).toBe(23);
    expect((await stats({ ...YEAR_2019, regionCode: SEED.cityCode }, ['REGION'], analyst)).groups.map((group) => [group.region!.code, group.submitted])).toEqual([[DISTRICT, 23]]);
  });

  it('attack: the district total minus every street shown leaves several values for the rest', async () => {
    const total = (await stats({ ...YEAR_2019, regionCode: DISTRICT }, [], analyst)).total.submitted!;
    expect(total).toBe(23);
    const shown = (await stats({ ...YEAR_2019, regionCode: DISTRICT }, ['REGION'], analyst)).groups.map((group) => possible(group.submitted!));
    const rest = [...sums(shown)].map((sum) => total - sum).filter((value) => value >= 0 && value <= 4);
    // 中原 holds 3; the published figures cannot say which of several it is.
    expect(rest).toContain(3);
    expect(rest.length).toBeGreaterThanOrEqual(2);
  });

  it('attack: two overlapping windows do not give the month between them; other windows are refused', async () => {
    const year = (await stats({ ...YEAR_2019, regionCode: A.street }, [], analyst)).total.submitted!;
    const fromFebruary = (await stats({ ...YEAR_2019, submittedFrom: '2019-02-01T00:00:00+08:00', regionCode: A.street }, [], analyst)).total.submitted!;
    const january = [...sums([possible(year), possible(fromFebruary).map((value) => -value)])].filter((value) => value >= 0 && value <= 4);
    expect(january).toContain(1);
    expect(january.length).toBeGreaterThanOrEqual(2);
    const alone = await stats({ submittedFrom: '2019-01-01T00:00:00+08:00', submittedTo: '2019-02-01T00:00:00+08:00', regionCode: A.street }, [], analyst);
    expect(alone.total.submitted).toBeNull();
    // A window that is not whole months (one that could be narrowed a need at a time) is refused.
    for (const window of [{ submittedFrom: '2019-01-10T09:00:01+08:00' }, { submittedTo: '2019-03-01T00:00:00Z' }]) {
      const res = await t.gql(STATS, { filter: { ...YEAR_2019, ...window, regionCode: A.street } }, analyst);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/whole months|整月/);
    }
    // So is `near`, for analysts; administrators may use it.
    const near = { ...YEAR_2019, near: { latitude: 32.04, longitude: 112.14, radiusMetres: 500 } };
    expect((await t.gql(STATS, { filter: near }, analyst)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(STATS, { filter: near })).errors).toBeUndefined();
  });

  it('attack: the year minus its months shown does not give the months hidden', async () => {
    const year = (await stats({ ...YEAR_2019, regionCode: A.street }, [], analyst)).total.submitted!;
    const byMonth = (await stats({ ...YEAR_2019, regionCode: A.street }, ['MONTH'], analyst)).groups;
    // January (1) and February (3) are not listed (at most 4 each); March's 8 is rounded; April submitted none (null).
    expect(byMonth.map((group) => group.month)).toEqual(['2019-03', '2019-04']);
    const shown = byMonth.map((group) => (group.submitted === null ? [0, 1, 2, 3, 4] : possible(group.submitted)));
    const rest = [...new Set([...sums(shown)].flatMap((sum) => possible(year).map((value) => value - sum)))].filter((value) => value >= 0 && value <= 8);
    expect(rest).toContain(4);
    expect(rest.length).toBeGreaterThanOrEqual(2);
  });

  it('attack: a filter and its complement do not give the category left out', async () => {
    const all = (await stats({ ...YEAR_2019, regionCode: A.street }, [], analyst)).total.submitted!;
    const withoutLighting = (await stats({ ...YEAR_2019, regionCode: A.street, category: ['PARKING', 'FACILITY_REPAIR'] }, [], analyst)).total.submitted!;
    const lighting = [...sums([possible(all), possible(withoutLighting).map((value) => -value)])].filter((value) => value >= 0 && value <= 4);
    expect(lighting).toContain(1);
    expect(lighting.length).toBeGreaterThanOrEqual(2);
    // Grouped by category, the lone LIGHTING need's group is not listed at all.
    const byCategory = await stats({ ...YEAR_2019, regionCode: A.street }, ['CATEGORY'], analyst);
    expect(byCategory.groups.map((group) => group.category)).toEqual(['FACILITY_REPAIR']);
  });

  it('a station narrows below district too', async () => {
    const station = await t.gql(`query($code: String!) { station(code: $code) { id } }`, { code: STATION_PROFILE.anjuStationCode });
    const res = await stats({ ...YEAR_2019, stationId: station.data.station.id }, [], analyst);
    expect(res.controlled).toBe(true);
    expect(res.total.submitted).toBeNull();
  });
});

describe('one SQL statement, and who may read it', () => {
  it('needStats costs one statement, as a planned list does', async () => {
    const count = (query: string, variables: Record<string, unknown>) =>
      t.countStatements(async () => {
        const res = await t.gql(query, variables, analyst);
        expect(res.errors).toBeUndefined();
      });
    await count(`{ needs(first: 1) { totalCount } }`, {});
    const list = await count(`{ needs(first: 1) { totalCount } }`, {});
    expect(await count(STATS, { filter: { ...YEAR_2019, regionCode: DISTRICT }, groupBy: ['STATE', 'CHANNEL', 'CATEGORY', 'REGION', 'MONTH'] })).toBe(list);
  });

  it('analysts, operators and administrators; not partners, not anonymous callers', async () => {
    const partner = await t.clientHeaders({ name: 'need-stats-partner', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    for (const headers of [partner, ANONYMOUS_HEADERS]) {
      const res = await t.gql(STATS, { filter: YEAR_2019 }, headers);
      expect(res.status).toBe(403);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
