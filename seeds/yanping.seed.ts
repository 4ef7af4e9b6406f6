import type { SeedDb } from './support/seed-db';
import { insertRegions, insertSequences, insertStations } from './support/seed-registry';
import { buildYanpingDataset } from './yanping.data';
import { seedYanpingOrganizations } from './yanping.organizations';
import type { SeedCounts, SeedStep } from './xiangyang.seed';

/**
 * The Yanping (南平市延平区) seed steps, appended to SEED_STEPS after Xiangyang's, so a database
 * seeded before they existed gets them on its next start. Later Yanping steps (needs, teams,
 * venues, claims) go after these and read their rows back.
 */

/** The seed_run marker of Yanping's registry step (regions and 民生驿站). */
export const YANPING_SEED_NAME = 'yanping-registry';

export const YANPING_SEED_STEPS: readonly SeedStep[] = [
  { name: YANPING_SEED_NAME, run: seedYanpingRegistry },
  { name: 'yanping-organizations', run: seedYanpingOrganizations },
];

async function seedYanpingRegistry(db: SeedDb): Promise<SeedCounts> {
  const dataset = buildYanpingDataset();
  const regionIds = await insertRegions(db, dataset.regions);
  await insertStations(db, dataset.stations, regionIds);
  await insertSequences(db, dataset.sequences, regionIds);
  return { yanpingRegions: dataset.regions.length, yanpingStations: dataset.stations.length };
}
