import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Station } from '../station/station.entity';
import { ActivityCategory } from './activity.enums';
import { VersionedEntity } from '../../db/base-entity';

/** 活动 An activity held at a station. Read paths use plain SQL rows. */
@Entity({ tableName: 'activity' })
export class Activity extends VersionedEntity {
  [OptionalProps]?: 'organizer' | 'description' | 'participants';

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @ManyToOne({ entity: () => Organization, fieldName: 'organizer_id', nullable: true })
  organizer?: Organization | null;

  @Enum({ items: () => ActivityCategory, type: 'string', columnType: 'varchar(32)' })
  category!: ActivityCategory;

  @Property({ type: 'string', length: 100 })
  title!: string;

  @Property({ type: 'string', length: 2000, nullable: true })
  description?: string | null;

  @Property({ type: 'datetime', fieldName: 'starts_at' })
  startsAt!: Date;

  @Property({ type: 'datetime', fieldName: 'ends_at' })
  endsAt!: Date;

  @Property({ type: 'integer' })
  participants: number = 0;
}
