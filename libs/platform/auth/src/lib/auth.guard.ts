import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';

import { ACTOR_LOADER, type ActorLoader } from './actor-loader';
import { requestOf } from './current-actor.decorator';
import { DevTokenService, InvalidTokenError } from './dev-token.service';
import { PUBLIC_ENDPOINT } from './public-endpoint.decorator';

/** Global guard: no call is anonymous unless marked `@PublicEndpoint()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: DevTokenService,
    @Inject(ACTOR_LOADER) private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, [context.getHandler(), context.getClass()])
    ) {
      return true;
    }
    const request = requestOf(context);
    const header = request.headers['authorization'];
    const token =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw hubGraphQLError(HubErrorCode.Unauthenticated, 'A bearer token is required');
    try {
      const claims = await this.tokens.verify(token);
      const actor = await this.actors.load(claims);
      if (!actor) throw new InvalidTokenError('invalid');
      request.actor = actor;
      return true;
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw hubGraphQLError(HubErrorCode.Unauthenticated, `Token ${error.reason}`);
      }
      throw error;
    }
  }
}
