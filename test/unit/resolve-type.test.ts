import { isAbstractType, type GraphQLResolveInfo } from 'graphql';
import { Role } from '../../src/auth/roles';
import type { Principal } from '../../src/auth/principal';
import { getSchema } from '../../src/graphql/schema';

const ADMIN: Principal = { kind: 'client', id: 'c', name: 'c', roles: [Role.ADMIN], departmentId: null, departmentCode: null, regionId: null, regionCode: null, regionPath: null };

/**
 * Every abstract type of the schema names the concrete type of a value at once, not in a promise:
 * a promise there makes graphql-js complete the value's parents through promises too (each station
 * of a page, for its platforms), which costs every list that holds such records.
 */
describe('abstract types', () => {
  const schema = getSchema();
  const abstractTypes = Object.values(schema.getTypeMap()).filter((type) => isAbstractType(type) && !type.name.startsWith('__'));

  it('are there to check', () => {
    expect(abstractTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['Node', 'Platform']));
  });

  it.each(abstractTypes.map((type) => [type.name, type] as const))('%s resolves the type of each of its records synchronously', (_name, type) => {
    if (!isAbstractType(type)) throw new Error('not abstract');
    for (const concrete of schema.getPossibleTypes(type)) {
      const resolved = type.resolveType!({ __typename: concrete.name }, { principal: ADMIN, locale: 'en' }, { schema } as GraphQLResolveInfo, type);
      expect(resolved).toBe(concrete.name);
    }
  });
});
