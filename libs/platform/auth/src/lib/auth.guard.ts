import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';

import { isAllowed, REQUIRED_PERMISSION, type Permission } from './access-policy';
import { ActorAuthenticator, bearerToken } from './actor-authenticator';
import { requestOf } from './current-actor.decorator';
import { InvalidTokenError } from './invalid-token.error';
import { OPEN_TO_PEOPLE, PUBLIC_ENDPOINT } from './public-endpoint.decorator';

/**
 * Global guard: no call is anonymous unless marked `@PublicEndpoint()`, a person may call only a handler marked
 * `@OpenToPeople()`, and a handler marked `@Requires(permission)` is refused to an actor whose roles do not grant it. GraphQL calls get GraphQL errors (`UNAUTHENTICATED`,
 * `FORBIDDEN`); HTTP routes get 401 (with `WWW-Authenticate: Bearer`) and 403 with a JSON body.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ActorAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, targets)) return true;
    const request = requestOf(context);
    try {
      request.actor = await this.authenticator.authenticate(bearerToken(request.headers['authorization']));
    } catch (error) {
      if (error instanceof InvalidTokenError) throw this.unauthenticated(context, error);
      throw error;
    }
    if (
      request.actor.kind === 'person' &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_TO_PEOPLE, targets)
    )
      throw this.forbidden(context, 'This operation is for agents');
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !isAllowed(request.actor, permission))
      throw this.forbidden(context, `This account may not do this (${permission})`, permission);
    return true;
  }

  private unauthenticated(context: ExecutionContext, error: InvalidTokenError): Error {
    const message = error.reason === 'missing' ? 'A bearer token is required' : `Token ${error.reason}`;
    if (context.getType<string>() === 'graphql')
      return hubGraphQLError(HubErrorCode.Unauthenticated, message);
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('WWW-Authenticate', 'Bearer');
    return new UnauthorizedException({
      statusCode: 401,
      error: 'Unauthorized',
      code: HubErrorCode.Unauthenticated,
      message,
    });
  }

  private forbidden(context: ExecutionContext, message: string, permission?: Permission): Error {
    if (context.getType<string>() === 'graphql') {
      return hubGraphQLError(HubErrorCode.Forbidden, message, permission ? { permission } : undefined);
    }
    return new ForbiddenException({
      statusCode: 403,
      error: 'Forbidden',
      code: HubErrorCode.Forbidden,
      message,
    });
  }
}
