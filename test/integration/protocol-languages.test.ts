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
      ['{ departments(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } }', '游标无效：请传入本列表（相同排序）返回的游标。', 'Invalid cursor: pass a cursor returned by this connection with the same ordering.'],
      ['{ changes(after: "bm90LWEtY3Vyc29y") { hasMore } }', '游标无效：请传入 changes 或 changesHead 返回的游标。', 'Invalid cursor: pass a cursor returned by changes or changesHead.'],
    ];
    for (const [query, zhMessage, enMessage] of cases) {
      const zh = await refusal(ZH, query);
      const en = await refusal(EN, query);
      expect([zh.code, en.code]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
      expect([zh.message, en.message]).toEqual([zhMessage, enMessage]);
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
    const big = await t.http().post('/graphql').set({ 'content-type': 'application/json', ...EN }).send(JSON.stringify({ query: `{ viewer { kind } } #${'x'.repeat(1_100_000)}` }));
    expect([big.status, big.body.errors[0].extensions.code, big.body.errors[0].message]).toEqual([413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 1mb; send it in smaller parts.']);
    const bad = await t.http().post('/graphql').set({ 'content-type': 'application/json' }).send('{"query": ');
    expect([bad.status, bad.body.errors[0].extensions.code, bad.body.errors[0].message]).toEqual([400, 'BAD_REQUEST', '请求体不是有效的 JSON。']);
  });
});
