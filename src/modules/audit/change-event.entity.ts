import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type ChangeOperation = 'CREATE' | 'UPDATE' | 'DELETE';
export type ActorKind = 'ANONYMOUS' | 'API_CLIENT' | 'USER' | 'SYSTEM';

/** One changed record: the audit event and the change-feed entry at once. `tx` and `occurred_at` are filled by the database. */
@Entity({ tableName: 'change_event' })
export class ChangeEvent {
  [OptionalProps]?: 'seq';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'string', length: 40, fieldName: 'record_type' })
  recordType!: string;

  @Property({ type: 'string', length: 100, fieldName: 'record_id' })
  recordId!: string;

  @Property({ type: 'string', length: 8 })
  operation!: ChangeOperation;

  @Property({ type: 'integer', nullable: true })
  version?: number | null;

  @Property({ type: 'string', length: 16, fieldName: 'actor_kind' })
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
  @Property({ type: 'json' })
  changes!: Record<string, { before: unknown; after: unknown }>;
}
