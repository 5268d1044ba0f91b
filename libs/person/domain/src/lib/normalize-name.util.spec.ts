import { normalizeName } from './normalize-name.util';

describe('normalizeName', () => {
  it('should remove accents and case when comparing names', () => {
    expect(normalizeName('  Hélène-Françoise ')).toBe('HELENE FRANCOISE');
  });

  it('should expand ligatures when they appear', () => {
    expect(normalizeName('Lætitia Cœur')).toBe('LAETITIA COEUR');
  });

  it('should return an empty string when the name is missing', () => {
    expect(normalizeName(null)).toBe('');
  });
});
