/** Pure rules of external references (no database, no locale). */

/** A partner's system name: 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit. */
export const SYSTEM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
/** Longest record ID in a partner's system, in characters. */
export const EXTERNAL_ID_MAX = 128;

export type ExternalRefIssue = 'SYSTEM_INVALID' | 'ID_REQUIRED' | 'ID_TOO_LONG';

/**
 * Trims a (system, external ID) pair and says what is wrong with it: the system must match
 * SYSTEM_PATTERN, the ID must be non-blank and at most EXTERNAL_ID_MAX characters. Both are
 * matched exactly afterwards (case-sensitive), as partners' own IDs are.
 */
export function normaliseExternalRef(system: string, externalId: string): { system: string; externalId: string; issues: ExternalRefIssue[] } {
  const trimmedSystem = system.trim();
  const trimmedId = externalId.trim();
  const issues: ExternalRefIssue[] = [];
  if (!SYSTEM_PATTERN.test(trimmedSystem)) issues.push('SYSTEM_INVALID');
  if (!trimmedId) issues.push('ID_REQUIRED');
  else if ([...trimmedId].length > EXTERNAL_ID_MAX) issues.push('ID_TOO_LONG');
  return { system: trimmedSystem, externalId: trimmedId, issues };
}

/** A value with object keys in a fixed order, so that equal values print equally. */
function canonical(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

/**
 * Whether a stored value and a wanted one are the same for an upsert: deep equality of plain
 * data (strings, numbers, arrays in order, objects in any key order), null and undefined alike.
 * An upsert writes only fields for which this is false, so a repeat writes nothing.
 */
export function sameValue(stored: unknown, wanted: unknown): boolean {
  return JSON.stringify(canonical(stored)) === JSON.stringify(canonical(wanted));
}

/**
 * Sets each field of `values` on `entity` whose stored value differs (`sameValue`); fields that
 * are undefined were not given and stay as they are. Returns whether anything was set: when
 * nothing was, the entity is untouched and flushing it writes nothing (its version stays).
 */
export function applyChanges<T extends object>(entity: T, values: { [K in keyof T]?: T[K] }): boolean {
  let changed = false;
  for (const field of Object.keys(values) as (keyof T)[]) {
    const value = values[field];
    if (value === undefined || sameValue(entity[field], value)) continue;
    entity[field] = value as T[keyof T];
    changed = true;
  }
  return changed;
}
