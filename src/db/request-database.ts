import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';
import { StatementOutsideTransaction } from './failures';
import { createSqlReader, type SqlBudget, type SqlReader } from './sql';

/**
 * One request's way to the database. While a transaction is open for the request (a mutation
 * field's unit of work, or an idempotent request's transaction), it is the only way in: a reader
 * bound to anything else — the pool, or a reader or loader made before the transaction began —
 * throws StatementOutsideTransaction before sending anything. Waiting instead would hang: on the
 * embedded database the pool has a single connection, and the open transaction holds it.
 */
export class RequestDatabase {
  /** The transaction every statement must go through now; null while none is open. */
  private current: Knex.Transaction | null = null;

  constructor(
    private readonly orm: MikroORM,
    readonly budget: SqlBudget,
  ) {}

  /** Plain-row reads through `trx`, or through the pool when it is omitted. */
  reader(trx?: Knex.Transaction): SqlReader {
    const executor = trx ?? null;
    return createSqlReader(trx ?? this.orm.em.getKnex(), this.budget, () => this.assertThrough(executor));
  }

  /** Begins a transaction on a pooled connection; refused while another transaction of the request is open. */
  begin(): Promise<Knex.Transaction> {
    this.assertThrough(null);
    return this.orm.em.getKnex().transaction();
  }

  /**
   * From now until the returned function is called, every statement of the request must go
   * through `trx`. Calls nest: leaving restores the transaction that was open before.
   */
  enter(trx: Knex.Transaction): () => void {
    const previous = this.current;
    this.current = trx;
    return () => {
      this.current = previous;
    };
  }

  /** The open transaction, if any. */
  get transaction(): Knex.Transaction | null {
    return this.current;
  }

  /**
   * A fresh EntityManager (empty identity map) whose statements go through `trx`, with an event
   * manager of its own so that subscribers registered on it (a unit's change recorder) see only
   * its flushes.
   */
  entityManager(trx: Knex.Transaction): EntityManager {
    const em = this.orm.em.fork({ clear: true, cloneEventManager: true }) as EntityManager;
    em.setTransactionContext(trx);
    return em;
  }

  private assertThrough(executor: Knex.Transaction | null): void {
    if (this.current && this.current !== executor) throw new StatementOutsideTransaction();
  }
}

/**
 * Stands in for the EntityManager outside a unit of work: entities are written (and read for
 * writing) only inside one, so any use throws at once rather than reaching for a pooled connection.
 */
export function closedEntityManager(): EntityManager {
  return new Proxy({} as EntityManager, {
    get(_target, property) {
      // Let promise checks and inspection see a plain object.
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
      throw new Error(`EntityManager.${property}: entities are written only inside a mutation's unit of work`);
    },
  });
}
