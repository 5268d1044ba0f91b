import type { RecordIssue } from './rejection';

/**
 * What a connector's parser yields, one item per record of the file, in file order. Parsers are streaming: they take
 * a byte stream and never hold more than one record (plus a bounded buffer) in memory.
 */
export type ParsedItem<T> = ParsedRecord<T> | RejectedRecord;

export interface ParsedRecord<T> {
  kind: 'record';
  /** 1-based position of the record in the file (line for CSV, element index for XML, row for spreadsheets). */
  position: number;
  /**
   * The record's natural key within its source (e.g. `caf:521:1234567` for a household, the France Travail id for a
   * principal row): with the file hash it makes job ids deterministic and finds duplicates within a file.
   */
  key: string;
  data: T;
  /** Warnings kept with the record (e.g. a neutralised formula); errors are never here. */
  warnings: RecordIssue[];
}

export interface RejectedRecord {
  kind: 'rejected';
  position: number;
  key?: string;
  issues: RecordIssue[];
}

/** Header-level facts a parser learns before the records (e.g. the CAF `IdentificationFlux`). */
export interface FileHeader {
  /** Reference date of the file (`DTREF`, extraction date…), YYYY-MM-DD: orders files of one source. */
  referenceDate?: string | null;
  /** `M` stock (complete) or `I` increment for CAF/MSA; other sources: undefined. */
  fluxType?: string | null;
  /** Anything else worth keeping in the batch (application, version, counts announced by the file). */
  details?: Record<string, string | number | null>;
}
