import { joinSql, rawSql, sql } from '../../db/sql';
import { toGeoPoint } from '../../geo/geo.types';
import type { CoordinateSystem } from '../../geo/coordinates';
import { column, recordFields, registerReadFields, registerReadModel, type FieldPlan } from '../../graphql/plan/read-model';
import { deliberationVenueSort } from './deliberation-venue.reader';
import { DELIBERATION_VENUE_COLUMNS, toDeliberationVenueRecord } from './deliberation-venue.types';

/** The venues of a parent row (`where` relates alias `c` to parent `t`), by name, optionally only active or archived ones. */
function venuesOf(where: (t: string, c: string) => string): FieldPlan {
  return {
    kind: 'connection',
    type: 'DeliberationVenue',
    where: (t, c, args) => {
      const conditions = [rawSql(where(t, c))];
      if (args.active != null) conditions.push(sql`${rawSql(`${c}.active`)} = ${args.active as boolean}`);
      return joinSql(conditions, ' and ');
    },
    sort: (c) => deliberationVenueSort(c, null),
  };
}

/** How a DeliberationVenue is read (see graphql/plan/read-model.ts), and the venues of regions and stations. */
export function registerDeliberationVenueReadModel(): void {
  registerReadModel({
    type: 'DeliberationVenue',
    table: 'deliberation_venue',
    key: 'id',
    record: { columns: DELIBERATION_VENUE_COLUMNS, from: 'deliberation_venue dv', alias: 'dv', toRecord: toDeliberationVenueRecord },
    fields: {
      ...recordFields('DeliberationVenue'),
      name: column('name'),
      kind: column('kind'),
      address: column('address'),
      active: column('active'),
      location: {
        kind: 'computed',
        sql: (t) => `case when ${t}.lat is null then null else json_build_array(${t}.lat, ${t}.lng) end`,
        compute: (point: [number, number] | null, args) => (point ? toGeoPoint({ lat: point[0], lng: point[1] }, args.coordinateSystem as CoordinateSystem) : null),
      },
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
    },
  });
  registerReadFields('Region', {
    deliberationVenues: venuesOf((t, c) => `${c}.region_id in (select d.id from region d where d.path like ${t}.path || '%')`),
  });
  registerReadFields('Station', { deliberationVenues: venuesOf((t, c) => `${c}.station_id = ${t}.id`) });
}
