import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { decodeJwt } from 'jose';
import type { InteractionDetails, OidcContext, Provider as OidcProvider } from 'oidc-provider';

import {
  combineDirectories,
  type AccountKind,
  type LocalAccount,
  type LocalAccountDirectory,
} from './local-account';
import {
  acrFor,
  claimsOf,
  kindOfClient,
  oneTimeCodeOutcome,
  requestedTokenTtl,
  TOKEN_TTL_RANGE,
} from './local-claims';
import { beginSignIn, demoRedirectUri, finishSignIn, localClientConfiguration } from './local-oidc-client';
import { loadOrCreateLocalOidcKeys } from './local-oidc-keys';
import { renderErrorPage, renderHomePage, renderSignInPage, renderTokenPage } from './local-oidc-pages';
import {
  ACR_AGENT_TWO_FACTOR,
  ACR_ONE_FACTOR,
  ACR_PERSON_TWO_FACTOR,
  CLIENT_IDS,
  CLIENT_SCOPES,
  GATEWAY_AUDIENCE,
  GATEWAY_SCOPE,
} from './local-oidc.constants';
import { memoryAdapterFactory } from './memory-adapter';

export interface LocalOidcProviderOptions {
  /** Folder of the signing and cookie keys (`oidc-keys.json`, created on first start). */
  dataDir: string;
  /** Who may sign in: the demo catalogue for `npm start`; the tests add their own accounts. */
  accounts: LocalAccountDirectory;
  /** Preferred port; a free one is taken when it is busy or unset. */
  port?: number;
  /** Interface to listen on (loopback by default). */
  host?: string;
  /** More redirect URIs for both clients (a console or a portal being developed). */
  redirectUris?: string[];
  /**
   * Tests only: `POST /test/accounts` (a `LocalAccount` as JSON) adds or replaces an account, so that a test signs in
   * as the agents and people it creates (`registerLocalAccount`). Off unless set.
   */
  acceptAccountRegistration?: boolean;
}

export interface LocalOidcProvider {
  /** `http://127.0.0.1:<port>`: the `iss` of every token. */
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/** The Account object the provider keeps for a sign-in: the account itself is read again by `extraTokenClaims`. */
interface LocalOidcAccount {
  accountId: string;
  account: LocalAccount;
  claims(use: string, scope: string): Record<string, string>;
}

/**
 * Starts the local OpenID provider (`oidc-provider`) that `npm start` and the integration tests sign in with. One issuer
 * with two public clients using the authorization code flow with PKCE: `spie-console` lets agents in (ProConnect's
 * claims), `spie-portal` lets people in (FranceConnect's pivot identity), each refusing the other kind. Access tokens
 * are JWTs (RS256, `typ: at+jwt`) for the resource `urn:spie-hub:gateway` and carry the account's claims and `acr`.
 * Development and tests only: it refuses to start when `NODE_ENV=production`.
 */
export async function startLocalOidcProvider(options: LocalOidcProviderOptions): Promise<LocalOidcProvider> {
  if (process.env['NODE_ENV'] === 'production')
    throw new Error('the local OpenID provider is for development and tests; set OIDC_ISSUER in production');
  const keys = await loadOrCreateLocalOidcKeys(options.dataDir);
  const registered = new Map<string, LocalAccount>();
  const accounts = combineDirectories(
    {
      find: async (login, kind) => registered.get(`${kind}:${login}`),
      list: async () => [],
    },
    options.accounts,
  );
  const host = options.host ?? '127.0.0.1';
  let handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = createServer((request, response) => handler(request, response));
  const port = await listen(server, host, options.port);
  const issuer = `http://${host}:${port}`;

  // oidc-provider is an ES module: Node loads it through require (20.19+), only when a provider starts.
  const { Provider, errors } = await import('oidc-provider');
  const claimScopes = [...new Set([...CLIENT_SCOPES.agent, ...CLIENT_SCOPES.person])].filter(
    (scope) => scope !== 'openid',
  );
  const provider: OidcProvider = new Provider(issuer, {
    adapter: memoryAdapterFactory(),
    clients: (['agent', 'person'] as const).map((kind) => ({
      client_id: CLIENT_IDS[kind],
      client_name: kind === 'agent' ? 'spie-hub console (agents)' : 'spie-hub portal (people)',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [demoRedirectUri(issuer), ...(options.redirectUris ?? [])],
      scope: [...CLIENT_SCOPES[kind], GATEWAY_SCOPE].join(' '),
    })),
    jwks: keys.jwks,
    cookies: { keys: keys.cookieKeys },
    claims: { openid: ['sub'], ...Object.fromEntries(claimScopes.map((scope) => [scope, [scope]])) },
    scopes: ['openid', GATEWAY_SCOPE],
    acrValues: [ACR_ONE_FACTOR, ACR_AGENT_TWO_FACTOR, ACR_PERSON_TWO_FACTOR],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // A browser app (the web portal and console) exchanges its code from its own origin: the token endpoint answers
    // CORS requests from the origins of the client's registered redirect URIs, and no other.
    clientBasedCORS: (_ctx: OidcContext, origin: string, client: { redirectUris?: string[] }) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => GATEWAY_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: OidcContext, resource: string) => {
          if (resource !== GATEWAY_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: GATEWAY_SCOPE,
            audience: GATEWAY_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: TOKEN_TTL_RANGE.default,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    interactions: {
      url: (_ctx: OidcContext, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: async (ctx: OidcContext, id: string): Promise<LocalOidcAccount | undefined> => {
      const kind = kindOfClient(ctx.oidc.client?.clientId);
      const account = kind ? await accounts.find(id, kind) : undefined;
      if (!account) return undefined;
      return { accountId: id, account, claims: () => claimsOf(account) };
    },
    loadExistingGrant,
    extraTokenClaims: async (ctx: OidcContext) => {
      const account = (ctx.oidc.entities.Account as LocalOidcAccount | undefined)?.account;
      if (!account) return undefined;
      const { sub: _sub, ...claims } = claimsOf(account, ctx.oidc.entities.Grant?.getOIDCScope());
      const auth = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
      return { ...claims, acr: auth?.acr, amr: auth?.amr, auth_time: auth?.authTime };
    },
    ttl: {
      // `spie token --ttl` and the tests ask for a lifetime in the token request (`spie_ttl`, seconds).
      AccessToken: (ctx: OidcContext | undefined) => requestedTokenTtl(ctx?.oidc?.body?.['spie_ttl']),
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out['error_description'] ?? out['error'] ?? 'unknown error');
    },
  });

  const demo = new DemoRelyingParty(issuer);
  const oidc = provider.callback();
  handler = (request, response) => {
    if (options.acceptAccountRegistration && request.method === 'POST' && request.url === '/test/accounts') {
      registerAccount(request, response, registered);
      return;
    }
    route(provider, accounts, demo, issuer, request, response)
      .then((handled) => {
        if (!handled) oidc(request, response);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) sendHtml(response, 500, renderErrorPage(messageOf(error)));
        else response.end();
      });
  };
  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** First-party clients: what a signed-in account asks for is granted without a consent page. */
async function loadExistingGrant(ctx: OidcContext) {
  const { oidc } = ctx;
  const client = oidc.client;
  const accountId = oidc.session?.accountId;
  if (!client || !accountId) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  const grant = existing ?? new oidc.provider.Grant({ clientId: client.clientId, accountId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  if (oidc.requestParamClaims.size) grant.addOIDCClaims([...oidc.requestParamClaims]);
  for (const [resource, server] of Object.entries(oidc.resourceServers))
    grant.addResourceScope(resource, [...server.scopes].join(' '));
  await grant.save();
  return grant;
}

/** Our pages: the sign-in form of an interaction, the landing page and the demo relying party. */
async function route(
  provider: OidcProvider,
  accounts: LocalAccountDirectory,
  demo: DemoRelyingParty,
  issuer: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const url = new URL(request.url ?? '/', issuer);
  const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
  if (interaction) {
    const details = await provider.interactionDetails(request, response);
    const kind = kindOfClient(String(details.params['client_id'] ?? ''));
    if (!kind) {
      sendHtml(response, 400, renderErrorPage('This client may not sign anyone in'));
      return true;
    }
    const action = `/interaction/${details.uid}/login`;
    if (interaction[2] && request.method === 'POST') {
      await signIn(provider, accounts, kind, action, details, request, response);
      return true;
    }
    if (request.method !== 'GET') return false;
    if (details.prompt.name === 'login') {
      sendHtml(response, 200, renderSignInPage({ action, kind, accounts: await accounts.list(kind) }));
      return true;
    }
    // An existing session whose grant lacks what is now asked for: grant it, first-party clients have no consent page.
    await provider.interactionFinished(request, response, { consent: {} }, { mergeWithLastSubmission: true });
    return true;
  }
  if (request.method === 'GET' && url.pathname === '/') {
    sendHtml(response, 200, renderHomePage(issuer));
    return true;
  }
  if (request.method === 'GET' && url.pathname === '/demo/sign-in') {
    await demo.begin(url.searchParams.get('as') === 'person' ? 'person' : 'agent', response);
    return true;
  }
  if (request.method === 'GET' && url.pathname === '/demo/callback') {
    await demo.finish(url, request, response);
    return true;
  }
  return false;
}

async function signIn(
  provider: OidcProvider,
  accounts: LocalAccountDirectory,
  kind: AccountKind,
  action: string,
  details: InteractionDetails,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const form = new URLSearchParams(await readBody(request));
  const login = (form.get('login') ?? '').trim();
  const refuse = async (error: string) =>
    sendHtml(
      response,
      400,
      renderSignInPage({ action, kind, accounts: await accounts.list(kind), login, error }),
    );
  if (details.prompt.name !== 'login') return refuse('This sign-in is not waiting for an account');
  const code = oneTimeCodeOutcome(form.get('otp') ?? undefined);
  if (code === 'invalid') return refuse('Wrong one-time code');
  const account = login ? await accounts.find(login, kind) : undefined;
  if (!account)
    return refuse(
      kind === 'agent' ? `No agent account '${login}' here` : `No person account '${login}' here`,
    );
  const twoFactor = code === 'valid';
  await provider.interactionFinished(
    request,
    response,
    {
      login: {
        accountId: account.login,
        acr: acrFor(kind, twoFactor),
        ...(twoFactor ? { amr: ['mfa', 'otp'] } : {}),
      },
    },
    { mergeWithLastSubmission: false },
  );
}

/**
 * A relying party on the provider itself, so that a browser can sign in without a console: `/demo/sign-in` starts the
 * code flow with PKCE, `/demo/callback` exchanges the code (openid-client) and shows the access token.
 */
class DemoRelyingParty {
  private readonly pending = new Map<string, { codeVerifier: string; kind: AccountKind; at: number }>();

  constructor(private readonly issuer: string) {}

  async begin(kind: AccountKind, response: ServerResponse): Promise<void> {
    const configuration = await localClientConfiguration(this.issuer, kind);
    const { url, state, codeVerifier } = await beginSignIn(configuration, kind, demoRedirectUri(this.issuer));
    const now = Date.now();
    for (const [key, value] of this.pending) if (now - value.at > 600_000) this.pending.delete(key);
    this.pending.set(state, { codeVerifier, kind, at: now });
    response.setHeader('Set-Cookie', `spie_demo_state=${state}; Path=/demo; HttpOnly; SameSite=Lax`);
    response.statusCode = 303;
    response.setHeader('Location', url.href);
    response.end();
  }

  async finish(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const state = url.searchParams.get('state') ?? '';
    const cookie = /(?:^|;\s*)spie_demo_state=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const pending = this.pending.get(state);
    if (!pending || cookie !== state) {
      sendHtml(response, 400, renderErrorPage('This sign-in was not started here, or it is too old'));
      return;
    }
    this.pending.delete(state);
    if (url.searchParams.has('error')) {
      sendHtml(response, 400, renderErrorPage(url.searchParams.get('error_description') ?? 'refused'));
      return;
    }
    const configuration = await localClientConfiguration(this.issuer, pending.kind);
    const tokens = await finishSignIn(configuration, url, { state, codeVerifier: pending.codeVerifier });
    sendHtml(
      response,
      200,
      renderTokenPage({ accessToken: tokens.access_token, claims: decodeJwt(tokens.access_token) }),
    );
  }
}

function registerAccount(
  request: IncomingMessage,
  response: ServerResponse,
  registered: Map<string, LocalAccount>,
): void {
  readBody(request)
    .then((body) => {
      const account = JSON.parse(body) as LocalAccount;
      const valid =
        (account.kind === 'agent' || account.kind === 'person') &&
        typeof account.login === 'string' &&
        account.login.length > 0 &&
        typeof account.claims === 'object' &&
        Object.values(account.claims ?? {}).every((value) => typeof value === 'string');
      if (!valid) throw new Error('not an account');
      registered.set(`${account.kind}:${account.login}`, account);
      response.statusCode = 204;
      response.end();
    })
    .catch(() => {
      response.statusCode = 400;
      response.end();
    });
}

function listen(server: Server, host: string, preferred: number | undefined): Promise<number> {
  const attempt = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => reject(error);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        resolve((server.address() as { port: number }).port);
      });
    });
  return attempt(preferred ?? 0).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || !preferred) throw error;
    return attempt(0);
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16_384) {
        reject(new Error('form too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Frame-Options', 'DENY');
  response.end(html);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
