import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { SortDirection } from '../station/station.inputs';
import { PersonRole } from './person.enums';

/** Who may search or sort people by name: see the NAME value's description. */
const NAME_USE_RULE_ZH = '仅限能看到全部所列姓名全文的调用方：组织部管理员，或 filter.regionCode 在本辖区内的区划操作员；其他调用方会得到 FORBIDDEN 错误';
const NAME_USE_RULE_EN =
  'only for callers who see every listed name whole: administrators, and region operators whose filter.regionCode lies inside their own region; anyone else gets a FORBIDDEN error';

export enum PersonSortField {
  REGION = 'REGION',
  CREATED_AT = 'CREATED_AT',
  NAME = 'NAME',
}

registerEnumType(PersonSortField, {
  name: 'PersonSortField',
  description: '人员排序字段 What to sort people by (ties are broken by ID)',
  valuesConfig: {
    REGION: { description: '按服务区划代码（无区划者排最前）By the code of the region they serve; people without one first' },
    CREATED_AT: { description: '按登记时间 By registration time' },
    NAME: {
      description: `按姓名（Unicode 码点顺序；游标只含人员 ID）：${NAME_USE_RULE_ZH} By name, in code-point order (the cursor holds only the person's ID): ${NAME_USE_RULE_EN}`,
    },
  },
});

@InputType('PersonOrder', { description: '人员排序 Ordering of a list of people' })
export class PersonOrder {
  @Field(() => PersonSortField, { defaultValue: PersonSortField.REGION, description: '排序字段，默认按服务区划 Field to sort by; the region served by default' })
  field!: PersonSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}

@InputType('PersonFilter', { description: '人员筛选条件（各条件同时满足）Person filters; all given conditions must hold' })
export class PersonFilter {
  @Field(() => [PersonRole], { nullable: true, description: '身份之一 Any of these roles' })
  role?: PersonRole[];

  @Field(() => ID, { nullable: true, description: '所属组织 ID of their organization' })
  organizationId?: string;

  @Field({ nullable: true, description: '行政区划代码：服务区划在该区划内（含下级）的人员 Region code: people who serve this region or anywhere below it' })
  regionCode?: string;

  @Field({ nullable: true, description: `姓名关键词（支持中文）：${NAME_USE_RULE_ZH} Text found in the name (works for Chinese): ${NAME_USE_RULE_EN}` })
  search?: string;

  @Field({ defaultValue: false, description: '是否包含已停用人员 Include inactive people' })
  includeInactive!: boolean;
}

@ArgsType()
export class PeopleArgs extends ConnectionArgs {
  @Field(() => PersonFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: PersonFilter;

  @Field(() => PersonOrder, { nullable: true, description: '排序，默认按服务区划代码升序 Ordering; by the code of the region served by default' })
  orderBy?: PersonOrder;
}

@InputType('CreatePersonInput', { description: '登记人员 A new person' })
export class CreatePersonInput {
  @Field({ description: '姓名（至多50字）Name, at most 50 characters' })
  name!: string;

  @Field(() => PersonRole, { description: '身份 Role' })
  role!: PersonRole;

  @Field(() => String, {
    nullable: true,
    description: '联系电话：11位手机号，或带区号的固定电话（如 0710-3221234）Phone: an 11-digit mobile, or a landline with area code such as 0710-3221234',
  })
  phone?: string | null;

  @Field({ defaultValue: false, description: '是否中共党员 Party member' })
  isPartyMember!: boolean;

  @Field(() => ID, { nullable: true, description: '所属组织 ID of their organization' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: '服务的社区（村）或街道（乡镇）的区划代码 Code of the community, village, street or township they serve' })
  regionCode?: string | null;
}

@InputType('UpdatePersonInput', { description: '修改人员：只改所给字段；active 传 false 表示停用 Change the given fields; active: false deactivates' })
export class UpdatePersonInput {
  @Field(() => ID, { description: '人员 ID Person ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({ nullable: true, description: '姓名 Name' })
  name?: string;

  @Field(() => PersonRole, { nullable: true, description: '身份 Role' })
  role?: PersonRole;

  @Field(() => String, { nullable: true, description: '联系电话；传 null 表示清空 Phone; null clears it' })
  phone?: string | null;

  @Field({ nullable: true, description: '是否中共党员 Party member' })
  isPartyMember?: boolean;

  @Field(() => ID, { nullable: true, description: '所属组织；传 null 表示清空 Organization ID; null clears it' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: '服务区划代码；传 null 表示清空 Region code; null clears it' })
  regionCode?: string | null;

  @Field({ nullable: true, description: '是否在岗；false 表示停用 Active; false deactivates' })
  active?: boolean;
}

@InputType('DeletePersonInput', { description: '删除人员：仅限未被值班、驿站联系或驻点引用的误录记录 Delete a person; only while no shift or station refers to them' })
export class DeletePersonInput {
  @Field(() => ID, { description: '人员 ID Person ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}
