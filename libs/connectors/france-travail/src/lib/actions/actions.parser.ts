import type { Readable } from 'node:stream';
import type { FileHeader, ParsedItem } from '@spie/ingestion/domain';
import { readCsv } from '../shared/csv-reader';
import { KeySet } from '../shared/key-set';
import { rejectBadLine, toParsedItem } from '../shared/records';
import { RowReader } from '../shared/row-reader';
import { themeOfActionLabel } from './action-themes';
import { ACTIONS_COLUMNS, type FranceTravailActionRecord } from './actions.types';

export interface ParseActionsOptions {
  onHeader?(header: FileHeader): void;
  /** Longest line accepted, in bytes (default 64 KiB); a longer one stops the file with LINE_TOO_LONG. */
  maxRecordSize?: number;
}

/**
 * Key of an action line: `<identifiant_unique_de>:<codeaction>:<date_prescription>:<lblaction>`. The label is part of
 * the key because France Travail sends the placeholder code `XXX` for many different actions prescribed the same day
 * (57 of the 125 sample lines would otherwise collide); a line repeating all four is a duplicate.
 */
export function actionKey(
  record: Pick<FranceTravailActionRecord, 'franceTravailId' | 'actionCode' | 'prescribedOn' | 'label'>,
): string {
  return `${record.franceTravailId}:${record.actionCode}:${record.prescribedOn ?? ''}:${record.label}`;
}

/**
 * Streams the France Travail "fichier actions" (11 columns, `;`, `NULL` for no value) as one parsed item per line.
 * Whole-file faults throw `IngestFileError`; line faults are rejected records (CSV_MALFORMED, MISSING_FIELD,
 * INVALID_DATE, DUPLICATE_IN_FILE). A label with no theme is kept with `themeCode: null` and an INVALID_CODE warning.
 */
export async function* parseActionsFile(
  input: Readable | AsyncIterable<Buffer | string>,
  options: ParseActionsOptions = {},
): AsyncGenerator<ParsedItem<FranceTravailActionRecord>> {
  const seen = new KeySet();
  for await (const item of readCsv(input, {
    columns: ACTIONS_COLUMNS,
    onHeader: options.onHeader,
    maxRecordSize: options.maxRecordSize,
  })) {
    if (item.kind === 'bad') {
      yield rejectBadLine(item.line);
      continue;
    }
    const reader = new RowReader(item.row);
    const data = mapActionRow(reader);
    const complete = data.franceTravailId !== '' && data.actionCode !== '' && data.label !== '';
    yield toParsedItem(
      item.row.position,
      complete ? actionKey(data) : null,
      data,
      reader.issues,
      seen,
      'identifiant_unique_de:codeaction:date_prescription:lblaction',
    );
  }
}

function mapActionRow(row: RowReader): FranceTravailActionRecord {
  const franceTravailId = row.required('identifiant_unique_de') ?? '';
  const actionCode = row.required('codeaction') ?? '';
  const label = row.required('lblaction') ?? '';
  let themeCode: string | null = null;
  if (label !== '') {
    const found = themeOfActionLabel(label);
    if (found.kind === 'theme') themeCode = found.themeCode;
    else if (found.kind === 'unknown') {
      row.warn('INVALID_CODE', 'lblaction', `Action "${label}" is not in the categorisation; no theme`);
    } else {
      row.warn('INVALID_CODE', 'lblaction', `Action "${label}" is categorised without a theme`);
    }
  }
  return {
    franceTravailId,
    actionCode,
    label,
    themeCode,
    trainingObjective: row.text('objectif_formation'),
    prescribedOn: row.date('date_prescription'),
    doneOn: row.date('date_realisation_action'),
    plannedStartOn: row.date('date_prev_debut'),
    startOn: row.date('date_debut'),
    endOn: row.date('date_fin'),
    training: row.text('formation'),
    communeCode: row.text('adr.dc_commune_id'),
  };
}
