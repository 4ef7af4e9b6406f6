import type { SqlFragment } from '../../db/sql';
import { compileStationFilter } from '../station/station.reader';
import { StationKind, StationStatus, StationTier } from '../station/station.enums';
import type { StationFilter } from '../station/station.inputs';
import { enumDimension, groupedCounts, codedDimension, regionJoins, type Dimension } from './grouped-counts';
import { StationStatsDimension } from './statistics.types';

const REGIONS = regionJoins('s.region_id');
const OPENED_MONTH = `to_char(s.opened_on, 'YYYY-MM')`;

const DIMENSIONS: Record<StationStatsDimension, Dimension> = {
  [StationStatsDimension.DISTRICT]: codedDimension('district', REGIONS.district, 'sd'),
  [StationStatsDimension.STREET]: codedDimension('street', REGIONS.street, 'ss'),
  [StationStatsDimension.COMMUNITY]: codedDimension('community', REGIONS.community, 'sc'),
  [StationStatsDimension.TIER]: enumDimension('tier', 's.tier', StationTier),
  [StationStatsDimension.KIND]: enumDimension('kind', 's.kind', StationKind),
  [StationStatsDimension.STATUS]: enumDimension('status', 's.status', StationStatus),
  [StationStatsDimension.PLAN_YEAR]: { field: 'planYear', joins: [], key: 's.plan_year', value: 's.plan_year', order: 's.plan_year', nullable: true },
  [StationStatsDimension.OPENED_MONTH]: { field: 'openedMonth', joins: [], key: OPENED_MONTH, value: OPENED_MONTH, order: OPENED_MONTH, nullable: true },
};

/**
 * The figures of stationStats: the stations the stations list would list for `filter` (its own
 * filter → SQL, compileStationFilter), counted in total and per group of `groupBy`.
 */
export function stationStatsParts(filter: StationFilter | undefined, groupBy: readonly StationStatsDimension[] | undefined): { total: SqlFragment; groups: SqlFragment } {
  const compiled = compileStationFilter(filter);
  return groupedCounts(
    compiled.from,
    compiled.where,
    (groupBy ?? []).map((dimension) => DIMENSIONS[dimension]),
  );
}
