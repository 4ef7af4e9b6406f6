import { parse } from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { AGGREGATE_COST, estimateCost } from '../../src/graphql/query-cost';

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

describe('estimateCost: aggregates', () => {
  const cost = (query: string) => estimateCost(getSchema(), parse(query), undefined, {}, 10_000);

  it('cost AGGREGATE_COST plus their selection: groups are plain values, record lists page as usual', () => {
    expect(cost(`{ stationStats(groupBy: [DISTRICT]) { total } }`)).toEqual({ cost: AGGREGATE_COST });
    // groups: 1, its district key: 1.
    expect(cost(`{ stationStats(groupBy: [DISTRICT]) { total groups { count district { code } } } }`)).toEqual({ cost: AGGREGATE_COST + 2 });
    // region key: 1; 10 circles, each with its district: 10 × 2.
    expect(cost(`{ circleCoverage(regionCode: "420600") { region { code } uncoveredCircles(first: 10) { nodes { code district { code } } } } }`)).toEqual({
      cost: AGGREGATE_COST + 1 + 1 + 10 * 2,
    });
  });
});
