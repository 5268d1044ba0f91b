import { computeImportProgress, type ImportProgressInput } from './import-progress';

const T0 = new Date('2026-09-01T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function batch(overrides: Partial<ImportProgressInput> = {}): ImportProgressInput {
  return {
    recordsRead: 0,
    recordsProcessed: 0,
    rejected: 0,
    parsedAt: null,
    startedAt: null,
    completedAt: null,
    ...overrides,
  };
}

describe('computeImportProgress', () => {
  it('should know nothing but zero when the batch is received and not started', () => {
    expect(computeImportProgress(batch(), at(30))).toEqual({
      processed: 0,
      total: null,
      estimatedTotal: null,
      percent: null,
      ratePerSecond: null,
      etaSeconds: null,
      elapsedSeconds: 0,
    });
  });

  it('should give the rate but no total, percent or ETA while the file is still being read', () => {
    const progress = computeImportProgress(
      batch({ startedAt: T0, recordsRead: 5000, recordsProcessed: 2000, rejected: 12 }),
      at(10),
    );
    expect(progress).toEqual({
      processed: 2000,
      total: null,
      estimatedTotal: null,
      percent: null,
      ratePerSecond: 200,
      etaSeconds: null,
      elapsedSeconds: 10,
    });
  });

  it('should estimate the total from the file size and the usual record size while the file is being read', () => {
    const reading = batch({ startedAt: T0, recordsRead: 5000, recordsProcessed: 2000, fileSize: 3_500_000 });
    expect(computeImportProgress(reading, at(10), 350)).toEqual({
      processed: 2000,
      total: null,
      estimatedTotal: 10_000,
      percent: 20,
      ratePerSecond: 200,
      etaSeconds: 40,
      elapsedSeconds: 10,
    });
  });

  it('should never estimate fewer records than already read, nor claim 100 % on an estimate', () => {
    const reading = batch({ startedAt: T0, recordsRead: 900, recordsProcessed: 900, fileSize: 1000 });
    expect(computeImportProgress(reading, at(9), 10)).toMatchObject({
      estimatedTotal: 900,
      percent: 99.9,
      etaSeconds: 0,
    });
    const parsed = batch({
      startedAt: T0,
      parsedAt: at(1),
      recordsRead: 10,
      recordsProcessed: 5,
      fileSize: 1000,
    });
    expect(computeImportProgress(parsed, at(2), 10).estimatedTotal).toBeNull();
  });

  it('should count refused records as done and derive the ETA from the average rate once the file is parsed', () => {
    const progress = computeImportProgress(
      batch({ startedAt: T0, parsedAt: at(5), recordsRead: 10_000, recordsProcessed: 3_900, rejected: 100 }),
      at(20),
    );
    expect(progress.processed).toBe(4_000);
    expect(progress.total).toBe(10_000);
    expect(progress.percent).toBe(40);
    expect(progress.ratePerSecond).toBe(200);
    expect(progress.etaSeconds).toBe(30);
  });

  it('should floor the percent so that 100 means every record is done', () => {
    const progress = computeImportProgress(
      batch({ startedAt: T0, parsedAt: at(1), recordsRead: 1000, recordsProcessed: 999 }),
      at(10),
    );
    expect(progress.percent).toBe(99.9);
    expect(progress.etaSeconds).toBe(1);
  });

  it('should say 100 %, ETA 0 and the rate over the whole run when the batch is finished', () => {
    const progress = computeImportProgress(
      batch({
        startedAt: T0,
        parsedAt: at(2),
        completedAt: at(8),
        recordsRead: 800,
        recordsProcessed: 790,
        rejected: 10,
      }),
      at(3600),
    );
    expect(progress).toEqual({
      processed: 800,
      total: 800,
      estimatedTotal: null,
      percent: 100,
      ratePerSecond: 100,
      etaSeconds: 0,
      elapsedSeconds: 8,
    });
  });

  it('should say 100 % for a refused empty file and 0 % for a parsed empty batch not yet closed', () => {
    const refused = batch({ startedAt: T0, parsedAt: at(0), completedAt: at(0) });
    expect(computeImportProgress(refused, at(5))).toMatchObject({
      percent: 100,
      etaSeconds: 0,
      ratePerSecond: null,
    });
    const empty = batch({ startedAt: T0, parsedAt: at(0) });
    expect(computeImportProgress(empty, at(5))).toMatchObject({ total: 0, percent: 0, etaSeconds: null });
  });

  it('should never count more records done than the file has', () => {
    const progress = computeImportProgress(
      batch({ startedAt: T0, parsedAt: at(1), recordsRead: 10, recordsProcessed: 10, rejected: 3 }),
      at(2),
    );
    expect(progress.processed).toBe(10);
    expect(progress.percent).toBe(100);
    expect(progress.etaSeconds).toBe(0);
  });
});
