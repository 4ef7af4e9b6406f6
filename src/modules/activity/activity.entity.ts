import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Station } from '../station/station.entity';
import { ActivityCategory } from './activity.enums';
import { VersionedEntity } from '../../db/base-entity';

/** 活动 An activity held at a station. Read paths use plain SQL rows. */
@Entity({ tableName: 'activity' })
@Index({ name: 'activity_category_idx', properties: ['category'] })
@Index({ name: 'activity_organizer_idx', properties: ['organizer', 'startsAt', 'id'] })
@Index({
  name: 'activity_search_trgm_idx',
  expression:
    "CREATE INDEX activity_search_trgm_idx ON public.activity USING gin (((((title)::text || ' '::text) || (COALESCE(description, ''::character varying))::text)) gin_trgm_ops)",
})
@Index({ name: 'activity_starts_idx', properties: ['startsAt', 'id'] })
@Index({ name: 'activity_station_idx', properties: ['station', 'startsAt', 'id'] })
@Check({ name: 'activity_check', expression: "(ends_at > starts_at) AND (ends_at <= (starts_at + '7 days'::interval))" })
@Check({ name: 'activity_participants_check', expression: 'participants >= 0' })
@Check({ name: 'activity_title_check', expression: 'length(btrim((title)::text)) > 0' })
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
