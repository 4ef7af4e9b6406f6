import type { CoordinateSystem } from '../../geo/coordinates';
import { toGeoPoint } from '../../geo/geo.types';
import { column, globalId, instant, registerReadFields, registerReadModel } from '../../graphql/plan/read-model';
import { CIRCLE_COLUMNS, toServiceCircleRecord } from './service-circle.types';
import { stationCountPlan } from '../station/station-count';

/** How a 15-minute service circle is read (see graphql/plan/read-model.ts). */
export function registerServiceCircleReadModel(): void {
  registerReadModel({
    type: 'ServiceCircle',
    table: 'service_circle',
    key: 'id',
    record: { columns: CIRCLE_COLUMNS, from: 'service_circle c', alias: 'c', toRecord: toServiceCircleRecord },
    fields: {
      id: globalId('ServiceCircle'),
      code: column('code'),
      name: column('name'),
      radiusMetres: column('radius_metres'),
      boundary: column('boundary'),
      createdAt: instant('created_at'),
      updatedAt: instant('updated_at'),
      district: { kind: 'one', type: 'Region', key: (t) => `${t}.district_id` },
      center: {
        kind: 'computed',
        sql: (t) => `json_build_array(${t}.center_lat, ${t}.center_lng)`,
        compute: ([lat, lng]: [number, number], args) => toGeoPoint({ lat, lng }, args.coordinateSystem as CoordinateSystem),
      },
      stationCount: stationCountPlan((t) => `cs.circle_id = ${t}.id`),
    },
  });
  registerReadFields('Station', { serviceCircle: { kind: 'one', type: 'ServiceCircle', key: (t) => `${t}.circle_id` } });
}
