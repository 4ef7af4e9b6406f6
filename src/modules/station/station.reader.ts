import { escapeLike, joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { pathInRegionSubtree } from '../region/region-subtree';
import { badInputOf, localIdOf, notAnId, toPage, type Page, type PageRequest } from '../../graphql/relay';
import { openAtCondition } from '../opening-hours/opening-hours';
import { BASE_ZONE, FIVE_INTO_FACILITIES, STANDARD_ZONES } from './station-profile';
import type { PlannedList, SortKey } from '../../graphql/plan/planner';
import { DISTANCE_EXTRA } from './station.read-model';
import { isInsideChina, toWgs84 } from '../../geo/coordinates';
import { SortDirection, StationSortField, type NearInput, type StationFilter, type StationOrder } from './station.inputs';
import { STATION_COLUMNS, toStationRecord, type StationRecord, type StationRow } from './station.types';

export const MAX_NEAR_RADIUS_METRES = 50_000;

/**
 * "Within radiusMetres of a point" for a list whose rows carry WGS-84 `lat`/`lng` (alias `t`),
 * and the distance to each row (for the edge and the DISTANCE order). The point may come in any
 * coordinate system; the radius is 1 m–50 km, the point inside China. The box test uses the
 * table's GiST index on ll_to_earth(lat, lng); the exact distance test trims its corners. With
 * `nullableLocation`, rows without a location are left out first (the index is partial on them).
 */
export function nearFilter(t: string, near: NearInput, nullableLocation = false): { conditions: SqlFragment[]; distance: SqlFragment } {
  const { radiusMetres } = near;
  if (!(radiusMetres >= 1 && radiusMetres <= MAX_NEAR_RADIUS_METRES)) {
    throw badInputOf('NEAR_RADIUS_RANGE', { max: MAX_NEAR_RADIUS_METRES }, 'filter.near.radiusMetres');
  }
  const input = { lat: near.latitude, lng: near.longitude };
  if (!isInsideChina(input)) throw badInputOf('NEAR_OUTSIDE_CHINA', {}, 'filter.near');
  const point = toWgs84(input, near.coordinateSystem);
  const centre = sql`ll_to_earth(${point.lat}::float8, ${point.lng}::float8)`;
  const distance = sql`earth_distance(${centre}, ll_to_earth(${rawSql(`${t}.lat`)}, ${rawSql(`${t}.lng`)}))`;
  const conditions = nullableLocation ? [rawSql(`${t}.lat is not null`)] : [];
  conditions.push(sql`earth_box(${centre}, ${radiusMetres}::float8) @> ll_to_earth(${rawSql(`${t}.lat`)}, ${rawSql(`${t}.lng`)})`);
  conditions.push(sql`${distance} <= ${radiusMetres}::float8`);
  return { conditions, distance };
}

export async function stationsByIds(db: SqlReader, ids: readonly string[]): Promise<StationRecord[]> {
  const rows = await db.all<StationRow>(`select ${STATION_COLUMNS} from station s where s.id = any(?::uuid[])`, [ids]);
  return rows.map(toStationRecord);
}

/** How each sort field orders rows: a non-null SQL expression and the type its cursor value is cast back to. */
const SORT_KEYS: Record<Exclude<StationSortField, StationSortField.DISTANCE>, SortKey> = {
  [StationSortField.CODE]: { expression: 's.code', type: 'text', unique: true },
  [StationSortField.NAME]: { expression: 's.name', type: 'text' },
  [StationSortField.CREATED_AT]: { expression: 's.created_at', type: 'timestamptz' },
  [StationSortField.UPDATED_AT]: { expression: 's.updated_at', type: 'timestamptz' },
  [StationSortField.PLAN_YEAR]: { expression: 'coalesce(s.plan_year, 0)', type: 'int' },
  [StationSortField.OPENED_ON]: { expression: `coalesce(s.opened_on, date '0001-01-01')`, type: 'date' },
};

interface CompiledFilter {
  /** The region looked up for a region filter, joined to `station s` (see PlannedList.lookups). */
  lookups?: SqlFragment;
  where: SqlFragment;
  /** Distance from the near point, when there is one. */
  distance: SqlFragment | null;
}

/** Turns the GraphQL filter into SQL; malformed arguments are BAD_USER_INPUT errors. */
export function compileStationFilter(filter: StationFilter | undefined): CompiledFilter {
  const conditions: SqlFragment[] = [];
  let distance: SqlFragment | null = null;
  let lookups: SqlFragment | undefined;
  if (!filter?.includeArchived) conditions.push(rawSql('s.archived_at is null'));
  if (filter?.regionCode) {
    const region = pathInRegionSubtree('s.region_path', filter.regionCode, 's_region');
    lookups = region.lookup;
    conditions.push(region.condition);
  }
  if (filter?.tier?.length) conditions.push(sql`s.tier = any(${filter.tier}::text[])`);
  if (filter?.kind?.length) conditions.push(sql`s.kind = any(${filter.kind}::text[])`);
  if (filter?.status?.length) conditions.push(sql`s.status = any(${filter.status}::text[])`);
  if (filter?.serviceCircleId) {
    const circleId = localIdOf(filter.serviceCircleId, 'ServiceCircle');
    if (!circleId) throw notAnId('filter.serviceCircleId', 'ServiceCircle');
    conditions.push(sql`s.circle_id = ${circleId}::uuid`);
  }
  if (filter?.planYear != null) conditions.push(sql`s.plan_year = ${filter.planYear}`);
  if (filter?.openedFrom) conditions.push(sql`s.opened_on >= ${filter.openedFrom}::date`);
  if (filter?.openedTo) conditions.push(sql`s.opened_on <= ${filter.openedTo}::date`);
  const search = filter?.search?.trim();
  if (search) {
    // Same expression as the trigram index station_search_trgm_idx, so the index serves it.
    conditions.push(sql`(s.name || ' ' || s.address || ' ' || s.code) ilike ${`%${escapeLike(search)}%`} escape '\\'`);
  }
  if (filter?.openAt) conditions.push(openAtCondition('s.opening_hours', filter.openAt));
  if (filter?.hasFunctionZones?.length) {
    conditions.push(sql`s.function_zones @> ${zoneKindsJson(filter.hasFunctionZones)}::jsonb`);
  }
  if (filter?.meetsOnePlusFour != null) {
    const onePlusFour = sql`s.function_zones @> ${zoneKindsJson([BASE_ZONE, ...STANDARD_ZONES])}::jsonb`;
    conditions.push(filter.meetsOnePlusFour ? onePlusFour : sql`not ${onePlusFour}`);
  }
  if (filter?.hasFacilities?.length) conditions.push(sql`s.five_into_facilities @> ${filter.hasFacilities}::text[]`);
  if (filter?.fiveIntoComplete != null) {
    const complete = sql`s.five_into_facilities @> ${FIVE_INTO_FACILITIES}::text[]`;
    conditions.push(filter.fiveIntoComplete ? complete : sql`not ${complete}`);
  }
  if (filter?.servesGroups?.length) conditions.push(sql`s.groups_served && ${filter.servesGroups}::text[]`);
  if (filter?.hostsMobilePartyMemberServicePoint != null) {
    conditions.push(sql`s.hosts_mobile_party_member_service_point = ${filter.hostsMobilePartyMemberServicePoint}`);
  }
  if (filter?.isHub != null) conditions.push(sql`s.is_hub = ${filter.isHub}`);
  if (filter?.hubId) {
    const hubId = localIdOf(filter.hubId, 'Station');
    if (!hubId) throw notAnId('filter.hubId', 'Station');
    conditions.push(sql`s.hub_id = ${hubId}::uuid`);
  }
  if (filter?.near) {
    const near = nearFilter('s', filter.near);
    conditions.push(...near.conditions);
    distance = near.distance;
  }
  return { lookups, where: conditions.length ? joinSql(conditions, ' and ') : rawSql('true'), distance };
}

/** The stations a list asks for, in its order, as the planner reads them (alias `s`). */
export function stationList(filter: StationFilter | undefined, order: StationOrder | undefined, request: PageRequest): PlannedList {
  const compiled = compileStationFilter(filter);
  const field = order?.field ?? (compiled.distance ? StationSortField.DISTANCE : StationSortField.CODE);
  const descending = (order?.direction ?? SortDirection.ASC) === SortDirection.DESC;

  let sort: PlannedList['sort'];
  if (field === StationSortField.DISTANCE) {
    if (!compiled.distance) throw badInputOf('DISTANCE_SORT_NEEDS_NEAR', {}, 'orderBy.field');
    sort = { expression: compiled.distance, type: 'float8' };
  } else {
    sort = { expression: rawSql(SORT_KEYS[field].expression), type: SORT_KEYS[field].type, unique: SORT_KEYS[field].unique };
  }
  return {
    nodeType: 'Station',
    from: 'station s',
    alias: 's',
    lookups: compiled.lookups,
    where: compiled.where,
    sort,
    id: { expression: 's.id', type: 'uuid' },
    descending,
    request,
    extras: compiled.distance ? { [DISTANCE_EXTRA]: compiled.distance } : undefined,
    // Distance depends on the query, not the station: it is the edge's (null without `near`).
    edgeValues: compiled.distance ? { distanceMetres: (r) => `round((${r}."${DISTANCE_EXTRA}")::numeric, 1)::float8` } : undefined,
  };
}

/** `[{"kind": …}, …]`: jsonb containment of it means "has all these zones" (served by the GIN index). */
function zoneKindsJson(kinds: readonly string[]): string {
  return JSON.stringify(kinds.map((kind) => ({ kind })));
}

/**
 * One page of members for each of several hubs, in code order, in ONE windowed query: the
 * rows after (or before) the cursor are numbered per hub and each hub keeps `size + 1` of them.
 * The cursor is a position (code, id) in that order, so it applies to every hub of the batch.
 */
export async function hubMemberPages(
  db: SqlReader,
  hubIds: readonly string[],
  request: PageRequest,
  countOf: (hubId: string) => Promise<number>,
): Promise<Map<string, Page<StationRecord>>> {
  const ascending = !request.backward;
  const direction = rawSql(ascending ? 'asc' : 'desc');
  const conditions: SqlFragment[] = [sql`s.hub_id = any(${hubIds}::uuid[])`, rawSql('s.archived_at is null')];
  if (request.cursor) {
    const [code, id] = request.cursor;
    if (typeof code !== 'string' || typeof id !== 'string' || !UUID.test(id)) {
      throw badInputOf('CURSOR_INVALID', {}, request.backward ? 'before' : 'after');
    }
    conditions.push(sql`(s.code, s.id) ${rawSql(ascending ? '>' : '<')} (${code}, ${id}::uuid)`);
  }
  const statement = sql`select * from (
      select ${rawSql(STATION_COLUMNS)}, row_number() over (partition by s.hub_id order by s.code ${direction}, s.id ${direction}) as member_rank
      from station s where ${joinSql(conditions, ' and ')}) ranked
    where member_rank <= ${request.size + 1} order by hub_id, member_rank`;
  const rows = await db.all<StationRow>(statement.text, statement.bindings);
  const byHub = new Map<string, StationRecord[]>(hubIds.map((id) => [id, []]));
  for (const row of rows) byHub.get(row.hub_id!)?.push(toStationRecord(row));
  const pages = new Map<string, Page<StationRecord>>();
  for (const [hubId, records] of byHub) {
    pages.set(
      hubId,
      toPage(
        records,
        request,
        (record) => [record.code, record.dbId],
        () => countOf(hubId),
      ),
    );
  }
  return pages;
}

/** Members (not archived) per hub, in one grouped count. */
export async function hubMemberCounts(db: SqlReader, hubIds: readonly string[]): Promise<{ key: string; count: number }[]> {
  return db.all<{ key: string; count: number }>(
    `select s.hub_id::text as key, count(*)::int as count from station s
     where s.hub_id = any(?::uuid[]) and s.archived_at is null group by s.hub_id`,
    [hubIds],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
