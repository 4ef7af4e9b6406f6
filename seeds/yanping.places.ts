import { createRng, type Rng } from './support/deterministic';
import { offsetPoint, roundCoordinate, type LatLng } from './support/geo';
import { loadRegionIds, type SeedDb } from './support/seed-db';
import { buildYanpingDataset, MAKENG_COMMUNITY_CODE, URBAN_ROADS, YANPING_DISTRICT_CODE } from './yanping.data';

/**
 * What the Yanping steps after the registry share: its communities with their street, station and
 * residential estates (小区), the year the residents' needs are set in, and plausible residents.
 * Places come from the pure registry dataset (the same rows the registry step wrote); region ids
 * are read back from the database.
 */

/** The year the article's "今年以来" figures are counted in: every seeded need, claim and meeting of it falls in it. */
export const NEEDS_YEAR = 2024;
/** The day the seeded picture stands on (the article's "截至目前"): nothing the seed records happens after it. */
export const AS_OF = '2024-12-20';

export interface YanpingPlace {
  code: string;
  regionId: number;
  name: string;
  streetName: string;
  /** 9-digit code of its street or town. */
  streetCode9: string;
  urban: boolean;
  village: boolean;
  centre: LatLng;
  /** Its 民生驿站, if it has one. */
  station: { id: string; name: string; lat: number; lng: number; openedOn: string } | null;
  /** 小区 (or 村民小组 for villages) named in its needs, venues and teams. */
  estates: string[];
}

const ESTATE_PREFIXES = [
  '江滨',
  '金桥',
  '玉屏',
  '建溪',
  '闽江',
  '紫云',
  '九峰',
  '翠竹',
  '碧水',
  '锦绣',
  '书香',
  '阳光',
  '凤凰',
  '金山',
  '梅峰',
  '南山',
  '延福',
  '双溪',
  '剑津',
  '龙山',
];
const ESTATE_SUFFIXES = ['花园', '新村', '小区', '家园', '苑', '华庭', '佳园', '公寓'];
const VILLAGE_GROUPS = ['上厝', '下厝', '洋头', '坑口', '岭下', '溪边', '后山', '新厝'];

/** Yanping's communities and villages in code order, with their stations and estates. */
export async function loadYanpingPlaces(db: SeedDb): Promise<YanpingPlace[]> {
  const dataset = buildYanpingDataset();
  const regionIds = await loadRegionIds(db);
  const streets = new Map(dataset.streets.map((street) => [street.code, street]));
  const stations = new Map(dataset.stations.map((station) => [station.regionCode, station]));
  const rng = createRng('yanping-places:estates');
  return dataset.communities.map((community) => {
    const street = streets.get(community.streetCode)!;
    const regionId = regionIds.get(community.code);
    if (regionId === undefined) throw new Error(`Region ${community.code} is not seeded`);
    const station = stations.get(community.code);
    const village = community.type === 'VILLAGE';
    const estates = village
      ? rng
          .shuffle(VILLAGE_GROUPS)
          .slice(0, 3)
          .map((group) => `${community.name}${group}组`)
      : community.code === MAKENG_COMMUNITY_CODE
        ? ['马坑新村', '马坑花园', '四鹤小区']
        : [...new Set(Array.from({ length: 4 }, () => rng.pick(ESTATE_PREFIXES) + rng.pick(ESTATE_SUFFIXES)))].slice(0, 3);
    return {
      code: community.code,
      regionId,
      name: community.name,
      streetName: street.name,
      streetCode9: street.code.slice(0, 9),
      urban: street.role === 'URBAN',
      village,
      centre: community.centre,
      station: station ? { id: station.id, name: station.name, lat: station.lat, lng: station.lng, openedOn: station.openedOn! } : null,
      estates,
    };
  });
}

/** The district's own region id (departments and party members belong to it). */
export async function yanpingDistrictId(db: SeedDb): Promise<number> {
  const id = (await loadRegionIds(db)).get(YANPING_DISTRICT_CODE);
  if (id === undefined) throw new Error('Yanping is not seeded');
  return id;
}

/** A road of the place's street (towns have their own 正街, 新街 …). */
export function roadOf(place: YanpingPlace, rng: Rng): string {
  return rng.pick(URBAN_ROADS[place.streetCode9] ?? ['正街', '新街', '老街', '中心路']);
}

/** A point within `maxMetres` of the place's station (or centre), 6 decimals. */
export function pointNear(place: YanpingPlace, rng: Rng, maxMetres: number): { lat: number; lng: number } {
  const point = offsetPoint(place.station ?? place.centre, rng.float(30, maxMetres), rng.float(0, 360));
  return { lat: roundCoordinate(point.lat), lng: roundCoordinate(point.lng) };
}

/** Beijing time on a day, as an ISO instant the database reads as timestamptz. */
export function at(day: string, hour: number, minute = 0): string {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).toISOString();
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The first Wednesday after a day (the weekly 民生议事厅 a need raised that day goes to). */
export function nextWednesday(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // Sunday 0 … Saturday 6
  return addDays(day, ((3 - weekday + 7) % 7) + (weekday === 3 ? 7 : 0));
}

/** A uniformly drawn day from `from` to `to`, both inclusive. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, rng.int(0, span));
}

const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '谢', '罗', '余', '朱', '叶', '游', '范', '魏', '江', '邱', '徐', '廖', '丁'];
const GIVEN_NAMES = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '文华',
  '美珍',
  '国平',
  '春花',
  '晓明',
  '玉兰',
  '德胜',
  '桂英',
  '金水',
  '淑贞',
  '永福',
  '雪梅',
  '立新',
  '凤娇',
  '家兴',
  '爱华',
  '明',
  '芳',
  '军',
  '霞',
  '勇',
  '萍',
];
const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '158', '159', '177', '180', '187', '189', '199'];

/** A resident's (or volunteer's) name and mobile: personal data, made up. */
export function residentOf(rng: Rng): { name: string; phone: string } {
  return { name: rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES), phone: rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0') };
}
