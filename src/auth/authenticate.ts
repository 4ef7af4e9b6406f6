import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { SqlReader } from '../db/sql';
import { ErrorCode, localizedError } from '../graphql/errors';
import type { MessageKey, MessageParams } from '../i18n/messages';
import { hashApiKey, looksLikeApiKey } from './api-keys';
import { JwtRejected, type JwtVerifier } from './jwt';
import { ANONYMOUS, type AuthenticatedPrincipal, type Principal } from './principal';
import type { Role } from './roles';

/** Resolves a request's credentials to a Principal; bad credentials are a 401, never anonymous. */
export type Authenticator = (req: Request, db: SqlReader) => Promise<Principal>;

function unauthenticated(key: MessageKey, params: MessageParams = {}): GraphQLError {
  return localizedError(key, params, { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } });
}

interface ClientRow {
  id: string;
  name: string;
  roles: Role[];
  department_id: string | null;
  department_code: string | null;
  region_id: number | null;
  region_code: string | null;
  region_path: string | null;
}

/**
 * `Authorization: Bearer <key>` for API clients (looked up by the key's hash; revoked keys fail),
 * or `Bearer <JWT>` from the city's identity provider when one is configured. No header: anonymous.
 */
export function createAuthenticator(jwt: JwtVerifier | null): Authenticator {
  return async (req, db) => {
    const header = req.headers.authorization;
    if (!header) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthenticated('AUTH_HEADER_MALFORMED');
    const credential = match[1];

    if (looksLikeApiKey(credential)) {
      const row = await db.one<ClientRow>(
        `select c.id, c.name, c.roles, c.department_id, d.code as department_code, c.region_id, r.code as region_code, r.path as region_path
         from api_client c left join department d on d.id = c.department_id left join region r on r.id = c.region_id
         where c.key_hash = ? and c.active`,
        [hashApiKey(credential)],
      );
      if (!row) throw unauthenticated('API_KEY_UNKNOWN');
      return {
        kind: 'client',
        id: row.id,
        name: row.name,
        roles: row.roles,
        departmentId: row.department_id,
        departmentCode: row.department_code,
        regionId: row.region_id,
        regionCode: row.region_code,
        regionPath: row.region_path,
      };
    }

    if (!jwt) throw unauthenticated('API_KEY_MALFORMED');
    try {
      const identity = await jwt(credential);
      return await resolveUser(db, identity);
    } catch (error) {
      if (error instanceof JwtRejected) throw unauthenticated('TOKEN_REJECTED', { detail: error.message });
      throw error;
    }
  };
}

/** Turns the department and region codes of a token into the records they name. */
async function resolveUser(db: SqlReader, identity: Awaited<ReturnType<JwtVerifier>>): Promise<AuthenticatedPrincipal> {
  const row = await db.one<{ department_id: string | null; region_id: number | null; region_path: string | null }>(
    `select (select d.id from department d where d.code = ? and d.active) as department_id,
            r.id as region_id, r.path as region_path
     from (select 1) one left join region r on r.code = ?`,
    [identity.departmentCode ?? '', identity.regionCode ?? ''],
  );
  if (identity.departmentCode && !row?.department_id) throw new JwtRejected(`department ${identity.departmentCode} is unknown or inactive`);
  if (identity.regionCode && !row?.region_id) throw new JwtRejected(`region ${identity.regionCode} is unknown`);
  return {
    kind: 'user',
    id: identity.subject,
    name: identity.name,
    roles: identity.roles,
    departmentId: row?.department_id ?? null,
    departmentCode: identity.departmentCode,
    regionId: row?.region_id ?? null,
    regionCode: identity.regionCode,
    regionPath: row?.region_path ?? null,
  };
}
