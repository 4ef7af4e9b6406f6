import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { PlannedList } from '../../graphql/plan/planner';
import type { PageRequest } from '../../graphql/relay';
import type { ExternalRecordType } from './external-ref.enums';
import type { ExternalRefSystemFilter } from './external-ref.inputs';
import {
  EXTERNAL_REF_COLUMNS,
  EXTERNAL_REF_SYSTEM_COLUMNS,
  toExternalRefRecord,
  toExternalRefSystemRecord,
  type ExternalRefRecord,
  type ExternalRefRow,
  type ExternalRefSystemRecord,
  type ExternalRefSystemRow,
} from './external-ref.types';

/** Which record an external reference names: the lookup key of upserts and recordByExternalRef. */
export interface ExternalRefKey {
  type: ExternalRecordType;
  system: string;
  externalId: string;
}

export function externalRefKeyString(key: ExternalRefKey): string {
  return JSON.stringify([key.type, key.system, key.externalId]);
}

/** The record (alias `t`, a row of the key's type) that an external reference names. */
export function namedByExternalRef(t: string, key: ExternalRefKey): SqlFragment {
  return sql`${rawSql(t)}.id = (select r.record_id from external_ref r where r.record_type = ${key.type} and r.system = ${key.system} and r.external_id = ${key.externalId})`;
}

/** The references of records of one type, by system then ID: one query for a whole page of records. */
export async function externalRefsOfRecords(db: SqlReader, type: ExternalRecordType, recordIds: readonly string[]): Promise<ExternalRefRecord[]> {
  const rows = await db.all<ExternalRefRow>(
    `select ${EXTERNAL_REF_COLUMNS} from external_ref r where r.record_type = ? and r.record_id = any(?::uuid[])
     order by r.record_id, r.system, r.external_id`,
    [type, recordIds],
  );
  return rows.map(toExternalRefRecord);
}

/** The references with these keys (those that exist), in one query. */
export async function externalRefsByKeys(db: SqlReader, keys: readonly ExternalRefKey[]): Promise<ExternalRefRecord[]> {
  const rows = await db.all<ExternalRefRow>(
    `select ${EXTERNAL_REF_COLUMNS} from external_ref r
     join unnest(?::text[], ?::text[], ?::text[]) as k(record_type, system, external_id)
       on k.record_type = r.record_type and k.system = r.system and k.external_id = r.external_id`,
    [keys.map((key) => key.type), keys.map((key) => key.system), keys.map((key) => key.externalId)],
  );
  return rows.map(toExternalRefRecord);
}

/** The registered systems with these names (those that exist). */
export async function externalRefSystemsByNames(db: SqlReader, names: readonly string[]): Promise<ExternalRefSystemRecord[]> {
  const rows = await db.all<ExternalRefSystemRow>(`select ${EXTERNAL_REF_SYSTEM_COLUMNS} from external_ref_system s where s.system = any(?::text[])`, [names]);
  return rows.map(toExternalRefSystemRecord);
}

function compileSystemFilter(filter: ExternalRefSystemFilter | undefined): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filter?.status?.length) conditions.push(sql`s.status = any(${filter.status}::text[])`);
  if (filter?.departmentCode != null) conditions.push(sql`s.department_id = (select d.id from department d where d.code = ${filter.departmentCode.trim()})`);
  return conditions;
}

/** Registered systems ordered by name (their key), as the planner reads them (alias `s`). */
export function externalRefSystemList(filter: ExternalRefSystemFilter | undefined, request: PageRequest): PlannedList {
  const where = compileSystemFilter(filter);
  return {
    nodeType: 'ExternalRefSystem',
    from: 'external_ref_system s',
    alias: 's',
    where: where.length ? joinSql(where, ' and ') : rawSql('true'),
    sort: { expression: rawSql('s.system'), type: 'text' },
    id: { expression: 's.system', type: 'text' },
    descending: false,
    request,
  };
}

/** External references by local id. */
export async function externalRefsByIds(db: SqlReader, ids: readonly string[]): Promise<Map<string, ExternalRefRecord>> {
  const rows = await db.all<ExternalRefRow>(`select ${EXTERNAL_REF_COLUMNS} from external_ref r where r.id = any(?::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, toExternalRefRecord(row)]));
}
