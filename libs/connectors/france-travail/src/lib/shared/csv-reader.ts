import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { IngestFileError, normaliseHeader, type FileHeader, type RecordIssue } from '@spie/ingestion/domain';
import { decodeToUtf8, describeEncoding, type DecodeState } from './decode';

export interface CsvReaderOptions {
  /** Column names the file must have (any order; compared after `normaliseHeader`). */
  columns: readonly string[];
  /** Longest record accepted, in bytes; a longer one (or a quote never closed) stops the file with LINE_TOO_LONG. */
  maxRecordSize?: number;
  delimiter?: string;
  onHeader?(header: FileHeader): void;
}

/** One data line: its cells, addressed by the expected column names. */
export interface CsvRow {
  position: number;
  cells: readonly string[];
  /** Expected column name → index in `cells`. */
  index: ReadonlyMap<string, number>;
}

/** A line the CSV layer could not read (wrong field count, bad quoting): rejected with this issue. */
export interface CsvBadLine {
  position: number;
  /** First cell when the parser could split the line (usually the record's identifier). */
  firstCell?: string;
  issue: RecordIssue;
}

export type CsvItem = { kind: 'row'; row: CsvRow } | { kind: 'bad'; line: CsvBadLine };

export const DEFAULT_MAX_RECORD_SIZE = 64 * 1024;

interface ParsedLine {
  record: string[];
  info: Info;
}

/** Marker pushed into the parser's output, in order, when csv-parse skips a line. */
interface SkippedLine {
  skipped: CsvError;
}

function isSkipped(item: ParsedLine | SkippedLine): item is SkippedLine {
  return 'skipped' in item;
}

function errorLine(error: CsvError): number | undefined {
  const lines: unknown = error['lines'];
  return typeof lines === 'number' ? lines : undefined;
}

function errorRecord(error: CsvError): string[] | undefined {
  const record: unknown = error['record'];
  return Array.isArray(record) && record.every((cell) => typeof cell === 'string') ? record : undefined;
}

/**
 * Reads a `;`-separated file line by line in bounded memory: decoding (UTF-8 with or without BOM, else
 * windows-1252), header check, then one item per data line in file order. Throws `IngestFileError` for whole-file
 * faults: EMPTY_FILE, CSV_MISSING_HEADERS, CSV_MALFORMED (duplicate header), LINE_TOO_LONG, encoding.
 */
export async function* readCsv(
  input: AsyncIterable<unknown>,
  options: CsvReaderOptions,
): AsyncGenerator<CsvItem> {
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const state: DecodeState = { encoding: null, bom: false, bytes: 0 };
  const parser = parse({
    delimiter: options.delimiter ?? ';',
    info: true,
    relax_column_count: false,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordSize,
    on_skip: (error) => {
      if (error) parser.push({ skipped: error } satisfies SkippedLine);
      return undefined;
    },
  });
  let pipelineError: unknown;
  pipeline(Readable.from(decodeToUtf8(input, state)), parser, (error) => {
    pipelineError = error;
  });

  let index: Map<string, number> | null = null;
  let headerWidth = 0;
  try {
    for await (const raw of parser as AsyncIterable<ParsedLine | SkippedLine>) {
      if (isSkipped(raw)) {
        const line = errorLine(raw.skipped);
        if (raw.skipped.code === 'CSV_MAX_RECORD_SIZE') {
          throw new IngestFileError(
            'LINE_TOO_LONG',
            `Line ${line ?? '?'} is longer than ${maxRecordSize} bytes (or opens a quote that is never closed)`,
          );
        }
        if (raw.skipped.code === 'CSV_QUOTE_NOT_CLOSED') {
          throw new IngestFileError(
            'CSV_MALFORMED',
            `The file ends inside a quoted value (quote opened at or before line ${line ?? '?'})`,
          );
        }
        if (index === null) {
          throw new IngestFileError(
            'CSV_MALFORMED',
            `The header line cannot be read: ${raw.skipped.message}`,
          );
        }
        const record = errorRecord(raw.skipped);
        if (record && record.every((cell) => cell.trim() === '')) continue; // a blank line (spaces, a stray CR)
        const bad: CsvBadLine = {
          position: line ?? 0,
          issue: {
            code: 'CSV_MALFORMED',
            message:
              raw.skipped.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && record
                ? `Line ${line ?? '?'} has ${record.length} fields, the header has ${headerWidth}`
                : `Line ${line ?? '?'} cannot be read: ${raw.skipped.code}`,
            severity: 'error',
          },
        };
        if (record && record.length > 0 && record[0].trim() !== '') bad.firstCell = record[0].trim();
        yield { kind: 'bad', line: bad };
        continue;
      }
      if (index === null) {
        if (raw.record.every((cell) => cell.trim() === '')) continue;
        index = readHeader(raw.record, options, state);
        headerWidth = raw.record.length;
        continue;
      }
      yield { kind: 'row', row: { position: raw.info.lines, cells: raw.record, index } };
    }
  } catch (error) {
    throw asFileError(error, maxRecordSize);
  } finally {
    if (!parser.destroyed) parser.destroy();
  }
  if (pipelineError) throw asFileError(pipelineError, maxRecordSize);
  if (index === null) throw new IngestFileError('EMPTY_FILE', 'The file has no header line');
}

function asFileError(error: unknown, maxRecordSize: number): unknown {
  if (error instanceof IngestFileError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new IngestFileError('LINE_TOO_LONG', `A line is longer than ${maxRecordSize} bytes`);
  }
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    return new IngestFileError('CSV_MALFORMED', (error as Error).message);
  }
  return error;
}

function readHeader(cells: string[], options: CsvReaderOptions, state: DecodeState): Map<string, number> {
  const found = new Map<string, number>();
  const duplicates: string[] = [];
  cells.forEach((cell, i) => {
    const name = normaliseHeader(cell);
    if (name === '') return;
    if (found.has(name)) duplicates.push(cell.trim());
    else found.set(name, i);
  });
  if (duplicates.length > 0) {
    throw new IngestFileError('CSV_MALFORMED', `Columns named twice in the header: ${duplicates.join(', ')}`);
  }
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const column of options.columns) {
    const at = found.get(normaliseHeader(column));
    if (at === undefined) missing.push(column);
    else index.set(column, at);
  }
  if (missing.length > 0) {
    const hint =
      cells.length === 1 && /[,\t|]/.test(cells[0])
        ? ` (the header is one single column: the separator must be "${options.delimiter ?? ';'}")`
        : '';
    throw new IngestFileError(
      'CSV_MISSING_HEADERS',
      `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}${hint}`,
    );
  }
  const expected = new Set(options.columns.map((c) => normaliseHeader(c)));
  const unknown = cells.map((c) => c.trim()).filter((c) => c !== '' && !expected.has(normaliseHeader(c)));
  options.onHeader?.({
    referenceDate: null,
    details: {
      encoding: describeEncoding(state),
      bom: state.bom ? 'yes' : 'no',
      columns: cells.length,
      unknownHeaders: unknown.length > 0 ? unknown.join(', ') : null,
    },
  });
  return index;
}
