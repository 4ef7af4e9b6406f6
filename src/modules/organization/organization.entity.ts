import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Region } from '../region/region.entity';
import { CreditCodeWarning, OrganizationKind } from './organization.enums';

/** 共建组织 An organization that co-builds, manages or serves stations. */
@Entity({ tableName: 'organization' })
export class Organization {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'active' | 'creditCode' | 'creditCodeWarning' | 'contactName' | 'contactPhone' | 'region';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => OrganizationKind, type: 'string' })
  kind!: OrganizationKind;

  /** 统一社会信用代码 (GB 32100-2015), 18 characters. */
  @Property({ type: 'string', length: 18, fieldName: 'credit_code', nullable: true })
  creditCode?: string | null;

  @Enum({ items: () => CreditCodeWarning, type: 'string', fieldName: 'credit_code_warning', nullable: true })
  creditCodeWarning?: CreditCodeWarning | null;

  /** Personal data: the contact person's name. */
  @Property({ type: 'string', length: 50, fieldName: 'contact_name', nullable: true })
  contactName?: string | null;

  /** Personal data: the contact person's phone. */
  @Property({ type: 'string', length: 20, fieldName: 'contact_phone', nullable: true })
  contactPhone?: string | null;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id', nullable: true })
  region?: Region | null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
