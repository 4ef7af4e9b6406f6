import { RegionLevel } from '../src/modules/region/region-level';
import { formatStationCode } from '../src/modules/station/station-code';
import { createRng, seedUuid, type Rng } from './support/deterministic';
import { offsetPoint, roundCoordinate, type LatLng } from './support/geo';
import { normaliseCommunityName, readDivisionTables, type SeedRegion, type SeedSequence, type SeedStation, type StationTier } from './xiangyang.data';

/**
 * The Yanping (南平市延平区, 350702) registry of the demo seed, built in memory from the official
 * division codes in seeds/data: 福建省, 南平市, 延平区, its 6 streets, 14 towns and townships and
 * 317 communities and villages, and its 民生驿站 (the second source article: residents bring their
 * concerns to the 民生驿站 of their community, e.g. 四鹤街道马坑社区's, for the weekly 民生议事厅).
 *
 * The article gives no count of 民生驿站, so a rule gives it: every residents' community (社区) of
 * the six urban streets has one, and every town with a market-town community (集镇社区) has one there
 * as a rural station (乡镇村组). Pure and deterministic, like the Xiangyang dataset; later Yanping
 * steps (needs, teams, venues, claims) build on the communities and stations exported here.
 */

export const YANPING_DISTRICT_CODE = '350702';
const PROVINCE = { code: '350000', name: '福建省' };
const CITY = { code: '350700', prefix: '3507' };
const RNG_LABEL = 'yanping';

/** 五里亭社区 (黄墩街道) and 马坑社区 (四鹤街道), the communities the article names. */
export const WULITING_COMMUNITY_CODE = '350702002004';
export const MAKENG_COMMUNITY_CODE = '350702004003';
const ARTICLE_COMMUNITIES: readonly string[] = [WULITING_COMMUNITY_CODE, MAKENG_COMMUNITY_CODE];

/** Yanping's urban area: the old town at the meeting of the 建溪 and 富屯溪, where the 闽江 begins. */
export const YANPING_URBAN_EXTENT = { minLat: 26.6, maxLat: 26.69, minLng: 118.12, maxLng: 118.23 } as const;
/** The whole district, for rural places. */
export const YANPING_EXTENT = { minLat: 26.3, maxLat: 26.95, minLng: 117.85, maxLng: 118.55 } as const;

/**
 * Approximate centres of the township-level units, placed by hand on the real layout: the six
 * streets round the old town (水南 across the 闽江), the towns along the rivers around it.
 */
const STREET_CENTRES: Readonly<Record<string, LatLng>> = {
  '350702001': { lat: 26.6435, lng: 118.1725 }, // 梅山街道, the old town
  '350702002': { lat: 26.6605, lng: 118.1855 }, // 黄墩街道, up the 建溪
  '350702003': { lat: 26.6515, lng: 118.1555 }, // 紫云街道
  '350702004': { lat: 26.6385, lng: 118.1505 }, // 四鹤街道
  '350702005': { lat: 26.6265, lng: 118.1715 }, // 水南街道, south of the 闽江
  '350702006': { lat: 26.6455, lng: 118.1955 }, // 水东街道, east of the 建溪
  '350702100': { lat: 26.6, lng: 117.99 }, // 来舟镇
  '350702101': { lat: 26.4, lng: 118.43 }, // 樟湖镇
  '350702102': { lat: 26.55, lng: 118.31 }, // 夏道镇
  '350702103': { lat: 26.6, lng: 118.08 }, // 西芹镇
  '350702104': { lat: 26.77, lng: 117.99 }, // 峡阳镇
  '350702105': { lat: 26.61, lng: 118.26 }, // 南山镇
  '350702106': { lat: 26.48, lng: 118.1 }, // 大横镇
  '350702107': { lat: 26.52, lng: 118.21 }, // 王台镇
  '350702108': { lat: 26.45, lng: 118.2 }, // 太平镇
  '350702109': { lat: 26.48, lng: 118.33 }, // 塔前镇
  '350702110': { lat: 26.7, lng: 118.08 }, // 茫荡镇
  '350702111': { lat: 26.78, lng: 118.2 }, // 洋后镇
  '350702112': { lat: 26.72, lng: 118.26 }, // 炉下镇
  '350702200': { lat: 26.45, lng: 117.95 }, // 巨口乡
  '350702202': { lat: 26.55, lng: 117.95 }, // 赤门乡
};

/** Roads of each urban street (by 9-digit code) (a street's addresses share a few roads, as real ones do). */
export const URBAN_ROADS: Readonly<Record<string, readonly string[]>> = {
  '350702001': ['八一路', '中山路', '府前路', '解放路', '五四路', '胜利街', '新建路'],
  '350702002': ['黄墩路', '五里亭路', '滨江北路', '建溪路', '玉屏山路'],
  '350702003': ['紫云路', '朝阳路', '人民路', '梅山路', '延福门路'],
  '350702004': ['四鹤路', '马坑路', '滨江中路', '安丰路', '西溪路'],
  '350702005': ['江南路', '水南路', '安济路', '滨江南路', '江滨路'],
  '350702006': ['水东路', '东坑路', '建溪东路', '东山路'],
};
const TOWN_ROADS: readonly string[] = ['正街', '新街', '老街', '中心路', '集镇路', '滨河路'];

export type YanpingStreetRole = 'URBAN' | 'TOWN';
export type YanpingCommunityType = 'RESIDENTIAL' | 'VILLAGE';

export interface YanpingStreet {
  /** 12-digit region code (the 9-digit statistical code + '000'). */
  code: string;
  name: string;
  /** 街道 in the urban area, or a town or township (镇/乡). */
  role: YanpingStreetRole;
  centre: LatLng;
}

export interface YanpingCommunity {
  code: string;
  name: string;
  streetCode: string;
  /** 社区 (residents' committee, 0xx–1xx) or 村 (village committee, 2xx–3xx). */
  type: YanpingCommunityType;
  centre: LatLng;
}

export interface YanpingDataset {
  regions: SeedRegion[];
  streets: YanpingStreet[];
  communities: YanpingCommunity[];
  stations: SeedStation[];
  sequences: SeedSequence[];
}

export function buildYanpingDataset(): YanpingDataset {
  const tables = readDivisionTables(CITY.prefix);
  const district = tables.districts.find((row) => row.code === YANPING_DISTRICT_CODE);
  if (!district) throw new Error(`areas.csv has no ${YANPING_DISTRICT_CODE}`);
  const streets = buildStreets(tables.streets.filter((row) => row.districtCode === YANPING_DISTRICT_CODE));
  const communities = buildCommunities(
    tables.communities.filter((row) => row.code.startsWith(YANPING_DISTRICT_CODE)),
    streets,
  );
  const regions = buildRegions(tables.cityName, district.name, streets, communities);
  const stations = buildStations(streets, communities);
  const sequences = stations.map((station) => ({ regionCode: station.regionCode, lastValue: 1 }));
  return { regions, streets, communities, stations, sequences };
}

function buildStreets(rows: readonly { code9: string; name: string }[]): YanpingStreet[] {
  return rows.map((row) => {
    const centre = STREET_CENTRES[row.code9];
    if (!centre) throw new Error(`No centre for Yanping's ${row.code9} ${row.name}`);
    return { code: `${row.code9}000`, name: row.name, role: /街道$/.test(row.name) ? 'URBAN' : 'TOWN', centre };
  });
}

function buildCommunities(rows: readonly { code: string; rawName: string; streetCode9: string }[], streets: readonly YanpingStreet[]): YanpingCommunity[] {
  const rng = createRng(`${RNG_LABEL}:community-centres`);
  const streetsByCode = new Map(streets.map((street) => [street.code, street]));
  return rows.map((row) => {
    const street = streetsByCode.get(`${row.streetCode9}000`);
    if (!street) throw new Error(`villages.csv: ${row.code} has unknown street ${row.streetCode9}`);
    const suffix = Number(row.code.slice(9));
    if (suffix >= 400) throw new Error(`villages.csv: unexpected placeholder community ${row.code} in Yanping`);
    const type: YanpingCommunityType = suffix >= 200 ? 'VILLAGE' : 'RESIDENTIAL';
    // Urban communities within a kilometre of their street's centre; market-town communities close to
    // the town's seat; villages out in the valleys around it.
    const [minMetres, maxMetres] = street.role === 'URBAN' ? [0, 900] : type === 'RESIDENTIAL' ? [0, 600] : [1500, 6000];
    const centre = offsetPoint(street.centre, rng.float(minMetres, maxMetres), rng.float(0, 360));
    return { code: row.code, name: normaliseCommunityName(row.rawName), streetCode: street.code, type, centre };
  });
}

function buildRegions(cityName: string, districtName: string, streets: readonly YanpingStreet[], communities: readonly YanpingCommunity[]): SeedRegion[] {
  const provincePath = `${PROVINCE.code}/`;
  const cityPath = `${provincePath}${CITY.code}/`;
  const districtPath = `${cityPath}${YANPING_DISTRICT_CODE}/`;
  const regions: SeedRegion[] = [
    { code: PROVINCE.code, name: PROVINCE.name, level: RegionLevel.PROVINCE, parentCode: null, path: provincePath, depth: 0 },
    { code: CITY.code, name: cityName, level: RegionLevel.CITY, parentCode: PROVINCE.code, path: cityPath, depth: 1 },
    { code: YANPING_DISTRICT_CODE, name: districtName, level: RegionLevel.DISTRICT, parentCode: CITY.code, path: districtPath, depth: 2 },
  ];
  for (const street of streets) {
    regions.push({ code: street.code, name: street.name, level: RegionLevel.STREET, parentCode: YANPING_DISTRICT_CODE, path: `${districtPath}${street.code}/`, depth: 3 });
  }
  for (const community of communities) {
    regions.push({
      code: community.code,
      name: community.name,
      level: RegionLevel.COMMUNITY,
      parentCode: community.streetCode,
      path: `${districtPath}${community.streetCode}/${community.code}/`,
      depth: 4,
    });
  }
  return regions;
}

/**
 * One 民生驿站 in every urban 社区 (COMMUNITY), and one in the first 社区 of every town that has one
 * (RURAL). The article's two communities have LEADING stations, the other urban ones STANDARD, the
 * rural ones BASIC. All are open: they were set up in 2023 with the 主题教育 (theme education) the
 * article reports on, outside any construction plan (no plan year).
 */
function buildStations(streets: readonly YanpingStreet[], communities: readonly YanpingCommunity[]): SeedStation[] {
  const streetsByCode = new Map(streets.map((street) => [street.code, street]));
  const streetOf = (community: YanpingCommunity) => streetsByCode.get(community.streetCode)!;
  const urban = communities.filter((community) => community.type === 'RESIDENTIAL' && streetOf(community).role === 'URBAN');
  const townSeats = streets
    .filter((street) => street.role === 'TOWN')
    .flatMap((street) => communities.filter((community) => community.streetCode === street.code && community.type === 'RESIDENTIAL').slice(0, 1));

  const dateRng = createRng(`${RNG_LABEL}:station-dates`);
  const placeRng = createRng(`${RNG_LABEL}:station-places`);
  const addressRng = createRng(`${RNG_LABEL}:station-addresses`);
  const names = nameStations([...urban, ...townSeats], streetOf);

  return [...urban, ...townSeats].map((community, i) => {
    const street = streetOf(community);
    const rural = street.role === 'TOWN';
    const code = formatStationCode(community.code, 1);
    const tier: StationTier = ARTICLE_COMMUNITIES.includes(community.code) ? 'LEADING' : rural ? 'BASIC' : 'STANDARD';
    // Urban stations opened between March and September 2023, the rural ones in the second half.
    const openedOn = rural ? isoDate(2023, dateRng.int(6, 11), dateRng.int(1, 28)) : isoDate(2023, dateRng.int(3, 9), dateRng.int(1, 28));
    const createdAt = timestamp(addDays(openedOn, -dateRng.int(10, 40)), dateRng.int(8, 11), dateRng.int(0, 59));
    const updatedAt = timestamp(openedOn, 10, dateRng.int(0, 59));
    const place = offsetPoint(community.centre, placeRng.float(0, 150), placeRng.float(0, 360));
    return {
      id: seedUuid('station', code),
      code,
      name: names[i],
      tier,
      kind: rural ? 'RURAL' : 'COMMUNITY',
      status: 'OPEN',
      regionCode: community.code,
      circleId: null,
      address: addressFor(street, addressRng),
      lat: roundCoordinate(place.lat),
      lng: roundCoordinate(place.lng),
      planYear: null,
      openedOn,
      version: 1,
      createdAt,
      updatedAt,
      archivedAt: null,
    };
  });
}

/** 马坑社区民生驿站; a community name that recurs in another street is qualified by its street. */
function nameStations(communities: readonly YanpingCommunity[], streetOf: (community: YanpingCommunity) => YanpingStreet): string[] {
  const names = communities.map((community) => `${community.name}民生驿站`);
  const counts = new Map<string, number>();
  names.forEach((name) => counts.set(name, (counts.get(name) ?? 0) + 1));
  return names.map((name, i) => (counts.get(name)! > 1 ? `${streetOf(communities[i]).name}${name}` : name));
}

function addressFor(street: YanpingStreet, rng: Rng): string {
  const prefix = `${PROVINCE.name}南平市延平区${street.name}`;
  if (street.role === 'TOWN') return `${prefix}${rng.pick(TOWN_ROADS)}${rng.int(1, 180)}号`;
  return `${prefix}${rng.pick(URBAN_ROADS[street.code.slice(0, 9)])}${rng.int(1, 299)}号`;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Beijing time, which is what the stations' operators would have typed. */
function timestamp(date: string, hour: number, minute: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}
