import { Check, Entity, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { VersionedEntity } from '../../db/base-entity';
import { Region } from '../region/region.entity';

/**
 * 建设计划 How many stations a region is to build in a year (e.g. 2023: 300 citywide, 72 of them in
 * towns and villages). The stations planned under it are those of the region's subtree whose plan
 * year is the plan's: a station carries its plan year, so the plan needs no list of its own.
 */
@Entity({ tableName: 'construction_plan' })
@Unique({ name: 'construction_plan_year_region_id_key', properties: ['year', 'region'] })
@Index({ name: 'construction_plan_region_idx', properties: ['region'] })
@Check({ name: 'construction_plan_year_check', expression: '(year >= 2000) AND (year <= 2100)' })
@Check({ name: 'construction_plan_target_check', expression: 'target >= 0' })
@Check({ name: 'construction_plan_rural_target_check', expression: '(rural_target IS NULL) OR ((rural_target >= 0) AND (rural_target <= target))' })
export class ConstructionPlan extends VersionedEntity {
  [OptionalProps]?: 'ruralTarget';

  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  /** Stations to build in the year. */
  @Property({ type: 'integer' })
  target!: number;

  /** Of them, in towns and villages (乡镇村组, RURAL stations); null when the plan sets none. */
  @Property({ type: 'integer', fieldName: 'rural_target', nullable: true })
  ruralTarget?: number | null;
}
