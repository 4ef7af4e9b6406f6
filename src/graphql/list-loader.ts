import DataLoader from 'dataloader';

/** A nested list of one parent record, with the field's arguments (the same for every parent in a page). */
export interface ListKey<P> {
  parentId: string;
  params: P;
}

/**
 * Batches a nested list field (e.g. station.activities(first: 5)) into ONE query per distinct
 * set of arguments per tick: `fetch` receives every parent id at once and returns the rows of all
 * of them (typically a windowed query, `row_number() over (partition by parent …) <= first`).
 * Rows come back grouped by `parentOf` in the order `fetch` returned them.
 */
export function listLoader<P, V>(
  fetch: (parentIds: string[], params: P) => Promise<V[]>,
  parentOf: (value: V) => string,
): DataLoader<ListKey<P>, V[], string> {
  const cacheKey = (key: ListKey<P>) => `${JSON.stringify(key.params)}|${key.parentId}`;
  return new DataLoader<ListKey<P>, V[], string>(
    async (keys) => {
      const groups = new Map<string, { params: P; parentIds: Set<string> }>();
      for (const key of keys) {
        const paramsKey = JSON.stringify(key.params);
        const group = groups.get(paramsKey) ?? { params: key.params, parentIds: new Set<string>() };
        group.parentIds.add(key.parentId);
        groups.set(paramsKey, group);
      }
      const lists = new Map<string, V[]>();
      for (const [paramsKey, group] of groups) {
        for (const value of await fetch([...group.parentIds], group.params)) {
          const key = `${paramsKey}|${parentOf(value)}`;
          const list = lists.get(key);
          if (list) list.push(value);
          else lists.set(key, [value]);
        }
      }
      return keys.map((key) => lists.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

/** Like listLoader, for one grouped count per batch (a nested connection's totalCount); parents without rows count 0. */
export function countLoader<P>(
  fetch: (parentIds: string[], params: P) => Promise<{ parentId: string; count: number }[]>,
): DataLoader<ListKey<P>, number, string> {
  const counts = listLoader<P, { parentId: string; count: number }>(fetch, (row) => row.parentId);
  return new DataLoader<ListKey<P>, number, string>(
    async (keys) => (await counts.loadMany(keys)).map((rows) => (rows instanceof Error ? rows : (rows[0]?.count ?? 0))),
    { cacheKeyFn: (key) => `${JSON.stringify(key.params)}|${key.parentId}` },
  );
}
