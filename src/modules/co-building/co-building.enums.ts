/** 共建角色 What an organization does for a station it co-builds. */
export enum CoBuildingRole {
  /** 管理 Runs the station day to day. */
  MANAGER = 'MANAGER',
  /** 共建 Co-builds it under a co-building agreement. */
  CO_BUILDER = 'CO_BUILDER',
  /** 服务提供 Provides services at it. */
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  /** 志愿服务队 Staffs it with a volunteer team. */
  VOLUNTEER_TEAM = 'VOLUNTEER_TEAM',
}

/** 共建承诺 What an organization commits to a station. */
export enum CommitmentKind {
  SPACE = 'SPACE',
  FUNDS = 'FUNDS',
  PEOPLE = 'PEOPLE',
  SERVICES = 'SERVICES',
}

/** Canonical order of commitments: stored sets are sorted this way, so equal sets compare equal. */
export const COMMITMENT_ORDER: readonly CommitmentKind[] = Object.values(CommitmentKind);

export const ROLE_NAMES_ZH: Record<CoBuildingRole, string> = {
  MANAGER: '管理',
  CO_BUILDER: '共建',
  SERVICE_PROVIDER: '服务提供',
  VOLUNTEER_TEAM: '志愿服务队',
};

/** A set of commitments without duplicates, in canonical order. */
export function normaliseCommitments(commitments: readonly CommitmentKind[]): CommitmentKind[] {
  return COMMITMENT_ORDER.filter((kind) => commitments.includes(kind));
}
