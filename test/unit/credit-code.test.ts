import {
  checkCreditCode,
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckCharacter,
  normaliseCreditCode,
  organizationCodeCheckCharacter,
} from '../../src/modules/organization/credit-code';
import { REAL_CREDIT_CODES } from '../helpers/fixtures';

describe('the GB 32100-2015 alphabet and weights', () => {
  it('has 31 characters: digits and capitals without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    expect(new Set(CREDIT_CODE_CHARSET).size).toBe(31);
    for (const excluded of 'IOSVZ') expect(CREDIT_CODE_CHARSET).not.toContain(excluded);
  });

  it('weights position i by 3^(i−1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
});

describe('checkCreditCode with real published codes', () => {
  it.each(Object.entries(REAL_CREDIT_CODES))('%s (%s) is valid', (_name, code) => {
    expect(checkCreditCode(code)).toEqual({ status: 'VALID', code });
  });

  it('agrees with a check character worked out by hand (华为技术有限公司)', () => {
    // 9 1 4 4 0 3 0 0 1 9 2 2 0 3 8 2 1 × weights:
    // 9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 20 + 261 + 50 + 26 + 0 + 72 + 80 + 60 + 28 = 831
    // 831 mod 31 = 25; (31 − 25) mod 31 = 6 → charset[6] = '6'.
    expect(creditCodeCheckCharacter('91440300192203821')).toBe('6');
    expect(REAL_CREDIT_CODES.huawei.endsWith('6')).toBe(true);
  });

  it('also checks out their embedded GB 11714 organization codes', () => {
    for (const code of Object.values(REAL_CREDIT_CODES)) {
      expect(organizationCodeCheckCharacter(code.slice(8, 16))).toBe(code[16]);
    }
  });

  it('normalises lower case and blanks', () => {
    expect(normaliseCreditCode(' 9133 0100 7161 0585 2f ')).toBe('91330100716105852F');
    expect(checkCreditCode(' 91330100716105852f\t')).toEqual({ status: 'VALID', code: '91330100716105852F' });
  });
});

describe('checkCreditCode with invalid codes', () => {
  it('flags a legal code whose check character is wrong, naming the right one', () => {
    expect(checkCreditCode('914403001922038217')).toEqual({ status: 'CHECK_MISMATCH', code: '914403001922038217', expected: '6' });
    expect(checkCreditCode('91330100716105852A')).toMatchObject({ status: 'CHECK_MISMATCH', expected: 'F' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the letter %s anywhere', (letter) => {
    const code = `91330100716105852${letter}`;
    expect(checkCreditCode(code)).toEqual({ status: 'MALFORMED', code, reason: 'ALPHABET' });
    expect(checkCreditCode(`${letter}${REAL_CREDIT_CODES.huawei.slice(1)}`)).toMatchObject({ status: 'MALFORMED', reason: 'ALPHABET' });
  });

  it('rejects punctuation and non-Latin characters', () => {
    expect(checkCreditCode('91330100-716105852')).toMatchObject({ status: 'MALFORMED', reason: 'ALPHABET' });
    expect(checkCreditCode('９1330100716105852F')).toMatchObject({ status: 'MALFORMED', reason: 'ALPHABET' });
  });

  it.each([
    ['17 characters', REAL_CREDIT_CODES.huawei.slice(0, 17)],
    ['19 characters', `${REAL_CREDIT_CODES.huawei}0`],
    ['empty', ''],
  ])('rejects %s', (_label, code) => {
    expect(checkCreditCode(code)).toMatchObject({ status: 'MALFORMED', reason: 'LENGTH' });
  });
});

describe('creditCodeCheckCharacter', () => {
  it('makes every generated code check out, whatever its body', () => {
    for (const first17 of ['00000000000000000', 'YYYYYYYYYYYYYYYYY', '91420606MA4F3K7X1', '51420600MJH2301R5']) {
      const code = first17 + creditCodeCheckCharacter(first17);
      expect(checkCreditCode(code).status).toBe('VALID');
    }
  });

  it('refuses input it cannot weigh', () => {
    expect(() => creditCodeCheckCharacter('9144030019220382')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('9144030019220382I')).toThrow(RangeError);
  });
});

describe('organizationCodeCheckCharacter (GB 11714)', () => {
  it('writes 10 as X and 11 as 0', () => {
    // 1·3 + 0 + … = 3 → 11 − 3 = 8
    expect(organizationCodeCheckCharacter('10000000')).toBe('8');
    // 3·3 + 2·7 = 23 → 23 mod 11 = 1 → 10 → X
    expect(organizationCodeCheckCharacter('32000000')).toBe('X');
    // sum 0 → 11 → 0
    expect(organizationCodeCheckCharacter('00000000')).toBe('0');
  });

  it('counts capitals as 10–35', () => {
    // M = 22, A = 10: 22·3 + 10·7 = 136 → 136 mod 11 = 4 → 7
    expect(organizationCodeCheckCharacter('MA000000')).toBe('7');
  });

  it('refuses malformed bodies', () => {
    expect(() => organizationCodeCheckCharacter('1234567')).toThrow(RangeError);
    expect(() => organizationCodeCheckCharacter('ma000000')).toThrow(RangeError);
  });
});
