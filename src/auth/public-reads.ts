import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../graphql/context';
import { ErrorCode } from '../graphql/errors';
import type { NodeTypeName } from '../graphql/relay';
import { requestScope } from '../graphql/request-scope';

/**
 * What anonymous callers (public and resident apps) may read: public station facts — the
 * station registry, its regions and service circles, opening hours, the platforms and service
 * items a station offers and the departments behind them. People, organizations, co-building,
 * activities and duty rosters need credentials.
 */
const PUBLIC_QUERIES = new Set([
  'station',
  'stations',
  'node',
  'nodes',
  'region',
  'regions',
  'serviceCircle',
  'serviceCircles',
  'viewer',
  'platform',
  'platforms',
  'platformByOwnerRef',
  // Anonymous callers may look up public record types only (checked in the resolver).
  'recordByExternalRef',
  'serviceItem',
  'serviceItems',
  'stationServiceItem',
  'department',
  'departments',
]);

/** Station fields that lead to people, organizations or internal records. */
const PRIVATE_STATION_FIELDS = new Set(['coBuildings', 'activities', 'managingOrganization', 'contactCadre', 'gridWorkers', 'dutyShifts', 'onDuty']);

/** Object types that are not public at all. */
const PRIVATE_TYPES = new Set(['Person', 'Organization', 'CoBuilding', 'Activity', 'DutyShift', 'StationGridWorker']);

/** Node types anonymous callers may fetch by ID. */
export const PUBLIC_NODE_TYPES: ReadonlySet<NodeTypeName> = new Set<NodeTypeName>([
  'Station',
  'Region',
  'ServiceCircle',
  'Department',
  'Platform',
  'ServiceItem',
  'StationServiceItem',
]);

export function signInToRead(): GraphQLError {
  return new GraphQLError('Sign in to read this: anonymous callers see public station facts only', {
    extensions: { code: ErrorCode.FORBIDDEN },
  });
}

export function isPublicField(parentType: string, field: string): boolean {
  if (parentType === 'Mutation') return true;
  if (parentType === 'Query') return PUBLIC_QUERIES.has(field);
  if (parentType === 'Station') return !PRIVATE_STATION_FIELDS.has(field);
  return !PRIVATE_TYPES.has(parentType);
}

/**
 * A global middleware: refuses non-public fields to anonymous callers with FORBIDDEN. It runs on
 * every resolver method (queries, mutations, field resolvers), which is where every path to a
 * private record starts; plain fields of simple object types are reachable only through those.
 */
export const PublicReadsOnly: MiddlewareFn<Context> = ({ context, info }, next) => {
  if (context.principal.kind === 'anonymous' && !isPublicField(info.parentType.name, info.fieldName)) throw signInToRead();
  // The audit trail names the mutation each change came from.
  if (info.parentType.name === 'Mutation') {
    const scope = requestScope.getStore();
    if (scope) scope.mutation = info.fieldName;
  }
  return next();
};
