import type { Locale } from './locale';

export type MessageParams = Record<string, string | number>;

/**
 * User-facing messages. Chinese is written for the street and community staff who use the
 * admin frontends: it says what is wrong and what to do. English mirrors it for partners.
 */
const messages = {
  // Refusals of a whole request (limits, budgets, time-outs, the database): they name the limit and what to do.
  QUERY_COST_TOO_HIGH: {
    zh: '本次查询的代价为 {actual}，超过{callerZh}单次查询的上限 {maximum}。请减少每页条数（first/last）或嵌套的列表后重试。',
    en: 'This query costs {actual}, more than the {maximum} one request may cost for {callerEn}. Ask for fewer items per page (first/last) or fewer nested lists.',
  },
  QUERY_COST_TOO_HIGH_FOR_ANYONE: {
    zh: '本次查询的代价为 {actual}，超过任何调用方单次查询的上限 {maximum}。请减少每页条数（first/last）或嵌套的列表后重试。',
    en: 'This query costs {actual}, more than the {maximum} any caller may ask for in one request. Ask for fewer items per page (first/last) or fewer nested lists.',
  },
  QUERY_FIELD_REPEATED: {
    zh: '同一层中有字段被重复选择了 {actual} 次，上限为 {maximum} 次，请删去重复的字段。',
    en: 'A field is selected {actual} times in one selection; at most {maximum} are allowed. Remove the repeats.',
  },
  QUERY_TOO_MANY_FIELDS: {
    zh: '查询展开（含片段）后超过 {maximum} 个字段，请拆成几次较小的查询。',
    en: 'The query expands (fragments included) to more than {maximum} fields; split it into smaller queries.',
  },
  QUERY_TOO_DEEP: {
    zh: '查询嵌套了 {actual} 层，上限为 {maximum} 层，请拆成几次较浅的查询。',
    en: 'The query nests {actual} levels deep; at most {maximum} are allowed. Split it into shallower queries.',
  },
  QUERY_TOO_MANY_ALIASES: {
    zh: '查询使用了 {actual} 个别名，上限为 {maximum} 个，请拆成几次查询。',
    en: 'The query uses {actual} aliases; at most {maximum} are allowed. Split it into several requests.',
  },
  QUERY_TOO_MANY_ROOT_FIELDS: {
    zh: '一次操作包含 {actual} 个顶层字段，上限为 {maximum} 个，请拆成几次请求。',
    en: 'The operation has {actual} top-level fields; at most {maximum} are allowed. Split it into several requests.',
  },
  QUERY_TOO_MANY_DIRECTIVES: {
    zh: '查询使用了 {actual} 个指令，上限为 {maximum} 个。',
    en: 'The query uses {actual} directives; at most {maximum} are allowed.',
  },
  QUERY_TOO_MANY_TOKENS: {
    zh: '查询文本超过 {maximum} 个词法单元，已停止解析，请缩短查询。',
    en: 'The query document has more than {maximum} tokens; parsing stopped. Shorten the query.',
  },
  RATE_LIMITED: {
    zh: '调用额度已用完：本次查询代价 {cost}，当前剩余 {remaining}，每秒恢复 {refill}。请在 {retryAfter} 秒后重试。',
    en: 'The request budget is spent: this request costs {cost}, {remaining} remain and {refill} come back per second. Retry in {retryAfter} s.',
  },
  REQUEST_TIMEOUT: {
    zh: '请求超过 {ms} 毫秒仍未完成，已在数据库中取消。请缩小范围（更少条数、更少嵌套列表）后重试。请求编号 {requestId}。',
    en: 'The request took longer than {ms} ms and was cancelled in the database. Narrow it down (fewer items, fewer nested lists) and retry. Request id {requestId}.',
  },
  SERVICE_UNAVAILABLE: {
    zh: '数据库暂时不可用或繁忙，请稍后重试；如持续出现，请把请求编号 {requestId} 告知运维人员。',
    en: 'The database is unavailable or busy right now; retry shortly. If it persists, quote request id {requestId} to the operators.',
  },
  INPUT_TOO_LONG: {
    zh: '参数 {path} 超过 {max} 个字符，请缩短。',
    en: 'The argument {path} is longer than {max} characters; shorten it.',
  },
  INPUT_LIST_TOO_LONG: {
    zh: '参数 {path} 超过 {max} 项，请分批提交。',
    en: 'The argument {path} has more than {max} items; send them in batches.',
  },
  INPUT_BAD_CHARACTERS: {
    zh: '参数 {path} 含有不允许的字符（空字符 U+0000 或不成对的代理字符），请删除后重试。',
    en: 'The argument {path} contains a character that is not allowed (NUL U+0000 or an unpaired UTF-16 surrogate); remove it.',
  },
  READ_NEEDS_SIGN_IN: {
    zh: '匿名调用只能读取公开的驿站信息；读取 {element} 须先登录（携带接口密钥或统一身份认证令牌）。',
    en: 'Anonymous callers read public station facts only; sign in (an API key or an identity-provider token) to read {element}.',
  },
  READ_NEEDS_ROLE: {
    zh: '您的账号角色不能读取 {element}，需以下角色之一：{roles}。',
    en: 'Your role may not read {element}; it takes one of these roles: {roles}.',
  },
  SUBSCRIPTIONS_UNSUPPORTED: {
    zh: '本接口不提供订阅（subscription）操作；要接收变更，请轮询 changes 变更流或订阅推送（webhook）。',
    en: 'This API has no subscription operations; to follow changes, poll the `changes` feed or subscribe a webhook.',
  },
  // Refusals of the protocol: credentials, idempotency keys, malformed requests.
  AUTH_HEADER_MALFORMED: {
    zh: 'Authorization 请求头格式不正确，须为“Bearer <接口密钥或令牌>”。',
    en: 'The Authorization header must be "Bearer <API key or token>".',
  },
  API_KEY_UNKNOWN: {
    zh: '接口密钥无效或已被吊销，请核对密钥，或联系组织部管理员重新发放。',
    en: 'The API key is unknown or revoked; check it, or ask the administrator for a new one.',
  },
  API_KEY_MALFORMED: {
    zh: '接口密钥格式不正确（本服务未启用统一身份认证令牌），请核对密钥。',
    en: 'The API key is malformed (and no identity-provider tokens are accepted here).',
  },
  TOKEN_REJECTED: { zh: '统一身份认证令牌被拒绝：{detail}。请重新登录后再试。', en: 'The token was rejected: {detail}. Sign in again.' },
  READ_FORBIDDEN: { zh: '您的账号角色不能读取这些数据。', en: 'You are not allowed to read this.' },
  INTROSPECTION_NEEDS_SIGN_IN: { zh: '匿名调用不能查询接口结构（introspection），请先登录。', en: 'Introspection is not available to anonymous callers; sign in.' },
  IDEMPOTENCY_KEY_MALFORMED: {
    zh: 'Idempotency-Key 请求头须为 1 至 200 个可见 ASCII 字符。',
    en: 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '该 Idempotency-Key 已用于另一个不同的请求；新的请求请使用新的键。',
    en: 'This Idempotency-Key was already used with a different request; use a new key for a new request.',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    zh: '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。',
    en: 'A request with this Idempotency-Key is still running; retry shortly.',
  },
  BODY_TOO_LARGE: { zh: '请求体超过 {limit}，请分批提交。', en: 'The request body is larger than {limit}; send it in smaller parts.' },
  // Bulk imports (POST /import/<kind>, npm run import): each reason names the row's cell and what to put there.
  IMPORT_KIND_UNKNOWN: { zh: '不支持导入“{kind}”，可导入：{kinds}。', en: 'Cannot import "{kind}"; importable kinds: {kinds}.' },
  IMPORT_FILE_TOO_LARGE: { zh: '导入文件超过 {limit}，请拆分后分批导入。', en: 'The import file is larger than {limit}; split it and import the parts.' },
  IMPORT_FILE_EMPTY: { zh: '请求体为空：请直接上传 XLSX 或 CSV 文件的内容。', en: 'The request body is empty: send the XLSX or CSV file itself as the body.' },
  IMPORT_SIGN_IN: { zh: '请先登录后再导入。', en: 'Sign in to import.' },
  IMPORT_FORBIDDEN: { zh: '只有管理员或区域操作员可以导入数据。', en: 'Only administrators and region operators may import.' },
  IMPORT_NO_ROWS: { zh: '文件只有表头，没有数据行。', en: 'The file has a header but no data rows.' },
  IMPORT_HEADER_UNKNOWN: { zh: '无法识别的列“{header}”，请使用模板中的列名。', en: 'Unknown column "{header}"; use the column names of the template.' },
  IMPORT_HEADER_REPEATED: { zh: '列“{header}”出现了不止一次。', en: 'Column "{header}" appears more than once.' },
  IMPORT_HEADER_MISSING: { zh: '缺少必填列“{header}”。', en: 'The required column "{header}" is missing.' },
  IMPORT_CELL_REQUIRED: { zh: '必填，不能为空。', en: 'Required; cannot be empty.' },
  IMPORT_CELL_NOT_INTEGER: { zh: '应为整数，实际为“{value}”。', en: 'Must be a whole number, not "{value}".' },
  IMPORT_CELL_NOT_NUMBER: { zh: '应为数字，实际为“{value}”。', en: 'Must be a number, not "{value}".' },
  IMPORT_CELL_NOT_BOOLEAN: { zh: '应填“是”或“否”，实际为“{value}”。', en: 'Must be 是 (yes) or 否 (no), not "{value}".' },
  IMPORT_CELL_NOT_DATE: { zh: '应为日期（如 2023-05-01），实际为“{value}”。', en: 'Must be a date such as 2023-05-01, not "{value}".' },
  IMPORT_CELL_NOT_ONE_OF: { zh: '“{value}”不是可选值，可填：{allowed}。', en: '"{value}" is not one of the allowed values: {allowed}.' },
  IMPORT_ROW_DUPLICATE: { zh: '与第 {row} 行是同一条记录，同一记录只能出现一次。', en: 'The same record as row {row}; a record may appear only once.' },
  IMPORT_STATION_CODE_UNKNOWN: {
    zh: '没有编号为 {code} 的驿站。新驿站请将编号留空，编号由系统签发。',
    en: 'No station has the code {code}. Leave the code empty for a new station: the system issues it.',
  },
  IMPORT_STATION_NAME_AMBIGUOUS: {
    zh: '该社区（村）有 {count} 个同名驿站，请填写编号以指明是哪一个。',
    en: 'The community has {count} stations of this name; give the code to say which one.',
  },
  IMPORT_PUSH_DOWN_STATION_UNKNOWN: { zh: '没有编号为 {code} 的驿站。', en: 'No station has the code {code}.' },
  IMPORT_ITEM_LEVEL_FIXED: {
    zh: '事项层级创建后不可修改（现为“{levelZh}”）。',
    en: "An item's level cannot change once created (it is {level}).",
  },
  BODY_NOT_JSON: { zh: '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  EXPORT_NOT_FOUND: {
    zh: '没有这个导出：{path}。可导出 /export/<列表>.<格式>，列表为 {lists}，格式为 csv、jsonl 或 xlsx。',
    en: 'No such export: {path}. Exports are /export/<list>.<format>, the list one of {lists} and the format csv, jsonl or xlsx.',
  },
  EXPORT_PARAMETER_UNKNOWN: {
    zh: '导出参数 {parameter} 不是该列表的筛选条件；可用的参数与该列表 GraphQL 查询的 filter 字段同名，排序用 orderBy.field 和 orderBy.direction。',
    en: 'Export parameter {parameter} is not a filter of this list; parameters are named like the fields of the list’s GraphQL filter, and orderBy.field and orderBy.direction sort.',
  },
  EXPORT_PARAMETER_INVALID: {
    zh: '导出参数 {parameter} 的值无效：{detail}',
    en: 'Export parameter {parameter} has an invalid value: {detail}',
  },
  CURSOR_INVALID: {
    zh: '游标无效：请传入本列表（相同排序）返回的游标。',
    en: 'Invalid cursor: pass a cursor returned by this connection with the same ordering.',
  },
  FEED_CURSOR_INVALID: { zh: '游标无效：请传入 changes 或 changesHead 返回的游标。', en: 'Invalid cursor: pass a cursor returned by changes or changesHead.' },
  PAGE_SIZE_RANGE: { zh: '参数 {name} 须在 1 至 {max} 之间，您传入的是 {value}。', en: '`{name}` must be between 1 and {max}, got {value}.' },
  PAGE_FIRST_OR_LAST: { zh: '请只传 first 或 last 其中之一。', en: 'Pass either `first` or `last`, not both.' },
  PAGE_AFTER_OR_BEFORE: { zh: '请只传 after 或 before 其中之一。', en: 'Pass either `after` or `before`, not both.' },
  PAGE_BEFORE_WITH_LAST: { zh: 'before 须与 last 一起使用。', en: '`before` goes with `last`.' },
  PAGE_AFTER_WITH_FIRST: { zh: 'after 须与 first 一起使用。', en: '`after` goes with `first`.' },
  TOO_MANY_IDS: { zh: '一次最多传入 {max} 个 ID。', en: 'Pass at most {max} ids.' },
  ARGUMENT_NOT_AN_ID: {
    zh: '参数 {field} 不是{kindZh}的 ID：请使用查询返回的 id。',
    en: '`{field}` is not {kind} ID: use an id a query returned.',
  },
  ID_OR_CODE_ONE_OF: { zh: '请传入 id 或 code 其中之一（只传一个）。', en: 'Give exactly one of `id` and `code`.' },
  TIME_WINDOW_INVALID: { zh: '参数 {to} 须晚于 {from}，请检查时间范围。', en: '`{to}` must be later than `{from}`; check the time range.' },
  FIGURES_REGION_NOT_FOUND: {
    zh: '找不到行政区划代码“{code}”，请填写要统计的市、区（县）、街道或社区的代码。',
    en: 'No region has the code "{code}"; give the code of the city, district, street or community to count.',
  },
  FEWER_THAN_RANGE: { zh: '参数 fewerThan 须为不小于 1 的整数，收到的是 {given}。', en: '`fewerThan` must be a whole number of 1 or more; got {given}.' },
  NEED_STATS_NEAR_CONTROLLED: {
    zh: '分析员的需求统计不接受 near 筛选：半径可逐米调整，会暴露单个需求的位置；请按区划或驿站筛选。',
    en: 'Need figures for analysts do not take the `near` filter: a radius moved a metre at a time would place single needs; filter by region or station instead.',
  },
  NEED_STATS_WHOLE_MONTHS: {
    zh: '区县以下的需求统计只接受整月时间范围：{field} 须为某月1日0时（北京时间），如 2024-03-01T00:00:00+08:00。',
    en: 'Need figures below district level take whole months only: `{field}` must be the first of a month at 00:00 Beijing time, e.g. 2024-03-01T00:00:00+08:00.',
  },
  PLAN_YEAR_RANGE: { zh: '计划年度须在 {min} 至 {max} 之间，收到的是 {given}。', en: 'The plan year must be between {min} and {max}; got {given}.' },
  PLAN_TARGET_INVALID: { zh: '目标数须为不小于 0 的整数，收到的是 {given}。', en: 'The target must be a whole number of 0 or more; got {given}.' },
  PLAN_RURAL_TARGET_INVALID: {
    zh: '乡镇村组目标数须为 0 至目标数 {target} 之间的整数，收到的是 {given}。',
    en: 'The target in towns and villages must be a whole number from 0 to the target, {target}; got {given}.',
  },
  PLAN_REGION_LEVEL: {
    zh: '“{name}”（{code}）是社区或村，建设计划须定在市、区（县）或街道（乡镇）一级。',
    en: '"{name}" ({code}) is a community or village; a construction plan is set for a city, district or street.',
  },
  PLAN_TAKEN: {
    zh: '{name}{year}年度已有建设计划，请修改该计划而不是重复新建。',
    en: '{name} already has a construction plan for {year}; change that plan instead of creating another.',
  },
  NEAR_RADIUS_RANGE: {
    zh: '搜索半径 filter.near.radiusMetres 须在 1 至 {max} 米之间。',
    en: '`filter.near.radiusMetres` must be between 1 and {max} metres.',
  },
  NEAR_OUTSIDE_CHINA: {
    zh: '参数 filter.near 的坐标不在中国境内，请检查经纬度是否填反、坐标系（coordinateSystem）是否选对。',
    en: '`filter.near` must be a point inside China; check that latitude and longitude are not swapped and the coordinate system is right.',
  },
  DISTANCE_SORT_NEEDS_NEAR: {
    zh: '按距离排序（DISTANCE）须同时传入 filter.near，指明从哪一点算起。',
    en: 'Sorting by DISTANCE needs filter.near, the point to measure from.',
  },
  CREDIT_CODE_FILTER_MALFORMED: {
    zh: '参数 filter.creditCode 不是统一社会信用代码：应为18位数字或大写字母（不含 I、O、S、V、Z），请对照营业执照或登记证书核对。',
    en: '`filter.creditCode` must be 18 characters of the GB 32100-2015 alphabet: digits and capitals other than I, O, S, V and Z.',
  },
  SYSTEM_ARGUMENT_INVALID: {
    zh: '参数 system 不是有效的外部系统名称：须为2至64位英文字母、数字或 . _ -，并以字母或数字开头，如 zgh-care。',
    en: '`system` must be 2 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit, e.g. zgh-care.',
  },
  EXTERNAL_ID_ARGUMENT_INVALID: {
    zh: '参数 externalId 须为1至{max}个字符，且不能全为空白。',
    en: '`externalId` must be 1 to {max} characters, not blank.',
  },
  WEBHOOK_SUBSCRIPTION_NOT_YOURS: {
    zh: '参数 subscriptionId 不是您的推送订阅：请使用 webhookSubscriptions 返回的 id。',
    en: '`subscriptionId` is not one of your webhook subscriptions: use an id webhookSubscriptions returned.',
  },
  PEOPLE_NAME_SEARCH_FORBIDDEN: {
    zh: '按姓名搜索或排序人员，仅限能看到全部所列姓名全文的调用方：组织部管理员，或传入本辖区内 filter.regionCode 的街道/社区操作员。',
    en: 'Searching or sorting people by name is only for callers who see every listed name whole: administrators, and region operators who pass a filter.regionCode inside their own region.',
  },
  AUDIT_RECORD_ID_INVALID: {
    zh: 'filter.recordId 不是全局 ID：请传入审计日志或变更流返回的 recordId。',
    en: 'filter.recordId is not a global ID: pass a recordId the audit trail or the change feed returned.',
  },
  // graphql-js and Apollo describe these in English; in Chinese a lead sentence comes first.
  GRAPHQL_VALIDATION_FAILED: { zh: '查询不符合接口定义：{detail}', en: '{detail}' },
  GRAPHQL_PARSE_FAILED: { zh: '查询语法有误：{detail}', en: '{detail}' },
  BAD_USER_INPUT: { zh: '参数不正确：{detail}', en: '{detail}' },
  BAD_REQUEST: { zh: '请求不正确：{detail}', en: '{detail}' },
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
  STATION_ID_INVALID: {
    zh: '这不是驿站的 ID：格式不正确，或是其他类型记录的 ID。请使用查询返回的驿站 id。',
    en: 'This is not a station ID: it is malformed or the ID of another kind of record. Use the id a query returned for the station.',
  },
  VERSION_INVALID: {
    zh: '版本号须为读取记录时得到的正整数（从 1 开始），您填写的是 {given}。',
    en: 'The version must be the positive whole number you read with the record (versions start at 1); you gave {given}.',
  },
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
  FORBIDDEN: {
    zh: '您的账号角色没有权限进行此操作，如需开通请联系组织部管理员。',
    en: 'Your role does not allow this; ask the organization department administrator if you need it.',
  },
  FORBIDDEN_SIGN_IN: {
    zh: '修改数据须先登录：请携带接口密钥或统一身份认证令牌。',
    en: 'Sign in to change data: send an API key or an identity-provider token.',
  },
  FORBIDDEN_OUTSIDE_REGION: {
    zh: '您只能维护本辖区（区划代码 {region}）内的记录，该记录不在您的辖区内。',
    en: 'You can only change records inside your region ({region}); this one is outside it.',
  },
  FORBIDDEN_REGION_REQUIRED: {
    zh: '您只能维护本辖区（区划代码 {region}）内的记录：请填写本辖区内的社区（村）或街道（乡镇）区划代码，不能不填或清空。',
    en: 'You can only keep records inside your region ({region}): give the code of a community, village, street or township inside it; it cannot be left out or cleared.',
  },
  FORBIDDEN_OTHER_DEPARTMENT: {
    zh: '您只能维护本部门（{department}）的记录，不能修改其他部门的记录。',
    en: "You can only change your own department's ({department}) records, not another department's.",
  },
  RECORD_ID_INVALID: {
    zh: '这不是{kindZh}的 ID：格式不正确，或是其他类型记录的 ID。请使用查询返回的{kindZh} id。',
    en: 'This is not a {kind} ID: it is malformed or the ID of another kind of record. Use the id a query returned for the {kind}.',
  },
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
  PLATFORM_DETAILS_WRONG_KIND: {
    zh: '这是一个“{kindZh}”，请在 {ownField} 中填写它的专项信息；{field} 属于“{otherKindZh}”，请删去。',
    en: 'This platform is a {kind}: give its details in {ownField}; {field} belongs to {otherKind}, remove it.',
  },
  PLATFORM_DETAILS_REQUIRED: {
    zh: '请在 {field} 中填写“{kindZh}”的专项信息。',
    en: 'Give the details of the {kind} in {field}.',
  },
  PLATFORM_COUNT_RANGE: {
    zh: '{labelZh}须为 {min} 至 {max} 之间的整数，您填写的是 {value}。',
    en: 'The {label} must be a whole number from {min} to {max}; you gave {value}.',
  },
  PLATFORM_AMENITIES_REQUIRED: {
    zh: '请至少选择一项爱心驿站服务设施（如饮水、手机充电）。',
    en: 'Choose at least one amenity of the care station, e.g. drinking water or phone charging.',
  },
  PLATFORM_REST_SEATS_WITHOUT_AMENITY: {
    zh: '填写了 {seats} 个休息座位，请在服务设施中同时勾选“休息座椅”。',
    en: 'You gave {seats} rest seats; also choose REST_SEATS among the amenities.',
  },
  PLATFORM_REST_SEATS_ZERO: {
    zh: '服务设施中勾选了“休息座椅”，休息座位数不能为 0；没有座椅请取消勾选。',
    en: 'REST_SEATS is among the amenities, so the number of rest seats cannot be 0; remove the amenity if there are none.',
  },
  PLATFORM_MATCHES_OVER_POSTINGS: {
    zh: '撮合成功数（{matches}）不能多于发布岗位数（{postings}），请核对统计数字。',
    en: 'The openings filled ({matches}) cannot exceed the openings posted ({postings}); check the figures.',
  },
  PLATFORM_MEDIATED_OVER_RECEIVED: {
    zh: '调解成功案件数（{mediated}）不能多于受理案件数（{received}），请核对统计数字。',
    en: 'The cases mediated ({mediated}) cannot exceed the cases received ({received}); check the figures.',
  },
  PLATFORM_BUS_SERVICES_REQUIRED: {
    zh: '请至少选择一项公交自助服务（如公交卡充值、线路查询）。',
    en: 'Choose at least one bus service, e.g. card top-up or route inquiry.',
  },
  PLATFORM_KIND_NAME_REQUIRED: { zh: '请填写平台类型名称，如“法律服务站”。', en: 'Enter the name of the platform type, e.g. 法律服务站 (legal service point).' },
  PLATFORM_KIND_NAME_TOO_LONG: { zh: '平台类型名称不能超过 {max} 个字。', en: 'The name of the platform type must be at most {max} characters.' },
  PLATFORM_OWNER_REF_INVALID: {
    zh: '本部门编号“{ownerRef}”格式不正确：须为1至64个字符，不能含空格。',
    en: 'The owner reference "{ownerRef}" is malformed: use 1 to 64 characters without spaces.',
  },
  PLATFORM_OWNER_REF_TAKEN: {
    zh: '“{department}”已有编号为“{ownerRef}”的整合平台，请核对编号，或修改已有的那一条。',
    en: '{department} already has a platform with the reference "{ownerRef}"; check the reference or update the existing platform.',
  },
  PLATFORM_STATION_CLOSED: {
    zh: '驿站“{name}”（{code}）已关闭，不能接入整合平台，请选择运行中的驿站。',
    en: 'The station "{name}" ({code}) is closed and cannot host platforms; choose a station that is in service.',
  },
  PLATFORM_STATION_ARCHIVED: {
    zh: '驿站“{name}”（{code}）已归档，不能接入整合平台，请选择其他驿站。',
    en: 'The station "{name}" ({code}) is archived and cannot host platforms; choose another station.',
  },
  PLATFORM_SAME_STATION: {
    zh: '该整合平台已在驿站“{name}”（{code}），无需迁移。',
    en: 'The platform is already in the station "{name}" ({code}); there is nothing to move.',
  },
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
  SERVICE_ITEM_CODE_INVALID: {
    zh: '事项编码“{code}”格式不正确：须为“6位区划代码-2至4位大写字母-4位序号”，如 420600-SB-0001。',
    en: 'The item code "{code}" is malformed: use a 6-digit division code, 2 to 4 capital letters and a 4-digit sequence, e.g. 420600-SB-0001.',
  },
  SERVICE_ITEM_CODE_LEVEL: {
    zh: '{levelZh}事项的编码须以{levelZh}行政区划代码开头（如市级事项以 420600 开头），“{division}”不是，请核对编码或事项层级。',
    en: 'A {level} item code must start with the code of a {level} division (e.g. 420600 for a city item); "{division}" is not one. Check the code or the level.',
  },
  SERVICE_ITEM_CODE_TAKEN: { zh: '事项编码“{code}”已被使用，请换一个序号。', en: 'The item code "{code}" is already taken; choose another sequence number.' },
  SERVICE_ITEM_MATERIALS_TOO_MANY: { zh: '申请材料最多 {max} 项，请合并后再填写。', en: 'At most {max} documents can be listed; combine some of them.' },
  SERVICE_ITEM_MATERIAL_INVALID: {
    zh: '第 {position} 项申请材料为空或超过 {max} 个字，请修改。',
    en: 'Document {position} is empty or longer than {max} characters; correct it.',
  },
  SERVICE_ITEM_TIME_LIMIT_INVALID: {
    zh: '承诺办结时限须为 {min} 至 {max} 个工作日；当场办结的事项请不填（即办）。',
    en: 'The time limit must be {min} to {max} working days; leave it empty for items handled on the spot.',
  },
  SERVICE_ITEM_FEE_INVALID: {
    zh: '收费标准须为 0 至 {max} 元之间、至多两位小数的金额；免费事项请填 0。',
    en: 'The fee must be between 0 and {max} yuan with at most two decimals; enter 0 for a free item.',
  },
  SERVICE_ITEM_NOT_FOUND: { zh: '找不到编码为“{code}”的服务事项，请核对事项编码。', en: 'No service item has the code "{code}"; check the code.' },
  GOV_POINT_ITEMS_TOO_MANY: { zh: '一个24小时政务服务驿站最多关联 {max} 个服务事项。', en: 'A 24-hour service point can handle at most {max} service items.' },
  SERVICE_ITEM_INACTIVE: {
    zh: '服务事项“{name}”（{code}）已停用，不能在驿站办理；如需办理，请先启用该事项。',
    en: 'The service item "{name}" ({code}) is inactive and cannot be handled at stations; activate it first.',
  },
  SERVICE_ITEM_HANDLED_BY_POINTS: {
    zh: '该事项由 {count} 个24小时政务服务驿站的自助终端办理，不能删除；如不再办理，请将其停用。',
    en: 'The item is handled by {count} 24-hour service points and cannot be deleted; deactivate it instead.',
  },
  SERVICE_ITEM_IN_USE: {
    zh: '该事项已下沉到 {count} 个驿站，不能删除；如不再办理，请将其停用。',
    en: 'The item is pushed down to {count} stations and cannot be deleted; deactivate it instead.',
  },
  PUSH_DOWN_STATION_ARCHIVED: { zh: '驿站“{name}”已归档，不能再办理事项。', en: 'The station "{name}" is archived and cannot take on service items.' },
  PUSH_DOWN_STATION_CLOSED: { zh: '驿站“{name}”已关闭，不能再办理事项。', en: 'The station "{name}" is closed and cannot take on service items.' },
  PUSH_DOWN_EXISTS: {
    zh: '驿站“{station}”已有事项“{item}”的下沉记录（{since} 起，状态：{statusZh}），不能重复下沉；如需恢复或调整，请修改该记录。',
    en: 'The station "{station}" already has the item "{item}" (since {since}, status {status}); change that record instead of pushing it down again.',
  },
  PUSH_DOWN_SINCE_INVALID: { zh: '下沉日期须在 {min} 至 {max} 之间。', en: 'The push-down date must be between {min} and {max}.' },
  PUSH_DOWN_ITEMS_REQUIRED: { zh: '请至少选择一个要下沉的事项。', en: 'Choose at least one item to push down.' },
  PUSH_DOWN_TOO_MANY_ITEMS: { zh: '一次最多下沉 {max} 个事项，请分批提交。', en: 'At most {max} items can be pushed down at once; submit them in batches.' },
  PUSH_DOWN_TOO_MANY_STATIONS: {
    zh: '一次最多指定 {max} 个驿站，请分批提交或改为按行政区划下沉。',
    en: 'At most {max} stations can be listed at once; submit them in batches or push down by region.',
  },
  PUSH_DOWN_TARGET_REQUIRED: {
    zh: '请在“行政区划”和“驿站列表”中选择且只选择一种下沉范围。',
    en: 'Give exactly one of regionCode and stationIds.',
  },
  PUSH_DOWN_REGION_NOT_FOUND: {
    zh: '找不到行政区划代码“{code}”，请核对区、街道或社区的区划代码。',
    en: 'No region has the code "{code}"; check the code of the district, street or community.',
  },
  PUSH_DOWN_TOO_MANY_PAIRS: {
    zh: '本次将涉及 {pairs} 个“驿站×事项”组合，超过单次上限 {max} 个，请缩小范围或分批提交。',
    en: 'This would cover {pairs} station-item pairs, more than the {max} allowed at once; narrow it down or submit in batches.',
  },
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
  EXTERNAL_REF_SYSTEM_INVALID: {
    zh: '外部系统名称“{system}”不符合要求：须为2至64位英文字母、数字或 . _ -，并以字母或数字开头，如 zgh-care。',
    en: 'The system name "{system}" is invalid: use 2 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit, e.g. zgh-care.',
  },
  EXTERNAL_REF_ID_REQUIRED: { zh: '请填写记录在外部系统中的编号。', en: "Enter the record's ID in the external system." },
  EXTERNAL_REF_ID_TOO_LONG: { zh: '外部编号不能超过 {max} 个字符，请核对。', en: 'The external ID must be at most {max} characters.' },
  EXTERNAL_REF_TAKEN: {
    zh: '系统“{system}”的编号“{externalId}”已关联到{kindZh}“{name}”，不能再关联到其他记录。请核对编号；如确属关联错误，请先从“{name}”上删除该编号。',
    en: 'The ID "{externalId}" of system "{system}" already belongs to the {kind} "{name}"; check the ID, or remove it from "{name}" first.',
  },
  EXTERNAL_REF_SYSTEM_TAKEN: {
    zh: '该{kindZh}已关联系统“{system}”的编号“{current}”，同一条记录在一个系统中只能有一个编号；如需更换，请先删除原编号。',
    en: 'This {kind} already carries the ID "{current}" of system "{system}"; a record has one ID per system. Remove that one first to change it.',
  },
  EXTERNAL_REF_NOT_FOUND: {
    zh: '该{kindZh}没有关联系统“{system}”的编号，无需删除，请刷新后核对。',
    en: 'This {kind} has no ID of system "{system}"; there is nothing to remove.',
  },
  EXTERNAL_REF_SYSTEM_OWNED: {
    zh: '外部系统“{system}”归{department}（{code}）所有，只有该部门能在其中关联、删除或同步编号，本次未做任何修改。请核对系统名称；如确需使用该系统，请联系组织部管理员调整归属。',
    en: 'The external system "{system}" belongs to {department} ({code}); only that department can attach, remove or sync IDs in it, and nothing was changed. Check the system name, or ask the organization department administrator to reassign the system.',
  },
  EXTERNAL_REF_SYSTEM_ASSIGN_ONE_OF: {
    zh: '请指定所属部门（departmentId）或设为共用（shared: true），二者只能选一。',
    en: 'Give either the department (departmentId) or shared: true, exactly one of the two.',
  },
  UPSERT_PLATFORM_KIND_MISMATCH: {
    zh: '编号“{externalId}”（系统“{system}”）对应的整合平台是{currentZh}，不能按{givenZh}同步；平台类型登记后不能修改，请核对类型或编号。',
    en: 'The ID "{externalId}" of system "{system}" names a {current} platform, not a {given} one; a platform\'s kind never changes. Check the kind or the ID.',
  },
  UPSERT_PLATFORM_DEPARTMENT_MISMATCH: {
    zh: '编号“{externalId}”（系统“{system}”）对应的整合平台属于“{current}”，不能改为“{given}”；平台的所属部门不能修改，请核对部门代码或编号。',
    en: 'The ID "{externalId}" of system "{system}" names a platform of {current}, not of {given}; a platform\'s department never changes. Check the department code or the ID.',
  },
  UPSERT_SERVICE_ITEM_CODE_MISMATCH: {
    zh: '编号“{externalId}”（系统“{system}”）对应的服务事项编码为“{current}”，与所填“{given}”不一致；事项编码发布后不能修改，请核对编码或编号。',
    en: 'The ID "{externalId}" of system "{system}" names the item {current}, not {given}; an item\'s code never changes. Check the code or the ID.',
  },
  UPSERT_SERVICE_ITEM_LEVEL_MISMATCH: {
    zh: '编号“{externalId}”（系统“{system}”）对应的服务事项是{currentZh}事项，不能改为{givenZh}；事项层级不能修改。',
    en: 'The ID "{externalId}" of system "{system}" names a {current} item, not a {given} one; an item\'s level never changes.',
  },
  UPSERT_PUSH_DOWN_MISMATCH: {
    zh: '编号“{externalId}”（系统“{system}”）对应的是驿站“{station}”的事项“{item}”，下沉记录的驿站和事项不能修改；请核对驿站、事项编码或编号。',
    en: 'The ID "{externalId}" of system "{system}" names the item "{item}" at the station "{station}"; a push-down\'s station and item never change. Check the station, the item code or the ID.',
  },
  ADOPT_WITH_EXTERNAL_REF: {
    zh: '如果它就是您系统中的这条记录，请先调用 addExternalRef（type: {type}，id: “{existingId}”，system: “{system}”，externalId: “{externalId}”）把您的编号关联到它，再重新同步：此后按您的编号同步即修改这条记录，不会重复新建。',
    en: 'If it is this record of your system, adopt it first: call addExternalRef with type {type}, id "{existingId}", system "{system}" and externalId "{externalId}", then sync again; from then on syncing by your ID updates this record instead of creating another.',
  },
  NEED_PLACE_REQUIRED: {
    zh: '请填写驿站或社区（街道）区划代码，至少一项，以便交给负责的社区办理。',
    en: 'Give the station or the code of the community (or street), at least one, so that the need reaches the community responsible.',
  },
  NEED_REGION_LEVEL: {
    zh: '需求须属于社区（村）或街道（乡镇），“{name}”（{code}）不是，请选择其下属的社区或街道。',
    en: 'A need belongs to a community, village, street or township; "{name}" ({code}) is none of these. Choose one below it.',
  },
  NEED_REGION_NOT_STATIONS: {
    zh: '所填区划（{code}）不是该驿站所在的社区（{stationRegion}）：填驿站时可不填区划，或填驿站所在社区。',
    en: 'The region ({code}) is not the community of the station ({stationRegion}): with a station, leave the region out or give the station’s own.',
  },
  NEED_PHOTOS_TOO_MANY: { zh: '照片最多 {max} 张，请删去多余的照片。', en: 'At most {max} photos can be attached; remove the others.' },
  NEED_PHOTO_URL_INVALID: {
    zh: '第 {position} 张照片的地址不是有效的 https 网址（不能含用户名或密码，至多 {max} 个字符），请使用上传后得到的 https 地址。',
    en: 'Photo {position} is not a valid https URL (no user name or password, at most {max} characters); use the https address the upload returned.',
  },
  NEED_TRANSITION_NOT_ALLOWED: {
    zh: '该需求当前状态为“{stateZh}”（{state}），不能变更为“{toZh}”（{to}）。{nextZh}',
    en: 'The need is {state}; it cannot move to {to}. {next}',
  },
  NEED_NEXT_STATES: { zh: '当前可变更为：{statesZh}。', en: 'From {state} it can move to: {states}.' },
  NEED_NO_NEXT_STATES: { zh: '该状态下不能再变更。', en: 'No further move is possible from {state}.' },
  NEED_TRANSITION_ONLY_BY_CLAIM: {
    zh: '该需求当前状态为“{stateZh}”（{state}）；变更为“{toZh}”（{to}）只能通过认领或撤回认领，请使用认领相关操作。',
    en: 'The need is {state}; it moves to {to} only by a claim or a withdrawn claim: use the claim operations.',
  },
  NEED_REFER_WITH_REFER_NEED: {
    zh: '该需求当前状态为“{stateZh}”（{state}）；交办部门办理请使用 referNeed（须填写承办部门）。',
    en: 'The need is {state}; to refer it to a department, use referNeed with the department.',
  },
  NEED_NOTE_NOT_ACCEPTED: {
    zh: '该需求当前状态为“{stateZh}”（{state}），已办结或不予受理的需求不能再记录办理进展。',
    en: 'The need is {state}; a closed or rejected need takes no more notes.',
  },
  NEED_SATISFACTION_REQUIRED: { zh: '办结时请填写居民满意度（1至5）。', en: 'Give the resident’s satisfaction, 1 to 5, to close the need.' },
  NEED_SATISFACTION_INVALID: { zh: '满意度须为1至5的整数，您填写的是 {given}。', en: 'Satisfaction must be a whole number from 1 to 5; {given} was given.' },
  NEED_PARTNER_RESOLVES_ONLY: {
    zh: '交办部门只能将办理中的需求标记为“已解决”（RESOLVED）；其他状态变更由所在社区办理。',
    en: 'A department a need is referred to can only report it RESOLVED while it is IN_PROGRESS; other moves are for the community.',
  },
  NEED_NOT_SUBMITTED_ANONYMOUSLY: {
    zh: '居民提交需求请使用 submitNeed；createNeed 供驿站、社区和夜巡登记使用，须先登录。',
    en: 'Residents submit needs with submitNeed; createNeed is for stations, communities and patrols, and needs credentials.',
  },
  NEED_CLAIMANT_EXACTLY_ONE: {
    zh: '认领方须且只能填一项：认领组织、认领个人或认领志愿服务队伍。',
    en: 'Give exactly one claimant: an organization, a person or a volunteer team.',
  },
  NEED_ALREADY_CLAIMED: {
    zh: '该需求已被认领，不能重复认领；如需改由他人认领，请先撤回现有认领。',
    en: 'The need is already claimed; withdraw the current claim before another claimant takes it.',
  },
  NEED_CLAIM_NOT_ACTIVE: {
    zh: '该认领已{stateZh}（{state}），不能再撤回。',
    en: 'The claim is {state} and can no longer be withdrawn.',
  },
  NEED_CLAIM_CO_BUILDING_PROJECTS_ONLY: {
    zh: '只有共建项目（CO_BUILDING_PROJECT）的认领可填写共建关系（共建盟约）。',
    en: 'Only a co-building project (CO_BUILDING_PROJECT) is claimed under a co-building agreement.',
  },
  NEED_CLAIM_CO_BUILDING_OTHER_ORGANIZATION: {
    zh: '所选共建关系（共建盟约）不属于认领组织，请选择认领组织自己的共建关系。',
    en: 'The co-building agreement is not the claiming organization’s; choose one of its own.',
  },
  MEETING_ATTENDEE_COUNT_INVALID: { zh: '参会人数须为不小于0的整数，您填写的是 {given}。', en: 'The number of attendees must be a whole number, 0 or more; {given} was given.' },
  MEETING_ATTENDEES_NO_PHONES: {
    zh: '参会人员只填单位和身份（如“社区党委、居民代表”），不要填写电话号码等个人信息。',
    en: 'List attendees by unit and role (e.g. community party committee, residents’ representatives); leave out phone numbers and other personal data.',
  },
  MEETING_VENUE_OTHER_COMMUNITY: {
    zh: '议事场所“{name}”不在本次会议所在社区，请选择本社区的场所。',
    en: 'The venue "{name}" is not in the meeting’s community; choose one of its own.',
  },
  MEETING_NEED_OTHER_COMMUNITY: {
    zh: '该需求不属于会议所在社区，不能列入本次会议议程。',
    en: 'The need does not belong to the meeting’s community and cannot go on its agenda.',
  },
  UPSERT_COMMUNITY_FIXED: {
    zh: '{kindZh}的所在社区不可更改：您的编号对应的记录属于“{name}”（{code}），请填写该社区的区划代码。',
    en: 'A {kind}’s community never changes: the record your ID names is of "{name}" ({code}); give that community’s code.',
  },
  MEETING_PLACE_REQUIRED: {
    zh: '请填写召开会议的驿站或社区（村）区划代码，至少一项；填驿站时会议属于驿站所在社区。',
    en: 'Give the station whose meeting it is or the code of its community (or village), at least one; a station’s meeting is of the station’s community.',
  },
  MEETING_REJECTION_REASON_REQUIRED: { zh: '不予受理时请填写理由。', en: 'Give the reason for rejecting the need.' },
  MEETING_REFERRAL_DEPARTMENT_REQUIRED: { zh: '交办时请填写承办部门代码。', en: 'Give the code of the department the need is referred to.' },
  MEETING_ITEM_ALREADY_DECIDED: { zh: '该议题已有决定（{decisionZh}），不能再次决定。', en: 'The agenda item is already decided ({decision}).' },
  WEBHOOK_CLIENTS_ONLY: {
    zh: '推送订阅只能由接口客户端创建：请用本平台发放的接口密钥调用，推送会发给该客户端。',
    en: 'Only API clients can subscribe to webhooks: call with an API key issued by this hub; deliveries go to that client.',
  },
  WEBHOOK_URL_INVALID: {
    zh: '推送地址须是以 http:// 或 https:// 开头的完整网址，且不能含用户名或密码，例如 https://api.example.cn/yizhan/webhook。',
    en: 'The webhook URL must be a full http:// or https:// address without a user name or password, e.g. https://api.example.cn/yizhan/webhook.',
  },
  WEBHOOK_TARGET_NOT_ALLOWED: {
    zh: '推送地址指向{targetZh}，平台不向此类地址推送，以免推送被用来访问内部网络。请填写接收方对外提供服务的地址；如接收系统确在政务内网中，请联系平台管理员将其主机名或网段加入允许列表（WEBHOOK_ALLOWED_HOSTS）。',
    en: 'The webhook URL points to {target}; the hub does not send webhooks there, so that they cannot be used to reach internal networks. Use the address the receiver serves publicly; if the receiving system really is on the internal network, ask the hub administrator to add its host name or range to the allowed hosts (WEBHOOK_ALLOWED_HOSTS).',
  },
  WEBHOOK_TYPE_NOT_IN_FEED: {
    zh: '“{type}”类记录不在变更流中，不能订阅，请从列表中删去。',
    en: '{type} records are not part of the change feed and cannot be subscribed to; remove it from the list.',
  },
  WEBHOOK_SUBSCRIPTION_LIMIT: {
    zh: '每个接口客户端最多可有 {max} 个推送订阅，请先删除不再使用的订阅。',
    en: 'An API client can have at most {max} webhook subscriptions; delete one you no longer use first.',
  },
  COMMUNITY_REQUIRED: {
    zh: '{kindZh}须挂在社区或村一级，“{name}”（{code}）不是社区或村，请选择其下属的社区或村。',
    en: 'A {kind} must belong to a community or village; "{name}" ({code}) is not one. Choose a community or village under it.',
  },
  STATION_OUTSIDE_COMMUNITY: {
    zh: '驿站“{name}”不在该{kindZh}所在的社区（村），请选择本社区的驿站。',
    en: 'The station "{name}" is not in the community of this {kind}; choose a station of that community.',
  },
  DATE_IN_FUTURE: { zh: '{labelZh}不能晚于今天（{today}）。', en: 'The {label} cannot be later than today ({today}).' },
  MEMBER_PERSON_WITH_OWN_DATA: {
    zh: '已登记人员作为队员时，姓名和电话取自其人员记录：请不要同时填写姓名或电话。',
    en: "A registered person's name and phone come from their person record: do not give a name or phone with personId.",
  },
  MEMBER_ALREADY_IN_TEAM: { zh: '该人员已是本队队员。', en: 'This person is already a member of the team.' },
  PERSON_INACTIVE_MEMBER: {
    zh: '人员“{name}”已停用，不能加入队伍；请先将其恢复在岗。',
    en: 'The person "{name}" is inactive and cannot join a team; reactivate them first.',
  },
  RECORD_ALREADY_ARCHIVED: { zh: '该{kindZh}已归档。', en: 'The {kind} is already archived.' },
  VOLUNTEER_TEAM_ARCHIVED: {
    zh: '志愿服务队伍“{name}”已归档，不能再添加队员；如确需使用，请先恢复该队伍。',
    en: 'The volunteer team "{name}" is archived and cannot get new members; restore it first if it is needed.',
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** Fills a message template for the locale; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}
