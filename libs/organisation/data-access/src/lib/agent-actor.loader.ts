import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { ActorLoader, TokenClaims } from '@spie/platform/auth';
import type { Actor } from '@spie/shared/kernel';

import { AgentEntity } from './entities/agent.entity';

/** Resolves a token's subject to an active agent (by login, or by OIDC subject once linked). */
@Injectable()
export class AgentActorLoader implements ActorLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(claims: TokenClaims): Promise<Actor | null> {
    const agent = await this.dataSource.getRepository(AgentEntity).findOne({
      where: [
        { login: claims.sub, active: true },
        { oidcSubject: claims.sub, active: true },
      ],
    });
    if (!agent) return null;
    return {
      kind: 'agent',
      id: agent.id,
      login: agent.login,
      organisationId: agent.organisationId,
      displayName: `${agent.givenName} ${agent.usualName}`,
      roles: agent.roles,
    };
  }
}
