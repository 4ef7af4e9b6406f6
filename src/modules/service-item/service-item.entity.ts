import { ArrayType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Platform, type TransformContext } from '@mikro-orm/core';
import { Department } from '../department/department.entity';
import { Station } from '../station/station.entity';
import { toTextArrayLiteral } from '../../db/sql';
import { ServiceHandlingMode, ServiceItemCategory, ServiceItemLevel, StationServiceItemStatus } from './service-item.enums';

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
export class ServiceItem {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'active' | 'materials' | 'timeLimitDays' | 'feeYuan' | 'description';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 24, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => ServiceItemLevel, type: 'string' })
  level!: ServiceItemLevel;

  @Enum({ items: () => ServiceItemCategory, type: 'string' })
  category!: ServiceItemCategory;

  @ManyToOne({ entity: () => Department, fieldName: 'department_id' })
  department!: Department;

  @Enum({ items: () => ServiceHandlingMode, type: 'string', fieldName: 'handling_mode' })
  handlingMode!: ServiceHandlingMode;

  @Property({ type: QuotedTextArrayType })
  materials: string[] = [];

  /** Working days to finish; null means handled on the spot (即办). */
  @Property({ type: 'integer', fieldName: 'time_limit_days', nullable: true })
  timeLimitDays?: number | null;

  /** Yuan with two decimals, as the numeric column's text. */
  @Property({ type: 'decimal', precision: 10, scale: 2, fieldName: 'fee_yuan' })
  feeYuan: string = '0.00';

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** 事项下沉 A service item handled at a station: one record per station and item. */
@Entity({ tableName: 'station_service_item' })
export class StationServiceItem {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'status';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @ManyToOne({ entity: () => ServiceItem, fieldName: 'service_item_id' })
  serviceItem!: ServiceItem;

  @Enum({ items: () => ServiceHandlingMode, type: 'string' })
  mode!: ServiceHandlingMode;

  /** Calendar date (YYYY-MM-DD) from which the station handles the item. */
  @Property({ type: 'date' })
  since!: string;

  @Enum({ items: () => StationServiceItemStatus, type: 'string' })
  status: StationServiceItemStatus = StationServiceItemStatus.ACTIVE;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
