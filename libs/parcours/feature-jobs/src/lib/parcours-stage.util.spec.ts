import {
  daysToOrientationOf,
  deriveParcoursStatus,
  parcoursStageOf,
  type ParcoursFacts,
} from './parcours-stage.util';

const ORIENTED_AT = new Date('2026-02-10T09:00:00Z');

function facts(overrides: Partial<ParcoursFacts> = {}): ParcoursFacts {
  return {
    rightStatus: 'open',
    subjectToRightsAndDuties: true,
    rightOpenedOn: '2026-01-15',
    orientedAt: null,
    hasSignedOrActiveContract: false,
    contractSignedAt: null,
    ...overrides,
  };
}

describe('parcoursStageOf', () => {
  it.each(['closed', 'closed_previous'] as const)(
    'should be closed when the right is %s, whatever else is known',
    (rightStatus) => {
      expect(
        parcoursStageOf(facts({ rightStatus, orientedAt: ORIENTED_AT, hasSignedOrActiveContract: true })),
      ).toBe('closed');
    },
  );

  it.each(['open_suspended', 'suspended_payment'] as const)(
    'should be suspended when the right is %s',
    (rightStatus) => {
      expect(
        parcoursStageOf(facts({ rightStatus, orientedAt: ORIENTED_AT, hasSignedOrActiveContract: true })),
      ).toBe('suspended');
    },
  );

  it.each(['pending', 'refused'] as const)('should be rights_pending when the right is %s', (rightStatus) => {
    expect(parcoursStageOf(facts({ rightStatus }))).toBe('rights_pending');
  });

  it('should be in_contract when the right is open and a contract is signed or active', () => {
    expect(parcoursStageOf(facts({ orientedAt: ORIENTED_AT, hasSignedOrActiveContract: true }))).toBe(
      'in_contract',
    );
  });

  it('should be oriented when the right is open, the person oriented and no contract in force', () => {
    expect(parcoursStageOf(facts({ orientedAt: ORIENTED_AT }))).toBe('oriented');
  });

  it('should be to_orient when the right is open, the person subject to rights and duties and not oriented', () => {
    expect(parcoursStageOf(facts())).toBe('to_orient');
  });

  it('should be unknown when the right is open but the person is not subject to rights and duties nor oriented', () => {
    expect(parcoursStageOf(facts({ subjectToRightsAndDuties: false }))).toBe('unknown');
  });

  it('should be unknown when no right is known', () => {
    expect(
      parcoursStageOf(facts({ rightStatus: null, orientedAt: ORIENTED_AT, hasSignedOrActiveContract: true })),
    ).toBe('unknown');
  });
});

describe('daysToOrientationOf', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('should count the days from the opening to the orientation when oriented', () => {
    expect(daysToOrientationOf('2026-01-15', ORIENTED_AT, now)).toBe(26);
  });

  it('should count the days up to now when not oriented yet', () => {
    expect(daysToOrientationOf('2026-01-15', null, now)).toBe(45);
  });

  it('should be null when the opening date is unknown', () => {
    expect(daysToOrientationOf(null, ORIENTED_AT, now)).toBeNull();
  });

  it('should be 0 when the orientation predates the opening of the right', () => {
    expect(daysToOrientationOf('2026-02-20', ORIENTED_AT, now)).toBe(0);
  });
});

describe('deriveParcoursStatus', () => {
  it('should carry the facts and the derived stage and delay', () => {
    const derived = deriveParcoursStatus(
      facts({ orientedAt: ORIENTED_AT, contractSignedAt: new Date('2026-02-20T10:00:00Z') }),
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(derived).toEqual({
      stage: 'oriented',
      subjectToRightsAndDuties: true,
      rightOpenedOn: '2026-01-15',
      orientedAt: ORIENTED_AT,
      contractSignedAt: new Date('2026-02-20T10:00:00Z'),
      daysToOrientation: 26,
    });
  });
});
