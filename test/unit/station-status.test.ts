import { ARCHIVABLE_STATUSES, INITIAL_STATUSES, STATUS_NAMES_ZH, allowedTransitions, canTransition } from '../../src/modules/station/station-status';
import { StationStatus } from '../../src/modules/station/station.enums';

const { PLANNED, UNDER_CONSTRUCTION, OPEN, SUSPENDED, CLOSED } = StationStatus;
const ALL = [PLANNED, UNDER_CONSTRUCTION, OPEN, SUSPENDED, CLOSED] as const;

/**
 * Expected matrix, rows = from, columns = to, in the order
 *                       PLANNED  UNDER_CONSTR  OPEN  SUSPENDED  CLOSED
 */
const EXPECTED: Record<StationStatus, Record<StationStatus, boolean>> = {
  PLANNED: { PLANNED: false, UNDER_CONSTRUCTION: true, OPEN: false, SUSPENDED: false, CLOSED: true },
  UNDER_CONSTRUCTION: { PLANNED: true, UNDER_CONSTRUCTION: false, OPEN: true, SUSPENDED: false, CLOSED: true },
  OPEN: { PLANNED: false, UNDER_CONSTRUCTION: false, OPEN: false, SUSPENDED: true, CLOSED: true },
  SUSPENDED: { PLANNED: false, UNDER_CONSTRUCTION: false, OPEN: true, SUSPENDED: false, CLOSED: true },
  CLOSED: { PLANNED: false, UNDER_CONSTRUCTION: false, OPEN: false, SUSPENDED: false, CLOSED: false },
};

describe('station status transitions', () => {
  it('the enum has exactly the five statuses this matrix covers', () => {
    expect(Object.values(StationStatus).sort()).toEqual([...ALL].sort());
  });

  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to, EXPECTED[from][to]] as const));
  it.each(pairs)('%s → %s allowed: %p', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it.each(ALL)('allowedTransitions(%s) lists exactly the allowed targets', (from) => {
    const expected = ALL.filter((to) => EXPECTED[from][to]);
    expect([...allowedTransitions(from)].sort()).toEqual([...expected].sort());
  });

  it('no status transitions to itself', () => {
    for (const s of ALL) expect(canTransition(s, s)).toBe(false);
  });

  it('CLOSED is terminal and reachable from every other status', () => {
    expect(allowedTransitions(CLOSED)).toEqual([]);
    for (const to of ALL) expect(canTransition(CLOSED, to)).toBe(false);
    for (const from of ALL.filter((s) => s !== CLOSED)) expect(canTransition(from, CLOSED)).toBe(true);
  });

  it('an opened station never goes back to planning or construction', () => {
    for (const from of [OPEN, SUSPENDED, CLOSED]) {
      expect(canTransition(from, PLANNED)).toBe(false);
      expect(canTransition(from, UNDER_CONSTRUCTION)).toBe(false);
    }
  });
});

describe('status sets', () => {
  it('INITIAL_STATUSES are PLANNED, UNDER_CONSTRUCTION, OPEN', () => {
    expect([...INITIAL_STATUSES].sort()).toEqual([OPEN, PLANNED, UNDER_CONSTRUCTION].sort());
    expect(INITIAL_STATUSES).not.toContain(SUSPENDED);
    expect(INITIAL_STATUSES).not.toContain(CLOSED);
  });

  it('ARCHIVABLE_STATUSES are PLANNED and CLOSED', () => {
    expect([...ARCHIVABLE_STATUSES].sort()).toEqual([CLOSED, PLANNED].sort());
    for (const s of [UNDER_CONSTRUCTION, OPEN, SUSPENDED]) expect(ARCHIVABLE_STATUSES).not.toContain(s);
  });
});

describe('STATUS_NAMES_ZH', () => {
  it('names every status, in Chinese, with distinct names', () => {
    expect(Object.keys(STATUS_NAMES_ZH).sort()).toEqual([...ALL].sort());
    expect(STATUS_NAMES_ZH).toEqual({
      PLANNED: '规划中',
      UNDER_CONSTRUCTION: '建设中',
      OPEN: '运行中',
      SUSPENDED: '暂停服务',
      CLOSED: '已关闭',
    });
    const names = ALL.map((s) => STATUS_NAMES_ZH[s]);
    expect(new Set(names).size).toBe(ALL.length);
    for (const name of names) expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
