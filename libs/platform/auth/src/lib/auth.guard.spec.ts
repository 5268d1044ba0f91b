import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';

import type { Actor } from '@spie/shared/kernel';

import { Permission, Requires } from './access-policy';
import type { ActorAuthenticator } from './actor-authenticator';
import { AuthGuard } from './auth.guard';
import { InvalidTokenError } from './invalid-token.error';
import { OpenToPeople, PublicEndpoint } from './public-endpoint.decorator';

class Handlers {
  @Requires(Permission.ImportsSubmit)
  upload(): void {}

  open(): void {}

  @PublicEndpoint()
  health(): void {}

  @OpenToPeople()
  myFile(): void {}
}

const PERSON: Actor = {
  kind: 'person',
  id: 'p1',
  login: 'allocataire-demo',
  organisationId: null,
  displayName: 'Aurélie Vautrin',
  roles: [],
};

const AGENT: Actor = {
  kind: 'agent',
  id: 'a1',
  login: 'ft-conseiller',
  organisationId: null,
  displayName: 'Sophie',
  roles: ['adviser'],
};

function httpContext(handler: keyof Handlers, headers: Record<string, string> = {}) {
  const request: { headers: Record<string, string>; actor?: Actor } = { headers };
  const responseHeaders: Record<string, string> = {};
  const context = {
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => ({ setHeader: (name: string, value: string) => (responseHeaders[name] = value) }),
    }),
  } as unknown as ExecutionContext;
  return { context, request, responseHeaders };
}

function guardWith(authenticate: (token: string | undefined) => Promise<Actor>): AuthGuard {
  return new AuthGuard(new Reflector(), { authenticate } as unknown as ActorAuthenticator);
}

describe('AuthGuard on HTTP routes', () => {
  it('should answer 401 with WWW-Authenticate when there is no bearer token', async () => {
    const guard = guardWith(async () => {
      throw new InvalidTokenError('missing');
    });
    const { context, responseHeaders } = httpContext('upload');
    await expect(guard.canActivate(context)).rejects.toBeInstanceOf(UnauthorizedException);
    expect(responseHeaders['WWW-Authenticate']).toBe('Bearer');
  });

  it('should answer 403 when the actor lacks the permission the route requires', async () => {
    const guard = guardWith(async () => AGENT);
    const { context } = httpContext('upload', { authorization: 'Bearer t' });
    await expect(guard.canActivate(context)).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('should let the actor through and keep it on the request when the route requires nothing more', async () => {
    const seen: Array<string | undefined> = [];
    const guard = guardWith(async (token) => {
      seen.push(token);
      return AGENT;
    });
    const { context, request } = httpContext('open', { authorization: 'Bearer abc' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(seen).toEqual(['abc']);
    expect(request.actor).toBe(AGENT);
  });

  it('should let the route through when the actor has a granting role', async () => {
    const guard = guardWith(async () => ({ ...AGENT, roles: ['connector'] }));
    await expect(
      guard.canActivate(httpContext('upload', { authorization: 'Bearer t' }).context),
    ).resolves.toBe(true);
  });

  it('should refuse a person on a handler that is not open to people, and let them through one that is', async () => {
    const guard = guardWith(async () => PERSON);
    const refused = guard.canActivate(httpContext('open', { authorization: 'Bearer t' }).context);
    await expect(refused).rejects.toBeInstanceOf(ForbiddenException);
    await expect(
      guard.canActivate(httpContext('myFile', { authorization: 'Bearer t' }).context),
    ).resolves.toBe(true);
  });

  it('should let an agent call a handler open to people', async () => {
    const guard = guardWith(async () => AGENT);
    await expect(
      guard.canActivate(httpContext('myFile', { authorization: 'Bearer t' }).context),
    ).resolves.toBe(true);
  });

  it('should not ask for a token on a public endpoint', async () => {
    const guard = guardWith(async () => {
      throw new Error('must not be called');
    });
    await expect(guard.canActivate(httpContext('health').context)).resolves.toBe(true);
  });

  it('should answer with GraphQL errors in a GraphQL context', async () => {
    const guard = guardWith(async () => AGENT);
    const { context } = httpContext('upload');
    const graphql = { ...context, getType: () => 'graphql' } as unknown as ExecutionContext;
    // requestOf reads the GraphQL context: give it one.
    const args = [{}, {}, { req: { headers: { authorization: 'Bearer t' } } }, {}];
    Object.assign(graphql, { getArgs: () => args, getArgByIndex: (i: number) => args[i] });
    const error = await guard.canActivate(graphql).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('FORBIDDEN');
  });
});
