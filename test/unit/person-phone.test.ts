import { normalisePhone } from '../../src/modules/person/phone';

describe('normalisePhone', () => {
  it.each([
    ['13871012345', '13871012345'],
    ['19907101234', '19907101234'],
    [' 138 7101 2345 ', '13871012345'],
    ['138\u30007101\u30002345', '13871012345'],
    ['0710-3221234', '0710-3221234'],
    ['07103221234', '07103221234'],
    ['010-12345678', '010-12345678'],
    ['0710 3221234', '07103221234'],
  ])('accepts %p as %p', (raw, stored) => {
    expect(normalisePhone(raw)).toBe(stored);
  });

  it.each([
    ['12345678901', 'mobile starting 12'],
    ['1387101234', 'ten digits'],
    ['138710123456', 'twelve digits'],
    ['3221234', 'landline without area code'],
    ['0710-322123', 'six-digit local number'],
    ['0710--3221234', 'two hyphens'],
    ['+8613871012345', 'country code'],
    ['1387101234x', 'a letter'],
    ['', 'empty'],
  ])('refuses %p (%s)', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});
