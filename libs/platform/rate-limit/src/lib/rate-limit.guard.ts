import {
  HttpException,
  HttpStatus,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HeaderMap } from '@apollo/server';

import { requestOf, type ActorRequest } from '@spie/platform/auth';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';

import { rateLimitSubject } from './rate-limit-subject';
import { RateLimitService, type RateDecision } from './rate-limit.service';
import { SKIP_RATE_LIMIT } from './skip-rate-limit.decorator';

type ClientRequest = ActorRequest & { ip?: string; socket?: { remoteAddress?: string } };

/**
 * Global guard registered after `AuthGuard`, so that it knows the actor: every GraphQL request and HTTP route spends
 * one request of its actor's budget (or of its address's, without a token). A GraphQL request is counted once,
 * however many root fields it has. Over budget: GraphQL error `RATE_LIMITED` with HTTP status 429, HTTP routes 429
 * with a JSON body; both with `Retry-After` (seconds).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  /** The decision of each request, shared by the root fields of one GraphQL request. */
  private readonly decisions = new WeakMap<object, Promise<RateDecision>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<string>();
    if (type !== 'graphql' && type !== 'http') return true;
    if (
      this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, [context.getHandler(), context.getClass()])
    ) {
      return true;
    }
    const request = requestOf(context) as ClientRequest;
    let decision = this.decisions.get(request);
    if (!decision) {
      decision = this.limiter.consume(
        rateLimitSubject(request.actor, request.ip ?? request.socket?.remoteAddress),
      );
      this.decisions.set(request, decision);
    }
    const outcome = await decision;
    if (outcome.allowed) return true;
    throw this.refusal(context, outcome.retryAfterSeconds, outcome.limit);
  }

  private refusal(context: ExecutionContext, retryAfterSeconds: number, limit: number): Error {
    const message = `Too many requests (${limit} per window): retry in ${retryAfterSeconds} s`;
    if (context.getType<string>() === 'graphql') {
      return hubGraphQLError(HubErrorCode.RateLimited, message, {
        retryAfterSeconds,
        // Apollo Server takes the response status and headers from this extension and removes it from the error.
        http: {
          status: HttpStatus.TOO_MANY_REQUESTS,
          headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
        },
      });
    }
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Retry-After', String(retryAfterSeconds));
    return new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        code: HubErrorCode.RateLimited,
        message,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
