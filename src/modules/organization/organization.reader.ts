import type { SqlReader } from '../../db/sql';
import { ORGANIZATION_COLUMNS, toOrganizationRecord, type OrganizationRecord, type OrganizationRow } from './organization.types';

export async function organizationsByIds(db: SqlReader, ids: readonly string[]): Promise<OrganizationRecord[]> {
  const rows = await db.all<OrganizationRow>(`select ${ORGANIZATION_COLUMNS} from organization o where o.id = any(?::uuid[])`, [ids]);
  return rows.map(toOrganizationRecord);
}
