/** Pure rules of external references (no database, no locale). */

import { ExternalRefSystemStatus } from './external-ref.enums';

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

/** Trims a system name and says whether it is valid (SYSTEM_PATTERN). */
export function normaliseSystem(system: string): { system: string; valid: boolean } {
  const trimmed = system.trim();
  return { system: trimmed, valid: SYSTEM_PATTERN.test(trimmed) };
}

/** Who is writing in a system: an administrator, and/or the department the caller acts for. */
export interface SystemCaller {
  admin: boolean;
  departmentId: string | null;
}

/** A system's current owner; null for a system nobody has written in or been given yet. */
export interface SystemOwnership {
  status: ExternalRefSystemStatus;
  departmentId: string | null;
}

/**
 * What a caller may do in an external reference system (its right to write the record itself is
 * checked apart):
 * - ADMIN writes in every system and never claims one by writing (it assigns them instead).
 * - OWNED: only the owning department writes in it.
 * - SHARED: everyone who may write the records writes in it; writing never claims it.
 * - UNCLAIMED (or never used): everyone who may write the records writes in it, and a caller
 *   acting for a department claims it with its first add or upsert (`claims`); removing an ID
 *   claims nothing. Callers without a department (street and community operators) never claim.
 */
export function systemAccess(caller: SystemCaller, system: SystemOwnership | null, claims: boolean): 'WRITE' | 'CLAIM' | 'REFUSE' {
  if (caller.admin) return 'WRITE';
  const status = system?.status ?? ExternalRefSystemStatus.UNCLAIMED;
  switch (status) {
    case ExternalRefSystemStatus.SHARED:
      return 'WRITE';
    case ExternalRefSystemStatus.OWNED:
      return caller.departmentId !== null && caller.departmentId === system!.departmentId ? 'WRITE' : 'REFUSE';
    case ExternalRefSystemStatus.UNCLAIMED:
      return claims && caller.departmentId !== null ? 'CLAIM' : 'WRITE';
  }
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
