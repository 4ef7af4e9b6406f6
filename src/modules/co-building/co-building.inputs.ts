import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { SortDirection } from '../station/station.inputs';
import { CoBuildingRole, CommitmentKind } from './co-building.enums';

@InputType('CoBuildingFilter', { description: '共建关系筛选条件（各条件同时满足）Co-building filters; all given conditions must hold' })
export class CoBuildingFilter {
  @Field(() => ID, { nullable: true, description: '驿站 ID Station ID' })
  stationId?: string;

  @Field(() => ID, { nullable: true, description: '组织 ID Organization ID' })
  organizationId?: string;

  @Field(() => CoBuildingRole, { nullable: true, description: '共建角色 Role' })
  role?: CoBuildingRole;

  @Field(() => LocalDateScalar, { nullable: true, description: '在该日有效的关系 Relations in force on this date' })
  activeOn?: string;

  @Field({ nullable: true, description: '行政区划代码：驿站在该区划及其下级 Region code: stations in this region or anywhere below it' })
  regionCode?: string;
}

export enum CoBuildingSortField {
  VALID_FROM = 'VALID_FROM',
  CREATED_AT = 'CREATED_AT',
}

registerEnumType(CoBuildingSortField, {
  name: 'CoBuildingSortField',
  description: '共建关系排序字段 What to sort co-buildings by (ties are broken by ID)',
  valuesConfig: {
    VALID_FROM: { description: '按生效日期 By first day in force' },
    CREATED_AT: { description: '按登记时间 By when it was registered' },
  },
});

@InputType('CoBuildingOrder', { description: '共建关系排序 Ordering of a co-building list' })
export class CoBuildingOrder {
  @Field(() => CoBuildingSortField, { defaultValue: CoBuildingSortField.VALID_FROM, description: '排序字段 Field to sort by' })
  field!: CoBuildingSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: '排序方向，默认从新到旧 Direction; newest first by default' })
  direction!: SortDirection;
}

@ArgsType()
export class CoBuildingsArgs extends ConnectionArgs {
  @Field(() => CoBuildingFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: CoBuildingFilter;

  @Field(() => CoBuildingOrder, { nullable: true, description: '排序，默认按生效日期从新到旧 Ordering; newest first by first day in force by default' })
  orderBy?: CoBuildingOrder;
}

/** Organization.coBuildings: every relation of the organization, in force or not. */
@ArgsType()
export class OrganizationCoBuildingsArgs extends ConnectionArgs {
  @Field(() => CoBuildingOrder, { nullable: true, description: '排序，默认按生效日期从新到旧 Ordering; newest first by first day in force by default' })
  orderBy?: CoBuildingOrder;
}

/** Station.coBuildings: a station has a handful, by role then first day in force. */
@ArgsType()
export class StationCoBuildingsArgs extends ConnectionArgs {
  @Field({
    defaultValue: false,
    description: '是否包含今天不在有效期内的（已结束或尚未开始）Include relations not in force today (ended, or not begun yet)',
  })
  includeInactive!: boolean;
}

@InputType('CreateCoBuildingInput', { description: '新建共建关系 A new co-building relation' })
export class CreateCoBuildingInput {
  @Field(() => ID, { description: '组织 ID（须为启用状态）Organization ID; it must be active' })
  organizationId!: string;

  @Field(() => ID, { description: '驿站 ID（不能是已归档驿站）Station ID; not an archived one' })
  stationId!: string;

  @Field(() => CoBuildingRole, { description: '共建角色 Role' })
  role!: CoBuildingRole;

  @Field(() => LocalDateScalar, { nullable: true, description: '共建盟约签订日期 Date the co-building agreement was signed' })
  agreementSignedOn?: string | null;

  @Field(() => [CommitmentKind], { description: '共建承诺（至少一项）Commitments, at least one' })
  commitments!: CommitmentKind[];

  @Field(() => String, { nullable: true, description: '承诺说明（至多500字）Details of the commitments, at most 500 characters' })
  commitmentNote?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '生效日期，缺省为今天 First day in force; defaults to today' })
  validFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '终止日期（含当日），不填表示长期有效 Last day in force; leave out for open-ended' })
  validTo?: string | null;
}

@InputType('UpdateCoBuildingInput', { description: '修改共建关系：只改所给字段；组织和驿站不可改 Change the given fields; organization and station stay' })
export class UpdateCoBuildingInput {
  @Field(() => ID, { description: '共建关系 ID Co-building ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field(() => CoBuildingRole, { nullable: true, description: '共建角色 Role' })
  role?: CoBuildingRole;

  @Field(() => LocalDateScalar, { nullable: true, description: '共建盟约签订日期；传 null 表示清空 Agreement date; null clears it' })
  agreementSignedOn?: string | null;

  @Field(() => [CommitmentKind], { nullable: true, description: '共建承诺（至少一项）Commitments, at least one' })
  commitments?: CommitmentKind[];

  @Field(() => String, { nullable: true, description: '承诺说明；传 null 表示清空 Details; null clears them' })
  commitmentNote?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '生效日期 First day in force' })
  validFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '终止日期；传 null 表示长期有效 Last day in force; null makes it open-ended' })
  validTo?: string | null;
}

@InputType('EndCoBuildingInput', { description: '结束共建关系 End a co-building relation' })
export class EndCoBuildingInput {
  @Field(() => ID, { description: '共建关系 ID Co-building ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '最后有效日（含当日），缺省为今天；不能早于生效日期 Last day in force, default today; not before the first day' })
  validTo?: string;
}
