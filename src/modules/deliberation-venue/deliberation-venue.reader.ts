import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { listInOrder, type PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import type { PageRequest } from '../../graphql/relay';
import { nameOrRecordedSort, recordIdCondition } from '../../graphql/plan/list-filters';
import { SortDirection } from '../station/station.inputs';
import { inRegionSubtree } from '../region/region-subtree';
import { DeliberationVenueSortField, type DeliberationVenueFilter, type DeliberationVenueOrder } from './deliberation-venue.inputs';
import { DELIBERATION_VENUE_COLUMNS, toDeliberationVenueRecord, type DeliberationVenueRecord, type DeliberationVenueRow } from './deliberation-venue.types';

export async function deliberationVenuesByIds(db: SqlReader, ids: readonly string[]): Promise<DeliberationVenueRecord[]> {
  const rows = await db.all<DeliberationVenueRow>(`select ${DELIBERATION_VENUE_COLUMNS} from deliberation_venue dv where dv.id = any(?::uuid[])`, [ids]);
  return rows.map(toDeliberationVenueRecord);
}

function compileVenueFilter(filter: DeliberationVenueFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter?.regionCode) conditions.push(inRegionSubtree('dv.region_id', filter.regionCode));
  if (filter?.kind?.length) conditions.push(sql`dv.kind = any(${filter.kind}::text[])`);
  if (filter?.active != null) conditions.push(sql`dv.active = ${filter.active}`);
  const station = recordIdCondition('dv.station_id', 'filter.stationId', filter?.stationId, 'Station');
  if (station) conditions.push(station);
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** The order of a venue list (alias `t`): by name unless ordered otherwise; ties by id. */
export function deliberationVenueSort(t: string, order: DeliberationVenueOrder | null | undefined): PlannedSort {
  return nameOrRecordedSort(t, order?.field === DeliberationVenueSortField.CREATED_AT, order?.direction === SortDirection.DESC);
}

/** The venues a root list asks for, as the planner reads them (alias `dv`). */
export function deliberationVenueList(filter: DeliberationVenueFilter | undefined, order: DeliberationVenueOrder | undefined, request: PageRequest): PlannedList {
  return listInOrder({ nodeType: 'DeliberationVenue', table: 'deliberation_venue', alias: 'dv', where: compileVenueFilter(filter), request }, deliberationVenueSort('dv', order));
}
