import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import { RolesOnly, SignedIn } from '../../auth/visibility';
import { Action, assertCanRead } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { loadNodeByType } from '../../graphql/node.resolver';
import { Node, toConnection, toPageRequest, type ConnectionResult } from '../../graphql/relay';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { listAuditEvents, readChanges, type FeedPage } from './audit.reader';
import {
  AuditActorType,
  AuditEventConnection,
  AuditEventsArgs,
  AuditEventType,
  ChangeFeedType,
  ChangeRecordType,
  ChangeType,
  FieldChangeType,
  isNodeRecordType,
  publicRecordId,
  type ChangeRecord,
} from './audit.types';

function recordOf(ctx: Context, change: ChangeRecord): Promise<{ __typename: string } | null> | null {
  if (change.operation === 'DELETE' || !isNodeRecordType(change.recordType)) return null;
  return loadNodeByType(ctx, change.recordType, change.localId);
}

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @RolesOnly(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: '审计日志（最新在前，仅组织部管理员）The audit trail, newest first; administrators only' })
  async auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ChangeRecord>> {
    assertCanRead(ctx, Action.READ_AUDIT);
    return toConnection(await listAuditEvents(ctx.db, args.filter, toPageRequest(args, 2)));
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => ID, { description: '记录 ID（可用 node 查询的为全局 ID）Record ID: a global ID where node(id) can fetch it' })
  recordId(@Root() event: ChangeRecord): string {
    return publicRecordId(event);
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => Node, { nullable: true, description: '记录的当前状态（已删除时为空）The record as it is now; null once deleted' })
  record(@Root() event: ChangeRecord, @Ctx() ctx: Context): Promise<{ __typename: string } | null> | null {
    return recordOf(ctx, event);
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => AuditActorType, { description: '操作者 Who made the change' })
  actor(@Root() event: ChangeRecord): AuditActorType {
    return { kind: event.actorKind, id: event.actorId, name: event.actorName };
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
      '变更流：按提交顺序列出某游标之后已提交的每一次变更（删除为墓碑），每条恰好一次；同步方保存 endCursor 下次继续 The change feed: every committed change after a cursor, exactly once, in commit-safe order (deletions as tombstones); keep endCursor and pass it as `after` next time',
  })
  changes(
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true, description: '上次返回的 endCursor；不传则从头开始 The endCursor you got last time; omit to start from the beginning' }) after?: string,
    @Arg('types', () => [ChangeRecordType], { nullable: true, description: '只要这些类型的记录 Only these record types' }) types?: ChangeRecordType[],
    @Arg('first', () => Int, { defaultValue: 100, description: '最多条数（1–500）At most this many changes (1–500)' }) first?: number,
  ): Promise<FeedPage> {
    return readChanges(ctx.db, after, types, first ?? 100);
  }

  @SignedIn()
  @FieldResolver(() => ID, { description: '记录 ID（可用 node 查询的为全局 ID）Record ID: a global ID where node(id) can fetch it' })
  recordId(@Root() change: ChangeRecord): string {
    return publicRecordId(change);
  }

  @SignedIn()
  @FieldResolver({ description: '是否为删除墓碑 Whether this is a deletion tombstone' })
  tombstone(@Root() change: ChangeRecord): boolean {
    return change.operation === 'DELETE';
  }

  @SignedIn()
  @FieldResolver(() => Node, { nullable: true, description: '记录的当前状态（墓碑或非节点类型为空）The record as it is now; null for tombstones and non-node records' })
  record(@Root() change: ChangeRecord, @Ctx() ctx: Context): Promise<{ __typename: string } | null> | null {
    return recordOf(ctx, change);
  }
}
