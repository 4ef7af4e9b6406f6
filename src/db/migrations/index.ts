import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000000_registry } from './Migration20261127000000_registry';
import { Migration20261127010000_department } from './Migration20261127010000_department';
import { Migration20261127011000_organization } from './Migration20261127011000_organization';
import { Migration20261127020000_station_profile } from './Migration20261127020000_station_profile';
import { Migration20261127030000_platform } from './Migration20261127030000_platform';
import { Migration20261127040000_service_item } from './Migration20261127040000_service_item';
import { Migration20261127050000_co_building } from './Migration20261127050000_co_building';
import { Migration20261127060000_people } from './Migration20261127060000_people';
import { Migration20261127070000_api_client } from './Migration20261127070000_api_client';
import { Migration20261127071000_idempotency_key } from './Migration20261127071000_idempotency_key';
import { Migration20261127080000_gov_service_point_item } from './Migration20261127080000_gov_service_point_item';
import { Migration20261127090000_external_ref } from './Migration20261127090000_external_ref';
import { Migration20261127100000_change_event } from './Migration20261127100000_change_event';
import { Migration20261127110000_webhook } from './Migration20261127110000_webhook';
import { Migration20261130000000_rate_limit } from './Migration20261130000000_rate_limit';
import { Migration20261130010000_external_ref_system } from './Migration20261130010000_external_ref_system';
import { Migration20261130020000_webhook_pending_index } from './Migration20261130020000_webhook_pending_index';
import { Migration20261201000000_webhook_delivery_attempt } from './Migration20261201000000_webhook_delivery_attempt';
import { Migration20261201010000_need } from './Migration20261201010000_need';
import { Migration20261201040000_meeting } from './Migration20261201040000_meeting';
import { Migration20261201060000_external_ref_teams_and_venues } from './Migration20261201060000_external_ref_teams_and_venues';
import { Migration20261201070000_construction_plan } from './Migration20261201070000_construction_plan';
import { Migration20261201080000_station_region_path } from './Migration20261201080000_station_region_path';
import { Migration20261201090000_rate_limit_lease } from './Migration20261201090000_rate_limit_lease';
import { Migration20261201030000_need_claim } from './Migration20261201030000_need_claim';
import { Migration20261201020000_volunteer_teams_and_venues } from './Migration20261201020000_volunteer_teams_and_venues';

/**
 * Every migration, in order. Listed explicitly (not globbed from a folder) so that ts-jest,
 * ts-node and the compiled dist/ all run exactly the same set.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127000000_registry', class: Migration20261127000000_registry },
  { name: 'Migration20261127010000_department', class: Migration20261127010000_department },
  { name: 'Migration20261127011000_organization', class: Migration20261127011000_organization },
  { name: 'Migration20261127020000_station_profile', class: Migration20261127020000_station_profile },
  { name: 'Migration20261127030000_platform', class: Migration20261127030000_platform },
  { name: 'Migration20261127040000_service_item', class: Migration20261127040000_service_item },
  { name: 'Migration20261127050000_co_building', class: Migration20261127050000_co_building },
  { name: 'Migration20261127060000_people', class: Migration20261127060000_people },
  { name: 'Migration20261127070000_api_client', class: Migration20261127070000_api_client },
  { name: 'Migration20261127071000_idempotency_key', class: Migration20261127071000_idempotency_key },
  { name: 'Migration20261127080000_gov_service_point_item', class: Migration20261127080000_gov_service_point_item },
  { name: 'Migration20261127090000_external_ref', class: Migration20261127090000_external_ref },
  { name: 'Migration20261127100000_change_event', class: Migration20261127100000_change_event },
  { name: 'Migration20261127110000_webhook', class: Migration20261127110000_webhook },
  { name: 'Migration20261130000000_rate_limit', class: Migration20261130000000_rate_limit },
  { name: 'Migration20261130010000_external_ref_system', class: Migration20261130010000_external_ref_system },
  { name: 'Migration20261130020000_webhook_pending_index', class: Migration20261130020000_webhook_pending_index },
  { name: 'Migration20261201000000_webhook_delivery_attempt', class: Migration20261201000000_webhook_delivery_attempt },
  { name: 'Migration20261201010000_need', class: Migration20261201010000_need },
  { name: 'Migration20261201020000_volunteer_teams_and_venues', class: Migration20261201020000_volunteer_teams_and_venues },
  { name: 'Migration20261201030000_need_claim', class: Migration20261201030000_need_claim },
  { name: 'Migration20261201040000_meeting', class: Migration20261201040000_meeting },
  { name: 'Migration20261201060000_external_ref_teams_and_venues', class: Migration20261201060000_external_ref_teams_and_venues },
  { name: 'Migration20261201070000_construction_plan', class: Migration20261201070000_construction_plan },
  { name: 'Migration20261201080000_station_region_path', class: Migration20261201080000_station_region_path },
  { name: 'Migration20261201090000_rate_limit_lease', class: Migration20261201090000_rate_limit_lease },
];
