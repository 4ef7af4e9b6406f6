import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Region } from './region.entity';

/**
 * 驿站编号计数器 The last station code number issued in a community: one row per region, bumped
 * under its row lock by one upsert when a station is created (station.service.ts).
 */
@Entity({ tableName: 'region_code_sequence' })
export class RegionCodeSequence {
  [PrimaryKeyProp]?: 'region';

  @ManyToOne({ entity: () => Region, fieldName: 'region_id', primary: true })
  region!: Region;

  @Property({ type: 'integer', fieldName: 'last_value' })
  lastValue!: number;
}
