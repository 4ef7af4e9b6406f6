/**
 * Contact phones of organizations: a mainland mobile number (11 digits starting 13–19) or a
 * landline with its area code (0 + 2–3 digits, optional hyphen, 7–8 digits), e.g. 0710-3456789.
 * Personal data: never log the number, and do not echo it in messages.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** The number without blanks when it is a mobile or landline number, otherwise null. */
export function normaliseContactPhone(input: string): string | null {
  const phone = input.replace(/\s+/g, '');
  return MOBILE.test(phone) || LANDLINE.test(phone) ? phone : null;
}
