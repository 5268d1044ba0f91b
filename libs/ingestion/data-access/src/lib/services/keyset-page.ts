import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { IngestionException, IngestionExceptionCode } from '@spie/ingestion/domain';

/** One page of a list read newest (or oldest) first, with the cursor of its last row. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An opaque cursor: the id of the last row seen, so that rows added meanwhile never shift a page. */
export function encodeCursor(id: string): string {
  return Buffer.from(`c:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('c:') ? decoded.slice(2) : '';
  if (!isUuid(id))
    throw new IngestionException(IngestionExceptionCode.InvalidCursor, 'The cursor is not valid');
  return id;
}

/**
 * Keyset pagination: rows strictly after the cursor's row in the order `(columns…, id)`, all in one direction. The
 * cursor's row is read by id inside the query, so timestamps keep their microseconds; a cursor whose row is gone is
 * refused rather than answered with a wrong page.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  options: { table: string; columns: string[]; direction: 'ASC' | 'DESC' } & PageRequest,
): Promise<Page<T>> {
  const alias = query.alias;
  const keys = [...options.columns, 'id'];
  const totalCount = await query.clone().getCount();
  if (options.after) {
    const afterId = decodeCursor(options.after);
    const exists = await query
      .clone()
      .select(`${alias}.id`)
      .where(`${alias}.id = :afterId`, { afterId })
      .getRawOne();
    if (!exists)
      throw new IngestionException(IngestionExceptionCode.InvalidCursor, 'The cursor is not valid');
    const comparison = options.direction === 'DESC' ? '<' : '>';
    query.andWhere(
      `(${keys.map((key) => `${alias}.${key}`).join(', ')}) ${comparison} (SELECT ${keys.map((key) => `k.${key}`).join(', ')} FROM ${options.table} k WHERE k.id = :afterId)`,
      { afterId },
    );
  }
  for (const key of keys) query.addOrderBy(`${alias}.${key}`, options.direction);
  const rows = await query.limit(options.first + 1).getMany();
  const items = rows.slice(0, options.first);
  return {
    items,
    hasNextPage: rows.length > options.first,
    endCursor: items.length > 0 ? encodeCursor(items[items.length - 1].id) : null,
    totalCount,
  };
}
