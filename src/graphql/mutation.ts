import { Field, ObjectType } from 'type-graphql';
import { Public } from '../auth/visibility';
import { LockMode, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context';
import { userError, UserError, UserErrorCode, UserErrorsException, type UserErrorDetails } from './errors';
import { translate, type MessageKey, type MessageParams } from '../i18n/messages';
import type { Locale } from '../i18n/locale';

/** What adopting an existing record takes: the addExternalRef arguments, in the API's words. */
export interface AdoptionHint {
  /** The ExternalRecordType name, e.g. ORGANIZATION. */
  type: string;
  system: string;
  externalId: string;
}

/** Collects the user errors of one mutation input; field paths are relative to `input`. */
export class Problems {
  readonly errors: UserError[] = [];
  constructor(private readonly locale: Locale) {}

  add(field: string, code: UserErrorCode, key: MessageKey, params?: MessageParams, details?: UserErrorDetails): void {
    this.errors.push(userError(this.locale, ['input', ...field.split('.')], code, key, params, details));
  }

  /**
   * The input collides with an existing record: ALREADY_EXISTS on `field`, its global ID in
   * `existingId`. With `adopt` (a first sync by an external reference that names no record yet),
   * the message goes on to say how to adopt the record with addExternalRef.
   */
  exists(field: string, key: MessageKey, params: MessageParams, existingId: string | null, adopt?: AdoptionHint): void {
    const error = userError(this.locale, ['input', ...field.split('.')], UserErrorCode.ALREADY_EXISTS, key, params, existingId ? { existingId } : {});
    if (adopt && existingId) error.message = `${error.message}${this.locale === 'zh' ? '' : ' '}${translate(this.locale, 'ADOPT_WITH_EXTERNAL_REF', { ...adopt, existingId })}`;
    this.errors.push(error);
  }

  /** A stale version: CONFLICT on `field`, naming the current version in the message and in `currentVersion`. */
  conflict(field: string, kind: RecordKind, given: number, current: number): void {
    this.add(field, UserErrorCode.CONFLICT, 'RECORD_VERSION_CONFLICT', { kindZh: kind.zh, kind: kind.en, given, current }, { currentVersion: current });
  }

  /** An ID that is not a global ID of the expected type (malformed, or another type's): INVALID. */
  invalidId(field: string, kind: RecordKind): void {
    this.add(field, UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: kind.zh, kind: kind.en });
  }

  /**
   * Checks a version the caller read: versions start at 1, so anything lower is INVALID (never a
   * CONFLICT: no version of the record could have matched). Returns whether it is one.
   */
  checkVersion(version: number | null | undefined, field = 'version'): boolean {
    if (version == null || (Number.isInteger(version) && version >= 1)) return true;
    this.add(field, UserErrorCode.INVALID, 'VERSION_INVALID', { given: version });
    return false;
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  /** Throws (rolling back the surrounding transaction) when anything was added. */
  throwIfAny(): void {
    if (this.errors.length) throw new UserErrorsException(this.errors);
  }
}

/**
 * Runs a mutation's work and returns its value, or the user errors that rolled it back.
 * The request's EntityManager is cleared afterwards: reads after a write go through plain SQL,
 * never through stale managed entities.
 */
export async function withUserErrors<T>(ctx: Context, work: () => Promise<T>): Promise<{ value: T | null; userErrors: UserError[] }> {
  try {
    return { value: await work(), userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrorsException) return { value: null, userErrors: error.errors };
    throw error;
  } finally {
    ctx.em.clear();
  }
}

type ClassType<T = unknown> = new (...args: never[]) => T;

/**
 * Declares a mutation payload type `{ <field>: <type> (null on failure), userErrors }`.
 * `zhField` names the record in Chinese for its description.
 */
export function payloadTypeOf(name: string, description: string, field: { name: string; type: () => ClassType | object; zh: string; en: string }): ClassType {
  @Public()
  @ObjectType(name, { simpleResolvers: true, description })
  class Payload {
    @Public()
    @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
    userErrors!: UserError[];
  }
  Field(field.type, {
    nullable: true,
    description: `${field.zh}（有用户错误时为空）${field.en}; null when there are user errors`,
  })(Payload.prototype, field.name);
  // Who may read the record itself is its type's declaration.
  Public()(Payload.prototype, field.name);
  return Payload;
}

/** Names of a record kind for generic messages: Chinese for the admin frontends, English for partners. */
export interface RecordKind {
  zh: string;
  en: string;
}

/**
 * Loads a versioned record under a row lock and checks it is at the version the caller read. A
 * missing record or a stale version is a user error (rolling the unit of work back).
 */
export async function lockVersioned<T extends { version: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
  version: number,
  problems: Problems,
  kind: RecordKind,
): Promise<T> {
  if (!problems.checkVersion(version)) problems.throwIfAny();
  const record = await em.findOne(entity, { id } as FilterQuery<T>, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!record) problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: kind.zh, kind: kind.en });
  else if (record.version !== version) problems.conflict('version', kind, version, record.version);
  problems.throwIfAny();
  return record!;
}

/** Checks a required or optional text: trimmed, non-empty when given, at most `max` characters. */
export function checkText(problems: Problems, field: string, value: string | null | undefined, max: number, label: RecordKind): string | null | undefined {
  if (value == null) return value;
  const trimmed = value.trim();
  if (!trimmed) problems.add(field, UserErrorCode.REQUIRED, 'TEXT_REQUIRED', { labelZh: label.zh, label: label.en });
  else if ([...trimmed].length > max) problems.add(field, UserErrorCode.TOO_LONG, 'TEXT_TOO_LONG', { labelZh: label.zh, label: label.en, max });
  return trimmed;
}
