import type { RsaStatus } from './rsa-status';

/** The fields of a stored right row that decide which row speaks for a person in a month. */
export interface RightRowForSelection {
  referenceMonth: string;
  /** Null for the household's own row, set for a person-level row. */
  personId: string | null;
  status: RsaStatus;
  /** When the hub recorded the row (a later row for the same month corrects an earlier one). */
  recordedAt: Date;
}

/**
 * One row per reference month, newest month first: in a month, a person-level row wins over the household's row, and
 * among rows of the same level the latest recorded wins.
 */
export function selectMonthlyRights<T extends RightRowForSelection>(rows: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const row of rows) {
    const current = best.get(row.referenceMonth);
    if (!current || preferred(row, current)) best.set(row.referenceMonth, row);
  }
  return [...best.values()].sort((a, b) =>
    a.referenceMonth < b.referenceMonth ? 1 : a.referenceMonth > b.referenceMonth ? -1 : 0,
  );
}

/**
 * The month the current status started: the first month of the uninterrupted run of the latest status (months
 * without a row do not break the run: no row means no news). `null` when there is no row.
 */
export function currentStatusSince(
  monthlyNewestFirst: ReadonlyArray<Pick<RightRowForSelection, 'referenceMonth' | 'status'>>,
): string | null {
  const [latest] = monthlyNewestFirst;
  if (!latest) return null;
  let since = latest.referenceMonth;
  for (const row of monthlyNewestFirst.slice(1)) {
    if (row.status !== latest.status) break;
    since = row.referenceMonth;
  }
  return since;
}

function preferred(candidate: RightRowForSelection, current: RightRowForSelection): boolean {
  const candidateIsPerson = candidate.personId !== null;
  const currentIsPerson = current.personId !== null;
  if (candidateIsPerson !== currentIsPerson) return candidateIsPerson;
  return candidate.recordedAt.getTime() > current.recordedAt.getTime();
}
