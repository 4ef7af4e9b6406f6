import type { JWTPayload, KeyLike, createRemoteJWKSet } from 'jose';
import type { JwtConfig } from '../config';
import { isRole, type Role } from './roles';

/** What a verified token says about its bearer, before codes are resolved to records. */
export interface JwtIdentity {
  subject: string;
  name: string;
  roles: Role[];
  departmentCode: string | null;
  regionCode: string | null;
}

export class JwtRejected extends Error {}

/** The identity provider's keys, fetched from its JWKS URL and cached. */
type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

export type JwtVerifier = (token: string) => Promise<JwtIdentity>;

/**
 * Verifies tokens signed by the city's identity provider, against its JWKS URL or a configured
 * public key, and maps the claims to roles. Returns null when no JWT is configured (the path is off).
 */
export function createJwtVerifier(config: JwtConfig | null): JwtVerifier | null {
  if (!config) return null;
  // jose is loaded only where a JWT is configured: a start without one does not wait for it.
  const jose = import('jose');
  const key = jose.then(async ({ createRemoteJWKSet, importSPKI }): Promise<KeyLike | RemoteKeySet> =>
    config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 }) : importSPKI(config.publicKey!, config.algorithms[0]),
  );

  return async (token) => {
    let payload: JWTPayload;
    try {
      const { jwtVerify } = await jose;
      const verifyWith = await key;
      const options = { issuer: config.issuer, audience: config.audience, algorithms: config.algorithms, clockTolerance: 30 };
      const verified = typeof verifyWith === 'function' ? await jwtVerify(token, verifyWith, options) : await jwtVerify(token, verifyWith, options);
      payload = verified.payload;
    } catch (error) {
      // jose's messages name the failed check (expired, audience, signature), never the token.
      throw new JwtRejected(error instanceof Error ? error.message : 'invalid token');
    }
    if (!payload.sub) throw new JwtRejected('token has no subject');
    return {
      subject: payload.sub,
      name: typeof payload[config.nameClaim] === 'string' ? (payload[config.nameClaim] as string) : payload.sub,
      roles: mapRoles(payload[config.rolesClaim], config.roleMap),
      departmentCode: stringClaim(payload[config.departmentClaim]),
      regionCode: stringClaim(payload[config.regionClaim]),
    };
  };
}

function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * The identity provider's role names → ours: through JWT_ROLE_MAP when it names them, else taken
 * as ours when they match (case-insensitive). Unknown names are ignored, never guessed.
 */
export function mapRoles(claim: unknown, roleMap: Record<string, Role>): Role[] {
  const names = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = new Set<Role>();
  for (const name of names) {
    if (typeof name !== 'string' || !name) continue;
    const mapped = roleMap[name] ?? (isRole(name.toUpperCase()) ? (name.toUpperCase() as Role) : undefined);
    if (mapped) roles.add(mapped);
  }
  return [...roles];
}
