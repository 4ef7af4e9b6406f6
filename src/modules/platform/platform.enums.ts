/** 整合平台类型 What kind of partner facility a platform is; each kind has its own concrete GraphQL type. */
export enum PlatformKind {
  UNION_CARE_STATION = 'UNION_CARE_STATION',
  GIG_WORK_STATION = 'GIG_WORK_STATION',
  GOV_SERVICE_24H = 'GOV_SERVICE_24H',
  BUS_SELF_SERVICE = 'BUS_SELF_SERVICE',
  PRICE_DISPUTE_MEDIATION = 'PRICE_DISPUTE_MEDIATION',
  OTHER = 'OTHER',
}

export const PLATFORM_KINDS: readonly PlatformKind[] = Object.values(PlatformKind);

export const PLATFORM_KIND_NAMES_ZH: Record<PlatformKind, string> = {
  UNION_CARE_STATION: '工会爱心驿站',
  GIG_WORK_STATION: '人社零工驿站',
  GOV_SERVICE_24H: '24小时政务服务驿站',
  BUS_SELF_SERVICE: '公交自助服务站',
  PRICE_DISPUTE_MEDIATION: '价格争议调解站',
  OTHER: '其他整合平台',
};

/** 爱心驿站服务设施 What a union care station offers outdoor workers. */
export enum CareAmenity {
  DRINKING_WATER = 'DRINKING_WATER',
  MICROWAVE = 'MICROWAVE',
  PHONE_CHARGING = 'PHONE_CHARGING',
  REST_SEATS = 'REST_SEATS',
  TOILET = 'TOILET',
  MEDICINE_KIT = 'MEDICINE_KIT',
  AIR_CONDITIONING = 'AIR_CONDITIONING',
  WIFI = 'WIFI',
  READING_CORNER = 'READING_CORNER',
  UMBRELLA_LENDING = 'UMBRELLA_LENDING',
}

export const CARE_AMENITIES: readonly CareAmenity[] = Object.values(CareAmenity);

/** 公交自助服务项目 What a bus self-service point handles. */
export enum BusService {
  CARD_TOP_UP = 'CARD_TOP_UP',
  CARD_ISSUE = 'CARD_ISSUE',
  SENIOR_CARD = 'SENIOR_CARD',
  ROUTE_INQUIRY = 'ROUTE_INQUIRY',
  LOST_AND_FOUND = 'LOST_AND_FOUND',
}

export const BUS_SERVICES: readonly BusService[] = Object.values(BusService);
