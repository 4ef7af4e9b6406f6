import { seedUuid } from './support/deterministic';
import { insertBatches, loadRegionIds, type SeedDb } from './support/seed-db';
import { XIANGYANG_FIGURES } from './xiangyang.data';

/**
 * 建设计划 The 2023 plan of the source article: 300 new stations citywide (Xiangyang, 420600), 72
 * of them in towns and villages. The registry step gave exactly these stations plan year 2023, so
 * planProgress reads the plan against them.
 */
const PLANS = [{ year: 2023, regionCode: '420600', target: XIANGYANG_FIGURES.plannedFor2023, ruralTarget: XIANGYANG_FIGURES.ruralOpenedIn2023 }];

const CREATED_AT = '2023-01-05T09:00:00+08:00';

/** Seed step: the construction plans. */
export async function seedConstructionPlans(db: SeedDb): Promise<Record<string, number>> {
  const regionIds = await loadRegionIds(db);
  const rows = PLANS.map((plan) => {
    const regionId = regionIds.get(plan.regionCode);
    if (regionId === undefined) throw new Error(`Region ${plan.regionCode} of the ${plan.year} plan is not seeded`);
    return [seedUuid('construction-plan', `${plan.year}:${plan.regionCode}`), plan.year, regionId, plan.target, plan.ruralTarget, CREATED_AT, CREATED_AT];
  });
  await insertBatches(db, 'construction_plan', ['id', 'year', 'region_id', 'target', 'rural_target', 'created_at', 'updated_at'], rows);
  return { constructionPlans: rows.length };
}
