import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so leaked keys are easy to recognise (and to scan for). */
export const KEY_PREFIX = 'yz_';
const KEY_PATTERN = /^yz_[A-Za-z0-9_-]{40}$/;

/** A fresh random API key: 240 bits of randomness, base64url. Shown once, never stored. */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(30).toString('base64url')}`;
}

/** What is stored: the SHA-256 of the key (hex). Random keys need no salt or slow hash. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The first characters of a key, to tell keys apart in listings without revealing them. */
export function keyHint(key: string): string {
  return key.slice(0, 10);
}

export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}
