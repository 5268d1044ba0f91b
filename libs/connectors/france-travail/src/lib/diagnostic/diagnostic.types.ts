/**
 * France Travail API "diagnostic argumenté" (`GET /partenaire/diagnosticargumente/v1/individus/{identifiant}`):
 * the `DossierIndividuData` answer, as far as it is known from the carnet-de-bord client and its approved fixtures.
 * Everything is optional because the parser checks it: nothing in a partner's JSON is trusted.
 */
export interface FtBesoin {
  code?: unknown;
  libelle?: unknown;
  valeur?: unknown;
}

export interface FtBesoinsParMetier {
  /** Encrypted job id (`<uuid>#<hash>`), not a ROME code. */
  idMetierChiffre?: unknown;
  nomMetier?: unknown;
  typologie?: unknown;
  statut?: unknown;
  estPrioritaire?: unknown;
  dateMiseAJour?: unknown;
  besoins?: unknown;
}

export interface FtDossierIndividuData {
  besoinsParDiagnosticIndividuDtos?: unknown;
  contraintesIndividusDto?: unknown;
}

/** A code answered with a value; structurally the diagnostic's `GradedCodeInput`. */
export interface FranceTravailGradedCode {
  code: string;
  value: string;
}

/**
 * What France Travail says under one of our themes; structurally the diagnostic's `DiagnosticThemeInput` (empty
 * groups are left out).
 */
export interface FranceTravailDiagnosticTheme {
  /** Our `theme` code. */
  code: string;
  /** Our `situation` codes: the situations answered `OUI` under a contrainte answered `OUI`. */
  situations?: string[];
  /** Our `objective` codes (professional themes) graded `POINT_FORT` / `BESOIN` / `NON_EXPLORE` (`ft-besoin-value`). */
  needs?: FranceTravailGradedCode[];
  /** `ft-contrainte` codes (23–29) graded `OUI` / `NON_ABORDEE` / `CLOTUREE`. */
  constraints?: FranceTravailGradedCode[];
}

/** Structurally the diagnostic's `DiagnosticProjectInput`. */
export interface FranceTravailDiagnosticProject {
  romeCode: string;
  label: string | null;
}

/** A France Travail objectif of a contrainte, as our `objective` code with its progress. */
export interface FranceTravailObjective {
  /** Our `theme` code. */
  themeCode: string;
  /** Our `objective` code. */
  code: string;
  /** `NON_ABORDE`, `EN_COURS`, `REALISE` or `ABANDONNE`. */
  value: string;
}

export type UnmappedKind = 'contrainte' | 'situation' | 'objectif' | 'besoin' | 'metier';

/** Something France Travail sent that has no place in our référentiel: kept here, with a warning, never dropped. */
export interface FranceTravailUnmapped {
  kind: UnmappedKind;
  code: string | null;
  label: string | null;
  /** Why it is here (unknown code, value out of the list, under the wrong contrainte, no ROME code). */
  reason: string;
}

export interface FranceTravailDiagnosticRecord {
  /** The France Travail `identifiant` the dossier belongs to. */
  franceTravailId: string;
  /** Latest modification date the dossier carries (ISO 8601 instant), `null` if it carries none. */
  observedAt: string | null;
  /** `contraintesIndividusDto.conseiller`: the France Travail adviser who last changed the contraintes. */
  adviserId: string | null;
  /** One entry per theme France Travail said something about, in the order met. */
  themes: FranceTravailDiagnosticTheme[];
  /** Target jobs with a ROME code. The API identifies jobs by an encrypted id: usually empty, see `unmapped`. */
  projects: FranceTravailDiagnosticProject[];
  /** Objectifs of the contraintes (they are not needs: their values are progress states, not besoin values). */
  objectives: FranceTravailObjective[];
  unmapped: FranceTravailUnmapped[];
}
