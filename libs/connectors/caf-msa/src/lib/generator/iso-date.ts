/**
 * Calendar arithmetic on `YYYY-MM-DD` strings through day numbers (days since 1970-01-01), without `Date` objects:
 * the generator computes tens of dates per household and a million households per file.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The inverse of `dayNumber` (`civil_from_days`). */
export function civilDate(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isoFromDayNumber(days: number): string {
  const { year, month, day } = civilDate(days);
  return formatIsoDate(year, month, day);
}

/** Parses a `YYYY-MM-DD` date, refusing impossible ones (2026-02-30). */
export function parseIsoDate(value: string): CivilDate {
  const match = ISO_DATE.exec(value);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new Error(`Not a calendar date: ${value}`);
  return { year, month, day };
}

export function isoToDayNumber(value: string): number {
  const { year, month, day } = parseIsoDate(value);
  return dayNumber(year, month, day);
}

/** Months since year 0 (year * 12 + month - 1): the difference of two is a number of month boundaries crossed. */
export function monthNumber(date: CivilDate): number {
  return date.year * 12 + date.month - 1;
}

/** The last day of the month `monthNumber` designates. */
export function endOfMonthDayNumber(month: number): number {
  const year = Math.floor(month / 12);
  const monthOfYear = (month % 12) + 1;
  return dayNumber(year, monthOfYear, daysInMonth(year, monthOfYear));
}

export function startOfMonthDayNumber(month: number): number {
  const year = Math.floor(month / 12);
  return dayNumber(year, (month % 12) + 1, 1);
}
