import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** A value COPY writes: null, text, number, boolean, date, a text array, or an object written as JSON (jsonb). */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[] | object;

/** Rows per piece of the COPY stream: large enough for few writes, small enough not to hold a chunk twice. */
const ROWS_PER_PIECE = 500;

/**
 * Bulk-inserts rows with `COPY … FROM STDIN` on the connection of the given manager (inside its transaction when it
 * has one). Several times faster than an INSERT of a JSON recordset for thousands of rows: no JSON for PostgreSQL to
 * parse, no plan. Plain inserts only (no ON CONFLICT): use it for append-only rows (history, events, new entities).
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly CopyValue[]>,
): Promise<void> {
  if (rows.length === 0) return;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const release = !manager.queryRunner;
  try {
    const client = (await runner.connect()) as PoolClient;
    const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
    await pipeline(Readable.from(pieces(rows, columns.length)), client.query(copyFrom(sql)));
  } finally {
    if (release) await runner.release();
  }
}

function* pieces(rows: ReadonlyArray<readonly CopyValue[]>, width: number): Generator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
    let text = '';
    for (const row of rows.slice(start, start + ROWS_PER_PIECE)) {
      if (row.length !== width)
        throw new Error(`copyRows: a row has ${row.length} values for ${width} columns`);
      text += `${row.map(copyField).join('\t')}\n`;
    }
    yield text;
  }
}

/** One field in COPY's text format. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`copyRows: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value as readonly string[]));
  return escapeText(JSON.stringify(value));
}

/** A PostgreSQL array literal of texts: `{"a","b \"c\""}` (NULL for null elements). */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values
    .map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`))
    .join(',')}}`;
}

const SPECIAL = /[\\\t\n\r]/;

function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`copyRows: ${name} is not a plain identifier`);
  return `"${name}"`;
}
