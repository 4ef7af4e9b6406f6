import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { ActiveEntity } from '../../db/base-entity';
import { Region } from '../region/region.entity';
import { Station } from '../station/station.entity';
import { DeliberationVenueKind } from './deliberation-venue.enums';

/**
 * 议事场所 A public place where residents deliberate community affairs: 连心园, 议事亭, 睦邻点,
 * 议事平台, 小院话事点. Its location, when known, is stored in WGS-84.
 */
@Entity({ tableName: 'deliberation_venue' })
@Index({ name: 'deliberation_venue_kind_idx', properties: ['kind'] })
@Index({ name: 'deliberation_venue_name_idx', properties: ['name', 'id'] })
@Index({ name: 'deliberation_venue_region_idx', properties: ['region'] })
@Index({ name: 'deliberation_venue_station_idx', properties: ['station'] })
@Check({ name: 'deliberation_venue_check', expression: '(lat IS NULL) = (lng IS NULL)' })
@Check({ name: 'deliberation_venue_lat_check', expression: "(lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision)" })
@Check({ name: 'deliberation_venue_lng_check', expression: "(lng >= ('-180'::integer)::double precision) AND (lng <= (180)::double precision)" })
@Check({ name: 'deliberation_venue_name_check', expression: 'length(btrim((name)::text)) > 0' })
export class DeliberationVenue extends ActiveEntity {
  [OptionalProps]?: 'station' | 'address' | 'lat' | 'lng';

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => DeliberationVenueKind, type: 'string', columnType: 'varchar(24)' })
  kind!: DeliberationVenueKind;

  /** The community (or village) it belongs to. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id', nullable: true })
  station?: Station | null;

  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  /** WGS-84 latitude; null with lng when the place has not been located. */
  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  /** WGS-84 longitude. */
  @Property({ type: 'double', nullable: true })
  lng?: number | null;
}
