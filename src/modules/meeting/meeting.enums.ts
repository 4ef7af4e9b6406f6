/** 议事决定 What a meeting decided about a need on its agenda. */
export enum AgendaDecision {
  /** 列入微实事清单 Put on the list of small practical matters, to be claimed. */
  LISTED = 'LISTED',
  /** 不予受理（附理由）Rejected, with a reason. */
  REJECTED = 'REJECTED',
  /** 交办部门 Referred to a department, which handles it. */
  REFERRED = 'REFERRED',
}

export const AGENDA_DECISION_NAMES_ZH: Record<AgendaDecision, string> = {
  LISTED: '列入微实事清单',
  REJECTED: '不予受理',
  REFERRED: '交办部门',
};
