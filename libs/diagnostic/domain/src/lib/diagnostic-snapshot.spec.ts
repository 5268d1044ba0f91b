import type { DiagnosticInput } from './diagnostic-input';
import {
  buildNextDiagnosticSnapshot,
  buildNextSourceSnapshot,
  sameDiagnosticContent,
  type DiagnosticSnapshot,
} from './diagnostic-snapshot';

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

describe('buildNextSourceSnapshot', () => {
  // Provenances are "<source>:<version>" here.
  const fromFranceTravail = (provenance: string) => provenance.startsWith('ft:');
  const department = buildNextDiagnosticSnapshot(null, firstInput, 'cd:1');

  it('should keep what other sources stated when a partner states its own diagnostic', () => {
    const next = buildNextSourceSnapshot(
      department,
      { themes: [{ code: 'sante', constraints: [{ code: '27', value: 'OUI' }] }], projects: [] },
      'ft:1',
      fromFranceTravail,
    );
    expect(next.items.map((item) => [item.themeCode, item.kind, item.code, item.provenance])).toEqual([
      ['mobilite', 'situation', 'mobilite.aucun_moyen_de_transport_a_disposition', 'cd:1'],
      ['mobilite', 'constraint', '23', 'cd:1'],
      ['emploi', 'need', 'emploi.x', 'cd:1'],
      ['sante', 'constraint', '27', 'ft:1'],
    ]);
    expect(next.projects.map((project) => project.provenance)).toEqual(['cd:1']);
    expect(next.educationLevel).toBe('NV4');
  });

  it('should replace what the same source stated before when it states again', () => {
    const first = buildNextSourceSnapshot(
      department,
      {
        themes: [
          {
            code: 'sante',
            constraints: [{ code: '27', value: 'OUI' }],
            objectives: [{ code: 'sante.y', value: 'EN_COURS' }],
          },
        ],
        projects: [],
      },
      'ft:1',
      fromFranceTravail,
    );
    const second = buildNextSourceSnapshot(
      first,
      { themes: [{ code: 'sante', objectives: [{ code: 'sante.y', value: 'REALISE' }] }], projects: [] },
      'ft:2',
      fromFranceTravail,
    );
    const franceTravail = second.items.filter((item) => fromFranceTravail(item.provenance));
    expect(franceTravail).toEqual([
      { themeCode: 'sante', kind: 'objective', code: 'sante.y', value: 'REALISE', provenance: 'ft:2' },
    ]);
    expect(second.items.filter((item) => item.provenance === 'cd:1')).toHaveLength(3);
  });

  it('should let the latest statement win when a partner grades an item another source stated', () => {
    const next = buildNextSourceSnapshot(
      department,
      { themes: [{ code: 'emploi', needs: [{ code: 'emploi.x', value: 'POINT_FORT' }] }], projects: [] },
      'ft:1',
      fromFranceTravail,
    );
    const needs = next.items.filter((item) => item.kind === 'need');
    expect(needs).toEqual([
      { themeCode: 'emploi', kind: 'need', code: 'emploi.x', value: 'POINT_FORT', provenance: 'ft:1' },
    ]);
  });
});

describe('sameDiagnosticContent', () => {
  it('should be true when the same statement is made again, whatever the provenance and order', () => {
    const first = buildNextSourceSnapshot(null, firstInput, 'ft:1', () => true);
    const again = buildNextSourceSnapshot(
      first,
      { ...firstInput, themes: [...firstInput.themes].reverse() },
      'ft:2',
      () => true,
    );
    expect(sameDiagnosticContent(first, again)).toBe(true);
  });

  it('should be false when one value changes', () => {
    const first = buildNextDiagnosticSnapshot(null, firstInput, 'v1');
    const changed = buildNextDiagnosticSnapshot(
      first,
      {
        ...firstInput,
        themes: [{ code: 'mobilite', constraints: [{ code: '23', value: 'NON_ABORDEE' }] }],
      },
      'v2',
    );
    expect(sameDiagnosticContent(first, changed)).toBe(false);
  });

  it('should be false when a project label changes', () => {
    const first = buildNextDiagnosticSnapshot(null, firstInput, 'v1');
    const changed = buildNextDiagnosticSnapshot(
      first,
      { ...firstInput, projects: [{ romeCode: 'K1303', label: 'Autre', mobilityRadiusKm: 20 }] },
      'v2',
    );
    expect(sameDiagnosticContent(first, changed)).toBe(false);
  });
});
