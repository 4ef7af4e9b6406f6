import type { Role } from './roles';

/** Someone who proved who they are: an API client (bearer key) or a user of an admin frontend (JWT). */
export interface AuthenticatedPrincipal {
  kind: 'client' | 'user';
  /** API client id, or the identity provider's subject. */
  id: string;
  /** Display name (client name, or the user's name claim); never a secret. */
  name: string;
  roles: Role[];
  /** The department it acts for (partners), if any. */
  departmentId: string | null;
  departmentCode: string | null;
  /** Its region scope (operators), if any: the region and its materialised path. */
  regionId: number | null;
  regionCode: string | null;
  regionPath: string | null;
}

/** Who is calling. Requests without credentials are anonymous: public station facts only. */
export type Principal = { kind: 'anonymous' } | AuthenticatedPrincipal;

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function isAnonymous(principal: Principal): principal is { kind: 'anonymous' } {
  return principal.kind === 'anonymous';
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.kind !== 'anonymous' && principal.roles.includes(role);
}
