import { chinaLocalTime, normaliseOpeningHours, OpeningWindowKind, Weekday, windowsAt, type OpeningWindow } from '../../src/modules/opening-hours/opening-hours';

const w = (weekday: Weekday, opens: string, closes: string, kind = OpeningWindowKind.REGULAR): OpeningWindow => ({ weekday, opens, closes, kind });

describe('normaliseOpeningHours', () => {
  it('sorts windows by day and time and trims the note', () => {
    const { hours, problems } = normaliseOpeningHours({
      windows: [w(Weekday.TUESDAY, '14:30', '17:30'), w(Weekday.MONDAY, '19:30', '21:30', OpeningWindowKind.EVENING_POST), w(Weekday.MONDAY, '08:30', '12:00')],
      note: '  法定节假日另行通知  ',
    });
    expect(problems).toEqual([]);
    expect(hours!.windows.map((x) => `${x.weekday} ${x.opens}`)).toEqual(['MONDAY 08:30', 'MONDAY 19:30', 'TUESDAY 14:30']);
    expect(hours!.note).toBe('法定节假日另行通知');
  });

  it('accepts a whole day as 00:00–24:00 and back-to-back windows', () => {
    const { problems } = normaliseOpeningHours({ windows: [w(Weekday.SUNDAY, '00:00', '12:00'), w(Weekday.SUNDAY, '12:00', '24:00')], note: null });
    expect(problems).toEqual([]);
  });

  it.each([
    ['8:30', '12:00', 'windows.0.opens'],
    ['24:00', '24:00', 'windows.0.opens'],
    ['08:30', '25:00', 'windows.0.closes'],
    ['08:60', '12:00', 'windows.0.opens'],
  ])('rejects the malformed time %s–%s', (opens, closes, field) => {
    const { hours, problems } = normaliseOpeningHours({ windows: [w(Weekday.MONDAY, opens, closes)], note: null });
    expect(hours).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ field, key: 'OPENING_TIME_INVALID' }));
  });

  it('rejects a window that closes before it opens, pointing at the closing time', () => {
    const { problems } = normaliseOpeningHours({ windows: [w(Weekday.MONDAY, '21:30', '19:30')], note: null });
    expect(problems).toEqual([expect.objectContaining({ field: 'windows.0.closes', key: 'OPENING_WINDOW_EMPTY' })]);
  });

  it('rejects overlapping windows on one day, pointing at the later one in input order', () => {
    const { problems } = normaliseOpeningHours({
      windows: [w(Weekday.FRIDAY, '14:00', '18:00'), w(Weekday.FRIDAY, '08:30', '14:30'), w(Weekday.SATURDAY, '08:30', '14:30')],
      note: null,
    });
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'windows.0',
        key: 'OPENING_WINDOWS_OVERLAP',
        params: expect.objectContaining({ weekdayZh: '周五', first: '08:30–14:30', second: '14:00–18:00' }),
      }),
    ]);
  });

  it('limits the number of windows and the note length', () => {
    const many = Array.from({ length: 43 }, (_, i) =>
      w(Weekday.MONDAY, `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '59' : '29'}`),
    );
    expect(normaliseOpeningHours({ windows: many, note: null }).problems).toContainEqual(expect.objectContaining({ key: 'OPENING_WINDOWS_TOO_MANY' }));
    expect(normaliseOpeningHours({ windows: [], note: '说'.repeat(201) }).problems).toEqual([expect.objectContaining({ field: 'note', key: 'OPENING_NOTE_TOO_LONG' })]);
  });
});

describe('China local time', () => {
  it('reads an instant in UTC+8, across the date line of UTC', () => {
    // 2023-12-25 is a Monday. 12:30 UTC is 20:30 in Xiangyang; 17:10 UTC on Monday is 01:10 on Tuesday.
    expect(chinaLocalTime(new Date('2023-12-25T12:30:00Z'))).toEqual({ weekday: Weekday.MONDAY, time: '20:30' });
    expect(chinaLocalTime(new Date('2023-12-25T17:10:00Z'))).toEqual({ weekday: Weekday.TUESDAY, time: '01:10' });
  });

  it('finds the windows covering an instant; closing time is exclusive', () => {
    const hours = { windows: [w(Weekday.MONDAY, '08:30', '12:00'), w(Weekday.MONDAY, '19:30', '21:30', OpeningWindowKind.EVENING_POST)], note: null };
    expect(windowsAt(hours, new Date('2023-12-25T12:30:00+08:00'))).toEqual([]);
    expect(windowsAt(hours, new Date('2023-12-25T20:00:00+08:00'))).toEqual([hours.windows[1]]);
    expect(windowsAt(hours, new Date('2023-12-25T08:30:00+08:00'))).toEqual([hours.windows[0]]);
    expect(windowsAt(hours, new Date('2023-12-25T12:00:00+08:00'))).toEqual([]);
    expect(windowsAt(null, new Date())).toEqual([]);
  });
});
