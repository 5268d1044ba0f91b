import { getDecoder } from 'iconv-lite';
import { IngestFileError } from '@spie/ingestion/domain';

/**
 * What the decoder learnt about the bytes. `encoding` stays `null` while every byte read so far is ASCII (the two
 * candidate encodings agree on ASCII, so nothing needs deciding until the first byte ≥ 0x80).
 */
export interface DecodeState {
  encoding: 'utf-8' | 'windows-1252' | null;
  bom: boolean;
  bytes: number;
}

export interface DecodeOptions {
  /** How many bytes after the first non-ASCII byte are checked before choosing the encoding (default 64 KiB). */
  sniffBytes?: number;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DEFAULT_SNIFF = 64 * 1024;

/** `encoding` as reported in a file header: `ascii` when no byte ≥ 0x80 was met yet. */
export function describeEncoding(state: DecodeState): string {
  return state.encoding ?? 'ascii';
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new IngestFileError('UNSUPPORTED_FORMAT', 'The input stream must carry bytes or text');
}

function firstNonAscii(buffer: Buffer): number {
  for (let i = 0; i < buffer.length; i++) {
    if (buffer[i] >= 0x80) return i;
  }
  return -1;
}

/** True when the bytes are UTF-8, allowing a multi-byte sequence cut at the end of the window. */
function isUtf8(window: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(window, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function checkMagic(head: Buffer): void {
  if (head[0] === 0xff && head[1] === 0xfe) {
    throw new IngestFileError(
      'ENCODING_UNSUPPORTED',
      'The file is UTF-16 (little endian); expected UTF-8 or windows-1252',
    );
  }
  if (head[0] === 0xfe && head[1] === 0xff) {
    throw new IngestFileError(
      'ENCODING_UNSUPPORTED',
      'The file is UTF-16 (big endian); expected UTF-8 or windows-1252',
    );
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new IngestFileError('UNSUPPORTED_FORMAT', 'The file is a ZIP archive (XLSX?), not a CSV text file');
  }
  if (head.includes(0)) {
    throw new IngestFileError(
      'UNSUPPORTED_FORMAT',
      'The file contains NUL bytes: it is binary (encrypted, compressed or UTF-16), not a CSV text file',
    );
  }
}

/**
 * Streams a byte source as UTF-8 bytes. A UTF-8 BOM is removed. The encoding is chosen at the first non-ASCII byte:
 * UTF-8 if the next `sniffBytes` bytes are valid UTF-8, windows-1252 otherwise (a file that is not valid UTF-8 is read
 * as windows-1252). Once UTF-8 is chosen, a later invalid sequence becomes U+FFFD (the record reader flags it);
 * windows-1252 never fails. Memory: one chunk plus at most `sniffBytes` of look-ahead.
 */
export async function* decodeToUtf8(
  source: AsyncIterable<unknown>,
  state: DecodeState,
  options: DecodeOptions = {},
): AsyncGenerator<Buffer> {
  const sniff = options.sniffBytes ?? DEFAULT_SNIFF;
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  /** True until the first window is decided or known to be ASCII. */
  let holding = true;
  const cp1252: { decoder: ReturnType<typeof getDecoder> | null } = { decoder: null };

  const convert = (bytes: Buffer): Buffer => {
    if (bytes.length === 0) return bytes;
    if (state.encoding === 'windows-1252') {
      cp1252.decoder ??= getDecoder('windows-1252');
      return Buffer.from(cp1252.decoder.write(bytes), 'utf8');
    }
    return bytes;
  };

  /**
   * Emits what can be emitted from `pending`; `final` at the end of the source. Nothing is emitted before the first
   * window is known (so the header line is read once the encoding is, if it shows in the first `sniff` bytes).
   */
  function* drain(final: boolean): Generator<Buffer> {
    if (!started) {
      if (pending.length < sniff && !final) return;
      started = true;
      checkMagic(pending.subarray(0, sniff));
      if (pending.subarray(0, 3).equals(UTF8_BOM)) {
        state.bom = true;
        state.encoding = 'utf-8';
        pending = pending.subarray(3);
      }
    }
    if (state.encoding !== null) {
      const out = convert(pending);
      pending = Buffer.alloc(0);
      if (out.length > 0) yield out;
      return;
    }
    const at = firstNonAscii(pending);
    if (at < 0) {
      holding = false;
      if (pending.length > 0) yield pending;
      pending = Buffer.alloc(0);
      return;
    }
    if (pending.length - at < sniff && !final) {
      // Wait for a whole window after the first non-ASCII byte; the ASCII before it can go, unless still holding.
      if (!holding && at > 0) {
        yield pending.subarray(0, at);
        pending = pending.subarray(at);
      }
      return;
    }
    holding = false;
    state.encoding = isUtf8(pending.subarray(at, at + sniff)) ? 'utf-8' : 'windows-1252';
    const out = convert(pending);
    pending = Buffer.alloc(0);
    if (out.length > 0) yield out;
  }

  for await (const chunk of source) {
    const bytes = toBuffer(chunk);
    state.bytes += bytes.length;
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    yield* drain(false);
  }
  yield* drain(true);
  if (cp1252.decoder) {
    const rest = cp1252.decoder.end();
    if (rest) yield Buffer.from(rest, 'utf8');
  }
}
