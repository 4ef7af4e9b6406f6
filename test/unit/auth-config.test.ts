import { ConfigError, loadConfig } from '../../src/config';
import { mapRoles } from '../../src/auth/jwt';
import { generateApiKey, hashApiKey, keyHint, looksLikeApiKey } from '../../src/auth/api-keys';
import { Role } from '../../src/auth/roles';

const PEM = '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----';

describe('JWT configuration', () => {
  it('is off unless a JWKS URL or public key is given', () => {
    expect(loadConfig({}).jwt).toBeNull();
  });

  it('reads a public key with escaped newlines, defaults and a role map', () => {
    const jwt = loadConfig({ JWT_PUBLIC_KEY: PEM, JWT_ROLE_MAP: 'zzb-admin:ADMIN, jiedao:REGION_OPERATOR', JWT_AUDIENCE: 'yizhan' }).jwt!;
    expect(jwt.publicKey).toBe('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----');
    expect(jwt).toMatchObject({ algorithms: ['RS256'], rolesClaim: 'roles', regionClaim: 'region_code', departmentClaim: 'department_code', audience: 'yizhan' });
    expect(jwt.roleMap).toEqual({ 'zzb-admin': Role.ADMIN, jiedao: Role.REGION_OPERATOR });
  });

  it.each([
    [{ JWT_JWKS_URL: 'https://idp/jwks', JWT_PUBLIC_KEY: PEM }, 'not both'],
    [{ JWT_JWKS_URL: 'ftp://idp/jwks' }, 'http(s) URL'],
    [{ JWT_PUBLIC_KEY: 'not a pem' }, 'SPKI PEM'],
    [{ JWT_PUBLIC_KEY: PEM, JWT_ROLE_MAP: 'boss:SUPERUSER' }, 'JWT_ROLE_MAP'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('bootstraps an admin client by default only on the embedded database', () => {
    expect(loadConfig({}).bootstrapAdmin).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/yizhan' }).bootstrapAdmin).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/yizhan', BOOTSTRAP_ADMIN: 'true' }).bootstrapAdmin).toBe(true);
  });
});

describe('mapRoles', () => {
  it('maps through the role map, accepts our own names in any case, ignores the rest', () => {
    expect(mapRoles(['zzb-admin', 'analyst', 'cleaner'], { 'zzb-admin': Role.ADMIN })).toEqual([Role.ADMIN, Role.ANALYST]);
    expect(mapRoles('region_operator analyst', {})).toEqual([Role.REGION_OPERATOR, Role.ANALYST]);
    expect(mapRoles(undefined, {})).toEqual([]);
    expect(mapRoles([42, null], {})).toEqual([]);
  });
});

describe('API keys', () => {
  it('are random, recognisable, and stored as a SHA-256 hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).not.toBe(b);
    expect(looksLikeApiKey(a)).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOi.x.y')).toBe(false);
    expect(hashApiKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(a)).toBe(hashApiKey(a));
    expect(keyHint(a)).toBe(a.slice(0, 10));
  });
});
