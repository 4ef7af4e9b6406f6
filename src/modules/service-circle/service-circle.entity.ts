import { Check, Entity, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Region } from '../region/region.entity';
import { TimestampedEntity } from '../../db/base-entity';

/** 15分钟便民服务圈 A 15-minute convenience service circle inside a district. */
@Entity({ tableName: 'service_circle' })
@Index({ name: 'service_circle_district_idx', properties: ['district', 'code'] })
@Check({ name: 'service_circle_radius_metres_check', expression: 'radius_metres > 0' })
export class ServiceCircle extends TimestampedEntity {
  [OptionalProps]?: 'boundary';

  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @ManyToOne({ entity: () => Region, fieldName: 'district_id' })
  district!: Region;

  @Property({ type: 'double', fieldName: 'center_lat' })
  centerLat!: number;

  @Property({ type: 'double', fieldName: 'center_lng' })
  centerLng!: number;

  @Property({ type: 'integer', fieldName: 'radius_metres' })
  radiusMetres!: number;

  /** Optional GeoJSON Polygon/MultiPolygon of the circle's real boundary. */
  @Property({ type: 'json', nullable: true })
  boundary?: unknown;
}
