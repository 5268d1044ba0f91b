/** A cell as a reader gives it: CSV cells are strings; spreadsheet cells keep their type (a formula's cached result). */
export type CellValue = string | number | boolean | Date | null;

/** One row of the chosen sheet, with its 1-based position in the file (CSV line, spreadsheet row number). */
export interface SheetRow {
  position: number;
  cells: CellValue[];
}

export type SpreadsheetFormat = 'csv' | 'xlsx' | 'ods';

/** Guards against hostile or broken files; every reader respects them. */
export interface ParseLimits {
  /** Longest CSV record, in characters (LINE_TOO_LONG beyond). */
  maxRecordSize: number;
  /** Total uncompressed size of a workbook's entries (FILE_TOO_LARGE beyond: zip bombs). */
  maxUncompressedBytes: number;
  /** Entries in a workbook archive. */
  maxZipEntries: number;
  /** Columns read per row; cells beyond are dropped. */
  maxColumns: number;
  /** Copies of one non-empty ODS row repeated with `table:number-rows-repeated`; empty repeated rows cost nothing. */
  maxRepeatedRows: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxRecordSize: 128 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxColumns: 1_024,
  maxRepeatedRows: 1_000,
};

export function isEmptyCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isEmptyRow(cells: readonly CellValue[]): boolean {
  return cells.every(isEmptyCell);
}
