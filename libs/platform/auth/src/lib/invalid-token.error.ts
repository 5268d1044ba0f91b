/** Why a bearer token was refused: absent, past its expiry, or anything else (signature, issuer, audience, account). */
export class InvalidTokenError extends Error {
  constructor(public readonly reason: 'missing' | 'expired' | 'invalid') {
    super(`Token ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** The issuer could not be reached (discovery or keys): not the caller's fault, so not an authentication failure. */
export class IssuerUnavailableError extends Error {
  constructor(issuer: string, cause: unknown) {
    super(
      `OpenID issuer ${issuer} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'IssuerUnavailableError';
  }
}
