import { getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { ANALYST_EXAMPLES } from '../../src/graphql/analyst-examples';
import { getSchema } from '../../src/graphql/schema';

const HAS_CHINESE = /[\u4e00-\u9fff]/;
const HAS_ENGLISH = /[A-Za-z]{2,}/;

describe("GraphiQL's example questions", () => {
  it('have unique, URL-safe ids and a Chinese and an English title', () => {
    const ids = ANALYST_EXAMPLES.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const example of ANALYST_EXAMPLES) {
      expect(example.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(example.title.zh).toMatch(HAS_CHINESE);
      expect(example.title.en).toMatch(HAS_ENGLISH);
    }
  });

  it.each(ANALYST_EXAMPLES.map((example) => [example.id, example] as const))('%s is one named operation valid against the schema, with variables it accepts', (_id, example) => {
    const document = parse(example.query);
    const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    expect(operations[0].name?.value).toMatch(/^[A-Z]\w+$/);
    expect(validate(getSchema(), document).map((error) => error.message)).toEqual([]);
    const coerced = getVariableValues(getSchema(), operations[0].variableDefinitions ?? [], example.variables ?? {});
    expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
  });
});
