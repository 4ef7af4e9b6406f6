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
