import { divisionLevel, parseServiceItemCode } from '../../src/modules/service-item/service-item-code';
import { ServiceItemCategory, ServiceItemLevel } from '../../src/modules/service-item/service-item.enums';
import { normaliseFee } from '../../src/modules/service-item/service-item.rules';
import { buildXiangyangDataset } from '../../seeds/xiangyang.data';
import { XIANGYANG_DEPARTMENTS } from '../../seeds/xiangyang.departments';
import { buildServiceItemSeed, HIGH_TECH_ZONE_STREET_CODES, isHighTechZone, type PushDownTarget, type ServiceItemSeed } from '../../seeds/xiangyang.service-items';

/** The service-item seed must reproduce the article's "100+ items pushed down to stations", every time. */
describe('Xiangyang service-item seed', () => {
  let targets: PushDownTarget[];
  let seed: ServiceItemSeed;
  const open = () => targets.filter((station) => station.status === 'OPEN');
  const district = (station: PushDownTarget) => station.regionPath.split('/')[2];
  let codesByStation: Map<string, string[]>;
  const itemsAt = (station: PushDownTarget) => [...(codesByStation.get(station.id) ?? [])].sort();

  beforeAll(() => {
    const dataset = buildXiangyangDataset();
    const paths = new Map(dataset.regions.map((region) => [region.code, region.path]));
    targets = dataset.stations.map((station) => ({ ...station, regionPath: paths.get(station.regionCode)! }));
    seed = buildServiceItemSeed(targets);
    codesByStation = new Map();
    for (const pushDown of seed.pushDowns) {
      codesByStation.set(pushDown.stationId, [...(codesByStation.get(pushDown.stationId) ?? []), pushDown.itemCode]);
    }
  });

  it('is deterministic and does not depend on the order stations come in', () => {
    expect(JSON.stringify(buildServiceItemSeed([...targets].reverse()))).toBe(JSON.stringify(seed));
  });

  describe('catalogue', () => {
    it('has more than 100 items with unique, well-formed codes whose division matches their level', () => {
      expect(seed.items.length).toBe(131);
      expect(new Set(seed.items.map((item) => item.code)).size).toBe(seed.items.length);
      expect(new Set(seed.items.map((item) => item.id)).size).toBe(seed.items.length);
      for (const item of seed.items) {
        const parsed = parseServiceItemCode(item.code);
        expect(parsed).not.toBeNull();
        expect(divisionLevel(parsed!.divisionCode)).toBe(item.level);
      }
    });

    it('covers every level and every category', () => {
      const count = (level: ServiceItemLevel) => seed.items.filter((item) => item.level === level).length;
      expect([count(ServiceItemLevel.PROVINCE), count(ServiceItemLevel.CITY), count(ServiceItemLevel.DISTRICT)]).toEqual([17, 99, 15]);
      expect(new Set(seed.items.map((item) => item.category))).toEqual(new Set(Object.values(ServiceItemCategory)));
    });

    it('names the high-frequency items of the source and of Xiangyang’s catalogue', () => {
      const names = new Set(seed.items.map((item) => item.name));
      for (const name of [
        '社保卡申领',
        '城乡居民养老保险参保登记',
        '灵活就业人员参保登记',
        '城乡居民医保参保登记',
        '异地就医备案',
        '高龄津贴申请',
        '困难群众临时救助申请',
        '残疾人两项补贴申请',
        '就业失业登记',
        '创业担保贷款咨询',
        '居住证办理咨询',
        '法律援助申请',
        '党员组织关系转接',
        '流动党员登记',
        '退役军人优待证申领',
        '老年人优待证办理',
      ]) {
        expect(names).toContain(name);
      }
      expect(seed.items.every((item) => /[\u4e00-\u9fff]/.test(item.name) && [...item.name].length <= 100)).toBe(true);
    });

    it('gives each item a seeded department of its own level, legal materials, time limit and fee', () => {
      const departments = new Map(XIANGYANG_DEPARTMENTS.map((department) => [department.code, department]));
      for (const item of seed.items) {
        expect(departments.get(item.departmentCode)?.level).toBe(item.level);
        expect(item.materials.every((material) => material.trim() === material && material.length > 0 && [...material].length <= 100)).toBe(true);
        expect(item.timeLimitDays === null || (item.timeLimitDays >= 1 && item.timeLimitDays <= 365)).toBe(true);
        expect(normaliseFee(Number(item.feeYuan))).toBe(item.feeYuan);
      }
      expect(seed.items.filter((item) => item.timeLimitDays === null).length).toBeGreaterThan(50);
      expect(seed.items.filter((item) => item.feeYuan !== '0.00').map((item) => item.name)).toEqual(['公交IC卡挂失补办', '学生公交卡办理']);
      expect(seed.items.filter((item) => !item.active).map((item) => item.name)).toEqual(['第一代社会保障卡换发', '健康码异常申诉']);
    });

    it('marks 20 city items as the core set of the urban districts, and six 樊城区 items for the whole district', () => {
      const core = seed.items.filter((item) => item.core);
      expect(core).toHaveLength(20);
      expect(core.every((item) => item.level === 'CITY' && item.active)).toBe(true);
      const fancheng = seed.items.filter((item) => item.fanchengWide);
      expect(fancheng).toHaveLength(6);
      expect(fancheng.every((item) => item.code.startsWith('420606-'))).toBe(true);
    });
  });

  describe('push-downs', () => {
    it('gives every open station of the high-tech zone every active item, and only active items anywhere', () => {
      const active = seed.items
        .filter((item) => item.active)
        .map((item) => item.code)
        .sort();
      const highTech = open().filter(isHighTechZone);
      expect(highTech).toHaveLength(90);
      for (const station of highTech) expect(itemsAt(station)).toEqual(active);
      const inactive = new Set(seed.items.filter((item) => !item.active).map((item) => item.code));
      expect(seed.pushDowns.some((pushDown) => inactive.has(pushDown.itemCode))).toBe(false);
      expect(HIGH_TECH_ZONE_STREET_CODES.every((street) => targets.some((station) => station.regionPath.includes(`/${street}/`)))).toBe(true);
    });

    it('gives the other open urban stations the core set, plus the 樊城区 items in 樊城区, and nothing elsewhere', () => {
      const core = seed.items.filter((item) => item.core).map((item) => item.code);
      const fancheng = seed.items.filter((item) => item.fanchengWide).map((item) => item.code);
      for (const station of open().filter((s) => !isHighTechZone(s))) {
        const expected = ['420602', '420607'].includes(district(station)) ? core : district(station) === '420606' ? [...core, ...fancheng] : [];
        expect(itemsAt(station)).toEqual([...expected].sort());
      }
      const pushedStations = new Set(seed.pushDowns.map((pushDown) => pushDown.stationId));
      expect(targets.filter((station) => station.status !== 'OPEN').some((station) => pushedStations.has(station.id))).toBe(false);
      expect(pushedStations.size).toBe(704);
      expect(seed.pushDowns).toHaveLength(90 * 129 + (704 - 90) * 20 + (327 - 90) * 6);
    });

    it('pushes down more than 100 distinct items, with unique pairs and ids, dated in 2023', () => {
      expect(new Set(seed.pushDowns.map((pushDown) => pushDown.itemCode)).size).toBe(129);
      expect(new Set(seed.pushDowns.map((pushDown) => `${pushDown.stationId}:${pushDown.itemCode}`)).size).toBe(seed.pushDowns.length);
      expect(new Set(seed.pushDowns.map((pushDown) => pushDown.id)).size).toBe(seed.pushDowns.length);
      expect(seed.pushDowns.every((pushDown) => /^2023-\d\d-\d\d$/.test(pushDown.since))).toBe(true);
    });

    it('suspends a few and withdraws fewer, and keeps service windows to leading stations', () => {
      const share = (status: string) => seed.pushDowns.filter((pushDown) => pushDown.status === status).length / seed.pushDowns.length;
      expect(share('SUSPENDED')).toBeGreaterThan(0.01);
      expect(share('SUSPENDED')).toBeLessThan(0.04);
      expect(share('WITHDRAWN')).toBeGreaterThan(0);
      expect(share('WITHDRAWN')).toBeLessThan(0.01);
      const tiers = new Map(targets.map((station) => [station.id, station.tier]));
      const windows = seed.pushDowns.filter((pushDown) => pushDown.mode === 'WINDOW');
      expect(windows.length).toBeGreaterThan(0);
      expect(windows.every((pushDown) => tiers.get(pushDown.stationId) === 'LEADING')).toBe(true);
    });
  });
});
