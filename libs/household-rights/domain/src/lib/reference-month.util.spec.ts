import { HouseholdRightsExceptionCode } from './household-rights.exception';
import {
  checkedRightDate,
  laterReference,
  referenceInstant,
  shouldApplyReference,
  toReferenceMonth,
} from './reference-month.util';

describe('toReferenceMonth', () => {
  it('should return the first day of the month when given a day, a month or a UTC instant', () => {
    expect(toReferenceMonth('2026-03-17')).toBe('2026-03-01');
    expect(toReferenceMonth('2026-03')).toBe('2026-03-01');
    expect(toReferenceMonth(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-01');
  });

  it.each(['2026-13-01', '2026-3-01', '03/2026', '2026-00', ''])(
    'should throw INVALID_REFERENCE_MONTH when given %p',
    (value) => {
      expect(() => toReferenceMonth(value)).toThrow(
        expect.objectContaining({ code: HouseholdRightsExceptionCode.InvalidReferenceMonth }),
      );
    },
  );
});

describe('shouldApplyReference', () => {
  const lastReferenceAt = referenceInstant('2026-04-01');

  it('should apply the fact when the household has never received a flux', () => {
    expect(shouldApplyReference('2020-01-01', null)).toBe(true);
  });

  it('should apply the fact when its month is the latest applied month (a daily flux within the month)', () => {
    expect(shouldApplyReference('2026-04-20', lastReferenceAt)).toBe(true);
  });

  it('should apply the fact when its month is later than the latest applied month', () => {
    expect(shouldApplyReference('2026-05-01', lastReferenceAt)).toBe(true);
  });

  it('should ignore the fact when its month is older than the latest applied month', () => {
    expect(shouldApplyReference('2026-03-31', lastReferenceAt)).toBe(false);
    expect(shouldApplyReference(new Date('2025-12-01T00:00:00Z'), lastReferenceAt)).toBe(false);
  });

  it('should compare months, not instants, when the stored reference is inside a month', () => {
    expect(shouldApplyReference('2026-04-01', new Date('2026-04-25T10:00:00Z'))).toBe(true);
  });
});

describe('laterReference', () => {
  it('should move the reference forward when a later month is applied', () => {
    expect(laterReference(referenceInstant('2026-03-01'), '2026-05-01').toISOString()).toBe(
      '2026-05-01T00:00:00.000Z',
    );
  });

  it('should keep the reference when an equal or older month is applied', () => {
    const last = new Date('2026-04-15T00:00:00Z');
    expect(laterReference(last, '2026-04-01')).toBe(last);
    expect(laterReference(last, '2026-01-01')).toBe(last);
  });

  it('should start from the month when the household had no reference', () => {
    expect(laterReference(null, '2026-02-10').toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('checkedRightDate', () => {
  it('should return the date when it exists, null when absent', () => {
    expect(checkedRightDate('2024-02-29', 'openedOn')).toBe('2024-02-29');
    expect(checkedRightDate(undefined, 'openedOn')).toBeNull();
  });

  it('should throw INVALID_HOUSEHOLD_RIGHTS_DATE naming the field when the date does not exist', () => {
    expect(() => checkedRightDate('2026-02-30', 'closedOn')).toThrow(
      expect.objectContaining({
        code: HouseholdRightsExceptionCode.InvalidDate,
        details: { field: 'closedOn' },
      }),
    );
  });
});
