import { formatStationCode, parseStationCode } from '../../src/modules/station/station-code';

const COMMUNITY = '420602001001'; // a 12-digit statistical code of a community in Xiangyang

describe('formatStationCode', () => {
  it.each([
    [COMMUNITY, 1, '420602001001-001'],
    [COMMUNITY, 7, '420602001001-007'],
    [COMMUNITY, 42, '420602001001-042'],
    [COMMUNITY, 999, '420602001001-999'],
    [COMMUNITY, 1000, '420602001001-1000'],
    [COMMUNITY, 123456, '420602001001-123456'],
  ])('formats %s / %d as %s', (region, sequence, expected) => {
    expect(formatStationCode(region, sequence)).toBe(expected);
  });

  it('also accepts 6- and 9-digit region codes', () => {
    expect(formatStationCode('420602', 3)).toBe('420602-003');
    expect(formatStationCode('420602001', 12)).toBe('420602001-012');
  });

  it.each([
    '',
    '42060',
    '4206020',
    '42060200',
    '4206020010',
    '42060200100',
    '4206020010011',
    'abcdefabcdef',
    '420602-001001',
    ' 420602001001',
    '420602001001 ',
    '４２０６０２００１００１',
  ])('rejects region code %p', (region) => {
    expect(() => formatStationCode(region, 1)).toThrow(RangeError);
    expect(() => formatStationCode(region, 1)).toThrow(/Invalid region code/);
  });

  it.each([0, -1, -999, 1.5, 0.999, NaN, Infinity, -Infinity])('rejects sequence %p', (sequence) => {
    expect(() => formatStationCode(COMMUNITY, sequence)).toThrow(RangeError);
    expect(() => formatStationCode(COMMUNITY, sequence)).toThrow(/Invalid station sequence/);
  });
});

describe('parseStationCode', () => {
  it.each([
    ['420602001001-001', COMMUNITY, 1],
    ['420602001001-010', COMMUNITY, 10],
    ['420602001001-999', COMMUNITY, 999],
    ['420602001001-1000', COMMUNITY, 1000],
    ['420602-003', '420602', 3],
    ['420602001-012', '420602001', 12],
  ])('parses %s', (code, regionCode, sequence) => {
    expect(parseStationCode(code)).toEqual({ regionCode, sequence });
  });

  it('round-trips formatStationCode for many sequences', () => {
    for (const sequence of [1, 2, 9, 10, 99, 100, 998, 999, 1000, 1001, 9999, 10000, 987654]) {
      const code = formatStationCode(COMMUNITY, sequence);
      expect(parseStationCode(code)).toEqual({ regionCode: COMMUNITY, sequence });
    }
  });

  it.each([
    '',
    '420602001001',
    '420602001001-',
    '420602001001-1',
    '420602001001-01',
    '420602001001-000',
    '420602001001-0000',
    '-001',
    '42060200100-001',
    '4206020010011-001',
    '420602001001_001',
    '420602001001--001',
    '420602001001-00a',
    '420602001001-001 ',
    ' 420602001001-001',
    '420602001001-001\n',
    'x420602001001-001',
    '420602001001-+01',
    '420602001001--01',
  ])('rejects %p', (code) => {
    expect(parseStationCode(code)).toBeNull();
  });
});
