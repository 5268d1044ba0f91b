import { DataCategory } from './categories';
import { themeCategory } from './field-categories';

describe('themeCategory', () => {
  it('should classify diagnostic themes by the référentiel attributes', () => {
    expect(themeCategory('sante')).toBe(DataCategory.DiagnosticHealth);
    expect(themeCategory('logement')).toBe(DataCategory.DiagnosticSocial);
    expect(themeCategory('emploi')).toBe(DataCategory.DiagnosticProfessional);
  });

  it('should treat an unknown theme as health data, the strictest category', () => {
    expect(themeCategory('inconnu')).toBe(DataCategory.DiagnosticHealth);
  });
});
