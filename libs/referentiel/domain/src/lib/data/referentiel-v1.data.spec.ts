import { REFERENTIEL_V1 } from './referentiel-v1.data';
import { CODE_LISTS } from '../referentiel.types';
import type { CodeListCode, CodeListSeed } from '../referentiel.types';

/** Lists whose codes are the partner's own codes (CAF/MSA flux, France Travail), kept exactly as the partner sends them. */
const PARTNER_CODE_LISTS: readonly CodeListCode[] = [
  'ft-contrainte',
  'ft-situation-value',
  'ft-objectif-value',
  'ft-besoin-value',
  'etat-dossier-rsa',
  'motif-suspension-rsa',
  'motif-cloture-rsa',
  'role-personne',
  'situation-familiale',
  'education-level',
];
const OWN_CODE = /^[a-z0-9_.]+$/;
const PARTNER_CODE = /^[A-Z0-9_]+$/;
const SOCIAL_THEMES_WITH_FT_CONTRAINTE = [
  'mobilite',
  'contraintes_familiales',
  'sante',
  'maitrise_langue',
  'logement',
  'difficulte_financiere',
  'difficulte_administrative',
];

function list(code: CodeListCode): CodeListSeed {
  const found = REFERENTIEL_V1.lists.find((l) => l.code === code);
  if (!found) throw new Error(`list ${code} is missing`);
  return found;
}

function codesOf(code: CodeListCode): Set<string> {
  return new Set(list(code).entries.map((e) => e.code));
}

describe('REFERENTIEL_V1', () => {
  it('should describe version 2026.1 when read as a seed', () => {
    expect(REFERENTIEL_V1.version).toBe('2026.1');
    expect(REFERENTIEL_V1.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(REFERENTIEL_V1.description.trim()).not.toBe('');
  });

  it('should contain exactly one list per CODE_LISTS entry when the lists are counted', () => {
    const listCodes = REFERENTIEL_V1.lists.map((l) => l.code);
    expect([...listCodes].sort()).toEqual([...CODE_LISTS].sort());
    for (const code of CODE_LISTS) {
      expect(listCodes.filter((c) => c === code)).toHaveLength(1);
    }
  });

  it('should name a source and have a label and entries when any list is read', () => {
    for (const l of REFERENTIEL_V1.lists) {
      expect(l.source.trim()).not.toBe('');
      expect(l.label.trim()).not.toBe('');
      expect(l.entries.length).toBeGreaterThan(0);
    }
  });

  it('should have unique codes when the entries of a list are compared', () => {
    for (const l of REFERENTIEL_V1.lists) {
      const codes = l.entries.map((e) => e.code);
      const duplicates = codes.filter((c, i) => codes.indexOf(c) !== i);
      expect({ list: l.code, duplicates }).toEqual({ list: l.code, duplicates: [] });
    }
  });

  it('should use the partner code format when the list mirrors a CAF/MSA or France Travail code list', () => {
    for (const l of REFERENTIEL_V1.lists) {
      const format = PARTNER_CODE_LISTS.includes(l.code) ? PARTNER_CODE : OWN_CODE;
      const invalid = l.entries.map((e) => e.code).filter((c) => !format.test(c));
      expect({ list: l.code, invalid }).toEqual({ list: l.code, invalid: [] });
    }
  });

  it('should have a trimmed non-empty label when any entry is read', () => {
    for (const l of REFERENTIEL_V1.lists) {
      for (const e of l.entries) {
        expect(e.label).toBe(e.label.trim());
        expect(e.label).not.toBe('');
        expect(e.label).not.toMatch(/\s{2}/);
      }
    }
  });

  it('should use ISO dates when an entry has validFrom or validTo', () => {
    for (const l of REFERENTIEL_V1.lists) {
      for (const e of l.entries) {
        if (e.validFrom !== undefined) expect(e.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (e.validTo !== undefined) expect(e.validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('should point to an existing parent entry when an entry has a parentCode', () => {
    for (const l of REFERENTIEL_V1.lists) {
      const withParent = l.entries.filter((e) => e.parentCode !== undefined);
      if (withParent.length === 0) continue;
      expect({ list: l.code, parentList: l.parentList }).toEqual({
        list: l.code,
        parentList: expect.any(String),
      });
      const parents = codesOf(l.parentList as CodeListCode);
      const orphans = withParent.map((e) => e.parentCode).filter((p) => !parents.has(p as string));
      expect({ list: l.code, orphans }).toEqual({ list: l.code, orphans: [] });
    }
  });

  it('should give every entry a parent when the list declares a parentList', () => {
    for (const l of REFERENTIEL_V1.lists.filter((x) => x.parentList !== undefined)) {
      const withoutParent = l.entries.filter((e) => e.parentCode === undefined).map((e) => e.code);
      expect({ list: l.code, withoutParent }).toEqual({ list: l.code, withoutParent: [] });
    }
  });

  it('should hold the carnet-de-bord counts when themes, situations, objectives and actions are counted', () => {
    expect(list('theme').entries).toHaveLength(16);
    expect(list('situation').entries).toHaveLength(88);
    expect(list('objective').entries).toHaveLength(58);
    expect(list('action').entries).toHaveLength(134);
  });

  it('should prefix the code with the theme and keep the original description when the entry comes from carnet-de-bord', () => {
    for (const code of ['situation', 'objective', 'action'] as const) {
      expect(list(code).parentList).toBe('theme');
      for (const e of list(code).entries) {
        const [theme, slug, ...rest] = e.code.split('.');
        expect(rest).toEqual([]);
        expect(theme).toBe(e.parentCode);
        expect(slug).toMatch(/^[a-z0-9_]{1,60}(_\d+)?$/);
        expect(e.externalCodes?.carnetDeBord).toEqual(expect.any(String));
      }
    }
  });

  it('should map each France Travail contrainte 23 to 29 to an existing social theme when the contrainte list is read', () => {
    const contraintes = list('ft-contrainte').entries;
    expect(contraintes.map((c) => c.code).sort()).toEqual(['23', '24', '25', '26', '27', '28', '29']);
    const themes = list('theme').entries;
    for (const c of contraintes) {
      const theme = themes.find((t) => t.code === c.externalCodes?.theme);
      expect(theme).toBeDefined();
      expect(theme?.attributes?.kind).toBe('social');
      expect(theme?.externalCodes?.franceTravail).toBe(c.code);
    }
    const mapped = contraintes.map((c) => c.externalCodes?.theme).sort();
    expect(mapped).toEqual([...SOCIAL_THEMES_WITH_FT_CONTRAINTE].sort());
  });

  it('should flag sante and only sante as special category when the themes are read', () => {
    const special = list('theme').entries.filter((t) => t.attributes?.specialCategory === true);
    expect(special.map((t) => t.code)).toEqual(['sante']);
  });

  it('should link diagnostic entries and France Travail entries both ways when a France Travail code is mapped', () => {
    const pairs: [CodeListCode, CodeListCode, string][] = [
      ['situation', 'ft-situation-value', 'situation'],
      ['objective', 'ft-objectif-value', 'objective'],
    ];
    for (const [ours, theirs, backKey] of pairs) {
      const ft = list(theirs).entries;
      for (const e of list(ours).entries.filter((x) => x.externalCodes?.franceTravail !== undefined)) {
        const target = ft.find((f) => f.code === e.externalCodes?.franceTravail);
        expect(target?.externalCodes?.[backKey]).toBe(e.code);
        const contrainte = list('ft-contrainte').entries.find((c) => c.code === target?.parentCode);
        expect(contrainte?.externalCodes?.theme).toBe(e.parentCode);
      }
    }
  });

  it('should list ETATDOSRSA 0 to 6 with their status when the état dossier list is read', () => {
    const entries = list('etat-dossier-rsa').entries;
    expect(entries.map((e) => e.code)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(entries.map((e) => e.attributes?.status)).toEqual([
      'pending',
      'refused',
      'open',
      'open_suspended',
      'suspended_payment',
      'closed',
      'closed_previous',
    ]);
  });

  it('should keep the carnet-de-bord spelling as external code when the action status is abandoned', () => {
    const abandoned = list('action-status').entries.find((e) => e.code === 'abandoned');
    expect(abandoned?.externalCodes?.carnetDeBord).toBe('abandonned');
    expect(codesOf('action-status')).toEqual(
      new Set(['planned', 'in_progress', 'done', 'abandoned', 'canceled', 'standby']),
    );
  });

  it('should give a plain-language label for the portal when an orientation type is read', () => {
    const entries = list('orientation-type').entries;
    expect(entries.map((e) => e.code)).toEqual(['social', 'socio_pro', 'pro']);
    for (const e of entries) expect(e.attributes?.plainLabel).toEqual(expect.any(String));
  });

  it('should only reference existing organisation types when a contract type names its issuers', () => {
    const organisationTypes = codesOf('organisation-type');
    for (const e of list('contract-type').entries) {
      const issuers = String(e.attributes?.issuers ?? '').split(',');
      for (const issuer of issuers) expect(organisationTypes.has(issuer)).toBe(true);
    }
  });
});
