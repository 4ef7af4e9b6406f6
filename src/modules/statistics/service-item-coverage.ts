import { rawSql, sql, type SqlFragment } from '../../db/sql';
import { badInputOf, toPageRequest } from '../../graphql/relay';
import type { PlannedList } from '../../graphql/plan/planner';
import { compileServiceItemFilter, serviceItemList } from '../service-item/service-item.reader';
import { ServiceItemLevel } from '../service-item/service-item.enums';
import type { ServiceItemFilter } from '../service-item/service-item.inputs';
import { departmentDimension, enumDimension, groupedCounts, type Dimension } from './grouped-counts';
import { ServiceItemCoverageDimension } from './statistics.types';

const DIMENSIONS: Record<ServiceItemCoverageDimension, Dimension> = {
  [ServiceItemCoverageDimension.LEVEL]: enumDimension('level', 'i.level', ServiceItemLevel),
  [ServiceItemCoverageDimension.DEPARTMENT]: departmentDimension('i.department_id', 'idp'),
};

/** A station offers an item (alias `i`) when the push-down `o` is ACTIVE and the station `os` is not archived. */
const OFFERED = `station_service_item o join station os on os.id = o.station_id and os.archived_at is null`;
const OFFERED_ON = `o.service_item_id = i.id and o.status = 'ACTIVE'`;

/**
 * The figures of serviceItemCoverage: the catalogue items the serviceItems list would list for
 * `filter` (its own filter → SQL), counted in total and per group, each group with its ACTIVE
 * push-downs and the distinct stations offering at least one of its items.
 */
export function serviceItemCoverageParts(
  filter: ServiceItemFilter | undefined,
  groupBy: readonly ServiceItemCoverageDimension[] | undefined,
): { total: SqlFragment; groups: SqlFragment; thinlyOfferedItems: (args: Record<string, unknown>) => PlannedList } {
  const { total, groups } = groupedCounts(
    `service_item i left join (${OFFERED}) on ${OFFERED_ON}`,
    compileServiceItemFilter(filter),
    (groupBy ?? []).map((dimension) => DIMENSIONS[dimension]),
    { count: 'count(distinct i.id)', more: { offerCount: 'count(o.id)', stationCount: 'count(distinct o.station_id)' } },
  );
  return {
    total,
    groups,
    thinlyOfferedItems: (args) => {
      const fewerThan = args.fewerThan as number;
      if (!(Number.isInteger(fewerThan) && fewerThan >= 1)) throw badInputOf('FEWER_THAN_RANGE', { given: fewerThan }, 'fewerThan');
      const offers = rawSql(`(select count(*) from ${OFFERED} where ${OFFERED_ON})`);
      return serviceItemList(filter, undefined, toPageRequest(args, 2), sql`${offers} < ${fewerThan}`);
    },
  };
}
