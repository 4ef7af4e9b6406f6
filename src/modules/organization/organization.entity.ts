import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Region } from '../region/region.entity';
import { CreditCodeWarning, OrganizationKind } from './organization.enums';
import { ActiveEntity } from '../../db/base-entity';

/** 共建组织 An organization that co-builds, manages or serves stations. */
@Entity({ tableName: 'organization' })
@Index({ name: 'organization_kind_idx', properties: ['kind'] })
@Index({ name: 'organization_name_id_idx', properties: ['name', 'id'] })
@Index({ name: 'organization_name_trgm_idx', expression: 'CREATE INDEX organization_name_trgm_idx ON public.organization USING gin (name gin_trgm_ops)' })
@Index({ name: 'organization_region_idx', properties: ['region'] })
@Check({ name: 'organization_check', expression: '(credit_code IS NOT NULL) OR (credit_code_warning IS NULL)' })
@Check({ name: 'organization_credit_code_check', expression: "credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'::text" })
@Check({ name: 'organization_name_check', expression: 'length(btrim((name)::text)) > 0' })
export class Organization extends ActiveEntity {
  [OptionalProps]?: 'creditCode' | 'creditCodeWarning' | 'contactName' | 'contactPhone' | 'region';

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => OrganizationKind, type: 'string', columnType: 'varchar(32)' })
  kind!: OrganizationKind;

  /** 统一社会信用代码 (GB 32100-2015), 18 characters. */
  @Property({ type: 'string', columnType: 'char(18)', fieldName: 'credit_code', nullable: true, unique: true })
  creditCode?: string | null;

  @Enum({ items: () => CreditCodeWarning, type: 'string', columnType: 'varchar(32)', fieldName: 'credit_code_warning', nullable: true })
  creditCodeWarning?: CreditCodeWarning | null;

  /** Personal data: the contact person's name. */
  @Property({ type: 'string', length: 50, fieldName: 'contact_name', nullable: true })
  contactName?: string | null;

  /** Personal data: the contact person's phone. */
  @Property({ type: 'string', length: 20, fieldName: 'contact_phone', nullable: true })
  contactPhone?: string | null;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id', nullable: true })
  region?: Region | null;
}
