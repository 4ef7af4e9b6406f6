import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { RegionLevel } from './region-level';

/** 行政区划 An administrative region (GB/T 2260; 12-digit statistical codes below district level). */
@Entity({ tableName: 'region' })
@Index({ name: 'region_name_trgm_idx', expression: 'CREATE INDEX region_name_trgm_idx ON public.region USING gin (name gin_trgm_ops)' })
@Index({ name: 'region_parent_idx', properties: ['parent', 'code'] })
@Index({ name: 'region_path_idx', expression: 'CREATE INDEX region_path_idx ON public.region USING btree (path text_pattern_ops)' })
@Check({ name: 'region_path_check', expression: "path ~ '^([0-9]+/)+$'::text" })
export class Region {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 12, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => RegionLevel, type: 'string', columnType: 'varchar(16)' })
  level!: RegionLevel;

  @ManyToOne({ entity: () => Region, nullable: true, fieldName: 'parent_id' })
  parent?: Region | null;

  /** Ancestor codes and its own (digits), each followed by '/': subtree queries are prefix matches. */
  @Property({ type: 'text' })
  path!: string;

  @Property({ type: 'smallint' })
  depth!: number;
}
