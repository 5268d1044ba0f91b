import { Inject, Injectable } from '@nestjs/common';

import type { Actor } from '@spie/shared/kernel';

import { ACTOR_LOADER, type ActorLoader } from './actor-loader';
import { DevTokenService, InvalidTokenError } from './dev-token.service';

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
  return header.slice(7).trim() || undefined;
}

/** Turns a token into the acting agent: signature, issuer, audience and expiry checked, then an active account. */
@Injectable()
export class ActorAuthenticator {
  constructor(
    private readonly tokens: DevTokenService,
    @Inject(ACTOR_LOADER) private readonly actors: ActorLoader,
  ) {}

  /** @throws InvalidTokenError when the token is missing, expired, invalid or names no active account. */
  async authenticate(token: string | undefined): Promise<Actor> {
    return (await this.session(token)).actor;
  }

  /** The actor and when the token stops being valid (for a browser session that must not outlive it). */
  async session(token: string | undefined): Promise<{ actor: Actor; expiresAt: Date | undefined }> {
    if (!token) throw new InvalidTokenError('missing');
    const claims = await this.tokens.verify(token);
    const actor = await this.actors.load(claims);
    if (!actor) throw new InvalidTokenError('invalid');
    return { actor, expiresAt: claims.expiresAt };
  }
}
