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
}

export interface ImportProgress {
  /** Records done: applied, plus refused once the parse is over. */
  processed: number;
  /** Records in the file; null while the parser is still reading it. */
  total: number | null;
  /** 0–100, one decimal, 100 only when every record is done; null while the total is unknown. */
  percent: number | null;
  /** Records done per second since the parse started (average); null before the first record is done. */
  ratePerSecond: number | null;
  /** Seconds left at that rate; 0 once finished; null while the total or the rate is unknown. */
  etaSeconds: number | null;
  /** Seconds since the parse started (until completion for a finished batch). */
  elapsedSeconds: number;
}

/**
 * Progress, rate and ETA of a batch. The rate is the average since the parse started, which is steady for a pipeline
 * whose chunks are all alike; the total is known only once the parser has read the whole file.
 */
export function computeImportProgress(batch: ImportProgressInput, now: Date): ImportProgress {
  const parsed = batch.parsedAt !== null;
  const finished = batch.completedAt !== null;
  const total = parsed ? batch.recordsRead : null;
  const done = batch.recordsProcessed + (parsed ? batch.rejected : 0);
  const processed = total === null ? done : Math.min(done, total);
  const end = batch.completedAt ?? now;
  const elapsedSeconds = batch.startedAt
    ? Math.max(0, (end.getTime() - batch.startedAt.getTime()) / 1000)
    : 0;
  const ratePerSecond = elapsedSeconds > 0 && processed > 0 ? round(processed / elapsedSeconds, 1) : null;

  let percent: number | null = null;
  if (finished) percent = 100;
  else if (total !== null) percent = total === 0 ? 0 : Math.floor((processed * 1000) / total) / 10;

  let etaSeconds: number | null = null;
  if (finished) etaSeconds = 0;
  else if (total !== null && ratePerSecond)
    etaSeconds = Math.ceil((total - processed) / (processed / elapsedSeconds));

  return { processed, total, percent, ratePerSecond, etaSeconds, elapsedSeconds: round(elapsedSeconds, 3) };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
