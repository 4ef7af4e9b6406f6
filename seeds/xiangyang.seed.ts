import { buildXiangyangDataset, type SeedRegion, type XiangyangDataset } from './xiangyang.data';

/**
 * Writes the Xiangyang demo dataset (see xiangyang.data.ts) with plain SQL.
 *
 * The caller runs it inside one transaction. Multi-row INSERTs keep the statement count around
 * twenty: embedded PGlite has a single connection and a noticeable cost per statement, so row-by-row
 * inserts would turn a second into minutes.
 */

/**
 * A positional-parameter executor with knex-style `?` placeholders, e.g. MikroORM's
 * `em.execute(sql, params)`; returns the result rows. The SQL written here contains no other `?`.
 */
export interface SeedDb {
  execute(sql: string, params?: unknown[]): Promise<unknown[]>;
}

export interface SeedResult {
  applied: boolean;
  regions: number;
  circles: number;
  stations: number;
}

/** The seed_run marker; once present the seed is never applied again. */
export const XIANGYANG_SEED_NAME = 'xiangyang-demo';

/** Rows per INSERT: 500 × 16 station columns stays far below PostgreSQL's 65,535 parameters. */
const BATCH_ROWS = 500;

/** Region levels in insertion order: a parent is always written before its children. */
const REGION_LEVEL_ORDER = ['PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY'] as const;

export async function seedDemo(db: SeedDb): Promise<SeedResult> {
  // Claim the marker first rather than checking then inserting it last: a second, concurrent seeding
  // transaction blocks on the primary key here and, once the first commits, finds it taken.
  const claimed = await db.execute(
    'insert into seed_run (name) values (?) on conflict (name) do nothing returning name',
    [XIANGYANG_SEED_NAME],
  );
  if (claimed.length === 0) return { applied: false, regions: 0, circles: 0, stations: 0 };

  const dataset = buildXiangyangDataset();
  const regionIds = await insertRegions(db, dataset.regions);
  await insertCircles(db, dataset, regionIds);
  await insertStations(db, dataset, regionIds);
  await insertSequences(db, dataset, regionIds);
  return {
    applied: true,
    regions: dataset.regions.length,
    circles: dataset.circles.length,
    stations: dataset.stations.length,
  };
}

/** Inserts level by level and collects the serial ids, which children need as parent_id. */
async function insertRegions(db: SeedDb, regions: SeedRegion[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const level of REGION_LEVEL_ORDER) {
    const rows = regions
      .filter((region) => region.level === level)
      .map((region) => [
        region.code,
        region.name,
        region.level,
        region.parentCode === null ? null : idOf(ids, region.parentCode),
        region.path,
        region.depth,
      ]);
    const returned = await insertBatches(db, 'region', ['code', 'name', 'level', 'parent_id', 'path', 'depth'], rows, 'id, code');
    for (const row of returned) {
      const { id, code } = row as { id: number | string; code: string };
      ids.set(code, Number(id));
    }
  }
  if (ids.size !== regions.length) throw new Error(`Inserted ${ids.size} of ${regions.length} regions`);
  return ids;
}

async function insertCircles(db: SeedDb, dataset: XiangyangDataset, regionIds: Map<string, number>): Promise<void> {
  const rows = dataset.circles.map((circle) => [
    circle.id,
    circle.code,
    circle.name,
    idOf(regionIds, circle.districtCode),
    circle.centerLat,
    circle.centerLng,
    circle.radiusMetres,
    circle.createdAt,
    circle.updatedAt,
  ]);
  await insertBatches(
    db,
    'service_circle',
    ['id', 'code', 'name', 'district_id', 'center_lat', 'center_lng', 'radius_metres', 'created_at', 'updated_at'],
    rows,
  );
}

async function insertStations(db: SeedDb, dataset: XiangyangDataset, regionIds: Map<string, number>): Promise<void> {
  const rows = dataset.stations.map((station) => [
    station.id,
    station.code,
    station.name,
    station.tier,
    station.kind,
    station.status,
    idOf(regionIds, station.regionCode),
    station.circleId,
    station.address,
    station.lat,
    station.lng,
    station.planYear,
    station.openedOn,
    station.version,
    station.createdAt,
    station.updatedAt,
  ]);
  await insertBatches(
    db,
    'station',
    [
      'id',
      'code',
      'name',
      'tier',
      'kind',
      'status',
      'region_id',
      'circle_id',
      'address',
      'lat',
      'lng',
      'plan_year',
      'opened_on',
      'version',
      'created_at',
      'updated_at',
    ],
    rows,
  );
}

/** The code counters continue from the seeded stations, so the next issued code does not clash. */
async function insertSequences(db: SeedDb, dataset: XiangyangDataset, regionIds: Map<string, number>): Promise<void> {
  const rows = dataset.sequences.map((sequence) => [idOf(regionIds, sequence.regionCode), sequence.lastValue]);
  await insertBatches(db, 'region_code_sequence', ['region_id', 'last_value'], rows);
}

/**
 * `insert into <table> (<columns>) values (?, …), (?, …) [returning …]` in batches of BATCH_ROWS.
 * Table and column names are constants of this file, never input. PostgreSQL coerces the untyped
 * parameters of an INSERT … VALUES list to the target columns' types, so no casts are needed.
 */
async function insertBatches(
  db: SeedDb,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returning?: string,
): Promise<unknown[]> {
  const returned: unknown[] = [];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const sql =
      `insert into ${table} (${columns.join(', ')}) values ${batch.map(() => tuple).join(', ')}` +
      (returning ? ` returning ${returning}` : '');
    const result = await db.execute(sql, batch.flat());
    if (returning) returned.push(...result);
  }
  return returned;
}

function idOf(ids: Map<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`Region ${code} has not been inserted`);
  return id;
}
