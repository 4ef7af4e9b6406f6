import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../src/modules/organization/credit-code';
import { createRng, seedUuid, type Rng } from './support/deterministic';
import { insertBatches, loadRegionIds, loadSeededStations, type SeedDb } from './support/seed-db';

/**
 * The co-building organizations of the Xiangyang demo seed and their co-building relations with
 * open stations. The article gives Xiangyang no count of them (its "共认领共建项目327个" are Yanping's,
 * seeded there as co-building projects); how many there are follows from the rule in
 * buildSeedCoBuildings. Community party organizations are
 * seeded by another step; everything else is here: party organizations of city departments and
 * units that report to the communities (双报到), party organizations of units based in the area,
 * social and volunteer organizations, property companies, enterprises (the delivery and express
 * teams that co-build the 暖新 stations), chambers of commerce, public institutions and agencies.
 *
 * Pure builders (buildSeedOrganizations, buildSeedCoBuildings) plus the step that writes them,
 * so that the figures can be unit-tested without a database.
 */

export type SeedOrganizationKind =
  | 'DUAL_REPORTING_PARTY_ORG'
  | 'RESIDENT_UNIT_PARTY_ORG'
  | 'SOCIAL_ORG'
  | 'VOLUNTEER_ORG'
  | 'PROPERTY_SERVICE'
  | 'ENTERPRISE'
  | 'CHAMBER'
  | 'PUBLIC_INSTITUTION'
  | 'GOVERNMENT_AGENCY'
  | 'OTHER';

export type SeedCoBuildingRole = 'MANAGER' | 'CO_BUILDER' | 'SERVICE_PROVIDER' | 'VOLUNTEER_TEAM';
export type SeedCommitment = 'SPACE' | 'FUNDS' | 'PEOPLE' | 'SERVICES';

/**
 * Registration authority and organization type, the first two characters of a credit code
 * (GB 32100-2015): 11 机关, 12 事业单位 (机构编制); 51 社会团体, 52 民办非企业单位 (民政);
 * 81 基层工会 (工会); 91 企业, 93 农民专业合作社 (工商). Party organizations have no code of their own.
 */
export type CodeType = '11' | '12' | '51' | '52' | '81' | '91' | '93';

interface OrganizationTemplate {
  name: string;
  kind: SeedOrganizationKind;
  /** Where it is based: the city (420600) or a county-level division. */
  regionCode: string;
  codeType: CodeType | null;
  /** Serves the 暖新 stations: delivery riders, couriers, ride-hailing drivers, domestic workers. */
  warmNew?: boolean;
  /**
   * Registered under an early Fujian pilot: a legal code whose check character fails GB 32100's
   * check (kept with CHECK_CHARACTER_MISMATCH). Holds the registering division's code.
   */
  fujianPilotDivision?: string;
}

const CITY = '420600';
const XIANGCHENG = '420602';
const FANCHENG = '420606';
const XIANGZHOU = '420607';
const NANZHANG = '420624';
const GUCHENG = '420625';
const BAOKANG = '420626';
const LAOHEKOU = '420682';
const ZAOYANG = '420683';
const YICHENG = '420684';

const t = (kind: SeedOrganizationKind, codeType: CodeType | null, regionCode: string, name: string, extra: Partial<OrganizationTemplate> = {}): OrganizationTemplate => ({
  name,
  kind,
  regionCode,
  codeType,
  ...extra,
});

/** The organizations, in a fixed order (their ids and codes derive from their names). */
export const ORGANIZATION_TEMPLATES: readonly OrganizationTemplate[] = [
  // 双报到党组织: party organizations of departments and units that report to communities.
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市财政局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市住房和城乡建设局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市教育局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '国家税务总局襄阳市税务局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市自然资源和规划局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市交通运输局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市文化和旅游局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市城市管理执法委员会机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市民政局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市司法局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市卫生健康委员会机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市人力资源和社会保障局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市市场监督管理局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市退役军人事务局机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市总工会机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '共青团襄阳市委员会机关党支部'),
  t('DUAL_REPORTING_PARTY_ORG', null, CITY, '中共襄阳市妇女联合会机关支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, FANCHENG, '中共襄阳市樊城区财政局支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, FANCHENG, '中共襄阳市樊城区教育局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, XIANGCHENG, '中共襄阳市襄城区住房和城乡建设局支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, XIANGZHOU, '中共襄阳市襄州区民政局支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, ZAOYANG, '中共枣阳市市场监督管理局机关委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, YICHENG, '中共宜城市人力资源和社会保障局支部委员会'),
  t('DUAL_REPORTING_PARTY_ORG', null, LAOHEKOU, '中共老河口市司法局支部委员会'),

  // 驻区单位党组织: party organizations of units based in the area.
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共国网湖北省电力有限公司襄阳供电公司委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共中国移动通信集团湖北有限公司襄阳分公司委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共中国电信股份有限公司襄阳分公司委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共中国邮政集团有限公司襄阳市分公司委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, FANCHENG, '中共襄阳市中心医院委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, XIANGCHENG, '中共湖北文理学院委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共襄阳职业技术学院委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共中国工商银行股份有限公司襄阳分行委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共中国农业银行股份有限公司襄阳分行委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共湖北襄阳农村商业银行股份有限公司委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, CITY, '中共襄阳水务集团有限公司委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, FANCHENG, '中共襄阳市第一人民医院委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, XIANGCHENG, '中共襄阳市第四中学委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, FANCHENG, '中共襄阳市樊城区人民医院支部委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, XIANGZHOU, '中共襄阳市襄州区人民医院委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, XIANGZHOU, '中共国网襄阳市襄州区供电公司委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, NANZHANG, '中共南漳县人民医院委员会'),
  t('RESIDENT_UNIT_PARTY_ORG', null, GUCHENG, '中共国网谷城县供电公司支部委员会'),

  // 社会组织
  t('SOCIAL_ORG', '52', FANCHENG, '襄阳市樊城区阳光社会工作服务中心'),
  t('SOCIAL_ORG', '52', XIANGCHENG, '襄阳市襄城区和谐邻里社会工作服务中心'),
  t('SOCIAL_ORG', '52', CITY, '襄阳市心连心社会工作服务中心'),
  t('SOCIAL_ORG', '52', FANCHENG, '襄阳市樊城区夕阳红居家养老服务中心'),
  t('SOCIAL_ORG', '52', XIANGZHOU, '襄阳市襄州区启航青少年服务中心'),
  t('SOCIAL_ORG', '52', FANCHENG, '襄阳市樊城区邻里守望社会工作服务社'),
  t('SOCIAL_ORG', '51', CITY, '襄阳市家庭教育促进会'),
  t('SOCIAL_ORG', '51', CITY, '襄阳市老年书画研究会'),
  t('SOCIAL_ORG', '52', CITY, '襄阳市残疾人康复服务中心'),
  t('SOCIAL_ORG', '52', XIANGCHENG, '襄阳市襄城区乐龄养老服务中心'),
  t('SOCIAL_ORG', '51', CITY, '襄阳市快递行业协会', { warmNew: true }),
  t('SOCIAL_ORG', '51', CITY, '襄阳市心理咨询师协会'),
  t('SOCIAL_ORG', '52', FANCHENG, '襄阳市樊城区童心四点半课堂服务中心'),
  t('SOCIAL_ORG', '52', ZAOYANG, '枣阳市春晖社会工作服务中心'),
  t('SOCIAL_ORG', '52', YICHENG, '宜城市楚都社会工作服务中心'),
  t('SOCIAL_ORG', '52', LAOHEKOU, '老河口市光化社会工作服务中心'),
  t('SOCIAL_ORG', '52', NANZHANG, '南漳县荆山社会工作服务中心'),
  t('SOCIAL_ORG', '52', GUCHENG, '谷城县筑梦社会工作服务中心'),
  t('SOCIAL_ORG', '52', BAOKANG, '保康县山里红社会工作服务中心'),

  // 志愿服务组织
  t('VOLUNTEER_ORG', '51', CITY, '襄阳市志愿者协会'),
  t('VOLUNTEER_ORG', '51', CITY, '襄阳市青年志愿者协会'),
  t('VOLUNTEER_ORG', '51', CITY, '襄阳市巾帼志愿者协会'),
  t('VOLUNTEER_ORG', '51', CITY, '襄阳市义工联合会'),
  t('VOLUNTEER_ORG', '52', CITY, '襄阳市蓝天救援队'),
  t('VOLUNTEER_ORG', '52', FANCHENG, '襄阳市樊城区红马甲志愿服务中心'),
  t('VOLUNTEER_ORG', '52', XIANGCHENG, '襄阳市襄城区古城志愿服务中心'),
  t('VOLUNTEER_ORG', '52', XIANGZHOU, '襄阳市襄州区银龄志愿服务中心'),
  t('VOLUNTEER_ORG', '51', CITY, '襄阳市法律服务志愿者协会'),
  t('VOLUNTEER_ORG', '51', CITY, '襄阳市爱心助学志愿者协会'),
  t('VOLUNTEER_ORG', '52', CITY, '襄阳市红十字志愿服务中心'),
  t('VOLUNTEER_ORG', '51', ZAOYANG, '枣阳市志愿者协会'),
  t('VOLUNTEER_ORG', '51', YICHENG, '宜城市志愿者协会'),

  // 物业服务企业
  t('PROPERTY_SERVICE', '91', FANCHENG, '襄阳市汉江物业服务有限公司'),
  t('PROPERTY_SERVICE', '91', XIANGCHENG, '襄阳市隆中物业管理有限公司'),
  t('PROPERTY_SERVICE', '91', XIANGCHENG, '襄阳市岘山物业服务有限公司'),
  t('PROPERTY_SERVICE', '91', XIANGZHOU, '襄阳市鹿门物业管理有限公司'),
  t('PROPERTY_SERVICE', '91', XIANGCHENG, '襄阳市檀溪物业服务有限公司'),
  t('PROPERTY_SERVICE', '91', FANCHENG, '襄阳市春园物业管理有限公司'),
  t('PROPERTY_SERVICE', '91', FANCHENG, '襄阳市长虹物业服务有限公司'),
  t('PROPERTY_SERVICE', '91', FANCHENG, '襄阳市米公物业管理有限公司'),
  t('PROPERTY_SERVICE', '91', XIANGZHOU, '襄阳市航空路物业服务有限公司'),
  t('PROPERTY_SERVICE', '91', XIANGCHENG, '襄阳市卧龙物业服务有限公司'),
  t('PROPERTY_SERVICE', '91', ZAOYANG, '枣阳市光武物业服务有限公司'),
  t('PROPERTY_SERVICE', '91', YICHENG, '宜城市楚都物业管理有限公司'),
  t('PROPERTY_SERVICE', '91', FANCHENG, '南平市武夷物业服务有限公司襄阳分公司', { fujianPilotDivision: '350700' }),

  // 企业: the delivery and express teams of the 暖新 stations, and local businesses.
  t('ENTERPRISE', '91', FANCHENG, '顺丰速运有限公司襄阳樊城分公司', { warmNew: true }),
  t('ENTERPRISE', '91', XIANGCHENG, '顺丰速运有限公司襄阳襄城分公司', { warmNew: true }),
  t('ENTERPRISE', '91', FANCHENG, '美团外卖襄阳樊城配送站', { warmNew: true }),
  t('ENTERPRISE', '91', XIANGCHENG, '美团外卖襄阳襄城配送站', { warmNew: true }),
  t('ENTERPRISE', '91', XIANGZHOU, '美团外卖襄阳襄州配送站', { warmNew: true }),
  t('ENTERPRISE', '91', FANCHENG, '饿了么襄阳城区配送站', { warmNew: true }),
  t('ENTERPRISE', '91', FANCHENG, '京东物流襄阳营业部', { warmNew: true }),
  t('ENTERPRISE', '91', FANCHENG, '中通快递襄阳樊城分部', { warmNew: true }),
  t('ENTERPRISE', '91', CITY, '圆通速递襄阳分公司', { warmNew: true }),
  t('ENTERPRISE', '91', XIANGZHOU, '韵达快递襄阳襄州分部', { warmNew: true }),
  t('ENTERPRISE', '91', CITY, '中国邮政速递物流股份有限公司襄阳市分公司', { warmNew: true }),
  t('ENTERPRISE', '91', CITY, '滴滴出行襄阳服务中心', { warmNew: true }),
  t('ENTERPRISE', '91', FANCHENG, '襄阳市好帮手家政服务有限公司', { warmNew: true }),
  t('ENTERPRISE', '91', FANCHENG, '南平市延平区闽北快递服务有限公司襄阳分公司', { warmNew: true, fujianPilotDivision: '350702' }),
  t('ENTERPRISE', '91', XIANGCHENG, '福建闽江家政服务有限公司襄阳分公司', { warmNew: true, fujianPilotDivision: '350100' }),
  t('ENTERPRISE', '91', CITY, '襄阳市新华书店有限公司'),
  t('ENTERPRISE', '91', FANCHENG, '襄阳市惠民大药房连锁有限公司'),
  t('ENTERPRISE', '91', FANCHENG, '襄阳市诚信家电维修服务有限公司'),
  t('ENTERPRISE', '91', XIANGCHENG, '襄阳市汉水文化传媒有限公司'),
  t('ENTERPRISE', '91', XIANGZHOU, '襄阳市绿源农业科技有限公司'),

  // 商会
  t('CHAMBER', '51', CITY, '襄阳市浙江商会'),
  t('CHAMBER', '51', CITY, '襄阳市温州商会'),
  t('CHAMBER', '51', CITY, '襄阳市福建商会'),
  t('CHAMBER', '51', CITY, '襄阳市江西商会'),
  t('CHAMBER', '51', CITY, '襄阳市河南商会'),
  t('CHAMBER', '51', CITY, '襄阳市湖南商会'),
  t('CHAMBER', '51', FANCHENG, '襄阳市樊城区总商会'),
  t('CHAMBER', '51', ZAOYANG, '枣阳市总商会'),

  // 事业单位
  t('PUBLIC_INSTITUTION', '12', CITY, '襄阳市图书馆'),
  t('PUBLIC_INSTITUTION', '12', CITY, '襄阳市群众艺术馆'),
  t('PUBLIC_INSTITUTION', '12', CITY, '襄阳市老年大学'),
  t('PUBLIC_INSTITUTION', '12', CITY, '襄阳市青少年宫'),
  t('PUBLIC_INSTITUTION', '12', CITY, '襄阳市法律援助中心'),
  t('PUBLIC_INSTITUTION', '12', CITY, '襄阳市就业服务中心'),
  t('PUBLIC_INSTITUTION', '12', FANCHENG, '襄阳市樊城区王寨街道社区卫生服务中心'),
  t('PUBLIC_INSTITUTION', '12', XIANGCHENG, '襄阳市襄城区古城街道社区卫生服务中心'),
  t('PUBLIC_INSTITUTION', '12', XIANGZHOU, '襄阳市襄州区张湾街道社区卫生服务中心'),
  t('PUBLIC_INSTITUTION', '12', FANCHENG, '襄阳市樊城区文化馆'),
  t('PUBLIC_INSTITUTION', '12', ZAOYANG, '枣阳市图书馆'),

  // 机关
  t('GOVERNMENT_AGENCY', '11', FANCHENG, '襄阳市公安局樊城区分局王寨派出所'),
  t('GOVERNMENT_AGENCY', '11', XIANGCHENG, '襄阳市公安局襄城区分局古城派出所'),
  t('GOVERNMENT_AGENCY', '11', FANCHENG, '襄阳市樊城区人民法院'),
  t('GOVERNMENT_AGENCY', '11', FANCHENG, '襄阳市樊城区人民检察院'),
  t('GOVERNMENT_AGENCY', '11', XIANGCHENG, '襄阳市襄城区司法局'),
  t('GOVERNMENT_AGENCY', '11', FANCHENG, '襄阳市樊城区王寨街道办事处'),
  t('GOVERNMENT_AGENCY', '11', XIANGZHOU, '襄阳市襄州区张湾街道办事处'),
  t('GOVERNMENT_AGENCY', '11', FANCHENG, '襄阳市消防救援支队樊城区大队'),

  // 其他: trade unions of the new forms of employment, farmers' cooperatives.
  t('OTHER', '81', CITY, '襄阳市快递行业工会联合会', { warmNew: true }),
  t('OTHER', '81', FANCHENG, '襄阳市樊城区新就业形态劳动者联合工会', { warmNew: true }),
  t('OTHER', '93', XIANGZHOU, '襄阳市襄州区双沟镇蔬菜种植专业合作社'),
  t('OTHER', '93', ZAOYANG, '枣阳市吴店镇桃园种植专业合作社'),
  t('OTHER', '93', YICHENG, '宜城市流水镇西瓜种植专业合作社'),
];

/** One in this many open stations other than 暖新 ones has co-builders of its own (one to three). */
const CO_BUILT_SHARE = 4;

export interface SeedOrganization {
  id: string;
  name: string;
  kind: SeedOrganizationKind;
  creditCode: string | null;
  creditCodeWarning: 'CHECK_CHARACTER_MISMATCH' | null;
  /** Personal data (demo values). */
  contactName: string;
  /** Personal data (demo values). */
  contactPhone: string;
  regionCode: string;
  warmNew: boolean;
  createdAt: string;
}

export interface SeedCoBuilding {
  id: string;
  organizationId: string;
  stationId: string;
  role: SeedCoBuildingRole;
  agreementSignedOn: string | null;
  commitments: SeedCommitment[];
  commitmentNote: string;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
}

/** What the co-building builder needs of a station. */
export interface CoBuildingStation {
  id: string;
  code: string;
  kind: string;
  status: string;
  /** Its community's code; the first six digits are its district. */
  regionCode: string;
  openedOn: string | null;
}

export function seedOrganizationId(name: string): string {
  return seedUuid('organization', name);
}

const RNG_LABEL = 'xiangyang-organizations';
const CODE_LETTERS = CREDIT_CODE_CHARSET;

/** Body of the GB 11714 organization code: newer codes carry the issuer's two letters, older ones are numeric. */
function organizationCodeBody(rng: Rng, codeType: CodeType): string {
  const prefix = { '11': 'MB', '12': 'MB', '51': 'MJ', '52': 'MJ', '81': 'MC', '91': 'MA', '93': 'MA' }[codeType];
  if (rng.chance(0.3)) return `${rng.int(3, 7)}${Array.from({ length: 7 }, () => rng.int(0, 9)).join('')}`;
  return prefix + Array.from({ length: 6 }, () => rng.pick([...CODE_LETTERS])).join('');
}

/**
 * A well-formed credit code: type, the registering division, a GB 11714 organization code with
 * its own check character, and the GB 32100 check character — or, for a Fujian pilot code, a
 * deliberately different last character.
 */
export function makeCreditCode(rng: Rng, codeType: CodeType, division: string, checkMismatch: boolean): string {
  const body = organizationCodeBody(rng, codeType);
  const first17 = `${codeType}${division}${body}${organizationCodeCheckCharacter(body)}`;
  const check = creditCodeCheckCharacter(first17);
  if (!checkMismatch) return first17 + check;
  const index = CREDIT_CODE_CHARSET.indexOf(check);
  return first17 + CREDIT_CODE_CHARSET[(index + rng.int(1, 30)) % 31];
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
];
const GIVEN_NAMES = [
  '建华',
  '丽娟',
  '志强',
  '秀英',
  '海燕',
  '国庆',
  '红梅',
  '晓东',
  '春华',
  '文静',
  '卫东',
  '玉兰',
  '明',
  '芳',
  '磊',
  '静',
  '勇',
  '敏',
  '涛',
  '燕',
  '军',
  '霞',
  '斌',
  '婷',
  '鹏',
  '雪梅',
  '德胜',
  '桂芝',
  '新民',
  '小红',
];

/** Every organization, with deterministic ids, contacts and credit codes (all unique). */
export function buildSeedOrganizations(): SeedOrganization[] {
  const rng = createRng(`${RNG_LABEL}:organizations`);
  const codes = new Set<string>();
  return ORGANIZATION_TEMPLATES.map((template) => {
    let creditCode: string | null = null;
    if (template.codeType) {
      do {
        creditCode = makeCreditCode(rng, template.codeType, template.fujianPilotDivision ?? template.regionCode, Boolean(template.fujianPilotDivision));
      } while (codes.has(creditCode));
      codes.add(creditCode);
    }
    const contactName = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
    const contactPhone = rng.chance(0.5)
      ? `0710-${rng.int(2, 3)}${String(rng.int(0, 999_999)).padStart(6, '0')}`
      : `1${rng.pick(['39', '38', '37', '36', '35', '58', '59', '87', '89', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    return {
      id: seedOrganizationId(template.name),
      name: template.name,
      kind: template.kind,
      creditCode,
      creditCodeWarning: template.fujianPilotDivision ? 'CHECK_CHARACTER_MISMATCH' : null,
      contactName,
      contactPhone,
      regionCode: template.regionCode,
      warmNew: Boolean(template.warmNew),
      // Registered when the co-building registry was set up, before the first agreements of 2021.
      createdAt: `2020-12-${String(rng.int(1, 28)).padStart(2, '0')}T09:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`,
    };
  });
}

/** The role an organization of each kind usually takes, and the others it may take. */
const ROLES_BY_KIND: Record<SeedOrganizationKind, readonly SeedCoBuildingRole[]> = {
  DUAL_REPORTING_PARTY_ORG: ['CO_BUILDER', 'CO_BUILDER', 'VOLUNTEER_TEAM'],
  RESIDENT_UNIT_PARTY_ORG: ['CO_BUILDER', 'CO_BUILDER', 'SERVICE_PROVIDER'],
  SOCIAL_ORG: ['MANAGER', 'SERVICE_PROVIDER', 'SERVICE_PROVIDER'],
  VOLUNTEER_ORG: ['VOLUNTEER_TEAM'],
  PROPERTY_SERVICE: ['MANAGER', 'CO_BUILDER'],
  ENTERPRISE: ['CO_BUILDER', 'SERVICE_PROVIDER'],
  CHAMBER: ['CO_BUILDER'],
  PUBLIC_INSTITUTION: ['SERVICE_PROVIDER'],
  GOVERNMENT_AGENCY: ['SERVICE_PROVIDER', 'CO_BUILDER'],
  OTHER: ['SERVICE_PROVIDER', 'VOLUNTEER_TEAM'],
};

/** What each role commits, the core first; more are added at random. */
const COMMITMENTS_BY_ROLE: Record<SeedCoBuildingRole, readonly SeedCommitment[]> = {
  MANAGER: ['PEOPLE', 'SERVICES', 'SPACE'],
  CO_BUILDER: ['FUNDS', 'SPACE', 'PEOPLE'],
  SERVICE_PROVIDER: ['SERVICES', 'PEOPLE'],
  VOLUNTEER_TEAM: ['PEOPLE', 'SERVICES'],
};

const NOTES: Record<SeedCommitment, readonly string[]> = {
  SPACE: ['提供驿站活动场地约60平方米', '开放单位会议室供居民议事使用', '提供临街门面作为驿站服务点', '无偿提供休息区和停车位'],
  FUNDS: ['每年投入共建经费2万元', '每年投入共建经费5万元', '出资添置饮水机、微波炉和充电柜', '出资更新驿站桌椅和图书'],
  PEOPLE: ['每月组织党员到驿站志愿服务不少于2次', '派驻社工1名，每周值守5天', '安排志愿者参加“七点半岗哨”夜间值守', '每周派专业人员到驿站坐诊半天'],
  SERVICES: ['每季度开展一次政策宣讲', '每月开展法律咨询和矛盾调解', '为快递小哥、外卖骑手提供饮水、充电、休息服务', '开展老年学校和四点半课堂课程'],
};

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function laterDate(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/**
 * Co-buildings with OPEN stations: every open 暖新 station is co-built by a delivery or express
 * team and one more partner, and one in CO_BUILT_SHARE of the other open stations by one to three
 * organizations, each working in its own district (city-level ones anywhere). No two relations
 * share organization, station and role, so none overlap.
 */
export function buildSeedCoBuildings(organizations: readonly SeedOrganization[], stations: readonly CoBuildingStation[]): SeedCoBuilding[] {
  const rng = createRng(`${RNG_LABEL}:co-buildings`);
  // Code order, so the result does not depend on how the caller listed the stations.
  const open = stations.filter((station) => station.status === 'OPEN').sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const warmNewStations = open.filter((station) => station.kind === 'WARM_NEW');
  const otherStations = rng.shuffle(open.filter((station) => station.kind !== 'WARM_NEW'));
  const warmNewTeams = organizations.filter((organization) => organization.warmNew);
  const general = organizations.filter((organization) => !organization.warmNew);
  const fits = (organization: SeedOrganization, station: CoBuildingStation) => organization.regionCode === CITY || station.regionCode.startsWith(organization.regionCode);

  const result: SeedCoBuilding[] = [];
  const taken = new Set<string>();
  const add = (organization: SeedOrganization, station: CoBuildingStation, role: SeedCoBuildingRole): boolean => {
    const key = `${organization.id}|${station.id}|${role}`;
    if (taken.has(key)) return false;
    taken.add(key);
    const core = COMMITMENTS_BY_ROLE[role];
    const commitments = new Set<SeedCommitment>([core[0]]);
    for (const kind of core.slice(1)) if (rng.chance(0.6)) commitments.add(kind);
    if (rng.chance(0.15)) commitments.add(rng.pick(['SPACE', 'FUNDS', 'PEOPLE', 'SERVICES'] as const));
    const ordered = (['SPACE', 'FUNDS', 'PEOPLE', 'SERVICES'] as const).filter((kind) => commitments.has(kind));
    const year = rng.pick([2021, 2022, 2022, 2023, 2023, 2023]);
    const signed = laterDate(isoDate(year, rng.int(1, 11), rng.int(1, 28)), station.openedOn);
    const hasAgreement = role === 'CO_BUILDER' || rng.chance(0.7);
    const roll = rng.next();
    // Most relations are open-ended; a few ended after a year, a few run to a fixed date.
    const validTo = roll < 0.06 ? isoDate(2024, 6, 30) : roll < 0.12 ? isoDate(2030, 12, 31) : null;
    result.push({
      id: seedUuid('co-building', key),
      organizationId: organization.id,
      stationId: station.id,
      role,
      agreementSignedOn: hasAgreement ? signed : null,
      commitments: ordered,
      commitmentNote: ordered.map((kind) => rng.pick(NOTES[kind])).join('；'),
      validFrom: signed,
      validTo: validTo !== null && validTo < signed ? null : validTo,
      createdAt: `${signed}T10:00:00+08:00`,
    });
    return true;
  };

  for (const station of warmNewStations) {
    const teams = warmNewTeams.filter((team) => fits(team, station));
    add(rng.pick(teams), station, rng.pick(['CO_BUILDER', 'SERVICE_PROVIDER'] as const));
    const partners = general.filter((organization) => fits(organization, station) && organization.kind !== 'PROPERTY_SERVICE');
    const partner = rng.pick(partners);
    add(partner, station, rng.pick(ROLES_BY_KIND[partner.kind]));
  }

  for (const station of otherStations.slice(0, Math.ceil(otherStations.length / CO_BUILT_SHARE))) {
    const candidates = general.filter((organization) => fits(organization, station));
    const relations = rng.int(1, 3);
    for (let i = 0; i < relations; i++) {
      const organization = rng.pick(candidates);
      add(organization, station, rng.pick(ROLES_BY_KIND[organization.kind]));
    }
  }
  return result;
}

/** Stations as the co-building builder needs them, read back from the database. */
async function loadCoBuildingStations(db: SeedDb): Promise<CoBuildingStation[]> {
  const stations = await loadSeededStations(db);
  const opened = (await db.execute(`select id, to_char(opened_on, 'YYYY-MM-DD') as opened_on from station where opened_on is not null`)) as {
    id: string;
    opened_on: string;
  }[];
  const openedOn = new Map(opened.map((row) => [row.id, row.opened_on]));
  return stations.map((station) => ({ ...station, openedOn: openedOn.get(station.id) ?? null }));
}

/** Seed step: the organizations and their co-buildings. */
/** Writes organizations, each in the region its code names (the regions must be seeded). */
export async function insertOrganizations(db: SeedDb, organizations: readonly SeedOrganization[]): Promise<void> {
  const regionIds = await loadRegionIds(db);
  const rows = organizations.map((organization) => {
    const regionId = regionIds.get(organization.regionCode);
    if (regionId === undefined) throw new Error(`Region ${organization.regionCode} of ${organization.name} is not seeded`);
    return [
      organization.id,
      organization.name,
      organization.kind,
      organization.creditCode,
      organization.creditCodeWarning,
      organization.contactName,
      organization.contactPhone,
      regionId,
      organization.createdAt,
      organization.createdAt,
    ];
  });
  await insertBatches(
    db,
    'organization',
    ['id', 'name', 'kind', 'credit_code', 'credit_code_warning', 'contact_name', 'contact_phone', 'region_id', 'created_at', 'updated_at'],
    rows,
  );
}

/** Writes co-building relations (their organizations and stations must be seeded). */
export async function insertCoBuildings(db: SeedDb, coBuildings: readonly SeedCoBuilding[]): Promise<void> {
  await insertBatches(
    db,
    'co_building',
    ['id', 'organization_id', 'station_id', 'role', 'agreement_signed_on', 'commitments', 'commitment_note', 'valid_from', 'valid_to', 'created_at', 'updated_at'],
    coBuildings.map((coBuilding) => [
      coBuilding.id,
      coBuilding.organizationId,
      coBuilding.stationId,
      coBuilding.role,
      coBuilding.agreementSignedOn,
      `{${coBuilding.commitments.join(',')}}`,
      coBuilding.commitmentNote,
      coBuilding.validFrom,
      coBuilding.validTo,
      coBuilding.createdAt,
      coBuilding.createdAt,
    ]),
  );
}

export async function seedOrganizations(db: SeedDb): Promise<Record<string, number>> {
  const organizations = buildSeedOrganizations();
  await insertOrganizations(db, organizations);
  const coBuildings = buildSeedCoBuildings(organizations, await loadCoBuildingStations(db));
  await insertCoBuildings(db, coBuildings);
  return { organizations: organizations.length, coBuildings: coBuildings.length };
}
