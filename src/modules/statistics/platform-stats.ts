import type { SqlFragment } from '../../db/sql';
import { compilePlatformFilter } from '../platform/platform.reader';
import { PlatformKind } from '../platform/platform.enums';
import type { PlatformFilter } from '../platform/platform.inputs';
import { departmentDimension, enumDimension, groupedCounts, codedDimension, regionJoins, type Dimension } from './grouped-counts';
import { PlatformStatsDimension } from './statistics.types';

const DIMENSIONS: Record<PlatformStatsDimension, Dimension> = {
  [PlatformStatsDimension.KIND]: enumDimension('kind', 'p.kind', PlatformKind),
  [PlatformStatsDimension.DEPARTMENT]: departmentDimension('p.department_id', 'pd'),
  [PlatformStatsDimension.DISTRICT]: codedDimension('district', regionJoins('ps.region_id', ['join station ps on ps.id = p.station_id']).district, 'sd'),
};

/** The figures of platformStats: the platforms list's own filter (compilePlatformFilter), counted in total and per group. */
export function platformStatsParts(filter: PlatformFilter | undefined, groupBy: readonly PlatformStatsDimension[] | undefined): { total: SqlFragment; groups: SqlFragment } {
  return groupedCounts(
    'platform p',
    compilePlatformFilter(filter),
    (groupBy ?? []).map((dimension) => DIMENSIONS[dimension]),
  );
}
