import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Principal } from '../auth/principal';
import { checkSelectionVisibility, visibilityKeyOf, type VisibilityDenial } from '../auth/visibility';
import { checkInputs, type InputProblem } from './input-guard';
import { usesIntrospection } from './plugins';
import { estimateCost, type LimitBreach } from './query-cost';

/**
 * The answers of the per-request document checks (request-guard.ts), remembered per document.
 *
 * Why: a CPU profile of the production server under a small anonymous list query repeated by many
 * clients spent about 6% of all its CPU walking the same document again on every request — the
 * cost estimate (~3.4%, a TypeInfo visitor), the input limits (~1.8%), the visibility check and
 * the introspection check. Apollo keeps parsed and validated documents in its document store, so a
 * repeated query text arrives as the same DocumentNode object: its answers are kept in a WeakMap
 * on it (gone with the document), keyed further by exactly what each answer depends on:
 * - input limits: the variables;
 * - cost: the operation name and the variables (the schema and QUERY_MAX_FIELDS are fixed per guard);
 * - visibility: the operation name and the caller as mayRead sees it (visibilityKeyOf); it reads
 *   no variables (@include/@skip are not followed);
 * - introspection: the document alone.
 * Variables are part of a key only as a canonical text of at most MAX_VARIABLES_KEY_LENGTH
 * characters, of JSON values only; anything else is checked afresh every time. Refusals are
 * remembered as the problem found (never as an error): the error is built per request, in the
 * caller's language.
 */

/** Answers kept per document and check; the least recently used goes first. */
export const MAX_ANSWERS_PER_DOCUMENT = 50;

/** Variables longer than this as canonical text are checked afresh on every request. */
export const MAX_VARIABLES_KEY_LENGTH = 4096;

/** How many times each check actually walked a document (a remembered answer does not count); for tests. */
export const documentWalks = { inputs: 0, cost: 0, visibility: 0, introspection: 0 };

type Check = keyof typeof documentWalks;

/** One check's answers by document, then by key. */
export class DocumentMemo<T> {
  private readonly answers = new WeakMap<DocumentNode, Map<string, T>>();

  constructor(
    private readonly check: Check,
    private readonly maxPerDocument = MAX_ANSWERS_PER_DOCUMENT,
  ) {}

  /** The remembered answer for (document, key), else `compute`'s, remembered; a null key is never remembered. */
  answer(document: DocumentNode, key: string | null, compute: () => T): T {
    if (key === null) return this.walk(compute);
    let answers = this.answers.get(document);
    if (!answers) {
      answers = new Map();
      this.answers.set(document, answers);
    }
    if (answers.has(key)) {
      const remembered = answers.get(key) as T;
      // Most recently used last, so the eviction below drops the least recently used.
      answers.delete(key);
      answers.set(key, remembered);
      return remembered;
    }
    const answer = this.walk(compute);
    if (answers.size >= this.maxPerDocument) answers.delete(answers.keys().next().value as string);
    answers.set(key, answer);
    return answer;
  }

  private walk(compute: () => T): T {
    documentWalks[this.check]++;
    const answer = compute();
    // Shared by every later request with the same key: nobody may change it.
    return typeof answer === 'object' && answer !== null ? Object.freeze(answer) : answer;
  }
}

/**
 * The variables as canonical text — JSON in their own key order (a different order is another key,
 * never a wrong answer), -0 kept apart from 0 — or null when they hold anything but JSON values
 * (undefined, NaN, a Date, a class instance…) or pass `limit` characters: then there is no key,
 * and the checks run afresh. No variables and `{}` are one key: both checks read them as `{}`.
 */
export function variablesKey(variables: Record<string, unknown> | undefined, limit = MAX_VARIABLES_KEY_LENGTH): string | null {
  if (variables === undefined) return '{}';
  let length = 0;
  const parts: string[] = [];
  const write = (text: string): boolean => {
    length += text.length;
    parts.push(text);
    return length <= limit;
  };
  const add = (value: unknown): boolean => {
    if (value === null) return write('null');
    switch (typeof value) {
      case 'boolean':
        return write(String(value));
      case 'number':
        return Number.isFinite(value) && write(Object.is(value, -0) ? '-0' : String(value));
      case 'string':
        // Checked before quoting, so a huge string is not copied just to be found too long.
        return value.length <= limit && write(JSON.stringify(value));
      case 'object':
        break;
      default:
        return false;
    }
    if (Array.isArray(value)) {
      if (!write('[')) return false;
      for (let index = 0; index < value.length; index++) {
        if ((index > 0 && !write(',')) || !add(value[index])) return false;
      }
      return write(']');
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return false;
    if (!write('{')) return false;
    let first = true;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if ((!first && !write(',')) || key.length > limit || !write(`${JSON.stringify(key)}:`) || !add(item)) return false;
      first = false;
    }
    return write('}');
  };
  return add(variables) ? parts.join('') : null;
}

/** A key of parts none of which can be mistaken for another's end: each is preceded by its length. */
function keyOf(...parts: string[]): string {
  return parts.map((part) => `${part.length}:${part}`).join('');
}

/** undefined, null and every string as distinct text (graphql-query-complexity tells '' from undefined). */
function operationKey(operationName: string | null | undefined): string {
  return typeof operationName === 'string' ? `"${operationName}` : String(operationName);
}

/** The document checks of one request guard (one schema, one QUERY_MAX_FIELDS), remembered per document. */
export function documentChecks(schema: GraphQLSchema, maxFields: number) {
  const inputs = new DocumentMemo<InputProblem | null>('inputs');
  const cost = new DocumentMemo<{ cost: number } | { breach: LimitBreach }>('cost');
  const visibility = new DocumentMemo<VisibilityDenial | null>('visibility');
  const introspection = new DocumentMemo<boolean>('introspection');
  return {
    /** checkInputs (input-guard.ts). */
    inputs(document: DocumentNode, variables: Record<string, unknown> | undefined): InputProblem | null {
      return inputs.answer(document, variablesKey(variables), () => checkInputs(schema, document, variables));
    },
    /** estimateCost (query-cost.ts). */
    cost(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): { cost: number } | { breach: LimitBreach } {
      const variablesText = variablesKey(variables);
      const key = variablesText === null ? null : keyOf(operationKey(operationName), variablesText);
      return cost.answer(document, key, () => estimateCost(schema, document, operationName, variables, maxFields));
    },
    /** checkSelectionVisibility (auth/visibility.ts). */
    visibility(document: DocumentNode, operationName: string | null | undefined, principal: Principal): VisibilityDenial | null {
      return visibility.answer(document, keyOf(operationKey(operationName), visibilityKeyOf(principal)), () =>
        checkSelectionVisibility(schema, document, operationName, principal),
      );
    },
    /** usesIntrospection (plugins.ts). */
    introspection(document: DocumentNode): boolean {
      return introspection.answer(document, '', () => usesIntrospection(document));
    },
  };
}
