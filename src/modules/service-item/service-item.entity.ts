import { ArrayType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Platform, type TransformContext } from '@mikro-orm/core';
import { Department } from '../department/department.entity';
import { Station } from '../station/station.entity';
import { toTextArrayLiteral } from '../../db/sql';
import { ServiceHandlingMode, ServiceItemCategory, ServiceItemLevel, StationServiceItemStatus } from './service-item.enums';
import { ActiveEntity, VersionedEntity } from '../../db/base-entity';

/**
 * A PostgreSQL text[] whose elements are always double-quoted. MikroORM's own array type leaves
 * plain elements unquoted, so a material literally named "NULL" would be stored as a null element.
 */
export class QuotedTextArrayType extends ArrayType<string> {
  override convertToDatabaseValue(value: string[] | null, platform: Platform, context?: TransformContext): string | null {
    if (!Array.isArray(value)) return super.convertToDatabaseValue(value, platform, context);
    return toTextArrayLiteral(value);
  }

  override getColumnType(): string {
    return 'text[]';
  }
}

/** 高频服务事项 An item of the government service catalogue. Written through MikroORM; read paths use plain SQL rows. */
@Entity({ tableName: 'service_item' })
@Index({ name: 'service_item_category_idx', properties: ['category'] })
@Index({ name: 'service_item_department_idx', properties: ['department', 'code'] })
@Index({ name: 'service_item_handling_mode_idx', properties: ['handlingMode'] })
@Index({ name: 'service_item_level_idx', properties: ['level'] })
@Index({
  name: 'service_item_search_trgm_idx',
  expression: "CREATE INDEX service_item_search_trgm_idx ON public.service_item USING gin (((((name)::text || ' '::text) || (code)::text)) gin_trgm_ops)",
})
@Check({ name: 'service_item_code_check', expression: "(code)::text ~ '^[0-9]{6}-[A-Z]{2,4}-[0-9]{4}$'::text" })
@Check({ name: 'service_item_fee_yuan_check', expression: 'fee_yuan >= (0)::numeric' })
@Check({ name: 'service_item_materials_check', expression: 'array_position(materials, NULL::text) IS NULL' })
@Check({ name: 'service_item_name_check', expression: 'length(btrim((name)::text)) > 0' })
@Check({ name: 'service_item_time_limit_days_check', expression: '(time_limit_days >= 1) AND (time_limit_days <= 365)' })
export class ServiceItem extends ActiveEntity {
  [OptionalProps]?: 'materials' | 'timeLimitDays' | 'feeYuan' | 'description';

  @Property({ type: 'string', length: 24, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => ServiceItemLevel, type: 'string', columnType: 'varchar(16)' })
  level!: ServiceItemLevel;

  @Enum({ items: () => ServiceItemCategory, type: 'string', columnType: 'varchar(32)' })
  category!: ServiceItemCategory;

  @ManyToOne({ entity: () => Department, fieldName: 'department_id' })
  department!: Department;

  @Enum({ items: () => ServiceHandlingMode, type: 'string', columnType: 'varchar(32)', fieldName: 'handling_mode' })
  handlingMode!: ServiceHandlingMode;

  @Property({ type: QuotedTextArrayType, defaultRaw: `'{}'` })
  materials: string[] = [];

  /** Working days to finish; null means handled on the spot (即办). */
  @Property({ type: 'integer', fieldName: 'time_limit_days', nullable: true })
  timeLimitDays?: number | null;

  /** Yuan with two decimals, as the numeric column's text. */
  @Property({ type: 'decimal', precision: 10, scale: 2, fieldName: 'fee_yuan', defaultRaw: '0' })
  feeYuan: string = '0.00';

  @Property({ type: 'text', nullable: true })
  description?: string | null;
}

/** 事项下沉 A service item handled at a station: one record per station and item. */
@Entity({ tableName: 'station_service_item' })
@Unique({ name: 'station_service_item_pair_key', properties: ['station', 'serviceItem'] })
@Index({ name: 'station_service_item_item_idx', properties: ['serviceItem', 'station'] })
@Index({ name: 'station_service_item_status_idx', properties: ['status'] })
export class StationServiceItem extends VersionedEntity {
  [OptionalProps]?: 'status';

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @ManyToOne({ entity: () => ServiceItem, fieldName: 'service_item_id' })
  serviceItem!: ServiceItem;

  @Enum({ items: () => ServiceHandlingMode, type: 'string', columnType: 'varchar(32)' })
  mode!: ServiceHandlingMode;

  /** Calendar date (YYYY-MM-DD) from which the station handles the item. */
  @Property({ type: 'date' })
  since!: string;

  @Enum({ items: () => StationServiceItemStatus, type: 'string', columnType: 'varchar(16)' })
  status: StationServiceItemStatus = StationServiceItemStatus.ACTIVE;
}
