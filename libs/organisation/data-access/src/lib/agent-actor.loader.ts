import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { AgentActorLoaderPort, AgentIdentity } from '@spie/platform/auth';
import type { Actor } from '@spie/shared/kernel';

import { AgentEntity } from './entities/agent.entity';

export type AgentMatch = 'subject' | 'login' | 'email';

/**
 * Whether the SIRET of the token fits the agent's organisation. ProConnect lets in any public agent and leaves the
 * filtering to the service: an agent found by e-mail (first sign-in) must come with the SIRET of their organisation,
 * and one found by a linked subject or by login is refused when both SIRETs are known and differ (they moved).
 */
export function siretFits(
  match: AgentMatch,
  tokenSiret: string | undefined,
  organisationSiret: string | null,
): boolean {
  if (match === 'email') return Boolean(tokenSiret && organisationSiret && tokenSiret === organisationSiret);
  return !tokenSiret || !organisationSiret || tokenSiret === organisationSiret;
}

/**
 * Finds the active agent a token names: by the subject linked at an earlier sign-in (`agent.oidc_subject`); by login
 * when the issuer names agents by login (`OIDC_SUBJECT_IS_LOGIN`, the local provider); otherwise, at the first
 * sign-in, by e-mail with the organisation's SIRET, and then links the subject to the agent.
 */
@Injectable()
export class AgentActorLoader implements AgentActorLoaderPort {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(identity: AgentIdentity): Promise<Actor | null> {
    const found = await this.find(identity);
    if (!found) return null;
    const { agent, match } = found;
    if (!siretFits(match, identity.siret, agent.organisation?.siret ?? null)) return null;
    if (match === 'email') {
      // The unique index on oidc_subject keeps one agent per subject if two first sign-ins race.
      await this.dataSource
        .getRepository(AgentEntity)
        .createQueryBuilder()
        .update()
        .set({ oidcSubject: identity.subject })
        .where('id = :id AND oidc_subject IS NULL', { id: agent.id })
        .execute();
    }
    return {
      kind: 'agent',
      id: agent.id,
      login: agent.login,
      organisationId: agent.organisationId,
      displayName: `${agent.givenName} ${agent.usualName}`,
      roles: agent.roles,
    };
  }

  private async find(identity: AgentIdentity): Promise<{ agent: AgentEntity; match: AgentMatch } | null> {
    const repository = this.dataSource.getRepository(AgentEntity);
    const relations = { organisation: true };
    const linked = await repository.findOne({
      where: { oidcSubject: identity.subject, active: true },
      relations,
    });
    if (linked) return { agent: linked, match: 'subject' };
    if (identity.subjectIsLogin) {
      const byLogin = await repository.findOne({
        where: { login: identity.subject, active: true },
        relations,
      });
      if (byLogin) return { agent: byLogin, match: 'login' };
    }
    if (!identity.email) return null;
    const byEmail = await repository
      .createQueryBuilder('agent')
      .leftJoinAndSelect('agent.organisation', 'organisation')
      .where('lower(agent.email) = :email', { email: identity.email })
      .andWhere('agent.active AND agent.oidc_subject IS NULL')
      .limit(2)
      .getMany();
    // Two active agents with one e-mail: nobody can tell which one signs in.
    return byEmail.length === 1 ? { agent: byEmail[0] as AgentEntity, match: 'email' } : null;
  }
}
