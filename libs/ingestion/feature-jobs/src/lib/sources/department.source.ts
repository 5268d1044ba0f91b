import type { Readable } from 'node:stream';

import { DataCategory } from '@spie/access/domain';
import { parseDepartmentFile, type DepartmentPersonRecord } from '@spie/connectors/department';
import { applyPersonRecords, type ImportBatchEntity } from '@spie/ingestion/data-access';
import { IngestFileError, type ParsedItem } from '@spie/ingestion/domain';
import type { EntityManager } from 'typeorm';

import {
  applyContextOf,
  contactOf,
  registerSource,
  type SourceApplyDeps,
  type SourceParseOptions,
} from '../source-registry';

/** A person of a list: identity and identifiers, the NIR when the list has one, contact details when given. */
export function departmentWrites(record: DepartmentPersonRecord): DataCategory[] {
  return [
    DataCategory.Identity,
    ...(record.person.nir ? [DataCategory.Nir] : []),
    ...contactOf(record.person),
  ];
}

async function applyPeople(
  records: Array<{ position: number; key: string; data: unknown }>,
  batch: ImportBatchEntity,
  manager: EntityManager,
  deps: SourceApplyDeps,
) {
  return applyPersonRecords(
    records.map((r) => ({
      position: r.position,
      key: r.key,
      person: (r.data as DepartmentPersonRecord).person,
    })),
    applyContextOf(batch, manager),
    deps.cipher,
    'department',
  );
}

/**
 * The department code of the batch as the department parser wants it: `052` (the hub's organisation codes, the CLI's
 * default) is `52`; an unusable code refuses the file instead of failing the job again and again.
 */
export function departmentCodeOf(batch: ImportBatchEntity): string {
  const raw = (batch.options['departmentCode'] ?? '052').trim().toUpperCase();
  return /^0\d{2}$/.test(raw) ? raw.slice(1) : raw;
}

async function* parseDepartment(
  input: Readable,
  { batch, onHeader }: SourceParseOptions,
): AsyncGenerator<ParsedItem<DepartmentPersonRecord>> {
  try {
    yield* parseDepartmentFile(input, {
      fileName: batch.fileName,
      departmentCode: departmentCodeOf(batch),
      profile: batch.options['profile'],
      // File-level warnings (unknown or repeated columns, rows above the header) stay in the batch details.
      onHeader: (header) =>
        onHeader({
          ...header,
          details: {
            ...header.details,
            warnings:
              header.warnings.length > 0
                ? header.warnings.map((warning) => `${warning.code}: ${warning.message}`).join(' | ')
                : null,
          },
        }),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new IngestFileError('INVALID_VALUE', error.message);
    throw error;
  }
}

/**
 * Department lists: people with their department SI id, France Travail id, contact details. Identity comes from
 * the list only where the hub has none (CAF/MSA identity prevails); the list's other columns (rights, structure,
 * référents) stay in the batch report for now.
 */
registerSource('department', {
  writes: (data) => departmentWrites(data as DepartmentPersonRecord),
  parse: (input, options) => parseDepartment(input, options),
  apply: (records, batch, manager, deps) => applyPeople(records, batch, manager, deps),
});
