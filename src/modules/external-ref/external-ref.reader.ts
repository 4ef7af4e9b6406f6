import type { SqlReader } from '../../db/sql';
import type { ExternalRecordType } from './external-ref.enums';
import { EXTERNAL_REF_COLUMNS, toExternalRefRecord, type ExternalRefRecord, type ExternalRefRow } from './external-ref.types';

/** Which record an external reference names: the lookup key of upserts and recordByExternalRef. */
export interface ExternalRefKey {
  type: ExternalRecordType;
  system: string;
  externalId: string;
}

export function externalRefKeyString(key: ExternalRefKey): string {
  return JSON.stringify([key.type, key.system, key.externalId]);
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
