import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException } from '@mikro-orm/core';
import { describeDriverError } from '../db/redact';
import { logger } from '../logger';
import type { Context } from './context';
import { databaseFailureError, ErrorCode, localizeErrors } from './errors';

/** Every error of a request in the language its Accept-Language asks for (see localizeErrors). */
export function errorLocalization(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          localizeErrors(errors, contextValue.locale);
        },
      };
    },
  };
}

/** Whether the document asks for the schema (`__schema` or `__type`). */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Turns database failures into the typed errors a caller can act on (TIMEOUT, SERVICE_UNAVAILABLE
 * with HTTP 503), logs the unexpected ones with the request id (message and stack only: no
 * variables), and tags them with the request id so a caller can quote it to support.
 */
export function errorLogging(requestTimeoutMs: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof GraphQLError && original.extensions?.code) continue;
            const typed = databaseFailureError(original, { ...contextValue, requestTimeoutMs });
            if (typed) {
              logger.warn(typed.extensions.code === ErrorCode.TIMEOUT ? 'request timed out' : 'database unavailable', {
                requestId: contextValue.requestId,
                operationName: operationName ?? null,
                error: original instanceof Error ? describeDriverError(original as Error & { code?: string }) : String(original),
              });
              error.message = typed.message;
              Object.assign(error.extensions, typed.extensions);
              continue;
            }
            // A driver error's message and stack quote the statement with its values (names, phones).
            const driver = original instanceof DriverException;
            logger.error('unexpected error', {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              path: error.path?.join('.') ?? null,
              error: driver ? describeDriverError(original) : original instanceof Error ? `${original.name}: ${original.message}` : String(original),
              stack: !driver && original instanceof Error ? (original.stack ?? null) : null,
            });
            error.extensions.requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
