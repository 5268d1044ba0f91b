import type { IdentityConflictEntity, ImportBatchEntity } from '@spie/ingestion/data-access';
import { EMPTY_COUNTS } from '@spie/ingestion/data-access';

import { toIdentityConflictDTO, toImportBatchDTO, toObservedPerson } from './ingestion.mapper';

const NIR = '1850375123456';

function conflict(overrides: Partial<IdentityConflictEntity> = {}): IdentityConflictEntity {
  return {
    id: 'c1',
    batchId: 'b1',
    source: 'caf-msa',
    position: 3,
    recordKey: '521:0001234',
    reason: 'SAME_IDENTITY_OTHER_NIR',
    candidatePersonIds: ['p1'],
    observation: {
      lastName: 'DUPONT',
      firstNames: ['Léa', 'Marie'],
      birthDate: '1990-04-12',
      sex: 'F',
      nirEncrypted: 'v1:abc:def',
      nirGiven: true,
      email: 'lea@example.invalid',
      identifiers: [
        { system: 'caf_dossier', value: '521:123456700000000', qualifier: 'DEM' },
        { system: 'department_si', value: NIR },
      ],
    },
    context: { role: 'DEM', householdId: 'h1' },
    status: 'open',
    resolvedPersonId: null,
    resolvedBy: null,
    resolvedAt: null,
    resolutionNote: null,
    createdAt: new Date('2026-09-01T10:00:00Z'),
    ...overrides,
  };
}

describe('toObservedPerson', () => {
  it('should keep the identity a reviewer needs and say only whether there was a NIR', () => {
    const observed = toObservedPerson(conflict().observation, conflict().context);
    expect(observed).toEqual({
      lastName: 'DUPONT',
      birthName: null,
      firstNames: ['Léa', 'Marie'],
      birthDate: '1990-04-12',
      sex: 'F',
      role: 'DEM',
      hasNir: true,
      identifiers: [
        { system: 'caf_dossier', value: '521:123456700000000' },
        { system: 'department_si', value: '[NIR]' },
      ],
    });
    const text = JSON.stringify(observed);
    expect(text).not.toContain('v1:abc');
    expect(text).not.toContain(NIR);
    expect(text).not.toContain('example.invalid');
  });

  it('should drop values that are not what they claim to be', () => {
    expect(toObservedPerson({ lastName: 3, firstNames: 'x', birthDate: '12/04/1990' }, {})).toMatchObject({
      lastName: null,
      firstNames: [],
      birthDate: null,
      hasNir: false,
      identifiers: [],
    });
  });
});

describe('toIdentityConflictDTO', () => {
  it('should give the decision of a resolved conflict and mask a NIR in its key', () => {
    const dto = toIdentityConflictDTO(
      conflict({ status: 'linked', recordKey: `nir:${NIR}`, resolvedPersonId: 'p1', resolvedBy: 'a1' }),
    );
    expect(dto).toMatchObject({
      status: 'resolved',
      resolution: 'merge_into_existing',
      recordKey: 'nir:[NIR]',
      resolvedById: 'a1',
    });
    expect(toIdentityConflictDTO(conflict({ status: 'dismissed' })).resolution).toBe('reject');
    expect(toIdentityConflictDTO(conflict()).resolution).toBeNull();
  });
});

describe('toImportBatchDTO', () => {
  it('should expose the hash and size, and compute progress from the counters', () => {
    const batch = {
      id: 'b1',
      source: 'caf-msa',
      status: 'processing',
      fileName: 'RSABEM.xml',
      fileHash: 'ab'.repeat(32),
      fileSize: '5368709120',
      storagePath: 'ab/abab',
      options: {},
      receivedBy: 'caf-connector',
      correlationId: null,
      referenceDate: '2026-08-31',
      fluxType: 'M',
      details: {},
      recordsRead: 100,
      recordsProcessed: 40,
      chunksStaged: 1,
      chunksApplied: 0,
      counts: { ...EMPTY_COUNTS, rejected: 10 },
      errorCode: null,
      errorMessage: null,
      receivedAt: new Date('2026-09-01T10:00:00Z'),
      startedAt: new Date('2026-09-01T10:00:00Z'),
      parsedAt: new Date('2026-09-01T10:00:01Z'),
      completedAt: null,
      updatedAt: new Date('2026-09-01T10:00:05Z'),
    } as ImportBatchEntity;
    const dto = toImportBatchDTO(batch, new Date('2026-09-01T10:00:10Z'));
    expect(dto.sha256).toBe('ab'.repeat(32));
    expect(dto.sizeBytes).toBe(5 * 1024 ** 3);
    expect(dto.progress).toMatchObject({
      processed: 50,
      total: 100,
      percent: 50,
      ratePerSecond: 5,
      etaSeconds: 10,
    });
    expect(dto.error).toBeNull();
    expect(dto.hold).toBeNull();
  });

  it('should say why a held batch is held and for whom it acts, and nothing once it is resumed', () => {
    const heldAt = new Date('2026-09-01T10:00:03Z');
    const held = {
      id: 'b2',
      source: 'caf-msa',
      status: 'held',
      fileName: 'RSABEM.xml',
      fileHash: 'cd'.repeat(32),
      fileSize: '10',
      counts: { ...EMPTY_COUNTS },
      recordsRead: 1,
      recordsProcessed: 0,
      receivedBy: 'caf-connector',
      actingLogin: 'caf-connector',
      resumedBy: null,
      resumedAt: null,
      heldAt,
      holdCode: 'STARTER_RIGHTS_REVOKED',
      holdMessage: 'caf-connector may no longer send caf-msa files',
      errorCode: null,
      receivedAt: new Date('2026-09-01T10:00:00Z'),
      startedAt: null,
      parsedAt: null,
      completedAt: null,
    } as unknown as ImportBatchEntity;
    expect(toImportBatchDTO(held)).toMatchObject({
      status: 'held',
      actingAs: 'caf-connector',
      hold: { code: 'STARTER_RIGHTS_REVOKED', message: expect.stringContaining('caf-msa'), heldAt },
    });
    const resumed = {
      ...held,
      status: 'processing',
      actingLogin: 'cd52-orientation',
      resumedBy: 'cd52-orientation',
    };
    expect(toImportBatchDTO(resumed as ImportBatchEntity)).toMatchObject({
      actingAs: 'cd52-orientation',
      resumedBy: 'cd52-orientation',
      hold: null,
    });
  });
});
