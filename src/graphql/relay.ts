import { ArgsType, Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';
import { gatedResolveType, Public } from '../auth/visibility';
import type { GraphQLError } from 'graphql';
import { ErrorCode, localizedError } from './errors';
import type { MessageKey, MessageParams } from '../i18n/messages';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Types that can be fetched through node(id), and the shape of their local ids. Platforms share
 * one id space (`Platform`) whatever their concrete kind.
 */
const LOCAL_ID_FORMATS = {
  Station: UUID,
  ServiceCircle: UUID,
  Region: /^[1-9]\d{0,8}$/,
  Department: UUID,
  Platform: UUID,
  ServiceItem: UUID,
  StationServiceItem: UUID,
  Organization: UUID,
  CoBuilding: UUID,
  Person: UUID,
  DutyShift: UUID,
  Activity: UUID,
  Need: UUID,
  NeedTransition: UUID,
  NeedClaim: UUID,
  Meeting: UUID,
  MeetingAgendaItem: UUID,
  VolunteerTeam: UUID,
  VolunteerTeamMember: UUID,
  DeliberationVenue: UUID,
  ConstructionPlan: UUID,
  // Records of the sync and audit machinery: every ID the change feed, the audit trail and
  // webhooks hand out is one node(id) can fetch.
  ExternalRef: UUID,
  ExternalRefSystem: /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/,
  /** A grid worker's stationing: "stationId:personId". */
  StationGridWorker: new RegExp(`^${UUID.source.slice(1, -1)}:${UUID.source.slice(1, -1)}$`),
  ApiClient: UUID,
  WebhookSubscription: UUID,
  WebhookDelivery: UUID,
} as const satisfies Record<string, RegExp>;

export type NodeTypeName = keyof typeof LOCAL_ID_FORMATS;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Opaque global ID: base64url of "Type:localId". */
export function toGlobalId(type: NodeTypeName, localId: string | number): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

/** Decodes a global ID; null when it is not one of ours (unknown type or malformed local id). */
export function fromGlobalId(globalId: string): { type: NodeTypeName; localId: string } | null {
  if (!/^[A-Za-z0-9_-]{4,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  const type = decoded.slice(0, separator);
  const localId = decoded.slice(separator + 1);
  if (!Object.hasOwn(LOCAL_ID_FORMATS, type)) return null;
  return LOCAL_ID_FORMATS[type as NodeTypeName].test(localId) ? { type: type as NodeTypeName, localId } : null;
}

/** Decodes a global ID of an expected type, or null. */
export function localIdOf(globalId: string, type: NodeTypeName): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.localId : null;
}

@Public()
@InterfaceType('Node', {
  description: '可寻址对象 An object with a globally unique, opaque ID that node(id) can fetch again',
  resolveType: gatedResolveType,
})
export abstract class Node {
  @Public()
  @Field(() => ID, { description: '全局唯一标识 Opaque global ID' })
  id!: string;
}

@Public()
@ObjectType('PageInfo', { description: '分页信息 Relay page information' })
export class PageInfo {
  @Public()
  @Field({ description: '是否有下一页 Whether more items follow this page' })
  hasNextPage!: boolean;

  @Public()
  @Field({ description: '是否有上一页 Whether items precede this page' })
  hasPreviousPage!: boolean;

  @Public()
  @Field(() => String, { nullable: true, description: '本页首条游标 Cursor of the first item on this page' })
  startCursor!: string | null;

  @Public()
  @Field(() => String, { nullable: true, description: '本页末条游标 Cursor of the last item on this page' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: '向后取条数（1–100）Number of items after `after` (1–100)' })
  first?: number;

  @Field(() => String, { nullable: true, description: '从此游标之后开始 Return items after this cursor' })
  after?: string;

  @Field(() => Int, { nullable: true, description: '向前取条数（1–100）Number of items before `before` (1–100)' })
  last?: number;

  @Field(() => String, { nullable: true, description: '从此游标之前开始 Return items before this cursor' })
  before?: string;
}

/** Validated paging request: direction, size and the decoded cursor (if any). */
export interface PageRequest {
  /** true when paging backwards (last/before). */
  backward: boolean;
  size: number;
  cursor: unknown[] | null;
}

/**
 * BAD_USER_INPUT with a message in the request's language (see localizedError). The one way to
 * raise it from a resolver or reader: it takes a message key, never a text, so no refusal can be
 * English-only (test/unit/localized-errors.test.ts keeps it so).
 */
export function badInputOf(key: MessageKey, params: MessageParams, field?: string): GraphQLError {
  return localizedError(key, params, { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) });
}

/** What each node type is called in Chinese, for messages about its IDs. */
const NODE_TYPE_NAMES_ZH: Record<NodeTypeName, string> = {
  Station: '驿站',
  ServiceCircle: '15分钟便民服务圈',
  Region: '行政区划',
  Department: '部门',
  Platform: '整合平台',
  ServiceItem: '服务事项',
  StationServiceItem: '下沉记录',
  Organization: '组织',
  CoBuilding: '共建关系',
  Person: '人员',
  DutyShift: '值班',
  Activity: '活动',
  Need: '群众需求',
  NeedTransition: '需求办理记录',
  NeedClaim: '需求认领',
  Meeting: '民生议事厅会议',
  MeetingAgendaItem: '议事议题',
  VolunteerTeam: '志愿服务队伍',
  VolunteerTeamMember: '队员',
  DeliberationVenue: '议事场所',
  ConstructionPlan: '建设计划',
  ExternalRef: '外部编号',
  ExternalRefSystem: '外部系统',
  StationGridWorker: '网格员驻点',
  ApiClient: '接口客户端',
  WebhookSubscription: '推送订阅',
  WebhookDelivery: '推送记录',
};

/**
 * An argument that is not a global ID of the expected type, in the request's language. The
 * Chinese names the type in both words (驿站（Station）) so a partner can match it to the schema.
 */
export function notAnId(field: string, type: NodeTypeName): GraphQLError {
  return badInputOf('ARGUMENT_NOT_AN_ID', { field, kindZh: `${NODE_TYPE_NAMES_ZH[type]}（${type}）`, kind: /^[AEIOU]/.test(type) ? `an ${type}` : `a ${type}` }, field);
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** A value a cursor may hold: a short text PostgreSQL can store, a finite number, or null. */
function isCursorValue(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  // eslint-disable-next-line no-control-regex -- NUL is refused in a cursor
  return typeof value === 'string' && value.length <= 500 && !/\u0000|[\uD800-\uDFFF]/.test(value);
}

/**
 * Decodes an opaque cursor into its values; anything forged that could not be one of ours (not an
 * array of `arity` short texts or numbers) is BAD_USER_INPUT. Each list still checks the values'
 * types against its own order before they reach SQL.
 */
export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    if (cursor.length > 1_000 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw new Error('not a cursor');
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every(isCursorValue)) return values;
  } catch {
    // fall through to the typed error below
  }
  throw badInputOf('CURSOR_INVALID', {}, 'cursor');
}

/** Checks first/last/after/before (first/last 1..100, not both) and decodes the cursor. */
export function toPageRequest(args: ConnectionArgs, arity: number): PageRequest {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw badInputOf('PAGE_FIRST_OR_LAST', {}, 'first');
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw badInputOf('PAGE_SIZE_RANGE', { name, max: MAX_PAGE_SIZE, value }, name);
    }
  }
  if (after != null && before != null) throw badInputOf('PAGE_AFTER_OR_BEFORE', {}, 'after');
  const backward = last != null || (before != null && first == null);
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const rawCursor = backward ? before : after;
  if (!backward && before != null) throw badInputOf('PAGE_BEFORE_WITH_LAST', {}, 'before');
  if (backward && after != null) throw badInputOf('PAGE_AFTER_WITH_FIRST', {}, 'after');
  return { backward, size, cursor: rawCursor != null ? decodeCursor(rawCursor, arity) : null };
}

/** A page of plain records plus the knowledge needed to answer pageInfo and totalCount. */
export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counts every item matching the filter, ignoring paging; only run when asked for. */
  count: () => Promise<number>;
}

/**
 * Turns rows fetched with one extra row (size + 1) in query order into a page in display order.
 * Keyset paging cannot cheaply know whether anything lies on the other side of the cursor, so
 * that flag is "a cursor was given" — the Relay spec allows this.
 */
export function toPage<T>(rows: T[], request: PageRequest, cursorOf: (row: T) => unknown[], count: () => Promise<number>): Page<T> {
  const hasMore = rows.length > request.size;
  const nodes = rows.slice(0, request.size);
  if (request.backward) nodes.reverse();
  return {
    nodes,
    cursors: nodes.map((node) => encodeCursor(cursorOf(node))),
    hasNextPage: request.backward ? request.cursor != null : hasMore,
    hasPreviousPage: request.backward ? hasMore : request.cursor != null,
    count,
  };
}

/** Plain connection object; totalCount is a function the default resolver calls only when asked. */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

export function toConnection<T>(page: Page<T>): ConnectionResult<T> {
  return {
    edges: page.nodes.map((node, index) => ({ cursor: page.cursors[index], node })),
    nodes: page.nodes,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    },
    totalCount: page.count,
  };
}

type ClassType<T = unknown> = new (...args: never[]) => T;

/** An edge with no fields beyond the cursor and the node. */
class PlainEdge {}

type EdgeBase = new () => object;

/**
 * Declares `<Name>Edge` and `<Name>Connection` object types for a node type. `edgeBase` (an abstract
 * `@ObjectType({ isAbstract: true })` class) adds fields to the edge: values that depend on the query
 * rather than the record, such as the distance from a searched point.
 */
export function connectionTypeOf<T>(nodeType: ClassType<T>, name: string, zhName: string, edgeBase: EdgeBase = PlainEdge): ClassType {
  @Public()
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `${zhName}分页条目 An edge in a ${name} connection` })
  class Edge extends edgeBase {
    @Public()
    @Field({ description: '游标 Opaque cursor of this item' })
    cursor!: string;

    @Public()
    @Field(() => nodeType, { description: `${zhName} The ${name} itself` })
    node!: T;
  }

  @Public()
  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `${zhName}分页列表 A Relay page of ${name} items` })
  class Connection {
    @Public()
    @Field(() => [Edge], { description: '条目（含游标）Items with their cursors' })
    edges!: Edge[];

    @Public()
    @Field(() => [nodeType], { description: '条目 Items of this page, without cursors' })
    nodes!: T[];

    @Public()
    @Field(() => PageInfo, { description: '分页信息 Paging information' })
    pageInfo!: PageInfo;

    @Public()
    @Field(() => Int, { description: '符合条件的总数（不受分页影响）Number of items matching the filter, across all pages' })
    totalCount!: number;
  }
  return Connection;
}
