import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Station } from '../station/station.entity';
import { DutyShiftKind } from './duty-shift.enums';
import { VersionedEntity } from '../../db/base-entity';

/** 值班 A stretch of duty at a station, by one person or one organization. */
@Entity({ tableName: 'duty_shift' })
export class DutyShift extends VersionedEntity {
  [OptionalProps]?: 'person' | 'organization' | 'note';

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @ManyToOne({ entity: () => Person, fieldName: 'person_id', nullable: true })
  person?: Person | null;

  @ManyToOne({ entity: () => Organization, fieldName: 'organization_id', nullable: true })
  organization?: Organization | null;

  @Property({ type: 'datetime', fieldName: 'starts_at' })
  startsAt!: Date;

  /** Exclusive. */
  @Property({ type: 'datetime', fieldName: 'ends_at' })
  endsAt!: Date;

  @Enum({ items: () => DutyShiftKind, type: 'string', columnType: 'varchar(16)' })
  kind!: DutyShiftKind;

  @Property({ type: 'string', length: 200, nullable: true })
  note?: string | null;
}
