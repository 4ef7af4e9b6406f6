import { fetchKeysetPage } from '../../db/keyset';
import { joinSql, rawSql, sql, type SqlFragment, type SqlReader } from '../../db/sql';
import { badInput, decodeCursor, encodeCursor, type Page, type PageRequest } from '../../graphql/relay';
import { CHANGE_COLUMNS, FEED_EXCLUDED_TYPES, localRecordId, toChangeRecord, type AuditEventFilter, type ChangeRecord, type ChangeRow } from './audit.types';

function compileAuditFilter(filter: AuditEventFilter | undefined): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter?.recordType?.length) conditions.push(sql`e.record_type = any(${filter.recordType}::text[])`);
  if (filter?.recordId) conditions.push(sql`e.record_id = ${localRecordId(filter.recordId).localId}`);
  if (filter?.operation?.length) conditions.push(sql`e.operation = any(${filter.operation}::text[])`);
  if (filter?.actorId) conditions.push(sql`e.actor_id = ${filter.actorId}`);
  if (filter?.mutation) conditions.push(sql`e.mutation = ${filter.mutation}`);
  if (filter?.from) conditions.push(sql`e.occurred_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter?.to) conditions.push(sql`e.occurred_at < ${filter.to.toISOString()}::timestamptz`);
  return conditions.length ? joinSql(conditions, ' and ') : rawSql('true');
}

/** The audit trail, newest first, keyset-paged on the sequence number. */
export function listAuditEvents(db: SqlReader, filter: AuditEventFilter | undefined, request: PageRequest): Promise<Page<ChangeRecord>> {
  return fetchKeysetPage<ChangeRow, ChangeRecord>(
    db,
    {
      columns: CHANGE_COLUMNS,
      from: 'change_event e',
      where: compileAuditFilter(filter),
      sort: { expression: rawSql('e.seq'), type: 'bigint' },
      id: { expression: 'e.seq', type: 'bigint' },
      descending: true,
      idOf: (row) => row.seq,
    },
    request,
    toChangeRecord,
  );
}

export const FEED_PAGE_MAX = 500;

export interface FeedPage {
  changes: (ChangeRecord & { cursor: string })[];
  endCursor: string | null;
  hasMore: boolean;
}

/**
 * The change feed after a cursor: only changes of transactions older than the oldest transaction
 * still running (pg_snapshot_xmin), in (transaction id, sequence) order. A transaction that has not
 * committed yet always has a transaction id at or above that horizon, so whatever it writes sorts
 * after every change already handed out: no poller can skip it.
 */
export async function readChanges(db: SqlReader, after: string | null | undefined, types: readonly string[] | undefined, first: number): Promise<FeedPage> {
  if (!(first >= 1 && first <= FEED_PAGE_MAX)) throw badInput(`\`first\` must be between 1 and ${FEED_PAGE_MAX}`, 'first');
  const conditions: SqlFragment[] = [
    rawSql('e.tx < pg_snapshot_xmin(pg_current_snapshot())'),
    sql`e.record_type <> all(${[...FEED_EXCLUDED_TYPES]}::text[])`,
  ];
  if (after) {
    const [tx, seq] = decodeCursor(after, 2);
    if (typeof tx !== 'string' || typeof seq !== 'string' || !/^\d{1,20}$/.test(tx) || !/^\d{1,18}$/.test(seq)) {
      throw badInput('Invalid cursor: pass a cursor returned by changes', 'after');
    }
    conditions.push(sql`(e.tx, e.seq) > (${tx}::xid8, ${seq}::bigint)`);
  }
  if (types?.length) conditions.push(sql`e.record_type = any(${[...types]}::text[])`);
  const query = sql`select ${rawSql(CHANGE_COLUMNS)} from change_event e where ${joinSql(conditions, ' and ')} order by e.tx, e.seq limit ${first + 1}`;
  const rows = await db.all<ChangeRow>(query.text, query.bindings);
  const page = rows.slice(0, first).map((row) => ({ ...toChangeRecord(row), cursor: encodeCursor([row.tx, row.seq]) }));
  return { changes: page, endCursor: page.length ? page[page.length - 1].cursor : (after ?? null), hasMore: rows.length > first };
}
