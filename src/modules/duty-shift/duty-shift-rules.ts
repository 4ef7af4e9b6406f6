/** Longest single shift: a 24-hour watch; anything longer is several shifts. */
export const MAX_SHIFT_HOURS = 24;
/** Most shifts one scheduleDutyShifts call may add (a month of a busy station's roster). */
export const MAX_ROSTER_SHIFTS = 200;
export const SHIFT_NOTE_MAX = 200;

export type ShiftSpanProblem = 'ENDS_NOT_AFTER_START' | 'TOO_LONG';

/** Checks a shift's time span: it must end after it starts, at most MAX_SHIFT_HOURS later. */
export function checkShiftSpan(startsAt: Date, endsAt: Date): ShiftSpanProblem | null {
  const millis = endsAt.getTime() - startsAt.getTime();
  if (!(millis > 0)) return 'ENDS_NOT_AFTER_START';
  if (millis > MAX_SHIFT_HOURS * 3600_000) return 'TOO_LONG';
  return null;
}

/** Whether two half-open spans [start, end) share an instant; back-to-back shifts do not. */
export function spansOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export interface RosterEntry {
  index: number;
  personId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Entries of one roster that give the same person two overlapping shifts. Each clash is reported
 * once, on the later-starting entry, naming the earlier one it collides with.
 */
export function findRosterClashes(entries: readonly RosterEntry[]): { index: number; clashesWith: number }[] {
  const byPerson = new Map<string, RosterEntry[]>();
  for (const entry of entries) {
    const list = byPerson.get(entry.personId) ?? [];
    list.push(entry);
    byPerson.set(entry.personId, list);
  }
  const clashes: { index: number; clashesWith: number }[] = [];
  for (const list of byPerson.values()) {
    list.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.index - b.index);
    let latest: RosterEntry | null = null;
    for (const entry of list) {
      if (latest && entry.startsAt < latest.endsAt) clashes.push({ index: entry.index, clashesWith: latest.index });
      if (!latest || entry.endsAt > latest.endsAt) latest = entry;
    }
  }
  return clashes.sort((a, b) => a.index - b.index);
}

/** "2023-12-25 19:30" in China Standard Time (UTC+8, no daylight saving). */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2023-12-25 19:30–21:30", or with the end's date when the span crosses midnight (China time). */
export function chinaSpan(startsAt: Date, endsAt: Date): string {
  const start = chinaDateTime(startsAt);
  const end = chinaDateTime(endsAt);
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}
