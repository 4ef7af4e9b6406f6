import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000000_registry } from './Migration20261127000000_registry';
import { Migration20261127010000_department } from './Migration20261127010000_department';
import { Migration20261127011000_organization } from './Migration20261127011000_organization';
import { Migration20261127060000_people } from './Migration20261127060000_people';

/**
 * Every migration, in order. Listed explicitly (not globbed from a folder) so that ts-jest,
 * ts-node and the compiled dist/ all run exactly the same set.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127000000_registry', class: Migration20261127000000_registry },
  { name: 'Migration20261127010000_department', class: Migration20261127010000_department },
  { name: 'Migration20261127011000_organization', class: Migration20261127011000_organization },
  { name: 'Migration20261127060000_people', class: Migration20261127060000_people },
];
