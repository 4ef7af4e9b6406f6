import { rawSql, sql, type SqlFragment } from '../../db/sql';
import { badInputOf, localIdOf, notAnId, type NodeTypeName } from '../relay';
import type { PlannedSort } from './read-model';

/**
 * A list filter naming a record by its global ID (`filter.stationId`): "`column` is that record",
 * or null when the filter leaves it out. An ID of another type or none at all is BAD_USER_INPUT
 * naming `field`. For record types with uuid keys.
 */
export function recordIdCondition(column: string, field: string, globalId: string | null | undefined, type: NodeTypeName): SqlFragment | null {
  if (!globalId) return null;
  const localId = localIdOf(globalId, type);
  if (!localId) throw notAnId(field, type);
  return sql`${rawSql(column)} = ${localId}::uuid`;
}

/**
 * A list filter's time window on `column`: "at or after `from`" and "before `to`", each when given.
 * A window that does not end after it starts is BAD_USER_INPUT naming both arguments.
 */
export function timeWindowConditions(column: string, window: { from?: Date | null; to?: Date | null }, fields: { from: string; to: string }): SqlFragment[] {
  const { from, to } = window;
  if (from && to && to <= from) throw badInputOf('TIME_WINDOW_INVALID', fields, fields.to);
  const conditions: SqlFragment[] = [];
  if (from) conditions.push(sql`${rawSql(column)} >= ${from.toISOString()}::timestamptz`);
  if (to) conditions.push(sql`${rawSql(column)} < ${to.toISOString()}::timestamptz`);
  return conditions;
}

/** The order of a list of named records (alias `t`): by name, or by when each was recorded; ties by id. */
export function nameOrRecordedSort(t: string, byRecorded: boolean, descending: boolean): PlannedSort {
  return {
    expression: byRecorded ? `${t}.created_at` : `${t}.name`,
    type: byRecorded ? 'timestamptz' : 'text',
    id: `${t}.id`,
    idType: 'uuid',
    descending,
  };
}
