import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GuardConfig } from '../config';
import { localeFromAcceptLanguage } from '../i18n/locale';
import { checkDocumentLimits } from './query-cost';
import { breachError } from './request-guard';

/** Hashes of documents already found within the limits (the same ones come again and again): skip the re-check. */
const ACCEPTED_CACHE_SIZE = 500;

/**
 * The shape of a GraphQL document, checked at the HTTP edge before Apollo parses and validates it:
 * at most `maxTokens` tokens (the parser stops there), then depth, aliases, top-level fields,
 * directives and repeats of one field (see checkDocumentLimits). It runs before the schema
 * validation because some of that validation grows with the square of a document's repeated
 * fields; everything here is linear in the document, which the token limit bounds.
 * A refused document gets HTTP 400 QUERY_TOO_COMPLEX naming the limit; a document that does not
 * parse for another reason is left to Apollo to report.
 */
export function documentGuard(schema: GraphQLSchema, limits: GuardConfig): RequestHandler {
  const accepted = new Set<string>();
  const refuse = (res: Response, error: GraphQLError) => {
    const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
    res.status(400).json({ errors: [{ message: error.message, extensions: { ...extensions, requestId: String(res.getHeader('x-request-id')) } }] });
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const query: unknown = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    const hash = createHash('sha256').update(query).digest('base64');
    if (accepted.has(hash)) return next();
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
    } catch (error) {
      if (error instanceof GraphQLError && /more that \d+ tokens/.test(error.message)) {
        return refuse(res, breachError({ limit: 'tokens', maximum: limits.maxTokens, actual: null }, locale));
      }
      return next();
    }
    const breach = checkDocumentLimits(schema, document, limits);
    if (breach) return refuse(res, breachError(breach, locale));
    if (accepted.size >= ACCEPTED_CACHE_SIZE) accepted.delete(accepted.values().next().value as string);
    accepted.add(hash);
    next();
  };
}
