import { insertBatches, type SeedDb } from './support/seed-db';
import { seedGovPointItems } from './xiangyang.gov-point-items';
import { seedActivities } from './xiangyang.activities';
import { seedDepartments } from './xiangyang.departments';
import { seedPlatforms } from './xiangyang.platforms';
import { seedOrganizations } from './xiangyang.organizations';
import { seedServiceItems } from './xiangyang.service-items';
import { seedStationProfiles, STATION_PROFILE_SEED_NAME } from './xiangyang.station-profile';
import { seedPeople } from './xiangyang.people';
import { seedConstructionPlans } from './xiangyang.construction-plans';
import { buildXiangyangDataset, type XiangyangDataset } from './xiangyang.data';
import { YANPING_SEED_STEPS } from './yanping.seed';
import { idOf, insertRegions, insertSequences, insertStations } from './support/seed-registry';

/**
 * Writes the Xiangyang demo dataset (see xiangyang.data.ts) with plain SQL.
 *
 * The caller runs it inside one transaction. Multi-row INSERTs keep the statement count around
 * twenty: embedded PGlite has a single connection and a noticeable cost per statement, so row-by-row
 * inserts would turn a second into minutes.
 */

/** Rows a step wrote, by kind, for the log line. */
export type SeedCounts = Record<string, number>;

export interface SeedResult {
  /** Whether any step ran now. */
  applied: boolean;
  /** Names of the steps that ran now (the others had run before). */
  steps: string[];
  /** Rows written now, by kind. */
  counts: SeedCounts;
}

/** One seed step; its name is its seed_run marker, so it runs once per database. */
export interface SeedStep {
  name: string;
  run(db: SeedDb): Promise<SeedCounts>;
}

/** The seed_run marker of the registry step (regions, circles, stations). */
export const XIANGYANG_SEED_NAME = 'xiangyang-demo';

/**
 * The steps in order. Later steps read what earlier ones wrote back from the database, so a step
 * added in a later release also runs on a database seeded before it existed.
 */
export const SEED_STEPS: readonly SeedStep[] = [
  { name: XIANGYANG_SEED_NAME, run: seedRegistry },
  { name: 'xiangyang-departments', run: seedDepartments },
  { name: 'xiangyang-platforms', run: seedPlatforms },
  { name: 'xiangyang-organizations', run: seedOrganizations },
  { name: 'xiangyang-activities', run: seedActivities },
  { name: 'xiangyang-service-items', run: seedServiceItems },
  { name: STATION_PROFILE_SEED_NAME, run: seedStationProfiles },
  { name: 'xiangyang-people', run: seedPeople },
  { name: 'xiangyang-gov-point-items', run: seedGovPointItems },
  ...YANPING_SEED_STEPS,
  { name: 'xiangyang-construction-plans', run: seedConstructionPlans },
];

export async function seedDemo(db: SeedDb): Promise<SeedResult> {
  const steps: string[] = [];
  const counts: SeedCounts = {};
  for (const step of SEED_STEPS) {
    // Claim the marker first rather than checking then inserting it last: a second, concurrent seeding
    // transaction blocks on the primary key here and, once the first commits, finds it taken.
    const claimed = await db.execute('insert into seed_run (name) values (?) on conflict (name) do nothing returning name', [step.name]);
    if (claimed.length === 0) continue;
    Object.assign(counts, await step.run(db));
    steps.push(step.name);
  }
  // Statistics for what the seed wrote, as autovacuum would gather some time later: without them,
  // a freshly seeded database planned the public list by region and status as a scan by status with
  // a region lookup per station (12 ms) rather than a walk in code order (0.3 ms; EXPLAIN ANALYZE).
  if (steps.length) await db.execute('analyze', []);
  return { applied: steps.length > 0, steps, counts };
}

async function seedRegistry(db: SeedDb): Promise<SeedCounts> {
  const dataset = buildXiangyangDataset();
  const regionIds = await insertRegions(db, dataset.regions);
  await insertCircles(db, dataset, regionIds);
  await insertStations(db, dataset.stations, regionIds);
  await insertSequences(db, dataset.sequences, regionIds);
  return { regions: dataset.regions.length, circles: dataset.circles.length, stations: dataset.stations.length };
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
  await insertBatches(db, 'service_circle', ['id', 'code', 'name', 'district_id', 'center_lat', 'center_lng', 'radius_metres', 'created_at', 'updated_at'], rows);
}
