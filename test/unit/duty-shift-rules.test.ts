import { checkShiftSpan, chinaSpan, findRosterClashes, spansOverlap } from '../../src/modules/duty-shift/duty-shift-rules';

const cst = (local: string) => new Date(`${local}+08:00`);

describe('checkShiftSpan', () => {
  it('accepts a shift that ends after it starts, up to exactly 24 hours', () => {
    expect(checkShiftSpan(cst('2023-12-27T19:30:00'), cst('2023-12-27T21:30:00'))).toBeNull();
    expect(checkShiftSpan(cst('2023-12-27T08:00:00'), cst('2023-12-28T08:00:00'))).toBeNull();
  });

  it('refuses an empty or backwards shift and one over 24 hours', () => {
    expect(checkShiftSpan(cst('2023-12-27T19:30:00'), cst('2023-12-27T19:30:00'))).toBe('ENDS_NOT_AFTER_START');
    expect(checkShiftSpan(cst('2023-12-27T19:30:00'), cst('2023-12-27T18:00:00'))).toBe('ENDS_NOT_AFTER_START');
    expect(checkShiftSpan(cst('2023-12-27T08:00:00'), cst('2023-12-28T08:00:01'))).toBe('TOO_LONG');
  });
});

describe('spansOverlap', () => {
  const span = (from: string, to: string) => ({ startsAt: cst(from), endsAt: cst(to) });
  it('treats back-to-back shifts as not overlapping', () => {
    expect(spansOverlap(span('2023-12-27T14:30:00', '2023-12-27T19:30:00'), span('2023-12-27T19:30:00', '2023-12-27T21:30:00'))).toBe(false);
  });
  it('detects partial and nested overlaps both ways', () => {
    expect(spansOverlap(span('2023-12-27T19:00:00', '2023-12-27T20:00:00'), span('2023-12-27T19:30:00', '2023-12-27T21:30:00'))).toBe(true);
    expect(spansOverlap(span('2023-12-27T19:30:00', '2023-12-27T21:30:00'), span('2023-12-27T20:00:00', '2023-12-27T20:30:00'))).toBe(true);
  });
});

describe('findRosterClashes', () => {
  const entry = (index: number, personId: string, from: string, to: string) => ({ index, personId, startsAt: cst(from), endsAt: cst(to) });

  it('reports each clash once, on the later entry, naming the earlier one', () => {
    const clashes = findRosterClashes([
      entry(0, 'a', '2023-12-25T08:30:00', '2023-12-25T12:00:00'),
      entry(1, 'b', '2023-12-25T08:30:00', '2023-12-25T12:00:00'),
      entry(2, 'a', '2023-12-25T11:00:00', '2023-12-25T13:00:00'),
      entry(3, 'a', '2023-12-25T14:30:00', '2023-12-25T18:00:00'),
    ]);
    expect(clashes).toEqual([{ index: 2, clashesWith: 0 }]);
  });

  it('compares with the longest-running earlier shift, whatever the input order', () => {
    const clashes = findRosterClashes([
      entry(0, 'a', '2023-12-25T12:00:00', '2023-12-25T13:00:00'),
      entry(1, 'a', '2023-12-25T08:00:00', '2023-12-25T20:00:00'),
      entry(2, 'a', '2023-12-25T10:00:00', '2023-12-25T11:00:00'),
    ]);
    expect(clashes).toEqual([
      { index: 0, clashesWith: 1 },
      { index: 2, clashesWith: 1 },
    ]);
  });

  it("finds nothing when every person's shifts follow each other", () => {
    expect(
      findRosterClashes([
        entry(0, 'a', '2023-12-25T14:30:00', '2023-12-25T18:00:00'),
        entry(1, 'a', '2023-12-25T18:00:00', '2023-12-25T19:30:00'),
        entry(2, 'a', '2023-12-25T19:30:00', '2023-12-25T21:30:00'),
      ]),
    ).toEqual([]);
  });
});

describe('chinaSpan', () => {
  it('writes a span in China Standard Time, with the end date only when it crosses midnight', () => {
    expect(chinaSpan(new Date('2023-12-27T11:30:00Z'), new Date('2023-12-27T13:30:00Z'))).toBe('2023-12-27 19:30–21:30');
    expect(chinaSpan(cst('2023-12-27T22:00:00'), cst('2023-12-28T06:00:00'))).toBe('2023-12-27 22:00–2023-12-28 06:00');
  });
});
