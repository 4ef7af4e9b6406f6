import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../station/station.inputs';

@InputType('ServiceCircleFilter', { description: '服务圈筛选（各条件同时满足）Service circle filter: all conditions must hold' })
export class ServiceCircleFilter {
  @Field({ nullable: true, description: '区划代码：该区（或全市）的服务圈 Region code: circles in this district, or in the whole city' })
  regionCode?: string;

  @Field({ nullable: true, description: '名称关键词 Text found in the name' })
  search?: string;

  @Field({
    nullable: true,
    description: 'true 只列已有运行中驿站的服务圈，false 只列尚无者（覆盖缺口）true: circles with an open station; false: circles without one (coverage gaps)',
  })
  hasOpenStation?: boolean;
}

export enum ServiceCircleSortField {
  CODE = 'CODE',
  NAME = 'NAME',
}

registerEnumType(ServiceCircleSortField, {
  name: 'ServiceCircleSortField',
  description: '服务圈排序字段 What to sort service circles by (ties are broken by ID)',
  valuesConfig: {
    CODE: { description: '按编号 By code' },
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
  },
});

@InputType('ServiceCircleOrder', { description: '服务圈排序 Ordering of a service circle list' })
export class ServiceCircleOrder {
  @Field(() => ServiceCircleSortField, { description: '排序字段 Field to sort by' })
  field!: ServiceCircleSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}
