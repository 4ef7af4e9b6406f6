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
  PHONE_INVALID: {
    zh: '电话号码格式不正确：手机号须为11位（以13至19开头），固定电话须带区号，如 0710-3221234。',
    en: 'The phone number is malformed: use an 11-digit mobile number starting 13 to 19, or a landline with its area code, e.g. 0710-3221234.',
  },
  PERSON_REGION_LEVEL: {
    zh: '人员服务的区划须为社区（村）或街道（乡镇），“{name}”（{code}）不是，请选择其下属的社区或街道。',
    en: 'A person serves a community, village, street or township; "{name}" ({code}) is none of these. Choose one below it.',
  },
  REFERENCE_INACTIVE: {
    zh: '{kindZh}“{name}”已停用，不能再安排；请选择其他{kindZh}，或先将其恢复启用。',
    en: 'The {kind} "{name}" is inactive and cannot be referenced; choose another {kind} or reactivate it first.',
  },
  PERSON_LINKED_TO_STATIONS: {
    zh: '该人员目前是 {count} 个驿站的{linkZh}，不能更改身份或停用；请先在驿站管理中换人或撤销驻点，再修改。',
    en: 'This person is the {link} of {count} station(s), so their role cannot change and they cannot be deactivated; replace them at those stations first.',
  },
  PERSON_IN_USE: {
    zh: '该人员已有值班记录，或是驿站的联系干部、驻点网格员，不能删除；如已离岗，请将其停用。',
    en: 'This person has shifts or is linked to a station as contact cadre or grid worker, so they cannot be deleted; deactivate them instead.',
  },
  MANAGER_NOT_PARTY_ORG: {
    zh: '驿站的管理党组织须为党组织（社区党组织、双报到党组织或驻区单位党组织），“{name}”是{kindZh}，请选择党组织。',
    en: 'A station\'s managing organization must be a party organization (community, dual-reporting or resident-unit party organization); "{name}" is {kind}.',
  },
  CONTACT_CADRE_ROLE: {
    zh: '联系包保驿站的须为社区两委干部，“{name}”的身份是{roleZh}，请选择社区两委干部。',
    en: 'A station\'s contact cadre must be a two-committees cadre (TWO_COMMITTEES_CADRE); "{name}" is {role}.',
  },
  GRID_WORKER_ROLE: {
    zh: '驻点人员须为网格员，“{name}”的身份是{roleZh}，请选择网格员。',
    en: 'Only grid workers can be stationed at a station; "{name}" is {role}.',
  },
  GRID_WORKER_ALREADY_ASSIGNED: { zh: '“{name}”已在该驿站驻点，无需重复安排。', en: '"{name}" is already stationed at this station.' },
  GRID_WORKER_NOT_ASSIGNED: { zh: '该网格员没有在这个驿站驻点，请刷新后重试。', en: 'This grid worker is not stationed at this station; refresh and try again.' },
  SHIFT_STATION_CLOSED: { zh: '驿站“{name}”已关闭，不能再安排或修改值班。', en: 'The station "{name}" is closed; its shifts can no longer be scheduled or changed.' },
  SHIFT_ENDS_BEFORE_START: { zh: '值班结束时间须晚于开始时间。', en: 'A shift must end after it starts.' },
  SHIFT_TOO_LONG: { zh: '一个班次不能超过 {hours} 小时，请拆成几个班次。', en: 'A shift can last at most {hours} hours; split it into several shifts.' },
  SHIFT_ASSIGNEE_REQUIRED: { zh: '请指定值班人员或值班组织（二选一）。', en: 'Give the person or the organization on duty (one of them).' },
  SHIFT_ASSIGNEE_BOTH: { zh: '值班人员和值班组织只能填一个。', en: 'Give either a person or an organization on duty, not both.' },
  SHIFT_OVERLAP: {
    zh: '{name}在 {span} 已安排在“{station}”{kindZh}，与本班次时间重叠，请调整时间或换人。',
    en: '{name} is already on duty at "{station}" ({kind}) {span}, which overlaps this shift; change the time or the person.',
  },
  SHIFT_OVERLAP_IN_ROSTER: {
    zh: '{name}在本次排班的第 {ordinal} 个班次（{span}）中已有安排，与本班次时间重叠。',
    en: '{name} already has shift {ordinal} of this roster ({span}), which overlaps this one.',
  },
  SHIFT_OVERLAP_CONCURRENT: {
    zh: '值班人员在这段时间刚被安排了其他值班，请刷新后调整时间或换人。',
    en: 'The person was just given another shift at this time; refresh, then change the time or the person.',
  },
  ROSTER_EMPTY: { zh: '请至少填写一个班次。', en: 'Give at least one shift.' },
  ROSTER_TOO_LARGE: { zh: '一次最多排 {max} 个班次，请分批提交。', en: 'At most {max} shifts can be scheduled at once; send them in batches.' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** Fills a message template for the locale; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
