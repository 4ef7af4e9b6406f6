import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { listInOrder, type PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import { badInputOf, localIdOf, notAnId, type PageRequest } from '../../graphql/relay';
import { stationIdsInRegionSubtree } from '../region/region-subtree';
import { SortDirection } from '../station/station.inputs';
import type { DutyShiftKind } from './duty-shift.enums';
import { DutyShiftSortField, type DutyShiftFilter, type DutyShiftOrder } from './duty-shift.inputs';
import { DUTY_SHIFT_COLUMNS, toDutyShiftRecord, type DutyShiftRecord, type DutyShiftRow } from './duty-shift.types';

export async function dutyShiftsByIds(db: SqlReader, ids: readonly string[]): Promise<DutyShiftRecord[]> {
  const rows = await db.all<DutyShiftRow>(`select ${DUTY_SHIFT_COLUMNS} from duty_shift d where d.id = any(?::uuid[])`, [ids]);
  return rows.map(toDutyShiftRecord);
}

/** Which shifts a list shows: those overlapping [from, to), of the given kinds. */
export interface ShiftWindow {
  from?: Date | null;
  to?: Date | null;
  kinds?: readonly DutyShiftKind[] | null;
}

/**
 * Conditions for shifts aliased `d` within a window; `to` must be after `from` (`field` prefixes
 * the argument names in the error when it is not).
 */
export function shiftWindow(d: string, window: ShiftWindow, field = ''): SqlFragment[] {
  const { from, to, kinds } = window;
  if (from && to && !(to > from)) throw badInputOf('TIME_WINDOW_INVALID', { from: `${field}from`, to: `${field}to` }, `${field}to`);
  const conditions: SqlFragment[] = [];
  if (from) conditions.push(sql`${rawSql(`${d}.ends_at`)} > ${from.toISOString()}::timestamptz`);
  if (to) conditions.push(sql`${rawSql(`${d}.starts_at`)} < ${to.toISOString()}::timestamptz`);
  if (kinds?.length) conditions.push(sql`${rawSql(`${d}.kind`)} = any(${[...kinds]}::text[])`);
  return conditions;
}

/** Shifts aliased `d` of a station (its id as SQL) on duty at an instant: started by then, not yet ended. */
export function onDutyAt(d: string, station: SqlFragment, at: Date): SqlFragment {
  return sql`${rawSql(`${d}.station_id`)} = ${station} and ${rawSql(`${d}.starts_at`)} <= ${at.toISOString()}::timestamptz
    and ${rawSql(`${d}.ends_at`)} > ${at.toISOString()}::timestamptz`;
}

function compileDutyShiftFilter(filter: DutyShiftFilter | undefined): SqlFragment {
  const conditions = shiftWindow('d', { from: filter?.from, to: filter?.to, kinds: filter?.kind }, 'filter.');
  const idFilters = [
    ['stationId', 'Station', 'd.station_id'],
    ['personId', 'Person', 'd.person_id'],
    ['organizationId', 'Organization', 'd.organization_id'],
  ] as const;
  for (const [field, type, column] of idFilters) {
    const globalId = filter?.[field];
    if (!globalId) continue;
    const localId = localIdOf(globalId, type);
    if (!localId) throw notAnId(`filter.${field}`, type);
    conditions.push(sql`${rawSql(column)} = ${localId}::uuid`);
  }
  if (filter?.regionCode) {
    conditions.push(sql`d.station_id in (${stationIdsInRegionSubtree(filter.regionCode)})`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_COLUMNS: Record<DutyShiftSortField, string> = {
  [DutyShiftSortField.STARTS_AT]: 'starts_at',
  [DutyShiftSortField.CREATED_AT]: 'created_at',
};

/** The order of a shift list (alias `d`): earliest start first unless ordered otherwise; ties by id. */
export function dutyShiftSort(d: string, order: DutyShiftOrder | null | undefined): PlannedSort {
  return {
    expression: `${d}.${SORT_COLUMNS[order?.field ?? DutyShiftSortField.STARTS_AT]}`,
    type: 'timestamptz',
    id: `${d}.id`,
    idType: 'uuid',
    descending: (order?.direction ?? SortDirection.ASC) === SortDirection.DESC,
  };
}

/** The shifts a root list asks for, in its order, as the planner reads them (alias `d`). */
export function dutyShiftList(filter: DutyShiftFilter | undefined, order: DutyShiftOrder | undefined, request: PageRequest): PlannedList {
  return listInOrder({ nodeType: 'DutyShift', table: 'duty_shift', alias: 'd', where: compileDutyShiftFilter(filter), request }, dutyShiftSort('d', order));
}
