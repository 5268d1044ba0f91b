import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { DPO_HABILITATION, HABILITATION_TEMPLATES, type HabilitationTemplate } from '@spie/access/domain';

import { HabilitationEntity } from '../entities/habilitation.entity';

@Injectable()
export class HabilitationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(organisationId?: string): Promise<HabilitationEntity[]> {
    return this.dataSource.getRepository(HabilitationEntity).find({
      where: organisationId ? { organisationId } : {},
      order: { createdAt: 'ASC' },
    });
  }

  /** Revokes at once: the next request of the organisation no longer acts under it. Null when unknown. */
  async revoke(id: string, by: string, reason: string): Promise<HabilitationEntity | null> {
    const repository = this.dataSource.getRepository(HabilitationEntity);
    const row = await repository.findOneBy({ id });
    if (!row) return null;
    if (row.revokedAt) return row;
    await repository.update({ id }, { revokedAt: new Date(), revokedBy: by, revocationReason: reason });
    return repository.findOneBy({ id });
  }

  /**
   * Gives every organisation that has none the habilitations of its type's templates (and the DPO's to the
   * organisations listed), as the demo seed and a new deployment need. Existing rows are never changed.
   */
  async seedFromTemplates(
    organisations: ReadonlyArray<{ id: string; type: string }>,
    options: { dpoOrganisationIds?: readonly string[]; grantedBy: string; manager?: EntityManager },
  ): Promise<number> {
    const manager = options.manager ?? this.dataSource.manager;
    const repository = manager.getRepository(HabilitationEntity);
    let created = 0;
    for (const organisation of organisations) {
      if ((await repository.countBy({ organisationId: organisation.id })) > 0) continue;
      const templates: HabilitationTemplate[] = [...(HABILITATION_TEMPLATES[organisation.type] ?? [])];
      if (options.dpoOrganisationIds?.includes(organisation.id)) templates.push(DPO_HABILITATION);
      for (const template of templates) {
        await repository.insert({
          organisationId: organisation.id,
          purpose: template.purpose,
          legalBasis: template.legalBasis,
          readCategories: [...template.read],
          writeCategories: [...template.write],
          validFrom: new Date('2026-01-01T00:00:00Z'),
          validTo: null,
          retentionMonths: template.retentionMonths,
          grantedBy: options.grantedBy,
        });
        created += 1;
      }
    }
    return created;
  }
}
