import { insertBatches, type SeedDb } from './seed-db';
import type { SeedRegion, SeedSequence, SeedStation } from '../xiangyang.data';

/**
 * Writing the registry part of a seeded city (regions, stations, code counters). Shared by the
 * Xiangyang and Yanping steps, which differ in what they build, not in how the rows are written.
 */

/** Region levels in insertion order: a parent is always written before its children. */
const REGION_LEVEL_ORDER = ['PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY'] as const;

/** Inserts level by level and collects the serial ids, which children need as parent_id. */
export async function insertRegions(db: SeedDb, regions: readonly SeedRegion[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const level of REGION_LEVEL_ORDER) {
    const rows = regions
      .filter((region) => region.level === level)
      .map((region) => [region.code, region.name, region.level, region.parentCode === null ? null : idOf(ids, region.parentCode), region.path, region.depth]);
    const returned = await insertBatches(db, 'region', ['code', 'name', 'level', 'parent_id', 'path', 'depth'], rows, 'id, code');
    for (const row of returned) {
      const { id, code } = row as { id: number | string; code: string };
      ids.set(code, Number(id));
    }
  }
  if (ids.size !== regions.length) throw new Error(`Inserted ${ids.size} of ${regions.length} regions`);
  return ids;
}

export async function insertStations(db: SeedDb, stations: readonly SeedStation[], regionIds: Map<string, number>): Promise<void> {
  const rows = stations.map((station) => [
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
    ['id', 'code', 'name', 'tier', 'kind', 'status', 'region_id', 'circle_id', 'address', 'lat', 'lng', 'plan_year', 'opened_on', 'version', 'created_at', 'updated_at'],
    rows,
  );
}

/** The code counters continue from the seeded stations, so the next issued code does not clash. */
export async function insertSequences(db: SeedDb, sequences: readonly SeedSequence[], regionIds: Map<string, number>): Promise<void> {
  const rows = sequences.map((sequence) => [idOf(regionIds, sequence.regionCode), sequence.lastValue]);
  await insertBatches(db, 'region_code_sequence', ['region_id', 'last_value'], rows);
}

export function idOf(ids: Map<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`Region ${code} has not been inserted`);
  return id;
}
