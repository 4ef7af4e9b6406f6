import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The columns most records share, declared once (MikroORM copies an abstract base entity's
 * properties into each entity that extends it). Each level adds one concept:
 * a UUID key → created/updated timestamps → an optimistic-lock version → an active flag.
 * The database defaults are the migrations' own, so the schema-diff test sees no difference.
 */
@Entity({ abstract: true })
export abstract class UuidEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;
}

/** A UUID-keyed record with the moments it was created and last changed. */
@Entity({ abstract: true })
export abstract class TimestampedEntity extends UuidEntity {
  @Property({ type: 'datetime', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** A timestamped record whose writers send back the version they read (optimistic lock). */
@Entity({ abstract: true })
export abstract class VersionedEntity extends TimestampedEntity {
  @Property({ type: 'integer', version: true, default: 1 })
  version: Opt<number> = 1;
}

/** A versioned record that is deactivated rather than deleted while others refer to it. */
@Entity({ abstract: true })
export abstract class ActiveEntity extends VersionedEntity {
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}

/** The abstract bases, for the ORM's entity list. */
export const baseEntities = [UuidEntity, TimestampedEntity, VersionedEntity, ActiveEntity];
