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

/** Fixed facts of the 'xiangyang-station-profile' seed step (see seeds/xiangyang.station-profile.ts). */
export const STATION_PROFILE = {
  /** Every 暖新 station hosts a 流动党员服务站 (source article) … */
  warmNewMobilePoints: 57,
  /** … and so do the 14 leading two-new-cluster stations. */
  mobilePoints: 71,
  /** Stations with a published schedule: every OPEN or SUSPENDED one, and every 暖新 one (24 hours). */
  withOpeningHours: 1353,
  /** 樊城区 open stations (other than 暖新 ones, which are open round the clock) keeping the 19:30 evening post. */
  eveningPost: 306,
  /** STANDARD and LEADING stations: "1+4" zones and complete 五进. */
  onePlusFour: 597,
  fiveIntoComplete: 597,
  /** One hub per street of the three urban districts that has an open LEADING or STANDARD station. */
  hubs: 44,
  hubMembers: 777,
  /** 王寨街道's hub and its members. */
  wangzhaiHubCode: '420606002001-003',
  wangzhaiHubMembers: 33,
  /** 安居社区临街红色驿站, the 暖新 station of the source article. */
  anjuStationCode: '420606002011-002',
  /** A hub of 襄城区 (another district than 王寨街道's). */
  xiangchengHubCode: '420602001013-004',
} as const;
