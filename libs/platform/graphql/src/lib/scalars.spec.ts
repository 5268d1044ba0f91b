import { LocalDateScalar } from './scalars';

describe('LocalDateScalar', () => {
  it('should accept a real calendar date', () => {
    expect(LocalDateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
  });

  it('should refuse a date that does not exist', () => {
    expect(() => LocalDateScalar.parseValue('2023-02-29')).toThrow('does not exist');
  });

  it('should refuse another format', () => {
    expect(() => LocalDateScalar.parseValue('29/02/2024')).toThrow('YYYY-MM-DD');
  });
});
