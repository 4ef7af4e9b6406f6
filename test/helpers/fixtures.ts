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

/** Fixed facts of the service-item seed step (xiangyang-service-items). */
export const SERVICE_ITEM_SEED = {
  itemCount: 131,
  activeItemCount: 129,
  districtItemCount: 15,
  /** 城乡居民养老保险参保登记: one of the 20 core city items, pushed down to every open urban station. */
  coreItemCode: '420600-SB-0001',
  coreItemCount: 20,
  /** 社保卡申领: not in the core set, so only the high-tech zone's stations have it. */
  cardItemCode: '420000-SB-0001',
  /** 第一代社会保障卡换发: inactive, never pushed down. */
  inactiveItemCode: '420000-SB-0008',
  /** 公交IC卡挂失补办: a 20-yuan fee. */
  feeItemCode: '420600-JT-0003',
  /** Open stations of the three urban districts, of the high-tech zone, and of 襄城区. */
  urbanOpenStations: 704,
  highTechOpenStations: 90,
  xiangchengOpenStations: 178,
  /** 春园商务楼宇红色驿站, an open high-tech-zone station: it has every active item. */
  highTechStationCode: '420606070001-001',
  /** 檀溪社区红色驿站 (襄城区): the core set only. */
  xiangchengStationCode: '420602001008-001',
  /** 前进路社区红色驿站 (宜城市): nothing pushed down. */
  ruralStationCode: '420684001001-001',
  /** 南营街道 (宜城市), a street with three open stations and no push-downs. */
  ruralStreetCode: '420684002000',
  ruralStreetOpenStations: 3,
  /** Active social-security items (every one of them at a high-tech station). */
  activeSocialSecurityItems: 17,
  /** 市医保局 is responsible for nine items; 省人社厅 for ten, one of them inactive. */
  ybjItems: 9,
  hbRstItems: 10,
} as const;
