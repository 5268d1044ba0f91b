import { validateJobPayload } from '@spie/platform/queue';

import { RetentionRunPayload } from './audit-payloads';

const envelope = {
  correlationId: 'retention-run',
  actor: { kind: 'system', id: 'system', login: 'system', organisationId: null },
};

describe('RetentionRunPayload', () => {
  it('should accept a full run and a run limited to some persons', () => {
    expect(validateJobPayload(RetentionRunPayload, { ...envelope, dryRun: false }).ok).toBe(true);
    expect(
      validateJobPayload(RetentionRunPayload, {
        ...envelope,
        dryRun: false,
        personIds: ['0b7d5b5e-8f0e-4a7c-9d55-3f5c2f0d6a11'],
      }).ok,
    ).toBe(true);
  });

  it('should refuse a payload without dryRun or with a person id that is not a uuid', () => {
    const missing = validateJobPayload(RetentionRunPayload, envelope);
    expect(!missing.ok && missing.error).toEqual(['dryRun: isBoolean']);
    const invalid = validateJobPayload(RetentionRunPayload, { ...envelope, dryRun: true, personIds: ['x'] });
    expect(!invalid.ok && invalid.error).toEqual(['personIds: isUuid']);
  });
});
