import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import type { PlannedList } from '../../graphql/plan/planner';
import { badInputOf, decodeCursor, encodeCursor, fromGlobalId, localIdOf, type PageRequest } from '../../graphql/relay';
import { CHANGE_COLUMNS, FEED_EXCLUDED_TYPES, toChangeRecord, type AuditEventFilter, type ChangeRecord, type ChangeRow } from './audit.types';

function compileAuditFilter(filter: AuditEventFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter?.recordType?.length) conditions.push(sql`e.record_type = any(${filter.recordType}::text[])`);
  if (filter?.recordId) {
    const record = fromGlobalId(filter.recordId);
    if (!record) throw badInputOf('AUDIT_RECORD_ID_INVALID', {}, 'filter.recordId');
    conditions.push(sql`e.record_type = ${record.type} and e.record_id = ${record.localId}`);
  }
  if (filter?.operation?.length) conditions.push(sql`e.operation = any(${filter.operation}::text[])`);
  // An API client by its global ID; anything else is a user's subject.
  if (filter?.actorId) conditions.push(sql`e.actor_id = ${localIdOf(filter.actorId, 'ApiClient') ?? filter.actorId}`);
  if (filter?.mutation) conditions.push(sql`e.mutation = ${filter.mutation}`);
  if (filter?.from) conditions.push(sql`e.occurred_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter?.to) conditions.push(sql`e.occurred_at < ${filter.to.toISOString()}::timestamptz`);
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** The audit trail, newest first, keyset-paged on the sequence number, as the planner reads it (alias `e`). */
export function auditEventList(filter: AuditEventFilter | undefined, newestFirst: boolean, request: PageRequest): PlannedList {
  return {
    nodeType: 'AuditEvent',
    from: 'change_event e',
    alias: 'e',
    where: compileAuditFilter(filter),
    sort: { expression: rawSql('e.seq'), type: 'bigint' },
    id: { expression: 'e.seq', type: 'bigint' },
    descending: newestFirst,
    request,
  };
}

export const FEED_PAGE_MAX = 500;

export interface FeedPage {
  changes: (ChangeRecord & { cursor: string })[];
  endCursor: string | null;
  hasMore: boolean;
}

/** A position in the change feed: the writing transaction's id and the sequence number, both as decimal text. */
export interface FeedPosition {
  tx: string;
  seq: string;
}

/** Only changes of transactions older than the oldest one still running, and never administrative records. */
function committedHorizon(): SqlFragment[] {
  return [rawSql('e.tx < pg_snapshot_xmin(pg_current_snapshot())'), sql`e.record_type <> all(${[...FEED_EXCLUDED_TYPES]}::text[])`];
}

/**
 * The committed changes after `after` (null: from the beginning), optionally only of `types`
 * (record type names as stored), in feed order: `limit` rows of CHANGE_COLUMNS. Only changes of
 * transactions older than the oldest transaction still running (pg_snapshot_xmin) are included;
 * a transaction that has not committed yet always has a transaction id at or above that horizon,
 * so whatever it writes sorts after every change already handed out: no reader can skip it.
 * The change feed query and the webhook dispatcher both read through this one query.
 */
export function committedChangesQuery(after: FeedPosition | null, types: readonly string[] | undefined, limit: number): SqlFragment {
  const conditions = committedHorizon();
  if (after) conditions.push(sql`(e.tx, e.seq) > (${after.tx}::xid8, ${after.seq}::bigint)`);
  if (types?.length) conditions.push(sql`e.record_type = any(${[...types]}::text[])`);
  return sql`select ${rawSql(CHANGE_COLUMNS)} from change_event e where ${joinSql(conditions, ' and ')} order by e.tx, e.seq limit ${limit}`;
}

/** The position of the newest committed change in the feed (null while the feed is empty): where a new reader starts to get only what follows. */
export function feedHeadQuery(): SqlFragment {
  return sql`select e.tx::text as tx, e.seq::text as seq from change_event e where ${joinSql(committedHorizon(), ' and ')} order by e.tx desc, e.seq desc limit 1`;
}

/** The position before every change: what the head is while the feed is empty. */
const FEED_START: FeedPosition = { tx: '0', seq: '0' };

/**
 * The cursor of the feed's head: the newest change any reader can already see (see
 * committedChangesQuery). Passed as `after`, it yields exactly the changes that become visible
 * from now on — those of transactions still running included, as they sort after it.
 */
export async function readFeedHead(db: SqlReader): Promise<string> {
  const query = feedHeadQuery();
  const head = (await db.one<FeedPosition>(query.text, query.bindings)) ?? FEED_START;
  return encodeCursor([head.tx, head.seq]);
}

/** The change feed after a cursor, in commit-safe order (see committedChangesQuery). */
export async function readChanges(db: SqlReader, after: string | null | undefined, types: readonly string[] | undefined, first: number): Promise<FeedPage> {
  if (!(first >= 1 && first <= FEED_PAGE_MAX)) throw badInputOf('PAGE_SIZE_RANGE', { name: 'first', max: FEED_PAGE_MAX, value: first }, 'first');
  let position: FeedPosition | null = null;
  if (after) {
    let values: unknown[];
    try {
      values = decodeCursor(after, 2);
    } catch {
      throw badInputOf('FEED_CURSOR_INVALID', {}, 'after');
    }
    const [tx, seq] = values;
    // tx is an xid8 (unsigned 64-bit), seq a bigint: anything else would fail the cast.
    if (typeof tx !== 'string' || typeof seq !== 'string' || !/^\d{1,20}$/.test(tx) || BigInt(tx) > 0xffffffffffffffffn || !/^\d{1,18}$/.test(seq)) {
      throw badInputOf('FEED_CURSOR_INVALID', {}, 'after');
    }
    position = { tx, seq };
  }
  const query = committedChangesQuery(position, types, first + 1);
  const rows = await db.all<ChangeRow>(query.text, query.bindings);
  const page = rows.slice(0, first).map((row) => ({ ...toChangeRecord(row), cursor: encodeCursor([row.tx, row.seq]) }));
  return { changes: page, endCursor: page.length ? page[page.length - 1].cursor : (after ?? null), hasMore: rows.length > first };
}
