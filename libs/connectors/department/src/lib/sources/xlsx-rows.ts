import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { IngestFileError } from '@spie/ingestion/domain';
import type { CellValue, ParseLimits, SheetRow } from './sheet-row';
import type { ZipPump } from './zip-pump';

export interface SheetChoice {
  /** Sheet to read (compared trimmed and case-insensitively); the first sheet when absent. */
  sheetName?: string;
  /** Told the name of the sheet read, before its first row. */
  onSheet(name: string): void;
}

/**
 * Rows of one sheet of an XLSX workbook, through exceljs's streaming `WorkbookReader` (shared strings cached, styles
 * cached so that date-formatted cells come back as dates). The archive bytes pass through the {@link ZipPump} first,
 * which refuses a zip bomb before exceljs inflates it. A formula cell gives its cached result, never the formula.
 */
export async function* xlsxRows(
  pump: ZipPump,
  head: Uint8Array[],
  choice: SheetChoice,
  limits: ParseLimits,
): AsyncGenerator<SheetRow> {
  const input = new PassThrough({ highWaterMark: 256 * 1024 });
  input.on('error', () => undefined);
  const abort = new AbortController();
  let failure: unknown;
  let stopped = false;
  const write = async (chunk: Uint8Array): Promise<void> => {
    if (input.destroyed || abort.signal.aborted) throw new Error('reading stopped');
    if (!input.write(chunk)) await once(input, 'drain', { signal: abort.signal });
  };
  const feeding = (async () => {
    try {
      for (const chunk of head) await write(chunk);
      for (let chunk = await pump.next(); chunk !== null; chunk = await pump.next()) await write(chunk);
    } catch (error) {
      if (!stopped) failure ??= error;
    } finally {
      // Ending early (a refused archive) makes exceljs stop with FILE_ENDED; the recorded failure is what is reported.
      if (!input.destroyed) input.end();
    }
  })();

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const wanted = choice.sheetName?.trim().toLowerCase();
  const seen: string[] = [];
  let found = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as { name?: unknown }).name;
      const sheetName = typeof name === 'string' ? name : `sheet ${seen.length + 1}`;
      seen.push(sheetName);
      if (found || (wanted !== undefined && sheetName.trim().toLowerCase() !== wanted)) {
        // Other sheets are read through, not abandoned: exceljs spools a sheet stored before the shared strings to a
        // temporary file and only deletes it (and closes its stream) once the sheet has been read.
        for await (const row of sheet) void row;
        continue;
      }
      found = true;
      choice.onSheet(sheetName);
      for await (const row of sheet) {
        yield { position: row.number, cells: toCells(row.values, limits.maxColumns) };
      }
    }
  } catch (error) {
    throw failure ?? unreadable(error);
  } finally {
    stopped = true;
    abort.abort();
    input.destroy();
    await feeding;
  }
  if (failure) throw failure;
  if (!found) {
    throw new IngestFileError(
      'SPREADSHEET_UNREADABLE',
      wanted === undefined
        ? 'the workbook has no sheet'
        : `the workbook has no sheet named "${choice.sheetName}" (sheets: ${seen.join(', ') || 'none'})`,
    );
  }
}

function unreadable(error: unknown): unknown {
  if (error instanceof IngestFileError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new IngestFileError('SPREADSHEET_UNREADABLE', `the XLSX workbook cannot be read (${detail})`);
}

function toCells(values: ExcelJS.Row['values'], maxColumns: number): CellValue[] {
  if (!Array.isArray(values)) return [];
  const cells: CellValue[] = [];
  // exceljs rows are 1-based: index 0 is always empty.
  for (let index = 1; index < values.length && cells.length < maxColumns; index += 1) {
    cells.push(toCell(values[index]));
  }
  return cells;
}

/** An exceljs cell value as a plain value: rich text joined, hyperlink text, formula result, errors as empty. */
export function toCell(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = (value as { result?: unknown }).result;
    if (
      typeof result === 'string' ||
      typeof result === 'boolean' ||
      typeof result === 'number' ||
      result instanceof Date
    ) {
      return toCell(result);
    }
    return null;
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : toCell(value.text);
  return null;
}
