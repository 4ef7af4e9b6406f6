import { createRng, seedUuid } from './support/deterministic';
import { insertBatches, type SeedDb } from './support/seed-db';
import { insertDepartments, type SeedDepartment } from './xiangyang.departments';
import { MAKENG_COMMUNITY_CODE } from './yanping.data';
import { buildYanpingOrganizations, type YanpingOrganization } from './yanping.organizations';
import { addDays, at, dayBetween, loadYanpingPlaces, pointNear, residentOf, yanpingDistrictId, type YanpingPlace } from './yanping.places';

/**
 * Who handles Yanping's needs, and where residents deliberate: the district departments that
 * night-patrol issues and agenda decisions are referred to (交办), the serving party members (在职党员)
 * who claim orders in person, the volunteer teams — 62 formed by residents (帮帮团, 评理团), one in
 * each urban community, and 198 sent down under 六进小区 (机关单位, 商会企业, 公益组织, 在职党员,
 * 代表委员, 群团队伍: 33 of each kind) — with their members, and 245 deliberation venues (连心园,
 * 议事亭, 睦邻点, 议事平台) plus a few 小院话事 courtyards. All of it exists by the end of 2023, before
 * the needs of NEEDS_YEAR that the next step records.
 */

export const YANPING_DEPARTMENTS: readonly SeedDepartment[] = [
  { code: 'YP-CGJ', name: '南平市延平区城市管理和综合执法局', shortName: '延平区城管局', level: 'DISTRICT', regionCode: '350702' },
  { code: 'YP-GAFJ', name: '南平市公安局延平分局', shortName: '延平公安分局', level: 'DISTRICT', regionCode: '350702' },
  { code: 'YP-JJDD', name: '南平市公安局交通警察支队延平大队', shortName: '延平交警大队', level: 'DISTRICT', regionCode: '350702' },
  { code: 'YP-SCJ', name: '南平市延平区市场监督管理局', shortName: '延平区市场监管局', level: 'DISTRICT', regionCode: '350702' },
  { code: 'YP-JTJ', name: '南平市延平区交通运输局', shortName: '延平区交通运输局', level: 'DISTRICT', regionCode: '350702' },
  { code: 'YP-ZJJ', name: '南平市延平区住房和城乡建设局', shortName: '延平区住建局', level: 'DISTRICT', regionCode: '350702' },
  { code: 'YP-MZJ', name: '南平市延平区民政局', shortName: '延平区民政局', level: 'DISTRICT', regionCode: '350702' },
];
const DEPARTMENTS_CREATED_AT = '2023-01-04T09:00:00+08:00';

/** 在职党员 registered for claiming orders in person (双报到), each with a 机关 party organization. */
export const YANPING_PARTY_MEMBERS = 120;
const PARTY_MEMBERS_CREATED_AT = '2023-03-01T09:00:00+08:00';

export type YanpingTeamKind = 'HELP_TEAM' | 'ARBITRATION_TEAM' | 'PARTY_MEMBER_TEAM' | 'ORGAN_TEAM' | 'ENTERPRISE_TEAM' | 'PUBLIC_WELFARE_TEAM' | 'DEPUTY_TEAM' | 'MASS_ORG_TEAM';

/** The six kinds of 六进小区 teams, 33 of each. */
export const SENT_DOWN_KINDS: readonly YanpingTeamKind[] = ['ORGAN_TEAM', 'ENTERPRISE_TEAM', 'PUBLIC_WELFARE_TEAM', 'PARTY_MEMBER_TEAM', 'DEPUTY_TEAM', 'MASS_ORG_TEAM'];
const SENT_DOWN_PER_KIND = 33;

export interface YanpingTeam {
  id: string;
  name: string;
  kind: YanpingTeamKind;
  /** Its community's code. */
  communityCode: string;
  createdOn: string;
}

export interface YanpingPartyMember {
  id: string;
  name: string;
}

/** A short name of an organization for a team's name: 区财政局, 莆田商会, 同心社会工作服务中心. */
function shortName(organization: YanpingOrganization): string {
  return organization.name
    .replace(/^中共南平市延平区/, '区')
    .replace(/^中共/, '')
    .replace(/^南平市延平区/, '')
    .replace(/(机关)?(支部)?委员会$/, '');
}

const MASS_ORGS = ['团区委青年志愿服务队', '区妇联巾帼志愿服务队', '区总工会职工志愿服务队', '区残联助残志愿服务队'];

/** Party members' ids (deterministic), for the needs step. */
export function partyMemberId(index: number): string {
  return seedUuid('person', `yanping-party-member:${index}`);
}

/** The teams, in a fixed order: the residents' own, one per urban community, then the 六进小区 ones. */
export function buildYanpingTeams(
  places: readonly YanpingPlace[],
  organizations: readonly YanpingOrganization[],
): (YanpingTeam & { organizationId: string | null; stationId: string | null; sentDownOn: string | null })[] {
  const rng = createRng('yanping-teams:teams');
  const urban = places.filter((place) => place.urban && place.station);
  const ofKinds = (kinds: readonly string[]) => organizations.filter((organization) => kinds.includes(organization.kind));
  const pools: Partial<Record<YanpingTeamKind, YanpingOrganization[]>> = {
    ORGAN_TEAM: ofKinds(['DUAL_REPORTING_PARTY_ORG', 'RESIDENT_UNIT_PARTY_ORG']),
    ENTERPRISE_TEAM: ofKinds(['CHAMBER', 'ENTERPRISE']),
    PUBLIC_WELFARE_TEAM: ofKinds(['SOCIAL_ORG', 'VOLUNTEER_ORG']),
  };
  const teams: (YanpingTeam & { organizationId: string | null; stationId: string | null; sentDownOn: string | null })[] = [];
  // 马坑社区's is a 帮帮团, as is every other community's in code order; the rest are 评理团.
  const makengParity = urban.findIndex((place) => place.code === MAKENG_COMMUNITY_CODE) % 2;
  urban.forEach((place, i) => {
    const kind: YanpingTeamKind = i % 2 === makengParity ? 'HELP_TEAM' : 'ARBITRATION_TEAM';
    const createdOn = dayBetween(rng, '2023-12-01', '2023-12-28');
    const name = `${place.name}${kind === 'HELP_TEAM' ? '帮帮团' : '评理团'}`;
    teams.push({ id: seedUuid('volunteer-team', name), name, kind, communityCode: place.code, createdOn, organizationId: null, stationId: place.station!.id, sentDownOn: null });
  });
  SENT_DOWN_KINDS.forEach((kind, k) => {
    const pool = pools[kind];
    for (let j = 0; j < SENT_DOWN_PER_KIND; j++) {
      const place = urban[(k * SENT_DOWN_PER_KIND + j) % urban.length];
      const organization = pool ? pool[j % pool.length] : null;
      const name =
        kind === 'PARTY_MEMBER_TEAM'
          ? `${place.name}在职党员先锋队`
          : kind === 'DEPUTY_TEAM'
            ? `${place.name}人大代表政协委员联络服务队`
            : kind === 'MASS_ORG_TEAM'
              ? `${MASS_ORGS[j % MASS_ORGS.length]}（${place.name}）`
              : `${shortName(organization!)}进${place.name}服务队`;
      const sentDownOn = dayBetween(rng, '2023-10-09', '2023-12-15');
      teams.push({
        id: seedUuid('volunteer-team', `${kind}:${place.code}:${name}`),
        name,
        kind,
        communityCode: place.code,
        createdOn: sentDownOn,
        organizationId: organization?.id ?? null,
        stationId: null,
        sentDownOn,
      });
    }
  });
  return teams;
}

interface SeedVenue {
  id: string;
  name: string;
  kind: string;
  place: YanpingPlace;
  stationId: string | null;
  address: string;
}

/** 连心园 and 睦邻点 in every urban community, 议事亭 in its estates, 议事平台 in the villages: 245 in all. */
function buildVenues(places: readonly YanpingPlace[]): SeedVenue[] {
  const venues: SeedVenue[] = [];
  const add = (place: YanpingPlace, kind: string, name: string, stationId: string | null) =>
    venues.push({
      id: seedUuid('deliberation-venue', `${place.code}:${name}`),
      name,
      kind,
      place,
      stationId,
      address: `福建省南平市延平区${place.streetName}${place.name}${name.replace(place.name, '')}`,
    });
  const urban = places.filter((place) => place.urban && place.station);
  for (const place of urban) {
    add(place, 'LIANXIN_GARDEN', `${place.name}连心园`, place.station!.id);
    add(place, 'DELIBERATION_PAVILION', `${place.estates[0]}议事亭`, null);
    add(place, 'NEIGHBOURHOOD_POINT', `${place.estates[1] ?? place.estates[0]}睦邻点`, null);
  }
  for (const place of places.filter((p) => p.village).slice(0, 245 - venues.length)) add(place, 'DELIBERATION_PLATFORM', `${place.name}议事平台`, null);
  // 小院话事: courtyards in a few communities, registered as venues of their own kind (not among the 245).
  for (const place of urban.slice(0, 12)) add(place, 'COURTYARD', `${place.estates[2] ?? place.estates[0]}小院话事点`, null);
  return venues;
}

/** Seed step: Yanping's departments, party members, volunteer teams with members, and deliberation venues. */
export async function seedYanpingTeams(db: SeedDb): Promise<Record<string, number>> {
  const departments = await insertDepartments(db, YANPING_DEPARTMENTS, DEPARTMENTS_CREATED_AT);
  const places = await loadYanpingPlaces(db);
  const districtId = await yanpingDistrictId(db);
  const organizations = buildYanpingOrganizations();
  const rng = createRng('yanping-teams:people');

  const organPartyOrgs = organizations.filter((organization) => organization.kind === 'DUAL_REPORTING_PARTY_ORG');
  const members = Array.from({ length: YANPING_PARTY_MEMBERS }, (_, i) => ({
    id: partyMemberId(i),
    ...residentOf(rng),
    organizationId: organPartyOrgs[i % organPartyOrgs.length].id,
  }));
  await insertBatches(
    db,
    'person',
    ['id', 'name', 'role', 'phone', 'is_party_member', 'organization_id', 'region_id', 'created_at', 'updated_at'],
    members.map((m) => [m.id, m.name, 'DUAL_REPORTING_PARTY_MEMBER', m.phone, true, m.organizationId, districtId, PARTY_MEMBERS_CREATED_AT, PARTY_MEMBERS_CREATED_AT]),
  );

  const byCode = new Map(places.map((place) => [place.code, place]));
  const teams = buildYanpingTeams(places, organizations);
  await insertBatches(
    db,
    'volunteer_team',
    ['id', 'name', 'kind', 'region_id', 'station_id', 'organization_id', 'sent_down_at', 'created_at', 'updated_at'],
    teams.map((team) => [
      team.id,
      team.name,
      team.kind,
      byCode.get(team.communityCode)!.regionId,
      team.stationId,
      team.organizationId,
      team.sentDownOn,
      at(team.createdOn, 10),
      at(team.createdOn, 10),
    ]),
  );

  // Members: residents known to the team (name and phone: personal data), or for the 在职党员 teams
  // registered party members; the first is the leader. Party members serve in one team each.
  const memberRows: unknown[][] = [];
  let nextPartyMember = 0;
  for (const team of teams) {
    const size = team.kind === 'PARTY_MEMBER_TEAM' ? 3 : rng.int(team.kind === 'HELP_TEAM' || team.kind === 'ARBITRATION_TEAM' ? 6 : 4, 12);
    for (let i = 0; i < size; i++) {
      const joinedOn = i === 0 ? team.createdOn : addDays(team.createdOn, rng.int(0, 3));
      const role = i === 0 ? 'LEADER' : 'MEMBER';
      const id = seedUuid('volunteer-team-member', `${team.id}:${i}`);
      if (team.kind === 'PARTY_MEMBER_TEAM') {
        memberRows.push([id, team.id, members[nextPartyMember++ % members.length].id, null, null, role, joinedOn, at(joinedOn, 11), at(joinedOn, 11)]);
      } else {
        const resident = residentOf(rng);
        memberRows.push([id, team.id, null, resident.name, rng.chance(0.8) ? resident.phone : null, role, joinedOn, at(joinedOn, 11), at(joinedOn, 11)]);
      }
    }
  }
  await insertBatches(db, 'volunteer_team_member', ['id', 'team_id', 'person_id', 'name', 'phone', 'role', 'joined_on', 'created_at', 'updated_at'], memberRows);

  const venueRng = createRng('yanping-teams:venues');
  const venues = buildVenues(places);
  await insertBatches(
    db,
    'deliberation_venue',
    ['id', 'name', 'kind', 'region_id', 'station_id', 'address', 'lat', 'lng', 'created_at', 'updated_at'],
    venues.map((venue) => {
      const point = pointNear(venue.place, venueRng, venue.place.village ? 800 : 350);
      const created = at(dayBetween(venueRng, '2023-09-01', '2023-09-30'), 10);
      return [venue.id, venue.name, venue.kind, venue.place.regionId, venue.stationId, venue.address, point.lat, point.lng, created, created];
    }),
  );
  return {
    yanpingDepartments: departments,
    yanpingPartyMembers: members.length,
    yanpingVolunteerTeams: teams.length,
    yanpingTeamMembers: memberRows.length,
    yanpingVenues: venues.length,
  };
}

/** The id of a community's 连心园 (the venue its 民生议事厅 meets in). */
export function lianxinGardenId(place: YanpingPlace): string {
  return seedUuid('deliberation-venue', `${place.code}:${place.name}连心园`);
}
