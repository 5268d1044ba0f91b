/**
 * The référentiel is a set of versioned code lists. A code is stable forever: a later version may change a label,
 * close an entry (validTo) or add entries, never reuse or rename a code. Person data stores codes, never labels.
 */
export const CODE_LISTS = [
  'theme',
  'situation',
  'objective',
  'action',
  'ft-contrainte',
  'ft-situation-value',
  'ft-objectif-value',
  'ft-besoin-value',
  'etat-dossier-rsa',
  'motif-suspension-rsa',
  'motif-cloture-rsa',
  'role-personne',
  'situation-familiale',
  'orientation-type',
  'contract-type',
  'contract-status',
  'action-status',
  'education-level',
  'work-situation',
  'organisation-type',
] as const;

export type CodeListCode = (typeof CODE_LISTS)[number];

export interface CodeListEntrySeed {
  /** Stable code, unique within its list: lowercase ascii, digits, `_` and `.` (or the partner's own code, e.g. CAF `2`). */
  code: string;
  /** French label as shown to people. */
  label: string;
  /** Code of the parent entry in the list's `parentList` (e.g. the theme of a situation). */
  parentCode?: string;
  /** Codes of the same concept in partner systems, e.g. `{ cafMsa: '01' }`, `{ franceTravail: '27' }`, `{ carnetDeBord: 'caf_echeance' }`. */
  externalCodes?: Record<string, string>;
  /** Extra attributes (e.g. a plain-language description for the portal, a `specialCategory` flag for health). */
  attributes?: Record<string, string | number | boolean>;
  /** ISO date (YYYY-MM-DD) from which the entry is valid; defaults to the version's `publishedAt`. */
  validFrom?: string;
  /** ISO date after which the entry may no longer be chosen for new data (it stays readable). */
  validTo?: string;
}

export interface CodeListSeed {
  code: CodeListCode;
  label: string;
  /** Where this list comes from (document, schema, migration) so a reader can check it. */
  source: string;
  parentList?: CodeListCode;
  entries: CodeListEntrySeed[];
}

export interface ReferentielVersionSeed {
  /** Semantic version of the whole référentiel, e.g. `2024.1`. */
  version: string;
  /** ISO date. */
  publishedAt: string;
  description: string;
  lists: CodeListSeed[];
}
