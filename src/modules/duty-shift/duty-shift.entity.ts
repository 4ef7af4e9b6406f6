import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Station } from '../station/station.entity';
import { DutyShiftKind } from './duty-shift.enums';

/** 值班 A stretch of duty at a station, by one person or one organization. */
@Entity({ tableName: 'duty_shift' })
export class DutyShift {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'person' | 'organization' | 'note';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

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

  @Enum({ items: () => DutyShiftKind, type: 'string' })
  kind!: DutyShiftKind;

  @Property({ type: 'string', length: 200, nullable: true })
  note?: string | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
