import type { SqlFragment } from '../../db/sql';
import { UserErrorCode } from '../../graphql/errors';
import type { Problems } from '../../graphql/mutation';
import type { MessageKey, MessageParams } from '../../i18n/messages';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

export const WEEKDAYS: readonly Weekday[] = Object.values(Weekday);
export const WEEKDAY_NAMES_ZH: Record<Weekday, string> = {
  MONDAY: '周一',
  TUESDAY: '周二',
  WEDNESDAY: '周三',
  THURSDAY: '周四',
  FRIDAY: '周五',
  SATURDAY: '周六',
  SUNDAY: '周日',
};

/** What kind of service a window is: ordinary hours, or one of the article's extra-hours arrangements. */
export enum OpeningWindowKind {
  /** 常规开放 */
  REGULAR = 'REGULAR',
  /** 错时服务: hours shifted to suit working residents (e.g. lunch breaks, weekends) */
  STAGGERED = 'STAGGERED',
  /** 延时服务: hours extended past the usual closing time */
  EXTENDED = 'EXTENDED',
  /** 七点半岗哨: the evening post after 19:30 */
  EVENING_POST = 'EVENING_POST',
}

/** One weekly window, e.g. Monday 08:30–12:00. Times are local (China Standard Time), "HH:MM". */
export interface OpeningWindow {
  weekday: Weekday;
  opens: string;
  /** Exclusive; "24:00" means until midnight. */
  closes: string;
  kind: OpeningWindowKind;
}

/** A weekly schedule, stored as JSON on the record that has it. */
export interface OpeningHours {
  windows: OpeningWindow[];
  note: string | null;
}

export const MAX_WINDOWS = 42;
export const NOTE_MAX = 200;
const OPENS = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSES = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export interface OpeningHoursProblem {
  /** Path below the opening-hours input, e.g. "windows.2.closes". */
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

/**
 * Checks and normalises a schedule: valid times, each window opening before it closes, no two
 * windows of one day overlapping. Returns the schedule sorted by day and time, or the problems.
 */
export function normaliseOpeningHours(input: OpeningHours): { hours: OpeningHours | null; problems: OpeningHoursProblem[] } {
  const problems: OpeningHoursProblem[] = [];
  if (input.windows.length > MAX_WINDOWS) problems.push({ field: 'windows', key: 'OPENING_WINDOWS_TOO_MANY', params: { max: MAX_WINDOWS } });
  input.windows.forEach((window, index) => {
    const opensOk = OPENS.test(window.opens);
    const closesOk = CLOSES.test(window.closes);
    if (!opensOk) problems.push({ field: `windows.${index}.opens`, key: 'OPENING_TIME_INVALID', params: { value: window.opens } });
    if (!closesOk) problems.push({ field: `windows.${index}.closes`, key: 'OPENING_TIME_INVALID', params: { value: window.closes } });
    if (opensOk && closesOk && window.opens >= window.closes) {
      problems.push({ field: `windows.${index}.closes`, key: 'OPENING_WINDOW_EMPTY', params: { opens: window.opens, closes: window.closes } });
    }
  });
  const note = input.note?.trim() || null;
  if (note && [...note].length > NOTE_MAX) problems.push({ field: 'note', key: 'OPENING_NOTE_TOO_LONG', params: { max: NOTE_MAX } });
  if (problems.length) return { hours: null, problems };

  const indexed = input.windows.map((window, index) => ({ window, index }));
  indexed.sort((a, b) => compareWindows(a.window, b.window));
  for (let i = 1; i < indexed.length; i++) {
    const previous = indexed[i - 1].window;
    const current = indexed[i].window;
    if (previous.weekday === current.weekday && current.opens < previous.closes) {
      problems.push({
        field: `windows.${indexed[i].index}`,
        key: 'OPENING_WINDOWS_OVERLAP',
        params: {
          weekday: current.weekday,
          weekdayZh: WEEKDAY_NAMES_ZH[current.weekday],
          first: `${previous.opens}–${previous.closes}`,
          second: `${current.opens}–${current.closes}`,
        },
      });
    }
  }
  if (problems.length) return { hours: null, problems };
  return {
    hours: {
      windows: indexed.map(({ window }) => ({ weekday: window.weekday, opens: window.opens, closes: window.closes, kind: window.kind })),
      note,
    },
    problems,
  };
}

function compareWindows(a: OpeningWindow, b: OpeningWindow): number {
  return WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes);
}

/** The weekday and "HH:MM" of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaLocalTime(at: Date): { weekday: Weekday; time: string } {
  const shifted = new Date(at.getTime() + 8 * 3600_000);
  const weekday = WEEKDAYS[(shifted.getUTCDay() + 6) % 7];
  const time = `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
  return { weekday, time };
}

/** The windows covering an instant (several when, say, an evening post runs beside regular hours). */
export function windowsAt(hours: OpeningHours | null, at: Date): OpeningWindow[] {
  if (!hours) return [];
  const { weekday, time } = chinaLocalTime(at);
  return hours.windows.filter((window) => window.weekday === weekday && window.opens <= time && time < window.closes);
}

/**
 * SQL condition "the schedule in this jsonb column covers the instant", matching windowsAt.
 * HH:MM strings compare correctly as text.
 */
export function openAtCondition(column: string, at: Date): SqlFragment {
  const { weekday, time } = chinaLocalTime(at);
  return {
    text: `exists (select 1 from jsonb_array_elements(coalesce(${column}->'windows', '[]'::jsonb)) w where w->>'weekday' = ? and w->>'opens' <= ? and w->>'closes' > ?)`,
    bindings: [weekday, time, time],
  };
}

/** Parses the stored JSON (or null) back into a schedule. */
export function fromStoredOpeningHours(value: unknown): OpeningHours | null {
  if (value == null) return null;
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<OpeningHours>;
  return { windows: parsed.windows ?? [], note: parsed.note ?? null };
}

/**
 * Checks an opening-hours input of a mutation. `undefined` (not given) and `null` (clear it)
 * pass through; otherwise the normalised schedule, or null with the problems added at `field`.
 */
export function checkOpeningHours(
  problems: Problems,
  field: string,
  input: OpeningHours | { windows: OpeningWindow[]; note?: string | null } | null | undefined,
): OpeningHours | null | undefined {
  if (input == null) return input;
  const { hours, problems: found } = normaliseOpeningHours({ windows: input.windows, note: input.note ?? null });
  for (const problem of found) problems.add(`${field}.${problem.field}`, UserErrorCode.INVALID, problem.key, problem.params);
  return hours;
}
