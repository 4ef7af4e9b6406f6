import { normaliseContactPhone } from '../../src/modules/organization/contact-phone';

describe('normaliseContactPhone', () => {
  it.each([
    ['13907101234', '13907101234'],
    ['199 0710 1234', '19907101234'],
    ['0710-3456789', '0710-3456789'],
    ['07103456789', '07103456789'],
    ['010-12345678', '010-12345678'],
    [' 0710 - 3456789 ', '0710-3456789'],
  ])('accepts %p as %p', (input, expected) => {
    expect(normaliseContactPhone(input)).toBe(expected);
  });

  it.each([
    ['a mobile starting 12', '12907101234'],
    ['a mobile with 10 digits', '1390710123'],
    ['a mobile with 12 digits', '139071012345'],
    ['a landline without area code', '3456789'],
    ['a landline with a 5-digit area code', '07100-3456789'],
    ['a landline with 9 digits', '0710-345678901'],
    ['letters', '0710-ABCDEFG'],
    ['an international prefix', '+8613907101234'],
    ['nothing', ''],
  ])('rejects %s', (_label, input) => {
    expect(normaliseContactPhone(input)).toBeNull();
  });
});
