/** 需求类型 What kind of need a record is. */
export enum NeedKind {
  /** 群众需求 / 微心愿 A resident's need or small wish. */
  RESIDENT_NEED = 'RESIDENT_NEED',
  /** 驿站点单 An order a station posts to the volunteer 点单 system. */
  STATION_ORDER = 'STATION_ORDER',
  /** 夜巡问题 An issue found on a night patrol. */
  NIGHT_PATROL_ISSUE = 'NIGHT_PATROL_ISSUE',
  /** 共建项目 A co-building project. */
  CO_BUILDING_PROJECT = 'CO_BUILDING_PROJECT',
  /** 民生补短板项目 A livelihood gap-filling project. */
  LIVELIHOOD_PROJECT = 'LIVELIHOOD_PROJECT',
}

/** 收集渠道 How a need reached the station or community. */
export enum NeedChannel {
  ONLINE = 'ONLINE',
  STATION = 'STATION',
  COURTYARD_TALK = 'COURTYARD_TALK',
  NIGHT_PATROL = 'NIGHT_PATROL',
  HOTLINE_12345 = 'HOTLINE_12345',
  VISIT = 'VISIT',
}

/** 需求类别 What a need is about (the second article's needs). */
export enum NeedCategory {
  FACILITY_REPAIR = 'FACILITY_REPAIR',
  LIGHTING = 'LIGHTING',
  SEATING_AND_PUBLIC_FACILITIES = 'SEATING_AND_PUBLIC_FACILITIES',
  PARKING = 'PARKING',
  EV_CHARGING = 'EV_CHARGING',
  FIRE_SAFETY = 'FIRE_SAFETY',
  SANITATION = 'SANITATION',
  CITY_ORDER = 'CITY_ORDER',
  ROADS_AND_DRAINS = 'ROADS_AND_DRAINS',
  AGE_FRIENDLY = 'AGE_FRIENDLY',
  NEIGHBOUR_DISPUTE = 'NEIGHBOUR_DISPUTE',
  OTHER = 'OTHER',
}

/** 办理状态 Where a need stands in its workflow (see need-rules.ts). */
export enum NeedState {
  SUBMITTED = 'SUBMITTED',
  ON_AGENDA = 'ON_AGENDA',
  LISTED = 'LISTED',
  CLAIMED = 'CLAIMED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}

export const NEED_STATE_NAMES_ZH: Record<NeedState, string> = {
  SUBMITTED: '已提交',
  ON_AGENDA: '已列入议事',
  LISTED: '已列入微实事清单',
  CLAIMED: '已认领',
  IN_PROGRESS: '办理中',
  RESOLVED: '已解决',
  CLOSED: '已办结',
  REJECTED: '不予受理',
};

/** States in which a need is finished: a deadline no longer makes it overdue. */
export const SETTLED_STATES: readonly NeedState[] = [NeedState.RESOLVED, NeedState.CLOSED, NeedState.REJECTED];
