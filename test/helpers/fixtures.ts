/** Fixed facts of the Xiangyang demo seed that tests rely on. */
export const SEED = {
  stationCount: 1492,
  planYear2023: 300,
  ruralOpened2023: 72,
  warmNew: 57,
  cityCode: '420600',
  provinceCode: '420000',
  /** 樊城区 */
  fanchengCode: '420606',
  /** 安居社区 (樊城区), named in the source article */
  anjuCommunityCode: '420606002011',
  /** A street (not a community): stations cannot hang off it */
  streetCode: '420606002000',
} as const;

/** A point inside Xiangyang's urban area (WGS-84). */
export const XIANGYANG_POINT = { latitude: 32.0426, longitude: 112.1446 };

/** Fixed facts of the platform seed step ('xiangyang-platforms'). */
export const PLATFORM_SEED = {
  total: 907,
  active: 888,
  byKind: {
    UNION_CARE_STATION: 657,
    GIG_WORK_STATION: 100,
    GOV_SERVICE_24H: 60,
    BUS_SELF_SERVICE: 40,
    PRICE_DISPUTE_MEDIATION: 30,
    OTHER: 20,
  },
  activeByKind: {
    UNION_CARE_STATION: 641,
    GIG_WORK_STATION: 98,
    GOV_SERVICE_24H: 60,
    BUS_SELF_SERVICE: 39,
    PRICE_DISPUTE_MEDIATION: 30,
    OTHER: 20,
  },
  /** Sums of the gig-work and mediation figures over all platforms. */
  sums: { postings: 32319, matches: 19057, received: 1596, mediated: 1354 },
  /** Withdrawn (inactive) union care station: 王寨街道 … numbered ZGH-AX-0120. */
  inactiveRef: { departmentCode: 'XY-ZGH', ownerRef: 'ZGH-AX-0120' },
  /** 安居社区: its 暖新 station and its community station each host a union care station. */
  anjuUnionCareRefs: ['ZGH-AX-0129', 'ZGH-AX-0130'],
} as const;
