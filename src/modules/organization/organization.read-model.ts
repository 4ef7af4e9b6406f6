import { column, registerReadModel, recordFields } from '../../graphql/plan/read-model';
import { ORGANIZATION_COLUMNS, toOrganizationRecord } from './organization.types';

/**
 * How an Organization is read (see graphql/plan/read-model.ts). The contact's name and phone are
 * personal data: they stay with their resolvers, which mask them for the caller.
 */
export function registerOrganizationReadModel(): void {
  registerReadModel({
    type: 'Organization',
    table: 'organization',
    key: 'id',
    record: { columns: ORGANIZATION_COLUMNS, from: 'organization o', alias: 'o', toRecord: toOrganizationRecord },
    fields: {
      ...recordFields('Organization'),
      name: column('name'),
      kind: column('kind'),
      creditCode: column('credit_code'),
      creditCodeWarning: column('credit_code_warning'),
      active: column('active'),
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
    },
  });
}
