import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Region } from '../region/region.entity';
import { GovernmentLevel } from './government-level';

/** 部门 A government body or public enterprise that owns platforms, service items and API clients. */
@Entity({ tableName: 'department' })
export class Department {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'active' | 'shortName';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 30, fieldName: 'short_name', nullable: true })
  shortName?: string | null;

  @Enum({ items: () => GovernmentLevel, type: 'string' })
  level!: GovernmentLevel;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
