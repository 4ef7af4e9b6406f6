import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Station } from '../station/station.entity';
import { ActivityCategory } from './activity.enums';

/** 活动 An activity held at a station. Read paths use plain SQL rows. */
@Entity({ tableName: 'activity' })
export class Activity {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'organizer' | 'description' | 'participants';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @ManyToOne({ entity: () => Organization, fieldName: 'organizer_id', nullable: true })
  organizer?: Organization | null;

  @Enum({ items: () => ActivityCategory, type: 'string' })
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

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
