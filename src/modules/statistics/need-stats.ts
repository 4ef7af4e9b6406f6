import { hasRole, type Principal } from '../../auth/principal';
import { Role } from '../../auth/roles';
import { rawSql, sql, type SqlFragment } from '../../db/sql';
import { badInputOf } from '../../graphql/relay';
import { NeedCategory, NeedChannel, NeedState } from '../need/need.enums';
import type { NeedFilter } from '../need/need.inputs';
import { needFilterWhere } from '../need/need.reader';
import { enumDimension, groupedFigures, codedDimension, type Dimension } from './grouped-counts';
import { NeedStatsDimension } from './need-stats.types';

/**
 * 小数控制 Small-cell control of needStats — the rule (README, "Need figures and small cells"):
 *
 * 1. Who: an ANALYST caller who is neither ADMIN nor REGION_OPERATOR. Administrators and
 *    operators (who run the needs themselves) get exact figures.
 * 2. When: the result is "fine" — its filter narrows below a district (a 12-digit street or
 *    community regionCode, a stationId) or it groups by REGION below a district (the filter's
 *    regionCode is a district or finer). District and coarser figures are exact for everyone.
 * 3. What: in a fine result every figure below 5 — 0 included — is null (suppressed: true); every
 *    other figure is rounded to a multiple of 5, up or down at random with the chance of going up
 *    equal to the remainder ÷ 5 (unbiased), the draw keyed on the needs in the cell (a hash of each
 *    need's id and the event, summed modulo 5): the same needs give the same figure in every query,
 *    and one need more or less gives a fresh draw. A group whose every figure is below 5 is not
 *    listed, so an empty group and a small one look the same. The median is null unless the
 *    group's resolved figure is shown.
 * 4. Windows: in a fine result submittedFrom/submittedTo must fall on the first of a month, 00:00
 *    Beijing time; `near` is refused to analysts (a radius, like a window, could be moved one need
 *    at a time until a figure changes, and that would place the need).
 *
 * Why rounding rather than complementary suppression: which cells complementary suppression hides
 * depends on the query, so a second query for the complement cell alone shows it, and the district
 * total (exact) minus it gives the hidden cell. A rounded figure is ±4 whatever else is asked, so
 * a district total minus the shown streets, two overlapping windows, or a total minus its months
 * each leave several values possible for a hidden cell (test/integration/need-stats.test.ts tries
 * all three). Suppressing 0 as well means a null never tells "there is someone here".
 */
export const SMALL_CELL = 5;

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function isMonthStart(time: Date): boolean {
  const beijing = new Date(time.getTime() + SHANGHAI_OFFSET_MS);
  return beijing.getUTCDate() === 1 && beijing.getUTCHours() === 0 && beijing.getUTCMinutes() === 0 && beijing.getUTCSeconds() === 0 && beijing.getUTCMilliseconds() === 0;
}

/** Codes of streets and communities have 12 digits; a district's 6 digits do not end in 00 (a city's, a province's do). */
const belowDistrict = (code: string): boolean => code.length > 6;
const districtOrBelow = (code: string): boolean => belowDistrict(code) || !code.endsWith('00');

/** The events a need is counted by, each dated by itself (the timeline records when each state was entered). */
const TIMELINE = `cross join lateral (
  select min(x.occurred_at) filter (where x.to_state = '${NeedState.CLAIMED}') as claimed_at,
         min(x.occurred_at) filter (where x.to_state = '${NeedState.RESOLVED}') as resolved_at,
         min(x.occurred_at) filter (where x.to_state = '${NeedState.REJECTED}') as rejected_at
    from need_transition x where x.need_id = n.id) t`;
const OVERDUE_AT = `case when n.deadline < now() and n.deadline < coalesce(least(t.resolved_at, t.rejected_at), 'infinity') then n.deadline end`;
const EVENTS = `cross join lateral (values ('submitted', n.created_at), ('claimed', t.claimed_at), ('resolved', t.resolved_at), ('rejected', t.rejected_at), ('overdue', ${OVERDUE_AT})) e(metric, at)`;
const FROM = `need n ${TIMELINE} ${EVENTS}`;
const COUNTS = ['submitted', 'claimed', 'resolved', 'overdue', 'rejected'] as const;
const MONTH = `to_char(e.at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
const MEDIAN = `percentile_cont(0.5) within group (order by extract(epoch from e.at - n.created_at)) filter (where e.metric = 'resolved') / 3600`;

/** A need's own draw for one event: 0–4, from a hash of its id and the event. */
const drawOf = `(hashtext(n.id::text || e.metric) & 2147483647) % ${SMALL_CELL}`;

const AGGREGATES: Record<string, string> = {
  ...Object.fromEntries(
    COUNTS.flatMap((metric) => [
      [metric, `count(*) filter (where e.metric = '${metric}')::int`],
      [`${metric}$key`, `coalesce(sum(${drawOf}) filter (where e.metric = '${metric}'), 0) % ${SMALL_CELL}`],
    ]),
  ),
  median: MEDIAN,
};

const MEDIAN_HOURS = `round(g.median::numeric, 1)::float8`;

const EXACT = {
  ...Object.fromEntries(COUNTS.map((metric) => [metric, `g."${metric}"`])),
  medianHoursToResolve: MEDIAN_HOURS,
  suppressed: 'false',
};

/** Below 5 → null; otherwise a multiple of 5, rounded up when the cell's draw is below the remainder. */
const controlledCount = (metric: string) =>
  `case when g."${metric}" < ${SMALL_CELL} then null else g."${metric}" - g."${metric}" % ${SMALL_CELL} + case when g."${metric}$key" < g."${metric}" % ${SMALL_CELL} then ${SMALL_CELL} else 0 end end`;

const CONTROLLED = {
  ...Object.fromEntries(COUNTS.map((metric) => [metric, controlledCount(metric)])),
  medianHoursToResolve: `case when g.resolved >= ${SMALL_CELL} then ${MEDIAN_HOURS} end`,
  suppressed: `(${COUNTS.map((metric) => `g."${metric}" < ${SMALL_CELL}`).join(' or ')})`,
};
/** A group with every figure below 5 is left out: listed, it would tell "someone is here". */
const SHOWN = `(${COUNTS.map((metric) => `g."${metric}" >= ${SMALL_CELL}`).join(' or ')})`;

/** The regions one level below `code` (districts without one), found from each need's region path; needs on `code` itself have none. */
function childRegionDimension(code: string | undefined): Dimension {
  // Digits only (checked by the caller), so the code may stand in the SQL text of the join.
  const child = code ? `nullif(split_part(split_part(nr.path, '${code}/', 2), '/', 1), '')` : `split_part(nr.path, '/', 3)`;
  return { ...codedDimension('region', ['join region nr on nr.id = n.region_id', `left join region ng on ng.code = ${child}`], 'ng'), nullable: true };
}

function dimensionsOf(groupBy: readonly NeedStatsDimension[], regionCode: string | undefined): Dimension[] {
  const dimensions: Record<NeedStatsDimension, () => Dimension> = {
    [NeedStatsDimension.STATE]: () => enumDimension('state', 'n.state', NeedState),
    [NeedStatsDimension.CHANNEL]: () => enumDimension('channel', 'n.channel', NeedChannel),
    [NeedStatsDimension.CATEGORY]: () => enumDimension('category', 'n.category', NeedCategory),
    [NeedStatsDimension.REGION]: () => childRegionDimension(regionCode),
    [NeedStatsDimension.MONTH]: () => ({ field: 'month', joins: [], key: MONTH, value: MONTH, order: MONTH }),
  };
  return [...new Set(groupBy)].map((dimension) => dimensions[dimension]());
}

/** Whether small-cell control applies to this caller's figures for this filter and grouping; refuses what would defeat it. */
export function isControlled(principal: Principal, filter: NeedFilter | undefined, groupBy: readonly NeedStatsDimension[]): boolean {
  if (hasRole(principal, Role.ADMIN) || hasRole(principal, Role.REGION_OPERATOR)) return false;
  if (filter?.near) throw badInputOf('NEED_STATS_NEAR_CONTROLLED', {}, 'filter.near');
  const code = filter?.regionCode?.trim();
  const fine = !!filter?.stationId || (!!code && belowDistrict(code)) || (!!code && groupBy.includes(NeedStatsDimension.REGION) && districtOrBelow(code));
  if (fine) {
    for (const field of ['submittedFrom', 'submittedTo'] as const) {
      const time = filter?.[field];
      if (time && !isMonthStart(time)) throw badInputOf('NEED_STATS_WHOLE_MONTHS', { field: `filter.${field}` }, `filter.${field}`);
    }
  }
  return fine;
}

/**
 * The parts of needStats (see planFigures): the needs the needs list would list for `filter`
 * (its own filter → SQL and read scope), each event counted in total and per group of `groupBy`,
 * by GROUP BY in the database — under small-cell control when `controlled`.
 */
export function needStatsParts(principal: Principal, filter: NeedFilter | undefined, groupBy: readonly NeedStatsDimension[], controlled: boolean): Record<string, SqlFragment> {
  const code = filter?.regionCode?.trim();
  if (code && groupBy.includes(NeedStatsDimension.REGION) && !/^\d{6,20}$/.test(code)) throw badInputOf('FIGURES_REGION_NOT_FOUND', { code }, 'filter.regionCode');
  const where = sql`${needFilterWhere(principal, filter)} and e.at is not null`;
  const measures = { aggregates: AGGREGATES, release: controlled ? CONTROLLED : EXACT };
  const { total, groups } = groupedFigures(FROM, where, dimensionsOf(groupBy, code), measures, controlled ? SHOWN : undefined);
  return { controlled: rawSql(String(controlled)), total, groups };
}
