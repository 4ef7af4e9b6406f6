import { dateSql, globalIdSql, registerReadFields, registerReadModel } from '../../graphql/plan/read-model';
import { toPersonRecord, type PersonRow } from '../person/person.types';
import { GRID_WORKER_COLUMNS } from './station-staff.reader';
import { toStationGridWorkerRecord } from './station-staff.types';

/**
 * A grid worker's stationing is keyed by its station and person together: read as a table whose
 * `key` column is "stationId:personId", the local id of its global ID (PostgreSQL inlines the
 * subquery, so the station's index still serves Station.gridWorkers).
 */
const KEYED_GRID_WORKERS = `(select g.station_id, g.person_id, g.since, g.station_id::text || ':' || g.person_id::text as key from station_grid_worker g)`;

/** The station's managing organization, contact cadre and grid workers, read with the station (see graphql/plan). */
export function registerStationStaffReadFields(): void {
  registerReadModel({
    type: 'StationGridWorker',
    table: KEYED_GRID_WORKERS,
    key: 'key',
    record: {
      columns: GRID_WORKER_COLUMNS,
      from: `${KEYED_GRID_WORKERS} g join person p on p.id = g.person_id`,
      alias: 'g',
      toRecord: (row: PersonRow & { station_id: string; since: string }) => toStationGridWorkerRecord(row.station_id, toPersonRecord(row), row.since),
    },
    fields: {
      id: { kind: 'value', sql: (t) => globalIdSql('StationGridWorker', `${t}.key`) },
      since: { kind: 'value', sql: (t) => dateSql(`${t}.since`) },
      person: { kind: 'one', type: 'Person', key: (t) => `${t}.person_id` },
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
    },
  });
  registerReadFields('Station', {
    managingOrganization: { kind: 'one', type: 'Organization', key: (t) => `${t}.managing_organization_id` },
    contactCadre: { kind: 'one', type: 'Person', key: (t) => `${t}.contact_cadre_id` },
    // Longest-serving first, ties by the person's ID: never by name, which would let a caller who
    // sees names masked learn how they sort.
    gridWorkers: {
      kind: 'connection',
      type: 'StationGridWorker',
      where: (t, c) => ({ text: `${c}.station_id = ${t}.id`, bindings: [] }),
      sort: (c) => ({ expression: `${c}.since`, type: 'date', id: `${c}.person_id`, idType: 'uuid' }),
    },
  });
}
