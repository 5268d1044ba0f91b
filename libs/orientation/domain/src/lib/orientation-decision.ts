import { OrientationException, OrientationExceptionCode } from './orientation.exception';
import { isOrientationType } from './orientation-type';

/** Tolerated clock difference between a client and the hub for `decidedAt`. */
export const DECISION_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface OrientationDecisionFacts {
  type: string;
  structureId: string;
  /** The structure as found by its id, or null when unknown. */
  structure: { id: string } | null;
  referentAgentId: string | null;
  /** The référent as found by its id, or null when unknown (ignored without `referentAgentId`). */
  referent: { organisationId: string; active: boolean } | null;
  decidedAt: Date;
  now: Date;
}

/**
 * The rules of an orientation decision, checked before anything is written: a known orientation type, an existing
 * structure, a référent (when named) who exists, is active and belongs to that structure, a decision not in the
 * future. Throws the first broken rule.
 */
export function assertOrientationDecision(facts: OrientationDecisionFacts): void {
  if (!isOrientationType(facts.type)) {
    throw new OrientationException(
      OrientationExceptionCode.InvalidOrientationType,
      `Unknown orientation type: ${facts.type}`,
    );
  }
  if (!facts.structure) {
    throw new OrientationException(OrientationExceptionCode.StructureNotFound, 'Structure not found', {
      structureId: facts.structureId,
    });
  }
  if (facts.referentAgentId !== null) {
    if (!facts.referent) {
      throw new OrientationException(OrientationExceptionCode.ReferentNotFound, 'Référent not found', {
        referentAgentId: facts.referentAgentId,
      });
    }
    if (facts.referent.organisationId !== facts.structure.id) {
      throw new OrientationException(
        OrientationExceptionCode.ReferentNotInStructure,
        'The référent does not belong to the structure the person is oriented to',
        { referentAgentId: facts.referentAgentId, structureId: facts.structureId },
      );
    }
    if (!facts.referent.active) {
      throw new OrientationException(
        OrientationExceptionCode.ReferentInactive,
        'The référent is no longer active',
        {
          referentAgentId: facts.referentAgentId,
        },
      );
    }
  }
  if (facts.decidedAt.getTime() > facts.now.getTime() + DECISION_CLOCK_SKEW_MS) {
    throw new OrientationException(
      OrientationExceptionCode.DecisionInFuture,
      'The decision date is in the future',
    );
  }
}
