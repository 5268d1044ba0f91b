import type { ParsedItem, RecordIssue } from '@spie/ingestion/domain';
import type { CsvBadLine } from './csv-reader';
import type { KeySet } from './key-set';

/**
 * Turns a mapped row into a parsed item: rejected when an issue is an error or its key was already seen in the file
 * (DUPLICATE_IN_FILE: the first occurrence wins), kept with its warnings otherwise. Every key met is remembered, so
 * a line repeating a rejected line's key is rejected too.
 */
export function toParsedItem<T>(
  position: number,
  key: string | null,
  data: T,
  issues: RecordIssue[],
  seen: KeySet,
  keyLabel: string,
): ParsedItem<T> {
  if (key !== null && !seen.add(key)) {
    issues.push({
      code: 'DUPLICATE_IN_FILE',
      field: keyLabel,
      message: `${keyLabel} ${key} already appears on an earlier line of this file`,
      severity: 'error',
    });
  }
  if (issues.some((issue) => issue.severity === 'error')) {
    return { kind: 'rejected', position, ...(key !== null ? { key } : {}), issues };
  }
  return { kind: 'record', position, key: key ?? '', data, warnings: issues };
}

export function rejectBadLine(line: CsvBadLine): ParsedItem<never> {
  return {
    kind: 'rejected',
    position: line.position,
    ...(line.firstCell !== undefined ? { key: line.firstCell } : {}),
    issues: [line.issue],
  };
}
