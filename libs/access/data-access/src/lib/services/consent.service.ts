import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CATEGORIES, type DataCategory, type Purpose } from '@spie/access/domain';

import { ConsentEntity } from '../entities/consent.entity';

export class ConsentRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsentRefusedError';
  }
}

export interface RecordConsentInput {
  personId: string;
  decision: 'deny' | 'permit';
  categories: DataCategory[];
  organisationIds?: string[];
  purposes?: Purpose[];
  periodEnd?: Date | null;
  verificationMethod: 'franceconnect' | 'in_person' | 'letter';
  verifiedBy: string;
}

/** Oppositions and consents of people: effective on the next request, withdrawn but never deleted. */
@Injectable()
export class ConsentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(input: RecordConsentInput): Promise<ConsentEntity> {
    if (input.categories.length === 0) throw new ConsentRefusedError('Name at least one category');
    for (const category of input.categories) {
      const definition = CATEGORIES[category];
      // An opposition only where the law allows it; a consent only where one is asked (special categories).
      if (input.decision === 'deny' && !definition.opposable) {
        throw new ConsentRefusedError(
          `The law does not allow objecting to sharing ${category} (legal obligation)`,
        );
      }
      if (input.decision === 'permit' && !definition.special) {
        throw new ConsentRefusedError(
          `No consent is needed to share ${category}: it rests on a legal mission`,
        );
      }
    }
    const repository = this.dataSource.getRepository(ConsentEntity);
    const saved = await repository.save(
      repository.create({
        personId: input.personId,
        decision: input.decision,
        categories: input.categories,
        organisationIds: input.organisationIds ?? [],
        purposes: input.purposes ?? [],
        periodStart: new Date(),
        periodEnd: input.periodEnd ?? null,
        status: 'active',
        verificationMethod: input.verificationMethod,
        verifiedBy: input.verifiedBy,
      }),
    );
    return saved;
  }

  /** Withdraws a consent or opposition of this person; null when it is not theirs or unknown. */
  async withdraw(personId: string, id: string, by: string): Promise<ConsentEntity | null> {
    const repository = this.dataSource.getRepository(ConsentEntity);
    const row = await repository.findOneBy({ id, personId });
    if (!row) return null;
    if (row.status === 'active') {
      await repository.update({ id }, { status: 'inactive', withdrawnAt: new Date(), withdrawnBy: by });
    }
    return repository.findOneBy({ id });
  }

  listOf(personId: string): Promise<ConsentEntity[]> {
    return this.dataSource
      .getRepository(ConsentEntity)
      .find({ where: { personId }, order: { recordedAt: 'DESC' } });
  }
}
