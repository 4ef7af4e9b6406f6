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
  FUNCTION_ZONES_TOO_MANY: { zh: '功能区最多填写 {max} 个。', en: 'At most {max} function zones are allowed.' },
  FUNCTION_ZONE_DUPLICATE: {
    zh: '功能区“{kindZh}”重复填写了，每类功能区只能填一次，请删去重复的一项。',
    en: 'The function zone {kind} is listed twice; each kind may appear once. Remove the duplicate.',
  },
  FUNCTION_ZONE_NAME_DUPLICATE: {
    zh: '特色功能区“{name}”重复填写了，多个“其他特色功能区”的名称不能相同。',
    en: 'The featured zone "{name}" is listed twice; several OTHER_FEATURED zones need different names.',
  },
  FUNCTION_ZONE_NAME_REQUIRED: {
    zh: '“其他特色功能区”须填写名称，如“邻里食堂”“骑手之家”。',
    en: 'An OTHER_FEATURED zone needs a name, e.g. 邻里食堂 (neighbourhood canteen).',
  },
  FUNCTION_ZONE_NAME_TOO_LONG: { zh: '功能区名称不能超过 {max} 个字。', en: 'A function zone name must be at most {max} characters.' },
  FUNCTION_ZONE_AREA_INVALID: {
    zh: '功能区面积“{value}”不正确：请填写大于 0、不超过 {max} 的平方米数；不清楚面积可不填。',
    en: 'The zone area "{value}" is invalid: give square metres above 0 and at most {max}, or leave it out.',
  },
  HUB_NOT_FOUND: { zh: '找不到所选的党群服务中心，请重新选择。', en: 'The selected party-and-masses service centre does not exist; choose another.' },
  HUB_NOT_A_HUB: {
    zh: '“{name}”（{code}）不是党群服务中心，驿站只能归属到党群服务中心；请另选，或先把它设为党群服务中心。',
    en: '"{name}" ({code}) is not a party-and-masses service centre (hub); choose a hub, or make it one first.',
  },
  HUB_ARCHIVED: {
    zh: '党群服务中心“{name}”（{code}）已归档，不能再接收驿站，请选择其他党群服务中心。',
    en: 'The hub "{name}" ({code}) is archived and cannot take stations; choose another hub.',
  },
  HUB_SELF: { zh: '驿站不能归属于自身，请选择其他党群服务中心。', en: 'A station cannot belong to itself; choose another hub.' },
  HUB_OTHER_DISTRICT: {
    zh: '党群服务中心“{name}”（{code}）不在驿站所在的区（县、市），驿站只能归属本区的党群服务中心。',
    en: 'The hub "{name}" ({code}) is in another district; a station can only belong to a hub of its own district.',
  },
  HUB_NESTED: {
    zh: '党群服务中心不能再归属于其他党群服务中心：请先解除它的归属，或不要设为党群服务中心。',
    en: 'A hub cannot itself belong to a hub: clear its hub first, or do not make it a hub.',
  },
  HUB_HAS_MEMBERS: {
    zh: '该党群服务中心下还有 {count} 个驿站，不能取消党群服务中心身份；请先把这些驿站改挂到其他党群服务中心或解除归属，再操作。',
    en: '{count} stations still belong to this hub, so it cannot stop being one; move them to another hub or clear their hub first.',
  },
  HUB_MEMBERS_OTHER_DISTRICT: {
    zh: '该党群服务中心下还有 {count} 个驿站在原区（县、市），不能把它迁到其他区；请先把这些驿站改挂到原区的其他党群服务中心。',
    en: '{count} stations of this hub are in its current district, so it cannot move to another; move them to another hub of that district first.',
  },
  HUB_ARCHIVE_HAS_MEMBERS: {
    zh: '该党群服务中心下还有 {count} 个驿站，不能归档；请先把这些驿站改挂到其他党群服务中心或解除归属。',
    en: '{count} stations still belong to this hub, so it cannot be archived; move them to another hub or clear their hub first.',
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** Fills a message template for the locale; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
