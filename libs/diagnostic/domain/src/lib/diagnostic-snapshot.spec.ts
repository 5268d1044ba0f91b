import type { DiagnosticInput } from './diagnostic-input';
import { buildNextDiagnosticSnapshot, type DiagnosticSnapshot } from './diagnostic-snapshot';

const firstInput: DiagnosticInput = {
  educationLevel: 'NV4',
  workSituation: 'recherche_emploi',
  workSituationSince: '2025-09-01',
  rqth: false,
  themes: [
    {
      code: 'mobilite',
      situations: ['mobilite.aucun_moyen_de_transport_a_disposition'],
      constraints: [{ code: '23', value: 'OUI' }],
    },
    { code: 'emploi', needs: [{ code: 'emploi.x', value: 'BESOIN' }] },
  ],
  projects: [{ romeCode: 'K1303', label: ' Aide à domicile ', mobilityRadiusKm: 20 }],
};

describe('buildNextDiagnosticSnapshot', () => {
  it('should give every item the new provenance when there is no previous version', () => {
    const snapshot = buildNextDiagnosticSnapshot(null, firstInput, 'v1');
    expect(snapshot).toEqual({
      educationLevel: 'NV4',
      workSituation: 'recherche_emploi',
      workSituationSince: '2025-09-01',
      rqth: false,
      items: [
        {
          themeCode: 'mobilite',
          kind: 'situation',
          code: 'mobilite.aucun_moyen_de_transport_a_disposition',
          value: null,
          provenance: 'v1',
        },
        { themeCode: 'mobilite', kind: 'constraint', code: '23', value: 'OUI', provenance: 'v1' },
        { themeCode: 'emploi', kind: 'need', code: 'emploi.x', value: 'BESOIN', provenance: 'v1' },
      ],
      projects: [{ romeCode: 'K1303', label: 'Aide à domicile', mobilityRadiusKm: 20, provenance: 'v1' }],
    });
  });

  it('should keep the original provenance when an item is stated again unchanged', () => {
    const previous = buildNextDiagnosticSnapshot(null, firstInput, 'v1');
    const next = buildNextDiagnosticSnapshot(previous, firstInput, 'v2');
    expect(next.items.map((item) => item.provenance)).toEqual(['v1', 'v1', 'v1']);
    expect(next.projects[0]?.provenance).toBe('v1');
  });

  it('should give the new provenance when a value changes or an item is new', () => {
    const previous = buildNextDiagnosticSnapshot(null, firstInput, 'v1');
    const next = buildNextDiagnosticSnapshot(
      previous,
      {
        themes: [
          {
            code: 'mobilite',
            situations: [
              'mobilite.aucun_moyen_de_transport_a_disposition',
              'mobilite.dependant_des_transports_en_commun',
            ],
            constraints: [{ code: '23', value: 'CLOTUREE' }],
          },
        ],
        projects: [{ romeCode: 'K1303', label: 'Aide à domicile', mobilityRadiusKm: 30 }],
      },
      'v2',
    );
    expect(next.items.map((item) => [item.code, item.value, item.provenance])).toEqual([
      ['mobilite.aucun_moyen_de_transport_a_disposition', null, 'v1'],
      ['mobilite.dependant_des_transports_en_commun', null, 'v2'],
      ['23', 'CLOTUREE', 'v2'],
    ]);
    expect(next.projects).toEqual([
      { romeCode: 'K1303', label: 'Aide à domicile', mobilityRadiusKm: 30, provenance: 'v2' },
    ]);
  });

  it('should drop items and projects when the new input no longer lists them', () => {
    const previous = buildNextDiagnosticSnapshot(null, firstInput, 'v1');
    const next = buildNextDiagnosticSnapshot(previous, { themes: [], projects: [] }, 'v2');
    expect(next.items).toEqual([]);
    expect(next.projects).toEqual([]);
  });

  it('should keep previous scalars when the input leaves them out and clear them when it sends null', () => {
    const previous: DiagnosticSnapshot<string> = buildNextDiagnosticSnapshot(null, firstInput, 'v1');
    const next = buildNextDiagnosticSnapshot(
      previous,
      { workSituation: 'formation', workSituationSince: null, themes: [], projects: [] },
      'v2',
    );
    expect(next).toMatchObject({
      educationLevel: 'NV4',
      workSituation: 'formation',
      workSituationSince: null,
      rqth: false,
    });
  });

  it('should not reuse a provenance of the same code under another theme when the theme differs', () => {
    const previous = buildNextDiagnosticSnapshot(
      null,
      { themes: [{ code: 'sante', situations: ['a'] }], projects: [] },
      'v1',
    );
    const next = buildNextDiagnosticSnapshot(
      previous,
      { themes: [{ code: 'logement', situations: ['a'] }], projects: [] },
      'v2',
    );
    expect(next.items[0]?.provenance).toBe('v2');
  });
});
