import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../auth/visibility';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { translate, type MessageKey, type MessageParams } from '../i18n/messages';
import type { Locale } from '../i18n/locale';
import { classifyDatabaseFailure } from '../db/failures';

/** Stable `extensions.code` values of GraphQL errors (malformed or refused requests). */
export enum ErrorCode {
  /** An argument is malformed: bad cursor, page size out of range, unknown enum value. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The query does not validate against the schema. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The request needs credentials. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller may not do this. */
  FORBIDDEN = 'FORBIDDEN',
  /** The Idempotency-Key was first used with a different request (HTTP 422). */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key is still running (HTTP 409); retry shortly. */
  IDEMPOTENCY_KEY_IN_PROGRESS = 'IDEMPOTENCY_KEY_IN_PROGRESS',
  /**
   * The document is over a limit checked before it runs (cost, depth, aliases, top-level fields,
   * directives, tokens); `extensions.limit` names which, with `maximum` and `actual`. HTTP 400.
   */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The caller's budget of cost points is spent; `extensions.retryAfter` (s) and the Retry-After header say when to retry. HTTP 429. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The request ran past its time budget and its SQL was cancelled in the database. */
  TIMEOUT = 'TIMEOUT',
  /** The database is down, restarting or has no free connection; retry shortly (HTTP 503). Carries the request id. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Something failed on our side; the response carries the request id to quote. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Stable codes of user errors returned in mutation payloads. */
export enum UserErrorCode {
  /** 必填项为空 A required value is empty. */
  REQUIRED = 'REQUIRED',
  /**
   * 格式或取值不合法 A value is malformed or out of its allowed range — including an ID that is not
   * a global ID of the expected type and a version below 1.
   */
  INVALID = 'INVALID',
  /** 超出长度 A text is too long. */
  TOO_LONG = 'TOO_LONG',
  /** 坐标不在中国境内 Coordinates are outside China. */
  OUT_OF_BOUNDS = 'OUT_OF_BOUNDS',
  /** 引用的记录不存在 A referenced record does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** 版本冲突 The record changed since the caller read it. */
  CONFLICT = 'CONFLICT',
  /** 状态变更不允许 The status change is not allowed from the current status. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** 记录已归档 The record is archived and read-only. */
  ARCHIVED = 'ARCHIVED',
  /** 无权操作 The caller may not change this record. */
  FORBIDDEN = 'FORBIDDEN',
  /** 记录仍被引用，不能删除（只能停用）The record is still referenced: it cannot be deleted, only deactivated. */
  IN_USE = 'IN_USE',
  /**
   * 记录已存在 The input names a record that already exists (a code, credit code, owner reference or
   * pair already taken); `existingId` is that record's global ID. On a first sync (upsert…), adopt it
   * with addExternalRef, as the message says.
   */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: '用户错误代码 Stable code of a user error; branch on this, show the message',
  valuesConfig: {
    REQUIRED: { description: '必填项为空 A required value is empty' },
    INVALID: {
      description:
        '格式或取值不合法（含格式不对或属于其他类型记录的 ID、小于 1 的版本号）A value is malformed or out of its allowed range, including an ID that is not a global ID of the expected type and a version below 1',
    },
    TOO_LONG: { description: '超出长度 A text is longer than allowed' },
    OUT_OF_BOUNDS: { description: '坐标不在中国境内 Coordinates lie outside China' },
    NOT_FOUND: {
      description: '引用的记录不存在（ID 格式正确，但没有这条记录或您无权看到它）A referenced record does not exist: the ID is well formed but names no record you can see',
    },
    CONFLICT: { description: '版本冲突：记录已被他人修改，currentVersion 为当前版本 The record changed since the caller read it; currentVersion gives its version now' },
    INVALID_TRANSITION: { description: '不允许的状态变更 The status change is not allowed from the current status' },
    ARCHIVED: { description: '记录已归档，只读 The record is archived and read-only' },
    FORBIDDEN: { description: '无权操作 The caller may not change this record' },
    IN_USE: { description: '记录仍被引用，不能删除，只能停用 The record is still referenced; it cannot be deleted, only deactivated' },
    ALREADY_EXISTS: {
      description:
        '记录已存在：existingId 为已有记录的全局 ID；首次同步时可用 addExternalRef 把您的编号关联到它 A record with this code, credit code, owner reference or pair already exists; existingId is its global ID. On a first sync, adopt it with addExternalRef',
    },
  },
});

@Public()
@ObjectType('UserError', {
  simpleResolvers: true,
  description: '用户错误 A problem with the input that the caller can fix; nothing was changed',
})
export class UserError {
  @Public()
  @Field(() => [String], { description: '出错字段路径 Path of the input field at fault, e.g. ["input", "name"]' })
  field!: string[];

  @Public()
  @Field(() => UserErrorCode, { description: '错误代码 Stable error code' })
  code!: UserErrorCode;

  @Public()
  @Field({ description: '错误说明（按 Accept-Language 为中文或英文）Message in Chinese, or English when Accept-Language asks for it' })
  message!: string;

  @Public()
  @Field(() => Int, {
    nullable: true,
    description:
      '记录的当前版本号（仅 CONFLICT 时有值）：重新读取后用它重试，无需解析说明文字 The record’s current version, set with CONFLICT: re-read the record and retry with it, no need to parse the message',
  })
  currentVersion?: number | null;

  @Public()
  @Field(() => ID, {
    nullable: true,
    description:
      '与输入冲突的已有记录的全局 ID（如编码、信用代码或本部门编号已被使用，或同步时记录已存在）：可用 node 查询，或用 addExternalRef 把您的外部编号关联到它 Global ID of the existing record the input collides with (a code, credit code or owner reference already taken, a record that already exists on first sync): fetch it with node(id), or adopt it with addExternalRef',
  })
  existingId?: string | null;
}

/** What a user error says besides its message, as fields a caller can branch on. */
export interface UserErrorDetails {
  /** The record's current version (CONFLICT). */
  currentVersion?: number;
  /** The existing record the input collides with, as a global ID. */
  existingId?: string;
}

const LOCALIZATION = Symbol('localization');

/** A message key and its parameters, carried by an error until the request's language is known. */
interface Localization {
  key: MessageKey;
  params: MessageParams;
}

/**
 * A GraphQL error whose message follows the request's Accept-Language, like user errors: thrown
 * where the language is not at hand (a reader, the authenticator), translated once the request
 * meets its errors (see localizeErrors). Until then its message is in Chinese, the default.
 */
export function localizedError(key: MessageKey, params: MessageParams, extensions: Record<string, unknown>): GraphQLError {
  const error = new GraphQLError(translate('zh', key, params), { extensions });
  (error as unknown as Record<symbol, Localization>)[LOCALIZATION] = { key, params };
  return error;
}

/** Codes of graphql-js's and Apollo's own refusals, whose English text gets a Chinese lead sentence. */
const FOREIGN_CODES = new Set<string>(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/** Whether a text already has Chinese in it (our own messages). */
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * Puts every error of a request in its language: ours by their message key; graphql-js's and
 * Apollo's own (English) refusals, in Chinese, behind a lead sentence that says what kind of
 * problem it is. Errors already in the request's language are left alone.
 */
export function localizeErrors(errors: readonly GraphQLError[], locale: Locale): void {
  for (const error of errors) {
    const source = [error, error.originalError].find((candidate) => candidate && LOCALIZATION in candidate) as Record<symbol, Localization> | undefined;
    if (source) {
      const { key, params } = source[LOCALIZATION];
      error.message = translate(locale, key, params);
      continue;
    }
    const code = String(error.extensions?.code ?? '');
    if (locale === 'zh' && FOREIGN_CODES.has(code) && !HAS_CHINESE.test(error.message)) {
      error.message = translate('zh', code as 'GRAPHQL_VALIDATION_FAILED', { detail: error.message });
    }
  }
}

/** Builds a localized user error. */
export function userError(locale: Locale, field: string[], code: UserErrorCode, key: MessageKey, params: MessageParams = {}, details: UserErrorDetails = {}): UserError {
  return { field, code, message: translate(locale, key, params), currentVersion: details.currentVersion ?? null, existingId: details.existingId ?? null };
}

/**
 * An expected outcome raised inside a service transaction; the resolver turns it into
 * payload userErrors. Throwing it rolls the transaction back, so nothing is changed.
 */
export class UserErrorsException extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => error.code).join(', '));
  }
}

/** What a request knows about itself when one of its errors is turned into a typed one. */
export interface ErrorScope {
  requestId: string;
  locale: Locale;
  /** The request's time budget, quoted in TIMEOUT messages. */
  requestTimeoutMs: number;
}

/**
 * A database failure as the typed error a caller can act on: TIMEOUT (the statement was cancelled)
 * or SERVICE_UNAVAILABLE (HTTP 503, retry shortly) — with the request id, never SQL or driver text.
 * Null when `error` is not one.
 */
export function databaseFailureError(error: unknown, scope: ErrorScope): GraphQLError | null {
  const failure = classifyDatabaseFailure(error);
  if (!failure) return null;
  const { requestId, locale } = scope;
  if (failure === 'TIMEOUT') {
    return new GraphQLError(translate(locale, 'REQUEST_TIMEOUT', { ms: scope.requestTimeoutMs, requestId }), {
      extensions: { code: ErrorCode.TIMEOUT, requestId },
    });
  }
  return new GraphQLError(translate(locale, 'SERVICE_UNAVAILABLE', { requestId }), {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, requestId, http: { status: 503, headers: new Map([['retry-after', '5']]) } },
  });
}

/** Our codes plus the ones Apollo itself raises for malformed requests. */
const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Apollo's formatError: in production, anything that is not one of our typed errors becomes
 * a bare INTERNAL_SERVER_ERROR (no message, no stack, no internals). Field suggestions are
 * removed by Apollo's DisableSuggestions plugin in production.
 */
export function createFormatError(isProduction: boolean) {
  return (formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError => {
    if (!isProduction) return formatted;
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    // Nothing of an internal error reaches the caller — not even Apollo's own wrappers such as
    // "Context creation failed: <driver message with SQL>".
    if (!KNOWN_CODES.has(code) || code === ErrorCode.INTERNAL_SERVER_ERROR) {
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: formatted.extensions?.requestId },
      };
    }
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  };
}
