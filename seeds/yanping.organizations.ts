import { createRng, seedUuid } from './support/deterministic';
import type { SeedDb } from './support/seed-db';
import { YANPING_DISTRICT_CODE } from './yanping.data';
import {
  insertCoBuildings,
  insertOrganizations,
  makeCreditCode,
  seedOrganizationId,
  type CodeType,
  type SeedCoBuilding,
  type SeedCoBuildingRole,
  type SeedCommitment,
  type SeedOrganization,
  type SeedOrganizationKind,
} from './xiangyang.organizations';

/**
 * The co-building organizations of Yanping and their co-building agreements (共建盟约) with its
 * 民生驿站. The article's "六进小区" brings 机关单位, 商会企业 and 公益组织 (with serving party
 * members, deputies and mass organizations, the teams a later step adds) into the residential
 * areas; so every urban 民生驿站 has, by rule, one of each — a 机关 party organization, a chamber
 * of commerce or enterprise, a social or volunteer organization — plus the property company of its
 * street as manager; the rural ones a party organization. Organizations take their stations in
 * turn (code order), so each co-builds a like share.
 *
 * Pure builders (buildYanpingOrganizations, buildYanpingCoBuildings) plus the step that writes them.
 */

/** What the co-building builder needs of a Yanping station. */
export interface YanpingCoBuildingStation {
  id: string;
  code: string;
  kind: string;
  /** Its community's code; digits 1–9 are its street's statistical code. */
  regionCode: string;
  openedOn: string;
}

interface YanpingOrganizationTemplate {
  name: string;
  kind: SeedOrganizationKind;
  /** Party organizations have no credit code of their own. */
  codeType: CodeType | null;
  /** For property companies: the urban street (9-digit code) whose stations they manage. */
  streetCode9?: string;
}

const t = (kind: SeedOrganizationKind, codeType: CodeType | null, name: string, streetCode9?: string): YanpingOrganizationTemplate => ({
  name,
  kind,
  codeType,
  ...(streetCode9 ? { streetCode9 } : {}),
});

/** The organizations, in a fixed order (their ids and codes derive from their names). */
export const YANPING_ORGANIZATION_TEMPLATES: readonly YanpingOrganizationTemplate[] = [
  // 机关单位: party organizations of district departments, reporting to the residential areas (双报到).
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区委组织部机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区财政局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区住房和城乡建设局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区教育局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区民政局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区司法局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区卫生健康局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区人力资源和社会保障局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区城市管理局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区市场监督管理局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区交通运输局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区文体和旅游局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区退役军人事务局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, '中共南平市延平区应急管理局机关支部委员会'),
  // 驻区单位: party organizations of units based in the district.
  t('RESIDENT_UNIT_PARTY_ORG', null, '中共国网南平供电公司延平供电服务中心支部委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, '中共南平市延平区医院委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, '中共南平市公安局延平分局委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, '中共中国邮政集团有限公司南平市延平区分公司支部委员会'),

  // 商会企业
  t('CHAMBER', '51', '南平市延平区总商会'),
  t('CHAMBER', '51', '南平市延平区莆田商会'),
  t('CHAMBER', '51', '南平市延平区福清商会'),
  t('CHAMBER', '51', '南平市延平区古田商会'),
  t('CHAMBER', '51', '南平市延平区浙江商会'),
  t('ENTERPRISE', '91', '南平市延平区城市建设投资集团有限公司'),
  t('ENTERPRISE', '91', '南平市延平区国有资产投资经营有限公司'),
  t('ENTERPRISE', '91', '南平市延平区闽江建设工程有限公司'),
  t('ENTERPRISE', '91', '南平市延平区惠民百货有限公司'),
  t('ENTERPRISE', '91', '南平市延平区绿城家电维修服务有限公司'),

  // 公益组织
  t('SOCIAL_ORG', '52', '南平市延平区同心社会工作服务中心'),
  t('SOCIAL_ORG', '52', '南平市延平区邻里和谐社会工作服务中心'),
  t('SOCIAL_ORG', '52', '南平市延平区夕阳红居家养老服务中心'),
  t('SOCIAL_ORG', '52', '南平市延平区评理调解服务中心'),
  t('VOLUNTEER_ORG', '51', '南平市延平区志愿者协会'),
  t('VOLUNTEER_ORG', '52', '南平市延平区新时代文明实践志愿服务中心'),
  t('VOLUNTEER_ORG', '51', '南平市延平区俊波志愿服务协会'),

  // 物业服务企业, one per urban street.
  t('PROPERTY_SERVICE', '91', '南平市延平区梅山物业管理有限公司', '350702001'),
  t('PROPERTY_SERVICE', '91', '南平市延平区玉屏物业服务有限公司', '350702002'),
  t('PROPERTY_SERVICE', '91', '南平市延平区紫芝物业服务有限公司', '350702003'),
  t('PROPERTY_SERVICE', '91', '南平市延平区九峰物业管理有限公司', '350702004'),
  t('PROPERTY_SERVICE', '91', '南平市延平区江南物业服务有限公司', '350702005'),
  t('PROPERTY_SERVICE', '91', '南平市延平区剑津物业管理有限公司', '350702006'),
];

export interface YanpingOrganization extends SeedOrganization {
  /** For property companies: the urban street whose stations they manage. */
  streetCode9: string | null;
}

const RNG_LABEL = 'yanping-organizations';

const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '谢', '罗', '余', '朱', '叶', '游', '范', '魏', '江'];
const GIVEN_NAMES = ['建平', '秀华', '志明', '丽萍', '文斌', '美玲', '国华', '春燕', '晓峰', '玉珍', '振华', '淑芳', '伟', '敏', '强', '琳', '辉', '燕', '斌', '婷'];

/** Every Yanping organization, with deterministic ids, contacts and credit codes (division 350702, all valid). */
export function buildYanpingOrganizations(): YanpingOrganization[] {
  const rng = createRng(`${RNG_LABEL}:organizations`);
  const codes = new Set<string>();
  return YANPING_ORGANIZATION_TEMPLATES.map((template) => {
    let creditCode: string | null = null;
    if (template.codeType) {
      do {
        creditCode = makeCreditCode(rng, template.codeType, YANPING_DISTRICT_CODE, false);
      } while (codes.has(creditCode));
      codes.add(creditCode);
    }
    const contactName = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
    const contactPhone = rng.chance(0.5)
      ? `0599-8${String(rng.int(0, 999_999)).padStart(6, '0')}`
      : `1${rng.pick(['39', '38', '37', '36', '35', '58', '59', '87', '89', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    return {
      id: seedOrganizationId(template.name),
      name: template.name,
      kind: template.kind,
      creditCode,
      creditCodeWarning: null,
      contactName,
      contactPhone,
      regionCode: YANPING_DISTRICT_CODE,
      warmNew: false,
      streetCode9: template.streetCode9 ?? null,
      // Registered as the district set up its co-building registry, before the 民生驿站 opened.
      createdAt: `2023-01-${String(rng.int(3, 20)).padStart(2, '0')}T09:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`,
    };
  });
}

/** The kinds that fill each of an urban station's co-building places. */
const PARTY_KINDS: readonly SeedOrganizationKind[] = ['DUAL_REPORTING_PARTY_ORG', 'RESIDENT_UNIT_PARTY_ORG'];
const BUSINESS_KINDS: readonly SeedOrganizationKind[] = ['CHAMBER', 'ENTERPRISE'];
const PUBLIC_WELFARE_KINDS: readonly SeedOrganizationKind[] = ['SOCIAL_ORG', 'VOLUNTEER_ORG'];

const COMMITMENTS_BY_ROLE: Record<SeedCoBuildingRole, readonly SeedCommitment[]> = {
  MANAGER: ['SPACE', 'PEOPLE'],
  CO_BUILDER: ['PEOPLE', 'FUNDS'],
  SERVICE_PROVIDER: ['SERVICES', 'PEOPLE'],
  VOLUNTEER_TEAM: ['PEOPLE', 'SERVICES'],
};

/** What the agreements commit to: the kinds of "微实事" the article lists. */
const NOTES: Record<SeedCommitment, readonly string[]> = {
  SPACE: ['提供小区架空层作为民生驿站活动场地', '开放物业用房供居民吃茶话事', '提供小区闲置场地设置议事亭'],
  FUNDS: ['出资规范小区停车位', '出资建设电动车充电桩', '出资完善小区消防设施', '出资添置露天座椅和照明灯带'],
  PEOPLE: ['党员干部每月进小区亮身份、收集微心愿', '每周三派员参加民生议事厅', '在职党员认领微实事清单项目'],
  SERVICES: ['每月开展一次政策宣讲和法律咨询', '为小区老人提供助餐助医服务', '组织评理团参与邻里纠纷调解', '开展邻里节、百家宴等近邻文化活动'],
};

/**
 * The co-building agreements: every station a party organization (CO_BUILDER); every urban one
 * also a chamber or enterprise (CO_BUILDER), a social organization (SERVICE_PROVIDER) or volunteer
 * organization (VOLUNTEER_TEAM), and its street's property company (MANAGER). Each place is filled
 * from its organizations in turn, in station-code order. Every agreement is signed (共建盟约) in
 * 2023, on or after the station opened, and runs open-ended from that day.
 */
export function buildYanpingCoBuildings(organizations: readonly YanpingOrganization[], stations: readonly YanpingCoBuildingStation[]): SeedCoBuilding[] {
  const rng = createRng(`${RNG_LABEL}:co-buildings`);
  const ordered = [...stations].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ofKinds = (kinds: readonly SeedOrganizationKind[]) => organizations.filter((organization) => kinds.includes(organization.kind));
  const turns = (pool: readonly YanpingOrganization[]) => {
    let next = 0;
    return () => pool[next++ % pool.length];
  };
  const nextParty = turns(ofKinds(PARTY_KINDS));
  const nextBusiness = turns(ofKinds(BUSINESS_KINDS));
  const nextPublicWelfare = turns(ofKinds(PUBLIC_WELFARE_KINDS));
  const propertyOf = new Map(organizations.filter((organization) => organization.streetCode9).map((organization) => [organization.streetCode9!, organization]));

  const result: SeedCoBuilding[] = [];
  const add = (organization: YanpingOrganization, station: YanpingCoBuildingStation, role: SeedCoBuildingRole) => {
    const key = `${organization.id}|${station.id}|${role}`;
    // Chambers and enterprises co-build with money and room; the others with people.
    const [core, extra] = BUSINESS_KINDS.includes(organization.kind) ? (['FUNDS', 'SPACE'] as const) : COMMITMENTS_BY_ROLE[role];
    const commitments = (['SPACE', 'FUNDS', 'PEOPLE', 'SERVICES'] as const).filter((kind) => kind === core || (kind === extra && rng.chance(0.6)));
    const signed = addDays(station.openedOn, rng.int(0, 60));
    const signedOn = signed < '2023-12-20' ? signed : '2023-12-20';
    result.push({
      id: seedUuid('co-building', key),
      organizationId: organization.id,
      stationId: station.id,
      role,
      agreementSignedOn: signedOn,
      commitments,
      commitmentNote: commitments.map((kind) => rng.pick(NOTES[kind])).join('；'),
      validFrom: signedOn,
      validTo: null,
      createdAt: `${signedOn}T10:00:00+08:00`,
    });
  };

  for (const station of ordered) {
    add(nextParty(), station, 'CO_BUILDER');
    if (station.kind === 'RURAL') continue;
    add(nextBusiness(), station, 'CO_BUILDER');
    const publicWelfare = nextPublicWelfare();
    add(publicWelfare, station, publicWelfare.kind === 'VOLUNTEER_ORG' ? 'VOLUNTEER_TEAM' : 'SERVICE_PROVIDER');
    const property = propertyOf.get(station.regionCode.slice(0, 9));
    if (!property) throw new Error(`No property company for the street of ${station.code}`);
    add(property, station, 'MANAGER');
  }
  return result;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Yanping's stations, read back from the database (a later step may have added more). */
async function loadYanpingStations(db: SeedDb): Promise<YanpingCoBuildingStation[]> {
  const rows = (await db.execute(
    `select s.id, s.code, s.kind, r.code as region_code, to_char(s.opened_on, 'YYYY-MM-DD') as opened_on
     from station s join region r on r.id = s.region_id
     where r.path like ? and s.status = 'OPEN' and s.opened_on is not null and s.archived_at is null order by s.code`,
    [`%/${YANPING_DISTRICT_CODE}/%`],
  )) as { id: string; code: string; kind: string; region_code: string; opened_on: string }[];
  return rows.map((row) => ({ id: row.id, code: row.code, kind: row.kind, regionCode: row.region_code, openedOn: row.opened_on }));
}

/** Seed step: Yanping's organizations and their co-building agreements with its open stations. */
export async function seedYanpingOrganizations(db: SeedDb): Promise<Record<string, number>> {
  const organizations = buildYanpingOrganizations();
  await insertOrganizations(db, organizations);
  const coBuildings = buildYanpingCoBuildings(organizations, await loadYanpingStations(db));
  await insertCoBuildings(db, coBuildings);
  return { yanpingOrganizations: organizations.length, yanpingCoBuildings: coBuildings.length };
}
