/** Identifiers of a person in partner systems. A value is unique within its system. */
export const PERSON_IDENTIFIER_SYSTEMS = [
  /** CAF dossier: value `<organisme code>:<MATRICULE>`, qualifier = role in the household (DEM, CJT…). */
  'caf_dossier',
  /** MSA dossier, same shape as CAF. */
  'msa_dossier',
  /** France Travail `identifiant_unique_de` (or `numero_pe` when only that is known). */
  'france_travail',
  /** Mission locale i-Milo dossier id. */
  'mission_locale_imilo',
  /** A department's own information system id, value `<department code>:<id>`. */
  'department_si',
] as const;

export type PersonIdentifierSystem = (typeof PERSON_IDENTIFIER_SYSTEMS)[number];
