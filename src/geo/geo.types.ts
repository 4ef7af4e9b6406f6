import { Field, Float, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../auth/visibility';
import { CoordinateSystem, fromWgs84, type LatLng } from './coordinates';

registerEnumType(CoordinateSystem, {
  name: 'CoordinateSystem',
  description: '坐标系 Coordinate reference system of a latitude/longitude pair',
  valuesConfig: {
    WGS84: { description: 'WGS-84（GPS、开放数据；本系统存储所用）GPS and open data; what Yizhan stores' },
    GCJ02: { description: 'GCJ-02 国测局坐标（高德、腾讯地图）Used by AMap and Tencent Maps' },
    BD09: { description: 'BD-09 百度坐标（百度地图）Used by Baidu Maps' },
  },
});

@Public()
@ObjectType('GeoPoint', { simpleResolvers: true, description: '地理坐标点 A point, with the coordinate system it is expressed in' })
export class GeoPoint {
  @Public()
  @Field(() => Float, { description: '纬度 Latitude in degrees' })
  latitude!: number;

  @Public()
  @Field(() => Float, { description: '经度 Longitude in degrees' })
  longitude!: number;

  @Public()
  @Field(() => CoordinateSystem, { description: '坐标系 Coordinate system of this point' })
  coordinateSystem!: CoordinateSystem;
}

@InputType('GeoPointInput', { description: '坐标输入 A point and the coordinate system it is given in (stored as WGS-84)' })
export class GeoPointInput {
  @Field(() => Float, { description: '纬度 Latitude in degrees' })
  latitude!: number;

  @Field(() => Float, { description: '经度 Longitude in degrees' })
  longitude!: number;

  @Field(() => CoordinateSystem, {
    defaultValue: CoordinateSystem.WGS84,
    description: '坐标系，默认 WGS84 Coordinate system the point is given in; WGS84 by default',
  })
  coordinateSystem!: CoordinateSystem;
}

/** Expresses a stored WGS-84 point in the requested system, rounded to about 1 cm. */
export function toGeoPoint(point: LatLng, system: CoordinateSystem): GeoPoint {
  const converted = fromWgs84(point, system);
  const round = (value: number) => Math.round(value * 1e7) / 1e7;
  return { latitude: round(converted.lat), longitude: round(converted.lng), coordinateSystem: system };
}
