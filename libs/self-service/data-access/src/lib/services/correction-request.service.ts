import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';

import { DiagnosticService } from '@spie/diagnostic/data-access';
import { PersonService } from '@spie/person/data-access';
import type { Provenance } from '@spie/shared/kernel';

import {
  CorrectionRequestEntity,
  type CorrectionProposal,
  type CorrectionStatus,
  type CorrectionTopic,
} from '../entities/correction-request.entity';

export class CorrectionRequestError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'ALREADY_DECIDED',
    message: string,
  ) {
    super(message);
  }
}

/** The `source_ref` of the values an accepted correction wrote: the request they came from. */
export function correctionSourceRef(requestId: string): string {
  return `correction-request:${requestId}`;
}

@Injectable()
export class CorrectionRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonService,
    private readonly diagnostics: DiagnosticService,
  ) {}

  async create(
    personId: string,
    topic: CorrectionTopic,
    message: string,
    sourceRef: string | null,
    proposal: CorrectionProposal | null = null,
  ): Promise<CorrectionRequestEntity> {
    const repository = this.dataSource.getRepository(CorrectionRequestEntity);
    return repository.save(
      repository.create({ personId, topic, message: message.trim(), sourceRef, proposal }),
    );
  }

  /** The requests of each person, newest first. */
  async ofPersons(personIds: readonly string[]): Promise<Map<string, CorrectionRequestEntity[]>> {
    const result = new Map<string, CorrectionRequestEntity[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return result;
    const rows = await this.dataSource.getRepository(CorrectionRequestEntity).find({
      where: { personId: In([...personIds]) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    for (const row of rows) result.get(row.personId)?.push(row);
    return result;
  }

  async find(id: string): Promise<CorrectionRequestEntity | null> {
    return this.dataSource.getRepository(CorrectionRequestEntity).findOneBy({ id });
  }

  /**
   * Records the decision once; a decided request is not decided again. Accepting a request that states the right
   * value applies it to the person's file in the same transaction: the identity value (a `person_history` row) or a
   * new diagnostic version with that item corrected, each with the provenance of the person's declaration (source
   * `person`, observed when they asked, `source_ref` the request) recorded by the agent who accepted it. The caller
   * checks that the agent may write the category first.
   */
  async decide(
    id: string,
    decision: {
      status: Exclude<CorrectionStatus, 'pending'>;
      agentId: string;
      organisationId: string | null;
      comment: string | null;
    },
  ): Promise<CorrectionRequestEntity> {
    return this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(CorrectionRequestEntity);
      const request = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new CorrectionRequestError('NOT_FOUND', 'No such correction request');
      if (request.status !== 'pending')
        throw new CorrectionRequestError('ALREADY_DECIDED', 'This correction request was already decided');
      const now = new Date();
      request.status = decision.status;
      request.decidedAt = now;
      request.decidedBy = decision.agentId;
      request.decidedByOrganisationId = decision.organisationId;
      request.comment = decision.comment?.trim() || null;
      if (decision.status === 'accepted' && request.proposal) {
        const provenance: Provenance = {
          source: 'person',
          sourceRef: correctionSourceRef(request.id),
          observedAt: request.createdAt,
          recordedAt: now,
          recordedBy: decision.agentId,
        };
        const applied = await this.apply(em, request.personId, request.proposal, provenance, decision);
        request.appliedAt = applied ? now : null;
      }
      return repository.save(request);
    });
  }

  /** Writes the proposal; false when the file already said so. */
  private async apply(
    em: EntityManager,
    personId: string,
    proposal: CorrectionProposal,
    provenance: Provenance,
    author: { agentId: string; organisationId: string | null },
  ): Promise<boolean> {
    if (proposal.kind === 'identity') {
      const value =
        proposal.field === 'firstNames'
          ? proposal.value.split(/[\s,]+/).filter(Boolean)
          : proposal.value.trim();
      const changed = await this.persons.update(personId, { [proposal.field]: value }, provenance, em);
      return changed.length > 0;
    }
    const recorded = await this.diagnostics.recordCorrection(em, personId, proposal.item, provenance, {
      agentId: author.agentId,
      organisationId: author.organisationId,
    });
    return recorded !== null;
  }
}
