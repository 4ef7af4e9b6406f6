import { column, dateSql, instant, recordFields, registerReadModel, type FieldPlan } from '../../graphql/plan/read-model';
import { toGeoPoint } from '../../geo/geo.types';
import type { CoordinateSystem } from '../../geo/coordinates';
import { fromStoredOpeningHours } from '../opening-hours/opening-hours';
import { BASE_ZONE, FIVE_INTO_FACILITIES, STANDARD_ZONES, zoneCategory, type FunctionZone } from './station-profile';
import { STATION_COLUMNS, toStationRecord } from './station.types';

/** `'[{"kind":…},…]'::jsonb`: containment of it means "has all these zones" (as the filters use). */
const onePlusFour = `'${JSON.stringify([BASE_ZONE, ...STANDARD_ZONES].map((kind) => ({ kind })))}'::jsonb`;
const allFacilities = `array[${FIVE_INTO_FACILITIES.map((facility) => `'${facility}'`).join(', ')}]::text[]`;

/** Opening hours as stored, finished by the same function the record uses. */
export const openingHoursPlan: FieldPlan = {
  kind: 'computed',
  sql: (t) => `${t}.opening_hours`,
  compute: (stored: unknown) => fromStoredOpeningHours(stored),
};

/** A location (WGS-84 columns lat/lng) in the coordinate system asked for: the conversion runs in Node. */
export const locationPlan: FieldPlan = {
  kind: 'computed',
  sql: (t) => `json_build_array(${t}.lat, ${t}.lng)`,
  compute: ([lat, lng]: [number, number], args) => toGeoPoint({ lat, lng }, args.coordinateSystem as CoordinateSystem),
};

/** The per-row distance a station list filtered by `near` computes (see stationList); its edges carry it. */
export const DISTANCE_EXTRA = '$distance';

/** How a Station is read (see graphql/plan/read-model.ts). */
export function registerStationReadModel(): void {
  registerReadModel({
    type: 'Station',
    table: 'station',
    key: 'id',
    record: { columns: STATION_COLUMNS, from: 'station s', alias: 's', toRecord: toStationRecord },
    fields: {
      ...recordFields('Station'),
      code: column('code'),
      name: column('name'),
      tier: column('tier'),
      kind: column('kind'),
      status: column('status'),
      address: column('address'),
      planYear: column('plan_year'),
      openedOn: { kind: 'value', sql: (t) => dateSql(`${t}.opened_on`) },
      archivedAt: instant('archived_at'),
      openingHours: openingHoursPlan,
      functionZones: {
        kind: 'computed',
        sql: (t) => `${t}.function_zones`,
        compute: (zones: FunctionZone[]) =>
          zones.map((zone) => ({ kind: zone.kind, category: zoneCategory(zone.kind), name: zone.name, areaSquareMetres: zone.areaSquareMetres ?? null })),
      },
      meetsOnePlusFour: { kind: 'value', sql: (t) => `(${t}.function_zones @> ${onePlusFour})` },
      fiveIntoFacilities: { kind: 'value', sql: (t) => `to_json(${t}.five_into_facilities)` },
      fiveIntoComplete: { kind: 'value', sql: (t) => `(${t}.five_into_facilities @> ${allFacilities})` },
      groupsServed: { kind: 'value', sql: (t) => `to_json(${t}.groups_served)` },
      hostsMobilePartyMemberServicePoint: column('hosts_mobile_party_member_service_point'),
      isHub: column('is_hub'),
      location: locationPlan,
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
      hub: { kind: 'one', type: 'Station', key: (t) => `${t}.hub_id` },
      hubMembers: {
        kind: 'connection',
        type: 'Station',
        where: (t, c) => ({ text: `${c}.hub_id = ${t}.id and ${c}.archived_at is null`, bindings: [] }),
        sort: (c) => ({ expression: `${c}.code`, type: 'text', id: `${c}.id`, idType: 'uuid' }),
      },
      hubMemberCount: { kind: 'value', sql: (t) => `(select count(*)::int from station m where m.hub_id = ${t}.id and m.archived_at is null)` },
    },
  });
}
