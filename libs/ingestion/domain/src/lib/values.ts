/**
 * Value parsing shared by every connector. Each function returns `undefined` for an empty cell and throws nothing:
 * an unreadable value comes back as `{ invalid: raw }` so the caller can name the field in a record issue.
 */

export type Parsed<T> = T | undefined | { invalid: string };

export function isInvalid<T>(value: Parsed<T>): value is { invalid: string } {
  return typeof value === 'object' && value !== null && 'invalid' in (value as object);
}

/** Empty, whitespace, and the placeholders partners write for "no value" (`NULL`, `null`, `N/A`). */
export function isBlank(raw: string | null | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  const value = raw.trim();
  return value === '' || value === 'NULL' || value === 'null' || value === 'N/A';
}

export function cleanText(raw: string | null | undefined): string | undefined {
  return isBlank(raw) ? undefined : (raw as string).trim().replace(/\s+/g, ' ');
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const FRENCH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Dates as partners write them: `YYYY-MM-DD` (with an optional time, as France Travail writes
 * `2023-01-31 00:00:00.0`), `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`, `YYYYMMDD`, and Excel serial numbers when
 * `allowSerial` is set (spreadsheet cells). Returns `YYYY-MM-DD`; impossible dates (31/02) are invalid.
 */
export function parseDate(
  raw: string | number | Date | null | undefined,
  allowSerial = false,
): Parsed<string> {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? { invalid: String(raw) } : raw.toISOString().slice(0, 10);
  }
  if (typeof raw === 'number') return allowSerial ? fromSerial(raw) : { invalid: String(raw) };
  if (isBlank(raw)) return undefined;
  const value = (raw as string).trim();
  let match = ISO.exec(value);
  if (match) return checked(+match[1], +match[2], +match[3], value);
  match = FRENCH.exec(value);
  if (match) return checked(+match[3], +match[2], +match[1], value);
  match = COMPACT.exec(value);
  if (match) return checked(+match[1], +match[2], +match[3], value);
  if (allowSerial && /^\d{4,5}(\.\d+)?$/.test(value)) return fromSerial(Number(value));
  return { invalid: value };
}

function fromSerial(serial: number): Parsed<string> {
  // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: day 60 and after are one day late.
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return { invalid: String(serial) };
  const days = Math.floor(serial) - (serial >= 60 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function checked(year: number, month: number, day: number, raw: string): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1850 ||
    year > 2200 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { invalid: raw };
  }
  return date.toISOString().slice(0, 10);
}

const TRUE = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x']);
const FALSE = new Set(['non', 'n', 'no', 'false', 'faux', '0']);

/** `Oui/O/OUI/1/true` → true, `Non/N/0/false` → false. */
export function parseBoolean(raw: string | boolean | number | null | undefined): Parsed<boolean> {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : { invalid: String(raw) };
  if (isBlank(raw)) return undefined;
  const value = (raw as string).trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return { invalid: (raw as string).trim() };
}

/**
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first): the value is
 * kept as text with a leading apostrophe so that no export ever turns it back into a formula (OWASP CSV injection).
 * Negative numbers stay numbers.
 */
export function neutraliseFormula(raw: string): { value: string; neutralised: boolean } {
  if (/^[=+\-@\t\r]/.test(raw) && !/^[+-]?\d+([.,]\d+)?$/.test(raw.trim())) {
    return { value: `'${raw}`, neutralised: true };
  }
  return { value: raw, neutralised: false };
}

/**
 * Header normalisation for column matching: lower case, accents stripped, `n°`/`nº` → `numero`, `*` and punctuation
 * dropped, spaces collapsed. `"N° CAF*"` and `"numero caf"` compare equal.
 */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bn\s*[°º]\s*(?=\s|$|[a-z])/g, 'numero ')
    .replace(/[°º]/g, '')
    .replace(/[*()'’".:;,]/g, ' ')
    .replace(/[_\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
