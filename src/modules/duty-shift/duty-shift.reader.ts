import { fetchKeysetPage, isTimestamptzText } from '../../db/keyset';
import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { badInputOf, decodeCursor, encodeCursor, localIdOf, notAnId, type Page, type PageRequest } from '../../graphql/relay';
import type { DutyShiftKind } from './duty-shift.enums';
import type { DutyShiftFilter } from './duty-shift.inputs';
import { DUTY_SHIFT_COLUMNS, toDutyShiftRecord, type DutyShiftRecord, type DutyShiftRow } from './duty-shift.types';

export async function dutyShiftsByIds(db: SqlReader, ids: readonly string[]): Promise<DutyShiftRecord[]> {
  const rows = await db.all<DutyShiftRow>(`select ${DUTY_SHIFT_COLUMNS} from duty_shift d where d.id = any(?::uuid[])`, [ids]);
  return rows.map(toDutyShiftRecord);
}

/** Which shifts a list shows: those overlapping [from, to), of the given kinds. */
export interface ShiftWindow {
  /** ISO instants, so that the window can be part of a DataLoader cache key. */
  from: string | null;
  to: string | null;
  kinds: DutyShiftKind[] | null;
}

/** Checks from/to and turns them into a window; `to` must be after `from`. */
export function toShiftWindow(from: Date | undefined, to: Date | undefined, kinds: DutyShiftKind[] | undefined, field = ''): ShiftWindow {
  if (from && to && !(to > from)) throw badInputOf('TIME_WINDOW_INVALID', { from: `${field}from`, to: `${field}to` }, `${field}to`);
  return { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null, kinds: kinds?.length ? [...kinds].sort() : null };
}

function windowConditions(window: ShiftWindow): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (window.from) conditions.push(sql`d.ends_at > ${window.from}::timestamptz`);
  if (window.to) conditions.push(sql`d.starts_at < ${window.to}::timestamptz`);
  if (window.kinds) conditions.push(sql`d.kind = any(${window.kinds}::text[])`);
  return conditions;
}

function compileDutyShiftFilter(filter: DutyShiftFilter | undefined): SqlFragment {
  const conditions = windowConditions(toShiftWindow(filter?.from, filter?.to, filter?.kind, 'filter.'));
  const idFilters = [
    ['stationId', 'Station', 'd.station_id'],
    ['personId', 'Person', 'd.person_id'],
    ['organizationId', 'Organization', 'd.organization_id'],
  ] as const;
  for (const [field, type, column] of idFilters) {
    const globalId = filter?.[field];
    if (!globalId) continue;
    const localId = localIdOf(globalId, type);
    if (!localId) throw notAnId(`filter.${field}`, type);
    conditions.push(sql`${rawSql(column)} = ${localId}::uuid`);
  }
  if (filter?.regionCode) {
    conditions.push(sql`d.station_id in (select s.id from station s where s.region_id in
      (select x.id from region x where x.path like (select r.path from region r where r.code = ${filter.regionCode}) || '%'))`);
  }
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** Shifts ordered by start time (then id), keyset-paged. */
export function listDutyShifts(db: SqlReader, filter: DutyShiftFilter | undefined, request: PageRequest): Promise<Page<DutyShiftRecord>> {
  return fetchKeysetPage<DutyShiftRow, DutyShiftRecord>(
    db,
    {
      columns: DUTY_SHIFT_COLUMNS,
      from: 'duty_shift d',
      where: compileDutyShiftFilter(filter),
      sort: { expression: rawSql('d.starts_at'), type: 'timestamptz' },
      id: { expression: 'd.id', type: 'uuid' },
      descending: false,
      idOf: (row) => row.id,
    },
    request,
    toDutyShiftRecord,
  );
}

// ---------------------------------------------------------------------------------------------
// A station's shifts, for a whole page of stations at once

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One station's page request; stations of one parent page share everything but the station id. */
export interface StationShiftsKey {
  stationId: string;
  window: ShiftWindow;
  first: number;
  /** Decoded `after` cursor: the start time (as PostgreSQL prints it) and id of the last shift seen. */
  after: [string, string] | null;
}

export function decodeShiftCursor(cursor: string): [string, string] {
  const [startsAt, id] = decodeCursor(cursor, 2);
  if (typeof startsAt !== 'string' || !isTimestamptzText(startsAt) || typeof id !== 'string' || !UUID.test(id)) {
    throw badInputOf('CURSOR_INVALID', {}, 'after');
  }
  return [startsAt, id];
}

export interface StationShiftsPage {
  edges: { cursor: string; node: DutyShiftRecord }[];
  hasNextPage: boolean;
}

/** Keys that differ only in their station, grouped, so each group is one windowed query. */
function groupByRequest<K extends { stationId: string }>(keys: readonly K[]): Map<string, { sample: K; stationIds: string[] }> {
  const groups = new Map<string, { sample: K; stationIds: string[] }>();
  for (const key of keys) {
    const { stationId, ...rest } = key;
    const signature = JSON.stringify(rest);
    const group = groups.get(signature) ?? { sample: key, stationIds: [] };
    group.stationIds.push(stationId);
    groups.set(signature, group);
  }
  return groups;
}

/**
 * The first `first + 1` shifts after the cursor of every station in the batch, by start time:
 * one query per distinct request (normally one per batch), ranked per station with row_number().
 */
export async function stationShiftPages(db: SqlReader, keys: readonly StationShiftsKey[]): Promise<StationShiftsPage[]> {
  const found = new Map<string, StationShiftsPage>();
  for (const [signature, { sample, stationIds }] of groupByRequest(keys)) {
    const conditions = [sql`d.station_id = any(${stationIds}::uuid[])`, ...windowConditions(sample.window)];
    if (sample.after) conditions.push(sql`(d.starts_at, d.id) > (${sample.after[0]}::timestamptz, ${sample.after[1]}::uuid)`);
    const statement = sql`select * from (
        select ${rawSql(DUTY_SHIFT_COLUMNS)}, d.starts_at::text as keyset_sort_value,
          row_number() over (partition by d.station_id order by d.starts_at, d.id) as keyset_rank
        from duty_shift d where ${joinSql(conditions, ' and ')}
      ) ranked where ranked.keyset_rank <= ${sample.first + 1} order by ranked.station_id, ranked.keyset_rank`;
    const rows = await db.all<DutyShiftRow & { keyset_sort_value: string }>(statement.text, statement.bindings);
    const byStation = new Map<string, StationShiftsPage>();
    for (const row of rows) {
      const page = byStation.get(row.station_id) ?? { edges: [], hasNextPage: false };
      if (page.edges.length < sample.first) page.edges.push({ cursor: encodeCursor([row.keyset_sort_value, row.id]), node: toDutyShiftRecord(row) });
      else page.hasNextPage = true;
      byStation.set(row.station_id, page);
    }
    for (const stationId of stationIds) found.set(`${signature}|${stationId}`, byStation.get(stationId) ?? { edges: [], hasNextPage: false });
  }
  return keys.map((key) => {
    const { stationId, ...rest } = key;
    return found.get(`${JSON.stringify(rest)}|${stationId}`)!;
  });
}

/** Shifts per station within a window (the totalCount of station.dutyShifts): one grouped count per window. */
export async function stationShiftCounts(db: SqlReader, keys: readonly { stationId: string; window: ShiftWindow }[]): Promise<number[]> {
  const found = new Map<string, number>();
  for (const [signature, { sample, stationIds }] of groupByRequest(keys)) {
    const conditions = [sql`d.station_id = any(${stationIds}::uuid[])`, ...windowConditions(sample.window)];
    const statement = sql`select d.station_id, count(*)::int as count from duty_shift d where ${joinSql(conditions, ' and ')} group by d.station_id`;
    const rows = await db.all<{ station_id: string; count: number }>(statement.text, statement.bindings);
    for (const row of rows) found.set(`${signature}|${row.station_id}`, row.count);
  }
  return keys.map((key) => {
    const { stationId, ...rest } = key;
    return found.get(`${JSON.stringify(rest)}|${stationId}`) ?? 0;
  });
}

/** Who is on duty at each (station, instant): one query for any number of pairs. */
export async function shiftsOnDuty(db: SqlReader, keys: readonly { stationId: string; at: Date }[]): Promise<DutyShiftRecord[][]> {
  const rows = await db.all<DutyShiftRow & { key_index: number }>(
    `select k.key_index, ${DUTY_SHIFT_COLUMNS}
     from unnest(?::uuid[], ?::timestamptz[]) with ordinality as k(station_id, at, key_index)
     join duty_shift d on d.station_id = k.station_id and d.starts_at <= k.at and d.ends_at > k.at
     order by k.key_index, d.starts_at, d.id`,
    [keys.map((key) => key.stationId), keys.map((key) => key.at.toISOString())],
  );
  const result = keys.map((): DutyShiftRecord[] => []);
  for (const row of rows) result[Number(row.key_index) - 1].push(toDutyShiftRecord(row));
  return result;
}
