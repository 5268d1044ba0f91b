import { parseDepartmentFile, type DepartmentPersonRecord } from '@spie/connectors/department';
import { parsePrincipalFile, type FranceTravailPrincipalRecord } from '@spie/connectors/france-travail';
import { applyPersonRecords, type ImportBatchEntity } from '@spie/ingestion/data-access';
import type { SourceSystem } from '@spie/shared/kernel';
import type { EntityManager } from 'typeorm';

import { applyContextOf, registerSource, type SourceApplyDeps } from '../source-registry';

async function applyPeople<T extends { person: DepartmentPersonRecord['person'] }>(
  records: Array<{ position: number; key: string; data: unknown }>,
  batch: ImportBatchEntity,
  manager: EntityManager,
  deps: SourceApplyDeps,
  system: SourceSystem,
) {
  return applyPersonRecords(
    records.map((r) => ({ position: r.position, key: r.key, person: (r.data as T).person })),
    applyContextOf(batch, manager),
    deps.cipher,
    system,
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
  apply: (records, batch, manager, deps) => applyPeople(records, batch, manager, deps, 'department'),
});

/** France Travail "fichier principal": the job seeker with their France Travail identifier. */
registerSource('france-travail-principal', {
  parse: (input, { onHeader }) => parsePrincipalFile(input, { onHeader }),
  apply: (records, batch, manager, deps) =>
    applyPeople<FranceTravailPrincipalRecord>(records, batch, manager, deps, 'france_travail'),
});
