import { SortDirection } from '../station/station.inputs';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { maskName } from '../../auth/masking';
import { Role } from '../../auth/roles';
import { PersonalData, RolesOnly, SignedIn } from '../../auth/visibility';
import { Action, assertCanRead, personalValueAt } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { loadNodeByType } from '../../graphql/node.resolver';
import { Node, toPageRequest, type NodeTypeName } from '../../graphql/relay';
import { apiClientLoader } from '../api-client/api-client.reader';
import { ApiClientType, type ApiClientRecord } from '../api-client/api-client.types';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { auditEventList, readChanges, readFeedHead, type FeedPage } from './audit.reader';
import { planConnection } from '../../graphql/plan/planner';
import {
  actorOfChange,
  AuditEventConnection,
  AuditEventsArgs,
  AuditEventType,
  ChangeActorType,
  ChangeFeedType,
  ChangeRecordType,
  ChangeType,
  FieldChangeType,
  publicRecordId,
  type ChangeActorRecord,
  type ChangeRecord,
} from './audit.types';

function recordOf(ctx: Context, change: ChangeRecord): Promise<{ __typename: string } | null> | null {
  if (change.operation === 'DELETE') return null;
  return loadNodeByType(ctx, change.recordType as NodeTypeName, change.localId);
}

/** Whether the caller made the change: with the same API client, or as the same user. */
function isViewer(ctx: Context, actor: ChangeActorRecord): boolean {
  const { principal } = ctx;
  if (principal.kind === 'anonymous' || actor.id === null) return false;
  return principal.id === actor.id && (principal.kind === 'client' ? actor.kind === 'API_CLIENT' : actor.kind === 'USER');
}

@Resolver(() => ChangeActorType)
export class ChangeActorResolver {
  @SignedIn()
  @FieldResolver(() => ApiClientType, { nullable: true, description: '接口客户端（操作者为接口客户端时）The API client, when an API client made the change' })
  apiClient(@Root() actor: ChangeActorRecord, @Ctx() ctx: Context): Promise<ApiClientRecord | null> | null {
    return actor.kind === 'API_CLIENT' && actor.id ? apiClientLoader(ctx.db).load(actor.id) : null;
  }

  @SignedIn()
  @FieldResolver(() => DepartmentType, { nullable: true, description: '操作者所代表的部门 The department the actor acted for' })
  department(@Root() actor: ChangeActorRecord, @Ctx() ctx: Context): Promise<DepartmentRecord | null> | null {
    return actor.departmentId ? ctx.loaders.departmentById.load(actor.departmentId) : null;
  }

  @PersonalData('NAME')
  @FieldResolver(() => String, {
    nullable: true,
    description:
      '管理端用户的姓名（操作者为用户时）：管理员和本人可见全名，合作部门和街道社区操作员看到脱敏姓名，分析人员不可见 The admin-frontend user’s name, when a user made the change: whole for administrators and the user, masked for partners and operators, null for analysts',
  })
  userName(@Root() actor: ChangeActorRecord, @Ctx() ctx: Context): string | null {
    if (actor.kind !== 'USER' || !actor.name) return null;
    return isViewer(ctx, actor) ? actor.name : personalValueAt(ctx.principal, actor.name, null, maskName);
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => String, {
    nullable: true,
    description: '管理端用户的标识（统一身份认证 sub，仅管理员可见）The user’s subject at the identity provider; administrators only',
  })
  userSubject(@Root() actor: ChangeActorRecord): string | null {
    return actor.kind === 'USER' ? actor.id : null;
  }

  @SignedIn()
  @FieldResolver({
    description:
      '是否为调用方自己所做（同一接口客户端或同一用户）：同步方据此跳过自己写入的变更，避免回环 Whether the caller made it (the same API client, or the same user): a syncing system skips its own writes by this, so it never loops',
  })
  isViewer(@Root() actor: ChangeActorRecord, @Ctx() ctx: Context): boolean {
    return isViewer(ctx, actor);
  }
}

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @RolesOnly(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: '审计日志（默认最新在前，仅组织部管理员）The audit trail, newest first unless ordered otherwise; administrators only' })
  auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    assertCanRead(ctx, Action.READ_AUDIT);
    return planConnection(ctx, info, auditEventList(args.filter, (args.orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC, toPageRequest(args, 2)));
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => ID, { description: '记录的全局 ID（可用 node 查询；已删除的记录查不到）The record’s global ID, which node(id) fetches while the record exists' })
  recordId(@Root() event: ChangeRecord): string {
    return publicRecordId(event);
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => Node, { nullable: true, description: '记录的当前状态（已删除时为空）The record as it is now; null once deleted' })
  record(@Root() event: ChangeRecord, @Ctx() ctx: Context): Promise<{ __typename: string } | null> | null {
    return recordOf(ctx, event);
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => ChangeActorType, { description: '操作者 Who made the change' })
  actor(@Root() event: ChangeRecord): ChangeActorRecord {
    return actorOfChange(event);
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => DepartmentType, { nullable: true, description: '操作者所代表的部门 The department the actor acted for' })
  department(@Root() event: ChangeRecord, @Ctx() ctx: Context): Promise<DepartmentRecord | null> | null {
    return event.departmentId ? ctx.loaders.departmentById.load(event.departmentId) : null;
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => [FieldChangeType], { description: '变更的字段及前后值（个人信息已脱敏）Fields changed, before and after; personal values masked' })
  changes(@Root() event: ChangeRecord): FieldChangeType[] {
    return Object.entries(event.changes).map(([field, { before, after }]) => ({ field, before, after }));
  }
}

@Resolver(() => ChangeType)
export class ChangeFeedResolver {
  @SignedIn()
  @Query(() => ChangeFeedType, {
    description:
      '变更流：按提交顺序列出某游标之后已提交的每一次变更（删除为墓碑），每条恰好一次；同步方保存 endCursor 下次继续。首次同步请先取 changesHead，再读取全量数据，之后从该游标开始轮询（见 README“五步完成同步”）The change feed: every committed change after a cursor, exactly once, in commit-safe order (deletions as tombstones); keep endCursor and pass it as `after` next time. To start, take changesHead, then read the lists, then poll from that cursor (README: Syncing in five steps)',
  })
  changes(
    @Ctx() ctx: Context,
    @Arg('after', () => String, {
      nullable: true,
      description:
        '上次返回的 endCursor 或 changesHead；不传则从变更流的开头开始（开头之前的数据，如初始化数据，不在变更流中）The endCursor you got last time, or changesHead; omit to start at the beginning of the feed (records that predate it, such as the seed, are not in it)',
    })
    after?: string,
    @Arg('types', () => [ChangeRecordType], { nullable: true, description: '只要这些类型的记录 Only these record types' }) types?: ChangeRecordType[],
    @Arg('first', () => Int, { defaultValue: 100, description: '最多条数（1–500）At most this many changes (1–500)' }) first?: number,
  ): Promise<FeedPage> {
    return readChanges(ctx.db, after, types, first ?? 100);
  }

  @SignedIn()
  @Query(() => String, {
    description:
      '变更流当前末尾的游标，不必翻阅历史：作为 changes 的 after 传入，只得到此后可见的变更。首次同步时先取它，再读取全量数据 The cursor at the feed’s current end, without paging through history: passed to changes as `after`, it yields only what becomes visible from now on. On a first sync, take it before reading the lists',
  })
  changesHead(@Ctx() ctx: Context): Promise<string> {
    return readFeedHead(ctx.db);
  }

  @SignedIn()
  @FieldResolver(() => ID, {
    description:
      '记录的全局 ID（可用 node 查询；墓碑的 ID 即已删除记录的 deletedId）The record’s global ID, which node(id) fetches; a tombstone’s is the deleted record’s deletedId',
  })
  recordId(@Root() change: ChangeRecord): string {
    return publicRecordId(change);
  }

  @SignedIn()
  @FieldResolver({ description: '是否为删除墓碑 Whether this is a deletion tombstone' })
  tombstone(@Root() change: ChangeRecord): boolean {
    return change.operation === 'DELETE';
  }

  @SignedIn()
  @FieldResolver(() => Node, { nullable: true, description: '记录的当前状态（墓碑为空；您无权读取的类型会被拒绝）The record as it is now; null for tombstones' })
  record(@Root() change: ChangeRecord, @Ctx() ctx: Context): Promise<{ __typename: string } | null> | null {
    return recordOf(ctx, change);
  }

  @SignedIn()
  @FieldResolver(() => ChangeActorType, { description: '操作者：据 actor.isViewer 跳过自己的写入 Who made the change; skip your own writes by actor.isViewer' })
  actor(@Root() change: ChangeRecord): ChangeActorRecord {
    return actorOfChange(change);
  }
}
