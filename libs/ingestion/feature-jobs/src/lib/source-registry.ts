import type { Readable } from 'node:stream';

import type { EntityManager } from 'typeorm';

import { DataCategory } from '@spie/access/domain';
import { cafFluxSchema, parseCafFlux, type CafHouseholdRecord } from '@spie/connectors/caf-msa';
import {
  emptyResult,
  applyCafHouseholds,
  type ApplyResult,
  type ImportBatchEntity,
  type StagedRecord,
  type ApplyContext,
  type ImportCounts,
  settleUnchangedHouseholds,
} from '@spie/ingestion/data-access';
import type { FileHeader, IngestSource, ParsedItem, PersonObservation } from '@spie/ingestion/domain';
import type { ImiloClient } from '@spie/connectors/mission-locale';
import type { DiagnosticService } from '@spie/diagnostic/data-access';
import type { NirCipherService } from '@spie/person/data-access';

export interface SourceParseOptions {
  batch: ImportBatchEntity;
  onHeader: (header: FileHeader) => void;
}

export interface SourceApplyDeps {
  cipher: NirCipherService;
  /** Partners' diagnostics are recorded through it (codes checked against the référentiel). */
  diagnostics: DiagnosticService;
  /** The i-Milo client, when `IMILO_URL` is configured. */
  imilo: ImiloClient | null;
}

/** How one source is read and applied: its parser and the applier of a chunk of its records. */
export interface SourceDefinition {
  parse(input: Readable, options: SourceParseOptions): AsyncIterable<ParsedItem<unknown>>;
  /**
   * The categories one staged record would write when applied, read from the record itself (not from the source's
   * declaration): a record writing outside its source's `SOURCE_WRITES` or the sender's habilitation is refused.
   */
  writes(data: unknown): readonly DataCategory[];
  apply(
    records: StagedRecord[],
    batch: ImportBatchEntity,
    manager: EntityManager,
    deps: SourceApplyDeps,
  ): Promise<ApplyResult>;
  /**
   * Settles at staging time, in the staging transaction, the records that need no apply (e.g. a household whose
   * content hash is unchanged) and returns the others with the counts of the settled ones.
   */
  prefilter?(
    records: StagedRecord[],
    batch: ImportBatchEntity,
    manager: EntityManager,
  ): Promise<{ keep: StagedRecord[]; counts: Partial<ImportCounts> }>;
  /** Records per chunk (default `IMPORT_CHUNK_SIZE`). */
  chunkSize?: number;
  /** After the chunk's transaction committed (e.g. acknowledge i-Milo events): failures make the job retry. */
  afterCommit?(records: StagedRecord[], deps: SourceApplyDeps): Promise<void>;
}

/** What an applier needs to know of the batch: the reference date of the file, else the day it was received. */
export function applyContextOf(batch: ImportBatchEntity, manager: EntityManager): ApplyContext {
  return {
    manager,
    batchId: batch.id,
    source: batch.source,
    referenceDate: batch.referenceDate ?? batch.receivedAt.toISOString().slice(0, 10),
    fluxType: batch.fluxType,
    options: batch.options,
    receivedAt: batch.receivedAt,
    recordedBy: `connector:${batch.source}`,
  };
}

const SOURCES = new Map<IngestSource, SourceDefinition>();

/** Registers a source (called once per connector module). */
export function registerSource(source: IngestSource, definition: SourceDefinition): void {
  SOURCES.set(source, definition);
}

export function sourceDefinition(source: IngestSource): SourceDefinition {
  const definition = SOURCES.get(source);
  if (!definition) throw new Error(`No connector is registered for source ${source}`);
  return definition;
}

/** A person observation's contact details, when it gives any. */
export function contactOf(person: Pick<PersonObservation, 'email' | 'phone' | 'address'>): DataCategory[] {
  return person.email || person.phone || person.address ? [DataCategory.Contact] : [];
}

/** What a CAF/MSA household writes: members, the household, its right; a NIR and contact details when given. */
export function cafHouseholdWrites(record: CafHouseholdRecord): DataCategory[] {
  const C = DataCategory;
  return [
    C.Identity,
    C.Household,
    C.RsaRights,
    ...(record.members.some((member) => member.nir) ? [C.Nir] : []),
    ...(record.address ? [C.Contact] : []),
    ...record.members.flatMap(contactOf),
  ];
}

registerSource('caf-msa', {
  writes: (data) => cafHouseholdWrites(data as CafHouseholdRecord),
  parse: (input, { onHeader }) =>
    parseCafFlux(input, {
      schema: cafFluxSchema(),
      onHeader: (header) =>
        onHeader({ referenceDate: header.referenceDate, fluxType: header.fluxType, details: header.details }),
      onTrailer: (trailer) =>
        onHeader({
          details: { announcedHouseholds: trailer.announcedHouseholds, households: trailer.households },
        }),
    }),
  apply: (records, batch, manager, deps) => {
    if (records.length === 0) return Promise.resolve(emptyResult());
    return applyCafHouseholds(records, applyContextOf(batch, manager), deps.cipher);
  },
  prefilter: (records, batch, manager) => settleUnchangedHouseholds(records, applyContextOf(batch, manager)),
  chunkSize: 500,
});
