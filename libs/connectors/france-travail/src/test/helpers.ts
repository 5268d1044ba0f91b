import { Readable } from 'node:stream';
import { encode } from 'iconv-lite';
import { IngestFileError } from '@spie/ingestion/domain';

/** Drains a parser into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A byte stream of one or more chunks. */
export function bytes(...chunks: Array<string | Buffer>): Readable {
  return Readable.from(
    chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)),
  );
}

export function cp1252(text: string): Buffer {
  return encode(text, 'windows-1252');
}

/** The IngestFileError a promise rejects with (fails the test if it resolves or throws something else). */
export async function fileError(promise: Promise<unknown>): Promise<IngestFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestFileError) return error;
    throw error;
  }
  throw new Error('Expected an IngestFileError, the parser finished');
}
