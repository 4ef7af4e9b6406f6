import { joinSql, rawSql, sql } from '../../db/sql';
import { column, dateSql, recordFields, registerReadFields, registerReadModel, type FieldPlan } from '../../graphql/plan/read-model';
import { volunteerTeamSort } from './volunteer-team.reader';
import { MEMBER_FROM, toVolunteerTeamMemberRecord, toVolunteerTeamRecord, VOLUNTEER_TEAM_COLUMNS, VOLUNTEER_TEAM_MEMBER_COLUMNS } from './volunteer-team.types';

/** The teams of a parent row (`where` relates alias `c` to parent `t`), by name, optionally only active or archived ones. */
function teamsOf(where: (t: string, c: string) => string): FieldPlan {
  return {
    kind: 'connection',
    type: 'VolunteerTeam',
    where: (t, c, args) => {
      const conditions = [rawSql(where(t, c))];
      if (args.active != null) conditions.push(sql`${rawSql(`${c}.active`)} = ${args.active as boolean}`);
      return joinSql(conditions, ' and ');
    },
    sort: (c) => volunteerTeamSort(c, null),
  };
}

/**
 * How a VolunteerTeam and its members are read (see graphql/plan/read-model.ts). Members' name and
 * phone are personal data: they stay with their resolvers, which mask them by the caller and the
 * team's community.
 */
export function registerVolunteerTeamReadModel(): void {
  registerReadModel({
    type: 'VolunteerTeam',
    table: 'volunteer_team',
    key: 'id',
    record: { columns: VOLUNTEER_TEAM_COLUMNS, from: 'volunteer_team vt', alias: 'vt', toRecord: toVolunteerTeamRecord },
    fields: {
      ...recordFields('VolunteerTeam'),
      name: column('name'),
      kind: column('kind'),
      sentDownAt: { kind: 'value', sql: (t) => dateSql(`${t}.sent_down_at`) },
      sentDown: { kind: 'value', sql: (t) => `(${t}.sent_down_at is not null)` },
      active: column('active'),
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
      organization: { kind: 'one', type: 'Organization', key: (t) => `${t}.organization_id` },
      members: {
        kind: 'connection',
        type: 'VolunteerTeamMember',
        where: (t, c) => rawSql(`${c}.team_id = ${t}.id`),
        sort: (c) => ({ expression: `${c}.created_at`, type: 'timestamptz', id: `${c}.id`, idType: 'uuid' }),
      },
    },
  });
  registerReadModel({
    type: 'VolunteerTeamMember',
    table: 'volunteer_team_member',
    key: 'id',
    record: { columns: VOLUNTEER_TEAM_MEMBER_COLUMNS, from: MEMBER_FROM, alias: 'vm', toRecord: toVolunteerTeamMemberRecord },
    fields: {
      ...recordFields('VolunteerTeamMember'),
      role: column('role'),
      joinedOn: { kind: 'value', sql: (t) => dateSql(`${t}.joined_on`) },
      team: { kind: 'one', type: 'VolunteerTeam', key: (t) => `${t}.team_id` },
      person: { kind: 'one', type: 'Person', key: (t) => `${t}.person_id` },
    },
  });
  registerReadFields('Region', {
    volunteerTeams: teamsOf((t, c) => `${c}.region_id in (select d.id from region d where d.path like ${t}.path || '%')`),
  });
  registerReadFields('Station', { volunteerTeams: teamsOf((t, c) => `${c}.station_id = ${t}.id`) });
}
