import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { rawSql, sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { planFigures, planOneWhere } from '../../graphql/plan/planner';
import { aggregateComplexity } from '../../graphql/query-cost';
import { ConnectionArgs } from '../../graphql/relay';
import { RegionType, type RegionRecord } from '../region/region.types';
import { StationStatus } from '../station/station.enums';
import { StationConnection } from '../station/station.types';
import { assertRegionFound, regionKeySql } from '../statistics/figures';
import { ForAnalysts } from '../statistics/statistics.types';
import { CreateConstructionPlanInput, UpdateConstructionPlanInput } from './construction-plan.inputs';
import { planProgressParts } from './construction-plan.reader';
import * as plans from './construction-plan.service';
import {
  ConstructionPlanType,
  CreateConstructionPlanPayload,
  PlanProgress,
  UpdateConstructionPlanPayload,
  type ConstructionPlanPayload,
  type ConstructionPlanRecord,
} from './construction-plan.types';

@Resolver(() => ConstructionPlanType)
export class ConstructionPlanResolver {
  @SignedIn()
  @Query(() => ConstructionPlanType, { nullable: true, description: '某区划某年度的建设计划；没有时为 null The construction plan of a region for a year; null when there is none' })
  constructionPlan(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('year', () => Int, { description: '计划年度（2000–2100）Plan year, 2000–2100' }) year: number,
    @Arg('regionCode', { description: '区划代码 Region code' }) regionCode: string,
  ): Promise<Record<string, unknown> | null> {
    plans.assertPlanYear(year);
    return planOneWhere(
      ctx,
      info,
      'ConstructionPlan',
      (t) => sql`${rawSql(`${t}.year`)} = ${year} and ${rawSql(`${t}.region_id`)} = (select r.id from region r where r.code = ${regionCode.trim()})`,
    );
  }

  @ForAnalysts()
  @Query(() => PlanProgress, {
    complexity: aggregateComplexity,
    description:
      '建设计划完成情况：目标、已建成、在建、未开工与完成率（一次 SQL 聚合）Progress of a construction plan: target, built, under construction, not started and the ratio, in one SQL aggregate',
  })
  async planProgress(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('year', () => Int, { description: '计划年度（2000–2100）Plan year, 2000–2100' }) year: number,
    @Arg('regionCode', { description: '区划代码：计划所定的市、区（县）或街道 Region code of the city, district or street the plan is set for' }) regionCode: string,
  ): Promise<Record<string, unknown>> {
    plans.assertPlanYear(year);
    const code = regionCode.trim();
    return assertRegionFound(await planFigures(ctx, info, planProgressParts(year, code), { region: regionKeySql(code) }), code);
  }

  @SignedIn()
  @FieldResolver(() => RegionType, { description: '计划所定的区划 The region the plan is set for' })
  async region(@Root() plan: ConstructionPlanRecord, @Ctx() ctx: Context): Promise<RegionRecord> {
    const region = await ctx.loaders.regionById.load(plan.regionId);
    if (!region) throw new Error(`Region ${plan.regionId} of construction plan ${plan.dbId} is missing`);
    return region;
  }

  @SignedIn()
  @FieldResolver(() => StationConnection, {
    description: '计划内的驿站：区划内计划年度为该年、未归档者，按编号 The stations planned under it: of its region, with its year, not archived, by code',
  })
  stations(
    @Root() plan: ConstructionPlanRecord,
    @Args(() => ConnectionArgs) _args: ConnectionArgs,
    @Arg('status', () => [StationStatus], { nullable: true, description: '只列这些状态 Only these statuses' }) _status: StationStatus[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    // Planned (see construction-plan.read-model.ts); a plan the planner did not read (a payload's) is read the same way.
    return plannedField(ctx, info, 'ConstructionPlan', plan.dbId, 'uuid');
  }

  @Public()
  @Mutation(() => CreateConstructionPlanPayload, { description: '新建建设计划（仅管理员）Register a construction plan; administrators only' })
  createConstructionPlan(
    @Arg('input', () => CreateConstructionPlanInput, { description: '新计划 The new plan' }) input: CreateConstructionPlanInput,
    @Ctx() ctx: Context,
  ): Promise<ConstructionPlanPayload> {
    return plans.createConstructionPlan(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateConstructionPlanPayload, {
    description: '修改建设计划的目标（仅管理员；须带读取时的版本号）Change a plan’s targets; administrators only; pass the version you read',
  })
  updateConstructionPlan(
    @Arg('input', () => UpdateConstructionPlanInput, { description: '要修改的字段 Fields to change' }) input: UpdateConstructionPlanInput,
    @Ctx() ctx: Context,
  ): Promise<ConstructionPlanPayload> {
    return plans.updateConstructionPlan(ctx, input);
  }
}
