import { Inject, Injectable, Optional } from '@nestjs/common';

import type { Actor } from '@spie/shared/kernel';

import {
  AGENT_ACTOR_LOADER,
  PERSON_ACTOR_LOADER,
  type AgentActorLoaderPort,
  type PersonActorLoaderPort,
} from './actor-loader';
import { InvalidTokenError } from './invalid-token.error';
import { agentIdentityOf, personIdentityOf } from './oidc-identity';
import { OidcTokenVerifier } from './oidc-token-verifier';

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
  return header.slice(7).trim() || undefined;
}

/**
 * Turns an access token into the acting agent or person: the token is checked like a resource server of the
 * configured OpenID issuers do (`OidcTokenVerifier`), then an active agent or a person record must match it.
 */
@Injectable()
export class ActorAuthenticator {
  constructor(
    private readonly tokens: OidcTokenVerifier,
    @Inject(AGENT_ACTOR_LOADER) private readonly agents: AgentActorLoaderPort,
    @Optional() @Inject(PERSON_ACTOR_LOADER) private readonly persons?: PersonActorLoaderPort,
  ) {}

  /** @throws InvalidTokenError when the token is missing, expired, invalid or names no active account. */
  async authenticate(token: string | undefined): Promise<Actor> {
    return (await this.session(token)).actor;
  }

  /** The actor and when the token stops being valid (for a browser session that must not outlive it). */
  async session(token: string | undefined): Promise<{ actor: Actor; expiresAt: Date | undefined }> {
    if (!token) throw new InvalidTokenError('missing');
    const verified = await this.tokens.verify(token);
    let actor: Actor | null;
    if (verified.kind === 'agent') {
      actor = await this.agents.load(agentIdentityOf(verified, this.tokens.settings.subjectIsLogin));
    } else {
      const identity = personIdentityOf(verified);
      actor = identity && this.persons ? await this.persons.load(identity) : null;
    }
    if (!actor) throw new InvalidTokenError('invalid');
    return {
      actor: {
        ...actor,
        acr: verified.acr,
        twoFactor: this.tokens.isTwoFactorAcr(verified.acr),
        issuer: verified.issuer,
      },
      expiresAt: verified.expiresAt,
    };
  }
}
