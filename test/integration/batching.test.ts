import { useTestApp } from '../helpers/app';

const t = useTestApp();

const PAGE = `query($first: Int!) { stations(first: $first, filter: { regionCode: "420600" }) {
  totalCount pageInfo { endCursor hasNextPage }
  nodes { id code name tier kind status address planYear openedOn version
    location(coordinateSystem: GCJ02) { latitude longitude }
    region { code name level parent { code name } ancestors { code } }
    serviceCircle { code name district { name } stationCount } } } }`;

describe('relations are batched per request', () => {
  it('costs the same number of SQL statements for 10 stations as for 100', async () => {
    let small = 0;
    let large = 0;
    const countFor = async (first: number) => {
      let nodes = 0;
      const statements = await t.countStatements(async () => {
        const res = await t.gql(PAGE, { first });
        expect(res.errors).toBeUndefined();
        nodes = res.data.stations.nodes.length;
      });
      expect(nodes).toBe(first);
      return statements;
    };
    small = await countFor(10);
    large = await countFor(100);
    expect(large).toBe(small);
    // the caller's key + page + count + region + parents + ancestors + circles
    // + circle districts + circle counts
    expect(large).toBeLessThanOrEqual(9);
  });
});
