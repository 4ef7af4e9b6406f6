import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

export type ChangeOperation = 'CREATE' | 'UPDATE' | 'DELETE';
export type ActorKind = 'ANONYMOUS' | 'API_CLIENT' | 'USER' | 'SYSTEM';

/** One changed record: the audit event and the change-feed entry at once. `tx` and `occurred_at` are filled by the database. */
@Entity({ tableName: 'change_event' })
@Index({ name: 'change_event_actor_idx', properties: ['actorId', 'seq'] })
@Index({ name: 'change_event_record_idx', properties: ['recordType', 'recordId', 'seq'] })
@Index({ name: 'change_event_tx_idx', properties: ['tx', 'seq'] })
@Index({ name: 'change_event_type_tx_idx', properties: ['recordType', 'tx', 'seq'] })
export class ChangeEvent {
  [OptionalProps]?: 'seq';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  /** The writing transaction's id: the change feed's order and cursor (filled by the database). */
  @Property({ type: 'string', columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  tx!: Opt<string>;

  @Property({ type: 'datetime', fieldName: 'occurred_at', defaultRaw: 'now()' })
  occurredAt!: Opt<Date>;

  @Property({ type: 'string', length: 40, fieldName: 'record_type' })
  recordType!: string;

  @Property({ type: 'string', length: 100, fieldName: 'record_id' })
  recordId!: string;

  @Enum({ items: ['CREATE', 'UPDATE', 'DELETE'], type: 'string', columnType: 'varchar(8)' })
  operation!: ChangeOperation;

  @Property({ type: 'integer', nullable: true })
  version?: number | null;

  @Enum({ items: ['ANONYMOUS', 'API_CLIENT', 'USER', 'SYSTEM'], type: 'string', columnType: 'varchar(16)', fieldName: 'actor_kind' })
  actorKind!: ActorKind;

  @Property({ type: 'string', length: 100, fieldName: 'actor_id', nullable: true })
  actorId?: string | null;

  @Property({ type: 'string', length: 100, fieldName: 'actor_name', nullable: true })
  actorName?: string | null;

  @Property({ type: 'uuid', fieldName: 'department_id', nullable: true })
  departmentId?: string | null;

  @Property({ type: 'string', length: 64, fieldName: 'request_id', nullable: true })
  requestId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  mutation?: string | null;

  /** { field: { before, after } }, personal values masked. */
  @Property({ type: 'json', defaultRaw: `'{}'` })
  changes!: Record<string, { before: unknown; after: unknown }>;
}
