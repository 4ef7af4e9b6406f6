import { ArrayType, Check, Entity, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';
import type { Role } from '../../auth/roles';
import { ActiveEntity } from '../../db/base-entity';

/** 接口客户端 A partner system or admin frontend that calls the API with its own key. */
@Entity({ tableName: 'api_client' })
@Index({ name: 'api_client_department_idx', properties: ['department'] })
@Index({ name: 'api_client_region_idx', properties: ['region'] })
@Check({ name: 'api_client_check', expression: "(NOT ('REGION_OPERATOR'::text = ANY (roles))) OR (region_id IS NOT NULL)" })
@Check({ name: 'api_client_check1', expression: "(NOT ('DEPARTMENT_PARTNER'::text = ANY (roles))) OR (department_id IS NOT NULL)" })
@Check({ name: 'api_client_name_check', expression: 'length(btrim((name)::text)) > 0' })
@Check({
  name: 'api_client_roles_check',
  expression: "(cardinality(roles) > 0) AND (roles <@ ARRAY['ADMIN'::text, 'REGION_OPERATOR'::text, 'DEPARTMENT_PARTNER'::text, 'ANALYST'::text])",
})
export class ApiClient extends ActiveEntity {
  [OptionalProps]?: 'department' | 'region' | 'keyRotatedAt' | 'revokedAt';

  @Property({ type: 'string', length: 100, unique: true })
  name!: string;

  @Property({ type: ArrayType })
  roles!: Role[];

  @ManyToOne({ entity: () => Department, fieldName: 'department_id', nullable: true })
  department?: Department | null;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id', nullable: true })
  region?: Region | null;

  /** SHA-256 of the key (hex); the key itself is never stored. */
  @Property({ type: 'string', columnType: 'char(64)', fieldName: 'key_hash', unique: true })
  keyHash!: string;

  @Property({ type: 'string', length: 16, fieldName: 'key_hint' })
  keyHint!: string;

  @Property({ type: 'datetime', fieldName: 'key_rotated_at', nullable: true })
  keyRotatedAt?: Date | null;

  @Property({ type: 'datetime', fieldName: 'revoked_at', nullable: true })
  revokedAt?: Date | null;
}
