import * as oauth from 'oauth4webapi';

import { webConfig, type Face, type FaceSignIn } from './config';

/**
 * Sign-in with the authorization code flow and PKCE (oauth4webapi), one public client per face. The access token is
 * kept in `sessionStorage` of this tab only, and dropped at sign-out or when it expires.
 */
export interface Session {
  accessToken: string;
  expiresAt: number;
  /** Claims of the ID token, to greet the user (the gateway trusts only the access token). */
  claims: Record<string, unknown>;
}

const TOKEN_KEY = (face: Face) => `spie.${face}.session`;
const PENDING_KEY = (face: Face) => `spie.${face}.pending`;

interface Pending {
  state: string;
  codeVerifier: string;
  returnTo: string;
}

export function callbackPath(face: Face): string {
  return `/${face}/connexion`;
}

function redirectUri(face: Face): string {
  return `${window.location.origin}${callbackPath(face)}`;
}

function options(issuer: string) {
  return new URL(issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
}

async function authorizationServer(signIn: FaceSignIn): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(signIn.issuer);
  const response = await oauth.discoveryRequest(issuer, options(signIn.issuer));
  return oauth.processDiscoveryResponse(issuer, response);
}

export function currentSession(face: Face): Session | null {
  const raw = sessionStorage.getItem(TOKEN_KEY(face));
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY(face));
    return null;
  }
  return session;
}

export function signOut(face: Face): void {
  sessionStorage.removeItem(TOKEN_KEY(face));
}

/** Sends the browser to the provider; it comes back to `/<face>/connexion`. */
export async function beginSignIn(face: Face, returnTo: string): Promise<void> {
  const signIn = (await webConfig()).faces[face];
  const as = await authorizationServer(signIn);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const pending: Pending = { state, codeVerifier, returnTo };
  sessionStorage.setItem(PENDING_KEY(face), JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint as string);
  url.search = new URLSearchParams({
    client_id: signIn.clientId,
    redirect_uri: redirectUri(face),
    response_type: 'code',
    scope: signIn.scope,
    resource: signIn.resource,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    prompt: 'login',
  }).toString();
  window.location.assign(url.href);
}

/** Exchanges the code of the callback URL; returns where to go next. */
export async function finishSignIn(face: Face, callbackUrl: URL): Promise<string> {
  const raw = sessionStorage.getItem(PENDING_KEY(face));
  sessionStorage.removeItem(PENDING_KEY(face));
  if (!raw) throw new Error('Cette connexion n’a pas été commencée ici, ou elle est trop ancienne.');
  const pending = JSON.parse(raw) as Pending;
  const signIn = (await webConfig()).faces[face];
  const as = await authorizationServer(signIn);
  const client: oauth.Client = { client_id: signIn.clientId };
  const parameters = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    parameters,
    redirectUri(face),
    pending.codeVerifier,
    { ...options(signIn.issuer), additionalParameters: { resource: signIn.resource } },
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(tokens) ?? {};
  const session: Session = {
    accessToken: tokens.access_token,
    expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
    claims: { ...claims },
  };
  sessionStorage.setItem(TOKEN_KEY(face), JSON.stringify(session));
  return pending.returnTo;
}
