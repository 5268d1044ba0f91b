import type { ObservedAddress, PersonObservation } from '@spie/ingestion/domain';

/** One member of an RSA household as the flux describes them. */
export interface CafMember extends PersonObservation {
  /** `ROLEPERS` of the RSA prestation: DEM, CJT, ENF, AUT… */
  role: string;
  /** `TOPRESPDOS`: responsible for the file. */
  responsible: boolean;
  /** `TOPPERSDRODEVORSA`: subject to rights and duties (null when the flux says nothing). */
  subjectToRightsAndDuties: boolean | null;
}

/** One `InfosFoyerRSA`: a household's file and the state of its RSA right at the flux's reference date. */
export interface CafHouseholdRecord {
  organisme: 'caf' | 'msa';
  /** `NUMORG`. */
  organismeCode: string;
  /** `MATRICULE`. */
  matricule: string;
  numDemRsa: string | null;
  /** `DTDEMRSA`. */
  requestedOn: string | null;
  /** `IDEPARTE`: the department the file is sent to. */
  departmentCode: string | null;
  familySituation: string | null;
  familySituationSince: string | null;
  homeless: boolean | null;
  address: ObservedAddress | null;
  right: {
    etatDossier: string;
    suspensionReason: string | null;
    suspendedOn: string | null;
    closureReason: string | null;
    closedOn: string | null;
    /** `TOPFOYDRODEVORSA`. */
    householdSubjectToRightsAndDuties: boolean | null;
  };
  members: CafMember[];
  /** SHA-256 of the mapped content: an unchanged household is skipped on the next flux. */
  contentHash: string;
}

/** `IdentificationFlux`. */
export interface CafFluxHeader {
  application: string;
  version: string;
  /** `M` monthly stock, `I` daily increment. */
  fluxType: string;
  nature: string;
  createdOn: string;
  /** `DTREF`. */
  referenceDate: string;
}
