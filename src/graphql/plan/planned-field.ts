import DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { planFieldOf } from './planner';

/** Per request (per set of loaders: they are renewed after each unit of work): a loader per parent type and field node. */
const loadersByRequest = new WeakMap<object, Map<string, Map<FieldNode, DataLoader<string, unknown>>>>();

/**
 * A planned field (a relation, a count) of a parent the planner did not build (a mutation's payload, a record a loader
 * read): the hand-written resolver of a planned field calls this, so the field reads the same way,
 * with the same arguments and cursors, wherever its parent came from. Parents of one field node are
 * batched into one statement (see planFieldOf).
 */
export function plannedField(ctx: Context, info: GraphQLResolveInfo, typeName: string, key: string, keyType: 'uuid' | 'int' | 'text'): Promise<unknown> {
  let byType = loadersByRequest.get(ctx.loaders);
  if (!byType) loadersByRequest.set(ctx.loaders, (byType = new Map()));
  let byNode = byType.get(typeName);
  if (!byNode) byType.set(typeName, (byNode = new Map()));
  let loader = byNode.get(info.fieldNodes[0]);
  if (!loader) {
    loader = new DataLoader<string, unknown>(async (keys) => {
      const found = await planFieldOf(ctx, info, typeName, keys, keyType);
      return keys.map((each) => found.get(each) ?? null);
    });
    byNode.set(info.fieldNodes[0], loader);
  }
  return loader.load(key);
}
