import { seedUuid } from './support/deterministic';
import { insertBatches, loadRegionIds, type SeedDb } from './support/seed-db';

/** A department of the demo seed: the bodies that own Xiangyang's platforms and service items. */
export interface SeedDepartment {
  code: string;
  name: string;
  shortName: string;
  level: 'PROVINCE' | 'CITY' | 'DISTRICT';
  /** Code of its jurisdiction. */
  regionCode: string;
}

export const XIANGYANG_DEPARTMENTS: readonly SeedDepartment[] = [
  { code: 'HB-RST', name: '湖北省人力资源和社会保障厅', shortName: '省人社厅', level: 'PROVINCE', regionCode: '420000' },
  { code: 'HB-ZWB', name: '湖北省人民政府政务管理办公室', shortName: '省政务办', level: 'PROVINCE', regionCode: '420000' },
  { code: 'HB-GAT', name: '湖北省公安厅', shortName: '省公安厅', level: 'PROVINCE', regionCode: '420000' },
  { code: 'XY-ZZB', name: '中共襄阳市委组织部', shortName: '市委组织部', level: 'CITY', regionCode: '420600' },
  { code: 'XY-ZGH', name: '襄阳市总工会', shortName: '市总工会', level: 'CITY', regionCode: '420600' },
  { code: 'XY-RSJ', name: '襄阳市人力资源和社会保障局', shortName: '市人社局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-ZWJ', name: '襄阳市政务服务和大数据管理局', shortName: '市政数局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-SCJ', name: '襄阳市市场监督管理局', shortName: '市市场监管局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-FGW', name: '襄阳市发展和改革委员会', shortName: '市发改委', level: 'CITY', regionCode: '420600' },
  { code: 'XY-GJJT', name: '襄阳市公共交通集团有限责任公司', shortName: '市公交集团', level: 'CITY', regionCode: '420600' },
  { code: 'XY-MZJ', name: '襄阳市民政局', shortName: '市民政局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-SFJ', name: '襄阳市司法局', shortName: '市司法局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-YBJ', name: '襄阳市医疗保障局', shortName: '市医保局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-GAJ', name: '襄阳市公安局', shortName: '市公安局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-WJW', name: '襄阳市卫生健康委员会', shortName: '市卫健委', level: 'CITY', regionCode: '420600' },
  { code: 'XY-TYJR', name: '襄阳市退役军人事务局', shortName: '市退役军人局', level: 'CITY', regionCode: '420600' },
  { code: 'XY-CL', name: '襄阳市残疾人联合会', shortName: '市残联', level: 'CITY', regionCode: '420600' },
  { code: 'XY-TSW', name: '共青团襄阳市委员会', shortName: '团市委', level: 'CITY', regionCode: '420600' },
  { code: 'XY-FL', name: '襄阳市妇女联合会', shortName: '市妇联', level: 'CITY', regionCode: '420600' },
  { code: 'XC-ZWJ', name: '襄阳市襄城区政务服务和大数据管理局', shortName: '襄城区政数局', level: 'DISTRICT', regionCode: '420602' },
  { code: 'FC-ZWJ', name: '襄阳市樊城区政务服务和大数据管理局', shortName: '樊城区政数局', level: 'DISTRICT', regionCode: '420606' },
  { code: 'XZ-ZWJ', name: '襄阳市襄州区政务服务和大数据管理局', shortName: '襄州区政数局', level: 'DISTRICT', regionCode: '420607' },
  { code: 'FC-MZJ', name: '襄阳市樊城区民政局', shortName: '樊城区民政局', level: 'DISTRICT', regionCode: '420606' },
];

/** The seed's id of a department, for later steps that reference it. */
export function seedDepartmentId(code: string): string {
  return seedUuid('department', code);
}

const CREATED_AT = '2023-01-03T09:00:00+08:00';

/** Writes departments (ids from their codes), each in the seeded region of its jurisdiction. */
export async function insertDepartments(db: SeedDb, departments: readonly SeedDepartment[], createdAt: string): Promise<number> {
  const regionIds = await loadRegionIds(db);
  const rows = departments.map((department) => {
    const regionId = regionIds.get(department.regionCode);
    if (regionId === undefined) throw new Error(`Region ${department.regionCode} of department ${department.code} is not seeded`);
    return [seedDepartmentId(department.code), department.code, department.name, department.shortName, department.level, regionId, createdAt, createdAt];
  });
  await insertBatches(db, 'department', ['id', 'code', 'name', 'short_name', 'level', 'region_id', 'created_at', 'updated_at'], rows);
  return rows.length;
}

/** Seed step: the departments. */
export async function seedDepartments(db: SeedDb): Promise<Record<string, number>> {
  return { departments: await insertDepartments(db, XIANGYANG_DEPARTMENTS, CREATED_AT) };
}
