import type { FileHeader, PersonObservation, RecordIssue } from '@spie/ingestion/domain';

/** Role of the person in the RSA household, as the référentiel list `role-personne` codes it. */
export type HouseholdRole = 'DEM' | 'CJT' | 'ENF' | 'AUT';

/** A ROME job code with its label, from `Pontier élingueur / Pontière élingueuse (N1104)`. */
export interface RomeProject {
  /** ROME code: one letter and four digits, e.g. `N1104`. */
  code: string;
  /** The label written before the code, when there is one. */
  label: string | null;
}

/**
 * One person of a department beneficiary list (carnet de bord import template, rdv-insertion / Drôme lists, or a
 * custom department profile).
 *
 * Conventions:
 * - `person` follows {@link PersonObservation}: a value the row does not give is `undefined` (never overwrite).
 * - Every other field is `null` when the row gives no value (empty cell or column absent from the file). `null` never
 *   means "clear the stored value": department lists are partial views.
 * - Codes are référentiel codes (`@spie/referentiel/domain` REFERENTIEL_V1), whatever the file wrote: a carnet de bord
 *   key, a référentiel code or a label.
 */
export interface DepartmentPersonRecord {
  /** Department code the file was imported for (`26`, `2A`, `971`…). */
  departmentCode: string;
  /** Id of the column profile that read the row (`carnet-de-bord`, `rdv-insertion`, or a custom one). */
  profile: string;
  /**
   * Identity, contact and identifiers: `department_si` (`<department code>:<SI id>`) and `france_travail` when the
   * row has them. `nir` is 13 or 15 characters as written (checked, key verified when present).
   */
  person: PersonObservation;
  /** Every valid phone of the row in E.164, in file order; `person.phone` is the first mobile, else the first. */
  phones: string[];
  /** DEM / CJT / ENF / AUT from `dem`, `usager`, `conjoint(e)`, `CONJOINT/CONCUBIN/PACSE`, `enfant`… */
  role: HouseholdRole | null;
  /** CAF or MSA "numéro allocataire" (matricule), normalised as rdv-insertion does (see `normaliseCafNumber`). */
  cafNumber: string | null;
  /** RSA right state: référentiel `etat-dossier-rsa` code (`2` = droit ouvert et versable…). */
  rsaRight: string | null;
  /** Drôme-style `RSA` flag column (the person receives the RSA), when the list has one. */
  receivesRsa: boolean | null;
  /** Date the RSA rights (droits et devoirs) were opened, YYYY-MM-DD. */
  rightsOpenedOn: string | null;
  /** Work situation: référentiel `work-situation` code. */
  situation: string | null;
  /** Education level: référentiel `education-level` code (`NV5`…). */
  educationLevel: string | null;
  /** Job sought. */
  romeProject: RomeProject | null;
  /** RQTH (recognised disabled worker). Special-category data: the consumer restricts who sees it. */
  rqth: boolean | null;
  /** ARE (allocation d'aide au retour à l'emploi) right. */
  areRight: boolean | null;
  /** ASS (allocation de solidarité spécifique) right. */
  assRight: boolean | null;
  /** Prime d'activité. */
  activityBonus: boolean | null;
  /** Drôme-style `PE` flag column: registered with France Travail (formerly Pôle emploi). */
  franceTravailRegistered: boolean | null;
  /** Name of the accompanying structure (or rdv-insertion organisation search terms). */
  structureName: string | null;
  /** Emails of the référents / accompagnateurs named by the row, lower case. */
  referentEmails: string[];
  /** Tags (comma separated in the file). */
  tags: string[];
  /** Zone de mobilité as written (carnet de bord ignored this column). */
  mobilityZone: string | null;
  /** Orientation decision as written by the department's tracking sheet (`DECISION ORIENTATION`). */
  orientationDecision: string | null;
  /** Date of the orientation interview (`Reçu en entretien le`), YYYY-MM-DD. */
  orientationInterviewOn: string | null;
  /** CER date (`Date CER`), YYYY-MM-DD. */
  cerSignedOn: string | null;
}

/**
 * The {@link FileHeader} the department parser reports through `onHeader`, once, before the first record.
 *
 * `details` carries: `format` (`csv`, `xlsx`, `ods`), `profile`, `encoding` and `delimiter` (CSV), `sheet`
 * (spreadsheets), `headerRow`, `mappedColumns`, `unknownHeaders` and `ignoredHeaders` (` | `-separated, `null` when
 * none).
 *
 * `warnings` are file-level notes that do not refuse the file: `CSV_UNKNOWN_HEADERS` (columns no field of the profile
 * reads), a file extension that does not match the content, a column mapped twice, rows skipped above the header.
 */
export interface DepartmentFileHeader extends FileHeader {
  warnings: RecordIssue[];
}
