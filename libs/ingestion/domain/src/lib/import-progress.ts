/** What the progress of a batch is computed from: timestamps and counters kept on `import_batch`. */
export interface ImportProgressInput {
  /** Records read by the parser so far; the total once the file is parsed. */
  recordsRead: number;
  /** Records applied by the workers. */
  recordsProcessed: number;
  /** Records refused by the parser (known once the file is parsed). */
  rejected: number;
  parsedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Size of the file in bytes, for the estimate below. */
  fileSize?: number;
}

export interface ImportProgress {
  /** Records done: applied, plus refused once the parse is over. */
  processed: number;
  /** Records in the file; null while the parser is still reading it. */
  total: number | null;
  /**
   * While the file is being read: its size over the average record size of the source's recent batches (never less
   * than the records already read). Null when the total is known or nothing tells the record size.
   */
  estimatedTotal: number | null;
  /** 0–100, one decimal, 100 only when finished; from the estimate while the file is being read; else null. */
  percent: number | null;
  /** Records done per second since the parse started (average); null before the first record is done. */
  ratePerSecond: number | null;
  /** Seconds left at that rate, from the total or the estimate; 0 once finished; null when unknown. */
  etaSeconds: number | null;
  /** Seconds since the parse started (until completion for a finished batch). */
  elapsedSeconds: number;
}

/**
 * Progress, rate and ETA of a batch. The rate is the average since the parse started, which is steady for a pipeline
 * whose chunks are all alike. The total is known only once the parser has read the whole file; before that, when
 * `averageRecordBytes` is given (from earlier batches of the source), the file size gives an estimate.
 */
export function computeImportProgress(
  batch: ImportProgressInput,
  now: Date,
  averageRecordBytes: number | null = null,
): ImportProgress {
  const parsed = batch.parsedAt !== null;
  const finished = batch.completedAt !== null;
  const total = parsed ? batch.recordsRead : null;
  const done = batch.recordsProcessed + (parsed ? batch.rejected : 0);
  const processed = total === null ? done : Math.min(done, total);
  const estimatedTotal =
    total === null && !finished && batch.fileSize && averageRecordBytes && averageRecordBytes > 0
      ? Math.max(batch.recordsRead, processed, Math.round(batch.fileSize / averageRecordBytes))
      : null;
  const end = batch.completedAt ?? now;
  const elapsedSeconds = batch.startedAt
    ? Math.max(0, (end.getTime() - batch.startedAt.getTime()) / 1000)
    : 0;
  const ratePerSecond = elapsedSeconds > 0 && processed > 0 ? round(processed / elapsedSeconds, 1) : null;

  const expected = total ?? estimatedTotal;
  let percent: number | null = null;
  if (finished) percent = 100;
  else if (expected !== null) {
    percent = expected === 0 ? 0 : Math.floor((processed * 1000) / expected) / 10;
    // An estimate never claims the end: only a parsed, fully applied batch is at 100 %.
    if (total === null) percent = Math.min(percent, 99.9);
  }

  let etaSeconds: number | null = null;
  if (finished) etaSeconds = 0;
  else if (expected !== null && ratePerSecond) {
    etaSeconds = Math.ceil(Math.max(0, expected - processed) / (processed / elapsedSeconds));
  }

  return {
    processed,
    total,
    estimatedTotal,
    percent,
    ratePerSecond,
    etaSeconds,
    elapsedSeconds: round(elapsedSeconds, 3),
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
