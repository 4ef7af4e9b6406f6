import { rawSql, sql } from '../../db/sql';
import type { FieldPlan } from '../../graphql/plan/read-model';

/**
 * A count of stations (not archived) belonging to the row — `owner` is the SQL condition over a
 * station `cs` for row alias `t` — and, when the field's `status` argument is given, only those in
 * these statuses. Counted in the read's own statement, per row (the indexes make it cheap).
 */
export function stationCountPlan(owner: (t: string) => string): FieldPlan {
  return {
    kind: 'value',
    sql: (t, _extras, args) => {
      const status = args.status as string[] | null | undefined;
      const counted = `select count(*)::int from station cs where ${owner(t)} and cs.archived_at is null`;
      return status?.length ? sql`(${rawSql(counted)} and cs.status = any(${status}::text[]))` : `(${counted})`;
    },
  };
}
