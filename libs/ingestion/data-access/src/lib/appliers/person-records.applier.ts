import type { ObservedAddress, PersonObservation } from '@spie/ingestion/domain';
import type { NirCipherService } from '@spie/person/data-access';
import type { SourceSystem } from '@spie/shared/kernel';

import { add, emptyResult, type ApplyContext, type ApplyResult } from './apply-context';
import { encryptedNir, PersonBulkStore } from './person-bulk-store';

export interface PersonRecord {
  position: number;
  key: string;
  person: PersonObservation;
  /** When false, an unknown person is not created (e.g. a France Travail action for someone the hub does not know). */
  create?: boolean;
}

/**
 * Applies people seen by a partner (France Travail, mission locale, department lists): identity resolution, then
 * creation or update with history and identifiers, conflicts to the review queue. Returns the resolved person id of
 * each record by key, for the source's own facts.
 */
export async function applyPersonRecords(
  records: readonly PersonRecord[],
  context: ApplyContext,
  cipher: NirCipherService,
  source: SourceSystem,
): Promise<ApplyResult & { personIdByKey: Map<string, string> }> {
  const result = { ...emptyResult(), personIdByKey: new Map<string, string>() };
  const store = new PersonBulkStore(context.manager, cipher, source);
  const prepared = records.map((r) =>
    store.prepare(
      r.person.address
        ? { ...r.person, address: inJsonbKeyOrder(r.person.address) as ObservedAddress }
        : r.person,
    ),
  );
  await store.load(prepared);
  for (const [index, record] of records.entries()) {
    if (prepared[index].observation.nir && !prepared[index].nir) {
      add(result.counts, 'rejectedOnApply');
      result.issues.push({
        position: record.position,
        recordKey: record.key,
        severity: 'error',
        code: 'INVALID_NIR',
        message: 'The NIR is not valid',
        field: 'nir',
      });
      continue;
    }
    const resolution = store.resolve(prepared[index]);
    if (resolution.kind === 'conflict') {
      add(result.counts, 'conflicts');
      const { nir, ...observation } = record.person;
      result.conflicts.push({
        position: record.position,
        recordKey: record.key,
        reason: resolution.reason,
        candidatePersonIds: resolution.candidates,
        observation: {
          ...observation,
          nirEncrypted: encryptedNir(cipher, prepared[index].nir),
          nirGiven: !!nir,
        },
        context: { source: context.source },
      });
      continue;
    }
    if (resolution.kind === 'new' && record.create === false) {
      // Resolution registered a creation; an unknown person is skipped instead (`create: false`).
      store.forget(resolution.person);
      add(result.counts, 'skipped');
      result.issues.push({
        position: record.position,
        recordKey: record.key,
        severity: 'warning',
        code: 'UNKNOWN_PERSON',
        message: 'No known person matches this record: skipped',
        field: null,
      });
      continue;
    }
    if (resolution.kind === 'new') {
      add(result.counts, 'personsCreated');
      result.events.push({
        type: 'person.created',
        personId: resolution.person.id,
        householdId: null,
        effectiveOn: context.referenceDate,
        payload: { source: context.source },
        source,
      });
    } else {
      add(
        result.counts,
        store.merge(resolution.person, prepared[index]) ? 'personsUpdated' : 'personsUnchanged',
      );
    }
    result.personIdByKey.set(record.key, resolution.person.id);
    result.touchedPersonIds.push(resolution.person.id);
  }
  await store.flush({
    sourceRef: context.batchId,
    observedAt: new Date(`${context.referenceDate}T00:00:00Z`),
    recordedAt: new Date(),
    recordedBy: context.recordedBy,
  });
  return result;
}

/**
 * A JSON value with its object keys in the order PostgreSQL prints jsonb (shorter keys first, then bytewise), and
 * undefined members dropped. The store compares an observed address with the stored one by their JSON text: without
 * this, the same address read back from jsonb looked changed, and every re-sent file wrote an "address" history row
 * whose old and new values were equal.
 */
export function inJsonbKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inJsonbKeyOrder);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, member]) => member !== undefined,
  );
  entries.sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, member]) => [key, inJsonbKeyOrder(member)]));
}
