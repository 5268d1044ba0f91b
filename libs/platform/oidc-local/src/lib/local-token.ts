import type { AccountKind, LocalAccount } from './local-account';
import { TOKEN_TTL_RANGE } from './local-claims';
import { beginSignIn, demoRedirectUri, finishSignIn, localClientConfiguration } from './local-oidc-client';
import { DEMO_ONE_TIME_CODE } from './local-oidc.constants';

export interface LocalTokenRequest {
  /** Issuer of the local provider (`http://127.0.0.1:4100`). */
  issuer: string;
  login: string;
  /** Agents sign in at `spie-console`, people at `spie-portal` (default: agent). */
  kind?: AccountKind;
  /** Type the demo one-time code, for a two-factor `acr`. */
  twoFactor?: boolean;
  /** Lifetime of the access token in seconds (1 to 86 400; default 3 600). */
  ttlSeconds?: number;
}

export class LocalSignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalSignInError';
  }
}

/**
 * An access token from the local provider, obtained like a browser does, over HTTP: the authorization request with
 * PKCE, the sign-in form (account, and the one-time code for two factors), then the code exchanged by openid-client.
 * For `spie token` and the tests; it works only with the local provider, whose sign-in page it fills in.
 */
export async function issueLocalToken(request: LocalTokenRequest): Promise<string> {
  const kind = request.kind ?? 'agent';
  const ttl = request.ttlSeconds;
  if (
    ttl !== undefined &&
    !(Number.isInteger(ttl) && ttl >= TOKEN_TTL_RANGE.min && ttl <= TOKEN_TTL_RANGE.max)
  )
    throw new LocalSignInError(`a token lives ${TOKEN_TTL_RANGE.min} to ${TOKEN_TTL_RANGE.max} seconds`);
  const configuration = await localClientConfiguration(request.issuer, kind);
  const redirectUri = demoRedirectUri(request.issuer);
  const pending = await beginSignIn(configuration, kind, redirectUri);
  const browser = new CookieBrowser();

  let response = await browser.fetch(pending.url);
  const interaction = locationOf(response, pending.url);
  response = await browser.fetch(interaction);
  if (response.status !== 200) throw await refusal(response, request.login);
  const form = new URLSearchParams({
    login: request.login,
    otp: request.twoFactor ? DEMO_ONE_TIME_CODE : '',
  });
  response = await browser.fetch(new URL(`${interaction.pathname}/login`, interaction), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (response.status < 300 || response.status > 399) throw await refusal(response, request.login);
  let next = locationOf(response, interaction);
  // Back to the authorization endpoint, which redirects to the client with the code.
  for (let hop = 0; !next.href.startsWith(redirectUri); hop += 1) {
    if (hop >= 5) throw new LocalSignInError('the local provider did not come back to the client');
    response = await browser.fetch(next);
    if (response.status === 200) throw await refusal(response, request.login);
    next = locationOf(response, next);
  }
  if (next.searchParams.has('error'))
    throw new LocalSignInError(
      `the local provider refused: ${next.searchParams.get('error_description') ?? next.searchParams.get('error')}`,
    );
  const tokens = await finishSignIn(configuration, next, pending, ttl);
  return tokens.access_token;
}

/** Follows no redirect by itself and keeps the provider's cookies, as a browser would for one site. */
class CookieBrowser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: URL, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      if (index <= 0) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }
}

function locationOf(response: Response, base: URL): URL {
  const location = response.headers.get('location');
  if (response.status < 300 || response.status > 399 || !location)
    throw new LocalSignInError(
      `the local provider answered ${response.status} where a redirect was expected`,
    );
  return new URL(location, base);
}

async function refusal(response: Response, login: string): Promise<LocalSignInError> {
  const html = await response.text();
  const message = /<p class="error"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? `HTTP ${response.status}`;
  return new LocalSignInError(`the local provider refused '${login}': ${decodeEntities(message)}`);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Adds or replaces an account of a local provider started with `acceptAccountRegistration` (the tests' provider). */
export async function registerLocalAccount(issuer: string, account: LocalAccount): Promise<void> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/test/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (response.status !== 204)
    throw new LocalSignInError(
      `the local provider did not take the account '${account.login}' (${response.status})`,
    );
}
