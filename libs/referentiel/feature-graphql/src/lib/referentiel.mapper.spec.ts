import type { CodeListEntryEntity } from '@spie/referentiel/data-access';

import { toReferentielEntryDTO } from './referentiel.mapper';

const ENTRY: CodeListEntryEntity = {
  id: 'id',
  listCode: 'theme',
  code: 'sante',
  label: 'Santé',
  parentCode: null,
  externalCodes: { franceTravail: '25', carnetDeBord: 'sante' },
  attributes: { specialCategory: true, kind: 'social', rank: 3 },
  validFrom: '2026-01-01',
  validTo: null,
  introducedIn: '2026.1',
  lastChangedIn: '2026.1',
  position: 4,
};

describe('toReferentielEntryDTO', () => {
  it('should list external codes and attributes sorted by key, values as text, when an entry is mapped', () => {
    const dto = toReferentielEntryDTO(ENTRY);
    expect(dto.externalCodes).toEqual([
      { system: 'carnetDeBord', code: 'sante' },
      { system: 'franceTravail', code: '25' },
    ]);
    expect(dto.attributes).toEqual([
      { key: 'kind', value: 'social' },
      { key: 'rank', value: '3' },
      { key: 'specialCategory', value: 'true' },
    ]);
  });

  it('should keep the attribute types in attributesJson when a client needs them', () => {
    expect(JSON.parse(toReferentielEntryDTO(ENTRY).attributesJson)).toEqual({
      specialCategory: true,
      kind: 'social',
      rank: 3,
    });
  });

  it('should carry the list, the code and the version fields when an entry is mapped', () => {
    expect(toReferentielEntryDTO(ENTRY)).toMatchObject({
      list: 'theme',
      code: 'sante',
      label: 'Santé',
      validFrom: '2026-01-01',
      validTo: null,
      introducedIn: '2026.1',
      lastChangedIn: '2026.1',
    });
  });
});
