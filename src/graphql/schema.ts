import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { RegionResolver } from '../modules/region/region.resolver';
import { ServiceCircleResolver } from '../modules/service-circle/service-circle.resolver';
import { StationResolver } from '../modules/station/station.resolver';
import { NodeResolver } from './node.resolver';

let schema: GraphQLSchema | undefined;

/** The executable schema (built once per process; type-graphql metadata is global). */
export function getSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [NodeResolver, RegionResolver, ServiceCircleResolver, StationResolver],
    validate: false,
    emitSchemaFile: false,
  });
  return schema;
}

/** The printed, sorted schema that is checked in as schema.graphql. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}
