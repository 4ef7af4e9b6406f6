import * as fs from 'node:fs';
import * as path from 'node:path';
import { RegionLevel } from '../src/modules/region/region-level';
import { formatStationCode } from '../src/modules/station/station-code';
import { parseCsv } from './support/csv';
import { createRng, seedUuid, type Rng } from './support/deterministic';
import { distanceMetres, offsetPoint, roundCoordinate, type LatLng } from './support/geo';

/**
 * The Xiangyang (襄阳市, 420600) demo dataset, built in memory from the official division codes
 * in seeds/data. Pure and deterministic: the same rows come out on every run, so analysts'
 * queries against a fresh seed always reproduce the source article's figures — 1,492 numbered
 * stations, 300 planned for 2023, 72 rural stations opened in 2023, 57 暖新 stations — and the
 * "every urban 15-minute circle has an open station" target, deliberately missed by three circles.
 */

// The value sets mirror the check constraints of the registry migration.
export type StationTier = 'BASIC' | 'STANDARD' | 'LEADING';
export type StationKind = 'COMMUNITY' | 'RURAL' | 'NEW_ECONOMY' | 'WARM_NEW';
export type StationStatus = 'PLANNED' | 'UNDER_CONSTRUCTION' | 'OPEN' | 'SUSPENDED' | 'CLOSED';

export interface SeedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Ancestor codes and its own, each followed by '/', e.g. '420000/420600/420606/'. */
  path: string;
  depth: number;
}

export interface SeedCircle {
  id: string;
  code: string;
  name: string;
  districtCode: string;
  /** The street (12-digit region code) the circle serves; not a column, kept for checks. */
  streetCode: string;
  centerLat: number;
  centerLng: number;
  radiusMetres: number;
  createdAt: string;
  updatedAt: string;
}

export interface SeedStation {
  id: string;
  code: string;
  name: string;
  tier: StationTier;
  kind: StationKind;
  status: StationStatus;
  /** Always a COMMUNITY-level region (社区 or 村). */
  regionCode: string;
  circleId: string | null;
  address: string;
  lat: number;
  lng: number;
  planYear: number | null;
  openedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: null;
}

export interface SeedSequence {
  regionCode: string;
  lastValue: number;
}

export interface XiangyangDataset {
  regions: SeedRegion[];
  circles: SeedCircle[];
  stations: SeedStation[];
  sequences: SeedSequence[];
}

/** The article's figures the dataset reproduces. */
export const XIANGYANG_FIGURES = {
  stations: 1492,
  plannedFor2023: 300,
  ruralOpenedIn2023: 72,
  warmNew: 57,
  newEconomy: 80,
} as const;

/** Urban districts whose streets each get a 15-minute service circle. */
export const URBAN_DISTRICT_CODES: readonly string[] = ['420602', '420606', '420607'];

const PROVINCE = { code: '420000', name: '湖北省' };
const CITY_CODE = '420600';
const CITY_PREFIX = '4206';
/** The data describe the end of the three-year action plan (2021–2023). */
const SNAPSHOT_DATE = '2023-12-31';
/** Prefix of every PRNG stream label of this dataset. */
const RNG_LABEL = 'xiangyang';

/** Where stations may be placed; stays inside the analysts' check box (lat 31.2–32.6, lng 110.8–113.1). */
const EXTENT = { minLat: 31.25, maxLat: 32.55, minLng: 110.85, maxLng: 113.05 };

interface DistrictPlan {
  code: string;
  /** Stations in the district, of which `rural` RURAL, `warmNew` WARM_NEW, `newEconomy` NEW_ECONOMY. */
  total: number;
  rural: number;
  warmNew: number;
  newEconomy: number;
  /** County seat for counties; for urban districts, the middle of their rural towns. */
  anchor: LatLng;
}

/**
 * How the 1,492 stations spread over the nine county-level divisions: more in the three urban
 * districts, eight of the 72 rural stations in each division, all 暖新 stations in the city.
 */
const DISTRICT_PLANS: readonly DistrictPlan[] = [
  { code: '420602', total: 210, rural: 8, warmNew: 15, newEconomy: 8, anchor: { lat: 31.93, lng: 112.0 } }, // 襄城区
  { code: '420606', total: 380, rural: 8, warmNew: 24, newEconomy: 30, anchor: { lat: 32.16, lng: 111.98 } }, // 樊城区
  { code: '420607', total: 240, rural: 8, warmNew: 18, newEconomy: 15, anchor: { lat: 32.22, lng: 112.33 } }, // 襄州区
  { code: '420624', total: 92, rural: 8, warmNew: 0, newEconomy: 2, anchor: { lat: 31.77, lng: 111.84 } }, // 南漳县
  { code: '420625', total: 120, rural: 8, warmNew: 0, newEconomy: 3, anchor: { lat: 32.26, lng: 111.65 } }, // 谷城县
  { code: '420626', total: 70, rural: 8, warmNew: 0, newEconomy: 2, anchor: { lat: 31.88, lng: 111.26 } }, // 保康县
  { code: '420682', total: 100, rural: 8, warmNew: 0, newEconomy: 5, anchor: { lat: 32.39, lng: 111.67 } }, // 老河口市
  { code: '420683', total: 170, rural: 8, warmNew: 0, newEconomy: 8, anchor: { lat: 32.13, lng: 112.77 } }, // 枣阳市
  { code: '420684', total: 110, rural: 8, warmNew: 0, newEconomy: 7, anchor: { lat: 31.72, lng: 112.26 } }, // 宜城市
];

/**
 * Circle centres on a lattice around the city centre (row steps 0.032° lat ≈ 3.6 km, column steps
 * 0.037° lng ≈ 3.5 km), laid out roughly like the real city: 襄城 south of the Han, 樊城 and the
 * high-tech zone north of it, 襄州 to the east. The spacing exceeds two maximum radii, so circles
 * never overlap and "which circle is this point in" has one answer.
 */
const CIRCLE_ORIGIN: LatLng = { lat: 32.04, lng: 112.14 };
const CIRCLE_ROW_DEGREES = 0.032;
const CIRCLE_COLUMN_DEGREES = 0.037;
const CIRCLE_GRID: Readonly<Record<string, readonly [row: number, column: number]>> = {
  '420602001': [-2, 0], // 真武山街道
  '420602002': [-1, 0], // 古城街道
  '420602003': [-1, 1], // 庞公街道
  '420602004': [-1, -1], // 檀溪街道
  '420602005': [-2, -2], // 隆中街道
  '420602006': [-3, 2], // 余家湖街道
  '420606001': [0, 1], // 汉江街道
  '420606002': [1, 0], // 王寨街道
  '420606003': [1, -1], // 中原街道
  '420606004': [0, 0], // 定中门街道
  '420606005': [1, 1], // 清河口街道
  '420606006': [0, -1], // 屏襄门街道
  '420606007': [0, -2], // 米公街道
  '420606008': [1, -2], // 柿铺街道
  '420606070': [2, 1], // 高新区紫贞街道
  '420606071': [2, 0], // 高新区七里河街道
  '420606072': [2, -1], // 高新区东风街道
  '420606400': [1, 2], // 经济开发区
  '420606480': [0, 2], // 鱼梁洲开发区
  '420606570': [3, 0], // 高新区汽车工业园
  '420606571': [3, 1], // 高新区高新技术产业园
  '420606572': [2, 2], // 高新区高新技术创业服务中心
  '420607001': [1, 3], // 张湾街道
  '420607002': [2, 3], // 刘集街道
  '420607003': [0, 3], // 肖湾街道
  '420607004': [3, 3], // 六两河街道
  '420607005': [1, 4], // 浩然街道
  '420607006': [2, 4], // 金华街道
  '420607402': [-2, 4], // 鹿门风景名胜区
  '420607500': [6, -2], // 襄北农场
  '420607570': [3, 2], // 深圳工业园
};

/**
 * Circles deliberately left without an open station, so city-wide coverage is visibly short of
 * the 100% target: two have a 2023 station still under way, 襄北农场 has nothing yet.
 */
const UNCOVERED_CIRCLES: Readonly<Record<string, { communityCode: string; kind: StationKind; status: StationStatus } | null>> = {
  '420607402': { communityCode: '420607402001', kind: 'COMMUNITY', status: 'UNDER_CONSTRUCTION' }, // 苏岭山社区, 鹿门
  '420606572': { communityCode: '420606572498', kind: 'NEW_ECONOMY', status: 'PLANNED' }, // 创业服务中心
  '420607500': null, // 襄北农场
};

/** 安居社区 (樊城区王寨街道) lent a street-front station to delivery riders (source article). */
const ANJU_COMMUNITY_CODE = '420606002011';
const ANJU_STATION_NAME = '安居社区临街红色驿站';

/** Stations that predate the three-year plan and so have no plan year. */
const PREDATING_STATIONS = 15;

const ROADS: Readonly<Record<string, readonly string[]>> = {
  '420602': ['檀溪路', '荆州街', '南街', '北街', '胜利街', '环城南路', '环城西路', '隆中路', '真武山路', '庞公路', '凤雏路', '卧龙大道', '余家湖大道'],
  '420606': [
    '人民路',
    '长虹路',
    '春园路',
    '前进路',
    '解放路',
    '建设路',
    '中原路',
    '大庆路',
    '航空路',
    '七里河路',
    '丹江路',
    '汉江北路',
    '长征路',
    '新华路',
    '炮铺街',
    '邓城大道',
    '团山路',
    '追日路',
    '襄阳大道',
    '紫贞路',
    '米公路',
    '沿江大道',
    '清河路',
  ],
  '420607': ['航空路', '襄州大道', '民发路', '汉津路', '邓城路', '肖湾路', '张湾路', '双湾路', '伙牌路', '东津大道', '襄阳大道', '人民东路'],
  county: ['人民路', '解放路', '建设路', '胜利路', '中山路', '新华路', '滨河路', '城南大道', '光明路', '民主路', '文化路', '园林路', '兴隆路', '迎宾大道', '车站路', '沿河路'],
  town: ['正街', '新街', '老街', '中心街', '人民路', '建设路', '集镇大道', '兴业路'],
};

/** What the two-new-organisation (两新组织) clusters outside industrial parks are called. */
const CLUSTER_TYPES = ['产业园', '电商产业园', '物流园', '科技园', '创业园', '商务楼宇', '众创空间', '快递物流园', '商贸城', '孵化基地'];

type StreetRole = 'CIRCLE' | 'SEAT' | 'ZONE' | 'TOWN';
type CommunityType = 'RESIDENTIAL' | 'VILLAGE' | 'VIRTUAL';

interface District {
  code: string;
  name: string;
  plan: DistrictPlan;
}

interface Street {
  /** 9-digit statistical code of the township-level unit. */
  code9: string;
  /** 12-digit region code (code9 + '000'). */
  code: string;
  name: string;
  district: District;
  role: StreetRole;
  /** An industrial park or development zone (两新组织集聚区). */
  isPark: boolean;
  centre: LatLng;
  circle: SeedCircle | null;
}

interface Community {
  code: string;
  name: string;
  street: Street;
  type: CommunityType;
  centre: LatLng;
}

interface StationDraft {
  kind: StationKind;
  community: Community;
  planYear?: number | null;
  status?: StationStatus;
  name?: string;
}

/** The division rows of one prefecture-level city, sorted by code. */
export interface DivisionTables {
  cityName: string;
  districts: { code: string; name: string }[];
  streets: { code9: string; name: string; districtCode: string }[];
  communities: { code: string; rawName: string; streetCode9: string }[];
}

export function buildXiangyangDataset(): XiangyangDataset {
  const tables = readDivisionTables(CITY_PREFIX);
  const districts = buildDistricts(tables);
  const streets = buildStreets(tables, districts);
  const communities = buildCommunities(tables, streets);
  const regions = buildRegions(tables, districts, streets, communities);
  const circles = streets.flatMap((street) => (street.circle ? [street.circle] : []));
  const drafts = DISTRICT_PLANS.flatMap((plan) => draftDistrictStations(districts.get(plan.code)!, streets, communities));
  if (drafts.length !== XIANGYANG_FIGURES.stations) throw new Error(`District plans add up to ${drafts.length} stations`);
  const stations = finishStations(drafts, circles);
  const sequences = buildSequences(stations);
  return { regions, circles, stations, sequences };
}

/** Official names carry the committee suffix; the registry shows the place: 中山社区居委会 → 中山社区. */
export function normaliseCommunityName(rawName: string): string {
  const name = rawName.trim();
  const residents = /(居民委员会|居民委会|居委会)$/.exec(name);
  if (residents) {
    const base = name.slice(0, residents.index);
    return base.endsWith('社区') ? base : `${base}社区`;
  }
  const villagers = /(村民委员会|村委会)$/.exec(name);
  if (villagers) {
    // "杨村村委会" is the committee of 杨村, "张家村委会" that of 张家村.
    const base = name.slice(0, villagers.index);
    return base.endsWith('村') ? base : `${base}村`;
  }
  return name;
}

// ---------------------------------------------------------------------------------------------
// Reading the division tables

/** The CSVs sit beside this file in the source tree; after `tsc` the code runs from dist/seeds. */
function resolveDataDir(): string {
  const candidates = [path.join(__dirname, 'data'), path.join(__dirname, '..', '..', 'seeds', 'data')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'villages.csv')));
  if (!found) throw new Error(`Seed division data not found; looked in ${candidates.join(', ')}`);
  return found;
}

/** The rows of the city with the 4-digit statistical code `cityPrefix` (4206 Xiangyang, 3507 Nanping). */
export function readDivisionTables(cityPrefix: string): DivisionTables {
  const dir = resolveDataDir();
  const read = (file: string) => parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'));
  const city = read('cities.csv').find((row) => row.code === cityPrefix);
  if (!city) throw new Error(`cities.csv has no ${cityPrefix}`);
  const streets = read('streets.csv')
    .filter((row) => row.cityCode === cityPrefix)
    .map((row) => ({ code9: row.code, name: row.name, districtCode: row.areaCode }));
  return {
    cityName: city.name,
    districts: read('areas.csv')
      .filter((row) => row.cityCode === cityPrefix)
      .map((row) => ({ code: row.code, name: row.name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    streets: streets.sort((a, b) => a.code9.localeCompare(b.code9)),
    communities: read('villages.csv')
      .filter((row) => row.cityCode === cityPrefix)
      .map((row) => ({ code: row.code, rawName: row.name, streetCode9: row.streetCode }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

// ---------------------------------------------------------------------------------------------
// Regions, circles and where things are

function buildDistricts(tables: DivisionTables): Map<string, District> {
  const districts = new Map<string, District>();
  for (const plan of DISTRICT_PLANS) {
    const row = tables.districts.find((district) => district.code === plan.code);
    if (!row) throw new Error(`areas.csv has no district ${plan.code}`);
    districts.set(plan.code, { code: plan.code, name: row.name, plan });
  }
  if (districts.size !== tables.districts.length) throw new Error('Every county-level division needs a plan');
  return districts;
}

function buildStreets(tables: DivisionTables, districts: Map<string, District>): Street[] {
  const rng = createRng(`${RNG_LABEL}:street-centres`);
  const circleRng = createRng(`${RNG_LABEL}:circles`);
  const streets: Street[] = [];
  const circles: SeedCircle[] = [];

  // Circles first: the other centres are then kept clear of them.
  for (const row of tables.streets) {
    const district = districts.get(row.districtCode)!;
    const suffix = Number(row.code9.slice(6));
    const isPark = row.name.startsWith('高新区') || (suffix >= 400 && /园|开发区/.test(row.name));
    const isCircle = URBAN_DISTRICT_CODES.includes(district.code) && (suffix < 100 || suffix >= 400);
    const street: Street = {
      code9: row.code9,
      code: `${row.code9}000`,
      name: row.name,
      district,
      role: isCircle ? 'CIRCLE' : suffix < 100 || row.name === '城关镇' ? 'SEAT' : suffix >= 400 && isPark ? 'ZONE' : 'TOWN',
      isPark,
      centre: district.plan.anchor,
      circle: null,
    };
    if (isCircle) {
      street.circle = buildCircle(street, circleRng);
      street.centre = { lat: street.circle.centerLat, lng: street.circle.centerLng };
      circles.push(street.circle);
    }
    streets.push(street);
  }

  // Seats and development zones cluster round the county seat; towns spread out from it on a
  // golden-angle spiral so that they do not pile up in one direction.
  const indexInDistrict = new Map<string, number>();
  for (const street of streets) {
    if (street.role === 'CIRCLE') continue;
    const key = `${street.district.code}:${street.role}`;
    const index = indexInDistrict.get(key) ?? 0;
    indexInDistrict.set(key, index + 1);
    const urban = URBAN_DISTRICT_CODES.includes(street.district.code);
    const [minMetres, maxMetres, clearance] =
      street.role === 'SEAT' ? [300, 2500, 2000] : street.role === 'ZONE' ? [2500, 5000, 2000] : urban ? [6000, 16000, 4500] : [7000, 24000, 4500];
    street.centre = samplePoint(circles, clearance, (attempt) =>
      offsetPoint(street.district.plan.anchor, rng.float(minMetres, maxMetres), (index * 137.508 + (attempt === 0 ? rng.float(-20, 20) : rng.float(0, 360))) % 360),
    );
  }
  return streets;
}

function buildCircle(street: Street, rng: Rng): SeedCircle {
  const cell = CIRCLE_GRID[street.code9];
  if (!cell) throw new Error(`No circle position for urban street ${street.code9} ${street.name}`);
  const code = `SC-${street.code9}`;
  const createdAt = '2021-03-01T09:00:00+08:00';
  return {
    id: seedUuid('service-circle', code),
    code,
    name: `${street.name}15分钟便民服务圈`,
    districtCode: street.district.code,
    streetCode: street.code,
    centerLat: roundCoordinate(CIRCLE_ORIGIN.lat + cell[0] * CIRCLE_ROW_DEGREES + rng.float(-0.002, 0.002)),
    centerLng: roundCoordinate(CIRCLE_ORIGIN.lng + cell[1] * CIRCLE_COLUMN_DEGREES + rng.float(-0.002, 0.002)),
    radiusMetres: rng.int(20, 30) * 50,
    createdAt,
    updatedAt: createdAt,
  };
}

function buildCommunities(tables: DivisionTables, streets: Street[]): Community[] {
  const rng = createRng(`${RNG_LABEL}:community-centres`);
  const streetsByCode = new Map(streets.map((street) => [street.code9, street]));
  const circles = streets.flatMap((street) => (street.circle ? [street.circle] : []));
  return tables.communities.map((row) => {
    const street = streetsByCode.get(row.streetCode9);
    if (!street) throw new Error(`villages.csv: ${row.code} has unknown street ${row.streetCode9}`);
    // Statistical codes: 0xx–1xx residents' committees, 2xx–3xx villages, 4xx–5xx placeholders
    // ("虚拟社区") for areas without a committee.
    const suffix = Number(row.code.slice(9));
    const type: CommunityType = suffix >= 400 ? 'VIRTUAL' : suffix >= 200 ? 'VILLAGE' : 'RESIDENTIAL';
    let centre: LatLng;
    if (street.circle) {
      const circle = street.circle;
      const metres = circle.radiusMetres * 0.55 * Math.sqrt(rng.next());
      centre = offsetPoint(street.centre, metres, rng.float(0, 360));
    } else if (type === 'VIRTUAL') {
      centre = street.centre;
    } else {
      const [minMetres, maxMetres] = type === 'VILLAGE' ? [1500, 5000] : street.role === 'TOWN' ? [0, 800] : [0, 1200];
      centre = samplePoint(circles, 800, () => offsetPoint(street.centre, rng.float(minMetres, maxMetres), rng.float(0, 360)));
    }
    return { code: row.code, name: normaliseCommunityName(row.rawName), street, type, centre };
  });
}

function buildRegions(tables: DivisionTables, districts: Map<string, District>, streets: Street[], communities: Community[]): SeedRegion[] {
  const provincePath = `${PROVINCE.code}/`;
  const cityPath = `${provincePath}${CITY_CODE}/`;
  const regions: SeedRegion[] = [
    { code: PROVINCE.code, name: PROVINCE.name, level: RegionLevel.PROVINCE, parentCode: null, path: provincePath, depth: 0 },
    { code: CITY_CODE, name: tables.cityName, level: RegionLevel.CITY, parentCode: PROVINCE.code, path: cityPath, depth: 1 },
  ];
  for (const district of districts.values()) {
    regions.push({
      code: district.code,
      name: district.name,
      level: RegionLevel.DISTRICT,
      parentCode: CITY_CODE,
      path: `${cityPath}${district.code}/`,
      depth: 2,
    });
  }
  for (const street of streets) {
    regions.push({
      code: street.code,
      name: street.name,
      level: RegionLevel.STREET,
      parentCode: street.district.code,
      path: `${cityPath}${street.district.code}/${street.code}/`,
      depth: 3,
    });
  }
  for (const community of communities) {
    const street = community.street;
    regions.push({
      code: community.code,
      name: community.name,
      level: RegionLevel.COMMUNITY,
      parentCode: street.code,
      path: `${cityPath}${street.district.code}/${street.code}/${community.code}/`,
      depth: 4,
    });
  }
  // Grids (网格) are not seeded: the statistical codes stop at the community, and region.code
  // (varchar(12)) leaves no room to extend a 12-digit community code.
  return regions;
}

/**
 * Draws points until one lies inside the extent and at least `clearance` metres beyond every
 * circle's edge, so a point outside a circle is never mistaken for one inside it.
 */
function samplePoint(circles: readonly SeedCircle[], clearance: number, propose: (attempt: number) => LatLng): LatLng {
  for (let attempt = 0; attempt < 200; attempt++) {
    const point = propose(attempt);
    const inExtent = point.lat >= EXTENT.minLat && point.lat <= EXTENT.maxLat && point.lng >= EXTENT.minLng && point.lng <= EXTENT.maxLng;
    const clear = circles.every((circle) => distanceMetres(point, { lat: circle.centerLat, lng: circle.centerLng }) > circle.radiusMetres + clearance);
    if (inExtent && clear) return point;
  }
  throw new Error('Could not place a seed point clear of the service circles');
}

// ---------------------------------------------------------------------------------------------
// Which stations exist where

function draftDistrictStations(district: District, streets: Street[], communities: Community[]): StationDraft[] {
  const plan = district.plan;
  const rng = createRng(`${RNG_LABEL}:allocation:${district.code}`);
  const mine = communities.filter((community) => community.street.district === district);
  const uncovered = (street: Street) => street.code9 in UNCOVERED_CIRCLES;
  const usable = mine.filter((community) => !uncovered(community.street));
  const residential = usable.filter((community) => community.type === 'RESIDENTIAL');
  const drafts: StationDraft[] = [];

  // Every covered circle gets one long-standing open station, so the coverage target holds by
  // construction; circles with only a placeholder community are industrial parks (两新组织).
  for (const street of streets.filter((s) => s.district === district && s.circle && !uncovered(s))) {
    const homes = residential.filter((community) => community.street === street);
    const parks = usable.filter((community) => community.street === street && community.type === 'VIRTUAL');
    if (homes.length > 0) {
      drafts.push({ kind: 'COMMUNITY', community: rng.pick(homes), planYear: rng.pick([2021, 2022]), status: 'OPEN' });
    } else if (parks.length > 0 && street.isPark) {
      drafts.push({ kind: 'NEW_ECONOMY', community: parks[0], planYear: rng.pick([2021, 2022]), status: 'OPEN' });
    } else {
      throw new Error(`Covered circle ${street.code9} has no community to host a station`);
    }
  }
  for (const [streetCode9, pending] of Object.entries(UNCOVERED_CIRCLES)) {
    if (!pending || !streetCode9.startsWith(district.code)) continue;
    const community = mine.find((c) => c.code === pending.communityCode);
    if (!community) throw new Error(`Unknown community ${pending.communityCode}`);
    drafts.push({ kind: pending.kind, community, planYear: 2023, status: pending.status });
  }

  // 乡镇村组: this year's rural stations, one per village, in villages under towns (镇/乡).
  const villages = usable.filter((community) => community.type === 'VILLAGE' && community.street.role === 'TOWN' && /[镇乡]$/.test(community.street.name));
  for (const community of rng.shuffle(villages).slice(0, plan.rural)) {
    drafts.push({ kind: 'RURAL', community, planYear: 2023, status: 'OPEN' });
  }

  // 暖新 stations sit in urban neighbourhoods where riders and couriers work.
  if (plan.warmNew > 0) {
    let homes = residential.filter((community) => community.street.circle);
    const anju = homes.find((community) => community.code === ANJU_COMMUNITY_CODE);
    if (anju) {
      drafts.push({ kind: 'WARM_NEW', community: anju, planYear: 2022, status: 'OPEN', name: ANJU_STATION_NAME });
      homes = homes.filter((community) => community !== anju);
    }
    const remaining = plan.warmNew - (anju ? 1 : 0);
    for (const community of rng.shuffle(homes).slice(0, remaining)) drafts.push({ kind: 'WARM_NEW', community });
  }

  // 两新组织集聚区: mostly industrial parks and development zones, some office clusters in town.
  const parkCandidates = usable.filter(
    (community) =>
      (community.street.isPark && community.type !== 'VILLAGE') || (community.type === 'RESIDENTIAL' && (community.street.role === 'CIRCLE' || community.street.role === 'SEAT')),
  );
  const newEconomyDrafted = drafts.filter((draft) => draft.kind === 'NEW_ECONOMY').length;
  for (let i = newEconomyDrafted; i < plan.newEconomy; i++) {
    const community = rng.weightedPick(parkCandidates, (c) => (c.street.isPark ? 4 : 1));
    drafts.push({ kind: 'NEW_ECONOMY', community });
  }

  // The rest are neighbourhood stations: one in (nearly) every residents' community first, then
  // more where people live densely; a community's weight falls with each station it already has,
  // which keeps any one community from collecting a dozen.
  const remaining = plan.total - drafts.length;
  if (remaining < 0) throw new Error(`District ${district.code}: plan leaves no room for community stations`);
  const shuffled = rng.shuffle(residential);
  for (const community of shuffled.slice(0, remaining)) drafts.push({ kind: 'COMMUNITY', community });
  const held = new Map<Community, number>();
  for (const draft of drafts) held.set(draft.community, (held.get(draft.community) ?? 0) + 1);
  const density = (c: Community) => (c.street.role === 'TOWN' ? 1 : c.street.role === 'ZONE' ? 2 : 3);
  for (let i = shuffled.length; i < remaining; i++) {
    const community = rng.weightedPick(residential, (c) => density(c) / Math.max(1, held.get(c) ?? 0) ** 2);
    held.set(community, (held.get(community) ?? 0) + 1);
    drafts.push({ kind: 'COMMUNITY', community });
  }
  if (drafts.length !== plan.total) throw new Error(`District ${district.code}: ${drafts.length} of ${plan.total} stations`);
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// Plan years, statuses, dates, codes, names, addresses, places

interface Timeline {
  planYear: number | null;
  status: StationStatus;
  openedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

function finishStations(drafts: StationDraft[], circles: readonly SeedCircle[]): SeedStation[] {
  assignPlanYears(drafts);
  assignStatuses(drafts);
  const tiers = assignTiers(drafts.length);

  const dateRng = createRng(`${RNG_LABEL}:dates`);
  const timelines = drafts.map((draft) => buildTimeline(draft, dateRng));

  // Codes are issued per community in the order the stations were registered.
  const ordered = drafts
    .map((draft, order) => ({ draft, order, timeline: timelines[order], tier: tiers[order] }))
    .sort((a, b) => a.timeline.createdAt.localeCompare(b.timeline.createdAt) || a.order - b.order);
  const issued = new Map<string, number>();
  const withCodes = ordered.map((entry) => {
    const regionCode = entry.draft.community.code;
    const sequence = (issued.get(regionCode) ?? 0) + 1;
    issued.set(regionCode, sequence);
    return { ...entry, code: formatStationCode(regionCode, sequence) };
  });
  withCodes.sort((a, b) => a.code.localeCompare(b.code));

  const names = nameStations(withCodes.map(({ draft, code }) => ({ draft, code })));
  const placeRng = createRng(`${RNG_LABEL}:station-places`);
  const addressRng = createRng(`${RNG_LABEL}:addresses`);

  return withCodes.map(({ draft, timeline, tier, code }, i) => {
    const place = placeStation(draft.community, circles, placeRng);
    return {
      id: seedUuid('station', code),
      code,
      name: names[i],
      tier,
      kind: draft.kind,
      status: timeline.status,
      regionCode: draft.community.code,
      circleId: draft.community.street.circle?.id ?? null,
      address: addressFor(draft.community, addressRng),
      lat: roundCoordinate(place.lat),
      lng: roundCoordinate(place.lng),
      planYear: timeline.planYear,
      openedOn: timeline.openedOn,
      version: 1,
      createdAt: timeline.createdAt,
      updatedAt: timeline.updatedAt,
      archivedAt: null,
    };
  });
}

/** Exactly 300 stations in the 2023 plan; a handful predate the plan; the rest split 2021/2022. */
function assignPlanYears(drafts: StationDraft[]): void {
  const rng = createRng(`${RNG_LABEL}:plan-years`);
  const fixed2023 = drafts.filter((draft) => draft.planYear === 2023).length;
  const free = rng.shuffle(drafts.filter((draft) => draft.planYear === undefined));
  const needed = XIANGYANG_FIGURES.plannedFor2023 - fixed2023;
  free.slice(0, needed).forEach((draft) => (draft.planYear = 2023));
  let predating = 0;
  for (const draft of free.slice(needed)) {
    if (predating < PREDATING_STATIONS && draft.kind === 'COMMUNITY') {
      draft.planYear = null;
      predating++;
    } else {
      draft.planYear = rng.chance(0.48) ? 2021 : 2022;
    }
  }
}

function assignStatuses(drafts: StationDraft[]): void {
  const rng = createRng(`${RNG_LABEL}:statuses`);
  for (const draft of drafts) {
    if (draft.status) continue;
    const roll = rng.next();
    if (draft.planYear === 2023) {
      draft.status = roll < 0.6 ? 'OPEN' : roll < 0.85 ? 'UNDER_CONSTRUCTION' : 'PLANNED';
    } else {
      draft.status = roll < 0.93 ? 'OPEN' : roll < 0.975 ? 'SUSPENDED' : 'CLOSED';
    }
  }
}

/** 60% BASIC, 30% STANDARD, 10% LEADING, as exact shares handed out at random. */
function assignTiers(count: number): StationTier[] {
  const leading = Math.round(count * 0.1);
  const standard = Math.round(count * 0.3);
  const tiers: StationTier[] = [
    ...Array<StationTier>(leading).fill('LEADING'),
    ...Array<StationTier>(standard).fill('STANDARD'),
    ...Array<StationTier>(count - leading - standard).fill('BASIC'),
  ];
  return createRng(`${RNG_LABEL}:tiers`).shuffle(tiers);
}

/**
 * Registered at the start of its plan year (stations older than the plan when the registry was
 * numbered, in January 2021); opened in the plan year or up to two years later, never after the
 * snapshot; updated at its latest status change.
 */
function buildTimeline(draft: StationDraft, rng: Rng): Timeline {
  const planYear = draft.planYear ?? null;
  const status = draft.status!;
  const createdDate = planYear === null ? isoDate(2021, 1, rng.int(4, 29)) : isoDate(planYear, rng.int(1, 2), rng.int(1, 28));
  const createdAt = timestamp(createdDate, rng.int(8, 11), rng.int(0, 59));

  let openedOn: string | null = null;
  if (status === 'OPEN' || status === 'SUSPENDED' || status === 'CLOSED') {
    let year = planYear === null ? rng.int(2017, 2020) : planYear;
    if (planYear !== null && draft.kind !== 'RURAL') {
      const roll = rng.next();
      year = Math.min(2023, planYear + (roll < 0.85 ? 0 : roll < 0.97 ? 1 : 2));
    }
    openedOn = isoDate(year, rng.int(3, year === 2023 ? 11 : 12), rng.int(1, 28));
  }

  let updatedAt = createdAt;
  if (status === 'OPEN') {
    updatedAt = laterOf(createdAt, timestamp(openedOn!, 10, rng.int(0, 59)));
  } else if (status === 'UNDER_CONSTRUCTION') {
    updatedAt = timestamp(capToSnapshot(addDays(createdDate, rng.int(30, 200))), rng.int(9, 17), rng.int(0, 59));
  } else if (status === 'SUSPENDED' || status === 'CLOSED') {
    const changed = capToSnapshot(addDays(openedOn!, rng.int(60, 500)));
    updatedAt = laterOf(createdAt, timestamp(changed, rng.int(9, 17), rng.int(0, 59)));
  }
  return { planYear, status, openedOn, createdAt, updatedAt };
}

function nameStations(stations: { draft: StationDraft; code: string }[]): string[] {
  const rng = createRng(`${RNG_LABEL}:names`);
  const seen = new Map<string, number>();
  const warmNewStreets = new Set<string>();
  const stemOf = (draft: StationDraft): [stem: string, suffix: string] => {
    const community = draft.community;
    switch (draft.kind) {
      case 'WARM_NEW':
        // The first 暖新 station of a street carries the street's name, later ones their community's.
        if (!warmNewStreets.has(community.street.code)) {
          warmNewStreets.add(community.street.code);
          return [shortStreetName(community.street), '暖新驿站'];
        }
        return [community.name, '暖新驿站'];
      case 'NEW_ECONOMY':
        if (community.type === 'VIRTUAL') return [parkName(community.street), '红色驿站'];
        return [`${community.name.replace(/(社区|村)$/, '')}${rng.pick(CLUSTER_TYPES)}`, '红色驿站'];
      default:
        return [community.name, '红色驿站'];
    }
  };
  const names = stations.map(({ draft }) => {
    if (draft.name) return draft.name;
    const [stem, suffix] = stemOf(draft);
    // A second station of the same kind in a community is 第二…: 中山社区第二红色驿站.
    const key = `${draft.community.code}:${stem}${suffix}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${stem}${n === 1 ? '' : `第${chineseNumber(n)}`}${suffix}`;
  });

  // Community names repeat across towns (东街社区, 城关镇…): qualify clashing names with the
  // street, then the county, so that every station name is unique.
  const qualify = (prefix: (i: number) => string) => {
    const counts = new Map<string, number>();
    names.forEach((name) => counts.set(name, (counts.get(name) ?? 0) + 1));
    names.forEach((name, i) => {
      if (counts.get(name)! > 1 && !name.startsWith(prefix(i))) names[i] = `${prefix(i)}${name}`;
    });
  };
  qualify((i) => shortStreetName(stations[i].draft.community.street));
  qualify((i) => stations[i].draft.community.street.district.name);
  return names;
}

function addressFor(community: Community, rng: Rng): string {
  const street = community.street;
  const prefix = `${PROVINCE.name}襄阳市${street.district.name}${street.name}`;
  if (community.type === 'VILLAGE') return `${prefix}${community.name}${rng.int(1, 12)}组${rng.int(1, 60)}号`;
  if (street.role === 'TOWN') return `${prefix}${rng.pick(ROADS.town)}${rng.int(1, 260)}号`;
  // A street's addresses share a few roads, as real ones do.
  const roads = createRng(`${RNG_LABEL}:roads:${street.code}`)
    .shuffle(ROADS[street.district.code] ?? ROADS.county)
    .slice(0, 4);
  return `${prefix}${rng.pick(roads)}${rng.int(1, 399)}号`;
}

/** Inside its circle (within 75% of the radius) in the city; near its community elsewhere. */
function placeStation(community: Community, circles: readonly SeedCircle[], rng: Rng): LatLng {
  const circle = community.street.circle;
  if (circle) {
    return offsetPoint(community.centre, circle.radiusMetres * 0.2 * Math.sqrt(rng.next()), rng.float(0, 360));
  }
  return samplePoint(circles, 300, () => offsetPoint(community.centre, rng.float(0, 350), rng.float(0, 360)));
}

function buildSequences(stations: SeedStation[]): SeedSequence[] {
  const counts = new Map<string, number>();
  for (const station of stations) counts.set(station.regionCode, (counts.get(station.regionCode) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([regionCode, lastValue]) => ({ regionCode, lastValue }));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** 高新区七里河街道 reads as 七里河街道 in a station's name; the address keeps the full name. */
function shortStreetName(street: Street): string {
  return street.name.replace(/^高新区/, '');
}

/** 高新区汽车工业园 → 汽车工业园, 湖北保康经济开发区管理委员会 → 保康经济开发区. */
function parkName(street: Street): string {
  return street.name.replace(/^(高新区|湖北)/, '').replace(/管理委员会$/, '');
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 2 → 二, 10 → 十, 12 → 十二, 23 → 二十三 (enough for station ordinals). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`Unsupported number ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function capToSnapshot(date: string): string {
  return date < SNAPSHOT_DATE ? date : addDays(SNAPSHOT_DATE, -3);
}

/** Beijing time, which is what the stations' operators would have typed. */
function timestamp(date: string, hour: number, minute: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

/** The later of two timestamps in the same (+08:00) offset. */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
