import { parseDepartmentFile, type DepartmentPersonRecord } from '@spie/connectors/department';
import { applyPersonRecords, type ImportBatchEntity } from '@spie/ingestion/data-access';
import type { EntityManager } from 'typeorm';

import { applyContextOf, registerSource, type SourceApplyDeps } from '../source-registry';

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
 * Department lists: people with their department SI id, France Travail id, contact details. Identity comes from
 * the list only where the hub has none (CAF/MSA identity prevails); the list's other columns (rights, structure,
 * référents) stay in the batch report for now.
 */
registerSource('department', {
  parse: (input, { batch, onHeader }) =>
    parseDepartmentFile(input, {
      fileName: batch.fileName,
      departmentCode: batch.options['departmentCode'] ?? '052',
      profile: batch.options['profile'],
      onHeader,
    }),
  apply: (records, batch, manager, deps) => applyPeople(records, batch, manager, deps),
});
