/** 认领状态 Where a claim stands. */
export enum NeedClaimState {
  /** 认领中 The claimant is taking care of the need. */
  ACTIVE = 'ACTIVE',
  /** 已撤回 Given back: the need went back to the list. */
  WITHDRAWN = 'WITHDRAWN',
  /** 已完成 The need was resolved under this claim. */
  COMPLETED = 'COMPLETED',
}

/** 认领方类型 Who the claimant is. */
export enum NeedClaimantKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
  VOLUNTEER_TEAM = 'VOLUNTEER_TEAM',
}
