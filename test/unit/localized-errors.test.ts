import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Every error a caller reads follows Accept-Language: no GraphQLError carries a hand-written text,
 * and BAD_USER_INPUT is raised only by the constructors that take a message key. A refusal added
 * with English-only text fails here, naming the file and line.
 */

const SRC = join(__dirname, '../../src');

/**
 * The files that may name BAD_USER_INPUT as a code: the enum itself (errors.ts), badInputOf
 * (relay.ts) and the request's own guards, which translate with the locale they already know.
 * Anything else raises it through badInputOf or notAnId.
 */
const BAD_USER_INPUT_CONSTRUCTORS = new Set(['graphql/errors.ts', 'graphql/relay.ts', 'graphql/request-guard.ts', 'graphql/idempotency.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Whether an error's message is a translation: a `translate(…)` call, a choice between
 * translations, or a variable of this file holding one. A written text, a parameter or anything
 * else is not — a helper `(message: string) => new GraphQLError(message, …)` is how English-only
 * refusals spread before.
 */
function isTranslated(node: ts.Expression, file: ts.SourceFile): boolean {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isCallExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === 'translate';
  if (ts.isConditionalExpression(node)) return isTranslated(node.whenTrue, file) && isTranslated(node.whenFalse, file);
  if (ts.isIdentifier(node)) {
    const name = node.text;
    let initializer: ts.Expression | undefined;
    const find = (candidate: ts.Node): void => {
      if (ts.isVariableDeclaration(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === name) initializer = candidate.initializer;
      else ts.forEachChild(candidate, find);
    };
    find(file);
    return !!initializer && isTranslated(initializer, file);
  }
  return false;
}

/** Whether a node names the code BAD_USER_INPUT (`ErrorCode.BAD_USER_INPUT` or the string). */
function namesBadUserInput(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'BAD_USER_INPUT';
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === 'BAD_USER_INPUT';
}

/** Problems of one source file, as "path:line what". */
function unlocalizedErrors(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const at = (node: ts.Node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'GraphQLError') {
      const [message] = node.arguments ?? [];
      if (!message || !isTranslated(message, file))
        problems.push(`${at(node)} new GraphQLError whose message is not translate(…): use a message key (badInputOf, notAnId, localizedError, translate)`);
    }
    if (!BAD_USER_INPUT_CONSTRUCTORS.has(path) && namesBadUserInput(node)) {
      problems.push(`${at(node)} names BAD_USER_INPUT: raise it with badInputOf(KEY, params, field) or notAnId(field, type)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

describe('errors follow Accept-Language', () => {
  it('every GraphQLError in src/ is built from translate(…), and only the keyed constructors name BAD_USER_INPUT', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((path) => unlocalizedErrors(relative(SRC, path).split('\\').join('/'), readFileSync(path, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catches the shapes an English-only refusal would take', () => {
    const english = [
      "throw new GraphQLError('`id` is not a Station ID', { extensions: { code: 'FORBIDDEN' } });",
      'throw new GraphQLError(`first must be at most ${max}`, {});',
      "throw new GraphQLError(('Invalid ' + what) as string);",
      "const message = 'Give exactly one of id and code'; throw new GraphQLError(message);",
      "const message = ok ? translate(locale, 'FORBIDDEN') : 'Forbidden'; throw new GraphQLError(message);",
    ];
    for (const line of english) expect(unlocalizedErrors('modules/x/x.reader.ts', line)).toHaveLength(1);
    // The helper this test replaced: a free text in, BAD_USER_INPUT out — refused even in relay.ts.
    const oldHelper = 'export function badInput(message: string, field?: string) { return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } }); }';
    expect(unlocalizedErrors('graphql/relay.ts', oldHelper)).toHaveLength(1);
    expect(unlocalizedErrors('modules/x/x.reader.ts', oldHelper)).toHaveLength(2);
    expect(unlocalizedErrors('modules/x/x.reader.ts', "export const e = () => localizedError('CURSOR_INVALID', {}, { code: ErrorCode.BAD_USER_INPUT });")).toHaveLength(1);
    expect(unlocalizedErrors('modules/x/x.reader.ts', "const code = 'BAD_USER_INPUT';")).toHaveLength(1);
    // What the code base does instead passes.
    const keyed = [
      "throw badInputOf('CURSOR_INVALID', {}, 'after'); /* BAD_USER_INPUT */",
      "throw new GraphQLError(translate(locale, 'FORBIDDEN'), {});",
      "const message = denied ? translate(locale, 'READ_NEEDS_SIGN_IN') : translate(locale, 'READ_FORBIDDEN'); throw new GraphQLError(message, {});",
    ];
    for (const line of keyed) expect(unlocalizedErrors('modules/x/x.reader.ts', line)).toEqual([]);
    expect(unlocalizedErrors('graphql/relay.ts', 'localizedError(key, params, { code: ErrorCode.BAD_USER_INPUT });')).toEqual([]);
  });
});
