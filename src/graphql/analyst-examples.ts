/**
 * The ready questions GraphiQL offers analysts (its "示例问题 Examples" panel), as data: add one by
 * appending an entry. test/integration/analyst-examples.test.ts validates every query and its
 * variables against the schema the server builds and runs each as an ANALYST, so a renamed field,
 * a missing role or a document over the query limits fails the build rather than the analyst.
 */
export interface AnalystExample {
  /** Stable, URL-safe name; the browser test and the page's element ids use it. */
  id: string;
  title: { zh: string; en: string };
  /** One named operation (its name becomes the GraphiQL tab's title). */
  query: string;
  variables?: Record<string, unknown>;
}

export const ANALYST_EXAMPLES: readonly AnalystExample[] = [
  {
    id: 'circle-coverage',
    title: { zh: '15分钟便民服务圈覆盖率与缺口', en: 'Service-circle coverage and the circles without an open station' },
    query: `# 覆盖率 = covered.totalCount / all.totalCount  Coverage = covered / all
query CircleCoverage($regionCode: String) {
  all: serviceCircles(first: 1, filter: { regionCode: $regionCode }) { totalCount }
  covered: serviceCircles(first: 1, filter: { regionCode: $regionCode, hasOpenStation: true }) { totalCount }
  gaps: serviceCircles(first: 50, filter: { regionCode: $regionCode, hasOpenStation: false }) {
    totalCount
    nodes { code name district { name } stationCount open: stationCount(status: [OPEN]) }
  }
}
`,
    variables: { regionCode: '420600' },
  },
  {
    id: 'stations-by-district',
    title: { zh: '各区（县、市）驿站数', en: 'Stations per district, all and open' },
    query: `query StationsByDistrict($cityCode: String!) {
  region(code: $cityCode) {
    name
    stationCount
    open: stationCount(status: [OPEN])
    children(first: 30) {
      nodes { code name stationCount open: stationCount(status: [OPEN]) planned: stationCount(status: [PLANNED, UNDER_CONSTRUCTION]) }
    }
  }
}
`,
    variables: { cityCode: '420600' },
  },
  {
    id: 'stations-by-tier',
    title: { zh: '某区按类别（基础性、标准型、引领型）统计驿站', en: "One district's stations by tier (basic, standard, leading)" },
    query: `query StationsByTier($districtCode: String!) {
  basic: stations(first: 1, filter: { regionCode: $districtCode, tier: [BASIC] }) { totalCount }
  standard: stations(first: 1, filter: { regionCode: $districtCode, tier: [STANDARD] }) { totalCount }
  leading: stations(first: 20, filter: { regionCode: $districtCode, tier: [LEADING] }) {
    totalCount
    nodes { code name kind status region { name } }
  }
}
`,
    variables: { districtCode: '420606' },
  },
  {
    id: 'station-record',
    title: { zh: '一个驿站的完整档案', en: "A station's full record" },
    query: `query StationRecord($code: String!) {
  station(code: $code) {
    id code name tier kind status address planYear openedOn version updatedAt
    region { code name ancestors { name } }
    serviceCircle { code name }
    location(coordinateSystem: GCJ02) { latitude longitude coordinateSystem }
    openingHours { note windows { weekday opens closes kind } }
    functionZones { kind category name }
    meetsOnePlusFour fiveIntoFacilities fiveIntoComplete groupsServed hostsMobilePartyMemberServicePoint
    hub { code name }
    managingOrganization { name kind }
    platforms(first: 20) { totalCount nodes { __typename name ownerRef department { shortName } } }
    serviceItems(first: 20) { totalCount nodes { mode since status serviceItem { code name level category } } }
    coBuildings(first: 20) { totalCount nodes { role commitments validFrom organization { name kind } } }
    volunteerTeams(first: 20) { totalCount nodes { name kind } }
  }
}
`,
    variables: { code: '420606002011-002' },
  },
  {
    id: 'change-feed',
    title: { zh: '变更流：某游标之后的变更', en: 'The change feed: what changed after a cursor' },
    query: `# 保存 endCursor，下次作为 $after 传入 Keep endCursor and pass it as $after next time
query ChangeFeed($after: String, $types: [ChangeRecordType!]) {
  changesHead
  changes(after: $after, first: 50, types: $types) {
    endCursor
    hasMore
    changes { sequence occurredAt operation recordType recordId version tombstone actor { kind department { code } } }
  }
}
`,
    variables: { after: null, types: ['STATION', 'NEED', 'PLATFORM'] },
  },
  {
    id: 'need-statistics',
    title: { zh: '群众需求统计：按状态、逾期、渠道', en: "Residents' needs counted by state, overdue and channel" },
    query: `query NeedStatistics($regionCode: String) {
  all: needs(first: 1, filter: { regionCode: $regionCode }) { totalCount }
  open: needs(first: 1, filter: { regionCode: $regionCode, state: [SUBMITTED, ON_AGENDA, LISTED, CLAIMED, IN_PROGRESS] }) { totalCount }
  resolved: needs(first: 1, filter: { regionCode: $regionCode, state: [RESOLVED, CLOSED] }) { totalCount }
  rejected: needs(first: 1, filter: { regionCode: $regionCode, state: [REJECTED] }) { totalCount }
  overdue: needs(first: 1, filter: { regionCode: $regionCode, overdue: true }) { totalCount }
  nightPatrol: needs(first: 1, filter: { regionCode: $regionCode, channel: [NIGHT_PATROL] }) { totalCount }
  nightPatrolResolved: needs(first: 1, filter: { regionCode: $regionCode, channel: [NIGHT_PATROL], state: [RESOLVED, CLOSED] }) { totalCount }
}
`,
    variables: { regionCode: '420600' },
  },
  {
    id: 'overdue-needs',
    title: { zh: '逾期未办结的需求清单', en: 'Needs past their deadline' },
    query: `query OverdueNeeds($regionCode: String) {
  needs(first: 50, filter: { regionCode: $regionCode, overdue: true }) {
    totalCount
    nodes { receiptCode kind category channel state deadline createdAt region { name } station { code name } referredDepartment { name } }
  }
}
`,
    variables: { regionCode: '420600' },
  },
  {
    id: 'plan-progress',
    title: { zh: '年度建设计划进度', en: "A year's construction plan: progress" },
    query: `# 进度 = opened.totalCount / planned.totalCount  Progress = opened / planned
query PlanProgress($year: Int!, $regionCode: String, $yearStart: LocalDate!, $yearEnd: LocalDate!) {
  planned: stations(first: 1, filter: { planYear: $year, regionCode: $regionCode }) { totalCount }
  opened: stations(first: 1, filter: { planYear: $year, regionCode: $regionCode, status: [OPEN] }) { totalCount }
  notYetOpen: stations(first: 20, filter: { planYear: $year, regionCode: $regionCode, status: [PLANNED, UNDER_CONSTRUCTION] }) {
    totalCount
    nodes { code name status region { name } }
  }
  openedInYear: stations(first: 1, filter: { regionCode: $regionCode, openedFrom: $yearStart, openedTo: $yearEnd }) { totalCount }
  ruralOpenedInYear: stations(first: 1, filter: { regionCode: $regionCode, kind: [RURAL], openedFrom: $yearStart, openedTo: $yearEnd }) { totalCount }
}
`,
    variables: { year: 2023, regionCode: '420600', yearStart: '2023-01-01', yearEnd: '2023-12-31' },
  },
];
