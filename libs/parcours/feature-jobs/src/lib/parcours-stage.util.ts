import type { RsaStatus } from '@spie/household-rights/domain';

import type { ParcoursStage } from './person-parcours-status.entity';

/** What the stage is derived from: the person's RSA right, current orientation and contracts, as stored. */
export interface ParcoursFacts {
  /** Status of the latest RSA right of the person (or of their current household); null when none is known. */
  rightStatus: RsaStatus | null;
  subjectToRightsAndDuties: boolean;
  /** `YYYY-MM-DD`. */
  rightOpenedOn: string | null;
  /** Decision date of the current (not superseded) orientation. */
  orientedAt: Date | null;
  /** At least one contract (CER, PPAE, CEJ…) is signed or active. */
  hasSignedOrActiveContract: boolean;
  /** Signature of the latest signed, active or suspended contract. */
  contractSignedAt: Date | null;
}

export interface DerivedParcoursStatus {
  stage: ParcoursStage;
  subjectToRightsAndDuties: boolean;
  rightOpenedOn: string | null;
  orientedAt: Date | null;
  contractSignedAt: Date | null;
  daysToOrientation: number | null;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The stage rules, in order: a closed right wins over everything, then a suspended one, then a right not (yet) open;
 * with an open right, a signed or active contract, then an orientation, then the duty to be oriented decide.
 */
export function parcoursStageOf(facts: ParcoursFacts): ParcoursStage {
  switch (facts.rightStatus) {
    case 'closed':
    case 'closed_previous':
      return 'closed';
    case 'open_suspended':
    case 'suspended_payment':
      return 'suspended';
    case 'pending':
    case 'refused':
      return 'rights_pending';
    case 'open':
      if (facts.hasSignedOrActiveContract) return 'in_contract';
      if (facts.orientedAt) return 'oriented';
      if (facts.subjectToRightsAndDuties) return 'to_orient';
      return 'unknown';
    case null:
      return 'unknown';
  }
}

/**
 * Whole days from the opening of the right to the orientation, or to `now` while the person waits (the 15/30-day
 * target). Null without an opening date; never negative (an orientation decided before a right re-opened counts 0).
 */
export function daysToOrientationOf(
  rightOpenedOn: string | null,
  orientedAt: Date | null,
  now: Date,
): number | null {
  if (!rightOpenedOn) return null;
  const opened = Date.parse(`${rightOpenedOn}T00:00:00Z`);
  if (Number.isNaN(opened)) return null;
  const end = (orientedAt ?? now).getTime();
  return Math.max(0, Math.floor((end - opened) / DAY_MS));
}

export function deriveParcoursStatus(facts: ParcoursFacts, now: Date): DerivedParcoursStatus {
  return {
    stage: parcoursStageOf(facts),
    subjectToRightsAndDuties: facts.subjectToRightsAndDuties,
    rightOpenedOn: facts.rightOpenedOn,
    orientedAt: facts.orientedAt,
    contractSignedAt: facts.contractSignedAt,
    daysToOrientation: daysToOrientationOf(facts.rightOpenedOn, facts.orientedAt, now),
  };
}
