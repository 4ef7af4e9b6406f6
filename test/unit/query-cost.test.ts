import { parse } from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { estimateCost } from '../../src/graphql/query-cost';

describe('estimateCost: the fields a document expands to', () => {
  // 4 levels of 10 spreads: 10,000 `code` fields once the fragments are expanded.
  const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
  const document = parse(`{ stations(first: 1) { nodes { ...A } } }
    fragment A on Station { ${spreads('B')} } fragment B on Station { ${spreads('C')} }
    fragment C on Station { ${spreads('D')} } fragment D on Station { ${spreads('E')} } fragment E on Station { code }`);

  it('refuses a document past the limit it is given (QUERY_MAX_FIELDS), and no other', () => {
    expect(estimateCost(getSchema(), document, undefined, {}, 10_000)).toEqual({ breach: { limit: 'fields', maximum: 10_000, actual: null } });
    expect(estimateCost(getSchema(), document, undefined, {}, 1_000_000)).toEqual({ cost: expect.any(Number) });
  });
});
