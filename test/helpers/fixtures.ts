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
  /** Stations per county-level division (seeds/xiangyang.data.ts DISTRICT_PLANS), by code. */
  stationsByDistrict: { '420602': 210, '420606': 380, '420607': 240, '420624': 92, '420625': 120, '420626': 70, '420682': 100, '420683': 170, '420684': 110 },
  /** Stations by kind: the 72 rural and 57 暖新 ones, 80 in two-new clusters, the rest in communities. */
  stationsByKind: { COMMUNITY: 1283, RURAL: 72, NEW_ECONOMY: 80, WARM_NEW: 57 },
  /** Urban circles deliberately left without an open station (苏岭山, 创业服务中心, 襄北农场). */
  uncoveredCircles: 3,
} as const;

/**
 * Fixed facts of the Yanping (南平市延平区) seed steps ('yanping-registry', 'yanping-organizations').
 * The seed also holds Xiangyang: a Xiangyang figure is asked of regionCode SEED.cityCode, a Yanping
 * one of regionCode YANPING_SEED.districtCode.
 */
export const YANPING_SEED = {
  provinceCode: '350000',
  cityCode: '350700',
  districtCode: '350702',
  /** 福建省, 南平市, 延平区, 21 township-level units (6 街道, 13 镇, 2 乡) and 317 communities and villages. */
  regions: 341,
  streets: 21,
  urbanStreets: 6,
  communities: 317,
  /** 社区 (residents' committees) in the six urban streets, each with its 民生驿站. */
  urbanCommunities: 62,
  /** One 民生驿站 per urban 社区 (COMMUNITY) and one per town with a 社区 (RURAL); all open. */
  stations: 69,
  ruralStations: 7,
  /** 五里亭社区 (黄墩街道) and 马坑社区 (四鹤街道), named in the source article, and their 民生驿站. */
  wulitingCommunityCode: '350702002004',
  wulitingStationCode: '350702002004-001',
  makengCommunityCode: '350702004003',
  makengStationCode: '350702004003-001',
  makengStationName: '马坑社区民生驿站',
  /** 机关/驻区 party organizations (no credit code), chambers and enterprises, 公益组织, property companies. */
  organizations: 41,
  partyOrganizations: 18,
  /** Every organization with a credit code registered in 350702; all check out. */
  creditCodes: 23,
  /** Co-building agreements (共建盟约): a party organization at each station, three more at each urban one. */
  coBuildings: 255,
  /** 马坑's 民生驿站: party organization, chamber or enterprise, 公益组织, 四鹤街道's property company. */
  makengCoBuilders: 4,

  /** The article's "今年以来" is 2024: [from, to) in Beijing time, as the resolvedFrom/claimedFrom filters take it. */
  yearFrom: '2024-01-01T00:00:00+08:00',
  yearTo: '2025-01-01T00:00:00+08:00',
  /** 民生补短板项目 (LIVELIHOOD_PROJECT), each referred by the 民生议事厅 to a department with a deadline. */
  livelihoodProjects: 100,
  /** 认领送单: station orders (STATION_ORDER) claimed in 2024, counted by their claims that were not withdrawn. */
  ordersClaimed: 870,
  /** Of those orders, claimed again after a first claim was withdrawn in 2024 (the withdrawn claims). */
  ordersClaimsWithdrawn: 15,
  /** 解决居民需求: residents' needs (RESIDENT_NEED) resolved in 2024 (some of them since closed). */
  residentNeedsSolved: 1277,
  /** 常态化夜巡 issues (NIGHT_PATROL_ISSUE, channel NIGHT_PATROL), fixed (RESOLVED), under a deadline (限期整改: IN_PROGRESS, referred, with a deadline); the rest SUBMITTED. */
  patrolIssues: 446,
  patrolFixed: 383,
  patrolUnderDeadline: 48,
  /** 共建项目 (CO_BUILDING_PROJECT), each claimed by an organization under its 共建盟约, and those solved. */
  coBuildingProjects: 327,
  coBuildingSolved: 310,
  /** 帮帮团 and 评理团 formed by residents, one in each urban community. */
  residentTeams: 62,
  /** 六进小区 teams: 机关单位、商会企业、公益组织、在职党员、代表委员、群团队伍, 33 of each kind. */
  sentDownTeams: 198,
  /** 连心园、议事亭、睦邻点、议事平台 (the 小院话事 courtyards are registered apart). */
  venues: 245,
  /** District departments needs are referred to (YP-CGJ 城管局, YP-JJDD 交警大队, YP-ZJJ 住建局 …). */
  departments: 7,
  /** 在职党员 (DUAL_REPORTING_PARTY_MEMBER) who claim orders in person; Yanping's only seeded people. */
  partyMembers: 120,
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

/** Fixed facts of the organization, co-building and activity seed steps. */
export const ORGANIZATION_SEED = {
  /** Organizations of the xiangyang-organizations step (community party organizations come from another step). */
  organizations: 139,
  /** Xiangyang's own co-buildings (the article's 327 co-building projects are Yanping's). */
  coBuildings: 717,
  /** Early Fujian pilot codes that fail the check character. */
  creditCodeWarnings: 3,
  /** Activities during 2023. */
  activities: 3122,
  /** Social organizations (社会组织) seeded. */
  socialOrgs: 19,
  /** 安居社区临街红色驿站, the 暖新 station of the 安居 community. */
  anjuWarmNewStationCode: '420606002011-002',
  /** Its two co-builders. */
  anjuWarmNewCoBuilders: ['中共襄阳市住房和城乡建设局机关委员会', '南平市延平区闽北快递服务有限公司襄阳分公司'],
  /** A seeded city-level social organization with co-buildings (10) and activities it organized (8). */
  socialOrgName: '襄阳市残疾人康复服务中心',
  socialOrgCreditCode: '52420600MJRQQ1YW5T',
  socialOrgCoBuildings: 10,
  socialOrgActivities: 8,
} as const;

/** Real, published unified social credit codes (GB 32100-2015) that check out. */
export const REAL_CREDIT_CODES = {
  /** 华为技术有限公司 */
  huawei: '914403001922038216',
  /** 阿里巴巴（中国）网络技术有限公司 */
  alibaba: '91330100716105852F',
  /** 北京百度网讯科技有限公司 */
  baidu: '91110000802100433B',
  /** 上海汽车集团股份有限公司 */
  saic: '91310000132260250X',
  /** 华东师范大学 (事业单位, type 12) */
  ecnu: '12100000425006133D',
} as const;

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

/** Fixed facts of the 'xiangyang-people' seed step (people, station management links, one week of rosters). */
export const PEOPLE_SEED = {
  /** One COMMUNITY_PARTY_ORG per community or village that has a station. */
  partyOrganizations: 605,
  people: 6382,
  peopleByRole: {
    TWO_COMMITTEES_CADRE: 605,
    STREET_CADRE: 121,
    GRID_WORKER: 3003,
    STATION_STAFF: 680,
    SOCIAL_WORKER: 137,
    VOLUNTEER: 928,
    DUAL_REPORTING_PARTY_MEMBER: 908,
  },
  gridWorkerLinks: 3003,
  dutyShifts: 13582,
  shiftsByKind: { REGULAR: 9100, EXTENDED_HOURS: 670, EVENING_POST: 2289, VOLUNTEER: 1523 },
  /** OPEN stations of 樊城区, each with a 七点半岗哨 every evening of the rostered week. */
  fanchengOpenStations: 327,
  /** The rostered week in China Standard Time: [from, to). */
  rosterFrom: '2023-12-25T00:00:00+08:00',
  rosterTo: '2024-01-01T00:00:00+08:00',
  /** Wednesday evening, during the 19:30–21:30 evening post. */
  eveningPostInstant: '2023-12-27T20:00:00+08:00',
  /** The small hours, when no station has anyone on duty. */
  nightInstant: '2023-12-27T03:00:00+08:00',
} as const;
