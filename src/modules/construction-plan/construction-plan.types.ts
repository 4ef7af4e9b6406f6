import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SignedIn } from '../../auth/visibility';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { VersionedNode } from '../../graphql/record-types';
import { Node, toGlobalId } from '../../graphql/relay';
import { ForAnalysts, GroupKey } from '../statistics/statistics.types';
import { ConstructionPlan } from './construction-plan.entity';

/** A construction plan as the read paths carry it. */
export interface ConstructionPlanRecord {
  __typename: 'ConstructionPlan';
  id: string;
  dbId: string;
  year: number;
  regionId: number;
  target: number;
  ruralTarget: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const PLAN_PROPERTIES = ['id', 'year', 'region', 'target', 'ruralTarget', 'version', 'createdAt', 'updatedAt'] as const;
export type ConstructionPlanRow = RowOf<ConstructionPlan, (typeof PLAN_PROPERTIES)[number]>;
export const CONSTRUCTION_PLAN_COLUMNS = columnsOf(ConstructionPlan, 'cp', PLAN_PROPERTIES);

export function toConstructionPlanRecord(row: ConstructionPlanRow): ConstructionPlanRecord {
  return {
    __typename: 'ConstructionPlan',
    id: toGlobalId('ConstructionPlan', row.id),
    dbId: row.id,
    year: row.year,
    regionId: row.region_id,
    target: row.target,
    ruralTarget: row.rural_target,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('ConstructionPlan', {
  implements: Node,
  simpleResolvers: true,
  description:
    '建设计划：某区划某年度新建驿站的目标；计划内的驿站是该区划内计划年度为该年的驿站 A construction plan: how many stations a region is to build in a year; the stations planned under it are those of the region whose plan year is that year',
})
export class ConstructionPlanType extends VersionedNode(SignedIn) {
  @SignedIn()
  @Field(() => Int, { description: '计划年度 Plan year' })
  year!: number;

  @SignedIn()
  @Field(() => Int, { description: '新建驿站目标数 Stations to build in the year' })
  target!: number;

  @SignedIn()
  @Field(() => Int, {
    nullable: true,
    description: '其中乡镇村组（RURAL）驿站目标数；未设定时为 null Of them, stations in towns and villages (RURAL); null when the plan sets none',
  })
  ruralTarget!: number | null;
}

@ForAnalysts()
@ObjectType('PlanProgress', {
  description:
    '建设计划完成情况：区划内计划年度为该年的驿站按状态计数，对照目标 Progress of a construction plan: the region’s stations of that plan year counted by status, against the target',
})
export class PlanProgress {
  @ForAnalysts()
  @Field(() => Int, { description: '计划年度 Plan year' })
  year!: number;

  @ForAnalysts()
  @Field(() => GroupKey, { description: '区划 The region' })
  region!: GroupKey;

  @ForAnalysts()
  @Field(() => Int, { nullable: true, description: '目标数；该区划该年度无计划时为 null The target; null when the region has no plan for the year' })
  target!: number | null;

  @ForAnalysts()
  @Field(() => Int, { description: '计划内驿站总数（不含已归档）Stations planned for the year, archived ones left out' })
  stationCount!: number;

  @ForAnalysts()
  @Field(() => Int, { description: '已建成：已开放过的驿站（开放、暂停或关闭）Built: stations that have opened (OPEN, SUSPENDED or CLOSED)' })
  opened!: number;

  @ForAnalysts()
  @Field(() => Int, { description: '在建 Under construction' })
  underConstruction!: number;

  @ForAnalysts()
  @Field(() => Int, { description: '尚未开工 Planned, not yet started' })
  planned!: number;

  @ForAnalysts()
  @Field(() => Float, { nullable: true, description: '完成率：已建成 ÷ 目标数（无目标时为 null）Built ÷ target; null without a target' })
  ratio!: number | null;

  @ForAnalysts()
  @Field(() => Int, { nullable: true, description: '乡镇村组目标数（计划未设定时为 null）Target in towns and villages; null when the plan sets none' })
  ruralTarget!: number | null;

  @ForAnalysts()
  @Field(() => Int, { description: '已建成的乡镇村组（RURAL）驿站 Built stations in towns and villages (RURAL)' })
  ruralOpened!: number;

  @ForAnalysts()
  @Field(() => Float, { nullable: true, description: '乡镇村组完成率（无目标时为 null）Rural built ÷ rural target; null without one' })
  ruralRatio!: number | null;
}

const planPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'constructionPlan', type: () => ConstructionPlanType, zh: '建设计划', en: 'The construction plan' });

export const CreateConstructionPlanPayload = planPayload('CreateConstructionPlanPayload', '新建建设计划结果 Result of createConstructionPlan');
export const UpdateConstructionPlanPayload = planPayload('UpdateConstructionPlanPayload', '修改建设计划结果 Result of updateConstructionPlan');

export interface ConstructionPlanPayload {
  constructionPlan: ConstructionPlanRecord | null;
  userErrors: UserError[];
}
