import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Department } from '../department/department.entity';
import { ExternalRecordType, ExternalRefSystemStatus } from './external-ref.enums';

/**
 * 外部编号 A partner system's own ID for a record of the registry: (system, external ID) names
 * one record of a type, and a record has at most one ID per system. Rows are only added and
 * removed, never changed, so they carry no version.
 */
@Entity({ tableName: 'external_ref' })
export class ExternalRef {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The partner's system name, e.g. zgh-care. */
  @Property({ type: 'string', length: 64 })
  system!: string;

  @Property({ type: 'string', length: 128, fieldName: 'external_id' })
  externalId!: string;

  @Enum({ items: () => ExternalRecordType, type: 'string', fieldName: 'record_type' })
  recordType!: ExternalRecordType;

  /** Local id of the record (no foreign key: it names rows of several tables). */
  @Property({ type: 'uuid', fieldName: 'record_id' })
  recordId!: string;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();
}

/**
 * 外部系统 A partner system whose IDs the registry keeps, and who may write them: every system an
 * external reference names has a row (the reference's foreign key), added with its first
 * reference or by an administrator's assignment. An OWNED system has its department; UNCLAIMED
 * and SHARED ones have none.
 */
@Entity({ tableName: 'external_ref_system' })
export class ExternalRefSystem {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'department';

  @PrimaryKey({ type: 'string', length: 64 })
  system!: string;

  @Enum({ items: () => ExternalRefSystemStatus, type: 'string' })
  status!: ExternalRefSystemStatus;

  @ManyToOne({ entity: () => Department, fieldName: 'department_id', nullable: true })
  department?: Department | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
