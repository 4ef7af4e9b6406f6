/**
 * 统一社会信用代码 — the unified social credit code of GB 32100-2015.
 *
 * 18 characters from a 31-character set (digits and capitals without I, O, S, V, Z, which are too
 * easily misread): registration authority (1), organization type (1), the registering authority's
 * administrative division code (6), the organization code of GB 11714 (9), and a check character.
 * The check character makes Σ value × weight + check ≡ 0 (mod 31), with weights 3^(i−1) mod 31.
 *
 * Pure functions only: no database, no GraphQL, so the rule can be tested and reused by the seeds.
 */

/** The code's alphabet; a character's value is its index here. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const CREDIT_CODE_LENGTH = 18;

/** Weights of positions 1..17: 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, index) => {
  let weight = 1;
  for (let i = 0; i < index; i++) weight = (weight * 3) % 31;
  return weight;
});

const CHARACTER_VALUES = new Map([...CREDIT_CODE_CHARSET].map((character, value) => [character, value]));

/** Result of checking a credit code as a caller typed it. */
export type CreditCodeCheck =
  /** Legal and the check character matches. */
  | { status: 'VALID'; code: string }
  /**
   * Legal length and alphabet, but the check character is not the computed one. Such codes are
   * accepted and kept with a warning: some early pilot codes (e.g. Fujian's) are in real use yet fail it.
   */
  | { status: 'CHECK_MISMATCH'; code: string; expected: string }
  /** Not a credit code at all: wrong length, or characters outside the alphabet. */
  | { status: 'MALFORMED'; code: string; reason: 'LENGTH' | 'ALPHABET' };

/** Trims the code, removes inner blanks and upper-cases it, as typed codes and pasted ones both need. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * The check character for the first 17 characters of a code (already normalised and legal).
 * Throws on characters outside the alphabet: callers check the alphabet first.
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) throw new RangeError(`Expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = CHARACTER_VALUES.get(first17[i]);
    if (value === undefined) throw new RangeError(`"${first17[i]}" is not a credit-code character`);
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Normalises and checks a credit code: VALID, CHECK_MISMATCH (legal, kept with a warning) or MALFORMED. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normaliseCreditCode(input);
  if (code.length !== CREDIT_CODE_LENGTH) return { status: 'MALFORMED', code, reason: 'LENGTH' };
  if (![...code].every((character) => CHARACTER_VALUES.has(character))) return { status: 'MALFORMED', code, reason: 'ALPHABET' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return code[17] === expected ? { status: 'VALID', code } : { status: 'CHECK_MISMATCH', code, expected };
}

/** Weights of the GB 11714 organization code's eight body characters. */
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The check character of a GB 11714 organization code (positions 9–17 of a credit code) for its
 * eight body characters: digits count 0–9, capitals 10–35; C9 = 11 − (Σ mod 11), where 10 is
 * written X and 11 is written 0. Used to build well-formed codes (e.g. in the seeds).
 */
export function organizationCodeCheckCharacter(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`Expected 8 digits or capitals, got "${body8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORGANIZATION_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
