/**
 * A positional-parameter executor with knex-style `?` placeholders, e.g. MikroORM's
 * `em.execute(sql, params)`; returns the result rows. The SQL the seeds write contains no other `?`.
 */
export interface SeedDb {
  execute(sql: string, params?: unknown[]): Promise<unknown[]>;
}

/** Rows per INSERT: 500 rows × up to 100 columns stays below PostgreSQL's 65,535 parameters. */
const BATCH_ROWS = 500;

/**
 * `insert into <table> (<columns>) values (?, …), (?, …) [returning …]` in batches.
 * Table and column names are constants of the seed files, never input. PostgreSQL coerces the
 * untyped parameters of an INSERT … VALUES list to the target columns' types, so no casts are
 * needed (jsonb values are passed as JSON text).
 */
export async function insertBatches(db: SeedDb, table: string, columns: readonly string[], rows: readonly unknown[][], returning?: string): Promise<unknown[]> {
  const returned: unknown[] = [];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const batchRows = Math.max(1, Math.min(BATCH_ROWS, Math.floor(60_000 / columns.length)));
  for (let start = 0; start < rows.length; start += batchRows) {
    const batch = rows.slice(start, start + batchRows);
    const sql = `insert into ${table} (${columns.join(', ')}) values ${batch.map(() => tuple).join(', ')}` + (returning ? ` returning ${returning}` : '');
    const result = await db.execute(sql, batch.flat());
    if (returning) returned.push(...result);
  }
  return returned;
}

/** A seeded station as later seed steps see it (read back from the database). */
export interface SeededStation {
  id: string;
  code: string;
  kind: string;
  status: string;
  tier: string;
  regionId: number;
  /** Code of its community or village. */
  regionCode: string;
  /** Path of its community, e.g. '420000/420600/420606/420606002000/420606002011/'. */
  regionPath: string;
  lat: number;
  lng: number;
}

/**
 * The stations within a region (Xiangyang, 420600, unless told), in code order, with their
 * community; later seed steps spread their records over these. Scoped because the seed holds two
 * places: a Xiangyang step that runs after Yanping's registry must not spread over Yanping's stations.
 */
export async function loadSeededStations(db: SeedDb, withinCode = '420600'): Promise<SeededStation[]> {
  const rows = (await db.execute(
    `select s.id, s.code, s.kind, s.status, s.tier, s.region_id, r.code as region_code, r.path as region_path, s.lat, s.lng
     from station s join region r on r.id = s.region_id
     where s.archived_at is null and ('/' || r.path) like ? order by s.code`,
    [`%/${withinCode}/%`],
  )) as { id: string; code: string; kind: string; status: string; tier: string; region_id: number; region_code: string; region_path: string; lat: number; lng: number }[];
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    kind: row.kind,
    status: row.status,
    tier: row.tier,
    regionId: Number(row.region_id),
    regionCode: row.region_code,
    regionPath: row.region_path,
    lat: Number(row.lat),
    lng: Number(row.lng),
  }));
}

/** Region ids by code. */
export async function loadRegionIds(db: SeedDb): Promise<Map<string, number>> {
  const rows = (await db.execute('select id, code from region')) as { id: number; code: string }[];
  return new Map(rows.map((row) => [row.code, Number(row.id)]));
}
