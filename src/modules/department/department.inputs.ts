import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { GovernmentLevel } from './government-level';

@InputType('DepartmentFilter', { description: '部门筛选条件 Department filters; all given conditions must hold' })
export class DepartmentFilter {
  @Field(() => [GovernmentLevel], { nullable: true, description: '行政层级之一 Any of these levels' })
  level?: GovernmentLevel[];

  @Field({ nullable: true, description: '行政区划代码：辖区在该区划内（含下级）的部门 Region code: departments whose jurisdiction lies in this region or below it' })
  regionCode?: string;

  @Field({ nullable: true, description: '关键词：匹配全称、简称或代码（支持中文）Text in the name, short name or code (works for Chinese)' })
  search?: string;

  @Field({ defaultValue: false, description: '是否包含已停用部门 Include inactive departments' })
  includeInactive!: boolean;
}

export enum DepartmentSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(DepartmentSortField, {
  name: 'DepartmentSortField',
  description: '部门排序字段 What to sort departments by (ties are broken by ID)',
  valuesConfig: {
    CODE: { description: '按部门代码 By department code' },
    NAME: { description: '按全称（Unicode 码点顺序）By full name, in code-point order' },
    CREATED_AT: { description: '按登记时间 By registration time' },
    UPDATED_AT: { description: '按最近修改时间 By last change' },
  },
});

@InputType('DepartmentOrder', { description: '部门排序 Ordering of a department list' })
export class DepartmentOrder {
  @Field(() => DepartmentSortField, { description: '排序字段 Field to sort by' })
  field!: DepartmentSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@ArgsType()
export class DepartmentsArgs extends ConnectionArgs {
  @Field(() => DepartmentFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: DepartmentFilter;

  @Field(() => DepartmentOrder, { nullable: true, description: '排序，默认按部门代码升序 Ordering; by department code by default' })
  orderBy?: DepartmentOrder;
}

@InputType('CreateDepartmentInput', { description: '新建部门 A new department' })
export class CreateDepartmentInput {
  @Field({ description: '部门代码：2–32位大写字母、数字或连字符，创建后不可改 Code: 2–32 capitals, digits or hyphens; cannot change later' })
  code!: string;

  @Field({ description: '部门全称 Full name' })
  name!: string;

  @Field(() => String, { nullable: true, description: '简称（至多30字）Short name, at most 30 characters' })
  shortName?: string | null;

  @Field(() => GovernmentLevel, { description: '行政层级 Level of government' })
  level!: GovernmentLevel;

  @Field({ description: '辖区行政区划代码，层级须与部门层级一致（如市级部门填 420600）Code of its jurisdiction; its level must match, e.g. 420600 for a city department' })
  regionCode!: string;
}

@InputType('UpdateDepartmentInput', { description: '修改部门：只改所给字段；停用代替删除 Change the given fields; deactivate instead of deleting' })
export class UpdateDepartmentInput {
  @Field(() => ID, { description: '部门 ID Department ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '部门全称 Full name' })
  name?: string;

  @Field(() => String, { nullable: true, description: '简称；传 null 表示清空 Short name; null clears it' })
  shortName?: string | null;

  @Field({ nullable: true, description: '是否启用 Active' })
  active?: boolean;
}
