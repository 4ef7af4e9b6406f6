import { parse } from 'graphql';
import { ANONYMOUS, type Principal } from '../../src/auth/principal';
import { Role } from '../../src/auth/roles';
import { DocumentMemo, documentChecks, documentWalks, MAX_ANSWERS_PER_DOCUMENT, variablesKey } from '../../src/graphql/document-memo';
import { getSchema } from '../../src/graphql/schema';

function client(roles: Role[]): Principal {
  return { kind: 'client', id: 'c', name: 'c', roles, departmentId: null, departmentCode: null, regionId: null, regionCode: null, regionPath: null };
}

/** How many walks `work` made, by check. */
function walksOf(work: () => void): typeof documentWalks {
  const before = { ...documentWalks };
  work();
  return {
    inputs: documentWalks.inputs - before.inputs,
    cost: documentWalks.cost - before.cost,
    visibility: documentWalks.visibility - before.visibility,
    introspection: documentWalks.introspection - before.introspection,
  };
}

describe('variablesKey: the variables as a key, only when that is exact and small', () => {
  it('tells apart every pair of variables the checks could answer differently', () => {
    const keys = [{ a: 1 }, { a: '1' }, { a: [1] }, { a: null }, { a: -0 }, { a: 0 }, { a: true }, { b: 1, a: 1 }, { a: 1, b: 1 }, { a: { b: 'x' } }, { 'a"': 1 }].map(
      (variables) => variablesKey(variables),
    );
    expect(keys.every((key) => typeof key === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    // No variables and `{}` are read alike by both checks.
    expect(variablesKey(undefined)).toBe(variablesKey({}));
  });

  it('gives no key for anything but JSON values, or past the limit', () => {
    for (const odd of [{ a: undefined }, { a: Number.NaN }, { a: new Date(0) }, { a: new Array<number>(3) }, { a: () => 1 }, { a: BigInt(1) }])
      expect(variablesKey(odd as Record<string, unknown>)).toBeNull();
    expect(variablesKey({ a: 'x'.repeat(100) }, 50)).toBeNull();
    expect(variablesKey({ a: Array.from({ length: 100 }, () => 1) }, 50)).toBeNull();
    expect(variablesKey({ ['k'.repeat(100)]: 1 }, 50)).toBeNull();
    expect(variablesKey({ a: 'x'.repeat(40) }, 50)).not.toBeNull();
  });
});

describe('DocumentMemo', () => {
  const document = parse('{ viewer { kind } }');

  it('walks once per document and key, and hands back the same answer after', () => {
    const memo = new DocumentMemo<{ n: number }>('inputs');
    let runs = 0;
    const first = memo.answer(document, 'k', () => ({ n: ++runs }));
    expect(memo.answer(document, 'k', () => ({ n: ++runs }))).toBe(first);
    expect(memo.answer(document, 'other', () => ({ n: ++runs }))).toEqual({ n: 2 });
    // Another document object with the same text is another document (Apollo hands back the same object).
    expect(memo.answer(parse('{ viewer { kind } }'), 'k', () => ({ n: ++runs }))).toEqual({ n: 3 });
    // No key: never remembered.
    memo.answer(document, null, () => ({ n: ++runs }));
    memo.answer(document, null, () => ({ n: ++runs }));
    expect(runs).toBe(5);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it(`keeps at most ${MAX_ANSWERS_PER_DOCUMENT} answers per document, the least recently used out first`, () => {
    const memo = new DocumentMemo<number>('inputs');
    let runs = 0;
    for (let key = 0; key < MAX_ANSWERS_PER_DOCUMENT; key++) memo.answer(document, String(key), () => ++runs);
    memo.answer(document, '0', () => ++runs); // used again: now the most recent
    memo.answer(document, 'new', () => ++runs); // pushes out '1'
    expect(runs).toBe(MAX_ANSWERS_PER_DOCUMENT + 1);
    memo.answer(document, '0', () => ++runs);
    expect(runs).toBe(MAX_ANSWERS_PER_DOCUMENT + 1);
    memo.answer(document, '1', () => ++runs);
    expect(runs).toBe(MAX_ANSWERS_PER_DOCUMENT + 2);
  });
});

describe('documentChecks: a remembered answer is the answer the check would give now', () => {
  const checks = documentChecks(getSchema(), 10_000);

  it('costs a page by its first: $n, each n its own answer', () => {
    const document = parse('query Page($n: Int) { stations(first: $n) { nodes { code } } }');
    expect(walksOf(() => expect(checks.cost(document, undefined, { n: 3 })).toEqual({ cost: 1 + 3 }))).toMatchObject({ cost: 1 });
    expect(walksOf(() => expect(checks.cost(document, undefined, { n: 7 })).toEqual({ cost: 1 + 7 }))).toMatchObject({ cost: 1 });
    expect(walksOf(() => expect(checks.cost(document, undefined, { n: 3 })).toEqual({ cost: 1 + 3 }))).toMatchObject({ cost: 0 });
    // Too large to key: checked afresh, with the same answer.
    const big = { n: 7, padding: 'x'.repeat(5000) };
    expect(walksOf(() => expect(checks.cost(document, undefined, big)).toEqual({ cost: 1 + 7 }))).toMatchObject({ cost: 1 });
    expect(walksOf(() => expect(checks.cost(document, undefined, big)).toEqual({ cost: 1 + 7 }))).toMatchObject({ cost: 1 });
  });

  it('costs the operation named, each name its own answer', () => {
    const document = parse('query Small { stations(first: 2) { nodes { code } } } query Large { stations(first: 9) { nodes { code } } }');
    expect(checks.cost(document, 'Small', {})).toEqual({ cost: 3 });
    expect(checks.cost(document, 'Large', {})).toEqual({ cost: 10 });
    expect(walksOf(() => expect(checks.cost(document, 'Small', {})).toEqual({ cost: 3 }))).toMatchObject({ cost: 0 });
  });

  it('checks visibility per caller, by sign-in and the set of roles, in either order', () => {
    const document = parse('{ changesHead }');
    const admin = client([Role.ADMIN]);
    expect(checks.visibility(document, undefined, ANONYMOUS)).toEqual({ element: 'Query.changesHead', needs: 'SIGN_IN' });
    expect(checks.visibility(document, undefined, admin)).toBeNull();
    expect(walksOf(() => expect(checks.visibility(document, undefined, ANONYMOUS)).toEqual({ element: 'Query.changesHead', needs: 'SIGN_IN' }))).toMatchObject({ visibility: 0 });
    expect(walksOf(() => expect(checks.visibility(document, undefined, admin)).toBeNull())).toMatchObject({ visibility: 0 });

    const stats = parse('{ stationStats { total } }');
    expect(checks.visibility(stats, undefined, client([Role.ANALYST, Role.REGION_OPERATOR]))).toBeNull();
    expect(checks.visibility(stats, undefined, client([Role.DEPARTMENT_PARTNER]))).toMatchObject({ element: 'Query.stationStats' });
    // The same roles in another order (or twice) are the same caller to the check.
    expect(walksOf(() => expect(checks.visibility(stats, undefined, client([Role.REGION_OPERATOR, Role.ANALYST, Role.ANALYST]))).toBeNull())).toMatchObject({ visibility: 0 });
  });

  it('checks the inputs per variables', () => {
    const document = parse('query Region($r: String) { stations(first: 1, filter: { regionCode: $r }) { totalCount } }');
    expect(checks.inputs(document, { r: '420600' })).toBeNull();
    expect(checks.inputs(document, { r: '4206\u0000' })).toEqual({ key: 'INPUT_BAD_CHARACTERS', path: '$r' });
    expect(walksOf(() => expect(checks.inputs(document, { r: '420600' })).toBeNull())).toMatchObject({ inputs: 0 });
  });
});
