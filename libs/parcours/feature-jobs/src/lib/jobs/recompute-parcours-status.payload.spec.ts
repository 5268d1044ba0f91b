import { RecomputeParcoursStatusPayload } from './recompute-parcours-status.payload';
import { validateJobPayload } from '@spie/platform/queue';

const VALID = {
  personId: '0b7d5b5e-8f0e-4a7c-9d55-3f5c2f0d6a11',
  reason: 'orientation-decided',
  correlationId: 'corr-12345678',
  actor: { kind: 'agent', id: 'a1', login: 'cd52-orientation', organisationId: null },
};

describe('validateJobPayload', () => {
  it('should accept a complete payload and drop unknown fields', () => {
    const result = validateJobPayload(RecomputeParcoursStatusPayload, { ...VALID, extra: 'x' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toBeInstanceOf(RecomputeParcoursStatusPayload);
    expect(result.ok && 'extra' in result.value).toBe(false);
  });

  it('should name the invalid fields, nested ones included, when the payload is malformed', () => {
    const result = validateJobPayload(RecomputeParcoursStatusPayload, {
      ...VALID,
      personId: 'not-a-uuid',
      actor: { ...VALID.actor, kind: 'robot' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual(['personId: isUuid', 'actor.kind: isIn']);
  });

  it('should refuse a payload without correlation id or actor', () => {
    const result = validateJobPayload(RecomputeParcoursStatusPayload, {
      personId: VALID.personId,
      reason: 'x',
    });
    expect(!result.ok && result.error.map((problem) => problem.split(':')[0])).toEqual(
      expect.arrayContaining(['correlationId', 'actor']),
    );
  });

  it.each([null, 'text', 42, []])('should refuse %p as a payload', (data) => {
    expect(validateJobPayload(RecomputeParcoursStatusPayload, data).ok).toBe(false);
  });
});
