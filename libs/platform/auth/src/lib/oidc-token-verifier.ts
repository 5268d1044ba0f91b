import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';

import { EnvironmentVariables } from '@spie/platform/config';

import { InvalidTokenError, IssuerUnavailableError } from './invalid-token.error';
import type { VerifiedToken } from './oidc-identity';

/** Asymmetric signatures only: a shared-secret (HS*) or unsigned token is refused whatever its header says. */
export const ACCEPTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

const HTTP_TIMEOUT_MS = 5000;

/** Verified tokens kept at most (the oldest goes first); only tokens whose signature and claims verified enter. */
const VERIFIED_TOKENS_MAX = 10_000;

export interface OidcSettings {
  agentIssuer: string;
  personIssuer: string;
  audience: string;
  twoFactorAcr: ReadonlySet<string>;
  personClients: ReadonlySet<string>;
  subjectIsLogin: boolean;
}

export function oidcSettings(env: EnvironmentVariables): OidcSettings {
  if (!env.OIDC_ISSUER)
    throw new Error(
      'Invalid configuration: OIDC_ISSUER is required to check tokens (npm start sets the local provider)',
    );
  const list = (value: string) => new Set(value.split(',').filter(Boolean));
  return {
    agentIssuer: env.OIDC_ISSUER,
    personIssuer: env.OIDC_PERSON_ISSUER ?? env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    twoFactorAcr: list(env.OIDC_TWO_FACTOR_ACR),
    personClients: list(env.OIDC_PERSON_CLIENTS),
    subjectIsLogin: env.OIDC_SUBJECT_IS_LOGIN,
  };
}

/** One configured issuer: its discovery document and key set, fetched on first use and kept. */
class TrustedIssuer {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(readonly issuer: string) {}

  /** The issuer's key set (`jwks_uri` from discovery); jose refetches it when a token names an unknown key. */
  keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw new IssuerUnavailableError(this.issuer, error);
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery §4.3: the document must name exactly the issuer it was fetched for.
    if (metadata.issuer !== this.issuer)
      throw new Error(`discovery names issuer ${String(metadata.issuer)}, not ${this.issuer}`);
    if (typeof metadata.jwks_uri !== 'string') throw new Error('discovery has no jwks_uri');
    return createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: HTTP_TIMEOUT_MS });
  }
}

/**
 * Checks access tokens like a resource server of the configured OpenID issuers (RFC 9068): the issuer is one of
 * `OIDC_ISSUER` / `OIDC_PERSON_ISSUER`, the signature verifies with a key of that issuer's JWKS (found by discovery) and
 * an asymmetric algorithm, `typ` is `at+jwt`, `aud` contains `OIDC_AUDIENCE`, and `exp` (and `nbf` when present) hold.
 */
@Injectable()
export class OidcTokenVerifier {
  readonly settings: OidcSettings;
  private readonly issuers = new Map<string, TrustedIssuer>();
  /**
   * Tokens already verified, by SHA-256 of the token, until their `exp`: a client sends the same token with every
   * request, and its signature, issuer, audience and type cannot change. The times (`exp`, `nbf`) are checked again at
   * every use, as jose checks them (seconds, no tolerance).
   */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(env: EnvironmentVariables) {
    this.settings = oidcSettings(env);
    for (const issuer of [this.settings.agentIssuer, this.settings.personIssuer])
      if (!this.issuers.has(issuer)) this.issuers.set(issuer, new TrustedIssuer(issuer));
  }

  /**
   * @throws InvalidTokenError `expired` past `exp`, `invalid` for anything else wrong with the token.
   * @throws IssuerUnavailableError when the issuer's discovery document or keys cannot be fetched.
   */
  async verify(token: string): Promise<VerifiedToken> {
    const key = createHash('sha256').update(token).digest('base64url');
    const known = this.verified.get(key);
    if (known) {
      const now = Math.floor(Date.now() / 1000);
      if ((known.claims.exp as number) <= now) {
        this.verified.delete(key);
        throw new InvalidTokenError('expired');
      }
      const notBefore = known.claims.nbf;
      if (typeof notBefore === 'number' && notBefore > now) throw new InvalidTokenError('invalid');
      return known;
    }
    const verified = await this.verifyAtIssuer(token);
    if (this.verified.size >= VERIFIED_TOKENS_MAX) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(key, verified);
    return verified;
  }

  private async verifyAtIssuer(token: string): Promise<VerifiedToken> {
    let claimedIssuer: unknown;
    try {
      claimedIssuer = decodeJwt(token).iss;
    } catch {
      throw new InvalidTokenError('invalid');
    }
    const trusted = typeof claimedIssuer === 'string' ? this.issuers.get(claimedIssuer) : undefined;
    if (!trusted) throw new InvalidTokenError('invalid');
    const keys = await trusted.keySet();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: trusted.issuer,
        audience: this.settings.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp'],
      });
      const clientId = typeof payload['client_id'] === 'string' ? payload['client_id'] : undefined;
      return {
        issuer: trusted.issuer,
        kind: this.kindOf(trusted.issuer, clientId),
        subject: payload.sub as string,
        clientId,
        acr: typeof payload['acr'] === 'string' ? payload['acr'] : undefined,
        expiresAt: new Date((payload.exp as number) * 1000),
        claims: payload,
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('expired');
      // A key set that cannot be fetched (timeout, HTTP error) is the issuer's problem, not the token's.
      if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError))
        throw new IssuerUnavailableError(trusted.issuer, error);
      if (error.code === 'ERR_JOSE_GENERIC') throw new IssuerUnavailableError(trusted.issuer, error);
      throw new InvalidTokenError('invalid');
    }
  }

  /** True when the `acr` is one this hub counts as two factors. */
  isTwoFactorAcr(acr: string | undefined): boolean {
    return acr !== undefined && this.settings.twoFactorAcr.has(acr);
  }

  private kindOf(issuer: string, clientId: string | undefined): 'agent' | 'person' {
    const { agentIssuer, personIssuer, personClients } = this.settings;
    if (agentIssuer === personIssuer) return clientId && personClients.has(clientId) ? 'person' : 'agent';
    return issuer === personIssuer ? 'person' : 'agent';
  }
}
