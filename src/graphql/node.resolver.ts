import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { badInput, fromGlobalId, MAX_PAGE_SIZE, Node } from './relay';

type NodeRecord = { __typename: string };

/** node(id)/nodes(ids): any object by its global ID, through the same loaders as every other read. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: '按全局 ID 取对象 Fetch any object by its global ID' })
  node(@Arg('id', () => ID, { description: '全局 ID Global ID' }) id: string, @Ctx() ctx: Context): Promise<NodeRecord | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: '按全局 ID 批量取对象，顺序与输入一致，不存在的为 null Fetch objects by global IDs, in order; null where none exists' })
  nodes(@Arg('ids', () => [ID], { description: '全局 ID 列表（至多100个）Global IDs (at most 100)' }) ids: string[], @Ctx() ctx: Context): Promise<(NodeRecord | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw badInput(`Pass at most ${MAX_PAGE_SIZE} ids`, 'ids');
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}

async function loadNode(ctx: Context, id: string): Promise<NodeRecord | null> {
  const parsed = fromGlobalId(id);
  if (!parsed) return null;
  switch (parsed.type) {
    case 'Station':
      return ctx.loaders.stationById.load(parsed.localId);
    case 'ServiceCircle':
      return ctx.loaders.circleById.load(parsed.localId);
    case 'Region':
      return ctx.loaders.regionById.load(Number(parsed.localId));
  }
}
