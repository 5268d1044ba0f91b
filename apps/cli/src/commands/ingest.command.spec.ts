import { EMPTY_COUNTS, type ImportBatchEntity } from '@spie/ingestion/data-access';

import { summarise } from './ingest.command';

function batch(overrides: Partial<ImportBatchEntity>): ImportBatchEntity {
  return {
    id: 'b1',
    source: 'france-travail-actions',
    status: 'completed_with_errors',
    recordsRead: 6,
    actingLogin: 'ft-connector',
    counts: { ...EMPTY_COUNTS },
    receivedAt: new Date('2026-03-01T10:00:00Z'),
    startedAt: new Date('2026-03-01T10:00:01Z'),
    completedAt: new Date('2026-03-01T10:00:03.5Z'),
    ...overrides,
  } as ImportBatchEntity;
}

describe('summarise', () => {
  it('should report the facts of a France Travail actions file, not only people and households', () => {
    const summary = summarise(
      batch({
        counts: {
          ...EMPTY_COUNTS,
          actionsCreated: 3,
          followUpsCreated: 1,
          skipped: 1,
          // One refused by the parser, two by the appliers: `rejected` counts all three.
          rejected: 3,
          rejectedOnApply: 2,
        },
      }),
    );
    expect(summary).toEqual({
      batchId: 'b1',
      source: 'france-travail-actions',
      status: 'completed_with_errors',
      actingAs: 'ft-connector',
      records: 6,
      persons: { created: 0, updated: 0, unchanged: 0 },
      households: { created: 0, updated: 0, unchanged: 0 },
      followUps: { created: 1, updated: 0, unchanged: 0 },
      actions: { created: 3, updated: 0, unchanged: 0 },
      diagnostics: { recorded: 0, unchanged: 0 },
      rejected: 3,
      conflicts: 0,
      skipped: 1,
      stale: 0,
      seconds: 2.5,
    });
  });

  it('should count 0 for a counter a batch recorded before it existed', () => {
    const summary = summarise(
      batch({
        source: 'caf-msa',
        counts: { personsCreated: 2, rejected: 0 } as unknown as ImportBatchEntity['counts'],
      }),
    );
    expect(summary.persons.created).toBe(2);
    expect(summary.diagnostics).toEqual({ recorded: 0, unchanged: 0 });
    expect(summary.rejected).toBe(0);
  });
});
