import { column, recordFields, registerReadModel } from '../../graphql/plan/read-model';
import { plannedUnder } from './construction-plan.reader';
import { CONSTRUCTION_PLAN_COLUMNS, toConstructionPlanRecord } from './construction-plan.types';
import { rawSql, sql } from '../../db/sql';

/** How a ConstructionPlan is read (see graphql/plan/read-model.ts). */
export function registerConstructionPlanReadModel(): void {
  registerReadModel({
    type: 'ConstructionPlan',
    table: 'construction_plan',
    key: 'id',
    record: { columns: CONSTRUCTION_PLAN_COLUMNS, from: 'construction_plan cp', alias: 'cp', toRecord: toConstructionPlanRecord },
    fields: {
      ...recordFields('ConstructionPlan'),
      year: column('year'),
      target: column('target'),
      ruralTarget: column('rural_target'),
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
      stations: {
        kind: 'connection',
        type: 'Station',
        where: (t, c, args) => {
          const status = args.status as string[] | null | undefined;
          const planned = rawSql(plannedUnder(t, c));
          return status?.length ? sql`${planned} and ${rawSql(`${c}.status`)} = any(${status}::text[])` : planned;
        },
        sort: (c) => ({ expression: `${c}.code`, type: 'text', id: `${c}.id`, idType: 'uuid' }),
      },
    },
  });
}
