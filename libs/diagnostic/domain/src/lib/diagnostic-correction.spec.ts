import { correctedDiagnosticInput } from './diagnostic-correction';
import { buildNextDiagnosticSnapshot, type DiagnosticSnapshot } from './diagnostic-snapshot';

const current: DiagnosticSnapshot<string> = {
  educationLevel: 'NV4',
  workSituation: 'recherche_emploi',
  workSituationSince: null,
  rqth: null,
  items: [
    {
      themeCode: 'logement',
      kind: 'situation',
      code: 'logement.sans_hebergement',
      value: null,
      provenance: 'caf',
    },
    { themeCode: 'mobilite', kind: 'constraint', code: '23', value: 'OUI', provenance: 'ft' },
    { themeCode: 'emploi', kind: 'need', code: 'emploi.x', value: 'BESOIN', provenance: 'ft' },
  ],
  projects: [{ romeCode: 'K1303', label: 'Aide à domicile', mobilityRadiusKm: 20, provenance: 'ft' }],
};

describe('correctedDiagnosticInput', () => {
  it('should remove only the corrected situation and keep the provenance of everything else when recorded', () => {
    const input = correctedDiagnosticInput(current, {
      themeCode: 'logement',
      kind: 'situation',
      code: 'logement.sans_hebergement',
      remove: true,
      value: null,
    });
    const next = buildNextDiagnosticSnapshot(current, input, 'person');
    expect(next.items).toEqual([
      { themeCode: 'mobilite', kind: 'constraint', code: '23', value: 'OUI', provenance: 'ft' },
      { themeCode: 'emploi', kind: 'need', code: 'emploi.x', value: 'BESOIN', provenance: 'ft' },
    ]);
    expect(next.projects).toEqual(current.projects);
    expect(next.educationLevel).toBe('NV4');
  });

  it('should regrade a need with the new provenance when its value changes', () => {
    const input = correctedDiagnosticInput(current, {
      themeCode: 'emploi',
      kind: 'need',
      code: 'emploi.x',
      remove: false,
      value: 'POINT_FORT',
    });
    const next = buildNextDiagnosticSnapshot(current, input, 'person');
    expect(next.items.find((item) => item.code === 'emploi.x')).toEqual({
      themeCode: 'emploi',
      kind: 'need',
      code: 'emploi.x',
      value: 'POINT_FORT',
      provenance: 'person',
    });
    expect(next.items.filter((item) => item.provenance === 'person')).toHaveLength(1);
  });

  it('should add a situation under a theme the diagnostic did not have when there is no diagnostic yet', () => {
    expect(
      correctedDiagnosticInput(null, {
        themeCode: 'mobilite',
        kind: 'situation',
        code: 'mobilite.pas_de_permis',
        remove: false,
        value: null,
      }),
    ).toEqual({
      themes: [
        {
          code: 'mobilite',
          situations: ['mobilite.pas_de_permis'],
          needs: [],
          constraints: [],
          objectives: [],
        },
      ],
      projects: [],
    });
  });
});
