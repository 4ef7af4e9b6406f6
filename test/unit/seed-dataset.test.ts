import { RegionLevel } from '../../src/modules/region/region-level';
import { parseStationCode } from '../../src/modules/station/station-code';
import { distanceMetres } from '../../seeds/support/geo';
import {
  buildXiangyangDataset,
  chineseNumber,
  normaliseCommunityName,
  URBAN_DISTRICT_CODES,
  type SeedCircle,
  type SeedStation,
  type XiangyangDataset,
} from '../../seeds/xiangyang.data';

/** The Xiangyang demo dataset must reproduce the source article's figures, every time. */
describe('Xiangyang demo dataset', () => {
  let dataset: XiangyangDataset;
  let regionsByCode: Map<string, XiangyangDataset['regions'][number]>;
  const ofKind = (kind: SeedStation['kind']) => dataset.stations.filter((station) => station.kind === kind);
  const districtOf = (station: SeedStation) => station.regionCode.slice(0, 6);
  const centre = (circle: SeedCircle) => ({ lat: circle.centerLat, lng: circle.centerLng });
  const everOpened = new Set(['OPEN', 'SUSPENDED', 'CLOSED']);

  beforeAll(() => {
    dataset = buildXiangyangDataset();
    regionsByCode = new Map(dataset.regions.map((region) => [region.code, region]));
  });

  it('is deterministic: two builds give identical rows', () => {
    expect(JSON.stringify(buildXiangyangDataset())).toBe(JSON.stringify(dataset));
  });

  describe('regions', () => {
    it('holds Hubei, Xiangyang, its nine county-level divisions and their streets and communities', () => {
      const byLevel = (level: RegionLevel) => dataset.regions.filter((region) => region.level === level);
      expect(byLevel(RegionLevel.PROVINCE).map((r) => [r.code, r.name])).toEqual([['420000', '湖北省']]);
      expect(byLevel(RegionLevel.CITY).map((r) => [r.code, r.name])).toEqual([['420600', '襄阳市']]);
      expect(byLevel(RegionLevel.DISTRICT).map((r) => r.code)).toEqual(['420602', '420606', '420607', '420624', '420625', '420626', '420682', '420683', '420684']);
      expect(byLevel(RegionLevel.STREET)).toHaveLength(130);
      expect(byLevel(RegionLevel.COMMUNITY)).toHaveLength(2817);
      expect(byLevel(RegionLevel.GRID)).toHaveLength(0);
      expect(dataset.regions.every((region) => region.code.startsWith('42'))).toBe(true);
    });

    it('has unique codes that fit region.code and consistent parents, paths and depths', () => {
      expect(regionsByCode.size).toBe(dataset.regions.length);
      const depthOf: Record<string, number> = { PROVINCE: 0, CITY: 1, DISTRICT: 2, STREET: 3, COMMUNITY: 4 };
      for (const region of dataset.regions) {
        expect(region.code).toMatch(region.depth <= 2 ? /^\d{6}$/ : /^\d{12}$/);
        expect(region.depth).toBe(depthOf[region.level]);
        const parent = region.parentCode === null ? undefined : regionsByCode.get(region.parentCode);
        expect(region.path).toBe(`${parent?.path ?? ''}${region.code}/`);
        if (region.depth > 0) expect(parent?.depth).toBe(region.depth - 1);
      }
      expect(regionsByCode.get('420606002000')?.name).toBe('王寨街道');
      expect(regionsByCode.get('420606002011')?.path).toBe('420000/420600/420606/420606002000/420606002011/');
    });

    it('names communities without the committee suffix', () => {
      expect(regionsByCode.get('420606002011')?.name).toBe('安居社区');
      expect(dataset.regions.some((region) => /居委会|村委会|居民委员会|村民委员会$/.test(region.name))).toBe(false);
      expect(normaliseCommunityName('中山社区居委会')).toBe('中山社区');
      expect(normaliseCommunityName('连山湖社区居民委会')).toBe('连山湖社区');
      expect(normaliseCommunityName('西街居委会')).toBe('西街社区');
      expect(normaliseCommunityName('张家村委会')).toBe('张家村');
      expect(normaliseCommunityName('杨村村委会')).toBe('杨村');
      expect(normaliseCommunityName('青龙湖村村民委员会')).toBe('青龙湖村');
      expect(normaliseCommunityName('便河村民委员会')).toBe('便河村');
      expect(normaliseCommunityName('虚拟社区')).toBe('虚拟社区');
    });
  });

  describe('service circles', () => {
    it('covers every 街道 and development-zone unit of the three urban districts', () => {
      expect(dataset.circles).toHaveLength(31);
      for (const circle of dataset.circles) {
        expect(circle.code).toMatch(/^SC-\d{9}$/);
        expect(circle.streetCode).toBe(`${circle.code.slice(3)}000`);
        expect(URBAN_DISTRICT_CODES).toContain(circle.districtCode);
        const suffix = Number(circle.code.slice(9));
        expect(suffix < 100 || suffix >= 400).toBe(true);
        expect(circle.name).toBe(`${regionsByCode.get(circle.streetCode)?.name}15分钟便民服务圈`);
        expect(circle.radiusMetres).toBeGreaterThanOrEqual(1000);
        expect(circle.radiusMetres).toBeLessThanOrEqual(1500);
        expect(circle.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
      expect(dataset.circles.find((circle) => circle.code === 'SC-420606071')?.name).toBe('高新区七里河街道15分钟便民服务圈');
    });

    it('never overlap, so a point lies in at most one circle', () => {
      for (const [i, a] of dataset.circles.entries()) {
        for (const b of dataset.circles.slice(i + 1)) {
          expect(distanceMetres(centre(a), centre(b))).toBeGreaterThan(a.radiusMetres + b.radiusMetres);
        }
      }
    });

    it('all but three have an open station, so coverage stays visibly below 100%', () => {
      const covered = new Set(dataset.stations.filter((station) => station.status === 'OPEN' && station.circleId).map((station) => station.circleId));
      const uncovered = dataset.circles.filter((circle) => !covered.has(circle.id)).map((circle) => circle.code);
      expect(uncovered.sort()).toEqual(['SC-420606572', 'SC-420607402', 'SC-420607500']);
    });

    it('contain exactly the stations that point to them', () => {
      const circlesById = new Map(dataset.circles.map((circle) => [circle.id, circle]));
      for (const station of dataset.stations) {
        const inside = dataset.circles.filter((circle) => distanceMetres(station, centre(circle)) <= circle.radiusMetres);
        if (station.circleId) {
          expect(circlesById.has(station.circleId)).toBe(true);
          expect(inside.map((circle) => circle.id)).toEqual([station.circleId]);
        } else {
          expect(inside).toEqual([]);
        }
      }
      const urban = dataset.stations.filter((station) => URBAN_DISTRICT_CODES.includes(districtOf(station)));
      expect(urban.filter((station) => station.circleId).length).toBeGreaterThan(urban.length / 2);
      expect(dataset.stations.filter((s) => !URBAN_DISTRICT_CODES.includes(districtOf(s)) && s.circleId)).toEqual([]);
    });
  });

  describe('stations', () => {
    it('number exactly 1,492, spread over all nine divisions with more in the urban ones', () => {
      expect(dataset.stations).toHaveLength(1492);
      const perDistrict = new Map<string, number>();
      for (const station of dataset.stations) perDistrict.set(districtOf(station), (perDistrict.get(districtOf(station)) ?? 0) + 1);
      expect(perDistrict.size).toBe(9);
      const urbanMin = Math.min(...URBAN_DISTRICT_CODES.map((code) => perDistrict.get(code)!));
      const countyMax = Math.max(...[...perDistrict].filter(([code]) => !URBAN_DISTRICT_CODES.includes(code)).map(([, n]) => n));
      expect(urbanMin).toBeGreaterThan(countyMax);
    });

    it('include exactly 300 in the 2023 plan; the rest are 2021, 2022 or predate the plan', () => {
      const years = dataset.stations.map((station) => station.planYear);
      expect(years.filter((year) => year === 2023)).toHaveLength(300);
      expect(years.every((year) => year === null || [2021, 2022, 2023].includes(year))).toBe(true);
      const predating = years.filter((year) => year === null).length;
      expect(predating).toBeGreaterThan(0);
      expect(predating).toBeLessThanOrEqual(20);
    });

    it('include exactly 72 rural stations, all in villages under towns, opened in 2023', () => {
      const rural = ofKind('RURAL');
      expect(rural).toHaveLength(72);
      for (const station of rural) {
        const village = regionsByCode.get(station.regionCode)!;
        expect(village.name).toMatch(/村$/);
        expect(regionsByCode.get(village.parentCode!)!.name).toMatch(/[镇乡]$/);
        expect(station).toMatchObject({ status: 'OPEN', planYear: 2023, circleId: null });
        expect(station.openedOn).toMatch(/^2023-/);
      }
      // Rural stations are this year's: no other station sits in a village.
      const inVillages = dataset.stations.filter((station) => /村$/.test(regionsByCode.get(station.regionCode)!.name));
      expect(inVillages).toHaveLength(72);
    });

    it('include exactly 57 暖新 stations in the urban districts, mostly open, one of them in 安居社区', () => {
      const warmNew = ofKind('WARM_NEW');
      expect(warmNew).toHaveLength(57);
      expect(warmNew.every((station) => URBAN_DISTRICT_CODES.includes(districtOf(station)))).toBe(true);
      expect(warmNew.filter((station) => station.status === 'OPEN').length).toBeGreaterThan(57 * 0.8);
      const anju = warmNew.filter((station) => station.regionCode === '420606002011');
      expect(anju).toEqual([expect.objectContaining({ name: '安居社区临街红色驿站', status: 'OPEN' })]);
    });

    it('include about 80 两新 stations; the rest are community stations', () => {
      expect(ofKind('NEW_ECONOMY')).toHaveLength(80);
      expect(ofKind('COMMUNITY')).toHaveLength(1492 - 72 - 57 - 80);
    });

    it('split tiers 60/30/10', () => {
      const share = (tier: SeedStation['tier']) => dataset.stations.filter((s) => s.tier === tier).length / 1492;
      expect(share('BASIC')).toBeCloseTo(0.6, 2);
      expect(share('STANDARD')).toBeCloseTo(0.3, 2);
      expect(share('LEADING')).toBeCloseTo(0.1, 2);
    });

    it('have statuses and opening dates that fit their plan year', () => {
      for (const station of dataset.stations) {
        expect(station.openedOn !== null).toBe(everOpened.has(station.status));
        if (station.planYear !== 2023) expect(['OPEN', 'SUSPENDED', 'CLOSED']).toContain(station.status);
        if (station.openedOn) {
          expect(station.openedOn <= '2023-12-31').toBe(true);
          if (station.planYear !== null) expect(Number(station.openedOn.slice(0, 4))).toBeGreaterThanOrEqual(station.planYear);
          else expect(station.openedOn < '2021-01-01').toBe(true);
        }
      }
      const older = dataset.stations.filter((station) => station.planYear !== 2023);
      expect(older.filter((station) => station.status === 'OPEN').length / older.length).toBeGreaterThan(0.85);
      for (const status of ['SUSPENDED', 'CLOSED'] as const) {
        expect(older.some((station) => station.status === status)).toBe(true);
      }
      const plan2023 = dataset.stations.filter((station) => station.planYear === 2023);
      const open2023 = plan2023.filter((station) => station.status === 'OPEN').length;
      expect(open2023).toBeGreaterThan(150);
      for (const status of ['UNDER_CONSTRUCTION', 'PLANNED'] as const) {
        expect(plan2023.some((station) => station.status === status)).toBe(true);
      }
    });

    it('hang off communities and carry well-formed, unique codes issued 1, 2, 3… per community', () => {
      const codes = new Set(dataset.stations.map((station) => station.code));
      expect(codes.size).toBe(1492);
      const perRegion = new Map<string, number[]>();
      for (const station of dataset.stations) {
        expect(regionsByCode.get(station.regionCode)?.level).toBe(RegionLevel.COMMUNITY);
        const parsed = parseStationCode(station.code);
        expect(parsed?.regionCode).toBe(station.regionCode);
        perRegion.set(station.regionCode, [...(perRegion.get(station.regionCode) ?? []), parsed!.sequence]);
      }
      for (const sequences of perRegion.values()) {
        expect([...sequences].sort((a, b) => a - b)).toEqual(sequences.map((_, i) => i + 1));
      }
      expect(dataset.sequences).toEqual(
        [...perRegion.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([regionCode, sequences]) => ({ regionCode, lastValue: sequences.length })),
      );
      expect(Math.max(...dataset.sequences.map((sequence) => sequence.lastValue))).toBeGreaterThan(1);
    });

    it('have unique Chinese names, Xiangyang addresses and places inside the city', () => {
      expect(new Set(dataset.stations.map((station) => station.name)).size).toBe(1492);
      for (const station of dataset.stations) {
        expect(station.name).toMatch(/^[\u4e00-\u9fa5]+$/);
        expect(station.name.length).toBeLessThanOrEqual(100);
        expect(station.name).toMatch(/(红色驿站|暖新驿站)$/);
        expect(station.address.startsWith('湖北省襄阳市')).toBe(true);
        expect(station.address.length).toBeLessThanOrEqual(200);
        expect(station.lat).toBeGreaterThan(31.2);
        expect(station.lat).toBeLessThan(32.6);
        expect(station.lng).toBeGreaterThan(110.8);
        expect(station.lng).toBeLessThan(113.1);
      }
      expect(ofKind('WARM_NEW').some((station) => /街道暖新驿站$/.test(station.name))).toBe(true);
      expect(ofKind('NEW_ECONOMY').some((station) => /园红色驿站$/.test(station.name))).toBe(true);
    });

    it('have stable ids, version 1 and consistent timestamps', () => {
      expect(new Set(dataset.stations.map((station) => station.id)).size).toBe(1492);
      for (const station of dataset.stations) {
        expect(station.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(station).toMatchObject({ version: 1, archivedAt: null });
        expect(Date.parse(station.createdAt)).toBeLessThanOrEqual(Date.parse(station.updatedAt));
        expect(station.updatedAt < '2024-01-01').toBe(true);
      }
    });
  });

  it('writes Chinese ordinals', () => {
    expect([2, 3, 10, 11, 20, 23].map(chineseNumber)).toEqual(['二', '三', '十', '十一', '二十', '二十三']);
  });
});
