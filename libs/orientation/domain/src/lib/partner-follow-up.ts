/**
 * What a partner says of its own follow-up of a person: France Travail's registration and PPAE, a mission locale's
 * CEJ. The hub decides none of it (that is the department's orientation): it records what the partner's files and
 * APIs state, with their provenance, so that the department and the other partners need not ask again.
 */

/** Partners whose follow-up is recorded (the `source` that states it). */
export const FOLLOW_UP_PARTNERS = ['france_travail', 'mission_locale'] as const;
export type FollowUpPartner = (typeof FOLLOW_UP_PARTNERS)[number];

/**
 * - `ppae`: France Travail registration and accompaniment under the projet personnalisé d'accès à l'emploi (the
 *   "fichier principal": category, agency, référent, accompaniment mode, PPAE interviews, follow-up period);
 * - `cej`: a contrat d'engagement jeune, as the mission locale (i-Milo dossier) or France Travail (action `CEJ` of
 *   the "fichier actions") states it.
 */
export const FOLLOW_UP_KINDS = ['ppae', 'cej'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** The référent the partner names, as it writes it (a partner's agent is not an agent of the hub). */
export interface FollowUpReferent {
  civility: string | null;
  lastName: string | null;
  firstName: string | null;
  email: string | null;
}

/** The facts of one follow-up; `null` when the partner gives no value. Dates are YYYY-MM-DD. */
export interface PartnerFollowUpFacts {
  /** The partner's code of the structure that holds the follow-up (France Travail SAFIR code, i-Milo structure code). */
  structureCode: string | null;
  structureName: string | null;
  /** The structure that actually follows the person when it is another one (France Travail `struct_suivi`). */
  followUpStructure: string | null;
  registeredOn: string | null;
  /** France Travail registration category (1 to 5). */
  registrationCategory: string | null;
  registrationReasonCode: string | null;
  registrationReason: string | null;
  /** As written by the partner (France Travail `SUIVI`, `GUIDE`, `RENFORCE`, `GLOBAL`…). */
  accompanimentMode: string | null;
  referent: FollowUpReferent | null;
  /** Start of the follow-up or contract. */
  startOn: string | null;
  plannedEndOn: string | null;
  /** Actual end, when the partner says the follow-up or contract ended. */
  endOn: string | null;
  lastPpaeInterviewOn: string | null;
  lastInterviewOn: string | null;
  /** Work axes of the PPAE (France Travail `mrech.axetravail*`), in the partner's order. */
  workAxes: string[];
  /** Whether the partner counts the person as an RSA beneficiary (France Travail `brsa`). */
  rsaBeneficiary: boolean | null;
}

/** Facts with no value, to be completed by a source's mapper. */
export function emptyFollowUpFacts(): PartnerFollowUpFacts {
  return {
    structureCode: null,
    structureName: null,
    followUpStructure: null,
    registeredOn: null,
    registrationCategory: null,
    registrationReasonCode: null,
    registrationReason: null,
    accompanimentMode: null,
    referent: null,
    startOn: null,
    plannedEndOn: null,
    endOn: null,
    lastPpaeInterviewOn: null,
    lastInterviewOn: null,
    workAxes: [],
    rsaBeneficiary: null,
  };
}

/**
 * How far a partner's action has gone, from the dates its file gives and never from today's date (so that the same
 * file read again says the same thing): `realised` with a date of realisation, `started` with a start date,
 * `planned` with a planned start, else `prescribed`. A date may lie in the future: the status says which step the
 * partner recorded, the dates say when.
 */
export const PARTNER_ACTION_STATUSES = ['prescribed', 'planned', 'started', 'realised'] as const;
export type PartnerActionStatus = (typeof PARTNER_ACTION_STATUSES)[number];

export function partnerActionStatus(dates: {
  plannedStartOn: string | null;
  startOn: string | null;
  doneOn: string | null;
}): PartnerActionStatus {
  if (dates.doneOn) return 'realised';
  if (dates.startOn) return 'started';
  if (dates.plannedStartOn) return 'planned';
  return 'prescribed';
}

/**
 * The natural key of a partner's action for one person: its code, prescription date and label as written (France
 * Travail sends the placeholder code `XXX` for many different actions, so the label is part of the key).
 */
export function partnerActionKey(action: {
  code: string;
  prescribedOn: string | null;
  label: string;
}): string {
  return `${action.code}|${action.prescribedOn ?? ''}|${action.label}`;
}
