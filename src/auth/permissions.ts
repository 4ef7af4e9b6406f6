import type { Context } from '../graphql/context';
import { ErrorCode, localizedError, UserErrorCode } from '../graphql/errors';
import type { Problems } from '../graphql/mutation';
import { hasRole, type Principal } from './principal';
import { Role } from './roles';

/**
 * What a caller may do with a record. The rules follow DOMAIN.md's table of callers:
 * - ADMIN (组织部) writes everything.
 * - REGION_OPERATOR (街道/社区) writes stations, their people, rosters, co-building and activities
 *   inside its own region subtree only.
 * - DEPARTMENT_PARTNER (合作部门) writes its own department's platforms, service items and push-downs.
 * - ANALYST reads everything non-personal; anonymous callers read public station facts only.
 */
export enum Action {
  /** Stations themselves: create, update, status, archive. */
  WRITE_STATION = 'WRITE_STATION',
  /** People, station management links, grid workers, duty rosters. */
  WRITE_STAFF = 'WRITE_STAFF',
  /** Organizations, co-building relations and activities. */
  WRITE_COMMUNITY = 'WRITE_COMMUNITY',
  /** A department's platforms. */
  WRITE_PLATFORM = 'WRITE_PLATFORM',
  /** A department's service items and their push-downs to stations. */
  WRITE_SERVICE_ITEM = 'WRITE_SERVICE_ITEM',
  /** Residents' needs of a region: record them, move them through their workflow, refer them to departments. */
  HANDLE_NEED = 'HANDLE_NEED',
  /** A need referred to the caller's department: report it resolved (the scope is the referred department). */
  RESOLVE_REFERRED_NEED = 'RESOLVE_REFERRED_NEED',
  /** Departments, API clients, construction plans. */
  ADMINISTER = 'ADMINISTER',
  /** The audit trail. */
  READ_AUDIT = 'READ_AUDIT',
}

/** Where a record sits: the region path it belongs to and/or the department that owns it. */
export interface Scope {
  /** Materialised path of the record's region (e.g. a station's community). */
  regionPath?: string | null;
  /** Owning department's id. */
  departmentId?: string | null;
}

/** Whether a region-scoped caller's region contains the record's region. */
function withinRegion(principal: Principal, regionPath: string | null | undefined): boolean {
  return principal.kind !== 'anonymous' && !!principal.regionPath && !!regionPath && regionPath.startsWith(principal.regionPath);
}

function ownsDepartment(principal: Principal, departmentId: string | null | undefined): boolean {
  return principal.kind !== 'anonymous' && !!principal.departmentId && !!departmentId && principal.departmentId === departmentId;
}

/** The roles that may do an action on some record at all (their scope decides which records). */
const ACTION_ROLES: Record<Action, readonly Role[]> = {
  [Action.WRITE_STATION]: [Role.REGION_OPERATOR],
  [Action.WRITE_STAFF]: [Role.REGION_OPERATOR],
  [Action.WRITE_COMMUNITY]: [Role.REGION_OPERATOR],
  [Action.WRITE_PLATFORM]: [Role.DEPARTMENT_PARTNER],
  [Action.WRITE_SERVICE_ITEM]: [Role.DEPARTMENT_PARTNER],
  [Action.HANDLE_NEED]: [Role.REGION_OPERATOR],
  [Action.RESOLVE_REFERRED_NEED]: [Role.DEPARTMENT_PARTNER],
  [Action.ADMINISTER]: [],
  [Action.READ_AUDIT]: [],
};

/** Whether the caller's roles allow the action on any record (ADMIN: always). */
export function mayEver(principal: Principal, action: Action): boolean {
  return hasRole(principal, Role.ADMIN) || ACTION_ROLES[action].some((role) => hasRole(principal, role));
}

/** The permission matrix (pure; unit-tested role by role). */
export function can(principal: Principal, action: Action, scope: Scope = {}): boolean {
  if (hasRole(principal, Role.ADMIN)) return true;
  switch (action) {
    case Action.WRITE_STATION:
    case Action.WRITE_STAFF:
    case Action.WRITE_COMMUNITY:
    case Action.HANDLE_NEED:
      return hasRole(principal, Role.REGION_OPERATOR) && withinRegion(principal, scope.regionPath);
    case Action.WRITE_PLATFORM:
    case Action.WRITE_SERVICE_ITEM:
    case Action.RESOLVE_REFERRED_NEED:
      return hasRole(principal, Role.DEPARTMENT_PARTNER) && ownsDepartment(principal, scope.departmentId);
    case Action.ADMINISTER:
    case Action.READ_AUDIT:
      return false;
  }
}

/** Whether the caller may see personal data whole: ADMIN, or the operator of the record's region. */
export function seesPersonalData(principal: Principal, regionPath: string | null | undefined): boolean {
  return hasRole(principal, Role.ADMIN) || (hasRole(principal, Role.REGION_OPERATOR) && withinRegion(principal, regionPath));
}

/** Whether the caller may see personal data masked (partners); analysts and anonymous callers see none. */
export function seesMaskedPersonalData(principal: Principal): boolean {
  return hasRole(principal, Role.DEPARTMENT_PARTNER) || hasRole(principal, Role.REGION_OPERATOR);
}

/** For reads that only some roles may make at all (e.g. the audit trail): a FORBIDDEN GraphQL error. */
export function assertCanRead(ctx: Context, action: Action): void {
  if (!can(ctx.principal, action)) {
    throw localizedError('READ_FORBIDDEN', {}, { code: ErrorCode.FORBIDDEN, http: { status: 403 } });
  }
}

/**
 * For writes: adds a FORBIDDEN user error at `field` when the caller may not do `action` on a
 * record in `scope`, with a message saying why (not signed in, outside its region, another
 * department's record, or not its role). Returns whether the write may go ahead.
 * `scope` null means the record could not be found (the caller gets NOT_FOUND for that): then only
 * callers whose roles cannot do the action anywhere are refused, so nobody learns more from a
 * NOT_FOUND than they may.
 */
export function checkCan(ctx: Context, problems: Problems, action: Action, scope: Scope | null, field = 'id'): boolean {
  const { principal } = ctx;
  if (scope === null ? mayEver(principal, action) : can(principal, action, scope)) return true;
  if (principal.kind === 'anonymous') problems.add(field, UserErrorCode.FORBIDDEN, 'FORBIDDEN_SIGN_IN');
  else if (
    (action === Action.WRITE_STATION || action === Action.WRITE_STAFF || action === Action.WRITE_COMMUNITY || action === Action.HANDLE_NEED) &&
    hasRole(principal, Role.REGION_OPERATOR)
  ) {
    problems.add(field, UserErrorCode.FORBIDDEN, 'FORBIDDEN_OUTSIDE_REGION', { region: principal.regionCode ?? '' });
  } else if ((action === Action.WRITE_PLATFORM || action === Action.WRITE_SERVICE_ITEM || action === Action.RESOLVE_REFERRED_NEED) && hasRole(principal, Role.DEPARTMENT_PARTNER)) {
    problems.add(field, UserErrorCode.FORBIDDEN, 'FORBIDDEN_OTHER_DEPARTMENT', { department: principal.departmentCode ?? '' });
  } else problems.add(field, UserErrorCode.FORBIDDEN, 'FORBIDDEN');
  return false;
}

/**
 * checkCan for a record with a region (a record whose region is null: administrators only);
 * `record` null or undefined: it could not be found.
 */
export async function checkCanInRegion(ctx: Context, problems: Problems, action: Action, record: { regionId: number | null } | null | undefined, field = 'id'): Promise<boolean> {
  if (!record) return checkCan(ctx, problems, action, null, field);
  const region = record.regionId != null ? await ctx.loaders.regionById.load(record.regionId) : null;
  return checkCan(ctx, problems, action, { regionPath: region?.path }, field);
}

/** checkCan for a record that belongs to a station: the station's community is its scope. */
export async function checkCanAtStation(ctx: Context, problems: Problems, action: Action, stationId: string | null | undefined, field = 'id'): Promise<boolean> {
  const station = stationId ? await ctx.loaders.stationById.load(stationId) : null;
  return checkCanInRegion(ctx, problems, action, station, field);
}

/**
 * A personal value (a name, a phone) as this caller may see it: whole for administrators and the
 * operator of the record's region, masked for partners and other operators, absent (null) for
 * analysts and anonymous callers. `regionId` is the region the record belongs to.
 */
export async function personalValue(ctx: Context, value: string | null, regionId: number | null | undefined, mask: (value: string) => string): Promise<string | null> {
  if (value === null) return null;
  const { principal } = ctx;
  // Only for callers who see it either masked or whole does it matter where the record sits.
  const dependsOnRegion = !hasRole(principal, Role.ADMIN) && seesMaskedPersonalData(principal);
  const region = dependsOnRegion && regionId != null ? await ctx.loaders.regionById.load(regionId) : null;
  return personalValueAt(principal, value, region?.path, mask);
}

/** personalValue for a record whose region path is already known: it reads nothing. */
export function personalValueAt(principal: Principal, value: string, regionPath: string | null | undefined, mask: (value: string) => string): string | null {
  if (hasRole(principal, Role.ADMIN)) return value;
  if (!seesMaskedPersonalData(principal)) return null;
  return seesPersonalData(principal, regionPath) ? value : mask(value);
}
