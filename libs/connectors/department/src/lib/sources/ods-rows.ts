import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { IngestFileError } from '@spie/ingestion/domain';
import type { SheetChoice } from './xlsx-rows';
import { isEmptyCell, type CellValue, type ParseLimits, type SheetRow } from './sheet-row';
import type { ZipPump } from './zip-pump';

/** XML characters handed to saxes per step, so that rows are yielded between steps. */
const XML_STEP = 64 * 1024;
/** Spaces one `<text:s text:c="…"/>` may stand for. */
const MAX_SPACES = 1_000;

interface CellState {
  repeat: number;
  type: string | undefined;
  typed: CellValue;
  text: string;
  paragraphs: number;
}

/**
 * Rows of one table of an ODS workbook: the inflated `content.xml` (from the {@link ZipPump}) read with saxes.
 * Typed cells keep their `office:value-type` (float, percentage, currency → number; date → Date; boolean); other cells
 * give their text (paragraphs joined by new lines, `text:s`, tabs and line breaks honoured, annotations left out).
 * `table:formula` is never read: the cached value is. Repeated columns and rows are expanded up to the limits; empty
 * repeated rows and trailing empty cells cost nothing (a sheet's `number-rows-repeated="1048000"` filler).
 */
export async function* odsRows(
  pump: ZipPump,
  choice: SheetChoice,
  limits: ParseLimits,
): AsyncGenerator<SheetRow> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // Rows read by the last step; a repeated row is one entry with its number of copies (expanded when yielded).
  const ready: Array<{ row: SheetRow; copies: number }> = [];
  const wanted = choice.sheetName?.trim().toLowerCase();
  const seen: string[] = [];
  let tableDepth = 0;
  let reading = false;
  let finished = false;
  let position = 0;
  let row: CellValue[] | undefined;
  let rowRepeat = 1;
  let pendingEmpty = 0;
  let cell: CellState | undefined;
  let annotationDepth = 0;

  const appendText = (text: string): void => {
    if (!cell || annotationDepth > 0) return;
    cell.text += text;
    if (cell.text.length > limits.maxRecordSize) {
      throw new IngestFileError('LINE_TOO_LONG', `row ${position + 1} has a cell longer than the limit`);
    }
  };
  function* drain(): Generator<SheetRow> {
    while (ready.length > 0) {
      const { row: first, copies } = ready.shift() as { row: SheetRow; copies: number };
      for (let copy = 0; copy < copies; copy += 1) {
        yield { position: first.position + copy, cells: copy === 0 ? first.cells : [...first.cells] };
      }
    }
  }

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    if (name === 'table:table') {
      tableDepth += 1;
      if (tableDepth > 1 || finished) return;
      const tableName = tag.attributes['table:name'] ?? `sheet ${seen.length + 1}`;
      seen.push(tableName);
      if (wanted === undefined || tableName.trim().toLowerCase() === wanted) {
        reading = true;
        choice.onSheet(tableName);
      }
      return;
    }
    if (!reading || tableDepth !== 1) return;
    switch (name) {
      case 'table:table-row':
        row = [];
        pendingEmpty = 0;
        rowRepeat = count(tag.attributes['table:number-rows-repeated']);
        return;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (!row) return;
        cell = {
          repeat: count(tag.attributes['table:number-columns-repeated']),
          type: tag.attributes['office:value-type'],
          typed: typedValue(tag.attributes),
          text: '',
          paragraphs: 0,
        };
        return;
      case 'office:annotation':
        annotationDepth += 1;
        return;
      case 'text:p':
      case 'text:h':
        if (cell && annotationDepth === 0) {
          if (cell.paragraphs > 0) cell.text += '\n';
          cell.paragraphs += 1;
        }
        return;
      case 'text:s':
        appendText(' '.repeat(Math.min(count(tag.attributes['text:c']), MAX_SPACES)));
        return;
      case 'text:tab':
        appendText('\t');
        return;
      case 'text:line-break':
        appendText('\n');
        return;
      default:
        return;
    }
  });

  parser.on('text', (text) => appendText(text));

  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    if (name === 'table:table') {
      tableDepth -= 1;
      if (tableDepth === 0 && reading) {
        reading = false;
        finished = true;
      }
      return;
    }
    if (!reading || tableDepth !== 1) return;
    switch (name) {
      case 'office:annotation':
        annotationDepth -= 1;
        return;
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        if (!row || !cell) return;
        const value = cellValue(cell);
        if (isEmptyCell(value)) {
          pendingEmpty += cell.repeat;
        } else {
          while (pendingEmpty > 0 && row.length < limits.maxColumns) {
            row.push(null);
            pendingEmpty -= 1;
          }
          pendingEmpty = 0;
          for (let copy = 0; copy < cell.repeat && row.length < limits.maxColumns; copy += 1) row.push(value);
        }
        cell = undefined;
        return;
      }
      case 'table:table-row': {
        if (!row) return;
        if (row.length > 0) {
          ready.push({
            row: { position: position + 1, cells: row },
            copies: Math.min(rowRepeat, limits.maxRepeatedRows),
          });
        }
        position += rowRepeat;
        row = undefined;
        return;
      }
      default:
        return;
    }
  });

  parser.on('error', (error) => {
    throw new IngestFileError(
      'SPREADSHEET_UNREADABLE',
      `the ODS content is not well-formed XML (${error.message})`,
    );
  });

  const decoder = new TextDecoder('utf-8');
  const feed = (text: string): void => {
    for (let offset = 0; offset < text.length; offset += XML_STEP) {
      parser.write(text.slice(offset, offset + XML_STEP));
    }
  };

  for (;;) {
    while (pump.content.length > 0 && !finished) {
      const data = pump.content.shift() as Uint8Array;
      for (let offset = 0; offset < data.length && !finished; offset += XML_STEP) {
        feed(decoder.decode(data.subarray(offset, offset + XML_STEP), { stream: true }));
        yield* drain();
      }
    }
    if (finished) break;
    const chunk = await pump.next();
    if (chunk === null) break;
  }
  if (!finished) {
    if (!pump.contentComplete) {
      throw new IngestFileError(
        'SPREADSHEET_UNREADABLE',
        'the ODS archive is truncated or has no content.xml',
      );
    }
    feed(decoder.decode());
    parser.close();
    yield* drain();
  }
  if (seen.length === 0 || (wanted !== undefined && !finished)) {
    throw new IngestFileError(
      'SPREADSHEET_UNREADABLE',
      wanted === undefined
        ? 'the workbook has no sheet'
        : `the workbook has no sheet named "${choice.sheetName}" (sheets: ${seen.join(', ') || 'none'})`,
    );
  }
}

function count(raw: string | undefined): number {
  const value = raw === undefined ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(value) && value > 0 ? value : 1;
}

function typedValue(attributes: Record<string, string>): CellValue {
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const value = Number(attributes['office:value']);
      return Number.isFinite(value) ? value : null;
    }
    case 'date': {
      const raw = attributes['office:date-value'] ?? '';
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
      if (!match) return null;
      const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
      return Number.isNaN(date.getTime()) ? null : date;
    }
    case 'boolean':
      return attributes['office:boolean-value'] === 'true';
    default:
      return null;
  }
}

function cellValue(cell: CellState): CellValue {
  if (
    cell.type === 'float' ||
    cell.type === 'percentage' ||
    cell.type === 'currency' ||
    cell.type === 'date'
  ) {
    return cell.typed ?? (cell.text === '' ? null : cell.text);
  }
  if (cell.type === 'boolean') return cell.typed;
  return cell.text === '' ? null : cell.text;
}
