import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
   * Records a decision. The person data is not changed here: the decision is what a later step applies (link the
   * record's identifiers to the chosen person, create the person apart, or drop the record).
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
