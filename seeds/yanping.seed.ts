import type { SeedDb } from './support/seed-db';
import { insertRegions, insertSequences, insertStations } from './support/seed-registry';
import { buildYanpingDataset } from './yanping.data';
import { seedYanpingNeeds } from './yanping.needs';
import { seedYanpingOrganizations } from './yanping.organizations';
import { seedYanpingTeams } from './yanping.teams';
import type { SeedCounts, SeedStep } from './xiangyang.seed';

/**
 * The Yanping (南平市延平区) seed steps, appended to SEED_STEPS after Xiangyang's, so a database
 * seeded before they existed gets them on its next start. Then its departments, party members,
 * volunteer teams and deliberation venues (yanping.teams.ts), and its needs of 2024 with their
 * claims and 民生议事厅 meetings (yanping.needs.ts), which read the rows before them back.
 */

/** The seed_run marker of Yanping's registry step (regions and 民生驿站). */
export const YANPING_SEED_NAME = 'yanping-registry';

export const YANPING_SEED_STEPS: readonly SeedStep[] = [
  { name: YANPING_SEED_NAME, run: seedYanpingRegistry },
  { name: 'yanping-organizations', run: seedYanpingOrganizations },
  { name: 'yanping-teams-and-venues', run: seedYanpingTeams },
  { name: 'yanping-needs', run: seedYanpingNeeds },
];

async function seedYanpingRegistry(db: SeedDb): Promise<SeedCounts> {
  const dataset = buildYanpingDataset();
  const regionIds = await insertRegions(db, dataset.regions);
  await insertStations(db, dataset.stations, regionIds);
  await insertSequences(db, dataset.sequences, regionIds);
  return { yanpingRegions: dataset.regions.length, yanpingStations: dataset.stations.length };
}
