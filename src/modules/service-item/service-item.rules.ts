/** Pure rules of the service-item catalogue and its push-downs (no database, no locale). */

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const MATERIALS_MAX = 30;
export const MATERIAL_MAX = 100;
export const TIME_LIMIT_MIN = 1;
export const TIME_LIMIT_MAX = 365;
/** The largest amount numeric(10,2) holds. */
export const FEE_MAX = 99_999_999.99;
/** Bulk push-down limits: items per call, listed stations per call, and station × item pairs per call. */
export const PUSH_DOWN_ITEMS_MAX = 200;
export const PUSH_DOWN_STATIONS_MAX = 500;
export const PUSH_DOWN_PAIRS_MAX = PUSH_DOWN_ITEMS_MAX * PUSH_DOWN_STATIONS_MAX;
/** Push-down dates before this are surely typing mistakes: the stations began in the 2010s. */
export const EARLIEST_SINCE = '2000-01-01';

/**
 * A fee in yuan as the numeric(10,2) text to store ("12.50"), or null when it is negative,
 * too large, not finite or has more than two decimals (floating-point noise such as
 * 0.1 + 0.2 is forgiven).
 */
export function normaliseFee(fee: number): string | null {
  if (!Number.isFinite(fee) || fee < 0 || fee > FEE_MAX) return null;
  const cents = Math.round(fee * 100);
  if (Math.abs(cents - fee * 100) > 1e-6) return null;
  return (cents / 100).toFixed(2);
}

/** Trimmed materials, and the 1-based positions of entries that are empty or too long. */
export function normaliseMaterials(materials: readonly string[]): { materials: string[]; invalidPositions: number[] } {
  const trimmed = materials.map((material) => material.trim());
  const invalidPositions = trimmed.flatMap((material, index) => (material === '' || [...material].length > MATERIAL_MAX ? [index + 1] : []));
  return { materials: trimmed, invalidPositions };
}

/** Push-down dates allowed on `today` (YYYY-MM-DD): from EARLIEST_SINCE up to a year ahead, for planned launches. */
export function sinceRange(today: string): { min: string; max: string } {
  const nextYear = new Date(`${today}T00:00:00Z`);
  nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
  return { min: EARLIEST_SINCE, max: nextYear.toISOString().slice(0, 10) };
}
