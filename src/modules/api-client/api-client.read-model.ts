import { column, globalId, instant, registerReadModel } from '../../graphql/plan/read-model';
import { API_CLIENT_COLUMNS, toApiClientRecord } from './api-client.types';

/**
 * How an ApiClient is read (see graphql/plan/read-model.ts). Its key's hash and hint are never
 * read: no field plans them and the record's columns leave them out.
 */
export function registerApiClientReadModel(): void {
  registerReadModel({
    type: 'ApiClient',
    table: 'api_client',
    key: 'id',
    record: { columns: API_CLIENT_COLUMNS, from: 'api_client c', alias: 'c', toRecord: toApiClientRecord },
    fields: {
      id: globalId('ApiClient'),
      name: column('name'),
      roles: { kind: 'value', sql: (t) => `to_json(${t}.roles)` },
      active: column('active'),
      createdAt: instant('created_at'),
      keyRotatedAt: instant('key_rotated_at'),
      revokedAt: instant('revoked_at'),
      department: { kind: 'one', type: 'Department', key: (t) => `${t}.department_id` },
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
    },
  });
}
