import { fetchKeysetPage, isDateText } from '../../db/keyset';
import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { badInputOf, decodeCursor, encodeCursor, localIdOf, MAX_PAGE_SIZE, notAnId, type ConnectionResult, type Page, type PageRequest } from '../../graphql/relay';
import type { CoBuildingFilter } from './co-building.inputs';
import { CO_BUILDING_COLUMNS, toCoBuildingRecord, type CoBuildingRecord, type CoBuildingRow } from './co-building.types';

export async function coBuildingsByIds(db: SqlReader, ids: readonly string[]): Promise<CoBuildingRecord[]> {
  const rows = await db.all<CoBuildingRow>(`select ${CO_BUILDING_COLUMNS} from co_building cb where cb.id = any(?::uuid[])`, [ids]);
  return rows.map(toCoBuildingRecord);
}

/** SQL for "the period includes this date" (validTo null = open-ended). */
function inForceOn(date: string): SqlFragment {
  return sql`cb.valid_from <= ${date}::date and (cb.valid_to is null or cb.valid_to >= ${date}::date)`;
}

function localIdOrBadInput(id: string, type: 'Station' | 'Organization', field: string): string {
  const localId = localIdOf(id, type);
  if (!localId) throw notAnId(field, type);
  return localId;
}

function compileCoBuildingFilter(filter: CoBuildingFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter?.stationId) conditions.push(sql`cb.station_id = ${localIdOrBadInput(filter.stationId, 'Station', 'filter.stationId')}::uuid`);
  if (filter?.organizationId) {
    conditions.push(sql`cb.organization_id = ${localIdOrBadInput(filter.organizationId, 'Organization', 'filter.organizationId')}::uuid`);
  }
  if (filter?.role) conditions.push(sql`cb.role = ${filter.role}`);
  if (filter?.activeOn) conditions.push(inForceOn(filter.activeOn));
  if (filter?.regionCode) {
    conditions.push(sql`cb.station_id in (select s.id from station s where s.region_id in
      (select d.id from region d where d.path like (select p.path from region p where p.code = ${filter.regionCode.trim()}) || '%'))`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** Co-buildings, newest first (by first day in force, then id), keyset-paged. */
export function listCoBuildings(db: SqlReader, filter: CoBuildingFilter | undefined, request: PageRequest): Promise<Page<CoBuildingRecord>> {
  return fetchKeysetPage<CoBuildingRow, CoBuildingRecord>(
    db,
    {
      columns: CO_BUILDING_COLUMNS,
      from: 'co_building cb',
      where: compileCoBuildingFilter(filter),
      sort: { expression: rawSql('cb.valid_from'), type: 'date' },
      id: { expression: 'cb.id', type: 'uuid' },
      descending: true,
      idOf: (row) => row.id,
    },
    request,
    toCoBuildingRecord,
  );
}

/** Arguments of station.coBuildings; `today` is part of the key so "active" means the same for the whole batch. */
export interface StationCoBuildingsParams {
  activeOnly: boolean;
  today: string;
}

/** The co-buildings of many stations in one query, by role then start date. */
export async function coBuildingsOfStations(db: SqlReader, stationIds: string[], params: StationCoBuildingsParams): Promise<CoBuildingRecord[]> {
  const active = params.activeOnly ? sql` and ${inForceOn(params.today)}` : rawSql('');
  const query = sql`select ${rawSql(CO_BUILDING_COLUMNS)} from co_building cb
    where cb.station_id = any(${stationIds}::uuid[])${active}
    order by cb.station_id, cb.role, cb.valid_from, cb.id`;
  return (await db.all<CoBuildingRow>(query.text, query.bindings)).map(toCoBuildingRecord);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Arguments of organization.coBuildings: a forward page (first, after) in the order of listCoBuildings. */
export interface OrganizationCoBuildingsParams {
  first: number;
  /** Decoded `after` cursor: [validFrom, id]. */
  after: [string, string] | null;
}

/** Decodes organization.coBuildings' arguments; malformed ones are BAD_USER_INPUT errors. */
export function organizationCoBuildingsParams(first: number, after: string | undefined | null): OrganizationCoBuildingsParams {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInputOf('PAGE_SIZE_RANGE', { name: 'first', max: MAX_PAGE_SIZE, value: first }, 'first');
  if (after == null) return { first, after: null };
  const [validFrom, id] = decodeCursor(after, 2);
  if (typeof validFrom !== 'string' || !isDateText(validFrom) || typeof id !== 'string' || !UUID.test(id)) {
    throw badInputOf('CURSOR_INVALID', {}, 'after');
  }
  return { first, after: [validFrom, id] };
}

/** One page of co-buildings for each of many organizations: a single windowed query (first + 1 rows each, to know whether more follow). */
export async function coBuildingPagesOfOrganizations(db: SqlReader, organizationIds: string[], params: OrganizationCoBuildingsParams): Promise<(CoBuildingRecord & { rank: number })[]> {
  const after = params.after ? sql` and (cb.valid_from, cb.id) < (${params.after[0]}::date, ${params.after[1]}::uuid)` : rawSql('');
  const query = sql`select * from (
      select ${rawSql(CO_BUILDING_COLUMNS)},
        row_number() over (partition by cb.organization_id order by cb.valid_from desc, cb.id desc) as rank
      from co_building cb where cb.organization_id = any(${organizationIds}::uuid[])${after}
    ) ranked where ranked.rank <= ${params.first + 1} order by ranked.organization_id, ranked.rank`;
  const rows = await db.all<CoBuildingRow & { rank: string | number }>(query.text, query.bindings);
  return rows.map((row) => ({ ...toCoBuildingRecord(row), rank: Number(row.rank) }));
}

/** How many co-buildings each organization has, in one grouped count. */
export async function coBuildingCountsOfOrganizations(db: SqlReader, organizationIds: string[]): Promise<{ parentId: string; count: number }[]> {
  return db.all<{ parentId: string; count: number }>(
    `select cb.organization_id as "parentId", count(*)::int as count from co_building cb where cb.organization_id = any(?::uuid[]) group by 1`,
    [organizationIds],
  );
}

/** Turns one organization's rows of the windowed query into a connection. */
export function toCoBuildingConnection(rows: CoBuildingRecord[], params: OrganizationCoBuildingsParams, count: () => Promise<number>): ConnectionResult<CoBuildingRecord> {
  const nodes = rows.slice(0, params.first);
  const cursors = nodes.map((node) => encodeCursor([node.validFrom, node.dbId]));
  return {
    edges: nodes.map((node, index) => ({ cursor: cursors[index], node })),
    nodes,
    pageInfo: {
      hasNextPage: rows.length > params.first,
      hasPreviousPage: params.after !== null,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
    totalCount: count,
  };
}
