import { checkCreditCode } from '../../src/modules/organization/credit-code';
import { OrganizationKind } from '../../src/modules/organization/organization.enums';
import { CoBuildingRole, CommitmentKind } from '../../src/modules/co-building/co-building.enums';
import { ActivityCategory, MAX_ACTIVITY_DAYS } from '../../src/modules/activity/activity.enums';
import { buildXiangyangDataset, type SeedStation } from '../../seeds/xiangyang.data';
import { buildSeedCoBuildings, buildSeedOrganizations, type SeedCoBuilding, type SeedOrganization } from '../../seeds/xiangyang.organizations';
import { buildSeedActivities, type SeedActivity } from '../../seeds/xiangyang.activities';
import { ORGANIZATION_SEED } from '../helpers/fixtures';

/** The organization, co-building and activity seeds must reproduce their figures, every time. */
describe('organization, co-building and activity seed builders', () => {
  let stations: SeedStation[];
  let organizations: SeedOrganization[];
  let coBuildings: SeedCoBuilding[];
  let activities: SeedActivity[];
  const stationById = () => new Map(stations.map((station) => [station.id, station]));

  beforeAll(() => {
    stations = buildXiangyangDataset().stations;
    organizations = buildSeedOrganizations();
    coBuildings = buildSeedCoBuildings(organizations, stations);
    activities = buildSeedActivities(stations, coBuildings);
  });

  it('is deterministic and does not depend on the order stations are listed in', () => {
    expect(JSON.stringify(buildSeedOrganizations())).toBe(JSON.stringify(organizations));
    const reversed = [...stations].reverse();
    expect(JSON.stringify(buildSeedCoBuildings(organizations, reversed))).toBe(JSON.stringify(coBuildings));
    expect(JSON.stringify(buildSeedActivities(reversed, [...coBuildings].reverse()))).toBe(JSON.stringify(activities));
  });

  describe('organizations', () => {
    it('has every kind except community party organizations, which another step seeds', () => {
      expect(organizations).toHaveLength(ORGANIZATION_SEED.organizations);
      const kinds = new Set(organizations.map((organization) => organization.kind));
      const expected = Object.values(OrganizationKind).filter((kind) => kind !== OrganizationKind.COMMUNITY_PARTY_ORG);
      expect([...kinds].sort()).toEqual([...expected].sort());
      expect(organizations.filter((organization) => organization.kind === 'SOCIAL_ORG')).toHaveLength(ORGANIZATION_SEED.socialOrgs);
    });

    it('has unique names and ids, Xiangyang regions, and well-formed contacts', () => {
      expect(new Set(organizations.map((organization) => organization.name)).size).toBe(organizations.length);
      expect(new Set(organizations.map((organization) => organization.id)).size).toBe(organizations.length);
      for (const organization of organizations) {
        expect(organization.regionCode).toMatch(/^4206\d\d$/);
        expect(organization.contactPhone).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/);
        expect([...organization.contactName].length).toBeLessThanOrEqual(4);
      }
    });

    it('gives every organization but the party organizations a credit code, all unique', () => {
      const party = new Set(['DUAL_REPORTING_PARTY_ORG', 'RESIDENT_UNIT_PARTY_ORG']);
      for (const organization of organizations) expect(organization.creditCode === null).toBe(party.has(organization.kind));
      const codes = organizations.flatMap((organization) => (organization.creditCode ? [organization.creditCode] : []));
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('generates only valid codes, except exactly three flagged early Fujian pilot codes', () => {
      const flagged = organizations.filter((organization) => organization.creditCodeWarning === 'CHECK_CHARACTER_MISMATCH');
      expect(flagged).toHaveLength(ORGANIZATION_SEED.creditCodeWarnings);
      for (const organization of flagged) {
        expect(checkCreditCode(organization.creditCode!).status).toBe('CHECK_MISMATCH');
        expect(organization.creditCode!.slice(2, 4)).toBe('35');
      }
      for (const organization of organizations.filter((o) => o.creditCode && !o.creditCodeWarning)) {
        expect(checkCreditCode(organization.creditCode!)).toEqual({ status: 'VALID', code: organization.creditCode });
      }
    });

    it('builds codes with a type that fits the kind and the registering Xiangyang division', () => {
      const typeOf: Partial<Record<string, string[]>> = {
        ENTERPRISE: ['91'],
        PROPERTY_SERVICE: ['91'],
        PUBLIC_INSTITUTION: ['12'],
        GOVERNMENT_AGENCY: ['11'],
        CHAMBER: ['51'],
        SOCIAL_ORG: ['51', '52'],
        VOLUNTEER_ORG: ['51', '52'],
        OTHER: ['81', '93'],
      };
      for (const organization of organizations.filter((o) => o.creditCode && !o.creditCodeWarning)) {
        expect(typeOf[organization.kind]).toContain(organization.creditCode!.slice(0, 2));
        expect(organization.creditCode!.slice(2, 8)).toBe(organization.regionCode);
      }
    });

    it('keeps the seeded social organization the integration tests use', () => {
      const social = organizations.find((organization) => organization.name === ORGANIZATION_SEED.socialOrgName)!;
      expect(social.creditCode).toBe(ORGANIZATION_SEED.socialOrgCreditCode);
      expect(coBuildings.filter((coBuilding) => coBuilding.organizationId === social.id)).toHaveLength(ORGANIZATION_SEED.socialOrgCoBuildings);
      expect(activities.filter((activity) => activity.organizerId === social.id)).toHaveLength(ORGANIZATION_SEED.socialOrgActivities);
    });
  });

  describe('co-buildings', () => {
    it("has its own number of co-buildings (the 327 of the article are Yanping's), all with open stations, every open 暖新 station co-built", () => {
      expect(coBuildings).not.toHaveLength(327);
      const warmNewOpen = stations.filter((station) => station.kind === 'WARM_NEW' && station.status === 'OPEN');
      const coBuilt = new Set(coBuildings.map((coBuilding) => coBuilding.stationId));
      expect(warmNewOpen.every((station) => coBuilt.has(station.id))).toBe(true);
      expect(coBuildings).toHaveLength(ORGANIZATION_SEED.coBuildings);
      const byId = stationById();
      for (const coBuilding of coBuildings) expect(byId.get(coBuilding.stationId)?.status).toBe('OPEN');
      expect(new Set(coBuildings.map((coBuilding) => coBuilding.id)).size).toBe(coBuildings.length);
    });

    it('uses every role and every commitment kind', () => {
      expect(new Set(coBuildings.map((coBuilding) => coBuilding.role))).toEqual(new Set(Object.values(CoBuildingRole)));
      expect(new Set(coBuildings.flatMap((coBuilding) => coBuilding.commitments))).toEqual(new Set(Object.values(CommitmentKind)));
      for (const coBuilding of coBuildings) {
        expect(coBuilding.commitments.length).toBeGreaterThan(0);
        expect(new Set(coBuilding.commitments).size).toBe(coBuilding.commitments.length);
        expect(coBuilding.commitmentNote).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('never has two relations of one organization, station and role, and no period ends before it starts', () => {
      const keys = coBuildings.map((coBuilding) => `${coBuilding.organizationId}|${coBuilding.stationId}|${coBuilding.role}`);
      expect(new Set(keys).size).toBe(keys.length);
      const byId = stationById();
      for (const coBuilding of coBuildings) {
        if (coBuilding.validTo) expect(coBuilding.validTo >= coBuilding.validFrom).toBe(true);
        expect(coBuilding.validFrom >= byId.get(coBuilding.stationId)!.openedOn!).toBe(true);
        expect(coBuilding.validFrom <= '2023-12-31').toBe(true);
        if (coBuilding.role === 'CO_BUILDER') expect(coBuilding.agreementSignedOn).toBe(coBuilding.validFrom);
      }
      expect(coBuildings.some((coBuilding) => coBuilding.validTo !== null && coBuilding.validTo < '2025-01-01')).toBe(true);
      expect(coBuildings.filter((coBuilding) => coBuilding.validTo === null).length).toBeGreaterThan(250);
    });

    it('co-builds every open 暖新 station with a delivery or express team, and each organization stays in its district', () => {
      const organizationById = new Map(organizations.map((organization) => [organization.id, organization]));
      const byId = stationById();
      for (const station of stations.filter((s) => s.kind === 'WARM_NEW' && s.status === 'OPEN')) {
        const teams = coBuildings.filter((c) => c.stationId === station.id).map((c) => organizationById.get(c.organizationId)!);
        expect(teams.some((team) => team.warmNew)).toBe(true);
      }
      for (const coBuilding of coBuildings) {
        const organization = organizationById.get(coBuilding.organizationId)!;
        if (organization.regionCode !== '420600') expect(byId.get(coBuilding.stationId)!.regionCode.startsWith(organization.regionCode)).toBe(true);
      }
    });

    it('gives the 安居 暖新 station the co-builders the integration tests expect', () => {
      const station = stations.find((s) => s.code === ORGANIZATION_SEED.anjuWarmNewStationCode)!;
      const names = coBuildings
        .filter((coBuilding) => coBuilding.stationId === station.id)
        .map((coBuilding) => organizations.find((o) => o.id === coBuilding.organizationId)!.name)
        .sort();
      expect(names).toEqual([...ORGANIZATION_SEED.anjuWarmNewCoBuilders].sort());
    });
  });

  describe('activities', () => {
    it('holds a few thousand activities of every category, including 老年学校 and 四点半课堂', () => {
      expect(activities).toHaveLength(ORGANIZATION_SEED.activities);
      const categories = new Set(activities.map((activity) => activity.category));
      expect(categories).toEqual(new Set(Object.values(ActivityCategory)));
      expect(activities.filter((activity) => activity.category === 'SENIOR_SCHOOL').length).toBeGreaterThan(100);
      expect(activities.filter((activity) => activity.category === 'AFTER_SCHOOL_CLASS').length).toBeGreaterThan(100);
      for (const activity of activities.filter((a) => a.category === 'AFTER_SCHOOL_CLASS')) expect(activity.startsAt).toMatch(/T16:30:00\+08:00$/);
    });

    it('happen during 2023, after their station opened, and last more than nothing and at most seven days', () => {
      const byId = stationById();
      for (const activity of activities) {
        const station = byId.get(activity.stationId)!;
        expect(activity.startsAt.slice(0, 4)).toBe('2023');
        expect(activity.startsAt.slice(0, 10) >= station.openedOn!).toBe(true);
        expect(['OPEN', 'SUSPENDED']).toContain(station.status);
        const minutes = (Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 60_000;
        expect(minutes).toBeGreaterThan(0);
        expect(minutes).toBeLessThanOrEqual(MAX_ACTIVITY_DAYS * 24 * 60);
        expect(activity.participants).toBeGreaterThanOrEqual(0);
        expect([...activity.title].length).toBeLessThanOrEqual(100);
      }
      expect(new Set(activities.map((activity) => activity.id)).size).toBe(activities.length);
    });

    it("are organized, when at all, by one of the station's co-building organizations", () => {
      const partners = new Set(coBuildings.map((coBuilding) => `${coBuilding.stationId}|${coBuilding.organizationId}`));
      const organized = activities.filter((activity) => activity.organizerId !== null);
      expect(organized.length).toBeGreaterThan(50);
      for (const activity of organized) expect(partners.has(`${activity.stationId}|${activity.organizerId}`)).toBe(true);
    });
  });
});
