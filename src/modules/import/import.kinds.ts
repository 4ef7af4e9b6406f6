// The enums' Chinese names are read from their GraphQL registrations (see enumNames): load them with the kinds.
import '../../geo/geo.types';
import '../organization/organization.types';
import '../service-item/service-item.types';
import '../station/station.types';
import { ORGANIZATION_IMPORT } from '../organization/organization.import';
import { PUSH_DOWN_IMPORT } from '../service-item/push-down.import';
import { SERVICE_ITEM_IMPORT } from '../service-item/service-item.import';
import { STATION_IMPORT } from '../station/station.import';
import type { ImportKind } from './import.service';

/** What can be imported, by the name the URL and the command use. */
export const IMPORT_KINDS: readonly ImportKind[] = [STATION_IMPORT, SERVICE_ITEM_IMPORT, ORGANIZATION_IMPORT, PUSH_DOWN_IMPORT];

export function importKindNamed(name: string): ImportKind | null {
  return IMPORT_KINDS.find((kind) => kind.name === name) ?? null;
}
