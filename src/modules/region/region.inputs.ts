import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../station/station.inputs';
import { RegionLevel } from './region-level';

@InputType('RegionFilter', { description: '区划筛选（各条件同时满足；不给条件时返回最上层）Region filter: all conditions must hold; with none, the top of the tree' })
export class RegionFilter {
  @Field({ nullable: true, description: '上级区划代码：只列其直接下级 Parent region code: list its direct children' })
  parentCode?: string;

  @Field({ nullable: true, description: '区划代码：列其下所有层级 Region code: list everything below it' })
  withinCode?: string;

  @Field(() => RegionLevel, { nullable: true, description: '层级 Level' })
  level?: RegionLevel;

  @Field({ nullable: true, description: '名称关键词 Text found in the name' })
  search?: string;
}

export enum RegionSortField {
  CODE = 'CODE',
  NAME = 'NAME',
}

registerEnumType(RegionSortField, {
  name: 'RegionSortField',
  description: '区划排序字段 What to sort regions by (ties are broken by ID)',
  valuesConfig: {
    CODE: { description: '按区划代码 By region code' },
    NAME: { description: '按名称（Unicode 码点顺序）By name, in code-point order' },
  },
});

@InputType('RegionOrder', { description: '区划排序 Ordering of a region list' })
export class RegionOrder {
  @Field(() => RegionSortField, { description: '排序字段 Field to sort by' })
  field!: RegionSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向 Direction' })
  direction!: SortDirection;
}
