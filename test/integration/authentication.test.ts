import http from 'node:http';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { ANONYMOUS_HEADERS, startTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase } from '../helpers/test-database';
import { createApiClient, revokeApiClient, rotateApiClientKey } from '../../src/modules/api-client/api-client.service';
import { SEED } from '../helpers/fixtures';

const VIEWER = `{ viewer { kind name roles department { code } region { code } } }`;
const ISSUER = 'https://sso.xiangyang.gov.cn';
const AUDIENCE = 'yizhan';

let keys: { privateKey: KeyLike; publicKey: KeyLike };
let t: TestApp;

beforeAll(async () => {
  keys = await generateKeyPair('RS256', { extractable: true });
  t = await startTestApp({
    JWT_PUBLIC_KEY: await exportSPKI(keys.publicKey),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    JWT_ROLE_MAP: 'zzb-admin:ADMIN,street-staff:REGION_OPERATOR',
  });
});
afterAll(() => t?.close());

function token(claims: Record<string, unknown>, options: { subject?: string; audience?: string; expires?: string; key?: KeyLike } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setSubject(options.subject ?? 'user-001')
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '10m')
    .sign(options.key ?? keys.privateKey);
}

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

describe('API keys', () => {
  it('treats a request without credentials as anonymous', async () => {
    const res = await t.gql(VIEWER, {}, ANONYMOUS_HEADERS);
    expect(res.data.viewer).toEqual({ kind: 'ANONYMOUS', name: null, roles: [], department: null, region: null });
  });

  it('identifies a client by its key, with its department and region scope', async () => {
    const em = t.app.database.orm.em.fork();
    const partner = await createApiClient(em, { name: '市总工会数据同步', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    const operator = await createApiClient(em, { name: '樊城区街道操作员', roles: ['region_operator', 'ANALYST'], regionCode: SEED.fanchengCode });
    expect(partner.key).toMatch(/^yz_[A-Za-z0-9_-]{40}$/);

    expect((await t.gql(VIEWER, {}, bearer(partner.key))).data.viewer).toEqual({
      kind: 'API_CLIENT',
      name: '市总工会数据同步',
      roles: ['DEPARTMENT_PARTNER'],
      department: { code: 'XY-ZGH' },
      region: null,
    });
    expect((await t.gql(VIEWER, {}, bearer(operator.key))).data.viewer).toMatchObject({
      roles: ['REGION_OPERATOR', 'ANALYST'],
      region: { code: SEED.fanchengCode },
    });
  });

  it('stores only a hash of the key', async () => {
    const issued = await createApiClient(t.app.database.orm.em.fork(), { name: '分析平台', roles: ['ANALYST'] });
    const rows = await t.app.database.orm.em.getConnection().execute(`select * from api_client where name = '分析平台'`);
    expect(JSON.stringify(rows)).not.toContain(issued.key);
    expect(rows[0].key_hint).toBe(issued.key.slice(0, 10));
  });

  it('refuses unknown, rotated and revoked keys with 401 UNAUTHENTICATED, and a malformed header', async () => {
    const em = t.app.database.orm.em.fork();
    const issued = await createApiClient(em, { name: '公交集团接口', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-GJJT' });
    const rotated = await rotateApiClientKey(t.app.database.orm.em.fork(), '公交集团接口');

    for (const credential of [issued.key, `yz_${'A'.repeat(40)}`]) {
      const res = await t.http().post('/graphql').set(bearer(credential)).send({ query: VIEWER });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(res.body)).not.toContain(credential);
    }
    expect((await t.gql(VIEWER, {}, bearer(rotated.key))).data.viewer.name).toBe('公交集团接口');

    await revokeApiClient(t.app.database.orm.em.fork(), '公交集团接口');
    expect((await t.http().post('/graphql').set(bearer(rotated.key)).send({ query: VIEWER })).status).toBe(401);

    const basic = await t.http().post('/graphql').set({ authorization: 'Basic dXNlcjpwYXNz' }).send({ query: VIEWER });
    expect(basic.status).toBe(401);
  });

  it('refuses clients that would break the role rules', async () => {
    const em = t.app.database.orm.em.fork();
    await expect(createApiClient(em, { name: '无辖区操作员', roles: ['REGION_OPERATOR'] })).rejects.toThrow('needs --region');
    await expect(createApiClient(em, { name: '无部门伙伴', roles: ['DEPARTMENT_PARTNER'] })).rejects.toThrow('needs --department');
    await expect(createApiClient(em, { name: '乱填角色', roles: ['SUPERUSER'] })).rejects.toThrow('unknown role');
    await expect(createApiClient(em, { name: '未知部门', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'NO-SUCH' })).rejects.toThrow('no department');
  });
});

describe('identity-provider tokens (JWT)', () => {
  it('maps a verified token to a user with roles, department and region', async () => {
    const jwt = await token({ name: '张建国', roles: ['zzb-admin', 'analyst', 'unknown-role'], department_code: 'XY-ZZB' });
    expect((await t.gql(VIEWER, {}, bearer(jwt))).data.viewer).toEqual({
      kind: 'USER',
      name: '张建国',
      roles: ['ADMIN', 'ANALYST'],
      department: { code: 'XY-ZZB' },
      region: null,
    });
    const street = await token({ roles: 'street-staff', region_code: SEED.anjuCommunityCode }, { subject: 'user-002' });
    expect((await t.gql(VIEWER, {}, bearer(street))).data.viewer).toMatchObject({ roles: ['REGION_OPERATOR'], region: { code: SEED.anjuCommunityCode } });
  });

  it('names a user who made a change in the feed as each caller may see it: whole to the user and administrators, masked to partners, hidden from analysts', async () => {
    const street = bearer(await token({ name: '王建华', roles: ['street-staff'], region_code: SEED.fanchengCode }, { subject: 'user-feed-01' }));
    const head = (await t.gql(`{ changesHead }`, {}, street)).data.changesHead;
    const stations = await t.gql(`{ stations(first: 1, filter: { regionCode: "${SEED.fanchengCode}" }) { nodes { id name version } } }`);
    const [station] = stations.data.stations.nodes;
    const updated = await t.gql(
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { userErrors { code } } }`,
      { input: { id: station.id, version: station.version, name: `${station.name}（用户）` } },
      street,
    );
    expect(updated.data.updateStation.userErrors).toEqual([]);
    const FEED = `query($after: String) { changes(after: $after, types: [STATION]) { changes { recordId actor { kind userName isViewer apiClient { id } } } } }`;
    const actorFor = async (headers: Record<string, string>) => {
      for (let tries = 0; tries < 200; tries++) {
        const res = await t.gql(FEED, { after: head }, headers);
        const change = res.data.changes.changes.find((c: { recordId: string }) => c.recordId === station.id);
        if (change) return change.actor;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the change did not reach the feed');
    };
    expect(await actorFor(street)).toEqual({ kind: 'USER', userName: '王建华', isViewer: true, apiClient: null });
    expect(await actorFor(await t.clientHeaders({ name: '用户变更-伙伴', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' }))).toEqual({
      kind: 'USER',
      userName: '王*华',
      isViewer: false,
      apiClient: null,
    });
    expect((await actorFor(await t.clientHeaders({ name: '用户变更-分析', roles: ['ANALYST'] }))).userName).toBeNull();
    // Another user of the same provider is not the viewer, and sees the name masked (the feed keeps no region for a user).
    const colleague = bearer(await token({ name: '李明', roles: ['street-staff'], region_code: SEED.fanchengCode }, { subject: 'user-feed-02' }));
    expect(await actorFor(colleague)).toMatchObject({ isViewer: false, userName: '王*华' });
    const audit = await t.gql(`query($id: ID!) { auditEvents(first: 1, filter: { recordId: $id }) { nodes { actor { kind userName userSubject } } } }`, { id: station.id });
    expect(audit.data.auditEvents.nodes[0].actor).toEqual({ kind: 'USER', userName: '王建华', userSubject: 'user-feed-01' });
  });

  it('refuses expired tokens, other audiences, foreign signatures and unknown regions with 401', async () => {
    const other = await generateKeyPair('RS256');
    const bad = [
      await token({ roles: ['zzb-admin'] }, { expires: '-5m' }),
      await token({ roles: ['zzb-admin'] }, { audience: 'someone-else' }),
      await token({ roles: ['zzb-admin'] }, { key: other.privateKey }),
      await token({ roles: ['street-staff'], region_code: '999999999999' }),
    ];
    for (const jwt of bad) {
      const res = await t.http().post('/graphql').set(bearer(jwt)).send({ query: VIEWER });
      expect(res.status).toBe(401);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('JWT configuration', () => {
  it('verifies tokens against a JWKS URL', async () => {
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const app = await startTestApp({ JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`, JWT_AUDIENCE: AUDIENCE });
    try {
      const jwt = await new SignJWT({ roles: ['ANALYST'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('analyst-1')
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(keys.privateKey);
      expect((await app.gql(VIEWER, {}, bearer(jwt))).data.viewer).toMatchObject({ kind: 'USER', roles: ['ANALYST'], name: 'analyst-1' });
    } finally {
      await app.close();
      jwks.close();
    }
  });

  it('turns the JWT path off when nothing is configured', async () => {
    const app = await startTestApp();
    try {
      const res = await app
        .http()
        .post('/graphql')
        .set({ ...bearer(await token({ roles: ['zzb-admin'] })), 'accept-language': 'en' })
        .send({ query: VIEWER });
      expect(res.status).toBe(401);
      expect(res.body.errors[0].message).toContain('no identity-provider tokens are accepted');
    } finally {
      await app.close();
    }
  });
});

describe('client CLI', () => {
  const run = (args: string[], databaseUrl: string) =>
    promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '../../src/scripts/client.ts'), ...args], {
      cwd: path.join(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_SILENT: 'true', TS_NODE_PROJECT: 'tsconfig.json' },
    });

  it('creates, lists, rotates and revokes clients; keys are printed once and never listed', async () => {
    const database = await createTestDatabase();
    try {
      const created = await run(['create', '--name', '人社局零工驿站同步', '--roles', 'DEPARTMENT_PARTNER', '--department', 'XY-RSJ'], database.url);
      const key = /(yz_[A-Za-z0-9_-]{40})/.exec(created.stdout)?.[1];
      expect(key).toBeDefined();
      const listed = await run(['list'], database.url);
      expect(listed.stdout).toContain('人社局零工驿站同步  [DEPARTMENT_PARTNER]  department XY-RSJ');
      expect(listed.stdout).not.toContain(key);
      const rotated = await run(['rotate', '--name', '人社局零工驿站同步'], database.url);
      expect(/(yz_[A-Za-z0-9_-]{40})/.exec(rotated.stdout)?.[1]).not.toBe(key);
      await run(['revoke', '--name', '人社局零工驿站同步'], database.url);
      expect((await run(['list'], database.url)).stdout).toContain('revoked');
      await expect(run(['create', '--name', '缺部门', '--roles', 'DEPARTMENT_PARTNER'], database.url)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('needs --department'),
      });
    } finally {
      await database.drop();
    }
  }, 180_000);
});
