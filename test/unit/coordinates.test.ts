import {
  CHINA_BOUNDS,
  CoordinateSystem,
  bd09ToGcj02,
  distanceMetres,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  isInsideChina,
  toWgs84,
  wgs84ToGcj02,
  type LatLng,
} from '../../src/geo/coordinates';

/** Real places across China (WGS-84), from the far west to the far east and north to south. */
const PLACES: Record<string, LatLng> = {
  xiangyang: { lat: 32.0089, lng: 112.1226 },
  beijingTiananmen: { lat: 39.9087, lng: 116.3975 },
  shanghai: { lat: 31.2304, lng: 121.4737 },
  guangzhou: { lat: 23.1291, lng: 113.2644 },
  chengdu: { lat: 30.5728, lng: 104.0668 },
  wuhan: { lat: 30.5928, lng: 114.3055 },
  urumqi: { lat: 43.8256, lng: 87.6168 },
  harbin: { lat: 45.8038, lng: 126.535 },
  sanya: { lat: 18.2528, lng: 109.5119 },
  kashgar: { lat: 39.4677, lng: 75.9938 },
  lhasa: { lat: 29.652, lng: 91.1721 },
  mohe: { lat: 52.9722, lng: 122.5386 },
  fuyuan: { lat: 48.3647, lng: 134.2896 },
  haikou: { lat: 20.044, lng: 110.1999 },
  lanzhou: { lat: 36.0611, lng: 103.8343 },
};

/** A dense grid over mainland China, kept away from the bounding-box edges. */
function gridPoints(): LatLng[] {
  const points: LatLng[] = [];
  for (let lat = 18.5; lat <= 53.0; lat += 1.7) {
    for (let lng = 74.5; lng <= 134.5; lng += 2.3) points.push({ lat, lng });
  }
  return points;
}

function maxDegreeError(a: LatLng, b: LatLng): number {
  return Math.max(Math.abs(a.lat - b.lat), Math.abs(a.lng - b.lng));
}

describe('published reference values', () => {
  // Vectors from wandergis/coordtransform (test/app.js) and googollee/eviltransform tests,
  // both implementations of the same GCJ-02/BD-09 formulas.
  it('wgs84ToGcj02 matches coordtransform for (39.915, 116.404)', () => {
    const gcj = wgs84ToGcj02({ lat: 39.915, lng: 116.404 });
    expect(gcj.lat).toBeCloseTo(39.91640428150164, 12);
    expect(gcj.lng).toBeCloseTo(116.41024449916938, 12);
  });

  it.each([
    ['Shanghai', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
    ['Shenzhen', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
    ['Beijing', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ])('wgs84ToGcj02 matches eviltransform for %s', (_name, lat, lng, gcjLat, gcjLng) => {
    const gcj = wgs84ToGcj02({ lat, lng });
    expect(gcj.lat).toBeCloseTo(gcjLat, 12);
    expect(gcj.lng).toBeCloseTo(gcjLng, 12);
  });

  it('gcj02ToBd09 matches coordtransform for (39.915, 116.404)', () => {
    const bd = gcj02ToBd09({ lat: 39.915, lng: 116.404 });
    expect(bd.lat).toBeCloseTo(39.92133699351021, 12);
    expect(bd.lng).toBeCloseTo(116.41036949371029, 12);
  });

  it('bd09ToGcj02 is close to the usual closed-form result and is an exact inverse of gcj02ToBd09', () => {
    const bd = { lat: 39.915, lng: 116.404 };
    const gcj = bd09ToGcj02(bd);
    // The closed form (coordtransform) gives 39.90865673957631, 116.39762729119315; it is approximate.
    expect(Math.abs(gcj.lat - 39.90865673957631)).toBeLessThan(1e-6);
    expect(Math.abs(gcj.lng - 116.39762729119315)).toBeLessThan(1e-6);
    const again = gcj02ToBd09(gcj);
    expect(maxDegreeError(again, bd)).toBeLessThan(1e-9);
  });

  it('gcj02ToWgs84 inverts exactly (unlike the one-step approximation 39.91359571849836, 116.39775550083061)', () => {
    const wgs = gcj02ToWgs84({ lat: 39.915, lng: 116.404 });
    // Close to the approximate published answer...
    expect(Math.abs(wgs.lat - 39.91359571849836)).toBeLessThan(2e-5);
    expect(Math.abs(wgs.lng - 116.39775550083061)).toBeLessThan(2e-5);
    // ...but re-encrypting lands back on the input.
    expect(maxDegreeError(wgs84ToGcj02(wgs), { lat: 39.915, lng: 116.404 })).toBeLessThan(1e-9);
  });
});

describe('GCJ-02 offset magnitudes', () => {
  it.each(Object.entries(PLACES))('%s is offset by 50..1000 m', (_name, point) => {
    const gcj = wgs84ToGcj02(point);
    const metres = distanceMetres(point, gcj);
    expect(metres).toBeGreaterThan(50);
    expect(metres).toBeLessThan(1000);
    expect(gcj.lat).not.toBe(point.lat);
    expect(gcj.lng).not.toBe(point.lng);
  });

  it('shifts Beijing roughly +0.001..+0.003° lat and +0.004..+0.007° lng', () => {
    const p = PLACES.beijingTiananmen;
    const gcj = wgs84ToGcj02(p);
    const dLat = gcj.lat - p.lat;
    const dLng = gcj.lng - p.lng;
    expect(dLat).toBeGreaterThan(0.001);
    expect(dLat).toBeLessThan(0.003);
    expect(dLng).toBeGreaterThan(0.004);
    expect(dLng).toBeLessThan(0.007);
  });

  it('shifts Xiangyang east by about 0.006° and slightly south (the lat offset is negative there)', () => {
    const p = PLACES.xiangyang;
    const gcj = wgs84ToGcj02(p);
    expect(gcj.lng - p.lng).toBeCloseTo(0.00608, 4);
    expect(gcj.lat - p.lat).toBeCloseTo(-0.00196, 4);
    expect(distanceMetres(p, gcj)).toBeGreaterThan(550);
    expect(distanceMetres(p, gcj)).toBeLessThan(650);
  });

  it('the offset grid stays within 50..1000 m everywhere on the grid', () => {
    for (const p of gridPoints()) {
      const metres = distanceMetres(p, wgs84ToGcj02(p));
      expect(metres).toBeGreaterThan(0);
      expect(metres).toBeLessThan(1000);
    }
  });
});

describe('BD-09 offset', () => {
  it.each(Object.entries(PLACES))('BD-09 of %s is GCJ-02 + about (+0.006 lat, +0.0065 lng)', (_name, point) => {
    const gcj = wgs84ToGcj02(point);
    const bd = gcj02ToBd09(gcj);
    expect(bd.lat - gcj.lat).toBeGreaterThan(0.004);
    expect(bd.lat - gcj.lat).toBeLessThan(0.008);
    expect(bd.lng - gcj.lng).toBeGreaterThan(0.005);
    expect(bd.lng - gcj.lng).toBeLessThan(0.008);
    expect(fromWgs84(point, CoordinateSystem.BD09)).toEqual(bd);
  });
});

describe('round trips', () => {
  it.each(Object.entries(PLACES))('WGS→GCJ→WGS within 1e-7° at %s', (_name, point) => {
    const back = gcj02ToWgs84(wgs84ToGcj02(point));
    expect(maxDegreeError(back, point)).toBeLessThan(1e-7);
  });

  it.each(Object.entries(PLACES))('WGS→BD→WGS within 1e-7° at %s', (_name, point) => {
    const back = toWgs84(fromWgs84(point, CoordinateSystem.BD09), CoordinateSystem.BD09);
    expect(maxDegreeError(back, point)).toBeLessThan(1e-7);
  });

  it('WGS→GCJ→WGS and WGS→BD→WGS within 1e-7° on a grid over China', () => {
    const points = gridPoints();
    expect(points.length).toBeGreaterThan(400);
    const worst = (f: (p: LatLng) => LatLng) => Math.max(...points.map((p) => maxDegreeError(f(p), p)));
    expect(worst((p) => gcj02ToWgs84(wgs84ToGcj02(p)))).toBeLessThan(1e-7);
    expect(worst((p) => toWgs84(fromWgs84(p, CoordinateSystem.BD09), CoordinateSystem.BD09))).toBeLessThan(1e-7);
  });

  it.each(Object.entries(PLACES))('GCJ→BD→GCJ within 1e-9° at %s', (_name, point) => {
    const gcj = wgs84ToGcj02(point);
    expect(maxDegreeError(bd09ToGcj02(gcj02ToBd09(gcj)), gcj)).toBeLessThan(1e-9);
  });

  it.each(Object.values(CoordinateSystem))('toWgs84 and fromWgs84 are inverse for %s', (system) => {
    for (const point of Object.values(PLACES)) {
      const there = fromWgs84(point, system);
      expect(maxDegreeError(toWgs84(there, system), point)).toBeLessThan(1e-7);
      // and the other way round: a point given in `system` survives storage and output
      const stored = toWgs84(point, system);
      expect(maxDegreeError(fromWgs84(stored, system), point)).toBeLessThan(1e-7);
    }
  });

  it('WGS84 system is the identity and returns a copy', () => {
    const p = { lat: 32.0089, lng: 112.1226 };
    const out = fromWgs84(p, CoordinateSystem.WGS84);
    const inn = toWgs84(p, CoordinateSystem.WGS84);
    expect(out).toEqual(p);
    expect(inn).toEqual(p);
    expect(out).not.toBe(p);
    expect(inn).not.toBe(p);
  });

  it('GCJ02 and BD09 systems actually move the point', () => {
    const p = PLACES.xiangyang;
    expect(distanceMetres(p, fromWgs84(p, CoordinateSystem.GCJ02))).toBeGreaterThan(50);
    expect(distanceMetres(p, fromWgs84(p, CoordinateSystem.BD09))).toBeGreaterThan(500);
    expect(fromWgs84(p, CoordinateSystem.GCJ02)).toEqual(wgs84ToGcj02(p));
    expect(toWgs84(p, CoordinateSystem.GCJ02)).toEqual(gcj02ToWgs84(p));
  });

  // Near Beiji village, Mohe: the WGS point is inside the box, its GCJ image just outside it.
  // gcj02ToWgs84 must decide on the WGS result, not the GCJ input (was ~570 m off).
  it('round trip also holds just inside the northern edge of CHINA_BOUNDS (53.549, 123.27)', () => {
    const p = { lat: 53.549, lng: 123.27 };
    expect(isInsideChina(p)).toBe(true);
    expect(maxDegreeError(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(1e-7);
  });
});

describe('outside China', () => {
  const outside: Array<[string, LatLng]> = [
    ['Tokyo', { lat: 35.68, lng: 139.76 }],
    ['London', { lat: 51.5074, lng: -0.1278 }],
    ['Sydney', { lat: -33.8688, lng: 151.2093 }],
    ['New York', { lat: 40.7128, lng: -74.006 }],
    ['Null Island', { lat: 0, lng: 0 }],
    ['Xiangyang swapped', { lat: 112.1226, lng: 32.0089 }],
  ];

  it.each(outside)('wgs84ToGcj02 leaves %s unchanged (as a copy)', (_name, point) => {
    const out = wgs84ToGcj02(point);
    expect(out).toEqual(point);
    expect(out).not.toBe(point);
    expect(gcj02ToWgs84(point)).toEqual(point);
    expect(fromWgs84(point, CoordinateSystem.GCJ02)).toEqual(point);
  });
});

describe('isInsideChina', () => {
  it.each(Object.entries(PLACES))('%s is inside', (_name, point) => {
    expect(isInsideChina(point)).toBe(true);
  });

  it.each<[string, LatLng]>([
    ['Tokyo', { lat: 35.68, lng: 139.76 }],
    ['lat/lng swapped', { lat: 112.1, lng: 32.0 }],
    ['NaN lat', { lat: NaN, lng: 112.1 }],
    ['NaN lng', { lat: 32.0, lng: NaN }],
    ['Infinity', { lat: Infinity, lng: 112.1 }],
    ['negative lng', { lat: 32.0, lng: -112.1 }],
    ['Singapore', { lat: 1.3521, lng: 103.8198 }],
    ['north of the box (54°N)', { lat: 54.0, lng: 104.305 }],
  ])('%s is outside', (_name, point) => {
    expect(isInsideChina(point)).toBe(false);
  });

  it('includes its boundaries and excludes points just past them', () => {
    const { minLat, maxLat, minLng, maxLng } = CHINA_BOUNDS;
    const midLat = (minLat + maxLat) / 2;
    const midLng = (minLng + maxLng) / 2;
    expect(isInsideChina({ lat: minLat, lng: midLng })).toBe(true);
    expect(isInsideChina({ lat: maxLat, lng: midLng })).toBe(true);
    expect(isInsideChina({ lat: midLat, lng: minLng })).toBe(true);
    expect(isInsideChina({ lat: midLat, lng: maxLng })).toBe(true);
    expect(isInsideChina({ lat: minLat - 1e-6, lng: midLng })).toBe(false);
    expect(isInsideChina({ lat: maxLat + 1e-6, lng: midLng })).toBe(false);
    expect(isInsideChina({ lat: midLat, lng: minLng - 1e-6 })).toBe(false);
    expect(isInsideChina({ lat: midLat, lng: maxLng + 1e-6 })).toBe(false);
  });

  it('uses the documented box', () => {
    expect(CHINA_BOUNDS).toEqual({ minLat: 3.86, maxLat: 53.55, minLng: 73.66, maxLng: 135.05 });
  });
});

describe('distanceMetres', () => {
  it('is zero for the same point and symmetric', () => {
    const a = PLACES.xiangyang;
    const b = PLACES.wuhan;
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });

  it('gives about 111.2 km per degree of latitude and ~1068 km Beijing–Shanghai', () => {
    expect(distanceMetres({ lat: 30, lng: 112 }, { lat: 31, lng: 112 })).toBeCloseTo(111195, -1);
    const bs = distanceMetres(PLACES.beijingTiananmen, PLACES.shanghai);
    expect(bs).toBeGreaterThan(1_050_000);
    expect(bs).toBeLessThan(1_080_000);
  });
});
