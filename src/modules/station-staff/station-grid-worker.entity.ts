import { Entity, Index, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Person } from '../person/person.entity';
import { Station } from '../station/station.entity';

/** 网格员驻点 A grid worker stationed at a station, since a date. */
@Entity({ tableName: 'station_grid_worker' })
@Index({ name: 'station_grid_worker_person_idx', properties: ['person'] })
export class StationGridWorker {
  [PrimaryKeyProp]?: ['station', 'person'];

  @ManyToOne({ entity: () => Station, fieldName: 'station_id', primary: true })
  station!: Station;

  @ManyToOne({ entity: () => Person, fieldName: 'person_id', primary: true })
  person!: Person;

  /** Calendar date (YYYY-MM-DD) the stationing began. */
  @Property({ type: 'date' })
  since!: string;
}
