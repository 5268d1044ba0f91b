import { assertValidDiagnosticInput, type DiagnosticInput } from './diagnostic-input';
import { DiagnosticException, DiagnosticExceptionCode } from './diagnostic.exception';

function failureOf(input: DiagnosticInput): DiagnosticException {
  try {
    assertValidDiagnosticInput(input);
  } catch (error) {
    if (error instanceof DiagnosticException) return error;
    throw error;
  }
  throw new Error('expected a DiagnosticException');
}

describe('assertValidDiagnosticInput', () => {
  it('should accept an input when every theme, code and ROME code appears once', () => {
    expect(() =>
      assertValidDiagnosticInput({
        themes: [
          { code: 'sante', situations: ['a', 'b'], needs: [{ code: 'a', value: 'BESOIN' }] },
          { code: 'logement', situations: ['a'] },
        ],
        projects: [{ romeCode: 'K1303' }, { romeCode: 'N1104' }],
      }),
    ).not.toThrow();
  });

  it('should name the field when a theme is listed twice', () => {
    const error = failureOf({ themes: [{ code: 'sante' }, { code: 'sante' }], projects: [] });
    expect(error.code).toBe(DiagnosticExceptionCode.DuplicateTheme);
    expect(error.details?.['fields']).toEqual(['themes.1.code']);
  });

  it('should name the field when a situation is listed twice under a theme', () => {
    const error = failureOf({ themes: [{ code: 'sante', situations: ['a', 'b', 'a'] }], projects: [] });
    expect(error.code).toBe(DiagnosticExceptionCode.DuplicateItem);
    expect(error.details?.['fields']).toEqual(['themes.0.situations.2']);
  });

  it('should name the field when a constraint is listed twice under a theme', () => {
    const error = failureOf({
      themes: [
        {
          code: 'mobilite',
          constraints: [
            { code: '23', value: 'OUI' },
            { code: '23', value: 'NON_ABORDEE' },
          ],
        },
      ],
      projects: [],
    });
    expect(error.details?.['fields']).toEqual(['themes.0.constraints.1.code']);
  });

  it.each(['k1303', 'K130', 'O1234', 'K13033', ''])(
    'should refuse %p when it is not a ROME code',
    (romeCode) => {
      const error = failureOf({ themes: [], projects: [{ romeCode }] });
      expect(error.code).toBe(DiagnosticExceptionCode.InvalidRomeCode);
      expect(error.details?.['fields']).toEqual(['projects.0.romeCode']);
    },
  );

  it('should refuse a ROME code listed twice when the projects repeat it', () => {
    const error = failureOf({ themes: [], projects: [{ romeCode: 'K1303' }, { romeCode: 'K1303' }] });
    expect(error.code).toBe(DiagnosticExceptionCode.DuplicateProject);
    expect(error.details?.['fields']).toEqual(['projects.1.romeCode']);
  });

  it("should refuse an objective progress that is not one of France Travail's when an objective is graded", () => {
    const error = failureOf({
      themes: [{ code: 'sante', objectives: [{ code: 'sante.x', value: 'BESOIN' }] }],
      projects: [],
    });
    expect(error.code).toBe(DiagnosticExceptionCode.InvalidValue);
    expect(error.details?.['fields']).toEqual(['themes.0.objectives.0.value']);
  });

  it('should name the field when an objective is listed twice under a theme', () => {
    const error = failureOf({
      themes: [
        {
          code: 'sante',
          objectives: [
            { code: 'sante.x', value: 'EN_COURS' },
            { code: 'sante.x', value: 'REALISE' },
          ],
        },
      ],
      projects: [],
    });
    expect(error.code).toBe(DiagnosticExceptionCode.DuplicateItem);
    expect(error.details?.['fields']).toEqual(['themes.0.objectives.1.code']);
  });
});
