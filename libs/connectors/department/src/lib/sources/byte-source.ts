import type { Readable } from 'node:stream';

/**
 * Pull-based access to a byte stream with a replayable head: the format is sniffed from the first bytes, then the
 * reader that fits consumes the head and the rest in order.
 */
export class ByteSource {
  private readonly iterator: AsyncIterator<unknown>;
  private readonly pending: Uint8Array[] = [];
  private done = false;

  constructor(input: Readable | AsyncIterable<unknown>) {
    this.iterator = (input as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  }

  /** The next chunk, or `null` at the end. */
  async next(): Promise<Uint8Array | null> {
    const head = this.pending.shift();
    if (head) return head;
    if (this.done) return null;
    const result = await this.iterator.next();
    if (result.done) {
      this.done = true;
      return null;
    }
    return toBytes(result.value);
  }

  /** Reads until at least `size` bytes are buffered (or the end), without consuming them. */
  async peek(size: number): Promise<Uint8Array> {
    let buffered = this.pending.reduce((sum, chunk) => sum + chunk.length, 0);
    while (buffered < size && !this.done) {
      const result = await this.iterator.next();
      if (result.done) {
        this.done = true;
        break;
      }
      const chunk = toBytes(result.value);
      this.pending.push(chunk);
      buffered += chunk.length;
    }
    return Buffer.concat(this.pending);
  }

  /** Every remaining chunk. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    for (let chunk = await this.next(); chunk !== null; chunk = await this.next()) {
      if (chunk.length > 0) yield chunk;
    }
  }

  /** Stops the underlying stream (the caller stopped reading). */
  async close(): Promise<void> {
    this.done = true;
    this.pending.length = 0;
    await this.iterator.return?.();
  }
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  throw new TypeError('department file stream must yield bytes');
}
