import {
  cleanText,
  isInvalid,
  neutraliseFormula,
  parseBoolean,
  parseDate,
  type RecordIssue,
} from '@spie/ingestion/domain';
import type { CsvRow } from './csv-reader';

/**
 * Reads the cells of one CSV row by column name and collects the issues met: an unreadable date is an error (the
 * record is rejected), an unreadable flag or a neutralised formula is a warning. Blank cells (`NULL`, empty) are
 * `null`: the file carries the column and says "no value".
 */
export class RowReader {
  readonly issues: RecordIssue[] = [];

  constructor(private readonly row: CsvRow) {}

  get hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }

  private cell(column: string): string | undefined {
    const at = this.row.index.get(column);
    return at === undefined ? undefined : this.row.cells[at];
  }

  /** Trimmed text with inner whitespace collapsed, as written (no formula check): for values split further. */
  raw(column: string): string | null {
    const value = cleanText(this.cell(column));
    if (value === undefined) return null;
    if (value.includes('\uFFFD')) {
      this.warn('ENCODING_INVALID', column, `${column} holds bytes that are not valid UTF-8 (shown as �)`);
    }
    return value;
  }

  /** Trimmed text with inner whitespace collapsed; formulas neutralised (warning); U+FFFD flagged (warning). */
  text(column: string): string | null {
    const value = cleanText(this.cell(column));
    if (value === undefined) return null;
    if (value.includes('\uFFFD')) {
      this.warn('ENCODING_INVALID', column, `${column} holds bytes that are not valid UTF-8 (shown as �)`);
    }
    const { value: safe, neutralised } = neutraliseFormula(value);
    if (neutralised) {
      this.warn('FORMULA_NEUTRALISED', column, `${column} starts like a spreadsheet formula; kept as text`);
    }
    return safe;
  }

  /** A value the record cannot do without: blank → MISSING_FIELD error. */
  required(column: string): string | null {
    const value = this.text(column);
    if (value === null) this.error('MISSING_FIELD', column, `${column} is empty`);
    return value;
  }

  /** YYYY-MM-DD; an unreadable date rejects the record (INVALID_DATE naming the column). */
  date(column: string): string | null {
    const parsed = parseDate(this.cell(column));
    if (parsed === undefined) return null;
    if (isInvalid(parsed)) {
      this.error('INVALID_DATE', column, `${column} is not a date: "${truncate(parsed.invalid)}"`);
      return null;
    }
    return parsed;
  }

  /** `O`/`OUI`/`N`/`NON`…; an unreadable flag is a warning and reads as `null`. */
  flag(column: string): boolean | null {
    const parsed = parseBoolean(this.cell(column));
    if (parsed === undefined) return null;
    if (isInvalid(parsed)) {
      this.warn('INVALID_VALUE', column, `${column} is not a yes/no flag: "${truncate(parsed.invalid)}"`);
      return null;
    }
    return parsed;
  }

  warn(code: RecordIssue['code'], field: string, message: string): void {
    this.issues.push({ code, field, message, severity: 'warning' });
  }

  error(code: RecordIssue['code'], field: string, message: string): void {
    this.issues.push({ code, field, message, severity: 'error' });
  }
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
