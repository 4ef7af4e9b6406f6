import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Action, checkCan } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { badInputOf, localIdOf, toGlobalId } from '../../graphql/relay';
import { savepoint, write } from '../../graphql/unit-of-work';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-level';
import { ConstructionPlan } from './construction-plan.entity';
import type { CreateConstructionPlanInput, UpdateConstructionPlanInput } from './construction-plan.inputs';
import { constructionPlansByIds } from './construction-plan.reader';
import type { ConstructionPlanPayload } from './construction-plan.types';

export const CONSTRUCTION_PLAN: RecordKind = { zh: '建设计划', en: 'construction plan' };
export const PLAN_YEARS = { min: 2000, max: 2100 };

/** A plan year asked of a query (constructionPlan, planProgress): outside the years plans take, BAD_USER_INPUT. */
export function assertPlanYear(year: number): void {
  if (!Number.isInteger(year) || year < PLAN_YEARS.min || year > PLAN_YEARS.max) throw badInputOf('PLAN_YEAR_RANGE', { given: year, ...PLAN_YEARS }, 'year');
}
/** A plan covers a city, a district or a street: stations are built in their communities. */
const PLAN_LEVELS: readonly RegionLevel[] = [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.DISTRICT, RegionLevel.STREET];

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<ConstructionPlanPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { constructionPlan: null, userErrors };
  const [constructionPlan] = await constructionPlansByIds(ctx.db, [id]);
  return { constructionPlan, userErrors };
}

/** Targets are counts; the rural target is part of the whole. Adds user errors; returns nothing. */
function checkTargets(problems: Problems, target: number, ruralTarget: number | null): void {
  if (!Number.isInteger(target) || target < 0) problems.add('target', UserErrorCode.INVALID, 'PLAN_TARGET_INVALID', { given: target });
  else if (ruralTarget != null && (!Number.isInteger(ruralTarget) || ruralTarget < 0 || ruralTarget > target)) {
    problems.add('ruralTarget', UserErrorCode.INVALID, 'PLAN_RURAL_TARGET_INVALID', { given: ruralTarget, target });
  }
}

/** Registers a region's plan for a year (administrators only); one per region and year. */
export async function createConstructionPlan(ctx: Context, input: CreateConstructionPlanInput): Promise<ConstructionPlanPayload> {
  const problems = new Problems(ctx.locale);
  if (!checkCan(ctx, problems, Action.ADMINISTER, {}, 'regionCode')) return { constructionPlan: null, userErrors: problems.errors };
  if (!Number.isInteger(input.year) || input.year < PLAN_YEARS.min || input.year > PLAN_YEARS.max) {
    problems.add('year', UserErrorCode.INVALID, 'PLAN_YEAR_RANGE', { given: input.year, ...PLAN_YEARS });
  }
  checkTargets(problems, input.target, input.ruralTarget ?? null);
  const code = input.regionCode.trim();
  const region = await ctx.loaders.regionByCode.load(code);
  if (!region) problems.add('regionCode', UserErrorCode.NOT_FOUND, 'FIGURES_REGION_NOT_FOUND', { code });
  else if (!PLAN_LEVELS.includes(region.level)) problems.add('regionCode', UserErrorCode.INVALID, 'PLAN_REGION_LEVEL', { name: region.name, code: region.code });
  if (problems.any) return { constructionPlan: null, userErrors: problems.errors };

  return toPayload(ctx, async () => {
    try {
      return await savepoint(ctx, async (em) => {
        const plan = em.create(ConstructionPlan, {
          id: randomUUID(),
          year: input.year,
          region: em.getReference(Region, region!.dbId),
          target: input.target,
          ruralTarget: input.ruralTarget ?? null,
        });
        await em.flush();
        return plan.id;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const [holder] = await ctx.db.all<{ id: string }>('select id from construction_plan where year = ? and region_id = ?', [input.year, region!.dbId]);
        problems.exists('year', 'PLAN_TAKEN', { year: input.year, name: region!.name }, holder ? toGlobalId('ConstructionPlan', holder.id) : null);
        problems.throwIfAny();
      }
      throw error;
    }
  });
}

/** Changes a plan's targets (administrators only); its year and region stay. */
export async function updateConstructionPlan(ctx: Context, input: UpdateConstructionPlanInput): Promise<ConstructionPlanPayload> {
  const problems = new Problems(ctx.locale);
  if (!checkCan(ctx, problems, Action.ADMINISTER, {})) return { constructionPlan: null, userErrors: problems.errors };
  const localId = localIdOf(input.id, 'ConstructionPlan');
  if (!localId) problems.invalidId('id', CONSTRUCTION_PLAN);
  if (problems.any) return { constructionPlan: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const plan = await lockVersioned(em, ConstructionPlan, localId!, input.version, problems, CONSTRUCTION_PLAN);
      const target = input.target ?? plan.target;
      const ruralTarget = input.ruralTarget !== undefined ? input.ruralTarget : (plan.ruralTarget ?? null);
      checkTargets(problems, target, ruralTarget);
      problems.throwIfAny();
      plan.target = target;
      plan.ruralTarget = ruralTarget;
      return plan.id;
    }),
  );
}
