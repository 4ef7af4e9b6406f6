/**
 * The pages the read-path benchmark asks for, as each server is asked: Yizhan's GraphQL, the same
 * data from PostGraphile v4, and one hand-written statement (the floor). Each answer is turned into
 * the same canonical form, so the run first checks that all three carry the same data.
 */
export type Scenario = 'partner' | 'deep' | 'nodes' | 'public';

export const SCENARIOS: { name: Scenario; title: string }[] = [
  { name: 'partner', title: 'partner page: 50 stations + region, active platforms + department, first 20 items' },
  { name: 'deep', title: 'a page as large in the second half of the list' },
  { name: 'nodes', title: 'nodes of 100 stations, same selection' },
  { name: 'public', title: 'anonymous public list: 50 open stations with location' },
];

const STATION_SELECTION = `code name region { code name }
  platforms { nodes { kind name department { code name } } }
  serviceItems(first: 20) { nodes { mode status serviceItem { code name } } }`;

/**
 * The pages are Xiangyang's stations (the seed also holds Yanping's, whose codes sort first): Yizhan
 * is asked as a partner would ask, by region; the peer and the floor by the code range of the same
 * stations (Xiangyang's codes start with its region code 420600, and no other seeded code does).
 */
export const XIANGYANG = { regionCode: '420600', codeFrom: '420600', codeTo: '420700' } as const;

/** Yizhan's documents; `after` is a keyset cursor, `ids` global IDs. */
export const YIZHAN_QUERIES: Record<Scenario, string> = {
  partner: `query Partner { stations(first: 50, filter: { regionCode: "${XIANGYANG.regionCode}" }) { pageInfo { endCursor } nodes { ${STATION_SELECTION} } } }`,
  deep: `query Deep($after: String) { stations(first: 50, after: $after, filter: { regionCode: "${XIANGYANG.regionCode}" }) { pageInfo { endCursor } nodes { ${STATION_SELECTION} } } }`,
  nodes: `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ... on Station { ${STATION_SELECTION} } } }`,
  public: `query Public { stations(first: 50, filter: { status: [OPEN], regionCode: "${XIANGYANG.regionCode}" }) { nodes { code name address status location { latitude longitude } } } }`,
};

const PEER_STATION_SELECTION = `code name region { code name }
  platforms(condition: { active: true }) { nodes { kind name department { code name } } }
  stationItems(first: 20, orderBy: ITEM_CODE_ASC) { nodes { mode status serviceItem { code name } } }`;

const PEER_XIANGYANG = `{ greaterThanOrEqualTo: "${XIANGYANG.codeFrom}", lessThan: "${XIANGYANG.codeTo}" }`;

/** PostGraphile's documents for the same data (the bench database has a station_item view ordered by item code). */
export const PEER_QUERIES: Record<Scenario, string> = {
  partner: `query Partner { stations(first: 50, orderBy: CODE_ASC, filter: { archivedAt: { isNull: true }, code: ${PEER_XIANGYANG} }) { nodes { ${PEER_STATION_SELECTION} } } }`,
  deep: `query Deep($after: String!) { stations(first: 50, orderBy: CODE_ASC, filter: { archivedAt: { isNull: true }, code: { greaterThan: $after, lessThan: "${XIANGYANG.codeTo}" } }) { nodes { ${PEER_STATION_SELECTION} } } }`,
  nodes: `query Nodes($ids: [UUID!]!) { stations(filter: { id: { in: $ids } }) { nodes { ${PEER_STATION_SELECTION} } } }`,
  public: `query Public { stations(first: 50, orderBy: CODE_ASC, condition: { status: "OPEN" }, filter: { archivedAt: { isNull: true }, code: ${PEER_XIANGYANG} }) { nodes { code name address status lat lng } } }`,
};

const FLOOR_STATION = `json_build_object(
    'code', s.code, 'name', s.name,
    'region', json_build_object('code', r.code, 'name', r.name),
    'platforms', coalesce((select json_agg(json_build_object('kind', p.kind, 'name', p.name, 'department', json_build_object('code', d.code, 'name', d.name)) order by p.kind, p.name)
                  from platform p join department d on d.id = p.department_id where p.station_id = s.id and p.active), '[]'),
    'serviceItems', coalesce((select json_agg(json_build_object('mode', x.mode, 'status', x.status, 'serviceItem', json_build_object('code', x.code, 'name', x.name)) order by x.code)
                  from (select ssi.mode, ssi.status, i.code, i.name from station_service_item ssi join service_item i on i.id = ssi.service_item_id
                        where ssi.station_id = s.id order by i.code limit 20) x), '[]'))`;

/** The floor's statements: one per page, returning the page as JSON. */
export const FLOOR_QUERIES: Record<Scenario, { text: string; params: (input: Record<string, unknown>) => unknown[] }> = {
  partner: {
    text: `select coalesce(json_agg(t.station order by t.code), '[]') as page from (
      select s.code, ${FLOOR_STATION} as station from station s join region r on r.id = s.region_id
      where s.archived_at is null and s.code >= '${XIANGYANG.codeFrom}' and s.code < '${XIANGYANG.codeTo}' order by s.code limit 50) t`,
    params: () => [],
  },
  deep: {
    text: `select coalesce(json_agg(t.station order by t.code), '[]') as page from (
      select s.code, ${FLOOR_STATION} as station from station s join region r on r.id = s.region_id
      where s.archived_at is null and s.code > $1 and s.code < '${XIANGYANG.codeTo}' order by s.code limit 50) t`,
    params: (input) => [input.after],
  },
  nodes: {
    text: `select coalesce(json_agg(t.station order by t.code), '[]') as page from (
      select s.code, ${FLOOR_STATION} as station from station s join region r on r.id = s.region_id
      where s.id = any($1::uuid[])) t`,
    params: (input) => [input.ids],
  },
  public: {
    text: `select coalesce(json_agg(json_build_object('code', s.code, 'name', s.name, 'address', s.address, 'status', s.status, 'lat', s.lat, 'lng', s.lng) order by s.code), '[]') as page
      from (select * from station s where s.archived_at is null and s.status = 'OPEN' and s.code >= '${XIANGYANG.codeFrom}' and s.code < '${XIANGYANG.codeTo}'
            order by s.code limit 50) s`,
    params: () => [],
  },
};

/** One station as the three servers' answers are compared. */
interface CanonicalStation {
  code: string;
  [key: string]: unknown;
}

type Json = Record<string, any>;

const platformsOf = (platforms: Json[]) =>
  platforms
    .map((p) => ({ kind: p.kind, name: p.name, department: { code: p.department.code, name: p.department.name } }))
    .sort((a, b) => `${a.kind}${a.name}`.localeCompare(`${b.kind}${b.name}`));
const itemsOf = (items: Json[]) => items.map((x) => ({ mode: x.mode, status: x.status, item: { code: x.serviceItem.code, name: x.serviceItem.name } }));
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The canonical form of an answer, by server and scenario. */
export function canonical(server: 'yizhan' | 'peer' | 'floor', scenario: Scenario, body: Json): CanonicalStation[] {
  const data = body.data;
  if (scenario === 'public') {
    const rows: Json[] = server === 'yizhan' ? data.stations.nodes : server === 'peer' ? data.stations.nodes : data;
    return rows.map((s) => ({
      code: s.code,
      name: s.name,
      address: s.address,
      status: s.status,
      lat: round(server === 'yizhan' ? s.location.latitude : s.lat),
      lng: round(server === 'yizhan' ? s.location.longitude : s.lng),
    }));
  }
  let rows: Json[];
  if (server === 'floor') rows = data;
  else if (server === 'peer') rows = data.stations.nodes;
  else rows = scenario === 'nodes' ? data.nodes : data.stations.nodes;
  return rows
    .map((s) => ({
      code: s.code,
      name: s.name,
      region: { code: s.region.code, name: s.region.name },
      platforms: platformsOf(server === 'floor' ? s.platforms : s.platforms.nodes),
      items: itemsOf(server === 'yizhan' ? s.serviceItems.nodes : server === 'peer' ? s.stationItems.nodes : s.serviceItems),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
