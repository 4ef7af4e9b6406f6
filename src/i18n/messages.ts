import type { Locale } from './locale';

export type MessageParams = Record<string, string | number>;

/**
 * User-facing messages. Chinese is written for the street and community staff who use the
 * admin frontends: it says what is wrong and what to do. English mirrors it for partners.
 */
const messages = {
  NAME_REQUIRED: { zh: '请填写驿站名称。', en: 'Enter the station name.' },
  NAME_TOO_LONG: { zh: '驿站名称不能超过 {max} 个字。', en: 'The station name must be at most {max} characters.' },
  ADDRESS_REQUIRED: { zh: '请填写驿站地址。', en: 'Enter the station address.' },
  ADDRESS_TOO_LONG: { zh: '驿站地址不能超过 {max} 个字。', en: 'The station address must be at most {max} characters.' },
  REGION_NOT_FOUND: {
    zh: '找不到行政区划代码“{code}”，请核对社区或村的12位统计用区划代码。',
    en: 'No region has the code "{code}"; check the 12-digit statistical code of the community or village.',
  },
  REGION_NOT_COMMUNITY: {
    zh: '驿站须挂在社区或村一级，“{name}”（{code}）不是社区或村，请选择其下属的社区或村。',
    en: 'A station must belong to a community or village; "{name}" ({code}) is not one. Choose a community or village under it.',
  },
  CIRCLE_NOT_FOUND: { zh: '找不到所选的15分钟便民服务圈，请重新选择。', en: 'The selected 15-minute service circle does not exist; choose another.' },
  CIRCLE_OUTSIDE_DISTRICT: {
    zh: '所选服务圈“{circle}”不在驿站所在的区（县、市），请选择本区的服务圈。',
    en: 'The service circle "{circle}" is not in the station\'s district; choose a circle of that district.',
  },
  COORDINATES_OUT_OF_CHINA: {
    zh: '坐标（纬度 {lat}，经度 {lng}）不在中国境内，请检查经纬度是否填反、坐标系是否选对。',
    en: 'The coordinates (latitude {lat}, longitude {lng}) are outside China; check that latitude and longitude are not swapped and the coordinate system is right.',
  },
  PLAN_YEAR_INVALID: { zh: '计划年度须在 {min} 至 {max} 年之间。', en: 'The plan year must be between {min} and {max}.' },
  OPENED_ON_INVALID: { zh: '建成日期不能晚于今天（{today}）。', en: 'The opening date cannot be later than today ({today}).' },
  OPENED_ON_NOT_OPENED: {
    zh: '规划中或建设中的驿站不能填写建成日期。',
    en: 'A planned or under-construction station cannot have an opening date.',
  },
  INITIAL_STATUS_INVALID: {
    zh: '新建驿站的状态只能是“规划中”“建设中”或“运行中”。',
    en: 'A new station can only start as PLANNED, UNDER_CONSTRUCTION or OPEN.',
  },
  STATION_NOT_FOUND: { zh: '找不到该驿站，请刷新后重试。', en: 'The station does not exist; refresh and try again.' },
  STATION_ID_INVALID: { zh: '驿站标识格式不正确。', en: 'The station ID is malformed.' },
  VERSION_CONFLICT: {
    zh: '该驿站已被他人修改（您读取的是第 {given} 版，当前为第 {current} 版），请刷新后重新修改。',
    en: 'The station was changed by someone else (you read version {given}, it is now version {current}); refresh and try again.',
  },
  INVALID_TRANSITION: {
    zh: '驿站状态不能从“{fromZh}”改为“{toZh}”。当前状态可改为：{allowedZh}。',
    en: 'The station status cannot change from {from} to {to}. Allowed from {from}: {allowed}.',
  },
  ARCHIVED: { zh: '该驿站已归档，不能再修改。', en: 'The station is archived and can no longer be changed.' },
  ARCHIVE_NOT_ALLOWED: {
    zh: '只有“已关闭”或“规划中”的驿站可以归档，当前状态为“{statusZh}”，请先关闭。',
    en: 'Only CLOSED or PLANNED stations can be archived; this one is {status}. Close it first.',
  },
  FORBIDDEN: { zh: '您没有权限进行此操作。', en: 'You are not allowed to do this.' },
  RECORD_ID_INVALID: { zh: '{kindZh}标识格式不正确，请使用查询返回的 ID。', en: 'The {kind} ID is malformed; use an ID returned by a query.' },
  RECORD_NOT_FOUND: { zh: '找不到该{kindZh}，请刷新后重试。', en: 'The {kind} does not exist; refresh and try again.' },
  RECORD_VERSION_CONFLICT: {
    zh: '该{kindZh}已被他人修改（您读取的是第 {given} 版，当前为第 {current} 版），请刷新后重新修改。',
    en: 'The {kind} was changed by someone else (you read version {given}, it is now version {current}); refresh and try again.',
  },
  TEXT_REQUIRED: { zh: '请填写{labelZh}。', en: 'Enter the {label}.' },
  TEXT_TOO_LONG: { zh: '{labelZh}不能超过 {max} 个字。', en: 'The {label} must be at most {max} characters.' },
  DEPARTMENT_CODE_INVALID: {
    zh: '部门代码“{code}”格式不正确：须为2至32位大写字母、数字或连字符，如 XY-ZGH。',
    en: 'The department code "{code}" is malformed: use 2 to 32 capital letters, digits or hyphens, e.g. XY-ZGH.',
  },
  DEPARTMENT_CODE_TAKEN: { zh: '部门代码“{code}”已被使用，请换一个。', en: 'The department code "{code}" is already taken; choose another.' },
  DEPARTMENT_REGION_LEVEL: {
    zh: '{levelZh}部门的辖区须为{levelZh}行政区划，“{name}”（{code}）不是。',
    en: 'A {level} department needs a {level} region as its jurisdiction; "{name}" ({code}) is not one.',
  },
  DEPARTMENT_NOT_FOUND: { zh: '找不到代码为“{code}”的部门，请核对部门代码。', en: 'No department has the code "{code}"; check the code.' },
  DEPARTMENT_INACTIVE: { zh: '部门“{name}”已停用，不能再被新记录引用。', en: 'The department "{name}" is inactive and cannot be referenced by new records.' },
  OPENING_TIME_INVALID: {
    zh: '时间“{value}”格式不正确，请按“时:分”填写，如 08:30；结束时间最晚为 24:00。',
    en: 'The time "{value}" is malformed; use HH:MM such as 08:30 (closing at the latest 24:00).',
  },
  OPENING_WINDOW_EMPTY: {
    zh: '开放时段 {opens}–{closes} 的结束时间须晚于开始时间；跨午夜的时段请拆成两段填写。',
    en: 'The window {opens}–{closes} must close after it opens; split a window that crosses midnight into two.',
  },
  OPENING_WINDOWS_OVERLAP: {
    zh: '{weekdayZh}的开放时段 {first} 与 {second} 重叠，请合并或调整。',
    en: 'On {weekday} the windows {first} and {second} overlap; merge or adjust them.',
  },
  OPENING_WINDOWS_TOO_MANY: { zh: '开放时段最多 {max} 个。', en: 'At most {max} opening windows are allowed.' },
  OPENING_NOTE_TOO_LONG: { zh: '开放时间说明不能超过 {max} 个字。', en: 'The opening-hours note must be at most {max} characters.' },
  CREDIT_CODE_LENGTH: {
    zh: '统一社会信用代码应为18位，您填写的是 {length} 位，请对照营业执照或登记证书核对。',
    en: 'A unified social credit code has 18 characters; this one has {length}. Check it against the business licence or registration certificate.',
  },
  CREDIT_CODE_ALPHABET: {
    zh: '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、S、V、Z，请对照营业执照或登记证书核对（常见错误：把数字0写成字母O）。',
    en: 'A unified social credit code holds only digits and capitals other than I, O, S, V and Z; check it against the business licence (a common slip is the letter O for zero).',
  },
  CREDIT_CODE_TAKEN: {
    zh: '统一社会信用代码“{code}”已登记为“{name}”，同一组织不能重复登记；如需更改请修改已有记录。',
    en: 'The credit code "{code}" is already registered for "{name}"; an organization is registered once. Edit the existing record instead.',
  },
  CONTACT_PHONE_INVALID: {
    zh: '联系电话格式不正确：手机号为1开头的11位数字，座机请带区号，如 0710-3456789。',
    en: 'The contact phone is malformed: use an 11-digit mobile number starting with 1, or a landline with its area code, e.g. 0710-3456789.',
  },
  ORGANIZATION_REGION_NOT_FOUND: {
    zh: '找不到行政区划代码“{code}”，请填写组织所在的市、区（县）、街道或社区的代码。',
    en: 'No region has the code "{code}"; give the code of the city, district, street or community the organization is based in.',
  },
  ORGANIZATION_REFERENCED: {
    zh: '该组织已被引用（如共建关系、活动或驿站记录），不能删除，只能停用：请改用“停用”。',
    en: 'The organization is referenced (by co-building relations, activities or station records) and cannot be deleted; deactivate it instead.',
  },
  ORGANIZATION_INACTIVE: {
    zh: '组织“{name}”已停用，不能再为其新建{whatZh}；如确需使用，请先重新启用该组织。',
    en: 'The organization "{name}" is inactive and cannot get new {what}; reactivate it first if it is needed.',
  },
  STATION_ARCHIVED_REFERENCE: {
    zh: '驿站“{name}”已归档，不能再为其新建{whatZh}。',
    en: 'The station "{name}" is archived and cannot get new {what}.',
  },
  CO_BUILDING_PERIOD_INVALID: {
    zh: '共建结束日期（{validTo}）不能早于开始日期（{validFrom}）。',
    en: 'The co-building cannot end ({validTo}) before it starts ({validFrom}).',
  },
  CO_BUILDING_OVERLAP: {
    zh: '“{organization}”在该驿站已有一段“{roleZh}”共建关系（{periodZh}），与所填期间重叠。同一组织在同一驿站的同一角色同时只能有一段有效关系，请先结束原关系或调整起止日期。',
    en: '"{organization}" already has a {role} co-building at this station ({period}) that overlaps this period. Only one can be in force at a time: end the existing one or adjust the dates.',
  },
  CO_BUILDING_ALREADY_ENDED: {
    zh: '该共建关系已于 {validTo} 结束，无需再次结束；如需续签，请新建共建关系。',
    en: 'The co-building already ended on {validTo}; to renew it, create a new co-building.',
  },
  COMMITMENTS_REQUIRED: {
    zh: '请至少选择一项共建承诺：场地、资金、人员或服务。',
    en: 'Choose at least one commitment: space, funds, people or services.',
  },
  AGREEMENT_DATE_IN_FUTURE: {
    zh: '共建盟约签订日期不能晚于今天（{today}）。',
    en: 'The agreement cannot have been signed after today ({today}).',
  },
  ACTIVITY_ENDS_BEFORE_START: {
    zh: '活动结束时间须晚于开始时间，请检查日期和时刻。',
    en: 'The activity must end after it starts; check the dates and times.',
  },
  ACTIVITY_TOO_LONG: {
    zh: '一次活动最长 {maxDays} 天，更长的活动请按场次分别登记。',
    en: 'An activity lasts at most {maxDays} days; record a longer one as several sessions.',
  },
  PARTICIPANTS_INVALID: { zh: '参与人数须为0或正整数。', en: 'The number of participants must be zero or more.' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** Fills a message template for the locale; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
