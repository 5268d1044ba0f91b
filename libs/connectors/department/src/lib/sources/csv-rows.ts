import { Readable, pipeline } from 'node:stream';
import { detect } from 'chardet';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { IngestFileError } from '@spie/ingestion/domain';
import type { ByteSource } from './byte-source';
import type { ParseLimits, SheetRow } from './sheet-row';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-15';

export interface CsvLayout {
  encoding: TextEncoding;
  delimiter: ';' | ',' | '\t';
}

/**
 * UTF-8 (with or without BOM) when the head decodes as UTF-8, UTF-16 when it has a BOM (Excel "Unicode text"),
 * otherwise the 8-bit encoding chardet recognises (ISO-8859-15 when it says so, windows-1252 for everything else:
 * French department exports are Windows files).
 */
export function detectEncoding(head: Uint8Array, complete: boolean): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (isUtf8(head, complete)) return 'utf-8';
  const guess = detect(head)?.toLowerCase();
  if (guess === 'utf-16le' || guess === 'utf-16be') return guess;
  if (head.includes(0)) {
    throw new IngestFileError(
      'UNSUPPORTED_FORMAT',
      'the file is binary, neither a spreadsheet nor a CSV text file',
    );
  }
  return guess === 'iso-8859-15' ? 'iso-8859-15' : 'windows-1252';
}

function isUtf8(head: Uint8Array, complete: boolean): boolean {
  // A multi-byte character may straddle the end of the sample: drop an incomplete trailing sequence.
  let end = head.length;
  if (!complete) {
    for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
      const byte = head[end - back];
      if ((byte & 0xc0) === 0xc0) {
        const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
        if (needed > back) end -= back;
        break;
      }
      if ((byte & 0x80) === 0) break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return !head.subarray(0, end).includes(0);
  } catch {
    return false;
  }
}

/** The delimiter among `;`, `,` and tab that occurs most in the header line outside quotes (`;` on a tie). */
export function detectDelimiter(text: string): CsvLayout['delimiter'] {
  const counts: Record<CsvLayout['delimiter'], number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.keys(counts) as Array<CsvLayout['delimiter']>).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return counts[best] === 0 ? ';' : best;
}

/** Decoded text chunks; invalid UTF-8 refuses the file (a mixed-encoding file would corrupt names silently). */
async function* decode(source: ByteSource, encoding: TextEncoding): AsyncGenerator<string> {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let offset = 0;
    for await (const chunk of source.chunks()) {
      try {
        yield decoder.decode(chunk, { stream: true });
      } catch {
        throw new IngestFileError('ENCODING_INVALID', `invalid UTF-8 near byte ${offset}`);
      }
      offset += chunk.length;
    }
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      throw new IngestFileError('ENCODING_INVALID', 'the file ends inside a UTF-8 character');
    }
    return;
  }
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of source.chunks()) {
    yield decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * The layout of a text file from its first bytes: encoding, then the delimiter of the header line.
 */
export function detectLayout(head: Uint8Array, complete: boolean): CsvLayout {
  const encoding = detectEncoding(head, complete);
  const sample =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(head)
      : iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.length), encoding);
  return { encoding, delimiter: detectDelimiter(sample) };
}

/**
 * Rows of a CSV file, streamed through csv-parse. Positions are file lines (a quoted cell spanning lines counts them).
 * Loose quotes are tolerated; a record longer than `maxRecordSize` characters refuses the file (LINE_TOO_LONG).
 */
export async function* csvRows(
  source: ByteSource,
  layout: CsvLayout,
  limits: ParseLimits,
): AsyncGenerator<SheetRow> {
  const parser = parse({
    delimiter: layout.delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    raw: true,
    bom: true,
    max_record_size: limits.maxRecordSize,
  });
  pipeline(Readable.from(decode(source, layout.encoding)), parser, () => undefined);
  let line = 1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      yield { position: line, cells: item.record.slice(0, limits.maxColumns) };
      line += item.raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    }
  } catch (error) {
    throw toFileError(error, limits.maxRecordSize);
  } finally {
    parser.destroy();
  }
}

function toFileError(error: unknown, maxRecordSize: number): unknown {
  if (error instanceof IngestFileError) return error;
  if (error instanceof CsvError) {
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      return new IngestFileError(
        'LINE_TOO_LONG',
        `a line is longer than ${maxRecordSize} characters (${error.message})`,
      );
    }
    return new IngestFileError('CSV_MALFORMED', `the CSV is malformed (${error.message})`);
  }
  return error;
}
