import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/**
 * Refusals of the protocol (HTTP 401, 409, 413, 422, FORBIDDEN, BAD_USER_INPUT, validation) speak
 * the caller's language like user errors do: Chinese by default and for zh-CN, English on request.
 */
const t = useTestApp();

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const EN = { 'accept-language': 'en-US,en;q=0.8' };
const CREATE = `mutation($input: CreateStationInput!) { createStation(input: $input) { station { id } userErrors { code } } }`;
const input = (name: string) => ({
  name,
  address: '湖北省襄阳市樊城区协议路1号',
  kind: 'COMMUNITY',
  tier: 'BASIC',
  regionCode: SEED.anjuCommunityCode,
  location: { latitude: 32.05, longitude: 112.14 },
});

async function refusal(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const res = await t.gql(query, variables, headers);
  expect(res.errors).toHaveLength(1);
  return { status: res.status, code: res.errors![0].extensions?.code as string, message: res.errors![0].message as string };
}

describe('protocol errors in the caller’s language', () => {
  it('401 UNAUTHENTICATED', async () => {
    for (const authorization of ['Basic abc', 'Bearer yz_not-a-real-key-0000000000000000000000']) {
      const zh = await refusal({ authorization, ...ZH }, '{ viewer { kind } }');
      const en = await refusal({ authorization, ...EN }, '{ viewer { kind } }');
      const plain = await refusal({ authorization }, '{ viewer { kind } }');
      expect([zh.status, zh.code, en.status, en.code]).toEqual([401, 'UNAUTHENTICATED', 401, 'UNAUTHENTICATED']);
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
      expect(plain.message).toBe(zh.message);
      expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await refusal({ authorization: 'Basic abc', ...EN }, '{ viewer { kind } }')).message).toBe('The Authorization header must be "Bearer <API key or token>".');
    expect((await refusal({ authorization: 'Basic abc', ...ZH }, '{ viewer { kind } }')).message).toBe('Authorization 请求头格式不正确，须为“Bearer <接口密钥或令牌>”。');
  });

  it('422 IDEMPOTENCY_KEY_REUSED and 400 for a malformed key', async () => {
    await t.gql(CREATE, { input: input('协议语言驿站甲') }, { 'idempotency-key': 'lang-reused' });
    const zh = await t.gql(CREATE, { input: input('协议语言驿站乙') }, { 'idempotency-key': 'lang-reused', ...ZH });
    const en = await t.gql(CREATE, { input: input('协议语言驿站乙') }, { 'idempotency-key': 'lang-reused', ...EN });
    expect([zh.status, zh.errors?.[0].extensions?.code, en.status]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED', 422]);
    expect(zh.errors?.[0].message).toBe('该 Idempotency-Key 已用于另一个不同的请求；新的请求请使用新的键。');
    expect(en.errors?.[0].message).toBe('This Idempotency-Key was already used with a different request; use a new key for a new request.');
    const malformed = await t.gql(CREATE, { input: input('协议语言驿站丙') }, { 'idempotency-key': 'has space', ...EN });
    expect([malformed.status, malformed.errors?.[0].extensions?.code, malformed.errors?.[0].message]).toEqual([
      400,
      'BAD_USER_INPUT',
      'The Idempotency-Key header must be 1 to 200 visible ASCII characters.',
    ]);
  });

  it('FORBIDDEN', async () => {
    const analyst = await t.clientHeaders({ name: '协议语言-分析', roles: ['ANALYST'] });
    const zh = await refusal({ ...analyst, ...ZH }, '{ auditEvents(first: 1) { totalCount } }');
    const en = await refusal({ ...analyst, ...EN }, '{ auditEvents(first: 1) { totalCount } }');
    expect([zh.status, zh.code, en.status, en.code]).toEqual([403, 'FORBIDDEN', 403, 'FORBIDDEN']);
    expect(zh.message).toMatch(/^您的账号角色不能读取/);
    expect(en.message).toMatch(/^Your role may not read/);
    const anonymous = await refusal({ ...ANONYMOUS_HEADERS, ...ZH }, '{ changesHead }');
    expect(anonymous.message).toMatch(/^匿名调用只能读取公开的驿站信息/);
  });

  it('BAD_USER_INPUT from paging, cursors and the feed', async () => {
    const cases: [string, string, string][] = [
      ['{ stations(first: 500) { totalCount } }', '参数 first 须在 1 至 100 之间，您传入的是 500。', '`first` must be between 1 and 100, got 500.'],
      ['{ stations(first: 1, last: 1) { totalCount } }', '请只传 first 或 last 其中之一。', 'Pass either `first` or `last`, not both.'],
      [
        '{ departments(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } }',
        '游标无效：请传入本列表（相同排序）返回的游标。',
        'Invalid cursor: pass a cursor returned by this connection with the same ordering.',
      ],
      [
        '{ changes(after: "bm90LWEtY3Vyc29y") { hasMore } }',
        '游标无效：请传入 changes 或 changesHead 返回的游标。',
        'Invalid cursor: pass a cursor returned by changes or changesHead.',
      ],
    ];
    for (const [query, zhMessage, enMessage] of cases) {
      const zh = await refusal(ZH, query);
      const en = await refusal(EN, query);
      expect([zh.code, en.code]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
      expect([zh.message, en.message]).toEqual([zhMessage, enMessage]);
    }
  });

  it('BAD_USER_INPUT from the read resolvers and readers: the field at fault, no caller value echoed', async () => {
    const regionId = Buffer.from(`Region:${SEED.anjuCommunityCode}`, 'utf8').toString('base64url');
    const stationId = Buffer.from('Station:00000000-0000-4000-8000-000000000001', 'utf8').toString('base64url');
    const cases: { query: string; field: string; zh: string; en: string }[] = [
      {
        query: `{ station(id: "${regionId}") { code } }`,
        field: 'id',
        zh: '参数 id 不是驿站（Station）的 ID：请使用查询返回的 id。',
        en: '`id` is not a Station ID: use an id a query returned.',
      },
      {
        query: `{ organization(id: "${stationId}") { name } }`,
        field: 'id',
        zh: '参数 id 不是组织（Organization）的 ID：请使用查询返回的 id。',
        en: '`id` is not an Organization ID: use an id a query returned.',
      },
      {
        query: '{ activities(first: 1, filter: { stationId: "not-an-id" }) { totalCount } }',
        field: 'filter.stationId',
        zh: '参数 filter.stationId 不是驿站（Station）的 ID：请使用查询返回的 id。',
        en: '`filter.stationId` is not a Station ID: use an id a query returned.',
      },
      { query: '{ station { code } }', field: 'id', zh: '请传入 id 或 code 其中之一（只传一个）。', en: 'Give exactly one of `id` and `code`.' },
      {
        query: '{ stations(first: 1, filter: { near: { latitude: 32.05, longitude: 112.14, radiusMetres: 80000 } }) { totalCount } }',
        field: 'filter.near.radiusMetres',
        zh: '搜索半径 filter.near.radiusMetres 须在 1 至 50000 米之间。',
        en: '`filter.near.radiusMetres` must be between 1 and 50000 metres.',
      },
      {
        query: '{ stations(first: 1, filter: { near: { latitude: 48.8566, longitude: 2.3522, radiusMetres: 500 } }) { totalCount } }',
        field: 'filter.near',
        zh: '参数 filter.near 的坐标不在中国境内，请检查经纬度是否填反、坐标系（coordinateSystem）是否选对。',
        en: '`filter.near` must be a point inside China; check that latitude and longitude are not swapped and the coordinate system is right.',
      },
      {
        query: '{ stations(first: 1, orderBy: { field: DISTANCE }) { totalCount } }',
        field: 'orderBy.field',
        zh: '按距离排序（DISTANCE）须同时传入 filter.near，指明从哪一点算起。',
        en: 'Sorting by DISTANCE needs filter.near, the point to measure from.',
      },
      {
        query: '{ activities(first: 1, filter: { from: "2024-03-02T00:00:00Z", to: "2024-03-01T00:00:00Z" }) { totalCount } }',
        field: 'filter.to',
        zh: '参数 filter.to 须晚于 filter.from，请检查时间范围。',
        en: '`filter.to` must be later than `filter.from`; check the time range.',
      },
      {
        query: '{ organizations(first: 1, filter: { creditCode: "9142-0600" }) { totalCount } }',
        field: 'filter.creditCode',
        zh: '参数 filter.creditCode 不是统一社会信用代码：应为18位数字或大写字母（不含 I、O、S、V、Z），请对照营业执照或登记证书核对。',
        en: '`filter.creditCode` must be 18 characters of the GB 32100-2015 alphabet: digits and capitals other than I, O, S, V and Z.',
      },
      {
        query: '{ externalRefSystem(system: "-no good-") { system } }',
        field: 'system',
        zh: '参数 system 不是有效的外部系统名称：须为2至64位英文字母、数字或 . _ -，并以字母或数字开头，如 zgh-care。',
        en: '`system` must be 2 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit, e.g. zgh-care.',
      },
    ];
    for (const { query, field, zh: zhMessage, en: enMessage } of cases) {
      const [zh, en, plain] = await Promise.all([t.gql(query, {}, ZH), t.gql(query, {}, EN), t.gql(query)]);
      for (const res of [zh, en, plain]) {
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      }
      expect([zh.errors![0].message, en.errors![0].message, plain.errors![0].message]).toEqual([zhMessage, enMessage, zhMessage]);
    }
  });

  it('GRAPHQL_VALIDATION_FAILED and BAD_USER_INPUT from graphql-js: a Chinese lead sentence, the detail as graphql-js gives it', async () => {
    const zh = await refusal(ZH, '{ stations(first: 1) { noSuchField } }');
    const en = await refusal(EN, '{ stations(first: 1) { noSuchField } }');
    expect([zh.code, en.code]).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(zh.message).toBe(`查询不符合接口定义：${en.message}`);
    const variables = { input: { ...input('类型错误'), kind: 'NO_SUCH_KIND' } };
    const zhInput = await refusal(ZH, CREATE, variables);
    const enInput = await refusal(EN, CREATE, variables);
    expect(zhInput.code).toBe('BAD_USER_INPUT');
    expect(zhInput.message).toBe(`参数不正确：${enInput.message}`);
  });

  it('413 and malformed JSON at the HTTP edge', async () => {
    const big = await t
      .http()
      .post('/graphql')
      .set({ 'content-type': 'application/json', ...EN })
      .send(JSON.stringify({ query: `{ viewer { kind } } #${'x'.repeat(1_100_000)}` }));
    expect([big.status, big.body.errors[0].extensions.code, big.body.errors[0].message]).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
      'The request body is larger than 1mb; send it in smaller parts.',
    ]);
    const bad = await t.http().post('/graphql').set({ 'content-type': 'application/json' }).send('{"query": ');
    expect([bad.status, bad.body.errors[0].extensions.code, bad.body.errors[0].message]).toEqual([400, 'BAD_REQUEST', '请求体不是有效的 JSON。']);
  });
});
