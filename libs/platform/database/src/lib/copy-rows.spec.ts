import { copyField } from './copy-rows';

describe('copyField (COPY text format)', () => {
  it('should write null and undefined as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
  });

  it('should escape backslashes, tabs and line breaks so a value never splits a row', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('Dupont')).toBe('Dupont');
  });

  it('should write booleans, numbers and dates as PostgreSQL reads them', () => {
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
    expect(copyField(42)).toBe('42');
    expect(copyField(new Date('2026-10-31T00:00:00Z'))).toBe('2026-10-31T00:00:00.000Z');
    expect(() => copyField(Number.NaN)).toThrow(/finite/);
  });

  it('should write text arrays as array literals, quoting what needs it', () => {
    expect(copyField(['Marie', 'Anne "Nanou"', 'a\\b'])).toBe(
      '{"Marie","Anne \\\\"Nanou\\\\"","a\\\\\\\\b"}',
    );
  });

  it('should write objects as JSON for jsonb columns, escaped like text', () => {
    expect(copyField({ lines: ['1 rue de la Paix'], city: 'Chaumont\tX' })).toBe(
      '{"lines":["1 rue de la Paix"],"city":"Chaumont\\\\tX"}',
    );
  });
});
