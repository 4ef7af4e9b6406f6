import { divisionLevel, formatServiceItemCode } from '../src/modules/service-item/service-item-code';
import { toTextArrayLiteral } from '../src/db/sql';
import { createRng, seedUuid } from './support/deterministic';
import { insertBatches, loadSeededStations, type SeedDb } from './support/seed-db';
import { seedDepartmentId } from './xiangyang.departments';

/**
 * The high-frequency service items (高频服务事项) of Xiangyang's catalogue and their push-down
 * (下沉) to stations: the article's "100+ items pushed down". Every item of the catalogue goes to
 * every open station of the high-tech zone (高新区), a core set of city items to every open station
 * of the three urban districts, and some 樊城区 items to the other stations of 樊城区.
 */

type Level = 'PROVINCE' | 'CITY' | 'DISTRICT';
type Category =
  | 'PARTY_BUILDING'
  | 'POLICY_CONSULTATION'
  | 'AGENCY_SERVICE'
  | 'LEGAL_AID'
  | 'CULTURE_PUBLICITY'
  | 'TRAINING'
  | 'SOCIAL_SECURITY'
  | 'MEDICAL_INSURANCE'
  | 'CIVIL_AFFAIRS'
  | 'EMPLOYMENT'
  | 'HOUSEHOLD_REGISTRATION'
  | 'VETERANS'
  | 'ELDERLY_CARE'
  | 'DISABILITY'
  | 'HEALTH'
  | 'TRADE_UNION'
  | 'WOMEN_CHILDREN'
  | 'YOUTH'
  | 'TRANSPORT'
  | 'MARKET_SERVICE'
  | 'OTHER';
type Mode = 'SELF_SERVICE_TERMINAL' | 'PROXY' | 'GUIDANCE' | 'WINDOW';
type PushDownStatus = 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN';

export interface SeedServiceItem {
  id: string;
  code: string;
  name: string;
  level: Level;
  category: Category;
  departmentCode: string;
  handlingMode: Mode;
  materials: string[];
  /** Working days; null = handled on the spot (即办). */
  timeLimitDays: number | null;
  feeYuan: string;
  description: string | null;
  active: boolean;
  /** A city item pushed down to every open station of the three urban districts. */
  core: boolean;
  /** A 樊城区 item pushed down to every open station of 樊城区. */
  fanchengWide: boolean;
}

/** A station as the push-down rules see it (read back from the database, or from the dataset in tests). */
export interface PushDownTarget {
  id: string;
  code: string;
  status: string;
  tier: string;
  /** Path of its community, e.g. '420000/420600/420606/420606070000/420606070001/'. */
  regionPath: string;
}

export interface SeedPushDown {
  id: string;
  stationId: string;
  stationCode: string;
  itemCode: string;
  mode: Mode;
  since: string;
  status: PushDownStatus;
}

export interface ServiceItemSeed {
  items: SeedServiceItem[];
  pushDowns: SeedPushDown[];
}

/** The streets of the high-tech zone (襄阳高新区), administered under 樊城区. */
export const HIGH_TECH_ZONE_STREET_CODES: readonly string[] = [
  '420606070000',
  '420606071000',
  '420606072000',
  '420606170000',
  '420606171000',
  '420606570000',
  '420606571000',
  '420606572000',
];
export const URBAN_DISTRICTS: readonly string[] = ['420602', '420606', '420607'];
export const FANCHENG = '420606';

const ID = '居民身份证原件';
const HUKOU = '户口簿原件';
const PHOTO = '近期免冠彩色证件照（1寸，可现场采集）';
const SSCARD = '社会保障卡';
const BANK = '本人社会保障卡或银行卡（金融功能已激活）';
const HARDSHIP = '家庭经济状况核对授权书';

/** One catalogue item before its code is numbered: [name, mode, materials, days, extras]. */
type Entry = [
  name: string,
  mode: Mode,
  materials: string[],
  days: number | null,
  extras?: Partial<Pick<SeedServiceItem, 'feeYuan' | 'description' | 'active' | 'core' | 'fanchengWide'>>,
];

/** A series of the catalogue: the division that issues it, its letters, its category and department. */
interface Series {
  division: string;
  letters: string;
  category: Category;
  departmentCode: string;
  entries: Entry[];
}

const CATALOGUE: Series[] = [
  // ── 省级事项 ──
  {
    division: '420000',
    letters: 'SB',
    category: 'SOCIAL_SECURITY',
    departmentCode: 'HB-RST',
    entries: [
      ['社保卡申领', 'WINDOW', [ID, PHOTO], 10, { description: '首次申领第三代社会保障卡；驿站设即时制卡点的当场领卡' }],
      ['社会保障卡挂失与解挂', 'SELF_SERVICE_TERMINAL', [ID], null],
      ['社会保障卡补换', 'PROXY', [ID, '原社会保障卡（换卡时提供）', PHOTO], 10],
      ['社会保障卡密码重置', 'SELF_SERVICE_TERMINAL', [ID, SSCARD], null],
      ['养老保险待遇资格认证', 'SELF_SERVICE_TERMINAL', [ID], null, { description: '领取养老金人员每年认证一次，可刷脸自助完成' }],
      ['个人参保缴费凭证查询打印', 'SELF_SERVICE_TERMINAL', [`${ID}或${SSCARD}`], null],
      ['企业职工基本养老保险关系转移接续申请', 'GUIDANCE', [ID, '参保缴费凭证'], 45],
      ['第一代社会保障卡换发', 'PROXY', [ID, '第一代社会保障卡'], 15, { active: false, description: '换发工作已结束，改按“社会保障卡补换”办理' }],
    ],
  },
  {
    division: '420000',
    letters: 'PX',
    category: 'TRAINING',
    departmentCode: 'HB-RST',
    entries: [
      ['职业技能等级证书查询', 'SELF_SERVICE_TERMINAL', [ID], null],
      ['技工院校招生政策咨询', 'GUIDANCE', [], null],
    ],
  },
  {
    division: '420000',
    letters: 'ZW',
    category: 'AGENCY_SERVICE',
    departmentCode: 'HB-ZWB',
    entries: [
      ['“鄂汇办”实名注册与使用指导', 'GUIDANCE', [ID, '本人实名登记的手机号码'], null],
      ['电子证照亮证与下载指导', 'GUIDANCE', [ID], null],
      ['政务服务“好差评”评价与投诉', 'GUIDANCE', [], null],
      ['健康码异常申诉', 'GUIDANCE', [ID], 1, { active: false, description: '疫情防控措施优化后停止办理' }],
    ],
  },
  {
    division: '420000',
    letters: 'HJ',
    category: 'HOUSEHOLD_REGISTRATION',
    departmentCode: 'HB-GAT',
    entries: [
      ['居民身份证跨省异地受理咨询', 'GUIDANCE', [HUKOU, '本人到场采集指纹和照片'], null],
      ['出入境证件办理预约', 'GUIDANCE', [ID], null],
      ['机动车驾驶证期满换证指导', 'GUIDANCE', [ID, '机动车驾驶证', '县级以上医疗机构体检证明'], null],
    ],
  },
  // ── 市级事项 ──
  {
    division: '420600',
    letters: 'SB',
    category: 'SOCIAL_SECURITY',
    departmentCode: 'XY-RSJ',
    entries: [
      ['城乡居民养老保险参保登记', 'PROXY', [ID, HUKOU], null, { core: true }],
      ['城乡居民养老保险待遇申领', 'PROXY', [ID, HUKOU, BANK], 20, { core: true }],
      ['灵活就业人员参保登记', 'PROXY', [ID, SSCARD], null, { core: true }],
      ['城乡居民养老保险缴费档次变更', 'PROXY', [ID], null],
      ['灵活就业人员社保缴费', 'SELF_SERVICE_TERMINAL', [SSCARD], null],
      ['养老保险丧葬补助金和抚恤金申领', 'PROXY', ['逝者居民身份证', '死亡证明或火化证明', '申领人居民身份证原件', '与逝者关系证明'], 20],
      ['失业保险金申领', 'PROXY', [ID, '解除或终止劳动关系证明', SSCARD], 20],
      ['工伤保险待遇政策咨询', 'GUIDANCE', [], null],
      ['退休人员基本信息变更', 'PROXY', [ID, '变更事项的证明材料'], 5],
      ['社会保险参保证明打印', 'SELF_SERVICE_TERMINAL', [`${ID}或${SSCARD}`], null],
    ],
  },
  {
    division: '420600',
    letters: 'JY',
    category: 'EMPLOYMENT',
    departmentCode: 'XY-RSJ',
    entries: [
      ['就业失业登记', 'PROXY', [ID, SSCARD], null, { core: true }],
      ['创业担保贷款咨询', 'GUIDANCE', [ID, '营业执照（已创业的提供）'], null, { core: true }],
      ['就业困难人员认定', 'PROXY', [ID, '就业失业登记证明', '相关困难情况证明材料'], 15],
      ['灵活就业社会保险补贴申请', 'PROXY', [ID, '就业困难人员认定证明', '社会保险缴费凭证'], 20],
      ['零工求职登记', 'PROXY', [ID], null],
      ['招聘岗位信息查询', 'SELF_SERVICE_TERMINAL', [], null],
      ['高校毕业生就业见习报名', 'PROXY', [ID, '毕业证书或学籍证明'], 10],
    ],
  },
  {
    division: '420600',
    letters: 'PX',
    category: 'TRAINING',
    departmentCode: 'XY-RSJ',
    entries: [
      ['职业技能培训报名', 'PROXY', [ID, '学历证明（部分工种需要）'], null],
      ['技能提升补贴申领', 'PROXY', [ID, '职业资格证书或职业技能等级证书', BANK], 20],
      ['电商直播技能培训报名', 'PROXY', [ID], null],
    ],
  },
  {
    division: '420600',
    letters: 'LD',
    category: 'LEGAL_AID',
    departmentCode: 'XY-RSJ',
    entries: [['劳动人事争议调解申请', 'PROXY', [ID, '劳动合同或事实劳动关系证明', '争议事实及请求的书面说明'], 15]],
  },
  {
    division: '420600',
    letters: 'YB',
    category: 'MEDICAL_INSURANCE',
    departmentCode: 'XY-YBJ',
    entries: [
      ['城乡居民医保参保登记', 'PROXY', [`${ID}或${HUKOU}`], null, { core: true }],
      ['城乡居民医保缴费', 'SELF_SERVICE_TERMINAL', [`${ID}或${SSCARD}`], null, { core: true }],
      ['异地就医备案', 'PROXY', [`${ID}或${SSCARD}`, '异地长期居住证明或个人承诺书'], null, { core: true }],
      ['医保电子凭证激活指导', 'GUIDANCE', [ID, '本人实名登记的手机号码'], null, { core: true }],
      ['门诊慢特病待遇认定申请', 'PROXY', [ID, '二级以上医院病历资料', '相关检查报告'], 15],
      ['医疗费用零星报销', 'PROXY', [ID, '医疗费用发票原件', '费用明细清单', '出院小结或门诊病历'], 20],
      ['基本医疗保险关系转移接续', 'PROXY', [ID, '参保凭证'], 15],
      ['医保参保缴费信息查询打印', 'SELF_SERVICE_TERMINAL', [`${ID}或${SSCARD}`], null],
      ['生育津贴申领', 'PROXY', [ID, '出生医学证明', '医疗机构出院小结', BANK], 20],
    ],
  },
  {
    division: '420600',
    letters: 'MZ',
    category: 'CIVIL_AFFAIRS',
    departmentCode: 'XY-MZJ',
    entries: [
      ['高龄津贴申请', 'PROXY', [ID, HUKOU, BANK], 20, { core: true, description: '80周岁以上本市户籍老年人' }],
      ['困难群众临时救助申请', 'PROXY', [ID, HUKOU, '困难情况书面说明', HARDSHIP], 15, { core: true }],
      ['残疾人两项补贴申请', 'PROXY', [ID, '第二代残疾人证', HUKOU, BANK], 20, { core: true, description: '困难残疾人生活补贴和重度残疾人护理补贴' }],
      ['最低生活保障申请', 'PROXY', [ID, HUKOU, '家庭成员收入及财产情况说明', HARDSHIP], 30],
      ['特困人员救助供养申请', 'PROXY', [ID, HUKOU, HARDSHIP], 30],
      ['婚姻登记预约咨询', 'GUIDANCE', [ID, HUKOU], null],
      ['社会组织登记咨询', 'GUIDANCE', [], null],
      ['惠民殡葬补贴申请', 'PROXY', ['逝者居民身份证', '火化证明', '申领人居民身份证原件', BANK], 15],
    ],
  },
  {
    division: '420600',
    letters: 'LN',
    category: 'ELDERLY_CARE',
    departmentCode: 'XY-MZJ',
    entries: [
      ['老年人优待证办理', 'PROXY', [ID, PHOTO], 7, { core: true }],
      ['养老服务补贴申请', 'PROXY', [ID, HUKOU, '老年人能力评估结果'], 20],
      ['居家养老服务需求登记', 'PROXY', [ID], null],
      ['家庭养老床位建设申请', 'PROXY', [ID, '老年人能力评估结果', '居住房屋情况说明'], 30],
    ],
  },
  {
    division: '420600',
    letters: 'HJ',
    category: 'HOUSEHOLD_REGISTRATION',
    departmentCode: 'XY-GAJ',
    entries: [
      ['居住证办理咨询', 'GUIDANCE', [ID, '居住证明（房屋租赁合同、不动产权证书或单位证明）', PHOTO], null, { core: true }],
      ['居民身份证申领换领预约', 'GUIDANCE', [HUKOU], null],
      ['户口迁移政策咨询', 'GUIDANCE', [HUKOU], null],
      ['无犯罪记录证明申请', 'PROXY', [ID, '用途说明'], 3],
      ['新生儿入户咨询', 'GUIDANCE', ['出生医学证明', '父母双方户口簿', '父母结婚证'], null],
    ],
  },
  {
    division: '420600',
    letters: 'FL',
    category: 'LEGAL_AID',
    departmentCode: 'XY-SFJ',
    entries: [
      ['法律援助申请', 'PROXY', [ID, '经济困难状况说明表', '与所申请法律援助事项有关的材料'], 7, { core: true }],
      ['人民调解申请', 'PROXY', [ID, '纠纷情况书面说明'], 30],
      ['公证事项咨询', 'GUIDANCE', [], null],
      ['公共法律服务咨询', 'GUIDANCE', [], null],
    ],
  },
  {
    division: '420600',
    letters: 'DJ',
    category: 'PARTY_BUILDING',
    departmentCode: 'XY-ZZB',
    entries: [
      ['党员组织关系转接', 'PROXY', [ID, '党员组织关系介绍信（系统内线上转接的可免）'], 7, { core: true }],
      ['流动党员登记', 'PROXY', [ID, '党员身份证明材料', '外出务工经商情况说明'], null, { core: true }],
      ['党费线上缴纳指导', 'GUIDANCE', [], null],
      ['入党申请咨询', 'GUIDANCE', [], null],
      ['“双报到”党员社区报到登记', 'PROXY', [ID, '所在党组织证明'], null],
      ['困难党员帮扶申请', 'PROXY', [ID, '困难情况书面说明'], 15],
    ],
  },
  {
    division: '420600',
    letters: 'WH',
    category: 'CULTURE_PUBLICITY',
    departmentCode: 'XY-ZZB',
    entries: [
      ['党的创新理论宣讲活动预约', 'GUIDANCE', [], null],
      ['“襄阳好人”推荐', 'PROXY', ['被推荐人事迹材料', '推荐人居民身份证原件'], 30],
    ],
  },
  {
    division: '420600',
    letters: 'TY',
    category: 'VETERANS',
    departmentCode: 'XY-TYJR',
    entries: [
      ['退役军人优待证申领', 'PROXY', [ID, '退役证件', PHOTO], 20, { core: true }],
      ['退役军人信息采集', 'PROXY', [ID, '退役证件'], null],
      ['退役军人就业创业政策咨询', 'GUIDANCE', [], null],
      ['优抚对象定期抚恤补助申请', 'PROXY', [ID, HUKOU, '优抚对象身份证明', BANK], 30],
      ['光荣牌悬挂申请', 'PROXY', [ID, '退役证件或现役证明'], 15],
    ],
  },
  {
    division: '420600',
    letters: 'CJ',
    category: 'DISABILITY',
    departmentCode: 'XY-CL',
    entries: [
      ['残疾人证办理咨询', 'GUIDANCE', [ID, HUKOU, PHOTO], null],
      ['残疾人辅助器具适配申请', 'PROXY', [ID, '第二代残疾人证'], 30],
      ['残疾人就业登记', 'PROXY', [ID, '第二代残疾人证'], null],
    ],
  },
  {
    division: '420600',
    letters: 'WJ',
    category: 'HEALTH',
    departmentCode: 'XY-WJW',
    entries: [
      ['家庭医生签约服务', 'PROXY', [`${ID}或${SSCARD}`], null],
      ['出生医学证明办理咨询', 'GUIDANCE', ['父母双方居民身份证'], null],
      ['计划生育家庭特别扶助申请', 'PROXY', [ID, HUKOU, '独生子女证或相关证明'], 30],
      ['65岁以上老年人免费健康体检预约', 'PROXY', [ID], null],
      ['预防接种预约咨询', 'GUIDANCE', ['儿童预防接种证'], null],
    ],
  },
  {
    division: '420600',
    letters: 'GH',
    category: 'TRADE_UNION',
    departmentCode: 'XY-ZGH',
    entries: [
      ['新就业形态劳动者入会登记', 'PROXY', [ID], null],
      ['困难职工帮扶申请', 'PROXY', [ID, '工会会员证明', '困难情况书面说明'], 20],
      ['职工医疗互助保障参保', 'PROXY', [ID], null],
      ['金秋助学申请', 'PROXY', [ID, '录取通知书', '家庭困难情况说明'], 30],
    ],
  },
  { division: '420600', letters: 'PX', category: 'TRAINING', departmentCode: 'XY-ZGH', entries: [['新就业形态劳动者技能培训报名', 'PROXY', [ID], null]] },
  {
    division: '420600',
    letters: 'FN',
    category: 'WOMEN_CHILDREN',
    departmentCode: 'XY-FL',
    entries: [
      ['妇女儿童维权咨询', 'GUIDANCE', [], null],
      ['适龄妇女“两癌”免费筛查预约', 'PROXY', [ID], null],
      ['巾帼家政技能培训报名', 'PROXY', [ID], null],
    ],
  },
  {
    division: '420600',
    letters: 'QN',
    category: 'YOUTH',
    departmentCode: 'XY-TSW',
    entries: [
      ['青年志愿者注册', 'PROXY', [ID], null],
      ['希望工程助学申请', 'PROXY', [ID, HUKOU, '家庭困难情况说明', '录取通知书或在读证明'], 30],
      ['青年就业见习岗位咨询', 'GUIDANCE', [], null],
    ],
  },
  {
    division: '420600',
    letters: 'JT',
    category: 'TRANSPORT',
    departmentCode: 'XY-GJJT',
    entries: [
      ['老年人免费乘车卡办理', 'PROXY', [ID, PHOTO], 7, { core: true }],
      ['公交IC卡充值', 'SELF_SERVICE_TERMINAL', ['公交IC卡'], null],
      ['公交IC卡挂失补办', 'PROXY', [ID], 5, { feeYuan: '20.00', description: '补办收取卡片工本费' }],
      ['学生公交卡办理', 'PROXY', ['学生证或在读证明', PHOTO], 7, { feeYuan: '10.00' }],
      ['残疾人免费乘车卡办理', 'PROXY', [ID, '第二代残疾人证', PHOTO], 7],
    ],
  },
  {
    division: '420600',
    letters: 'SC',
    category: 'MARKET_SERVICE',
    departmentCode: 'XY-SCJ',
    entries: [
      ['个体工商户登记咨询', 'GUIDANCE', [ID, '经营场所证明'], null],
      ['消费投诉举报受理', 'PROXY', ['购物凭证或相关证据'], 7],
      ['食品经营许可咨询', 'GUIDANCE', [], null],
    ],
  },
  { division: '420600', letters: 'JG', category: 'MARKET_SERVICE', departmentCode: 'XY-FGW', entries: [['价格争议调解申请', 'PROXY', [ID, '价格争议事实及证据材料'], 15]] },
  {
    division: '420600',
    letters: 'ZW',
    category: 'AGENCY_SERVICE',
    departmentCode: 'XY-ZWJ',
    entries: [
      ['政务服务帮办代办', 'PROXY', [ID, '所办事项的申请材料'], null, { core: true }],
      ['水电气过户联办', 'PROXY', [ID, '不动产权证书'], 5],
      ['不动产登记信息查询', 'SELF_SERVICE_TERMINAL', [ID], null],
      ['12345热线诉求代为提交', 'PROXY', [], null],
    ],
  },
  {
    division: '420600',
    letters: 'ZC',
    category: 'POLICY_CONSULTATION',
    departmentCode: 'XY-ZWJ',
    entries: [
      ['惠民惠农补贴政策咨询', 'GUIDANCE', [], null],
      ['企业开办政策咨询', 'GUIDANCE', [], null],
      ['人才安居政策咨询', 'GUIDANCE', [], null],
    ],
  },
  // ── 区级事项（樊城区）──
  {
    division: FANCHENG,
    letters: 'ZW',
    category: 'AGENCY_SERVICE',
    departmentCode: 'FC-ZWJ',
    entries: [
      ['“一件事一次办”帮办代办', 'PROXY', [ID, '所办事项的申请材料'], null, { fanchengWide: true }],
      ['住房租赁合同备案', 'PROXY', [ID, '房屋租赁合同', '不动产权证书复印件'], 3],
      ['居住情况证明开具指引', 'GUIDANCE', [ID], null],
    ],
  },
  {
    division: FANCHENG,
    letters: 'ZC',
    category: 'POLICY_CONSULTATION',
    departmentCode: 'FC-ZWJ',
    entries: [
      ['惠企政策兑现咨询', 'GUIDANCE', [], null, { fanchengWide: true }],
      ['企业开办一站式咨询', 'GUIDANCE', [], null],
    ],
  },
  {
    division: FANCHENG,
    letters: 'WH',
    category: 'CULTURE_PUBLICITY',
    departmentCode: 'FC-ZWJ',
    entries: [
      ['社区文化活动室预约', 'PROXY', [], null, { fanchengWide: true }],
      ['新时代文明实践志愿服务项目对接', 'GUIDANCE', [], null],
    ],
  },
  {
    division: FANCHENG,
    letters: 'QT',
    category: 'OTHER',
    departmentCode: 'FC-ZWJ',
    entries: [
      ['小区物业服务投诉受理', 'PROXY', ['投诉事项书面说明'], 7],
      ['城市管理问题随手拍代报', 'PROXY', [], null],
    ],
  },
  {
    division: FANCHENG,
    letters: 'LN',
    category: 'ELDERLY_CARE',
    departmentCode: 'FC-MZJ',
    entries: [
      ['老年人助餐服务登记', 'PROXY', [ID], null, { fanchengWide: true }],
      ['独居老人关爱探访登记', 'PROXY', [ID], null],
    ],
  },
  { division: FANCHENG, letters: 'PX', category: 'TRAINING', departmentCode: 'FC-MZJ', entries: [['老年学校报名', 'PROXY', [ID], null, { fanchengWide: true }]] },
  {
    division: FANCHENG,
    letters: 'ET',
    category: 'WOMEN_CHILDREN',
    departmentCode: 'FC-MZJ',
    entries: [
      ['“四点半课堂”报名', 'PROXY', ['学生家长居民身份证', '学生在读证明'], null, { fanchengWide: true }],
      ['困境儿童基本生活保障申请', 'PROXY', [ID, HUKOU, '困境情况证明材料'], 30],
    ],
  },
  { division: FANCHENG, letters: 'MZ', category: 'CIVIL_AFFAIRS', departmentCode: 'FC-MZJ', entries: [['低保家庭经济状况核对授权', 'PROXY', [ID, HARDSHIP], null]] },
];

const ITEMS_CREATED_AT = '2023-01-05T09:00:00+08:00';

/** The catalogue with its codes numbered in order within each division and series. */
export function buildServiceItems(): SeedServiceItem[] {
  const sequences = new Map<string, number>();
  const items: SeedServiceItem[] = [];
  for (const series of CATALOGUE) {
    for (const [name, handlingMode, materials, timeLimitDays, extras = {}] of series.entries) {
      const key = `${series.division}-${series.letters}`;
      const sequence = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, sequence);
      const code = formatServiceItemCode(series.division, series.letters, sequence);
      items.push({
        id: seedUuid('service-item', code),
        code,
        name,
        level: divisionLevel(series.division),
        category: series.category,
        departmentCode: series.departmentCode,
        handlingMode,
        materials,
        timeLimitDays,
        feeYuan: extras.feeYuan ?? '0.00',
        description: extras.description ?? null,
        active: extras.active ?? true,
        core: extras.core ?? false,
        fanchengWide: extras.fanchengWide ?? false,
      });
    }
  }
  return items;
}

export function isHighTechZone(station: Pick<PushDownTarget, 'regionPath'>): boolean {
  return HIGH_TECH_ZONE_STREET_CODES.some((street) => station.regionPath.includes(`/${street}/`));
}

function districtOf(station: Pick<PushDownTarget, 'regionPath'>): string {
  return station.regionPath.split('/')[2];
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Which items each station handles, and how: every active item at the high-tech zone's open
 * stations (rolled out from February 2023), the core city items at the other open stations of
 * the urban districts (from March) and the 樊城区-wide items at the other open stations of 樊城区
 * (from June). A counter's window only exists at leading stations; elsewhere staff do it by proxy.
 * About 2% of push-downs are suspended and 0.5% withdrawn.
 */
export function buildServiceItemSeed(stations: readonly PushDownTarget[]): ServiceItemSeed {
  const items = buildServiceItems();
  const active = items.filter((item) => item.active);
  const sinceRng = createRng('service-items:since');
  const statusRng = createRng('service-items:status');
  const pushDowns: SeedPushDown[] = [];
  const ordered = [...stations].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const station of ordered) {
    if (station.status !== 'OPEN') continue;
    const district = districtOf(station);
    let chosen: SeedServiceItem[];
    let start: string;
    if (isHighTechZone(station)) {
      chosen = active;
      start = addDays('2023-02-01', sinceRng.int(0, 60));
    } else if (URBAN_DISTRICTS.includes(district)) {
      chosen = active.filter((item) => item.core || (district === FANCHENG && item.fanchengWide));
      start = addDays('2023-03-01', sinceRng.int(0, 90));
    } else continue;
    for (const item of chosen) {
      const late = item.fanchengWide ? addDays('2023-06-01', sinceRng.int(0, 60)) : start;
      const since = addDays(late, sinceRng.int(0, 45));
      const roll = statusRng.next();
      pushDowns.push({
        id: seedUuid('station-service-item', `${station.code}:${item.code}`),
        stationId: station.id,
        stationCode: station.code,
        itemCode: item.code,
        mode: item.handlingMode === 'WINDOW' && station.tier !== 'LEADING' ? 'PROXY' : item.handlingMode,
        since,
        status: roll < 0.005 ? 'WITHDRAWN' : roll < 0.025 ? 'SUSPENDED' : 'ACTIVE',
      });
    }
  }
  return { items, pushDowns };
}

/** Seed step: the catalogue and its push-downs, in a handful of multi-row INSERTs. */
export async function seedServiceItems(db: SeedDb): Promise<Record<string, number>> {
  const stations = await loadSeededStations(db);
  const { items, pushDowns } = buildServiceItemSeed(stations);
  await insertBatches(
    db,
    'service_item',
    ['id', 'code', 'name', 'level', 'category', 'department_id', 'handling_mode', 'materials', 'time_limit_days', 'fee_yuan', 'description', 'active', 'created_at', 'updated_at'],
    items.map((item) => [
      item.id,
      item.code,
      item.name,
      item.level,
      item.category,
      seedDepartmentId(item.departmentCode),
      item.handlingMode,
      // The seed executor expands a JS array into a value list, so the array goes in as its literal.
      toTextArrayLiteral(item.materials),
      item.timeLimitDays,
      item.feeYuan,
      item.description,
      item.active,
      ITEMS_CREATED_AT,
      ITEMS_CREATED_AT,
    ]),
  );
  const itemIds = new Map(items.map((item) => [item.code, item.id]));
  await insertBatches(
    db,
    'station_service_item',
    ['id', 'station_id', 'service_item_id', 'mode', 'since', 'status', 'created_at', 'updated_at'],
    pushDowns.map((pushDown) => {
      const at = `${pushDown.since}T09:00:00+08:00`;
      return [pushDown.id, pushDown.stationId, itemIds.get(pushDown.itemCode), pushDown.mode, pushDown.since, pushDown.status, at, at];
    }),
  );
  return { serviceItems: items.length, stationServiceItems: pushDowns.length };
}
