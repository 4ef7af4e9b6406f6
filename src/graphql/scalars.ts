import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';

/** graphql-scalars' scalars with bilingual descriptions (the schema is documentation). */
function describe(scalar: GraphQLScalarType, description: string): GraphQLScalarType {
  return new GraphQLScalarType({ ...scalar.toConfig(), description });
}

export const DateTimeScalar = describe(DateTimeResolver, '时间点（ISO 8601，含时区）A point in time, ISO 8601 with offset, e.g. 2023-06-01T08:30:00.000Z');
export const LocalDateScalar = describe(LocalDateResolver, '日期（YYYY-MM-DD，北京时间的日历日）A calendar date, YYYY-MM-DD');
export const JSONScalar = describe(JSONResolver, '任意 JSON 值（如 GeoJSON）Any JSON value, e.g. GeoJSON');
