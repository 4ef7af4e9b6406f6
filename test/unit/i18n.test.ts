import { localeFromAcceptLanguage } from '../../src/i18n/locale';
import { translate, type MessageKey } from '../../src/i18n/messages';

describe('localeFromAcceptLanguage', () => {
  it.each<[string | undefined, 'zh' | 'en']>([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['en-GB;q=0.8', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en;q=0.5, zh;q=0.9', 'zh'],
    ['en;q=0.9, zh;q=0.5', 'en'],
    ['en, zh', 'en'],
    ['zh, en', 'zh'],
    ['en;q=0.8, zh;q=0.8', 'en'],
    ['fr', 'zh'],
    ['fr-FR,fr;q=0.9', 'zh'],
    ['fr, en;q=0.5', 'en'],
    ['fr, de;q=0.9, zh;q=0.1, en;q=0.05', 'zh'],
    ['*', 'zh'],
    ['zh;q=0, en', 'en'],
    ['en;q=0, zh', 'zh'],
    ['en;q=0', 'zh'],
    ['eng', 'zh'],
    ['zhx', 'zh'],
    ['enx, en;q=0.1', 'en'],
    [' en-US ; q=0.7 , fr', 'en'],
    [',,,', 'zh'],
  ])('%p → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('translate', () => {
  it('fills placeholders in Chinese', () => {
    expect(translate('zh', 'NAME_TOO_LONG', { max: 50 })).toBe('驿站名称不能超过 50 个字。');
    expect(translate('zh', 'VERSION_CONFLICT', { given: 3, current: 5 })).toBe('该驿站已被他人修改（您读取的是第 3 版，当前为第 5 版），请刷新后重新修改。');
    expect(translate('zh', 'REGION_NOT_FOUND', { code: '420602001001' })).toBe('找不到行政区划代码“420602001001”，请核对社区或村的12位统计用区划代码。');
  });

  it('fills placeholders in English', () => {
    expect(translate('en', 'NAME_TOO_LONG', { max: 50 })).toBe('The station name must be at most 50 characters.');
    expect(translate('en', 'VERSION_CONFLICT', { given: 3, current: 5 })).toBe(
      'The station was changed by someone else (you read version 3, it is now version 5); refresh and try again.',
    );
    expect(translate('en', 'PLAN_YEAR_INVALID', { min: 2020, max: 2030 })).toBe('The plan year must be between 2020 and 2030.');
  });

  it('fills a placeholder used several times', () => {
    expect(translate('en', 'INVALID_TRANSITION', { from: 'CLOSED', to: 'OPEN', allowed: 'none' })).toBe(
      'The station status cannot change from CLOSED to OPEN. Allowed from CLOSED: none.',
    );
    expect(translate('zh', 'INVALID_TRANSITION', { fromZh: '已关闭', toZh: '运行中', allowedZh: '无' })).toBe('驿站状态不能从“已关闭”改为“运行中”。当前状态可改为：无。');
  });

  it('fills coordinates and zero values', () => {
    expect(translate('zh', 'COORDINATES_OUT_OF_CHINA', { lat: 112.1, lng: 32 })).toBe('坐标（纬度 112.1，经度 32）不在中国境内，请检查经纬度是否填反、坐标系是否选对。');
    expect(translate('en', 'NAME_TOO_LONG', { max: 0 })).toBe('The station name must be at most 0 characters.');
  });

  it('keeps unknown or missing placeholders visible', () => {
    expect(translate('en', 'NAME_TOO_LONG')).toBe('The station name must be at most {max} characters.');
    expect(translate('zh', 'NAME_TOO_LONG', { other: 1 })).toBe('驿站名称不能超过 {max} 个字。');
  });

  it('returns messages without placeholders verbatim, and they differ by language', () => {
    expect(translate('zh', 'NAME_REQUIRED')).toBe('请填写驿站名称。');
    expect(translate('en', 'NAME_REQUIRED')).toBe('Enter the station name.');
  });

  it('leaves no placeholder unfilled when all known params are given, in either language', () => {
    const params = {
      max: 1,
      code: 'c',
      name: 'n',
      circle: 'ci',
      lat: 1,
      lng: 2,
      min: 3,
      today: '2024-01-01',
      given: 1,
      current: 2,
      from: 'A',
      to: 'B',
      allowed: 'C',
      fromZh: '甲',
      toZh: '乙',
      allowedZh: '丙',
      status: 'OPEN',
      statusZh: '运行中',
    };
    const keys: MessageKey[] = [
      'NAME_REQUIRED',
      'NAME_TOO_LONG',
      'ADDRESS_REQUIRED',
      'ADDRESS_TOO_LONG',
      'REGION_NOT_FOUND',
      'REGION_NOT_COMMUNITY',
      'CIRCLE_NOT_FOUND',
      'CIRCLE_OUTSIDE_DISTRICT',
      'COORDINATES_OUT_OF_CHINA',
      'PLAN_YEAR_INVALID',
      'OPENED_ON_INVALID',
      'OPENED_ON_NOT_OPENED',
      'INITIAL_STATUS_INVALID',
      'STATION_NOT_FOUND',
      'STATION_ID_INVALID',
      'VERSION_CONFLICT',
      'INVALID_TRANSITION',
      'ARCHIVED',
      'ARCHIVE_NOT_ALLOWED',
      'FORBIDDEN',
    ];
    for (const key of keys) {
      const zh = translate('zh', key, params);
      const en = translate('en', key, params);
      expect(zh).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(en);
    }
  });
});
