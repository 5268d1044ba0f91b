/**
 * What the generator writes: one `InfosFoyerRSA` per `GeneratedHousehold`, with the element names of vrsb0801 in the
 * field comments. Dates are `YYYY-MM-DD`; strings are written as given (escaped, never cut), so a test can craft a
 * household the schema refuses when it means to.
 */

/** `ETATDOSRSA`: 0 pending decision, 1 refused, 2 open and payable, 3 open and suspended, 4 open but payment
 * suspended, 5 closed, 6 closed on a previous month. */
export type GeneratedEtatDossier = '0' | '1' | '2' | '3' | '4' | '5' | '6';

/** `ROLEPERS`: applicant, spouse, child, other person. */
export type GeneratedRole = 'DEM' | 'CJT' | 'ENF' | 'AUT';

/** `SEXE` (and the NIR's first digit): 1 man, 2 woman. */
export type GeneratedSex = '1' | '2';

export type GeneratedOrganisme = 'CAF' | 'MSA';

/** `TYPEFLUX`: M monthly stock, I daily (infra-monthly) increment. */
export type GeneratedFluxType = 'M' | 'I';

export interface GeneratedPerson {
  /** `QUAL` (MR, MME, MLE); absent when undefined (children, usually). */
  qual?: string;
  /** `NOM`: usage name (max 28). */
  nom: string;
  /** `NOMNAI`: birth name (max 28). */
  nomnai: string;
  /** `PRENOM` (max 32). */
  prenom: string;
  /** `PRENOM2` (max 15). */
  prenom2?: string;
  /** `NOMCOMNAI`: birth commune, or city abroad (max 26). */
  nomcomnai: string;
  /** `DTNAI`. */
  dtnai: string;
  /** `NIR`: the 13 characters without key as CAF/MSA send them; no `NIR` element when undefined. */
  nir?: string;
  /** `SEXE`. */
  sexe: GeneratedSex;
  /** `ROLEPERS` of both `Prestations` (PFA and RSA). */
  role: GeneratedRole;
  /** `TOPRESPDOS`: responsible for the CAF file. */
  respDos: boolean;
  /** `TOPPERSDRODEVORSA`: subject to the RSA rights and duties. */
  subjectToRightsAndDuties: boolean;
  /** `DDRATDOS`: attached to the CAF file since (default: the household's `dtdemrsa`). */
  attachedSince?: string;
  /** `DossierPoleEmploi/IDASSEDIC` (max 8). */
  franceTravailId?: string;
  /** One `Activite` block: `ACT` code (SAL, CHO…), `DDACT`, `REG` (GE general scheme, AG agricultural). */
  activity?: { code: string; since: string; regime?: string };
}

export interface GeneratedAddress {
  /** `COMPLIDEADR`: who or which place (c/o, domiciliation), max 38; empty element when undefined. */
  complideadr?: string;
  /** `COMPLADR`: building, staircase, flat, max 38. */
  compladr?: string;
  /** `NUMVOIE` (max 6). */
  numvoie: string;
  /** `LIBTYPEVOIE`: RUE, AVENUE… (max 30). */
  libtypevoie: string;
  /** `NOMVOIE` (max 32). */
  nomvoie: string;
  /** `LIEUDIST` (max 38). */
  lieudist?: string;
  /** `NUMCOM`: INSEE commune code. */
  numcom: string;
  /** `CODEPOS`: postal code (5 digits). */
  codepos: string;
  /** `NOMCOM` (max 32). */
  nomcom: string;
  /** `DTEMM`: moved in on. */
  movedInOn?: string;
}

export interface GeneratedHousehold {
  /** `FONORG`. */
  organisme: GeneratedOrganisme;
  /** `NUMORG`: the paying organisation's number (3 characters, e.g. 521 for the CAF of Haute-Marne). */
  numorg: string;
  /** `MATRICULE`: 15 digits (the samples' 7 significant digits and 8 zeros). */
  matricule: string;
  /** `Partenaire/IDEPARTE`: the department the file goes to, 3 characters (052, 02A, 971). */
  departmentCode: string;
  /** `NUMDEMRSA` (max 11). */
  numdemrsa: string;
  /** `DTDEMRSA`. */
  dtdemrsa: string;
  /** `SITFAM`: CEL, MAR, PAC, VIM, DIV, SEP, SEF, ISO, VEU… */
  sitfam: string;
  /** `DDSITFAM`. */
  sitfamSince: string;
  /** The current address (`RGADR` 01). */
  address: GeneratedAddress;
  /** `ETATDOSRSA`. */
  etatDossier: GeneratedEtatDossier;
  /** `SuspensionVersement`: `MOTISUSVERSRSA` and `DDSUSVERSRSA` (payment suspended; written for states 3 and 4). */
  suspension?: { reason: string; since: string };
  /** `SuspensionDroit`: `MOTISUSDRORSA` and `DDSUSDRORSA` (the right itself suspended, state 3). */
  rightSuspension?: { reason: string; since: string };
  /** `FinDroit` (or `FinDroitMoisAnterieur` when `previousMonth`, the default for state 6): `MOTICLORSA`, `DTCLORSA`. */
  closure?: { reason: string; date: string; previousMonth?: boolean };
  /** `TOPSANSDOMFIXE`: no fixed abode (the address is then a domiciliation). */
  homeless: boolean;
  /** `ORIDEMRSA` (DEM, or RMI/API for rights converted in June 2009); default DEM. */
  origin?: string;
  /** `DTORIDEMRSA`. */
  originDate?: string;
  /** One `DetailCalculDroitRSA` (NATPF, SOUSNATPF, DDNATDRO, MTRSAVERS, DTDERRSAVERS) when set. */
  payment?: { natpf: string; sousnatpf: string; since: string; amount: number; lastPaidOn: string };
  /** `Anomalie/LIBANO` lines (anomaly flux only). */
  anomalies?: string[];
  persons: GeneratedPerson[];
}

/** `IdentificationFlux`. */
export interface GeneratedFluxHeader {
  /** `TYPEFLUX`. */
  fluxType: GeneratedFluxType;
  /** `DTREF`. */
  referenceDate: string;
  /** `DTCREAFLUX`; default: 5 days after `referenceDate` for a monthly flux, `referenceDate` for a daily one. */
  creationDate?: string;
  /** `HEUCREAFLUX`, `HH:MM:SS.ffff`; default 01:18:36.0000. */
  creationTime?: string;
  /** `APPLIEME`; default CRI. */
  application?: string;
  /** `NUMVERSIONAPPLIEME`; default 6200. */
  version?: string;
  /** `NATFLUX`; default D. */
  nature?: string;
}

export interface WriteCafFluxOptions {
  /** Indent with tabs like the monthly sample (default), or one element per line without indentation. */
  indent?: boolean;
  /** End the output stream when done (default true). */
  end?: boolean;
  /** `xsi:noNamespaceSchemaLocation` of `Racine` (default `vrsb0801.xsd`); null leaves the attribute out. */
  schemaLocation?: string | null;
}

export interface GeneratedFluxStats {
  households: number;
  persons: number;
  personsWithoutNir: number;
  /** Bytes written, windows-1252. */
  bytes: number;
}

export interface GenerateCafFluxOptions extends WriteCafFluxOptions {
  households: number;
  /** Integer; default 1. The same seed, ordinal and dates always give the same household. */
  seed?: number;
  /** `DTREF`, `YYYY-MM-DD`; default 2026-09-30. */
  referenceDate?: string;
  /**
   * The date the households are drawn as of; default `referenceDate`. To write a later flux of the same households,
   * keep the first file's `cohortDate` and move `referenceDate`: each month boundary crossed in between applies
   * `changeRate`.
   */
  cohortDate?: string;
  /** Fraction of households whose RSA state changes in each month after `cohortDate` (default 0.05). */
  changeRate?: number;
  /** Write only the households that changed since `cohortDate` (a daily increment, say). */
  onlyChanged?: boolean;
  fluxType?: GeneratedFluxType;
  /** The department the flux goes to: 052, 52, 2A, 971… (default 052). */
  departmentCode?: string;
  /** Default CAF (one organisation sends one flux); `mixed` draws about one household in eight from the MSA. */
  organisme?: GeneratedOrganisme | 'mixed';
  /** Added to the index to make the household's ordinal: a second file with another offset holds other households
   * (other matricules, NIRs and people). Default 0. */
  matriculeOffset?: number;
  /** Last say on each household (after the monthly changes): return it changed, or null to leave it out. */
  mutate?: (household: GeneratedHousehold, index: number) => GeneratedHousehold | null;
  creationDate?: string;
  creationTime?: string;
}
