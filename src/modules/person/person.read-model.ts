import { column, registerReadModel, recordFields } from '../../graphql/plan/read-model';
import { PERSON_COLUMNS, toPersonRecord } from './person.types';

/**
 * How a Person is read (see graphql/plan/read-model.ts). Name and phone are personal data: they
 * stay with their resolvers, which mask them by the caller and the person's region.
 */
export function registerPersonReadModel(): void {
  registerReadModel({
    type: 'Person',
    table: 'person',
    key: 'id',
    record: { columns: PERSON_COLUMNS, from: 'person p', alias: 'p', toRecord: toPersonRecord },
    fields: {
      ...recordFields('Person'),
      role: column('role'),
      isPartyMember: column('is_party_member'),
      active: column('active'),
      organization: { kind: 'one', type: 'Organization', key: (t) => `${t}.organization_id` },
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
    },
  });
}
