import * as client from 'openid-client';

import type { AccountKind } from './local-account';
import { CLIENT_IDS, CLIENT_SCOPES, GATEWAY_AUDIENCE, GATEWAY_SCOPE } from './local-oidc.constants';

/** Where the local provider sends the browser back: its own demo page (`/demo/callback`). */
export function demoRedirectUri(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/demo/callback`;
}

/** The relying party of one kind of account at the local provider, from its discovery document (openid-client). */
export async function localClientConfiguration(
  issuer: string,
  kind: AccountKind,
): Promise<client.Configuration> {
  const insecure = new URL(issuer).protocol === 'http:';
  return client.discovery(new URL(issuer), CLIENT_IDS[kind], undefined, client.None(), {
    execute: insecure ? [client.allowInsecureRequests] : [],
  });
}

export interface PendingSignIn {
  url: URL;
  state: string;
  codeVerifier: string;
}

/**
 * An authorization request with PKCE (S256) for the gateway resource, asking for the claims of the kind's real issuer.
 * `prompt=login` makes the provider ask for the account (and the second factor) even inside an existing session.
 */
export async function beginSignIn(
  configuration: client.Configuration,
  kind: AccountKind,
  redirectUri: string,
): Promise<PendingSignIn> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: [...CLIENT_SCOPES[kind], GATEWAY_SCOPE].join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    resource: GATEWAY_AUDIENCE,
    prompt: 'login',
  });
  return { url, state, codeVerifier };
}

/** Exchanges the code of the callback URL (state, issuer and ID token checked by openid-client). */
export async function finishSignIn(
  configuration: client.Configuration,
  callbackUrl: URL,
  pending: Pick<PendingSignIn, 'state' | 'codeVerifier'>,
  ttlSeconds?: number,
): Promise<client.TokenEndpointResponse> {
  return client.authorizationCodeGrant(
    configuration,
    callbackUrl,
    { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state },
    {
      resource: GATEWAY_AUDIENCE,
      ...(ttlSeconds === undefined ? {} : { spie_ttl: String(ttlSeconds) }),
    },
  );
}
