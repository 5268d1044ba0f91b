/**
 * Why a whole file or one record of it was refused. Codes are stable (they appear in batch reports, the CLI summary
 * and GraphQL); messages are for people and never contain a NIR.
 */
export const REJECTION_CODES = [
  // Whole file
  'EMPTY_FILE',
  'NOT_XML',
  'XML_MALFORMED',
  'XML_TRUNCATED',
  'XML_DTD_FORBIDDEN',
  'XML_WRONG_ROOT',
  'ENCODING_INVALID',
  'ENCODING_UNSUPPORTED',
  'FILE_TOO_LARGE',
  'CSV_MALFORMED',
  'CSV_MISSING_HEADERS',
  'CSV_UNKNOWN_HEADERS',
  'LINE_TOO_LONG',
  'SPREADSHEET_UNREADABLE',
  'JSON_MALFORMED',
  'UNSUPPORTED_FORMAT',
  // One record
  'SCHEMA_VIOLATION',
  'MISSING_FIELD',
  'INVALID_DATE',
  'INVALID_NIR',
  'INVALID_CODE',
  'INVALID_VALUE',
  'DUPLICATE_IN_FILE',
  'FORMULA_NEUTRALISED',
  'UNKNOWN_PERSON',
  'IDENTITY_CONFLICT',
  'PROCESSING_FAILED',
  // The record writes a category its batch may not write (see SOURCE_WRITES and the sender's habilitation).
  'CATEGORY_NOT_WRITABLE',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A refusal of the whole file: nothing of it is applied (records already read stay staged for inspection). */
export class IngestFileError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestFileError';
  }
}

/** One problem found in one record: `severity: 'error'` rejects the record, `'warning'` keeps it with a note. */
export interface RecordIssue {
  code: RejectionCode;
  message: string;
  /** Path or column of the value at fault, e.g. `Personne[1]/Identification/NIR` or `Date de naissance`. */
  field?: string;
  severity: 'error' | 'warning';
}
