import type { DiagnosticItemEntity, ReferentielLabel } from '@spie/diagnostic/data-access';
import { referentielEntryKey } from '@spie/diagnostic/domain';
import { provenanceOf } from '@spie/platform/database';

import { referentielKeysOf, toDiagnosticThemeDTOs } from './diagnostic.mapper';

const provenance = provenanceOf({
  source: 'france_travail',
  recordedAt: new Date('2026-01-02T10:00:00Z'),
  recordedBy: 'ft',
});

function item(
  themeCode: string,
  kind: DiagnosticItemEntity['kind'],
  code: string,
  value: string | null = null,
) {
  return {
    id: `${themeCode}-${code}`,
    diagnosticId: 'd1',
    themeCode,
    kind,
    code,
    value,
    provenance,
  } as DiagnosticItemEntity;
}

const ITEMS = [
  item('sante', 'situation', 'sante.b'),
  item('mobilite', 'constraint', '23', 'OUI'),
  item('sante', 'situation', 'sante.a'),
  item('mobilite', 'strength', 'ignored'),
];

const LABELS = new Map<string, ReferentielLabel>([
  [referentielEntryKey('theme', 'mobilite'), { label: 'Mobilité', position: 5 }],
  [referentielEntryKey('theme', 'sante'), { label: 'Santé', position: 6 }],
  [referentielEntryKey('situation', 'sante.b'), { label: 'B', position: 1 }],
  [referentielEntryKey('situation', 'sante.a'), { label: 'A', position: 2 }],
]);

describe('toDiagnosticThemeDTOs', () => {
  it('should ask for the label of each theme and item once when items repeat a theme', () => {
    expect(referentielKeysOf(ITEMS).sort()).toEqual(
      [
        referentielEntryKey('theme', 'sante'),
        referentielEntryKey('theme', 'mobilite'),
        referentielEntryKey('situation', 'sante.b'),
        referentielEntryKey('situation', 'sante.a'),
        referentielEntryKey('ft-contrainte', '23'),
      ].sort(),
    );
  });

  it('should order themes and items by référentiel position and use the code when a label is missing', () => {
    const themes = toDiagnosticThemeDTOs(ITEMS, LABELS);
    expect(themes).toEqual([
      {
        code: 'mobilite',
        label: 'Mobilité',
        situations: [],
        needs: [],
        constraints: [{ code: '23', label: '23', value: 'OUI', provenance }],
        objectives: [],
      },
      {
        code: 'sante',
        label: 'Santé',
        situations: [
          { code: 'sante.b', label: 'B', provenance },
          { code: 'sante.a', label: 'A', provenance },
        ],
        needs: [],
        constraints: [],
        objectives: [],
      },
    ]);
  });
});
