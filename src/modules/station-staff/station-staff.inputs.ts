import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';

@InputType('SetStationManagementInput', {
  description: '设置驿站的管理党组织和联系包保干部：不传的字段不变，传 null 表示清空 Set who manages a station; omitted fields stay, null clears',
})
export class SetStationManagementInput {
  @Field(() => ID, { description: '驿站 ID Station ID' })
  stationId!: string;

  @Field(() => Int, { description: '读取时的驿站版本号（修改后加一）The station version the caller read; it goes up by one' })
  version!: number;

  @Field(() => ID, { nullable: true, description: '管理党组织（须为党组织）；null 表示清空 Managing party organization (must be a party organization); null clears it' })
  managingOrganizationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "联系包保的社区两委干部（人员 ID）；null 表示清空 Person ID of the two-committees cadre who is the station's contact (联系包保); null clears it",
  })
  contactCadreId?: string | null;
}

@InputType('AssignGridWorkerInput', { description: '安排网格员到驿站驻点 Station a grid worker at a station' })
export class AssignGridWorkerInput {
  @Field(() => ID, { description: '驿站 ID Station ID' })
  stationId!: string;

  @Field(() => ID, { description: '网格员 ID Person ID of the grid worker' })
  personId!: string;

  @Field(() => LocalDateScalar, { description: '驻点起始日期 Date the stationing begins' })
  since!: string;
}

@InputType('UnassignGridWorkerInput', { description: "撤销网格员驻点 End a grid worker's stationing at a station" })
export class UnassignGridWorkerInput {
  @Field(() => ID, { description: '驿站 ID Station ID' })
  stationId!: string;

  @Field(() => ID, { description: '网格员 ID Person ID of the grid worker' })
  personId!: string;
}
