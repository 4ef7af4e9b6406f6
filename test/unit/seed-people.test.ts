import { normalisePhone } from '../../src/modules/person/phone';
import { buildXiangyangDataset, type XiangyangDataset } from '../../seeds/xiangyang.data';
import { buildPeopleDataset, EVENING_POST_DISTRICT, partyOrganizationName, ROSTER_WEEK, type PeopleDataset, type PeopleSeedStation } from '../../seeds/xiangyang.people';
import { PEOPLE_SEED } from '../helpers/fixtures';

/** The stations as the seed step reads them back from the database, built from the registry dataset instead. */
function seedStations(registry: XiangyangDataset): PeopleSeedStation[] {
  const regions = new Map(registry.regions.map((region) => [region.code, region]));
  return registry.stations.map((station) => {
    const community = regions.get(station.regionCode)!;
    return {
      id: station.id,
      code: station.code,
      status: station.status,
      tier: station.tier,
      openedOn: station.openedOn,
      communityCode: community.code,
      communityName: community.name,
      streetCode: community.parentCode!,
    };
  });
}

describe('Xiangyang people, station management and duty rosters', () => {
  let registry: XiangyangDataset;
  let stations: PeopleSeedStation[];
  let dataset: PeopleDataset;
  const count = <T>(items: readonly T[], key: (item: T) => string) => {
    const counts: Record<string, number> = {};
    for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  };

  beforeAll(() => {
    registry = buildXiangyangDataset();
    stations = seedStations(registry);
    dataset = buildPeopleDataset(stations);
  });

  it('is deterministic and does not depend on the order stations are read in', () => {
    expect(JSON.stringify(buildPeopleDataset([...stations].reverse()))).toBe(JSON.stringify(dataset));
  });

  it('has the figures the integration tests rely on', () => {
    expect(dataset.organizations).toHaveLength(PEOPLE_SEED.partyOrganizations);
    expect(dataset.people).toHaveLength(PEOPLE_SEED.people);
    expect(count(dataset.people, (person) => person.role)).toEqual(PEOPLE_SEED.peopleByRole);
    expect(dataset.gridWorkers).toHaveLength(PEOPLE_SEED.gridWorkerLinks);
    expect(dataset.shifts).toHaveLength(PEOPLE_SEED.dutyShifts);
    expect(count(dataset.shifts, (shift) => shift.kind)).toEqual(PEOPLE_SEED.shiftsByKind);
  });

  it('gives every community with a station one party organization, which manages all its stations', () => {
    const communities = new Set(stations.map((station) => station.communityCode));
    expect(new Set(dataset.organizations.map((organization) => organization.communityCode))).toEqual(communities);
    expect(dataset.organizations).toHaveLength(communities.size);
    const organizationOf = new Map(dataset.organizations.map((organization) => [organization.id, organization]));
    const stationById = new Map(stations.map((station) => [station.id, station]));
    expect(dataset.management).toHaveLength(stations.length);
    expect(dataset.management.filter((link) => organizationOf.get(link.organizationId)!.communityCode !== stationById.get(link.stationId)!.communityCode)).toEqual([]);
    for (const organization of dataset.organizations) expect(organization.name).toMatch(/^中共.+(社区委员会|村支部委员会|委员会)$/);
    expect(partyOrganizationName('安居社区')).toBe('中共安居社区委员会');
    expect(partyOrganizationName('杨村')).toBe('中共杨村支部委员会');
  });

  it("makes each station's contact a two-committees cadre of its own community, a party member of its party organization", () => {
    const people = new Map(dataset.people.map((person) => [person.id, person]));
    const stationById = new Map(stations.map((station) => [station.id, station]));
    const misfits = dataset.management.filter((link) => {
      const cadre = people.get(link.contactCadreId)!;
      return (
        cadre.role !== 'TWO_COMMITTEES_CADRE' ||
        !cadre.isPartyMember ||
        cadre.organizationId !== link.organizationId ||
        cadre.regionCode !== stationById.get(link.stationId)!.communityCode
      );
    });
    expect(misfits).toEqual([]);
  });

  it('stations one to three grid workers at every station, none at two stations', () => {
    const people = new Map(dataset.people.map((person) => [person.id, person]));
    const perStation = count(dataset.gridWorkers, (link) => link.stationId);
    expect(Object.keys(perStation)).toHaveLength(stations.length);
    expect(Math.min(...Object.values(perStation))).toBe(1);
    expect(Math.max(...Object.values(perStation))).toBe(3);
    expect(new Set(dataset.gridWorkers.map((link) => link.personId)).size).toBe(dataset.gridWorkers.length);
    expect(dataset.gridWorkers.filter((link) => people.get(link.personId)!.role !== 'GRID_WORKER' || link.since < '2021-06-01' || link.since > '2023-12-31')).toEqual([]);
  });

  it('gives everyone a realistic Chinese name and a valid, unique phone number', () => {
    expect(dataset.people.filter((person) => !/^[\u4e00-\u9fff]{2,3}$/.test(person.name) || normalisePhone(person.phone) !== person.phone)).toEqual([]);
    expect(new Set(dataset.people.map((person) => person.phone)).size).toBe(dataset.people.length);
    expect(new Set(dataset.people.map((person) => person.name)).size).toBeGreaterThan(1000);
    expect(dataset.people.some((person) => person.phone.startsWith('0710-'))).toBe(true);
  });

  it("links dual-reporting party members and party-member volunteers to their community's party organization", () => {
    const organizations = new Set(dataset.organizations.map((organization) => organization.id));
    for (const person of dataset.people.filter((p) => p.role === 'DUAL_REPORTING_PARTY_MEMBER')) {
      expect(person.isPartyMember).toBe(true);
      expect(organizations.has(person.organizationId!)).toBe(true);
    }
    for (const person of dataset.people.filter((p) => p.role === 'VOLUNTEER')) {
      expect(person.organizationId !== null).toBe(person.isPartyMember);
    }
  });

  it('rosters only open stations, within the week, each shift by exactly one person or organization and at most 24 hours', () => {
    const open = new Set(stations.filter((station) => station.status === 'OPEN').map((station) => station.id));
    const weekStart = new Date(`${ROSTER_WEEK[0]}T00:00:00+08:00`).getTime();
    const weekEnd = weekStart + 7 * 24 * 3600_000;
    const misfits = dataset.shifts.filter((shift) => {
      const starts = new Date(shift.startsAt).getTime();
      const ends = new Date(shift.endsAt).getTime();
      return (
        !open.has(shift.stationId) ||
        (shift.personId === null) === (shift.organizationId === null) ||
        starts < weekStart ||
        ends > weekEnd ||
        !(ends > starts && ends - starts <= 24 * 3600_000)
      );
    });
    expect(misfits).toEqual([]);
    expect(new Set(dataset.shifts.map((shift) => shift.id)).size).toBe(dataset.shifts.length);
    const regularPerStation = count(
      dataset.shifts.filter((shift) => shift.kind === 'REGULAR'),
      (shift) => shift.stationId,
    );
    expect(Object.keys(regularPerStation)).toHaveLength(open.size);
    expect(new Set(Object.values(regularPerStation))).toEqual(new Set([7]));
  });

  it('keeps the 七点半岗哨 at every open station of 樊城区 every evening, 19:30–21:30', () => {
    const fancheng = stations.filter((station) => station.status === 'OPEN' && station.communityCode.startsWith(EVENING_POST_DISTRICT));
    expect(fancheng).toHaveLength(PEOPLE_SEED.fanchengOpenStations);
    const posts = dataset.shifts.filter((shift) => shift.kind === 'EVENING_POST');
    expect(posts).toHaveLength(fancheng.length * 7);
    const keys = new Set(posts.map((shift) => `${shift.stationId}:${shift.startsAt}`));
    for (const station of fancheng) {
      for (const date of ROSTER_WEEK) expect(keys.has(`${station.id}:${date}T19:30:00+08:00`)).toBe(true);
    }
    expect(posts.every((shift) => shift.endsAt.endsWith('T21:30:00+08:00') && shift.personId !== null)).toBe(true);
  });

  it('never puts one person on two shifts at once', () => {
    const byPerson = new Map<string, { starts: number; ends: number }[]>();
    for (const shift of dataset.shifts) {
      if (!shift.personId) continue;
      const list = byPerson.get(shift.personId) ?? [];
      list.push({ starts: new Date(shift.startsAt).getTime(), ends: new Date(shift.endsAt).getTime() });
      byPerson.set(shift.personId, list);
    }
    const clashes: string[] = [];
    for (const [personId, list] of byPerson) {
      list.sort((a, b) => a.starts - b.starts);
      for (let i = 1; i < list.length; i++) if (list[i].starts < list[i - 1].ends) clashes.push(personId);
    }
    expect(clashes).toEqual([]);
  });
});
