/**
 * 事项层级 Which level of government issues a catalogue item. Its own enum rather than
 * GovernmentLevel: the provincial catalogue stops at districts, there are no street-level items.
 */
export enum ServiceItemLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}

/** 事项类别 What a service item is about. */
export enum ServiceItemCategory {
  PARTY_BUILDING = 'PARTY_BUILDING',
  POLICY_CONSULTATION = 'POLICY_CONSULTATION',
  AGENCY_SERVICE = 'AGENCY_SERVICE',
  LEGAL_AID = 'LEGAL_AID',
  CULTURE_PUBLICITY = 'CULTURE_PUBLICITY',
  TRAINING = 'TRAINING',
  SOCIAL_SECURITY = 'SOCIAL_SECURITY',
  MEDICAL_INSURANCE = 'MEDICAL_INSURANCE',
  CIVIL_AFFAIRS = 'CIVIL_AFFAIRS',
  EMPLOYMENT = 'EMPLOYMENT',
  HOUSEHOLD_REGISTRATION = 'HOUSEHOLD_REGISTRATION',
  VETERANS = 'VETERANS',
  ELDERLY_CARE = 'ELDERLY_CARE',
  DISABILITY = 'DISABILITY',
  HEALTH = 'HEALTH',
  TRADE_UNION = 'TRADE_UNION',
  WOMEN_CHILDREN = 'WOMEN_CHILDREN',
  YOUTH = 'YOUTH',
  TRANSPORT = 'TRANSPORT',
  MARKET_SERVICE = 'MARKET_SERVICE',
  OTHER = 'OTHER',
}

/** 办理方式 How an item is handled at a station. */
export enum ServiceHandlingMode {
  SELF_SERVICE_TERMINAL = 'SELF_SERVICE_TERMINAL',
  PROXY = 'PROXY',
  GUIDANCE = 'GUIDANCE',
  WINDOW = 'WINDOW',
}

/** 下沉状态 Whether a pushed-down item is being handled at the station. */
export enum StationServiceItemStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
}

export const LEVEL_NAMES_ZH: Record<ServiceItemLevel, string> = {
  PROVINCE: '省级',
  CITY: '市级',
  DISTRICT: '区县级',
};

export const PUSH_DOWN_STATUS_NAMES_ZH: Record<StationServiceItemStatus, string> = {
  ACTIVE: '办理中',
  SUSPENDED: '暂停',
  WITHDRAWN: '已撤回',
};
