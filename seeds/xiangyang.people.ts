import { createRng, seedUuid, type Rng } from './support/deterministic';
import { insertBatches, loadRegionIds, type SeedDb } from './support/seed-db';

/**
 * People, station management links and one week of duty rosters for the Xiangyang demo seed.
 *
 * For every community or village that has a station: its party organization (中共XX社区委员会 /
 * 中共XX村支部委员会), which manages its stations, and a two-committees cadre who is their contact
 * (联系包保). Every station gets one to three stationed grid workers (网格员驻点); open stations get
 * station workers, social workers, volunteers and dual-reporting party members as they need them.
 * The rosters cover the week of 2023-12-25 to 2023-12-31 (China Standard Time): a regular day shift
 * at every open station each day, extended hours at leading stations, the 七点半岗哨 evening post at every
 * open station of 樊城区 each evening, and weekend volunteer watches. Nobody is ever on two shifts
 * at once (the database's exclusion constraint would refuse the seed).
 */

/** A station as this step needs it, read back from the database (or built from the dataset in tests). */
export interface PeopleSeedStation {
  id: string;
  code: string;
  status: string;
  tier: string;
  openedOn: string | null;
  communityCode: string;
  communityName: string;
  streetCode: string;
}

export type SeedPersonRole = 'TWO_COMMITTEES_CADRE' | 'STREET_CADRE' | 'GRID_WORKER' | 'STATION_STAFF' | 'SOCIAL_WORKER' | 'VOLUNTEER' | 'DUAL_REPORTING_PARTY_MEMBER';
export type SeedShiftKind = 'REGULAR' | 'EXTENDED_HOURS' | 'EVENING_POST' | 'VOLUNTEER';

export interface SeedPartyOrganization {
  id: string;
  name: string;
  communityCode: string;
}

export interface SeedPerson {
  id: string;
  name: string;
  role: SeedPersonRole;
  phone: string;
  isPartyMember: boolean;
  organizationId: string | null;
  regionCode: string;
}

export interface SeedStationManagement {
  stationId: string;
  organizationId: string;
  contactCadreId: string;
}

export interface SeedGridWorker {
  stationId: string;
  personId: string;
  since: string;
}

export interface SeedShift {
  id: string;
  stationId: string;
  personId: string | null;
  organizationId: string | null;
  /** ISO 8601 with the +08:00 offset. */
  startsAt: string;
  endsAt: string;
  kind: SeedShiftKind;
  note: string | null;
}

export interface PeopleDataset {
  organizations: SeedPartyOrganization[];
  people: SeedPerson[];
  management: SeedStationManagement[];
  gridWorkers: SeedGridWorker[];
  shifts: SeedShift[];
}

/** The rostered week, Monday to Sunday. */
export const ROSTER_WEEK: readonly string[] = ['2023-12-25', '2023-12-26', '2023-12-27', '2023-12-28', '2023-12-29', '2023-12-30', '2023-12-31'];
/** 樊城区: every open station there keeps the 七点半岗哨 evening post. */
export const EVENING_POST_DISTRICT = '420606';
export const EVENING_POST_HOURS = { starts: '19:30', ends: '21:30' } as const;

const RNG_LABEL = 'xiangyang-people';
const CREATED_AT = '2023-03-01T09:00:00+08:00';
const ROSTER_PUBLISHED_AT = '2023-12-22T16:00:00+08:00';
/** The three-year action plan started in 2021; stationing dates do not predate it. */
const STATIONING_BEGAN = '2021-06-01';
const STATIONING_OF_UNOPENED = '2023-12-01';

/** Common surnames, most frequent first (weights roughly follow their share of the population). */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '姜',
  '崔',
  '钟',
  '谭',
  '陆',
  '汪',
  '范',
  '金',
  '石',
  '廖',
  '贾',
  '夏',
  '韦',
  '付',
  '方',
  '白',
  '邹',
  '孟',
  '熊',
  '秦',
  '邱',
  '江',
  '尹',
  '薛',
  '闫',
  '段',
  '雷',
  '侯',
];
const GIVEN_SINGLE = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '华',
  '琳',
  '斌',
  '鹏',
  '辉',
  '红',
  '燕',
  '莉',
  '波',
  '宁',
];
const GIVEN_FIRST = [
  '建',
  '国',
  '志',
  '文',
  '晓',
  '海',
  '春',
  '秋',
  '玉',
  '德',
  '永',
  '家',
  '俊',
  '思',
  '子',
  '雨',
  '佳',
  '欣',
  '天',
  '明',
  '新',
  '红',
  '丽',
  '小',
  '金',
  '振',
  '宏',
  '立',
  '学',
  '世',
];
const GIVEN_SECOND = [
  '华',
  '平',
  '军',
  '英',
  '兰',
  '梅',
  '芳',
  '明',
  '强',
  '东',
  '峰',
  '林',
  '涛',
  '琴',
  '娟',
  '杰',
  '涵',
  '轩',
  '怡',
  '萍',
  '霞',
  '辉',
  '宇',
  '敏',
  '波',
  '刚',
  '燕',
  '飞',
  '玲',
  '成',
];
/** Mobile prefixes of the three carriers. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];

interface Generators {
  names: Rng;
  phones: Rng;
  usedPhones: Set<string>;
}

function personName(rng: Rng): string {
  // Earlier surnames are more common: weight 1/(rank+4) keeps the long tail present.
  const surname = rng.weightedPick(
    SURNAMES.map((name, rank) => ({ name, rank })),
    (entry) => 1 / (entry.rank + 4),
  ).name;
  return rng.chance(0.3) ? surname + rng.pick(GIVEN_SINGLE) : surname + rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND);
}

/** A mobile number, or with `landline` a Xiangyang office number (area code 0710); never the same twice. */
function phoneNumber(gen: Generators, landline = false): string {
  for (;;) {
    const phone = landline
      ? `0710-${gen.phones.pick(['2', '3', '5', '6', '7', '8'])}${String(gen.phones.int(0, 999_999)).padStart(6, '0')}`
      : `${gen.phones.pick(MOBILE_PREFIXES)}${String(gen.phones.int(0, 99_999_999)).padStart(8, '0')}`;
    if (!gen.usedPhones.has(phone)) {
      gen.usedPhones.add(phone);
      return phone;
    }
  }
}

/** 中共安居社区委员会; a village's branch committee: 中共杨村支部委员会. */
export function partyOrganizationName(communityName: string): string {
  return communityName.endsWith('村') ? `中共${communityName}支部委员会` : `中共${communityName}委员会`;
}

function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** The dataset, from the stations in code order. Pure: the same stations always give the same rows. */
export function buildPeopleDataset(stations: readonly PeopleSeedStation[]): PeopleDataset {
  const gen: Generators = { names: createRng(`${RNG_LABEL}:names`), phones: createRng(`${RNG_LABEL}:phones`), usedPhones: new Set() };
  const staffing = createRng(`${RNG_LABEL}:staffing`);
  const people: SeedPerson[] = [];
  const addPerson = (key: string, role: SeedPersonRole, regionCode: string, options: { party: boolean; organizationId?: string | null; landline?: boolean }): SeedPerson => {
    const person: SeedPerson = {
      id: seedUuid('person', key),
      name: personName(gen.names),
      role,
      phone: phoneNumber(gen, options.landline),
      isPartyMember: options.party,
      organizationId: options.organizationId ?? null,
      regionCode,
    };
    people.push(person);
    return person;
  };

  const sorted = [...stations].sort((a, b) => a.code.localeCompare(b.code));
  const organizations: SeedPartyOrganization[] = [];
  const organizationOf = new Map<string, SeedPartyOrganization>();
  const cadreOf = new Map<string, SeedPerson>();
  const streetsSeen = new Set<string>();
  for (const station of sorted) {
    if (!organizationOf.has(station.communityCode)) {
      const organization = {
        id: seedUuid('organization', `community-party:${station.communityCode}`),
        name: partyOrganizationName(station.communityName),
        communityCode: station.communityCode,
      };
      organizations.push(organization);
      organizationOf.set(station.communityCode, organization);
      cadreOf.set(
        station.communityCode,
        addPerson(`cadre:${station.communityCode}`, 'TWO_COMMITTEES_CADRE', station.communityCode, { party: true, organizationId: organization.id }),
      );
    }
    if (!streetsSeen.has(station.streetCode)) {
      streetsSeen.add(station.streetCode);
      addPerson(`street-cadre:${station.streetCode}`, 'STREET_CADRE', station.streetCode, { party: true });
    }
  }

  const management: SeedStationManagement[] = [];
  const gridWorkers: SeedGridWorker[] = [];
  const shifts: SeedShift[] = [];
  const communitiesWithOrgShift = new Set<string>();
  const communitiesWithCadreOnPost = new Set<string>();
  for (const station of sorted) {
    const organization = organizationOf.get(station.communityCode)!;
    const cadre = cadreOf.get(station.communityCode)!;
    const community = station.communityCode;
    management.push({ stationId: station.id, organizationId: organization.id, contactCadreId: cadre.id });

    const since = station.openedOn ? (station.openedOn > STATIONING_BEGAN ? station.openedOn : STATIONING_BEGAN) : STATIONING_OF_UNOPENED;
    const workers = Array.from({ length: staffing.int(1, 3) }, (_, i) =>
      addPerson(`grid-worker:${station.code}:${i + 1}`, 'GRID_WORKER', community, { party: staffing.chance(0.35) }),
    );
    for (const worker of workers) gridWorkers.push({ stationId: station.id, personId: worker.id, since });

    const serving = station.status === 'OPEN' || station.status === 'SUSPENDED';
    const staffCount = !serving ? 0 : station.tier === 'LEADING' ? 2 : station.tier === 'STANDARD' ? 1 : 0;
    const staff = Array.from({ length: staffCount }, (_, i) =>
      addPerson(`station-staff:${station.code}:${i + 1}`, 'STATION_STAFF', community, { party: staffing.chance(0.5), landline: i === 0 && staffing.chance(0.5) }),
    );
    if (serving && station.tier === 'LEADING') addPerson(`social-worker:${station.code}`, 'SOCIAL_WORKER', community, { party: staffing.chance(0.3) });
    if (station.status !== 'OPEN') continue;

    const eveningPost = station.communityCode.startsWith(EVENING_POST_DISTRICT);
    const dualReporting = Array.from({ length: eveningPost ? 2 : staffing.chance(0.3) ? 1 : 0 }, (_, i) =>
      addPerson(`dual-reporting:${station.code}:${i + 1}`, 'DUAL_REPORTING_PARTY_MEMBER', community, { party: true, organizationId: organization.id }),
    );
    const volunteers = staffing.chance(0.35)
      ? [1, 2].map((n) => {
          const party = staffing.chance(0.2);
          return addPerson(`volunteer:${station.code}:${n}`, 'VOLUNTEER', community, { party, organizationId: party ? organization.id : null });
        })
      : [];

    const shift = (
      date: string,
      slot: string,
      kind: SeedShiftKind,
      starts: string,
      ends: string,
      who: { personId?: string; organizationId?: string },
      note: string | null = null,
    ) =>
      shifts.push({
        id: seedUuid('duty-shift', `${station.code}:${date}:${slot}`),
        stationId: station.id,
        personId: who.personId ?? null,
        organizationId: who.organizationId ?? null,
        startsAt: at(date, starts),
        endsAt: at(date, ends),
        kind,
        note,
      });
    const regular = [...staff, ...workers];
    // The community's cadre stands one evening post: at the first open station of the community.
    const evening = [...dualReporting, ...workers];
    if (eveningPost && !communitiesWithCadreOnPost.has(community)) {
      communitiesWithCadreOnPost.add(community);
      evening.unshift(cadre);
    }
    const orgShift = !communitiesWithOrgShift.has(community);
    communitiesWithOrgShift.add(community);

    ROSTER_WEEK.forEach((date, day) => {
      const weekend = day >= 5;
      const onDay = regular[day % regular.length].id;
      if (weekend) shift(date, 'day', 'REGULAR', '09:00', '17:00', { personId: onDay }, '周末错时服务');
      else {
        shift(date, 'day', 'REGULAR', '08:30', '17:30', { personId: onDay });
        if (station.tier === 'LEADING') {
          shift(date, 'extended', 'EXTENDED_HOURS', '17:30', '19:30', { personId: regular[(day + 1) % regular.length].id }, '下班后延时服务');
        }
      }
      if (eveningPost) {
        shift(
          date,
          'evening-post',
          'EVENING_POST',
          EVENING_POST_HOURS.starts,
          EVENING_POST_HOURS.ends,
          { personId: evening[day % evening.length].id },
          '七点半岗哨：接待群众、巡查周边',
        );
      }
      if (weekend && volunteers.length) {
        shift(date, 'volunteer', 'VOLUNTEER', '09:00', '11:30', { personId: volunteers[day - 5].id }, '志愿服务：代办咨询、关爱老人');
      }
      if (day === 5 && orgShift) {
        shift(date, 'party-day', 'VOLUNTEER', '14:30', '17:00', { organizationId: organization.id }, '主题党日志愿服务');
      }
    });
  }
  return { organizations, people, management, gridWorkers, shifts };
}

/** Seed step 'xiangyang-people'. */
export async function seedPeople(db: SeedDb): Promise<Record<string, number>> {
  const stations = await loadPeopleSeedStations(db);
  const dataset = buildPeopleDataset(stations);
  const regionIds = await loadRegionIds(db);
  const regionId = (code: string) => {
    const id = regionIds.get(code);
    if (id === undefined) throw new Error(`Region ${code} is not seeded`);
    return id;
  };

  await insertBatches(
    db,
    'organization',
    ['id', 'name', 'kind', 'region_id', 'created_at', 'updated_at'],
    dataset.organizations.map((o) => [o.id, o.name, 'COMMUNITY_PARTY_ORG', regionId(o.communityCode), CREATED_AT, CREATED_AT]),
  );
  await insertBatches(
    db,
    'person',
    ['id', 'name', 'role', 'phone', 'is_party_member', 'organization_id', 'region_id', 'created_at', 'updated_at'],
    dataset.people.map((p) => [p.id, p.name, p.role, p.phone, p.isPartyMember, p.organizationId, regionId(p.regionCode), CREATED_AT, CREATED_AT]),
  );
  // Seeded links are the stations' initial state, so their versions stay as the registry step left them.
  for (let start = 0; start < dataset.management.length; start += 2000) {
    const batch = dataset.management.slice(start, start + 2000);
    await db.execute(
      `update station s set managing_organization_id = v.organization_id::uuid, contact_cadre_id = v.contact_cadre_id::uuid
       from (values ${batch.map(() => '(?, ?, ?)').join(', ')}) as v(station_id, organization_id, contact_cadre_id)
       where s.id = v.station_id::uuid`,
      batch.flatMap((m) => [m.stationId, m.organizationId, m.contactCadreId]),
    );
  }
  await insertBatches(
    db,
    'station_grid_worker',
    ['station_id', 'person_id', 'since'],
    dataset.gridWorkers.map((g) => [g.stationId, g.personId, g.since]),
  );
  await insertBatches(
    db,
    'duty_shift',
    ['id', 'station_id', 'person_id', 'organization_id', 'starts_at', 'ends_at', 'kind', 'note', 'created_at', 'updated_at'],
    dataset.shifts.map((s) => [s.id, s.stationId, s.personId, s.organizationId, s.startsAt, s.endsAt, s.kind, s.note, ROSTER_PUBLISHED_AT, ROSTER_PUBLISHED_AT]),
  );
  return {
    partyOrganizations: dataset.organizations.length,
    people: dataset.people.length,
    gridWorkerLinks: dataset.gridWorkers.length,
    dutyShifts: dataset.shifts.length,
  };
}

/** Every station (not archived) with its community and street, in code order. */
async function loadPeopleSeedStations(db: SeedDb): Promise<PeopleSeedStation[]> {
  const rows = (await db.execute(
    `select s.id, s.code, s.status, s.tier, to_char(s.opened_on, 'YYYY-MM-DD') as opened_on,
            c.code as community_code, c.name as community_name, st.code as street_code
     from station s join region c on c.id = s.region_id join region st on st.id = c.parent_id
     where s.archived_at is null order by s.code`,
  )) as { id: string; code: string; status: string; tier: string; opened_on: string | null; community_code: string; community_name: string; street_code: string }[];
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    status: row.status,
    tier: row.tier,
    openedOn: row.opened_on,
    communityCode: row.community_code,
    communityName: row.community_name,
    streetCode: row.street_code,
  }));
}
