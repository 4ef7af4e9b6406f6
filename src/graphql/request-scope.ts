import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareFn } from 'type-graphql';
import type { Principal } from '../auth/principal';

/**
 * Who is doing what in the current request, for code that has no GraphQL context at hand — the
 * audit recorder runs inside MikroORM's flush. Empty outside requests (CLI, seeds): SYSTEM.
 */
export interface RequestScope {
  principal?: Principal;
  requestId?: string;
  /** The mutation field being run, e.g. updateStation. */
  mutation?: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** Names the mutation field being run in the request scope, for the audit trail. */
export const RecordMutationName: MiddlewareFn = ({ info }, next) => {
  if (info.parentType.name === 'Mutation') {
    const scope = requestScope.getStore();
    if (scope) scope.mutation = info.fieldName;
  }
  return next();
};
