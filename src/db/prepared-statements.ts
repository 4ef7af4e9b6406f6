import { createHash } from 'node:crypto';

/**
 * Prepared statements for the planned reads. A planned read is one large statement whose text
 * depends only on the shape of the selection (every value is a binding), so a client sending the
 * same document again sends the same text: naming it lets PostgreSQL skip parsing it again, and
 * after a few runs planning it again too — about a third of the database's time on the partner page
 * (PostGraphile does the same). Each connection keeps at most `PREPARED_PER_CONNECTION` of them,
 * least recently used first out, so ad-hoc queries cannot grow a backend's memory without bound.
 */
export const PREPARED_PER_CONNECTION = 100;

/** The statement's name: the same text always gets the same name, and different texts different names. */
export function preparedStatementName(text: string): string {
  return `yz_${createHash('sha1').update(text).digest('hex')}`;
}

/** The part of a pg client this module touches. */
export interface PreparingClient {
  query(config: unknown, ...rest: unknown[]): unknown;
  connection: { parsedStatements: Record<string, string> };
  /** Set by knex on a connection it must not hand out again (knex destroys it instead). */
  __knex__disposed?: unknown;
}

/**
 * Makes a pooled pg client keep at most `max` named statements, deallocating the least recently
 * used one when a new one would exceed it. Should a deallocation fail (inside a transaction that
 * already failed, say), the backend may still hold a statement the client has forgotten, so the
 * connection is marked for knex to destroy rather than reuse.
 */
export function limitPreparedStatements(client: PreparingClient, max = PREPARED_PER_CONNECTION): void {
  const recent = new Map<string, true>();
  const query = client.query.bind(client);
  client.query = (config: unknown, ...rest: unknown[]) => {
    const name = typeof config === 'object' && config !== null ? (config as { name?: unknown }).name : undefined;
    if (typeof name === 'string') {
      if (recent.delete(name)) recent.set(name, true);
      else {
        recent.set(name, true);
        if (recent.size > max) evict(recent.keys().next().value as string);
      }
    }
    return query(config, ...rest);
  };

  function evict(name: string): void {
    recent.delete(name);
    if (!client.connection.parsedStatements[name]) return;
    delete client.connection.parsedStatements[name];
    // Queued before the caller's statement: pg runs a client's queries in order.
    query(`deallocate ${name}`, (error: Error | null) => {
      if (error) client.__knex__disposed = 'a prepared statement could not be deallocated';
    });
  }
}
