/**
 * Coordinate systems used in China. GPS and open data use WGS-84; AMap and Tencent maps use
 * GCJ-02 (the state-mandated offset of WGS-84); Baidu uses BD-09 (a further offset of GCJ-02).
 * Yizhan stores WGS-84 and converts at the edge.
 */
export enum CoordinateSystem {
  WGS84 = 'WGS84',
  GCJ02 = 'GCJ02',
  BD09 = 'BD09',
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** The bounding box mainland coordinate offsets apply to; also the "inside China" check for input. */
export const CHINA_BOUNDS = { minLat: 3.86, maxLat: 53.55, minLng: 73.66, maxLng: 135.05 } as const;

export function isInsideChina({ lat, lng }: LatLng): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat && lng >= CHINA_BOUNDS.minLng && lng <= CHINA_BOUNDS.maxLng;
}

// Krasovsky 1940 ellipsoid, which the GCJ-02 offset formula is defined on.
const SEMI_MAJOR_AXIS = 6378245.0;
const ECCENTRICITY_SQUARED = 0.006693421622965943;
const BD_FACTOR = (Math.PI * 3000.0) / 180.0;

function offsetLat(x: number, y: number): number {
  let result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  result += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  result += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  result += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return result;
}

function offsetLng(x: number, y: number): number {
  let result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  result += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  result += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  result += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return result;
}

export function wgs84ToGcj02(point: LatLng): LatLng {
  return isInsideChina(point) ? applyGcjOffset(point) : { ...point };
}

/** The GCJ-02 offset itself, with no bounds check. */
function applyGcjOffset({ lat, lng }: LatLng): LatLng {
  let dLat = offsetLat(lng - 105.0, lat - 35.0);
  let dLng = offsetLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - ECCENTRICITY_SQUARED * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((SEMI_MAJOR_AXIS / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/**
 * Inverts GCJ-02 by fixed-point iteration; converges to well under a millimetre in a few steps.
 * Whether the offset applies is decided on the WGS-84 result, not on the GCJ-02 input: near
 * the edges of the box the two can fall on different sides of it.
 */
export function gcj02ToWgs84(point: LatLng): LatLng {
  let guess = { ...point };
  for (let i = 0; i < 30; i++) {
    const shifted = applyGcjOffset(guess);
    const dLat = shifted.lat - point.lat;
    const dLng = shifted.lng - point.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-10 && Math.abs(dLng) < 1e-10) break;
  }
  return isInsideChina(guess) ? guess : { ...point };
}

export function gcj02ToBd09({ lat, lng }: LatLng): LatLng {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * BD_FACTOR);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * BD_FACTOR);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

/** BD-09 back to GCJ-02 by fixed-point iteration on the forward formula (the usual closed form is only approximate). */
export function bd09ToGcj02(point: LatLng): LatLng {
  let guess = { lat: point.lat - 0.006, lng: point.lng - 0.0065 };
  for (let i = 0; i < 30; i++) {
    const shifted = gcj02ToBd09(guess);
    const dLat = shifted.lat - point.lat;
    const dLng = shifted.lng - point.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-10 && Math.abs(dLng) < 1e-10) break;
  }
  return guess;
}

/** Converts a point given in `system` to WGS-84 (for storage). */
export function toWgs84(point: LatLng, system: CoordinateSystem): LatLng {
  switch (system) {
    case CoordinateSystem.WGS84:
      return { ...point };
    case CoordinateSystem.GCJ02:
      return gcj02ToWgs84(point);
    case CoordinateSystem.BD09:
      return gcj02ToWgs84(bd09ToGcj02(point));
  }
}

/** Converts a stored WGS-84 point to `system` (for output). */
export function fromWgs84(point: LatLng, system: CoordinateSystem): LatLng {
  switch (system) {
    case CoordinateSystem.WGS84:
      return { ...point };
    case CoordinateSystem.GCJ02:
      return wgs84ToGcj02(point);
    case CoordinateSystem.BD09:
      return gcj02ToBd09(wgs84ToGcj02(point));
  }
}

/** Great-circle distance in metres (haversine on a 6,371 km sphere, as earthdistance uses its earth radius). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const R = 6371008.8;
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
