import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import {
  ActorAuthenticator,
  InvalidTokenError,
  isAllowed,
  Permission,
  PublicEndpoint,
} from '@spie/platform/auth';
import { EnvironmentVariables } from '@spie/platform/config';

import { clearedSessionCookie, QUEUES_PATH, sessionCookie } from './admin-session';

/**
 * Browser sign-in to the admin pages: `GET /admin/login?token=…` checks the token like the guard does, then keeps it
 * in the `spie_admin` cookie (httpOnly, SameSite=Strict, path `/admin`, expiring with the token) and redirects to the
 * dashboard. The token never reaches the logs (`redactUrl`). `GET /admin/logout` drops the cookie.
 */
@Controller('admin')
export class AdminLoginController {
  private readonly production: boolean;

  constructor(
    private readonly authenticator: ActorAuthenticator,
    env: EnvironmentVariables,
  ) {
    this.production = env.NODE_ENV === 'production';
  }

  @Get('login')
  @PublicEndpoint()
  async login(
    @Query('token') token: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    try {
      const { actor, expiresAt } = await this.authenticator.session(
        typeof token === 'string' ? token : undefined,
      );
      if (!isAllowed(actor, Permission.QueuesAdmin)) {
        response.status(403).json({
          statusCode: 403,
          error: 'Forbidden',
          code: 'FORBIDDEN',
          message: `This account may not open the admin pages (${Permission.QueuesAdmin})`,
        });
        return;
      }
      const maxAge = expiresAt ? (expiresAt.getTime() - Date.now()) / 1000 : 3600;
      response.setHeader('Set-Cookie', sessionCookie(token as string, maxAge, this.secure(request)));
      response.redirect(303, `${QUEUES_PATH}/`);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      response.setHeader('WWW-Authenticate', 'Bearer');
      response.status(401).json({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'UNAUTHENTICATED',
        message:
          error.reason === 'missing' ? 'Give the token: /admin/login?token=…' : `Token ${error.reason}`,
      });
    }
  }

  @Get('logout')
  @PublicEndpoint()
  logout(@Req() request: Request, @Res() response: Response): void {
    response.setHeader('Set-Cookie', clearedSessionCookie(this.secure(request)));
    response.status(200).json({ status: 'signed out' });
  }

  private secure(request: Request): boolean {
    return this.production || request.secure;
  }
}
