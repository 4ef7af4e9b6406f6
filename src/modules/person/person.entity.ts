import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Region } from '../region/region.entity';
import { PersonRole } from './person.enums';
import { ActiveEntity } from '../../db/base-entity';

/** 人员 A cadre, grid worker, station worker, social worker, volunteer or dual-reporting party member. */
@Entity({ tableName: 'person' })
@Index({ name: 'person_name_id_idx', properties: ['name', 'id'] })
@Index({ name: 'person_name_trgm_idx', expression: 'CREATE INDEX person_name_trgm_idx ON public.person USING gin (name gin_trgm_ops)' })
@Index({ name: 'person_organization_idx', properties: ['organization'] })
@Index({ name: 'person_region_idx', properties: ['region'] })
@Index({ name: 'person_role_idx', properties: ['role'] })
@Check({ name: 'person_name_check', expression: 'length(btrim((name)::text)) > 0' })
@Check({ name: 'person_phone_check', expression: "(phone)::text ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'::text" })
export class Person extends ActiveEntity {
  [OptionalProps]?: 'isPartyMember' | 'phone' | 'organization' | 'region';

  /** Personal data. */
  @Property({ type: 'string', length: 50 })
  name!: string;

  @Enum({ items: () => PersonRole, type: 'string', columnType: 'varchar(32)' })
  role!: PersonRole;

  /** Personal data: a mainland mobile or a landline with area code. */
  @Property({ type: 'string', length: 13, nullable: true })
  phone?: string | null;

  @Property({ type: 'boolean', fieldName: 'is_party_member' })
  isPartyMember: boolean = false;

  @ManyToOne({ entity: () => Organization, fieldName: 'organization_id', nullable: true })
  organization?: Organization | null;

  /** The community or street the person serves. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_id', nullable: true })
  region?: Region | null;
}
