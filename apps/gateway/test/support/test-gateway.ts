import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { DevTokenService } from '@spie/platform/auth';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestGateway {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  /** A token for an agent login, signed like `npx spie token` does. */
  tokenFor(login: string, options?: { acr?: string; ttlSeconds?: number }): Promise<string>;
  /** Sends a GraphQL request over real HTTP, as `login` (or anonymously with `as: null`). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: string | null; token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the real gateway (the same module as production) on a random port, against the integration database and
 * Redis started by the global setup.
 */
export async function createTestGateway(): Promise<TestGateway> {
  // Imported lazily so that a unit test importing this lib does not load the whole gateway.
  const { createGateway } = await import('../../src/bootstrap');
  const app = await createGateway({ logs: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const tokens = app.get(DevTokenService);
  const tokenFor = (login: string, options: { acr?: string; ttlSeconds?: number } = {}) =>
    tokens.sign({ sub: login, acr: options.acr }, options.ttlSeconds ?? 600);
  return {
    app,
    url,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    tokenFor,
    async graphql(query, variables = {}, options = {}) {
      const token =
        options.token ?? (options.as === null ? undefined : await tokenFor(options.as ?? 'test-admin'));
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    close: () => app.close(),
  };
}
