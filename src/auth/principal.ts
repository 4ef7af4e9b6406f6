/**
 * Who is calling. Requests without credentials are anonymous; API clients and identity-provider
 * users arrive with issue [3 of 6] (partner integration and access control).
 */
export type Principal = { kind: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function isAnonymous(principal: Principal): boolean {
  return principal.kind === 'anonymous';
}
