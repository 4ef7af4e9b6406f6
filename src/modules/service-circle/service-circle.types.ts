import { Field, Int, ObjectType } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { JSONScalar } from '../../graphql/scalars';
import { toDate } from '../../db/sql';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { TimestampedNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { ServiceCircle } from './service-circle.entity';

/** A service circle as the read paths carry it. */
export interface ServiceCircleRecord {
  __typename: 'ServiceCircle';
  id: string;
  dbId: string;
  code: string;
  name: string;
  districtId: number;
  centerLat: number;
  centerLng: number;
  radiusMetres: number;
  boundary: unknown;
  createdAt: Date;
  updatedAt: Date;
}

const CIRCLE_PROPERTIES = ['id', 'code', 'name', 'district', 'centerLat', 'centerLng', 'radiusMetres', 'boundary', 'createdAt', 'updatedAt'] as const;
export type ServiceCircleRow = RowOf<ServiceCircle, (typeof CIRCLE_PROPERTIES)[number]>;
export const CIRCLE_COLUMNS = columnsOf(ServiceCircle, 'c', CIRCLE_PROPERTIES);

export function toServiceCircleRecord(row: ServiceCircleRow): ServiceCircleRecord {
  return {
    __typename: 'ServiceCircle',
    id: toGlobalId('ServiceCircle', row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    districtId: row.district_id,
    centerLat: row.center_lat,
    centerLng: row.center_lng,
    radiusMetres: row.radius_metres,
    boundary: row.boundary,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@Public()
@ObjectType('ServiceCircle', {
  implements: Node,
  simpleResolvers: true,
  description: '15分钟便民服务圈 A 15-minute convenience service circle: an area of a district that should have at least one open station',
})
export class ServiceCircleType extends TimestampedNode(Public, { createdAt: '创建时间 When it was defined' }) {
  @Public()
  @Field({ description: '服务圈编号 Code' })
  code!: string;

  @Public()
  @Field({ description: '名称 Name' })
  name!: string;

  @Public()
  @Field(() => Int, { description: '半径（米）Radius around the centre, in metres' })
  radiusMetres!: number;

  @Public()
  @Field(() => JSONScalar, {
    nullable: true,
    description: '边界（GeoJSON 面，WGS-84），没有时以中心点和半径为准 Boundary as a GeoJSON polygon in WGS-84; when absent, centre and radius define the circle',
  })
  boundary!: unknown;
}

export const ServiceCircleConnection = connectionTypeOf(ServiceCircleType, 'ServiceCircle', '15分钟便民服务圈');
