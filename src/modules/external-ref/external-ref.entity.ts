import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ExternalRecordType } from './external-ref.enums';

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
