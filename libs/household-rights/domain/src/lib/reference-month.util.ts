import { HouseholdRightsException, HouseholdRightsExceptionCode } from './household-rights.exception';

const ISO_MONTH = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * The reference month of a flux (`DTREF`) as the first day of that month, `YYYY-MM-01`. Accepts `YYYY-MM`,
 * `YYYY-MM-DD` or a `Date` (read in UTC).
 */
export function toReferenceMonth(value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalidMonth(String(value));
    return `${value.toISOString().slice(0, 7)}-01`;
  }
  const match = ISO_MONTH.exec(value);
  const month = Number(match?.[2]);
  const day = match?.[3] === undefined ? 1 : Number(match[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw invalidMonth(value);
  return `${match[1]}-${match[2]}-01`;
}

/** The instant stored in `household.last_reference_at` for a reference month: midnight UTC of its first day. */
export function referenceInstant(referenceMonth: string): Date {
  return new Date(`${toReferenceMonth(referenceMonth)}T00:00:00.000Z`);
}

/**
 * Whether a fact for `referenceMonth` may be applied to a household whose latest applied flux is `lastReferenceAt`:
 * the same month or a later one is applied; an older month is ignored, so a late or replayed flux never overwrites
 * newer state.
 */
export function shouldApplyReference(referenceMonth: string | Date, lastReferenceAt: Date | null): boolean {
  if (lastReferenceAt === null) return true;
  return toReferenceMonth(referenceMonth) >= toReferenceMonth(lastReferenceAt);
}

/** The household's new `lastReferenceAt` once a fact for `referenceMonth` has been applied (never moves back). */
export function laterReference(lastReferenceAt: Date | null, referenceMonth: string | Date): Date {
  const incoming = referenceMonth instanceof Date ? referenceMonth : referenceInstant(referenceMonth);
  return lastReferenceAt && lastReferenceAt.getTime() >= incoming.getTime() ? lastReferenceAt : incoming;
}

function invalidMonth(value: string): HouseholdRightsException {
  return new HouseholdRightsException(
    HouseholdRightsExceptionCode.InvalidReferenceMonth,
    'Reference month must be YYYY-MM or YYYY-MM-DD',
    { value },
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date of a right (opened, suspended, closed): `YYYY-MM-DD` that exists, or null. */
export function checkedRightDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new HouseholdRightsException(
      HouseholdRightsExceptionCode.InvalidDate,
      `${field} must be a YYYY-MM-DD date`,
      { field },
    );
  }
  return value;
}
