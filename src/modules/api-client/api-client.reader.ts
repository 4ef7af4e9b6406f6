import type { SqlReader } from '../../db/sql';
import { requestLoader } from '../../graphql/request-loaders';
import { API_CLIENT_COLUMNS, toApiClientRecord, type ApiClientRecord, type ApiClientRow } from './api-client.types';

/** API clients by local id (revoked ones too: the feed and the audit trail still name them). */
export async function apiClientsByIds(db: SqlReader, ids: readonly string[]): Promise<Map<string, ApiClientRecord>> {
  const rows = await db.all<ApiClientRow>(`select ${API_CLIENT_COLUMNS} from api_client c where c.id = any(?::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, toApiClientRecord(row)]));
}

/** The request's batched loader of API clients by local id. */
export function apiClientLoader(db: SqlReader) {
  return requestLoader(db, 'apiClientById', apiClientsByIds);
}
