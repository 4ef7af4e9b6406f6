import { rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { compileStationFilter } from '../station/station.reader';
import { StationKind, StationStatus } from '../station/station.enums';
import type { StationFilter } from '../station/station.inputs';
import { regionKeySql } from '../statistics/figures';
import { CONSTRUCTION_PLAN_COLUMNS, toConstructionPlanRecord, type ConstructionPlanRecord, type ConstructionPlanRow } from './construction-plan.types';

export async function constructionPlansByIds(db: SqlReader, ids: readonly string[]): Promise<ConstructionPlanRecord[]> {
  const rows = await db.all<ConstructionPlanRow>(`select ${CONSTRUCTION_PLAN_COLUMNS} from construction_plan cp where cp.id = any(?::uuid[])`, [ids]);
  return rows.map(toConstructionPlanRecord);
}

/** "Station `c` is planned under plan `t`": of the plan's region or below it, with the plan's year, not archived. */
export function plannedUnder(t: string, c: string): string {
  return `${c}.plan_year = ${t}.year and ${c}.archived_at is null
    and ${c}.region_id = any(array(select d.id from region d where d.path like (select r.path from region r where r.id = ${t}.region_id) || '%'))`;
}

/** Statuses of a station that has opened (built), whatever became of it since. */
export const BUILT_STATUSES = [StationStatus.OPEN, StationStatus.SUSPENDED, StationStatus.CLOSED];

/**
 * The figures of planProgress for one year and region, as values for planFigures (one
 * statement): the plan's targets, and its stations counted with the stations list's own filter
 * (plan year and region, by status and kind).
 */
export function planProgressParts(year: number, regionCode: string): Record<string, SqlFragment> {
  const count = (filter: Partial<StationFilter>) => {
    const compiled = compileStationFilter({ regionCode, planYear: year, includeArchived: false, ...filter });
    return sql`(select count(*)::int from ${compiled.from} where ${compiled.where})`;
  };
  const plan = (column: string) =>
    sql`(select ${rawSql(`cp.${column}`)} from construction_plan cp join region r on r.id = cp.region_id where cp.year = ${year} and r.code = ${regionCode})`;
  const ratio = (part: SqlFragment, whole: SqlFragment) => sql`(${part}::float8 / nullif(${whole}, 0))`;
  const opened = count({ status: BUILT_STATUSES });
  const ruralOpened = count({ status: BUILT_STATUSES, kind: [StationKind.RURAL] });
  return {
    year: sql`${year}::int`,
    region: regionKeySql(regionCode),
    target: plan('target'),
    ruralTarget: plan('rural_target'),
    stationCount: count({}),
    opened,
    underConstruction: count({ status: [StationStatus.UNDER_CONSTRUCTION] }),
    planned: count({ status: [StationStatus.PLANNED] }),
    ratio: ratio(opened, plan('target')),
    ruralOpened,
    ruralRatio: ratio(ruralOpened, plan('rural_target')),
  };
}
