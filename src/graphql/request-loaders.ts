import DataLoader from 'dataloader';
import type { SqlReader } from '../db/sql';

/**
 * Batched "load by key" loaders that feature modules keep to themselves, one set per request
 * reader: a new reader (a unit of work's transaction, or the request after it) gets fresh ones,
 * like ctx.loaders. Keyed on the reader object, so nothing outlives the request.
 */
const byReader = new WeakMap<SqlReader, Map<string, DataLoader<string, unknown>>>();

/** The loader `name` of this reader: `fetch` answers a batch of keys with the records found, by key. */
export function requestLoader<V>(db: SqlReader, name: string, fetch: (db: SqlReader, keys: readonly string[]) => Promise<Map<string, V>>): DataLoader<string, V | null> {
  let loaders = byReader.get(db);
  if (!loaders) {
    loaders = new Map();
    byReader.set(db, loaders);
  }
  let loader = loaders.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (keys) => {
      const found = await fetch(db, keys);
      return keys.map((key) => found.get(key) ?? null);
    });
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
