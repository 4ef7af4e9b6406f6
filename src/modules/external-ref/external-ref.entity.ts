import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Department } from '../department/department.entity';
import { ExternalRecordType, ExternalRefSystemStatus } from './external-ref.enums';
import { UuidEntity } from '../../db/base-entity';

/**
 * 外部编号 A partner system's own ID for a record of the registry: (system, external ID) names
 * one record of a type, and a record has at most one ID per system. Rows are only added and
 * removed, never changed, so they carry no version.
 */
@Entity({ tableName: 'external_ref' })
@Unique({ name: 'external_ref_key_unique', properties: ['system', 'recordType', 'externalId'] })
@Unique({ name: 'external_ref_record_system_unique', properties: ['recordType', 'recordId', 'system'] })
@Check({ name: 'external_ref_external_id_check', expression: 'length(btrim((external_id)::text)) > 0' })
@Check({ name: 'external_ref_system_check', expression: "(system)::text ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'::text" })
export class ExternalRef extends UuidEntity {
  /** The partner's system name, e.g. zgh-care (its ExternalRefSystem's key, kept as the plain name). */
  @ManyToOne({ entity: () => ExternalRefSystem, fieldName: 'system', mapToPk: true, foreignKeyName: 'external_ref_system_fk' })
  system!: string;

  @Property({ type: 'string', length: 128, fieldName: 'external_id' })
  externalId!: string;

  @Enum({ items: () => ExternalRecordType, type: 'string', columnType: 'varchar(32)', fieldName: 'record_type' })
  recordType!: ExternalRecordType;

  /** Local id of the record (no foreign key: it names rows of several tables). */
  @Property({ type: 'uuid', fieldName: 'record_id' })
  recordId!: string;

  @Property({ type: 'datetime', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/**
 * 外部系统 A partner system whose IDs the registry keeps, and who may write them: every system an
 * external reference names has a row (the reference's foreign key), added with its first
 * reference or by an administrator's assignment. An OWNED system has its department; UNCLAIMED
 * and SHARED ones have none.
 */
@Entity({ tableName: 'external_ref_system' })
@Index({
  name: 'external_ref_system_department_idx',
  expression: 'CREATE INDEX external_ref_system_department_idx ON public.external_ref_system USING btree (department_id) WHERE (department_id IS NOT NULL)',
})
@Check({ name: 'external_ref_system_owner', expression: "((status)::text = 'OWNED'::text) = (department_id IS NOT NULL)" })
@Check({ name: 'external_ref_system_system_check', expression: "(system)::text ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'::text" })
export class ExternalRefSystem {
  [OptionalProps]?: 'department';

  @PrimaryKey({ type: 'string', length: 64 })
  system!: string;

  @Enum({ items: () => ExternalRefSystemStatus, type: 'string', columnType: 'varchar(16)' })
  status!: ExternalRefSystemStatus;

  @ManyToOne({ entity: () => Department, fieldName: 'department_id', nullable: true })
  department?: Department | null;

  // Keyed by its name rather than a UUID, so it declares what VersionedEntity would give it.
  @Property({ type: 'integer', version: true, default: 1 })
  version: Opt<number> = 1;

  @Property({ type: 'datetime', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
