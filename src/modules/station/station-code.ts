/**
 * Station codes (红色驿站编号): the code of the community or village the station belongs to,
 * a hyphen, and a sequence number that is unique within that region, zero-padded to three
 * digits (it simply grows past 999). Codes are issued once from `region_code_sequence`, inside
 * the transaction that creates the station, and never change or get reused afterwards.
 */
export function formatStationCode(regionCode: string, sequence: number): string {
  if (!/^\d{6}(\d{3}|\d{6})?$/.test(regionCode)) throw new RangeError(`Invalid region code: ${regionCode}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Invalid station sequence: ${sequence}`);
  return `${regionCode}-${String(sequence).padStart(3, '0')}`;
}

/** Splits a station code back into its region code and sequence, or returns null when it is not one. */
export function parseStationCode(code: string): { regionCode: string; sequence: number } | null {
  const match = /^(\d{6}(?:\d{3}|\d{6})?)-(\d{3,})$/.exec(code);
  if (!match) return null;
  const sequence = Number(match[2]);
  return sequence >= 1 ? { regionCode: match[1], sequence } : null;
}
