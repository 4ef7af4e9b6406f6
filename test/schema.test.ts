import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from 'graphql';
import { getSchema, printSortedSchema } from '../src/graphql/schema';

const HAS_CHINESE = /[\u4e00-\u9fff]/;
const HAS_ENGLISH = /[A-Za-z]{2,}/;

describe('schema', () => {
  it('matches the checked-in schema.graphql (run `npm run schema:print` after a schema change)', () => {
    const checkedIn = fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printSortedSchema()).toBe(checkedIn);
  });

  it('describes every type, field, argument and enum value in Chinese and English', () => {
    const missing: string[] = [];
    const check = (where: string, description: string | null | undefined) => {
      if (!description || !HAS_CHINESE.test(description) || !HAS_ENGLISH.test(description)) missing.push(where);
    };
    for (const type of Object.values(getSchema().getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          if ('args' in field) for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
      if (isUnionType(type) || isScalarType(type)) continue;
    }
    expect(missing).toEqual([]);
  });
});
