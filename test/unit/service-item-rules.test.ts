import { translate, type MessageKey } from '../../src/i18n/messages';
import { divisionLevel, formatServiceItemCode, parseServiceItemCode } from '../../src/modules/service-item/service-item-code';
import { ServiceItemLevel } from '../../src/modules/service-item/service-item.enums';
import { normaliseFee, normaliseMaterials, sinceRange } from '../../src/modules/service-item/service-item.rules';
import { toTextArrayLiteral } from '../../src/db/sql';

describe('service item codes', () => {
  it.each([
    ['420600-SB-0001', { divisionCode: '420600', series: 'SB', sequence: 1 }],
    ['420606-ZW-0012', { divisionCode: '420606', series: 'ZW', sequence: 12 }],
    ['420000-HJZX-9999', { divisionCode: '420000', series: 'HJZX', sequence: 9999 }],
  ])('parses %s', (code, parsed) => {
    expect(parseServiceItemCode(code)).toEqual(parsed);
  });

  it.each(['420600-SB-1', '420600-sb-0001', '4206-SB-0001', '420600-S-0001', '420600-SBXYZ-0001', '420600-SB-0000', '000600-SB-0001', ' 420600-SB-0001', '420600_SB_0001', ''])(
    'rejects %p',
    (code) => {
      expect(parseServiceItemCode(code)).toBeNull();
    },
  );

  it('formats the parts back into a code, and refuses parts that make no code', () => {
    expect(formatServiceItemCode('420600', 'YB', 3)).toBe('420600-YB-0003');
    expect(() => formatServiceItemCode('420600', 'YB', 0)).toThrow(RangeError);
    expect(() => formatServiceItemCode('4206', 'YB', 1)).toThrow(RangeError);
  });

  it('reads the issuing level from the division code', () => {
    expect(divisionLevel('420000')).toBe(ServiceItemLevel.PROVINCE);
    expect(divisionLevel('420600')).toBe(ServiceItemLevel.CITY);
    expect(divisionLevel('420606')).toBe(ServiceItemLevel.DISTRICT);
    expect(divisionLevel('420682')).toBe(ServiceItemLevel.DISTRICT);
  });
});

describe('normaliseFee', () => {
  it.each<[number, string | null]>([
    [0, '0.00'],
    [20, '20.00'],
    [12.5, '12.50'],
    [0.1 + 0.2, '0.30'],
    [99_999_999.99, '99999999.99'],
    [-1, null],
    [100_000_000, null],
    [1.005, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%p → %p', (fee, expected) => {
    expect(normaliseFee(fee)).toBe(expected);
  });
});

describe('normaliseMaterials', () => {
  it('trims entries and reports empty or over-long ones by 1-based position', () => {
    expect(normaliseMaterials([' 居民身份证原件 ', '', '户口簿原件', '证'.repeat(101), '证'.repeat(100)])).toEqual({
      materials: ['居民身份证原件', '', '户口簿原件', '证'.repeat(101), '证'.repeat(100)],
      invalidPositions: [2, 4],
    });
    expect(normaliseMaterials([])).toEqual({ materials: [], invalidPositions: [] });
  });
});

describe('sinceRange', () => {
  it('runs from 2000 to a year after today, leap days included', () => {
    expect(sinceRange('2024-06-15')).toEqual({ min: '2000-01-01', max: '2025-06-15' });
    expect(sinceRange('2024-02-29')).toEqual({ min: '2000-01-01', max: '2025-03-01' });
  });
});

describe('toTextArrayLiteral', () => {
  it('quotes every element, so NULL, commas, braces, quotes and backslashes survive', () => {
    expect(toTextArrayLiteral([])).toBe('{}');
    expect(toTextArrayLiteral(['居民身份证原件', 'NULL', 'a,b', '{x}', 'say "hi"', 'c:\\d'])).toBe('{"居民身份证原件","NULL","a,b","{x}","say \\"hi\\"","c:\\\\d"}');
  });
});

describe('service-item messages', () => {
  it('fill every placeholder in both languages', () => {
    const params = {
      code: '420600-SB-0001',
      level: 'CITY',
      levelZh: '市级',
      division: '420606',
      max: 30,
      position: 2,
      min: 1,
      name: '社保卡申领',
      count: 3,
      station: '檀溪社区红色驿站',
      item: '社保卡申领',
      since: '2023-03-01',
      status: 'ACTIVE',
      statusZh: '办理中',
      pairs: 120000,
    };
    const keys: MessageKey[] = [
      'SERVICE_ITEM_CODE_INVALID',
      'SERVICE_ITEM_CODE_LEVEL',
      'SERVICE_ITEM_CODE_TAKEN',
      'SERVICE_ITEM_MATERIALS_TOO_MANY',
      'SERVICE_ITEM_MATERIAL_INVALID',
      'SERVICE_ITEM_TIME_LIMIT_INVALID',
      'SERVICE_ITEM_FEE_INVALID',
      'SERVICE_ITEM_NOT_FOUND',
      'SERVICE_ITEM_INACTIVE',
      'SERVICE_ITEM_IN_USE',
      'PUSH_DOWN_STATION_ARCHIVED',
      'PUSH_DOWN_STATION_CLOSED',
      'PUSH_DOWN_EXISTS',
      'PUSH_DOWN_SINCE_INVALID',
      'PUSH_DOWN_ITEMS_REQUIRED',
      'PUSH_DOWN_TOO_MANY_ITEMS',
      'PUSH_DOWN_TOO_MANY_STATIONS',
      'PUSH_DOWN_TARGET_REQUIRED',
      'PUSH_DOWN_REGION_NOT_FOUND',
      'PUSH_DOWN_TOO_MANY_PAIRS',
    ];
    for (const key of keys) {
      const zh = translate('zh', key, params);
      const en = translate('en', key, params);
      expect(zh).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(en);
    }
    expect(translate('zh', 'PUSH_DOWN_EXISTS', params)).toBe(
      '驿站“檀溪社区红色驿站”已有事项“社保卡申领”的下沉记录（2023-03-01 起，状态：办理中），不能重复下沉；如需恢复或调整，请修改该记录。',
    );
  });
});
