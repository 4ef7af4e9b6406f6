import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import type { UserError } from '../../graphql/errors';
import { GovernmentLevel } from './government-level';
import { ActiveNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { Department } from './department.entity';

registerEnumType(GovernmentLevel, {
  name: 'GovernmentLevel',
  description: '行政层级 Level of government',
  valuesConfig: {
    PROVINCE: { description: '省级 Provincial' },
    CITY: { description: '市级 City (prefecture) level' },
    DISTRICT: { description: '区县级 District or county level' },
    STREET: { description: '乡镇街道级 Street or township level' },
  },
});

/** A department as the read paths carry it. */
export interface DepartmentRecord {
  __typename: 'Department';
  id: string;
  dbId: string;
  code: string;
  name: string;
  shortName: string | null;
  level: GovernmentLevel;
  regionId: number;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type DepartmentRow = RowOf<Department, (typeof DEPARTMENT_PROPERTIES)[number]>;

const DEPARTMENT_PROPERTIES = ['id', 'code', 'name', 'shortName', 'level', 'region', 'active', 'version', 'createdAt', 'updatedAt'] as const;
export const DEPARTMENT_COLUMNS = columnsOf(Department, 'd', DEPARTMENT_PROPERTIES);

export function toDepartmentRecord(row: DepartmentRow): DepartmentRecord {
  return {
    __typename: 'Department',
    id: toGlobalId('Department', row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    regionId: row.region_id,
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@Public()
@ObjectType('Department', {
  implements: Node,
  simpleResolvers: true,
  description: '部门：拥有整合平台、服务事项和接口客户端的政府部门或公共企业 A government department or public enterprise that owns platforms, service items and API clients',
})
export class DepartmentType extends ActiveNode(Public, { active: '是否启用；停用的部门不能再被新记录引用 Active; an inactive department cannot be referenced by new records' }) {
  @Public()
  @Field({ description: '部门代码（大写字母、数字、连字符；创建后不变）Department code: capitals, digits and hyphens; never changes' })
  code!: string;

  @Public()
  @Field({ description: '部门全称 Full name, e.g. 襄阳市总工会' })
  name!: string;

  @Public()
  @Field(() => String, { nullable: true, description: '简称 Short name, e.g. 市总工会' })
  shortName!: string | null;

  @Public()
  @Field(() => GovernmentLevel, { description: '行政层级 Level of government' })
  level!: GovernmentLevel;
}

export const DepartmentConnection = connectionTypeOf(DepartmentType, 'Department', '部门');

const departmentPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'department', type: () => DepartmentType, zh: '部门', en: 'The department' });

export const CreateDepartmentPayload = departmentPayload('CreateDepartmentPayload', '新建部门结果 Result of createDepartment');
export const UpdateDepartmentPayload = departmentPayload('UpdateDepartmentPayload', '修改部门结果 Result of updateDepartment');

export interface DepartmentPayload {
  department: DepartmentRecord | null;
  userErrors: UserError[];
}
