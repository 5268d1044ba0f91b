import type { Readable } from 'node:stream';

import { DataCategory, themeCategory } from '@spie/access/domain';
import {
  parseActionsFile,
  parseDiagnosticFile,
  parsePrincipalFile,
  type FranceTravailActionRecord,
  type FranceTravailDiagnosticRecord,
  type FranceTravailPrincipalRecord,
} from '@spie/connectors/france-travail';
import {
  applyFranceTravailActions,
  applyFranceTravailDiagnostics,
  applyFranceTravailPrincipal,
} from '@spie/ingestion/data-access';
import { IngestFileError, type FileHeader, type ParsedItem } from '@spie/ingestion/domain';

import { applyContextOf, contactOf, registerSource, type SourceParseOptions } from '../source-registry';

const C = DataCategory;

/** A job seeker (identity, France Travail identifier, contact details when given) and their PPAE follow-up. */
export function principalWrites(record: FranceTravailPrincipalRecord): DataCategory[] {
  return [C.Identity, ...contactOf(record.person), C.Orientation];
}

/** An action (partners' actions are contract data); a `CEJ` line also states the CEJ follow-up. */
export function actionWrites(record: FranceTravailActionRecord): DataCategory[] {
  return [C.Contract, ...(record.actionCode === 'CEJ' ? [C.Orientation] : [])];
}

/** A diagnostic: each theme by its category (santé is health data), the ROME projects as professional data. */
export function diagnosticWrites(record: FranceTravailDiagnosticRecord): DataCategory[] {
  return [
    ...record.themes.map((theme) => themeCategory(theme.code)),
    ...record.objectives.map((objective) => themeCategory(objective.themeCode)),
    ...(record.projects.length > 0 ? [C.DiagnosticProfessional] : []),
  ];
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * France Travail files carry no extraction date: the sender may give one (`referenceDate` option, YYYY-MM-DD) so that
 * an older file sent late does not overwrite newer facts; without it the day the file was received stands for it.
 */
async function* withReferenceDate<T>(
  { batch, onHeader }: SourceParseOptions,
  parse: (onHeader: (header: FileHeader) => void) => AsyncIterable<ParsedItem<T>>,
): AsyncGenerator<ParsedItem<T>> {
  const referenceDate = batch.options['referenceDate'];
  if (referenceDate !== undefined) {
    if (!ISO_DATE.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) {
      throw new IngestFileError('INVALID_DATE', `The reference date "${referenceDate}" is not YYYY-MM-DD`);
    }
    onHeader({ referenceDate });
  }
  yield* parse(onHeader);
}

/**
 * France Travail "fichier principal": the job seeker (identity resolution by France Travail identifier, then identity
 * and birth date; created when unknown) and the PPAE follow-up France Travail states for them.
 */
registerSource('france-travail-principal', {
  writes: (data) => principalWrites(data as FranceTravailPrincipalRecord),
  parse: (input: Readable, options) =>
    withReferenceDate(options, (onHeader) => parsePrincipalFile(input, { onHeader })),
  apply: (records, batch, manager, deps) =>
    applyFranceTravailPrincipal(records, applyContextOf(batch, manager), deps.cipher),
});

/** France Travail "fichier actions": actions and prestations of people the hub knows by France Travail identifier. */
registerSource('france-travail-actions', {
  writes: (data) => actionWrites(data as FranceTravailActionRecord),
  parse: (input: Readable, options) =>
    withReferenceDate(options, (onHeader) => parseActionsFile(input, { onHeader })),
  apply: (records, batch, manager) => applyFranceTravailActions(records, applyContextOf(batch, manager)),
});

/**
 * France Travail diagnostic API answers (`{ identifiant, dossier }`, an array of those, or a bare dossier with the
 * `franceTravailId` option): France Travail's statement of each person's diagnostic, by référentiel code. Each record
 * takes a lock and a few queries: small chunks keep the transactions short.
 */
registerSource('france-travail-diagnostic', {
  writes: (data) => diagnosticWrites(data as FranceTravailDiagnosticRecord),
  parse: (input: Readable, options) =>
    withReferenceDate(options, () =>
      parseDiagnosticFile(input, { franceTravailId: options.batch.options['franceTravailId'] }),
    ),
  apply: (records, batch, manager, deps) =>
    applyFranceTravailDiagnostics(records, applyContextOf(batch, manager), deps.diagnostics),
  chunkSize: 100,
});
