import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** A seed step that has run on this database (its marker, claimed before the step runs; see xiangyang.seed.ts). */
@Entity({ tableName: 'seed_run' })
export class SeedRun {
  @PrimaryKey({ type: 'string', length: 64 })
  name!: string;

  @Property({ type: 'datetime', fieldName: 'applied_at', defaultRaw: 'now()' })
  appliedAt: Opt<Date> = new Date();
}
