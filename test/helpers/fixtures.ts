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
