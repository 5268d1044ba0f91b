import DataLoader from 'dataloader';

export interface LoaderContext {
  loaders?: Map<string, DataLoader<string, unknown>>;
}

/**
 * One DataLoader per request and per name, kept on the GraphQL context: every field resolver that needs the same
 * kind of row for many parents is answered by one query (no N+1).
 */
export function requestLoader<V>(
  context: LoaderContext,
  name: string,
  batch: (keys: readonly string[]) => Promise<Map<string, V>>,
): DataLoader<string, V | null> {
  context.loaders ??= new Map();
  let loader = context.loaders.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (keys) => {
      const found = await batch(keys);
      return keys.map((key) => found.get(key) ?? null);
    });
    context.loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Groups rows by a key, for loaders returning lists. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
