import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Station } from '../station/station.entity';
import { DutyShiftKind } from './duty-shift.enums';
import { VersionedEntity } from '../../db/base-entity';

/** 值班 A stretch of duty at a station, by one person or one organization. */
@Entity({ tableName: 'duty_shift' })
@Index({ name: 'duty_shift_organization_starts_idx', properties: ['organization', 'startsAt'] })
@Index({
  name: 'duty_shift_person_no_overlap',
  expression:
    'ALTER TABLE public.duty_shift ADD CONSTRAINT duty_shift_person_no_overlap EXCLUDE USING gist (person_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE ((person_id IS NOT NULL))',
})
@Index({ name: 'duty_shift_person_starts_idx', properties: ['person', 'startsAt'] })
@Index({ name: 'duty_shift_starts_id_idx', properties: ['startsAt', 'id'] })
@Index({ name: 'duty_shift_station_starts_idx', properties: ['station', 'startsAt', 'id'] })
@Check({ name: 'duty_shift_one_assignee', expression: '(person_id IS NULL) <> (organization_id IS NULL)' })
@Check({ name: 'duty_shift_span', expression: "(ends_at > starts_at) AND (ends_at <= (starts_at + '24:00:00'::interval))" })
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
