import { MikroORM, ReferenceKind, type EntityMetadata } from '@mikro-orm/postgresql';
import { isInterfaceType, isObjectType } from 'graphql';
import { buildOrmOptions } from '../../src/db/orm';
import { getSchema } from '../../src/graphql/schema';
import { toGlobalId } from '../../src/graphql/relay';
import { AUDIT_SHAPES, canonical, present, UNAUDITED_ENTITIES } from '../../src/modules/audit/audited-fields';

/**
 * The audit trail speaks the API's words: every property of every entity is either shown under a
 * GraphQL field name or declared unshown with a reason, and every name shown is a field of the
 * GraphQL type it is declared for (or says why not).
 */
describe('audited fields', () => {
  let metadata: EntityMetadata[];

  beforeAll(async () => {
    // Entity metadata only: no connection is made.
    const orm = await MikroORM.init({ ...buildOrmOptions({ clientUrl: 'postgres://nobody@127.0.0.1:1/none', poolMax: 1 }), connect: false });
    metadata = Object.values(orm.getMetadata().getAll()).filter((meta) => !meta.embeddable && !meta.virtual);
    await orm.close(true);
  });

  function storedProperties(meta: EntityMetadata): string[] {
    return Object.values(meta.properties)
      .filter((prop) => prop.persist !== false && prop.kind !== ReferenceKind.ONE_TO_MANY && prop.kind !== ReferenceKind.MANY_TO_MANY)
      .map((prop) => prop.name);
  }

  it('declares every entity the application writes', () => {
    const undeclared = metadata.map((meta) => meta.className).filter((name) => !UNAUDITED_ENTITIES.includes(name) && !AUDIT_SHAPES[name]);
    expect(undeclared).toEqual([]);
    const unknown = Object.keys(AUDIT_SHAPES).filter((name) => !metadata.some((meta) => meta.className === name));
    expect(unknown).toEqual([]);
  });

  it('shows every property of every audited entity, or says why not', () => {
    const problems: string[] = [];
    for (const meta of metadata.filter((entity) => AUDIT_SHAPES[entity.className])) {
      const shape = AUDIT_SHAPES[meta.className];
      const properties = storedProperties(meta);
      const covered = new Set([...Object.values(shape.fields).flatMap((field) => field.from), ...Object.keys(shape.unshown)]);
      for (const property of properties) if (!covered.has(property)) problems.push(`${meta.className}.${property} has no audit mapping`);
      for (const property of covered) if (!properties.includes(property)) problems.push(`${meta.className}.${property} is declared but is no property`);
      for (const property of Object.keys(shape.unshown)) {
        if (Object.values(shape.fields).some((field) => field.from.includes(property))) problems.push(`${meta.className}.${property} is both shown and unshown`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses the field names of the GraphQL types partners read', () => {
    const schema = getSchema();
    const problems: string[] = [];
    for (const [entity, shape] of Object.entries(AUDIT_SHAPES)) {
      for (const typeName of shape.graphqlTypes) {
        const type = schema.getType(typeName);
        if (!isObjectType(type) && !isInterfaceType(type)) {
          problems.push(`${entity}: ${typeName} is not a GraphQL object type`);
          continue;
        }
      }
      if (!shape.graphqlTypes.length) continue;
      const names = new Set(
        shape.graphqlTypes.flatMap((typeName) => {
          const type = schema.getType(typeName);
          return isObjectType(type) || isInterfaceType(type) ? Object.keys(type.getFields()) : [];
        }),
      );
      for (const [field, spec] of Object.entries(shape.fields)) {
        if (spec.outsideType && names.has(field)) problems.push(`${entity}.${field} says it is outside ${shape.graphqlTypes.join('/')}, but it is a field there`);
        if (!spec.outsideType && !names.has(field)) problems.push(`${entity}.${field} is no field of ${shape.graphqlTypes.join('/')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('presents references as global IDs, lists as lists, instants in ISO 8601 and personal values masked', () => {
    const station = present(AUDIT_SHAPES.Station, {
      region: 173,
      circle: null,
      lat: 32.0426,
      lng: 112.1446,
      fiveIntoFacilities: ['WIFI', 'VOLUNTEER_FORCE'],
      archivedAt: new Date('2026-11-30T00:00:00Z'),
      hub: '7546922b-a9d0-5602-b490-8ffbe9cc6f8c',
    });
    expect(station.get('region')).toBe(toGlobalId('Region', 173));
    expect(station.get('serviceCircle')).toBeNull();
    expect(station.get('hub')).toBe(toGlobalId('Station', '7546922b-a9d0-5602-b490-8ffbe9cc6f8c'));
    expect(station.get('location')).toEqual({ latitude: 32.0426, longitude: 112.1446, coordinateSystem: 'WGS84' });
    expect(station.get('fiveIntoFacilities')).toEqual(['WIFI', 'VOLUNTEER_FORCE']);
    expect(station.get('archivedAt')).toBe('2026-11-30T00:00:00.000Z');
    const person = present(AUDIT_SHAPES.Person, { name: '王建华', phone: '13912345678' });
    expect([person.get('name'), person.get('phone')]).toEqual(['王*华', '139****5678']);
    const ref = present(AUDIT_SHAPES.ExternalRef, { recordType: 'Platform', recordId: '7546922b-a9d0-5602-b490-8ffbe9cc6f8c', system: 'HBRS-GIG', externalId: 'G-1' });
    expect([ref.get('recordType'), ref.get('record')]).toEqual(['PLATFORM', toGlobalId('Platform', '7546922b-a9d0-5602-b490-8ffbe9cc6f8c')]);
    expect(present(AUDIT_SHAPES.WebhookSubscription, { types: ['Station', 'StationServiceItem'], secret: 'whsec_x' }).get('types')).toEqual(['STATION', 'STATION_SERVICE_ITEM']);
    expect(present(AUDIT_SHAPES.WebhookSubscription, { secret: 'whsec_x' }).get('secret')).toBe('[redacted]');
  });

  it('compares documents whatever order their keys were stored in', () => {
    expect(canonical({ windows: [{ opens: '08:00', closes: '12:00' }], note: null })).toBe(canonical({ note: null, windows: [{ closes: '12:00', opens: '08:00' }] }));
  });
});
