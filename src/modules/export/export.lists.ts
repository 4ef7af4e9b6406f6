/** One column of an export: a header readers understand, and where its value sits in a record. */
export interface ExportColumn {
  /** Chinese first, then English, as everywhere in this API. */
  header: string;
  /** Field names from the list's node down to a leaf, e.g. ['region', 'code']. */
  path: readonly string[];
}

/** A list that can be exported: the GraphQL root list it is read through, and its columns. */
export interface ExportList {
  /** The root query field (a Relay connection) whose pages are streamed out. */
  field: string;
  /** The file name's stem, in Chinese (RFC 5987 `filename*`) and plain ASCII (`filename`). */
  fileName: { zh: string; ascii: string };
  columns: readonly ExportColumn[];
}

const column = (header: string, path: string): ExportColumn => ({ header, path: path.split('.') });

const REGION = [column('区划代码 Region code', 'region.code'), column('区划名称 Region name', 'region.name')];
const DEPARTMENT = [column('部门代码 Department code', 'department.code'), column('部门名称 Department name', 'department.name')];
const UPDATED_AT = column('更新时间 Updated at', 'updatedAt');

/**
 * The exportable lists by URL name. Columns are fixed per list; the ones a caller may not read
 * (by the declarations on the fields, see auth/visibility.ts) are left out of the query and the file.
 */
export const EXPORT_LISTS: Record<string, ExportList> = {
  stations: {
    field: 'stations',
    fileName: { zh: '红色驿站', ascii: 'stations' },
    columns: [
      column('驿站编号 Code', 'code'),
      column('名称 Name', 'name'),
      column('类型 Kind', 'kind'),
      column('等级 Tier', 'tier'),
      column('状态 Status', 'status'),
      ...REGION,
      column('地址 Address', 'address'),
      column('纬度(WGS-84) Latitude', 'location.latitude'),
      column('经度(WGS-84) Longitude', 'location.longitude'),
      column('服务圈 Service circle', 'serviceCircle.name'),
      column('党群服务中心 Hub', 'isHub'),
      column('流动党员服务站 Mobile party-member service point', 'hostsMobilePartyMemberServicePoint'),
      column('五进齐全 Five-into complete', 'fiveIntoComplete'),
      column('达到1+4 Meets 1+4', 'meetsOnePlusFour'),
      column('管理组织 Managing organization', 'managingOrganization.name'),
      column('计划年度 Plan year', 'planYear'),
      column('开放日期 Opened on', 'openedOn'),
      UPDATED_AT,
    ],
  },
  platforms: {
    field: 'platforms',
    fileName: { zh: '整合平台', ascii: 'platforms' },
    columns: [
      column('平台类型 Kind', 'kind'),
      column('名称 Name', 'name'),
      ...DEPARTMENT,
      column('部门编号 Owner reference', 'ownerRef'),
      column('驿站编号 Station code', 'station.code'),
      column('驿站名称 Station name', 'station.name'),
      column('区划代码 Region code', 'station.region.code'),
      column('区划名称 Region name', 'station.region.name'),
      column('启用 Active', 'active'),
      UPDATED_AT,
    ],
  },
  'service-items': {
    field: 'serviceItems',
    fileName: { zh: '高频服务事项', ascii: 'service-items' },
    columns: [
      column('事项编码 Code', 'code'),
      column('名称 Name', 'name'),
      column('层级 Level', 'level'),
      column('类别 Category', 'category'),
      column('办理方式 Handling mode', 'handlingMode'),
      ...DEPARTMENT,
      column('办结时限(工作日) Time limit (working days)', 'timeLimitDays'),
      column('收费(元) Fee (yuan)', 'feeYuan'),
      column('申请材料 Materials', 'materials'),
      column('下沉驿站数 Stations', 'stationCount'),
      column('启用 Active', 'active'),
      UPDATED_AT,
    ],
  },
  organizations: {
    field: 'organizations',
    fileName: { zh: '共建组织', ascii: 'organizations' },
    columns: [
      column('名称 Name', 'name'),
      column('类型 Kind', 'kind'),
      column('统一社会信用代码 Credit code', 'creditCode'),
      column('信用代码警示 Credit code warning', 'creditCodeWarning'),
      ...REGION,
      column('联系人 Contact name', 'contactName'),
      column('联系电话 Contact phone', 'contactPhone'),
      column('启用 Active', 'active'),
      UPDATED_AT,
    ],
  },
  needs: {
    field: 'needs',
    fileName: { zh: '群众需求', ascii: 'needs' },
    columns: [
      column('回执码 Receipt code', 'receiptCode'),
      column('类型 Kind', 'kind'),
      column('渠道 Channel', 'channel'),
      column('类别 Category', 'category'),
      column('状态 State', 'state'),
      column('内容 Text', 'text'),
      ...REGION,
      column('驿站编号 Station code', 'station.code'),
      column('驿站名称 Station name', 'station.name'),
      column('交办部门代码 Referred department code', 'referredDepartment.code'),
      column('交办部门名称 Referred department name', 'referredDepartment.name'),
      column('居民姓名 Resident name', 'residentName'),
      column('居民电话 Resident phone', 'residentPhone'),
      column('整改期限 Deadline', 'deadline'),
      column('逾期 Overdue', 'overdue'),
      column('满意度 Satisfaction', 'satisfaction'),
      column('提交时间 Submitted at', 'createdAt'),
      UPDATED_AT,
    ],
  },
};
