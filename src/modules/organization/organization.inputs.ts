import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { OrganizationKind } from './organization.enums';

@InputType('OrganizationFilter', { description: '组织筛选条件（各条件同时满足）Organization filters; all given conditions must hold' })
export class OrganizationFilter {
  @Field(() => [OrganizationKind], { nullable: true, description: '组织类型之一 Any of these kinds' })
  kind?: OrganizationKind[];

  @Field({ nullable: true, description: '行政区划代码：所在地在该区划及其下级的组织 Region code: organizations based in this region or anywhere below it' })
  regionCode?: string;

  @Field({ nullable: true, description: '关键词：匹配名称中的任意片段（支持中文）Text found anywhere in the name (works for Chinese)' })
  search?: string;

  @Field({ nullable: true, description: '统一社会信用代码（18位，不区分大小写）Unified social credit code, 18 characters, any case' })
  creditCode?: string;

  @Field({ nullable: true, description: 'true：只要信用代码有警示的；false：只要无警示的 true: only organizations whose credit code is flagged; false: only those without a flag' })
  hasCreditCodeWarning?: boolean;

  @Field({ defaultValue: false, description: '是否包含已停用组织 Include inactive organizations' })
  includeInactive!: boolean;
}

export enum OrganizationSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(OrganizationSortField, {
  name: 'OrganizationSortField',
  description: '组织排序字段 What to sort organizations by (ties are broken by ID)',
  valuesConfig: {
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
    CREATED_AT: { description: '按登记时间 By registration time' },
    UPDATED_AT: { description: '按最近修改时间 By last change' },
  },
});

@InputType('OrganizationOrder', { description: '组织排序 Ordering of an organization list' })
export class OrganizationOrder {
  @Field(() => OrganizationSortField, { description: '排序字段 Field to sort by' })
  field!: OrganizationSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@ArgsType()
export class OrganizationsArgs extends ConnectionArgs {
  @Field(() => OrganizationFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: OrganizationFilter;

  @Field(() => OrganizationOrder, { nullable: true, description: '排序，默认按名称升序 Ordering; by name by default' })
  orderBy?: OrganizationOrder;
}

@InputType('CreateOrganizationInput', { description: '新建组织 A new organization' })
export class CreateOrganizationInput {
  @Field({ description: '组织名称（至多100字）Name, at most 100 characters' })
  name!: string;

  @Field(() => OrganizationKind, { description: '组织类型 Kind' })
  kind!: OrganizationKind;

  @Field(() => String, {
    nullable: true,
    description:
      '统一社会信用代码（18位；无代码的党支部等可不填；校验码不符但格式合法的照收并标记警示）Unified social credit code; optional; a legal code whose check character fails is kept with a warning',
  })
  creditCode?: string | null;

  @Field({ description: '联系人姓名（个人信息）Contact person (personal data)' })
  contactName!: string;

  @Field({ description: '联系电话：手机号或带区号的座机，如 13907101234、0710-3456789（个人信息）Contact phone: a mobile or a landline with area code (personal data)' })
  contactPhone!: string;

  @Field({ description: '所在地行政区划代码（市、区县、街道或社区）Code of the region it is based in: city, district, street or community' })
  regionCode!: string;
}

@InputType('UpdateOrganizationInput', { description: '修改组织：只改所给字段；停用代替删除 Change the given fields; deactivate instead of deleting' })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: '组织 ID Organization ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '组织名称 Name' })
  name?: string;

  @Field(() => OrganizationKind, { nullable: true, description: '组织类型 Kind' })
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: '统一社会信用代码；传 null 表示清空 Unified social credit code; null clears it' })
  creditCode?: string | null;

  @Field({ nullable: true, description: '联系人姓名（个人信息）Contact person (personal data)' })
  contactName?: string;

  @Field({ nullable: true, description: '联系电话（个人信息）Contact phone (personal data)' })
  contactPhone?: string;

  @Field({ nullable: true, description: '所在地行政区划代码 Code of the region it is based in' })
  regionCode?: string;

  @Field({ nullable: true, description: '是否启用；false 表示停用 Active; false deactivates it' })
  active?: boolean;
}

@InputType('DeleteOrganizationInput', { description: '删除组织：仅限从未被引用的组织 Delete an organization that nothing references' })
export class DeleteOrganizationInput {
  @Field(() => ID, { description: '组织 ID Organization ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}
