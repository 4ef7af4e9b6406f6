import { NeedState } from './need.enums';

/**
 * 需求办理流程 The workflow of a need, in one table. Each allowed move names the route it is
 * taken by:
 * - WORKFLOW: the main line, run by the operator of the need's region (transitionNeed) —
 *   SUBMITTED → ON_AGENDA (民生议事厅) → LISTED (微实事清单) → … → RESOLVED → CLOSED, or REJECTED;
 * - REFERRAL: handed to a department on the spot (夜巡 现场点题交办) or by an agenda decision,
 *   straight into IN_PROGRESS with the department named (referNeed);
 * - CLAIM: taken by a claim (认领) or given back when the claim is withdrawn — done by the claims
 *   mutations, which call applyNeedTransition with this route inside their own unit of work.
 * Anything not in the table is refused, naming the state the need is in.
 */
export type TransitionRoute = 'WORKFLOW' | 'REFERRAL' | 'CLAIM';

export interface NeedTransitionRule {
  from: NeedState;
  to: NeedState;
  route: TransitionRoute;
}

export const NEED_TRANSITIONS: readonly NeedTransitionRule[] = [
  { from: NeedState.SUBMITTED, to: NeedState.ON_AGENDA, route: 'WORKFLOW' },
  { from: NeedState.SUBMITTED, to: NeedState.REJECTED, route: 'WORKFLOW' },
  { from: NeedState.SUBMITTED, to: NeedState.IN_PROGRESS, route: 'REFERRAL' },
  { from: NeedState.ON_AGENDA, to: NeedState.LISTED, route: 'WORKFLOW' },
  { from: NeedState.ON_AGENDA, to: NeedState.REJECTED, route: 'WORKFLOW' },
  { from: NeedState.ON_AGENDA, to: NeedState.IN_PROGRESS, route: 'REFERRAL' },
  { from: NeedState.LISTED, to: NeedState.CLAIMED, route: 'CLAIM' },
  { from: NeedState.CLAIMED, to: NeedState.IN_PROGRESS, route: 'WORKFLOW' },
  { from: NeedState.CLAIMED, to: NeedState.LISTED, route: 'CLAIM' },
  { from: NeedState.IN_PROGRESS, to: NeedState.LISTED, route: 'CLAIM' },
  { from: NeedState.IN_PROGRESS, to: NeedState.RESOLVED, route: 'WORKFLOW' },
  { from: NeedState.RESOLVED, to: NeedState.CLOSED, route: 'WORKFLOW' },
];

/** Whether a need in `from` may move to `to` by `route`. */
export function isAllowedTransition(from: NeedState, to: NeedState, route: TransitionRoute): boolean {
  return NEED_TRANSITIONS.some((rule) => rule.from === from && rule.to === to && rule.route === route);
}

/** The states a need in `from` may move to by `route` (for the message refusing another one). */
export function nextStates(from: NeedState, route: TransitionRoute): NeedState[] {
  return NEED_TRANSITIONS.filter((rule) => rule.from === from && rule.route === route).map((rule) => rule.to);
}

/** What a move into a state must bring along. */
export type TransitionRequirement = 'REJECTION_REASON' | 'RESOLUTION' | 'SATISFACTION' | 'DEPARTMENT';

export function requirementsOf(to: NeedState, route: TransitionRoute): TransitionRequirement[] {
  if (route === 'REFERRAL') return ['DEPARTMENT'];
  if (to === NeedState.REJECTED) return ['REJECTION_REASON'];
  if (to === NeedState.RESOLVED) return ['RESOLUTION'];
  if (to === NeedState.CLOSED) return ['SATISFACTION'];
  return [];
}

export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;

export function isSatisfaction(value: number): boolean {
  return Number.isInteger(value) && value >= SATISFACTION_MIN && value <= SATISFACTION_MAX;
}

/**
 * A progress note (办理进展) goes into the timeline without moving the need (from = to): while it
 * is open or resolved, not once it is closed or rejected.
 */
export function acceptsNotes(state: NeedState): boolean {
  return state !== NeedState.CLOSED && state !== NeedState.REJECTED;
}
