import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { MessageKey } from '../i18n/messages';

/**
 * Limits every text and list a request can carry, checked at the edge — before any resolver or
 * SQL — so no argument is unbounded, whatever the schema grows into:
 * - every string (String, ID, scalars given as text) at most MAX_TEXT_LENGTH characters, or the
 *   lower limit TEXT_LIMITS names for an argument or input field of that name (search: 100);
 *   MAX_TEXT_LENGTH lies above every limit a service applies itself (descriptions: 2,000), so those
 *   still answer with their own, field-level user errors;
 * - every list at most MAX_LIST_LENGTH items;
 * - no NUL character and no unpaired UTF-16 surrogate anywhere: PostgreSQL cannot store them
 *   (and JSON lets a client send them), so they are refused here instead of failing in SQL.
 * Services still apply their own, tighter rules (a station name of 100 characters) as user errors.
 */
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_LIST_LENGTH = 1_000;
/** Lower limits by argument or input-field name. */
export const TEXT_LIMITS: Readonly<Record<string, number>> = { search: 100 };

/** What is wrong with the request's input, for a BAD_USER_INPUT error. */
export interface InputProblem {
  key: Extract<MessageKey, 'INPUT_TOO_LONG' | 'INPUT_LIST_TOO_LONG' | 'INPUT_BAD_CHARACTERS'>;
  path: string;
  max?: number;
}

// eslint-disable-next-line no-control-regex -- NUL is one of the characters refused
const BAD_CHARACTERS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function limitFor(name: string | null): number {
  return (name !== null && TEXT_LIMITS[name]) || MAX_TEXT_LENGTH;
}

function checkText(value: string, path: string, name: string | null): InputProblem | null {
  if (BAD_CHARACTERS.test(value)) return { key: 'INPUT_BAD_CHARACTERS', path };
  const max = limitFor(name);
  // Counted in characters (code points), so 2,000 Chinese characters or emoji are 2,000.
  if (value.length > max && [...value].length > max) return { key: 'INPUT_TOO_LONG', path, max };
  return null;
}

/**
 * A JSON value (a variable, or part of one) against the input type it is given for; `name` is the
 * argument or input field it fills, for name-based limits. Unknown types (JSON scalars) are walked
 * with the default limits.
 */
function checkJson(value: unknown, type: GraphQLInputType | null, path: string, name: string | null, depth = 0): InputProblem | null {
  if (depth > 64) return { key: 'INPUT_LIST_TOO_LONG', path, max: 64 };
  if (typeof value === 'string') return checkText(value, path, name);
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_LENGTH) return { key: 'INPUT_LIST_TOO_LONG', path, max: MAX_LIST_LENGTH };
    const nullable = type ? getNullableType(type) : null;
    const itemType = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : null;
    for (let index = 0; index < value.length; index++) {
      const problem = checkJson(value[index], itemType, `${path}[${index}]`, name, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    const named = type ? getNamedType(type) : null;
    const fields = named && isInputObjectType(named) ? named.getFields() : null;
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = checkText(key, `${path}.${key.slice(0, 40)}`, null);
      if (keyProblem) return keyProblem;
      const problem = checkJson(item, fields?.[key]?.type ?? null, `${path}.${key}`, fields ? key : null, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

/** A literal in the document (or a variable it refers to) against its input type. */
function checkValueNode(node: ValueNode, type: GraphQLInputType | null, path: string, name: string | null, variables: Record<string, unknown>): InputProblem | null {
  switch (node.kind) {
    case Kind.STRING:
      return checkText(node.value, path, name);
    case Kind.VARIABLE:
      return checkJson(variables[node.name.value], type, path, name);
    case Kind.LIST: {
      if (node.values.length > MAX_LIST_LENGTH) return { key: 'INPUT_LIST_TOO_LONG', path, max: MAX_LIST_LENGTH };
      const nullable = type ? getNullableType(type) : null;
      const itemType = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : null;
      for (let index = 0; index < node.values.length; index++) {
        const problem = checkValueNode(node.values[index], itemType, `${path}[${index}]`, name, variables);
        if (problem) return problem;
      }
      return null;
    }
    case Kind.OBJECT: {
      const named = type ? getNamedType(type) : null;
      const fields = named && isInputObjectType(named) ? named.getFields() : null;
      for (const field of node.fields) {
        const fieldName = field.name.value;
        const problem = checkValueNode(field.value, fields?.[fieldName]?.type ?? null, `${path}.${fieldName}`, fieldName, variables);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * Checks every argument in the document (literals, and variables where they are used, with the
 * limits of that argument or input field) and every variable sent (used or not, with the default
 * limits). Returns the first problem, or null.
 */
export function checkInputs(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): InputProblem | null {
  const values = variables ?? {};
  for (const [name, value] of Object.entries(values)) {
    const problem = checkJson(value, null, `$${name}`, null) ?? checkText(name, `$${name.slice(0, 40)}`, null);
    if (problem) return problem;
  }
  const typeInfo = new TypeInfo(schema);
  let found: InputProblem | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (found) return false;
        const argument = typeInfo.getArgument();
        found = checkValueNode(node.value, argument?.type ?? null, node.name.value, node.name.value, values);
        return false;
      },
    }),
  );
  return found;
}
