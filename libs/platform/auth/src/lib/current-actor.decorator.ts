import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

import type { Actor } from '@spie/shared/kernel';

export interface ActorRequest {
  actor?: Actor;
  correlationId?: string;
  headers: Record<string, string | string[] | undefined>;
}

export function requestOf(context: ExecutionContext): ActorRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: ActorRequest }>().req;
  }
  return context.switchToHttp().getRequest<ActorRequest>();
}

/** The authenticated actor of the request (set by `AuthGuard`). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw new Error('CurrentActor used on a public endpoint');
  return actor;
});
