import type { SqlFragment } from '../../db/sql';
import { compilePlatformFilter } from '../platform/platform.reader';
import { PlatformKind } from '../platform/platform.enums';
import type { PlatformFilter } from '../platform/platform.inputs';
import { enumDimension, groupedCounts, regionDimension, regionJoins, type Dimension } from './grouped-counts';
import { PlatformStatsDimension } from './statistics.types';

const DIMENSIONS: Record<PlatformStatsDimension, Dimension> = {
  [PlatformStatsDimension.KIND]: enumDimension('kind', 'p.kind', PlatformKind),
  [PlatformStatsDimension.DEPARTMENT]: {
    field: 'department',
    joins: ['join department pd on pd.id = p.department_id'],
    key: 'pd.id',
    value: `json_build_object('code', pd.code, 'name', pd.name)`,
    order: 'pd.code',
  },
  [PlatformStatsDimension.DISTRICT]: regionDimension('district', regionJoins('ps.region_id', ['join station ps on ps.id = p.station_id']).district, 'sd'),
};

/** The figures of platformStats: the platforms list's own filter (compilePlatformFilter), counted in total and per group. */
export function platformStatsParts(filter: PlatformFilter | undefined, groupBy: readonly PlatformStatsDimension[] | undefined): { total: SqlFragment; groups: SqlFragment } {
  return groupedCounts(
    'platform p',
    compilePlatformFilter(filter),
    (groupBy ?? []).map((dimension) => DIMENSIONS[dimension]),
  );
}
