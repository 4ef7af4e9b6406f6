import { StationStatus } from './station.enums';

/**
 * Legal status changes of a station. A plan can be dropped (PLANNED → CLOSED) or start
 * construction; a finished station opens; an open one can pause and resume; CLOSED is final
 * (a station that comes back is a new station with a new code).
 */
const TRANSITIONS: Record<StationStatus, readonly StationStatus[]> = {
  [StationStatus.PLANNED]: [StationStatus.UNDER_CONSTRUCTION, StationStatus.CLOSED],
  [StationStatus.UNDER_CONSTRUCTION]: [StationStatus.OPEN, StationStatus.PLANNED, StationStatus.CLOSED],
  [StationStatus.OPEN]: [StationStatus.SUSPENDED, StationStatus.CLOSED],
  [StationStatus.SUSPENDED]: [StationStatus.OPEN, StationStatus.CLOSED],
  [StationStatus.CLOSED]: [],
};

/** Statuses a new station may start in (existing stations are registered as OPEN). */
export const INITIAL_STATUSES: readonly StationStatus[] = [StationStatus.PLANNED, StationStatus.UNDER_CONSTRUCTION, StationStatus.OPEN];

/** Statuses from which a station may be archived (taken out of the working registry). */
export const ARCHIVABLE_STATUSES: readonly StationStatus[] = [StationStatus.PLANNED, StationStatus.CLOSED];

export function allowedTransitions(from: StationStatus): readonly StationStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: StationStatus, to: StationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const STATUS_NAMES_ZH: Record<StationStatus, string> = {
  [StationStatus.PLANNED]: '规划中',
  [StationStatus.UNDER_CONSTRUCTION]: '建设中',
  [StationStatus.OPEN]: '运行中',
  [StationStatus.SUSPENDED]: '暂停服务',
  [StationStatus.CLOSED]: '已关闭',
};
