import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { inRegionSubtree } from '../region/region-subtree';
import { sortedList, type SortKey, type PlannedList } from '../../graphql/plan/planner';
import { badInputOf, type PageRequest } from '../../graphql/relay';
import { checkCreditCode } from './credit-code';
import { OrganizationSortField, type OrganizationFilter, type OrganizationOrder } from './organization.inputs';
import { ORGANIZATION_COLUMNS, toOrganizationRecord, type OrganizationRecord, type OrganizationRow } from './organization.types';

export async function organizationsByIds(db: SqlReader, ids: readonly string[]): Promise<OrganizationRecord[]> {
  const rows = await db.all<OrganizationRow>(`select ${ORGANIZATION_COLUMNS} from organization o where o.id = any(?::uuid[])`, [ids]);
  return rows.map(toOrganizationRecord);
}

/** The organization holding a (normalised) credit code, if any. */
export async function organizationByCreditCode(db: SqlReader, creditCode: string): Promise<OrganizationRecord | null> {
  const row = await db.one<OrganizationRow>(`select ${ORGANIZATION_COLUMNS} from organization o where o.credit_code = ?`, [creditCode]);
  return row ? toOrganizationRecord(row) : null;
}

/** Turns the GraphQL filter into SQL; a malformed credit code is a BAD_USER_INPUT error. */
function compileOrganizationFilter(filter: OrganizationFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (!filter?.includeInactive) conditions.push(rawSql('o.active'));
  if (filter?.kind?.length) conditions.push(sql`o.kind = any(${filter.kind}::text[])`);
  if (filter?.regionCode) {
    conditions.push(inRegionSubtree('o.region_id', filter.regionCode));
  }
  const search = filter?.search?.trim();
  // Same expression as the trigram index organization_name_trgm_idx.
  if (search) conditions.push(sql`o.name ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  if (filter?.creditCode != null) {
    const checked = checkCreditCode(filter.creditCode);
    if (checked.status === 'MALFORMED') throw badInputOf('CREDIT_CODE_FILTER_MALFORMED', {}, 'filter.creditCode');
    conditions.push(sql`o.credit_code = ${checked.code}`);
  }
  if (filter?.hasCreditCodeWarning != null) {
    conditions.push(rawSql(filter.hasCreditCodeWarning ? 'o.credit_code_warning is not null' : 'o.credit_code_warning is null'));
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

const SORT_KEYS: Record<OrganizationSortField, SortKey> = {
  [OrganizationSortField.NAME]: { expression: 'o.name', type: 'text' },
  [OrganizationSortField.CREATED_AT]: { expression: 'o.created_at', type: 'timestamptz' },
  [OrganizationSortField.UPDATED_AT]: { expression: 'o.updated_at', type: 'timestamptz' },
};

/** The organizations a list asks for, in its order (by name unless told), as the planner reads them (alias `o`). */
export function organizationList(filter: OrganizationFilter | undefined, order: OrganizationOrder | undefined, request: PageRequest): PlannedList {
  return sortedList(
    { nodeType: 'Organization', table: 'organization', alias: 'o', where: compileOrganizationFilter(filter), request },
    SORT_KEYS,
    order,
    OrganizationSortField.NAME,
  );
}
