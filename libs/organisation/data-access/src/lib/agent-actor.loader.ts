import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { AgentActorLoaderPort, AgentIdentity } from '@spie/platform/auth';
import { PreparedRead } from '@spie/platform/database';
import type { Actor } from '@spie/shared/kernel';

import { AgentEntity } from './entities/agent.entity';

export type AgentMatch = 'subject' | 'login' | 'email';

interface AgentRow {
  id: string;
  login: string;
  organisation_id: string;
  given_name: string;
  usual_name: string;
  roles: string[];
  siret: string | null;
  match: AgentMatch;
}

/**
 * The active agent a known subject names, in one round trip: the agent linked to the subject first, else (`$2`, the
 * issuer names agents by login) the agent whose login it is. Every request of an agent runs it.
 */
const AGENT_BY_SUBJECT = new PreparedRead<AgentRow>(
  `SELECT a.id, a.login, a.organisation_id, a.given_name, a.usual_name, a.roles, o.siret,
          CASE WHEN a.oidc_subject = $1 THEN 'subject' ELSE 'login' END AS match
     FROM agent a
     LEFT JOIN organisation o ON o.id = a.organisation_id
    WHERE a.active AND (a.oidc_subject = $1 OR ($2 AND a.login = $1))
    ORDER BY (a.oidc_subject = $1) IS TRUE DESC
    LIMIT 1`,
);

/** First sign-in by e-mail: the active agents with that e-mail not yet linked to a subject. */
const AGENTS_BY_EMAIL = new PreparedRead<AgentRow>(
  `SELECT a.id, a.login, a.organisation_id, a.given_name, a.usual_name, a.roles, o.siret, 'email' AS match
     FROM agent a
     LEFT JOIN organisation o ON o.id = a.organisation_id
    WHERE lower(a.email) = $1 AND a.active AND a.oidc_subject IS NULL
    LIMIT 2`,
);

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
    const agent = await this.find(identity);
    if (!agent) return null;
    if (!siretFits(agent.match, identity.siret, agent.siret)) return null;
    if (agent.match === 'email') {
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
      organisationId: agent.organisation_id,
      displayName: `${agent.given_name} ${agent.usual_name}`,
      roles: agent.roles,
    };
  }

  private async find(identity: AgentIdentity): Promise<AgentRow | null> {
    const [known] = await AGENT_BY_SUBJECT.rows(this.dataSource, [identity.subject, identity.subjectIsLogin]);
    if (known) return known;
    if (!identity.email) return null;
    const byEmail = await AGENTS_BY_EMAIL.rows(this.dataSource, [identity.email]);
    // Two active agents with one e-mail: nobody can tell which one signs in.
    return byEmail.length === 1 ? (byEmail[0] as AgentRow) : null;
  }
}
