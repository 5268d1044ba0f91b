import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { PreparedEntityRead } from '@spie/platform/database';

import { AgentEntity } from './entities/agent.entity';
import { OrganisationEntity, type OrganisationType } from './entities/organisation.entity';

const ORGANISATIONS_BY_IDS = new PreparedEntityRead(
  OrganisationEntity,
  'o',
  (columns) => `SELECT ${columns} FROM organisation o WHERE o.id = ANY($1::uuid[])`,
);

const AGENTS_BY_IDS = new PreparedEntityRead(
  AgentEntity,
  'a',
  (columns) => `SELECT ${columns} FROM agent a WHERE a.id = ANY($1::uuid[])`,
);

@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async organisationsByIds(ids: readonly string[]): Promise<Map<string, OrganisationEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await ORGANISATIONS_BY_IDS.find(this.dataSource, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async agentsByIds(ids: readonly string[]): Promise<Map<string, AgentEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await AGENTS_BY_IDS.find(this.dataSource, [ids]);
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
