import { useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/**
 * Issue [2 of 6]'s performance contract: a page of stations with its region, every kind of
 * platform with its own fields, its first 20 service items, its co-builders with their
 * organizations, its managing organization and contact cadre costs the same number of SQL
 * statements for 10 stations as for 100.
 */
const t = useTestApp();

const PAGE = `query($first: Int!, $region: String!) {
  stations(first: $first, filter: { regionCode: $region, status: [OPEN] }) {
    nodes {
      code name
      region { code name }
      platforms { nodes {
        __typename name ownerRef department { code name }
        ... on UnionCareStation { amenities restSeats }
        ... on GigWorkStation { jobPostings matchesMade registeredWorkers }
        ... on GovServicePoint24h { selfServiceTerminals serviceItems { nodes { code name } } }
        ... on BusSelfServicePoint { busServices terminals }
        ... on PriceDisputeMediationPoint { casesReceived casesMediated mediators }
        ... on OtherPlatform { kindName }
      } }
      serviceItems(first: 20) { totalCount nodes { mode since status serviceItem { code name department { name } } } }
      coBuildings { nodes { role commitments organization { name kind creditCode } } }
      managingOrganization { name kind }
      contactCadre { name role }
    }
  }
}`;

interface PageNode {
  platforms: { nodes: { __typename: string }[] };
  serviceItems: { totalCount: number; nodes: unknown[] };
  coBuildings: { nodes: unknown[] };
  managingOrganization: unknown;
  contactCadre: unknown;
}

async function measure(first: number): Promise<{ statements: number; nodes: PageNode[] }> {
  let nodes: PageNode[] = [];
  const statements = await t.countStatements(async () => {
    const res = await t.gql(PAGE, { first, region: SEED.fanchengCode });
    expect(res.errors).toBeUndefined();
    nodes = res.data.stations.nodes;
  });
  return { statements, nodes };
}

it('costs the same number of SQL statements for 10 stations as for 100', async () => {
  const small = await measure(10);
  const large = await measure(100);
  expect(small.nodes).toHaveLength(10);
  expect(large.nodes).toHaveLength(100);

  // Both pages exercise every relation (a relation no station on a page has costs no statement,
  // which would make the comparison say nothing).
  for (const page of [small, large]) {
    const kinds = new Set(page.nodes.flatMap((node) => node.platforms.nodes.map((platform) => platform.__typename)));
    expect(kinds.has('GovServicePoint24h') && kinds.has('UnionCareStation')).toBe(true);
    expect(page.nodes.some((node) => node.serviceItems.nodes.length === 20 && node.serviceItems.totalCount > 20)).toBe(true);
    expect(page.nodes.some((node) => node.coBuildings.nodes.length > 0)).toBe(true);
    expect(page.nodes.every((node) => node.managingOrganization && node.contactCadre)).toBe(true);
  }
  expect(large.statements).toBe(small.statements);
});
