import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './relay';
import { DateTimeScalar } from './scalars';

/**
 * The fields most record types share — version, createdAt, updatedAt, active — declared once, as
 * the entities declare their columns once (db/base-entity.ts). Each record type extends one of
 * these bases (object types to type-graphql, which gives a type the fields of its superclass types,
 * but never reached by a field, so not in the schema), naming who may read the fields (the
 * record's own visibility declaration) and, where its meaning differs, the description.
 */

/** A visibility declaration of auth/visibility.ts (Public, SignedIn, …), applied to each shared field. */
type Visibility = () => PropertyDecorator;

export interface CreatedDescriptions {
  createdAt?: string;
}
export interface TimestampDescriptions extends CreatedDescriptions {
  updatedAt?: string;
}
export interface VersionDescriptions extends TimestampDescriptions {
  version?: string;
}
export interface ActiveDescriptions extends VersionDescriptions {
  /** What being inactive means for this record: always its own. */
  active: string;
}

const DEFAULT_DESCRIPTIONS = {
  createdAt: '创建时间 When it was registered',
  updatedAt: '更新时间 When it last changed',
  version: '版本号：修改时须回传 Version; send it back when updating',
};

/** A node that is written once: it has the moment it was created. */
export function CreatedNode(visibility: Visibility, descriptions: CreatedDescriptions = {}) {
  @ObjectType()
  abstract class CreatedRecord extends Node {
    @visibility()
    @Field(() => DateTimeScalar, { description: descriptions.createdAt ?? DEFAULT_DESCRIPTIONS.createdAt })
    createdAt!: Date;
  }
  return CreatedRecord;
}

/** A node with the moments it was created and last changed. */
export function TimestampedNode(visibility: Visibility, descriptions: TimestampDescriptions = {}) {
  @ObjectType()
  abstract class TimestampedRecord extends CreatedNode(visibility, descriptions) {
    @visibility()
    @Field(() => DateTimeScalar, { description: descriptions.updatedAt ?? DEFAULT_DESCRIPTIONS.updatedAt })
    updatedAt!: Date;
  }
  return TimestampedRecord;
}

/** A timestamped node whose writers send back the version they read. */
export function VersionedNode(visibility: Visibility, descriptions: VersionDescriptions = {}) {
  @ObjectType()
  abstract class VersionedRecord extends TimestampedNode(visibility, descriptions) {
    @visibility()
    @Field(() => Int, { description: descriptions.version ?? DEFAULT_DESCRIPTIONS.version })
    version!: number;
  }
  return VersionedRecord;
}

/** A versioned node that is deactivated rather than deleted. */
export function ActiveNode(visibility: Visibility, descriptions: ActiveDescriptions) {
  @ObjectType()
  abstract class ActiveRecord extends VersionedNode(visibility, descriptions) {
    @visibility()
    @Field({ description: descriptions.active })
    active!: boolean;
  }
  return ActiveRecord;
}
