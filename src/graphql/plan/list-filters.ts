import { rawSql, sql, type SqlFragment } from '../../db/sql';
import { localIdOf, notAnId, type NodeTypeName } from '../relay';
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
