import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';

import { EnvironmentVariables } from '@spie/platform/config';

export const DEV_TOKEN_ISSUER = 'urn:spie-hub:dev';
export const DEV_TOKEN_AUDIENCE = 'spie-hub';

export interface TokenClaims {
  /** Agent login (or, later, the OIDC subject). */
  sub: string;
  /** Authentication context (`eidas1`, `eidas2`…), checked by the access layer for special-category data. */
  acr?: string;
  /** When the token expires (set on verified tokens). */
  expiresAt?: Date;
}

export class InvalidTokenError extends Error {
  constructor(public readonly reason: 'missing' | 'expired' | 'invalid') {
    super(`Token ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Tokens signed by the hub's development key (HS256), naming an agent. Checked like any issuer's: signature, issuer,
 * audience, expiry. Replaced by the OIDC issuers in production.
 */
@Injectable()
export class DevTokenService {
  private readonly key: Uint8Array;

  constructor(env: EnvironmentVariables) {
    this.key = new TextEncoder().encode(env.AUTH_DEV_SIGNING_KEY);
  }

  async sign(claims: TokenClaims, ttlSeconds = 3600): Promise<string> {
    return new SignJWT({ ...(claims.acr ? { acr: claims.acr } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(DEV_TOKEN_ISSUER)
      .setAudience(DEV_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: DEV_TOKEN_ISSUER,
        audience: DEV_TOKEN_AUDIENCE,
        algorithms: ['HS256'],
      });
      if (!payload.sub) throw new InvalidTokenError('invalid');
      return {
        sub: payload.sub,
        acr: typeof payload['acr'] === 'string' ? payload['acr'] : undefined,
        expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined,
      };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('expired');
      throw new InvalidTokenError('invalid');
    }
  }
}
