import { REFERENTIEL_V1 } from '@spie/referentiel/domain';

import { assertOrientationDecision, type OrientationDecisionFacts } from './orientation-decision';
import { ORIENTATION_TYPES, isOrientationType } from './orientation-type';
import { OrientationException, OrientationExceptionCode } from './orientation.exception';

const STRUCTURE = { id: 'structure-1' };
const NOW = new Date('2026-03-10T10:00:00Z');

function facts(overrides: Partial<OrientationDecisionFacts> = {}): OrientationDecisionFacts {
  return {
    type: 'socio_pro',
    structureId: STRUCTURE.id,
    structure: STRUCTURE,
    referentAgentId: 'agent-1',
    referent: { organisationId: STRUCTURE.id, active: true },
    decidedAt: NOW,
    now: NOW,
    ...overrides,
  };
}

function codeOf(run: () => void): OrientationExceptionCode | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof OrientationException) return error.code;
    throw error;
  }
}

describe('assertOrientationDecision', () => {
  it('should accept the decision when the référent belongs to the structure and is active', () => {
    expect(codeOf(() => assertOrientationDecision(facts()))).toBeNull();
  });

  it('should accept the decision when no référent is named yet', () => {
    expect(
      codeOf(() => assertOrientationDecision(facts({ referentAgentId: null, referent: null }))),
    ).toBeNull();
  });

  it('should refuse with INVALID_ORIENTATION_TYPE when the type is not an orientation-type code', () => {
    expect(codeOf(() => assertOrientationDecision(facts({ type: 'sociopro' })))).toBe(
      OrientationExceptionCode.InvalidOrientationType,
    );
  });

  it('should refuse with STRUCTURE_NOT_FOUND when the structure does not exist', () => {
    expect(codeOf(() => assertOrientationDecision(facts({ structure: null })))).toBe(
      OrientationExceptionCode.StructureNotFound,
    );
  });

  it('should refuse with REFERENT_NOT_FOUND when the named référent does not exist', () => {
    expect(codeOf(() => assertOrientationDecision(facts({ referent: null })))).toBe(
      OrientationExceptionCode.ReferentNotFound,
    );
  });

  it('should refuse with REFERENT_NOT_IN_STRUCTURE when the référent works for another structure', () => {
    expect(
      codeOf(() =>
        assertOrientationDecision(facts({ referent: { organisationId: 'structure-2', active: true } })),
      ),
    ).toBe(OrientationExceptionCode.ReferentNotInStructure);
  });

  it('should refuse with REFERENT_INACTIVE when the référent is no longer active', () => {
    expect(
      codeOf(() =>
        assertOrientationDecision(facts({ referent: { organisationId: STRUCTURE.id, active: false } })),
      ),
    ).toBe(OrientationExceptionCode.ReferentInactive);
  });

  it('should refuse with ORIENTATION_DECISION_IN_FUTURE when decidedAt is beyond the clock skew', () => {
    expect(
      codeOf(() => assertOrientationDecision(facts({ decidedAt: new Date(NOW.getTime() + 6 * 60_000) }))),
    ).toBe(OrientationExceptionCode.DecisionInFuture);
    expect(
      codeOf(() => assertOrientationDecision(facts({ decidedAt: new Date(NOW.getTime() + 60_000) }))),
    ).toBeNull();
  });
});

describe('ORIENTATION_TYPES', () => {
  it('should match the orientation-type list of the référentiel when compared code by code', () => {
    const list = REFERENTIEL_V1.lists.find((l) => l.code === 'orientation-type');
    expect([...ORIENTATION_TYPES]).toEqual(list?.entries.map((e) => e.code));
  });

  it('should recognise only the listed codes when a value is checked', () => {
    expect(['social', 'socio_pro', 'pro', 'autre', 'SOCIAL'].filter(isOrientationType)).toEqual([
      'social',
      'socio_pro',
      'pro',
    ]);
  });
});

describe('OrientationException', () => {
  it('should carry its code, message and name when thrown', () => {
    const error = new OrientationException(OrientationExceptionCode.PersonNotFound, 'Person not found', {
      personId: 'p',
    });
    expect(error).toBeInstanceOf(Error);
    expect({ code: error.code, message: error.message, name: error.name, details: error.details }).toEqual({
      code: 'ORIENTATION_PERSON_NOT_FOUND',
      message: 'Person not found',
      name: 'OrientationException',
      details: { personId: 'p' },
    });
  });
});
