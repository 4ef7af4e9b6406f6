/**
 * Masking of personal data for callers who may see that it exists but not what it is (PIPL):
 * phones as 138****1234, names as 张*明, ID numbers keeping the region and the last character.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${digits.slice(0, Math.min(4, digits.length - 4))}****${digits.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskIdNumber(id: string): string {
  const chars = [...id.trim()];
  if (chars.length < 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 7)}${chars[chars.length - 1]}`;
}
