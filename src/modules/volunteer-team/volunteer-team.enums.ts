/** 志愿服务队伍类别 Where a volunteer team comes from (延平区's residents' teams and the 六进小区 teams). */
export enum VolunteerTeamKind {
  HELP_TEAM = 'HELP_TEAM',
  ARBITRATION_TEAM = 'ARBITRATION_TEAM',
  PARTY_MEMBER_TEAM = 'PARTY_MEMBER_TEAM',
  ORGAN_TEAM = 'ORGAN_TEAM',
  ENTERPRISE_TEAM = 'ENTERPRISE_TEAM',
  PUBLIC_WELFARE_TEAM = 'PUBLIC_WELFARE_TEAM',
  DEPUTY_TEAM = 'DEPUTY_TEAM',
  MASS_ORG_TEAM = 'MASS_ORG_TEAM',
  OTHER = 'OTHER',
}

/** 队内职务 A member's role in the team. */
export enum VolunteerTeamMemberRole {
  LEADER = 'LEADER',
  MEMBER = 'MEMBER',
}
