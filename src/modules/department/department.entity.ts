import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Region } from '../region/region.entity';
import { GovernmentLevel } from './government-level';
import { ActiveEntity } from '../../db/base-entity';

/** 部门 A government body or public enterprise that owns platforms, service items and API clients. */
@Entity({ tableName: 'department' })
export class Department extends ActiveEntity {
  [OptionalProps]?: 'shortName';

  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 30, fieldName: 'short_name', nullable: true })
  shortName?: string | null;

  @Enum({ items: () => GovernmentLevel, type: 'string', columnType: 'varchar(16)' })
  level!: GovernmentLevel;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;
}
