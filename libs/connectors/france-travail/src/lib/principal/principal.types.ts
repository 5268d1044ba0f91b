import type { PersonObservation } from '@spie/ingestion/domain';

/** The 44 columns of the France Travail "fichier principal" (SPIE extract `i03300c.j.extract_spie_…_principal`). */
export const PRINCIPAL_COLUMNS = [
  'identifiant_unique_de',
  'civilite',
  'nom',
  'prenom',
  'lieu_naissance',
  'code_lieu_naissance',
  'date_naissance',
  'adresse_ligne2',
  'adresse_ligne3',
  'adresse_ligne4',
  'adresse_ligne5',
  'adresse_ligne6',
  'departement',
  'dr',
  'rome_1',
  'appelation_rome_1',
  'rome_2',
  'appelation_rome_2',
  'mrech.axetravailprincipal',
  'mrech.axetravailsecondaire',
  'der_entretien_ppae',
  'der_entretien',
  'inscription',
  'code_motif_inscription',
  'motif_inscription',
  'categorie_inscription',
  'struct_principale',
  'referent_civilite',
  'referent_nom',
  'referent_prenom',
  'referent_mail',
  'code_safir',
  'modalite_accompagnement',
  'struct_suivi',
  'suivi_debut',
  'suivi_fin_prev',
  'dif_financiere',
  'dif_admin_jur',
  'dif_sante',
  'dif_logement',
  'dif_transport',
  'dif_inser_com',
  'dif_familiale',
  'brsa',
] as const;

export type PrincipalColumn = (typeof PRINCIPAL_COLUMNS)[number];

export interface FranceTravailProject {
  /** ROME code (`A1101`); codes that are not ROME-shaped are left out with an INVALID_CODE warning. */
  romeCode: string;
  label: string | null;
}

/** The `dif_*` flags: `true` (`O`/`OUI`), `false` (`N`/`NON`), `null` (`NULL`, not assessed). */
export interface FranceTravailDifficulties {
  financiere: boolean | null;
  adminJuridique: boolean | null;
  sante: boolean | null;
  logement: boolean | null;
  transport: boolean | null;
  insertionCommunication: boolean | null;
  familiale: boolean | null;
}

export interface FranceTravailReferent {
  /** As written (`Mme`, `M.`). */
  civility: string | null;
  lastName: string | null;
  firstName: string | null;
  email: string | null;
}

/** One line of the principal file: a job seeker as France Travail follows them. Dates are YYYY-MM-DD. */
export interface FranceTravailPrincipalRecord {
  /** `identifiant_unique_de`, also in `person.identifiers` (system `france_travail`). */
  franceTravailId: string;
  person: PersonObservation;
  /** `code_lieu_naissance` (INSEE commune or country code), also folded into `person.birthPlace`. */
  birthPlaceCode: string | null;
  /** `departement`, e.g. `08`. */
  departmentCode: string | null;
  /** `dr`: France Travail regional directorate code, e.g. `051`. */
  regionCode: string | null;
  /** `brsa`: RSA beneficiary according to France Travail. */
  rsaBeneficiary: boolean | null;
  registration: {
    /** `inscription`. */
    registeredOn: string | null;
    /** `code_motif_inscription`. */
    reasonCode: string | null;
    /** `motif_inscription`. */
    reason: string | null;
    /** `categorie_inscription` (1 to 5). */
    category: string | null;
  };
  agency: {
    /** `code_safir`. */
    safirCode: string | null;
    /** `struct_principale`. */
    name: string | null;
  };
  followUp: {
    /** `struct_suivi`. */
    structure: string | null;
    /** `suivi_debut`. */
    startOn: string | null;
    /** `suivi_fin_prev`. */
    plannedEndOn: string | null;
  };
  /** `referent_*`; `null` when all four are blank. */
  referent: FranceTravailReferent | null;
  /** `modalite_accompagnement` as written (`SUIVI`, `GUIDE`, `RENFORCE`, `GLOBAL`…). */
  accompanimentMode: string | null;
  /** `der_entretien_ppae`. */
  lastPpaeInterviewOn: string | null;
  /** `der_entretien`. */
  lastInterviewOn: string | null;
  /** `rome_1`/`appelation_rome_1`, then `rome_2`/`appelation_rome_2`, without repeats. */
  projects: FranceTravailProject[];
  /** `mrech.axetravailprincipal` / `mrech.axetravailsecondaire`. */
  searchAxes: { main: string | null; secondary: string | null };
  difficulties: FranceTravailDifficulties;
}
