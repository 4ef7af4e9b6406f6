import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Region } from '../region/region.entity';
import { GovernmentLevel } from './government-level';
import { ActiveEntity } from '../../db/base-entity';

/** 部门 A government body or public enterprise that owns platforms, service items and API clients. */
@Entity({ tableName: 'department' })
@Index({
  name: 'department_name_trgm_idx',
  expression:
    "CREATE INDEX department_name_trgm_idx ON public.department USING gin (((((((name)::text || ' '::text) || (COALESCE(short_name, ''::character varying))::text) || ' '::text) || (code)::text)) gin_trgm_ops)",
})
@Index({ name: 'department_region_idx', properties: ['region'] })
@Check({ name: 'department_code_check', expression: "(code)::text ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'::text" })
@Check({ name: 'department_name_check', expression: 'length(btrim((name)::text)) > 0' })
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
