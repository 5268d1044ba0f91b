import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';

import {
  CorrectionRequestEntity,
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

@Injectable()
export class CorrectionRequestService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    personId: string,
    topic: CorrectionTopic,
    message: string,
    sourceRef: string | null,
  ): Promise<CorrectionRequestEntity> {
    const repository = this.dataSource.getRepository(CorrectionRequestEntity);
    return repository.save(repository.create({ personId, topic, message: message.trim(), sourceRef }));
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

  /** Records the decision once; a decided request is not decided again. */
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
      request.status = decision.status;
      request.decidedAt = new Date();
      request.decidedBy = decision.agentId;
      request.decidedByOrganisationId = decision.organisationId;
      request.comment = decision.comment?.trim() || null;
      return repository.save(request);
    });
  }
}
