import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { actorOf, attachRecorder, ChangeRecorder, type ChangeActor } from '../modules/audit/change-recorder';
import type { Context } from './context';
import { createLoaders } from './loaders';

/**
 * 工作单元 One mutation field, run as one unit of work: its transaction opens before its first
 * read; every read, loader, lock and write inside it goes through that transaction (a statement
 * that would not throws at once, see RequestDatabase); it commits when the field succeeds and
 * rolls back as a whole when it fails — with user errors in its payload, or with an error. Its
 * loaders are its own, and fresh ones follow it: a document with several mutations behaves
 * exactly as if they were sent one by one. Inside an idempotent request's transaction, the unit
 * is a savepoint of it (the request commits, with its stored response, at its end).
 *
 * Every field of the Mutation type goes through here: getSchema wraps each one
 * (runMutationsAsUnitsOfWork), so no resolver can forget it.
 */
export interface UnitOfWork {
  /** The mutation field, e.g. updateStation. */
  readonly mutation: string;
  /** The transaction every statement of the unit goes through. */
  readonly trx: Knex.Transaction;
  /**
   * Where every write of the unit reports what it changed (flushes of its EntityManager do so by
   * themselves): stored with the unit's actor, request id and mutation just before it commits.
   */
  readonly recorder: ChangeRecorder;
  /** Savepoints taken so far (see savepoint), for their names. */
  savepoints: number;
}

/** Whether a mutation's result is a payload that reports user errors: then nothing of it may stay. */
export function hasUserErrors(value: unknown): boolean {
  const errors = (value as { userErrors?: unknown } | null)?.userErrors;
  return Array.isArray(errors) && errors.length > 0;
}

const UNIT_SAVEPOINT = 'unit_of_work';

/**
 * Runs `work` as the unit of work of the mutation field `mutation` on the request context `ctx`
 * (the object Apollo hands the resolver: its fields are switched to the unit's transaction and
 * back, never a captured original's). `actor` replaces the caller's own where the writer is not the
 * request's principal alone (an import recorded under its file's name).
 */
export async function runUnitOfWork<T>(
  ctx: Context,
  mutation: string,
  work: () => Promise<T>,
  failed: (value: T) => boolean = hasUserErrors,
  actor: ChangeActor = actorOf(ctx.principal, ctx.requestId, mutation),
): Promise<T> {
  if (ctx.unit) throw new Error(`The unit of work of ${mutation} would nest inside the one of ${ctx.unit.mutation}`);
  const outer = ctx.database.transaction;
  const trx = outer ?? (await ctx.database.begin());
  const leave = ctx.database.enter(trx);
  const before = { em: ctx.em, db: ctx.db };
  let settled = false;
  try {
    if (outer) await trx.raw(`savepoint ${UNIT_SAVEPOINT}`);
    const em = ctx.database.entityManager(trx);
    const recorder = new ChangeRecorder(actor);
    attachRecorder(em, recorder);
    ctx.unit = { mutation, trx, recorder, savepoints: 0 };
    ctx.em = em;
    ctx.db = ctx.database.reader(trx);
    ctx.loaders = createLoaders(ctx.db);
    const value = await work();
    if (!failed(value)) {
      await em.flush();
      await recorder.write(trx);
      if (outer) await trx.raw(`release savepoint ${UNIT_SAVEPOINT}`);
      else await trx.commit();
      settled = true;
    }
    return value;
  } finally {
    if (!settled) await (outer ? trx.raw(`rollback to savepoint ${UNIT_SAVEPOINT}`) : trx.rollback()).catch(() => undefined);
    leave();
    ctx.unit = null;
    ctx.em = before.em;
    ctx.db = before.db;
    // What the unit wrote is committed now (or gone): nothing read before it may be served from a cache.
    ctx.loaders = createLoaders(ctx.db);
  }
}

/** The unit of work a mutation's service runs in; services are only ever called inside one. */
export function unitOf(ctx: Context): UnitOfWork {
  if (!ctx.unit) throw new Error('A write needs a unit of work: mutation fields get one from getSchema');
  return ctx.unit;
}

/** Runs a mutation's writes on its unit of work's EntityManager and flushes them (reads in `work` see them afterwards). */
export async function write<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  unitOf(ctx);
  const value = await work(ctx.em);
  await ctx.em.flush();
  return value;
}

/**
 * write, in a savepoint: a statement the database refuses (a unique key already taken, a row
 * still referenced) undoes only `work`'s statements and what it reported to the change recorder,
 * and leaves the unit usable — the caller may then read, to turn the refusal into a user error
 * that names what is in the way, or try again. The identity map is cleared after a refusal:
 * entities it holds may describe rows the savepoint took back.
 */
export async function savepoint<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const unit = unitOf(ctx);
  const name = `guard_${++unit.savepoints}`;
  const restoreRecorder = unit.recorder.checkpoint();
  await unit.trx.raw(`savepoint ${name}`);
  try {
    const value = await work(ctx.em);
    await ctx.em.flush();
    await unit.trx.raw(`release savepoint ${name}`);
    return value;
  } catch (error) {
    await unit.trx.raw(`rollback to savepoint ${name}`);
    restoreRecorder();
    ctx.em.clear();
    throw error;
  }
}

/** Resolvers already wrapped (wrapping twice would nest units). */
const unitsOfWork = new WeakSet<GraphQLFieldResolver<unknown, Context>>();

/** Wraps every field of the schema's Mutation type in runUnitOfWork; called once, where the schema is built. */
export function runMutationsAsUnitsOfWork(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>;
    if (unitsOfWork.has(resolve)) continue;
    const wrapped: GraphQLFieldResolver<unknown, Context> = (source, args, ctx, info) => runUnitOfWork(ctx, info.fieldName, async () => resolve(source, args, ctx, info));
    unitsOfWork.add(wrapped);
    field.resolve = wrapped;
  }
}
