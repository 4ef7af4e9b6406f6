import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { inRegionSubtree } from '../region/region-subtree';
import { listInOrder, type PlannedList } from '../../graphql/plan/planner';
import type { PlannedSort } from '../../graphql/plan/read-model';
import type { PageRequest } from '../../graphql/relay';
import { nameOrRecordedSort, recordIdCondition } from '../../graphql/plan/list-filters';
import { SortDirection } from '../station/station.inputs';
import { VolunteerTeamSortField, type VolunteerTeamFilter, type VolunteerTeamOrder } from './volunteer-team.inputs';
import {
  MEMBER_FROM,
  toVolunteerTeamMemberRecord,
  toVolunteerTeamRecord,
  VOLUNTEER_TEAM_COLUMNS,
  VOLUNTEER_TEAM_MEMBER_COLUMNS,
  type VolunteerTeamMemberRecord,
  type VolunteerTeamMemberRow,
  type VolunteerTeamRecord,
  type VolunteerTeamRow,
} from './volunteer-team.types';

export async function volunteerTeamsByIds(db: SqlReader, ids: readonly string[]): Promise<VolunteerTeamRecord[]> {
  const rows = await db.all<VolunteerTeamRow>(`select ${VOLUNTEER_TEAM_COLUMNS} from volunteer_team vt where vt.id = any(?::uuid[])`, [ids]);
  return rows.map(toVolunteerTeamRecord);
}

export async function volunteerTeamMembersByIds(db: SqlReader, ids: readonly string[]): Promise<VolunteerTeamMemberRecord[]> {
  const rows = await db.all<VolunteerTeamMemberRow>(`select ${VOLUNTEER_TEAM_MEMBER_COLUMNS} from ${MEMBER_FROM} where vm.id = any(?::uuid[])`, [ids]);
  return rows.map(toVolunteerTeamMemberRecord);
}

function compileTeamFilter(filter: VolunteerTeamFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter?.regionCode) conditions.push(inRegionSubtree('vt.region_id', filter.regionCode));
  if (filter?.kind?.length) conditions.push(sql`vt.kind = any(${filter.kind}::text[])`);
  if (filter?.active != null) conditions.push(sql`vt.active = ${filter.active}`);
  if (filter?.sentDown != null) conditions.push(rawSql(filter.sentDown ? 'vt.sent_down_at is not null' : 'vt.sent_down_at is null'));
  for (const condition of [
    recordIdCondition('vt.station_id', 'filter.stationId', filter?.stationId, 'Station'),
    recordIdCondition('vt.organization_id', 'filter.organizationId', filter?.organizationId, 'Organization'),
  ]) {
    if (condition) conditions.push(condition);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** The order of a team list (alias `t`): by name unless ordered otherwise; ties by id. */
export function volunteerTeamSort(t: string, order: VolunteerTeamOrder | null | undefined): PlannedSort {
  return nameOrRecordedSort(t, order?.field === VolunteerTeamSortField.CREATED_AT, order?.direction === SortDirection.DESC);
}

/** The teams a root list asks for, as the planner reads them (alias `vt`). */
export function volunteerTeamList(filter: VolunteerTeamFilter | undefined, order: VolunteerTeamOrder | undefined, request: PageRequest): PlannedList {
  return listInOrder({ nodeType: 'VolunteerTeam', table: 'volunteer_team', alias: 'vt', where: compileTeamFilter(filter), request }, volunteerTeamSort('vt', order));
}
