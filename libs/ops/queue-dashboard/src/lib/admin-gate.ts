import type { NextFunction, Request, Response } from 'express';

import { type ActorAuthenticator, InvalidTokenError, isAllowed, Permission } from '@spie/platform/auth';

import { adminToken, isSameOrigin, QUEUES_PATH } from './admin-session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refuse(response: Response, status: 401 | 403, message: string): void {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(status).json({
    statusCode: status,
    error: status === 401 ? 'Unauthorized' : 'Forbidden',
    code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    message,
  });
}

/**
 * Express middleware in front of the queue dashboard (mounted outside Nest's router, so the global guard does not see
 * it): a bearer header or the `spie_admin` session cookie, naming an active agent whose roles grant `queues:admin`.
 */
export function adminGate(authenticator: ActorAuthenticator) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const { token, fromCookie } = adminToken(request.headers);
    try {
      const actor = await authenticator.authenticate(token);
      if (!isAllowed(actor, Permission.QueuesAdmin)) {
        refuse(response, 403, `This account may not open the queue dashboard (${Permission.QueuesAdmin})`);
        return;
      }
      if (fromCookie && !SAFE_METHODS.has(request.method) && !isSameOrigin(request.headers)) {
        refuse(response, 403, 'A change to the queues must come from the dashboard itself');
        return;
      }
      next();
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) {
        next(error);
        return;
      }
      refuse(
        response,
        401,
        error.reason === 'missing'
          ? `Sign in: open /admin/login?token=<token of an admin account>, or send a bearer token (${QUEUES_PATH})`
          : `Token ${error.reason}`,
      );
    }
  };
}
