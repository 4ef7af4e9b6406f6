/** 活动类别 What an activity at a station is about. */
export enum ActivityCategory {
  PARTY_BUILDING = 'PARTY_BUILDING',
  POLICY_CONSULTATION = 'POLICY_CONSULTATION',
  PROXY_AGENCY = 'PROXY_AGENCY',
  LEGAL_AID = 'LEGAL_AID',
  CULTURAL_PUBLICITY = 'CULTURAL_PUBLICITY',
  TRAINING = 'TRAINING',
  VOLUNTEER_SERVICE = 'VOLUNTEER_SERVICE',
  SENIOR_SCHOOL = 'SENIOR_SCHOOL',
  AFTER_SCHOOL_CLASS = 'AFTER_SCHOOL_CLASS',
  NEIGHBOURHOOD_FESTIVAL = 'NEIGHBOURHOOD_FESTIVAL',
  OTHER = 'OTHER',
}

export const CATEGORY_NAMES_ZH: Record<ActivityCategory, string> = {
  PARTY_BUILDING: '党建服务',
  POLICY_CONSULTATION: '政策咨询',
  PROXY_AGENCY: '事务代办',
  LEGAL_AID: '法律援助',
  CULTURAL_PUBLICITY: '文化宣传',
  TRAINING: '培训',
  VOLUNTEER_SERVICE: '志愿服务',
  SENIOR_SCHOOL: '老年学校',
  AFTER_SCHOOL_CLASS: '四点半课堂',
  NEIGHBOURHOOD_FESTIVAL: '邻里节',
  OTHER: '其他',
};

/** The longest an activity may run: longer undertakings are recorded as several activities. */
export const MAX_ACTIVITY_DAYS = 7;
