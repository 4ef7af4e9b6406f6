import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { gatedResolveType, Public } from '../auth/visibility';
import type { Context } from './context';
import { badInputOf, fromGlobalId, MAX_PAGE_SIZE, Node, type NodeTypeName } from './relay';
import { planRecords } from './plan/planner';
import type { SqlFragment } from '../db/sql';

type NodeRecord = { __typename: string };

/** node(id)/nodes(ids): any object by its global ID, through the same loaders as every other read. */
@Resolver()
export class NodeResolver {
  @Public()
  @Query(() => Node, { nullable: true, description: '按全局 ID 取对象 Fetch any object by its global ID' })
  node(@Arg('id', () => ID, { description: '全局 ID Global ID' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<NodeRecord | null> {
    return loadNodes(ctx, info, [id]).then(([node]) => node);
  }

  @Public()
  @Query(() => [Node], { nullable: 'items', description: '按全局 ID 批量取对象，顺序与输入一致，不存在的为 null Fetch objects by global IDs, in order; null where none exists' })
  nodes(
    @Arg('ids', () => [ID], { description: '全局 ID 列表（至多100个）Global IDs (at most 100)' }) ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(NodeRecord | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw badInputOf('TOO_MANY_IDS', { max: MAX_PAGE_SIZE }, 'ids');
    return loadNodes(ctx, info, ids);
  }
}

/**
 * Types the planner reads (graphql/plan): node(id)/nodes(ids) plan their `... on Type` selections
 * into one statement per type asked for; the rest go through the request's loaders. The value is
 * the SQL type of the local id (a grid worker's stationing is keyed by "stationId:personId" text).
 */
const PLANNED_NODE_TYPES: { [Type in NodeTypeName]?: 'uuid' | 'int' | 'text' } = {
  Station: 'uuid',
  Region: 'int',
  ServiceCircle: 'uuid',
  Department: 'uuid',
  Platform: 'uuid',
  ServiceItem: 'uuid',
  StationServiceItem: 'uuid',
  Organization: 'uuid',
  Person: 'uuid',
  Activity: 'uuid',
  Need: 'uuid',
  NeedTransition: 'uuid',
  NeedClaim: 'uuid',
  Meeting: 'uuid',
  MeetingAgendaItem: 'uuid',
  VolunteerTeam: 'uuid',
  VolunteerTeamMember: 'uuid',
  DeliberationVenue: 'uuid',
  ConstructionPlan: 'uuid',
  CoBuilding: 'uuid',
  DutyShift: 'uuid',
  ExternalRef: 'uuid',
  ExternalRefSystem: 'text',
  StationGridWorker: 'text',
  ApiClient: 'uuid',
  WebhookSubscription: 'uuid',
  WebhookDelivery: 'uuid',
};

/**
 * Node types whose records a caller sees only some of (webhooks: only its own client's): the
 * condition on a row (alias given), added to the planned statement, as their loaders scope them.
 */
const NODE_SCOPES: { [Type in NodeTypeName]?: (ctx: Context, t: string) => SqlFragment } = {};

/** Declares which records of a planned node type the caller may fetch by node(id) (see NODE_SCOPES). */
export function registerNodeScope(type: NodeTypeName, scope: (ctx: Context, t: string) => SqlFragment): void {
  if (NODE_SCOPES[type]) throw new Error(`${type} already has a node scope`);
  NODE_SCOPES[type] = scope;
}

async function loadNodes(ctx: Context, info: GraphQLResolveInfo, ids: readonly string[]): Promise<(NodeRecord | null)[]> {
  const parsed = ids.map((id) => fromGlobalId(id));
  const planned = new Map<NodeTypeName, string[]>();
  for (const entry of parsed) {
    if (!entry) continue;
    // Refused before any read when the caller may not read records of that type.
    gatedResolveType({ __typename: entry.type }, ctx, info);
    if (!PLANNED_NODE_TYPES[entry.type]) continue;
    const list = planned.get(entry.type) ?? [];
    list.push(entry.localId);
    planned.set(entry.type, list);
  }
  const fetched = new Map<NodeTypeName, Map<string, Record<string, unknown>>>();
  for (const [type, localIds] of planned) {
    const scope = NODE_SCOPES[type];
    const where = scope ? (t: string) => scope(ctx, t) : undefined;
    fetched.set(type, await planRecords(ctx, info, type, [...new Set(localIds)], PLANNED_NODE_TYPES[type]!, { abstract: true, where }));
  }
  return Promise.all(
    // eslint-disable-next-line @typescript-eslint/await-thenable -- planned records are values, the others promises
    parsed.map((entry) => {
      if (!entry) return null;
      const plannedRows = fetched.get(entry.type);
      if (plannedRows) return (plannedRows.get(entry.localId) as NodeRecord | undefined) ?? null;
      const load = NODE_LOADERS[entry.type];
      return load ? load(ctx, entry.localId) : null;
    }),
  );
}

/** How each node type is loaded: always through the request's loaders, so reads batch and obey one set of rules. */
const NODE_LOADERS: { [Type in NodeTypeName]?: (ctx: Context, localId: string) => Promise<NodeRecord | null> } = {
  Station: (ctx, id) => ctx.loaders.stationById.load(id),
  ServiceCircle: (ctx, id) => ctx.loaders.circleById.load(id),
  Region: (ctx, id) => ctx.loaders.regionById.load(Number(id)),
  Department: (ctx, id) => ctx.loaders.departmentById.load(id),
  Organization: (ctx, id) => ctx.loaders.organizationById.load(id),
  Platform: (ctx, id) => ctx.loaders.platformById.load(id),
  CoBuilding: (ctx, id) => ctx.loaders.coBuildingById.load(id),
  Activity: (ctx, id) => ctx.loaders.activityById.load(id),
  VolunteerTeam: (ctx, id) => ctx.loaders.volunteerTeamById.load(id),
  VolunteerTeamMember: (ctx, id) => ctx.loaders.volunteerTeamMemberById.load(id),
  DeliberationVenue: (ctx, id) => ctx.loaders.deliberationVenueById.load(id),
  ServiceItem: (ctx, id) => ctx.loaders.serviceItemById.load(id),
  StationServiceItem: (ctx, id) => ctx.loaders.stationServiceItemById.load(id),
  Person: (ctx, id) => ctx.loaders.personById.load(id),
  DutyShift: (ctx, id) => ctx.loaders.dutyShiftById.load(id),
};

/**
 * Adds how a node type is loaded, for the feature modules whose records the kernel does not know
 * (they call it when their module is loaded, before the schema is built). One loader per type.
 */
export function registerNodeLoader(type: NodeTypeName, load: (ctx: Context, localId: string) => Promise<NodeRecord | null>): void {
  if (NODE_LOADERS[type]) throw new Error(`${type} already has a node loader`);
  NODE_LOADERS[type] = load;
}

/** Loads a record of a node type by its local id, through the request's loaders; null for types without one. */
export function loadNodeByType(ctx: Context, type: NodeTypeName, localId: string): Promise<NodeRecord | null> {
  const load = NODE_LOADERS[type];
  return load ? load(ctx, localId) : Promise.resolve(null);
}
