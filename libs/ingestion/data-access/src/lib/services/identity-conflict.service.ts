import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { parseNir, type Nir } from '@spie/person/domain';
import { NirCipherService } from '@spie/person/data-access';
import type { PersonObservation } from '@spie/ingestion/domain';
import { SOURCE_SYSTEMS, type SourceSystem } from '@spie/shared/kernel';
import { writeDomainEvents } from '../appliers/apply-context';

import { PersonBulkStore } from '../appliers/person-bulk-store';

import { IngestionException, IngestionExceptionCode } from '@spie/ingestion/domain';
import type { Actor } from '@spie/shared/kernel';

import { IdentityConflictEntity, type IdentityConflictStatus } from '../entities/identity-conflict.entity';
import { isUuid, keysetPage, type Page, type PageRequest } from './keyset-page';

/** What an agent decides about a conflict. */
export type IdentityConflictResolution = 'merge_into_existing' | 'keep_separate' | 'reject';

/** The status that records each decision. */
export const RESOLUTION_STATUS: Readonly<
  Record<IdentityConflictResolution, Exclude<IdentityConflictStatus, 'open'>>
> = {
  merge_into_existing: 'linked',
  keep_separate: 'created',
  reject: 'dismissed',
};

export interface IdentityConflictDecision {
  resolution: IdentityConflictResolution;
  /** The candidate the record is the same person as (merge only; optional when there is one candidate). */
  personId?: string | null;
  comment?: string | null;
}

/**
 * The identity review queue: conflicts waiting for a decision (oldest first, as a work queue) and the decisions taken
 * (latest first). A decision is recorded once, with who took it and when; a second decision on the same conflict is
 * refused.
 */
@Injectable()
export class IdentityConflictService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: NirCipherService,
  ) {}

  async list(filter: { status: 'open' | 'resolved' } & PageRequest): Promise<Page<IdentityConflictEntity>> {
    const query = this.dataSource.getRepository(IdentityConflictEntity).createQueryBuilder('c');
    if (filter.status === 'open') {
      query.where(`c.status = 'open'`);
      return keysetPage(query, {
        table: 'identity_conflict',
        columns: ['created_at'],
        direction: 'ASC',
        ...filter,
      });
    }
    query.where(`c.status <> 'open'`);
    return keysetPage(query, {
      table: 'identity_conflict',
      columns: ['resolved_at'],
      direction: 'DESC',
      ...filter,
    });
  }

  async get(id: string): Promise<IdentityConflictEntity | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(IdentityConflictEntity).findOneBy({ id });
  }

  /**
   * Records a decision and applies it in the same transaction: `keep_separate` creates the person of the record apart
   * (with its NIR, its household membership and a `person.created` event); `merge_into_existing` gives the chosen
   * person the record's identifiers and household membership, keeping that person's identity and NIR as they are;
   * `reject` drops the record. The facts written carry the conflict's batch as provenance and the agent as author.
   */
  async resolve(
    id: string,
    decision: IdentityConflictDecision,
    actor: Pick<Actor, 'id'>,
  ): Promise<IdentityConflictEntity> {
    return this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(IdentityConflictEntity);
      const conflict = isUuid(id)
        ? await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!conflict) {
        throw new IngestionException(IngestionExceptionCode.ConflictNotFound, 'Identity conflict not found');
      }
      if (conflict.status !== 'open') {
        throw new IngestionException(
          IngestionExceptionCode.ConflictAlreadyResolved,
          'This identity conflict is already resolved',
          { status: conflict.status, resolvedAt: conflict.resolvedAt?.toISOString() },
        );
      }
      const personId = mergeTarget(conflict, decision);
      conflict.status = RESOLUTION_STATUS[decision.resolution];
      conflict.resolvedPersonId = personId;
      conflict.resolvedBy = actor.id;
      conflict.resolvedAt = new Date();
      conflict.resolutionNote = decision.comment?.trim() || null;
      if (conflict.status !== 'dismissed') {
        conflict.resolvedPersonId = await applyDecision(em, this.cipher, conflict, personId, actor);
      }
      return repository.save(conflict);
    });
  }
}

function mergeTarget(conflict: IdentityConflictEntity, decision: IdentityConflictDecision): string | null {
  if (decision.resolution !== 'merge_into_existing') {
    if (decision.personId) {
      throw new IngestionException(
        IngestionExceptionCode.MergeTargetUnexpected,
        'A person is named only when merging into an existing person',
      );
    }
    return null;
  }
  const candidates = conflict.candidatePersonIds;
  if (!decision.personId) {
    if (candidates.length === 1) return candidates[0];
    throw new IngestionException(
      IngestionExceptionCode.MergeTargetRequired,
      `This conflict has ${candidates.length} candidates: name the person to merge into`,
    );
  }
  if (!candidates.includes(decision.personId)) {
    throw new IngestionException(
      IngestionExceptionCode.MergeTargetNotCandidate,
      'The person to merge into must be one of the candidates of the conflict',
    );
  }
  return decision.personId;
}

/** The source a conflict's facts came from: the organisme of a CAF/MSA household, else the batch's system. */
function sourceOf(conflict: IdentityConflictEntity): SourceSystem {
  const organisme = conflict.context['organisme'];
  if (organisme === 'caf' || organisme === 'msa') return organisme;
  const system = conflict.source.startsWith('france-travail')
    ? 'france_travail'
    : conflict.source.replace('-', '_');
  return (SOURCE_SYSTEMS as readonly string[]).includes(system) ? (system as SourceSystem) : 'hub';
}

/** Applies a `linked` or `created` decision; returns the person the record now belongs to. */
async function applyDecision(
  manager: EntityManager,
  cipher: NirCipherService,
  conflict: IdentityConflictEntity,
  mergeInto: string | null,
  actor: Pick<Actor, 'id'>,
): Promise<string> {
  const { nirEncrypted, nirGiven: _given, ...fields } = conflict.observation as Record<string, unknown>;
  let nir: Nir | null = null;
  if (typeof nirEncrypted === 'string') {
    const parsed = parseNir(cipher.decrypt(nirEncrypted));
    if (parsed.ok) nir = parsed.value;
  }
  const observation = { ...(fields as unknown as PersonObservation), nir: nir?.full ?? null };
  const source = sourceOf(conflict);
  const store = new PersonBulkStore(manager, cipher, source);
  const prepared = store.prepare(observation);
  await store.load([prepared]);
  let person = mergeInto ? store.loaded(mergeInto) : undefined;
  if (mergeInto && !person) {
    throw new IngestionException(IngestionExceptionCode.ConflictNotFound, 'The person to merge into is gone');
  }
  if (person) {
    // The agent said it is the same person: their identity and NIR stay; the record's identifiers join them.
    store.addIdentifiers(person, { ...observation, nir: null });
  } else {
    person = store.createApart(prepared);
  }
  const referenceDate =
    typeof conflict.context['referenceDate'] === 'string' ? conflict.context['referenceDate'] : null;
  const observedAt = referenceDate ? new Date(`${referenceDate}T00:00:00Z`) : conflict.createdAt;
  const recordedAt = new Date();
  const recordedBy = `agent:${actor.id}`;
  await store.flush({ sourceRef: conflict.batchId, observedAt, recordedAt, recordedBy });
  const householdId = conflict.context['householdId'];
  const role = conflict.context['role'];
  if (typeof householdId === 'string' && typeof role === 'string') {
    await manager.query(
      `INSERT INTO household_member (household_id, person_id, role, valid_from, source, source_ref, observed_at, recorded_at, recorded_by)
       SELECT h.id, $2, $3, $4::date, $5, $6, $7, $8, $9 FROM household h WHERE h.id = $1
       ON CONFLICT (household_id, person_id) WHERE valid_to IS NULL DO NOTHING`,
      [
        householdId,
        person.id,
        role,
        `${(referenceDate ?? recordedAt.toISOString()).slice(0, 7)}-01`,
        source,
        conflict.batchId,
        observedAt,
        recordedAt,
        recordedBy,
      ],
    );
  }
  if (!mergeInto) {
    await writeDomainEvents(
      manager,
      [
        {
          type: 'person.created',
          personId: person.id,
          householdId: typeof householdId === 'string' ? householdId : null,
          effectiveOn: referenceDate,
          payload: { identityConflictId: conflict.id },
          source,
        },
      ],
      { sourceRef: conflict.batchId, observedAt, recordedAt, recordedBy },
    );
  }
  await manager.query(
    `INSERT INTO person_parcours_status_pending (person_id) VALUES ($1) ON CONFLICT (person_id) DO NOTHING`,
    [person.id],
  );
  return person.id;
}
