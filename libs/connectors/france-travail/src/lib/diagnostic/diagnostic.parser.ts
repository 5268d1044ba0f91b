import type { Readable } from 'node:stream';
import { IngestFileError, type ParsedItem, type RecordIssue } from '@spie/ingestion/domain';
import { KeySet } from '../shared/key-set';
import { toParsedItem } from '../shared/records';
import { DossierMapper } from './diagnostic.mapping';
import type { FranceTravailDiagnosticRecord } from './diagnostic.types';

export interface ParseDiagnosticOptions {
  /** The France Travail `identifiant` the file was fetched for: required for a bare `DossierIndividuData`. */
  franceTravailId?: string;
  /** Largest file accepted (default 20 MiB): API answers are small, the whole JSON is parsed at once. */
  maxBytes?: number;
}

export const DEFAULT_DIAGNOSTIC_MAX_BYTES = 20 * 1024 * 1024;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBareDossier(value: JsonObject): boolean {
  return 'besoinsParDiagnosticIndividuDtos' in value || 'contraintesIndividusDto' in value;
}

function isWrapped(value: JsonObject): boolean {
  return 'dossier' in value || 'identifiant' in value;
}

async function readAll(input: AsyncIterable<unknown>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : null;
    if (bytes === null)
      throw new IngestFileError('UNSUPPORTED_FORMAT', 'The input stream must carry bytes or text');
    total += bytes.length;
    if (total > maxBytes) {
      throw new IngestFileError('FILE_TOO_LARGE', `The diagnostic file is larger than ${maxBytes} bytes`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function decodeJson(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new IngestFileError('ENCODING_UNSUPPORTED', 'The JSON file is UTF-16; JSON must be UTF-8');
  }
  try {
    // TextDecoder drops a UTF-8 BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestFileError('ENCODING_INVALID', 'The JSON file is not valid UTF-8');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The engine's message may quote the text around the fault: only its position is kept.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    throw new IngestFileError(
      'JSON_MALFORMED',
      `The file is not valid JSON${position ? ` (fault at character ${position[1]})` : ''}`,
    );
  }
}

/**
 * Reads a France Travail "diagnostic argumenté" file: `{ "identifiant": "…", "dossier": DossierIndividuData }`, an
 * array of those, or a bare `DossierIndividuData` with `options.franceTravailId`. Yields one parsed item per dossier
 * (key: the identifiant), mapped onto our référentiel by code (see `DossierMapper`). Whole-file faults throw
 * `IngestFileError`: EMPTY_FILE, FILE_TOO_LARGE, ENCODING_*, JSON_MALFORMED, UNSUPPORTED_FORMAT.
 */
export async function* parseDiagnosticFile(
  input: Readable | AsyncIterable<Buffer | string>,
  options: ParseDiagnosticOptions = {},
): AsyncGenerator<ParsedItem<FranceTravailDiagnosticRecord>> {
  const text = decodeJson(await readAll(input, options.maxBytes ?? DEFAULT_DIAGNOSTIC_MAX_BYTES));
  if (text.trim() === '') throw new IngestFileError('EMPTY_FILE', 'The diagnostic file is empty');
  const json = parseJson(text);
  const seen = new KeySet(16);

  if (Array.isArray(json)) {
    for (const [i, element] of json.entries()) {
      yield mapEntry(element, i + 1, `[${i}]`, undefined, seen);
    }
    return;
  }
  if (!isObject(json) || (!isWrapped(json) && !isBareDossier(json))) {
    throw new IngestFileError(
      'UNSUPPORTED_FORMAT',
      'Expected { identifiant, dossier }, an array of those, or a DossierIndividuData object',
    );
  }
  yield mapEntry(json, 1, '', options.franceTravailId, seen);
}

function mapEntry(
  element: unknown,
  position: number,
  path: string,
  expectedId: string | undefined,
  seen: KeySet,
): ParsedItem<FranceTravailDiagnosticRecord> {
  const issues: RecordIssue[] = [];
  const reject = (code: RecordIssue['code'], field: string, message: string, key?: string) =>
    ({
      kind: 'rejected',
      position,
      ...(key !== undefined ? { key } : {}),
      issues: [{ code, field, message, severity: 'error' }],
    }) satisfies ParsedItem<FranceTravailDiagnosticRecord>;

  if (!isObject(element))
    return reject('SCHEMA_VIOLATION', path || '$', `${path || 'The file'} is not an object`);
  let dossier: unknown;
  let id: string | undefined;
  const idField = path ? `${path}.identifiant` : 'identifiant';
  const dossierPath = isWrapped(element) ? `${path}.dossier` : path;
  if (isWrapped(element)) {
    dossier = element['dossier'];
    const raw = element['identifiant'];
    if (typeof raw === 'string' && raw.trim() !== '') id = raw.trim();
    else if (typeof raw === 'number' && Number.isInteger(raw)) id = String(raw);
    else if (raw !== undefined && raw !== null) {
      return reject('INVALID_VALUE', idField, 'identifiant is neither a string nor a number');
    }
    if (id !== undefined && expectedId !== undefined && id !== expectedId.trim()) {
      return reject(
        'IDENTITY_CONFLICT',
        idField,
        'identifiant differs from the one the file was fetched for',
        id,
      );
    }
  } else {
    dossier = element;
  }
  id ??= position === 1 && path === '' ? expectedId?.trim() || undefined : undefined;
  if (id === undefined) {
    return reject('MISSING_FIELD', idField, 'No France Travail identifiant for this dossier');
  }
  if (!isObject(dossier)) {
    return reject(
      dossier === undefined || dossier === null ? 'MISSING_FIELD' : 'SCHEMA_VIOLATION',
      dossierPath || '$',
      'dossier is missing or not an object',
      id,
    );
  }
  const mapper = new DossierMapper(dossierPath.replace(/^\./, '') || '$');
  const mapping = mapper.map(dossier);
  issues.push(...mapper.issues);
  return toParsedItem(position, id, { franceTravailId: id, ...mapping }, issues, seen, 'identifiant');
}
