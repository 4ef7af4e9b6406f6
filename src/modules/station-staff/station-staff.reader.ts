import { columnsOf, type RowOf } from '../../db/entity-rows';
import { StationGridWorker } from './station-grid-worker.entity';
import type { SqlReader } from '../../db/sql';
import { ORGANIZATION_COLUMNS, toOrganizationRecord, type OrganizationRecord, type OrganizationRow } from '../organization/organization.types';
import { PERSON_COLUMNS, toPersonRecord, type PersonRecord, type PersonRow } from '../person/person.types';
import { toStationGridWorkerRecord, type StationGridWorkerRecord } from './station-staff.types';

/** The managing party organization of each station that has one. */
export async function managingOrganizationsOfStations(db: SqlReader, stationIds: readonly string[]): Promise<{ stationId: string; organization: OrganizationRecord }[]> {
  const rows = await db.all<OrganizationRow & { station_id: string }>(
    `select s.id as station_id, ${ORGANIZATION_COLUMNS} from station s join organization o on o.id = s.managing_organization_id where s.id = any(?::uuid[])`,
    [stationIds],
  );
  return rows.map((row) => ({ stationId: row.station_id, organization: toOrganizationRecord(row) }));
}

/** The contact cadre of each station that has one. */
export async function contactCadresOfStations(db: SqlReader, stationIds: readonly string[]): Promise<{ stationId: string; person: PersonRecord }[]> {
  const rows = await db.all<PersonRow & { station_id: string }>(
    `select s.id as station_id, ${PERSON_COLUMNS} from station s join person p on p.id = s.contact_cadre_id where s.id = any(?::uuid[])`,
    [stationIds],
  );
  return rows.map((row) => ({ stationId: row.station_id, person: toPersonRecord(row) }));
}

/** A stationing's columns (alias `g` for station_grid_worker, `p` for its person), as its record is built from them. */
const STATIONING_PROPERTIES = ['station', 'since'] as const;
export const GRID_WORKER_COLUMNS = `${columnsOf(StationGridWorker, 'g', STATIONING_PROPERTIES)}, ${PERSON_COLUMNS}`;

type GridWorkerRow = PersonRow & RowOf<StationGridWorker, (typeof STATIONING_PROPERTIES)[number]>;

/** Stationings by "stationId:personId". */
export async function gridWorkersByKeys(db: SqlReader, keys: readonly string[]): Promise<Map<string, StationGridWorkerRecord>> {
  const pairs = keys.map((key) => key.split(':'));
  const rows = await db.all<GridWorkerRow>(
    `select ${GRID_WORKER_COLUMNS}
     from station_grid_worker g join person p on p.id = g.person_id
     join unnest(?::uuid[], ?::uuid[]) as k(station_id, person_id) on k.station_id = g.station_id and k.person_id = g.person_id`,
    [pairs.map(([station]) => station), pairs.map(([, person]) => person)],
  );
  return new Map(rows.map((row) => [`${row.station_id}:${row.id}`, toStationGridWorkerRecord(row.station_id, toPersonRecord(row), row.since)]));
}
