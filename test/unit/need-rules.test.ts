import { acceptsNotes, isAllowedTransition, isSatisfaction, NEED_TRANSITIONS, nextStates, requirementsOf, type TransitionRoute } from '../../src/modules/need/need-rules';
import { NeedState } from '../../src/modules/need/need.enums';

const STATES = Object.values(NeedState);
const ROUTES: TransitionRoute[] = ['WORKFLOW', 'REFERRAL', 'CLAIM'];

/** The workflow as the issue states it, written out independently of the table. */
const EXPECTED = new Set([
  'SUBMITTED>ON_AGENDA:WORKFLOW',
  'SUBMITTED>REJECTED:WORKFLOW',
  'SUBMITTED>IN_PROGRESS:REFERRAL',
  'ON_AGENDA>LISTED:WORKFLOW',
  'ON_AGENDA>REJECTED:WORKFLOW',
  'ON_AGENDA>IN_PROGRESS:REFERRAL',
  'LISTED>CLAIMED:CLAIM',
  'CLAIMED>IN_PROGRESS:WORKFLOW',
  'CLAIMED>LISTED:CLAIM',
  'IN_PROGRESS>LISTED:CLAIM',
  'IN_PROGRESS>RESOLVED:WORKFLOW',
  'RESOLVED>CLOSED:WORKFLOW',
]);

describe('need transition table', () => {
  const pairs = STATES.flatMap((from) => STATES.flatMap((to) => ROUTES.map((route) => [from, to, route] as const)));

  it.each(pairs)('%s → %s by %s', (from, to, route) => {
    expect(isAllowedTransition(from, to, route)).toBe(EXPECTED.has(`${from}>${to}:${route}`));
  });

  it('has each move once, and nothing out of CLOSED or REJECTED', () => {
    const keys = NEED_TRANSITIONS.map((rule) => `${rule.from}>${rule.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of ROUTES) {
      expect(nextStates(NeedState.CLOSED, route)).toEqual([]);
      expect(nextStates(NeedState.REJECTED, route)).toEqual([]);
    }
  });

  it('reaches CLOSED and REJECTED from SUBMITTED along the main line', () => {
    const reachable = new Set<NeedState>([NeedState.SUBMITTED]);
    for (let changed = true; changed;) {
      changed = false;
      for (const rule of NEED_TRANSITIONS) {
        if (reachable.has(rule.from) && !reachable.has(rule.to)) {
          reachable.add(rule.to);
          changed = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...STATES].sort());
  });

  it('names what each move must bring along', () => {
    expect(requirementsOf(NeedState.REJECTED, 'WORKFLOW')).toEqual(['REJECTION_REASON']);
    expect(requirementsOf(NeedState.RESOLVED, 'WORKFLOW')).toEqual(['RESOLUTION']);
    expect(requirementsOf(NeedState.CLOSED, 'WORKFLOW')).toEqual(['SATISFACTION']);
    expect(requirementsOf(NeedState.IN_PROGRESS, 'REFERRAL')).toEqual(['DEPARTMENT']);
    expect(requirementsOf(NeedState.ON_AGENDA, 'WORKFLOW')).toEqual([]);
    expect(requirementsOf(NeedState.CLAIMED, 'CLAIM')).toEqual([]);
  });

  it('takes satisfaction as a whole number from 1 to 5', () => {
    expect([0, 1, 3, 5, 6, 2.5, -1].map(isSatisfaction)).toEqual([false, true, true, true, false, false, false]);
  });

  it('takes progress notes until a need is closed or rejected', () => {
    expect(STATES.filter(acceptsNotes)).toEqual(['SUBMITTED', 'ON_AGENDA', 'LISTED', 'CLAIMED', 'IN_PROGRESS', 'RESOLVED']);
  });
});
