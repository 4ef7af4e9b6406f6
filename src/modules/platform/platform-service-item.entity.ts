import { Entity, Index, ManyToOne, PrimaryKeyProp } from '@mikro-orm/core';
import { ServiceItem } from '../service-item/service-item.entity';
import { Platform } from './platform.entity';

/**
 * 二十四小时政务服务点可办事项 A service item a 24-hour government service point handles at its
 * terminals. Replaced as a whole list in plain SQL (gov-service-point-items.ts); going with its point.
 */
@Entity({ tableName: 'platform_service_item' })
@Index({ name: 'platform_service_item_item_idx', properties: ['serviceItem'] })
export class PlatformServiceItem {
  [PrimaryKeyProp]?: ['platform', 'serviceItem'];

  @ManyToOne({ entity: () => Platform, fieldName: 'platform_id', primary: true, deleteRule: 'cascade' })
  platform!: Platform;

  @ManyToOne({ entity: () => ServiceItem, fieldName: 'service_item_id', primary: true })
  serviceItem!: ServiceItem;
}
