/** Mainland mobile numbers: 11 digits, 13x–19x. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;
/** Landlines with their area code (010, 0710, …), the hyphen optional: 0710-3221234. */
export const LANDLINE_PHONE = /^0\d{2,3}-?\d{7,8}$/;

/**
 * A phone number as stored: spaces and the separators people type between digit groups
 * ("138 7101 2345", "0710 3221234") removed, except the one hyphen after a landline's area code.
 * Null when what is left is neither a mainland mobile nor a landline with area code.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s\u3000]+/g, '');
  if (MOBILE_PHONE.test(compact) || LANDLINE_PHONE.test(compact)) return compact;
  return null;
}
