import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { TWO_FACTOR_ACR_DEFAULT } from '@spie/platform/config';
import { issueLocalToken, registerLocalAccount, type AccountKind } from '@spie/platform/oidc-local';
import { testOidcAccountOf } from '@spie/shared/testing';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  /** `access: { purpose, masked[] }` when the access layer masked fields. */
  extensions?: Record<string, unknown>;
}

export interface TokenOptions {
  /** `2fa` (or a two-factor acr such as `eidas2`) types the demo one-time code; `eidas1` or nothing does not. */
  acr?: string;
  /** Lifetime of the token (default 600 s). */
  ttlSeconds?: number;
  /** `person` signs in at the people's client, the login being the id of a `person` row (default: agent). */
  kind?: AccountKind;
}

export interface TestGateway {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  /**
   * A real access token of the local OpenID provider started by the global setup, obtained like `npx spie token` does
   * (sign-in form over HTTP, code exchange). The account is first registered at the provider from this gateway's
   * database (an agent by login, a person by id); `test-admin` is known without a row.
   */
  tokenFor(login: string, options?: TokenOptions): Promise<string>;
  /** Sends a GraphQL request over real HTTP, as `login` (or anonymously with `as: null`). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: string | null; token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

function twoFactor(acr: string | undefined): boolean {
  if (acr === undefined || acr === 'eidas1') return false;
  if (acr === '2fa' || (TWO_FACTOR_ACR_DEFAULT as readonly string[]).includes(acr)) return true;
  throw new Error(`tokenFor: acr is eidas1, 2fa or a two-factor value, not ${acr}`);
}

/**
 * Boots the real gateway (the same module as production) on a random port, against the integration database, Redis
 * and local OpenID provider started by the global setup. `env` overrides variables for this gateway only.
 */
export async function createTestGateway(
  options: { env?: Record<string, string> } = {},
): Promise<TestGateway> {
  // Imported lazily so that a unit test importing this lib does not load the whole gateway.
  const { createGateway } = await import('../../src/bootstrap');
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((name) => [name, process.env[name]]));
  Object.assign(process.env, options.env);
  let app: INestApplication;
  try {
    app = await createGateway({ logs: false });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const issuer = process.env['OIDC_ISSUER'] as string;
  // A client keeps its token until it expires: one sign-in per account and options, not one per request.
  const tokens = new Map<string, Promise<string>>();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const signIn = async (request: Parameters<typeof issueLocalToken>[0]) => {
    const account = await testOidcAccountOf(dataSource, request.login, request.kind ?? 'agent');
    if (account) await registerLocalAccount(issuer, account);
    return issueLocalToken(request);
  };
  const tokenFor = (login: string, tokenOptions: TokenOptions = {}) => {
    const request = {
      issuer,
      login,
      kind: tokenOptions.kind ?? 'agent',
      twoFactor: twoFactor(tokenOptions.acr),
      ttlSeconds: tokenOptions.ttlSeconds ?? 600,
    };
    if (tokenOptions.ttlSeconds !== undefined) return signIn(request);
    const key = JSON.stringify(request);
    let token = tokens.get(key);
    if (!token) {
      token = signIn(request);
      token.catch(() => tokens.delete(key));
      tokens.set(key, token);
    }
    return token;
  };
  return {
    app,
    url,
    dataSource,
    tokenFor,
    async graphql(query, variables = {}, requestOptions = {}) {
      const token =
        requestOptions.token ??
        (requestOptions.as === null ? undefined : await tokenFor(requestOptions.as ?? 'test-admin'));
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...requestOptions.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    close: () => app.close(),
  };
}
