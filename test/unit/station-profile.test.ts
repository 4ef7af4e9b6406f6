import {
  districtPathOf,
  enumSet,
  FEATURED_ZONES,
  fiveIntoComplete,
  FIVE_INTO_FACILITIES,
  FiveIntoFacility,
  FunctionZoneCategory,
  FunctionZoneKind,
  meetsOnePlusFour,
  normaliseFunctionZones,
  STANDARD_ZONES,
  zoneCategory,
} from '../../src/modules/station/station-profile';

const K = FunctionZoneKind;

describe('function zones ("1+4+N")', () => {
  it('sorts zones into the base, the four standard zones and the featured ones', () => {
    expect(zoneCategory(K.PARTY_ACTIVITY_BASE)).toBe(FunctionZoneCategory.BASE);
    expect(STANDARD_ZONES.map(zoneCategory)).toEqual(Array(4).fill(FunctionZoneCategory.STANDARD));
    expect(FEATURED_ZONES).toHaveLength(7);
    expect(FEATURED_ZONES.every((kind) => zoneCategory(kind) === FunctionZoneCategory.FEATURED)).toBe(true);
  });

  it('fills in Chinese names, rounds areas and returns the list in "1+4+N" order', () => {
    const { zones, problems } = normaliseFunctionZones([
      { kind: K.AFTER_SCHOOL_CLASS, areaSquareMetres: 40.04 },
      { kind: K.OTHER_FEATURED, name: ' 邻里食堂 ' },
      { kind: K.PARTY_ACTIVITY_BASE, name: '  ' },
      { kind: K.GRID_WORK, name: '网格员之家' },
    ]);
    expect(problems).toEqual([]);
    expect(zones).toEqual([
      { kind: K.PARTY_ACTIVITY_BASE, name: '党员活动基地', areaSquareMetres: null },
      { kind: K.GRID_WORK, name: '网格员之家', areaSquareMetres: null },
      { kind: K.AFTER_SCHOOL_CLASS, name: '四点半课堂', areaSquareMetres: 40 },
      { kind: K.OTHER_FEATURED, name: '邻里食堂', areaSquareMetres: null },
    ]);
  });

  it('allows several OTHER_FEATURED zones with different names, but no other repeated kind', () => {
    expect(
      normaliseFunctionZones([
        { kind: K.OTHER_FEATURED, name: '骑手之家' },
        { kind: K.OTHER_FEATURED, name: '爱心歇脚点' },
      ]).problems,
    ).toEqual([]);
    expect(
      normaliseFunctionZones([
        { kind: K.OTHER_FEATURED, name: '骑手之家' },
        { kind: K.OTHER_FEATURED, name: '骑手之家 ' },
      ]).problems,
    ).toEqual([{ field: '1.kind', key: 'FUNCTION_ZONE_NAME_DUPLICATE', params: { kind: K.OTHER_FEATURED, kindZh: '其他特色功能区', name: '骑手之家' } }]);
    expect(normaliseFunctionZones([{ kind: K.GRID_WORK }, { kind: K.SENIOR_SCHOOL }, { kind: K.GRID_WORK, name: '另一个名字' }]).problems).toEqual([
      { field: '2.kind', key: 'FUNCTION_ZONE_DUPLICATE', params: { kind: K.GRID_WORK, kindZh: '网格工作区', name: '另一个名字' } },
    ]);
  });

  it.each([
    ['OTHER_FEATURED without a name', [{ kind: K.OTHER_FEATURED }], '0.name', 'FUNCTION_ZONE_NAME_REQUIRED'],
    ['OTHER_FEATURED with a blank name', [{ kind: K.OTHER_FEATURED, name: '   ' }], '0.name', 'FUNCTION_ZONE_NAME_REQUIRED'],
    ['a name over 30 characters', [{ kind: K.GRID_WORK, name: '网'.repeat(31) }], '0.name', 'FUNCTION_ZONE_NAME_TOO_LONG'],
    ['a zero area', [{ kind: K.GRID_WORK, areaSquareMetres: 0 }], '0.areaSquareMetres', 'FUNCTION_ZONE_AREA_INVALID'],
    ['a negative area', [{ kind: K.GRID_WORK, areaSquareMetres: -5 }], '0.areaSquareMetres', 'FUNCTION_ZONE_AREA_INVALID'],
    ['an absurd area', [{ kind: K.GRID_WORK, areaSquareMetres: 1e7 }], '0.areaSquareMetres', 'FUNCTION_ZONE_AREA_INVALID'],
    ['too many zones', Array.from({ length: 31 }, (_, i) => ({ kind: K.OTHER_FEATURED, name: `特色${i}` })), '', 'FUNCTION_ZONES_TOO_MANY'],
  ])('refuses %s', (_label, input, field, key) => {
    const { zones, problems } = normaliseFunctionZones(input);
    expect(zones).toBeNull();
    expect(problems.map((problem) => [problem.field, problem.key])).toEqual([[field, key]]);
  });

  it('meets "1+4" only with the base and all four standard zones', () => {
    const onePlusFour = [K.PARTY_ACTIVITY_BASE, ...STANDARD_ZONES].map((kind) => ({ kind }));
    expect(meetsOnePlusFour(onePlusFour)).toBe(true);
    expect(meetsOnePlusFour([...onePlusFour, { kind: K.CHILD_CARE }])).toBe(true);
    expect(meetsOnePlusFour(onePlusFour.slice(1))).toBe(false);
    expect(meetsOnePlusFour(onePlusFour.slice(0, 4))).toBe(false);
    expect(meetsOnePlusFour([])).toBe(false);
  });
});

describe('五进 facilities and enum sets', () => {
  it('is complete only with all five', () => {
    expect(fiveIntoComplete(FIVE_INTO_FACILITIES)).toBe(true);
    expect(fiveIntoComplete(FIVE_INTO_FACILITIES.slice(1))).toBe(false);
    expect(fiveIntoComplete([])).toBe(false);
  });

  it('deduplicates and orders a set the way the enum declares it', () => {
    const F = FiveIntoFacility;
    expect(enumSet([F.VOLUNTEER_FORCE, F.GOV_SERVICE_HOTLINE, F.VOLUNTEER_FORCE], FIVE_INTO_FACILITIES)).toEqual([F.GOV_SERVICE_HOTLINE, F.VOLUNTEER_FORCE]);
    expect(enumSet([], FIVE_INTO_FACILITIES)).toEqual([]);
  });
});

describe('districtPathOf', () => {
  it('cuts a region path at the district', () => {
    expect(districtPathOf('420000/420600/420606/420606002000/420606002011/')).toBe('420000/420600/420606/');
    expect(districtPathOf('420000/420600/420606/')).toBe('420000/420600/420606/');
    expect(districtPathOf('420000/420600/')).toBeNull();
  });
});
