import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { AgentEntity } from './entities/agent.entity';
import { OrganisationEntity, type OrganisationType } from './entities/organisation.entity';

@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async organisationsByIds(ids: readonly string[]): Promise<Map<string, OrganisationEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async agentsByIds(ids: readonly string[]): Promise<Map<string, AgentEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(AgentEntity).findBy({ id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async list(filter: { type?: OrganisationType; departmentCode?: string }): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({
      where: {
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.departmentCode ? { departmentCode: filter.departmentCode } : {}),
      },
      order: { name: 'ASC' },
    });
  }

  async agentsOf(organisationId: string): Promise<AgentEntity[]> {
    return this.dataSource
      .getRepository(AgentEntity)
      .find({ where: { organisationId, active: true }, order: { usualName: 'ASC', givenName: 'ASC' } });
  }
}
