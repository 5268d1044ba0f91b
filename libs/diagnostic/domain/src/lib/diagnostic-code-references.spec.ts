import {
  assertCodesFitThemes,
  diagnosticCodeReferences,
  type ReferentielEntryView,
} from './diagnostic-code-references';
import type { DiagnosticInput } from './diagnostic-input';
import { DiagnosticException, DiagnosticExceptionCode } from './diagnostic.exception';

const entry = (
  listCode: string,
  code: string,
  more: Partial<ReferentielEntryView> = {},
): ReferentielEntryView => ({
  listCode,
  code,
  parentCode: null,
  externalCodes: {},
  attributes: {},
  ...more,
});

const ENTRIES = [
  entry('situation', 'mobilite.sans_permis', { parentCode: 'mobilite' }),
  entry('situation', 'logement.sans_logement', { parentCode: 'logement' }),
  entry('objective', 'emploi.trouver', { parentCode: 'emploi' }),
  entry('ft-contrainte', '23', {
    externalCodes: { theme: 'mobilite' },
    attributes: { valeurs: 'NON_ABORDEE|OUI|CLOTUREE' },
  }),
];

function failureOf(input: DiagnosticInput): DiagnosticException {
  try {
    assertCodesFitThemes(input, ENTRIES);
  } catch (error) {
    if (error instanceof DiagnosticException) return error;
    throw error;
  }
  throw new Error('expected a DiagnosticException');
}

describe('diagnosticCodeReferences', () => {
  it('should list every code with its list and field when the input names codes', () => {
    const references = diagnosticCodeReferences({
      educationLevel: 'NV4',
      workSituation: null,
      themes: [
        {
          code: 'mobilite',
          situations: ['mobilite.sans_permis'],
          needs: [{ code: 'mobilite.x', value: 'BESOIN' }],
          constraints: [{ code: '23', value: 'OUI' }],
        },
      ],
      projects: [{ romeCode: 'K1303' }],
    });
    expect(references).toEqual([
      { list: 'education-level', code: 'NV4', field: 'educationLevel' },
      { list: 'theme', code: 'mobilite', field: 'themes.0.code' },
      { list: 'situation', code: 'mobilite.sans_permis', field: 'themes.0.situations.0' },
      { list: 'objective', code: 'mobilite.x', field: 'themes.0.needs.0.code' },
      { list: 'ft-besoin-value', code: 'BESOIN', field: 'themes.0.needs.0.value' },
      { list: 'ft-contrainte', code: '23', field: 'themes.0.constraints.0.code' },
    ]);
  });
});

describe('assertCodesFitThemes', () => {
  it('should accept codes when each belongs to its theme', () => {
    expect(() =>
      assertCodesFitThemes(
        {
          themes: [
            {
              code: 'mobilite',
              situations: ['mobilite.sans_permis'],
              constraints: [{ code: '23', value: 'CLOTUREE' }],
            },
            { code: 'emploi', needs: [{ code: 'emploi.trouver', value: 'POINT_FORT' }] },
          ],
          projects: [],
        },
        ENTRIES,
      ),
    ).not.toThrow();
  });

  it('should name the fields when situations and needs belong to another theme', () => {
    const error = failureOf({
      themes: [
        { code: 'mobilite', situations: ['mobilite.sans_permis', 'logement.sans_logement'] },
        { code: 'logement', needs: [{ code: 'emploi.trouver', value: 'BESOIN' }] },
      ],
      projects: [],
    });
    expect(error.code).toBe(DiagnosticExceptionCode.CodeOutsideTheme);
    expect(error.details?.['fields']).toEqual(['themes.0.situations.1', 'themes.1.needs.0.code']);
  });

  it('should refuse a France Travail constraint when it maps to another theme', () => {
    const error = failureOf({
      themes: [{ code: 'logement', constraints: [{ code: '23', value: 'OUI' }] }],
      projects: [],
    });
    expect(error.code).toBe(DiagnosticExceptionCode.CodeOutsideTheme);
    expect(error.details?.['fields']).toEqual(['themes.0.constraints.0.code']);
  });

  it('should refuse a constraint value when the contrainte does not accept it', () => {
    const error = failureOf({
      themes: [{ code: 'mobilite', constraints: [{ code: '23', value: 'BESOIN' }] }],
      projects: [],
    });
    expect(error.code).toBe(DiagnosticExceptionCode.InvalidValue);
    expect(error.details?.['fields']).toEqual(['themes.0.constraints.0.value']);
  });

  it('should name an objective listed under another theme than its own when objectives are graded', () => {
    const error = failureOf({
      themes: [{ code: 'mobilite', objectives: [{ code: 'emploi.trouver', value: 'EN_COURS' }] }],
      projects: [],
    });
    expect(error.code).toBe(DiagnosticExceptionCode.CodeOutsideTheme);
    expect(error.details?.['fields']).toEqual(['themes.0.objectives.0.code']);
    expect(
      diagnosticCodeReferences({
        themes: [{ code: 'emploi', objectives: [{ code: 'emploi.trouver', value: 'EN_COURS' }] }],
        projects: [],
      }),
    ).toContainEqual({ list: 'objective', code: 'emploi.trouver', field: 'themes.0.objectives.0.code' });
  });
});
