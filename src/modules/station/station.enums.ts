/** 驿站类别 Construction tier of a station (基础性 / 标准型 / 引领型). */
export enum StationTier {
  BASIC = 'BASIC',
  STANDARD = 'STANDARD',
  LEADING = 'LEADING',
}

/** 驿站类型 Where and for whom a station is built. */
export enum StationKind {
  COMMUNITY = 'COMMUNITY',
  RURAL = 'RURAL',
  NEW_ECONOMY = 'NEW_ECONOMY',
  WARM_NEW = 'WARM_NEW',
}

/** 驿站状态 Life-cycle status of a station. */
export enum StationStatus {
  PLANNED = 'PLANNED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  OPEN = 'OPEN',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
