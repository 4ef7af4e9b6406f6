import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('CreateConstructionPlanInput', { description: '新建建设计划 A new construction plan' })
export class CreateConstructionPlanInput {
  @Field(() => Int, { description: '计划年度（2000–2100）Plan year, 2000–2100' })
  year!: number;

  @Field({ description: '区划代码：市、区（县）或街道（乡镇）；每个区划每年一个计划 Region code: a city, district or street; one plan per region and year' })
  regionCode!: string;

  @Field(() => Int, { description: '新建驿站目标数（不小于0）Stations to build, 0 or more' })
  target!: number;

  @Field(() => Int, { nullable: true, description: '其中乡镇村组驿站目标数（不超过目标数）Of them, in towns and villages; at most the target' })
  ruralTarget?: number | null;
}

@InputType('UpdateConstructionPlanInput', { description: '修改建设计划：只改所给字段；年度和区划不变 Change the given fields; year and region stay' })
export class UpdateConstructionPlanInput {
  @Field(() => ID, { description: '建设计划 ID Construction plan ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field(() => Int, { nullable: true, description: '新建驿站目标数（不小于0）Stations to build, 0 or more' })
  target?: number;

  @Field(() => Int, { nullable: true, description: '乡镇村组驿站目标数；传 null 表示清空 Target in towns and villages; null clears it' })
  ruralTarget?: number | null;
}
