/** What a caller may do; see DOMAIN.md's table of callers. A caller may hold several roles. */
export enum Role {
  /** 组织部管理员: creates and numbers stations, plans construction, sees everything. */
  ADMIN = 'ADMIN',
  /** 街道/社区操作员: keeps the stations of its own region subtree up to date. */
  REGION_OPERATOR = 'REGION_OPERATOR',
  /** 合作部门系统: writes its own department's platforms, service items and push-downs. */
  DEPARTMENT_PARTNER = 'DEPARTMENT_PARTNER',
  /** 分析人员: read-only, never personal data. */
  ANALYST = 'ANALYST',
}

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
