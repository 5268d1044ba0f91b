import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

import { buildAgentWithOrganisation } from '@spie/shared/testing';

import { createTestGatewayWithEnv } from '../support/gateway-with-env';
import type { GraphQLResponse, TestGateway } from '../support/test-gateway';

const BUDGET = 5;
const ANONYMOUS_BUDGET = 3;
const WINDOW_SECONDS = 3;

const VIEWER = '{ viewer { agent { id } } }';

describe('rate limits: a budget per actor, and per address without a token', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await createTestGatewayWithEnv({
      RATE_LIMIT_REQUESTS: String(BUDGET),
      RATE_LIMIT_ANONYMOUS_REQUESTS: String(ANONYMOUS_BUDGET),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const agent = async (roles: string[] = []) =>
    (await buildAgentWithOrganisation(gateway.dataSource, { roles })).agent.login;

  /** A GraphQL POST that keeps the status and headers (`gateway.graphql` keeps only the status). */
  const graphql = async (token: string, query = VIEWER) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return { response, body: (await response.json()) as GraphQLResponse };
  };

  const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

  it('should answer RATE_LIMITED with 429 and Retry-After when an actor spends its budget, then serve it again after the window', async () => {
    const token = await gateway.tokenFor(await agent());
    for (let i = 0; i < BUDGET; i += 1) {
      const { response, body } = await graphql(token);
      expect(body.errors).toBeUndefined();
      expect(response.status).toBe(200);
    }
    const { response, body } = await graphql(token);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Too many requests/),
      path: ['viewer'],
    });
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
      correlationId: expect.any(String),
    });
    expect(body.data).toBeNull();

    await sleep(retryAfter + 0.2);
    const recovered = await graphql(token);
    expect(recovered.response.status).toBe(200);
    expect(recovered.body.errors).toBeUndefined();
  });

  it('should keep budgets apart when another actor calls while one is limited', async () => {
    const [spender, other] = await Promise.all([agent(), agent()]);
    const token = await gateway.tokenFor(spender);
    for (let i = 0; i <= BUDGET; i += 1) await graphql(token);
    expect((await graphql(token)).response.status).toBe(429);
    const { response, body } = await graphql(await gateway.tokenFor(other));
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('should count a GraphQL request once when it has several root fields', async () => {
    // An adviser: one purpose, so that reading a person needs no purpose header.
    const token = await gateway.tokenFor(await agent(['adviser']));
    // Nullable root fields, so that each one reports its own error (a non-null one would drop the others).
    const person = `person(id: "${randomUUID()}") { id }`;
    const threeRoots = `{ a: ${person} b: ${person} c: ${person} }`;
    for (let i = 0; i < BUDGET; i += 1) {
      const { response, body } = await graphql(token, threeRoots);
      expect(response.status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    const over = await graphql(token, threeRoots);
    expect(over.response.status).toBe(429);
    expect(over.body.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'RATE_LIMITED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });

  it('should answer 429 with Retry-After on POST /imports/:source when the actor has spent its budget', async () => {
    const token = await gateway.tokenFor(await agent(['connector']));
    const upload = () =>
      fetch(`${gateway.url}/imports/caf-msa`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x--\r\n',
      });
    for (let i = 0; i < BUDGET; i += 1) expect((await upload()).status).not.toBe(429);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
  });

  it('should limit calls without a token by address, with the anonymous budget', async () => {
    // From an address of its own in 127.0.0.0/8, so that no other test file's anonymous calls share the budget.
    const address = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
    const anonymous = () => postFrom(address, gateway.url, '{ referentiel { version } }');
    for (let i = 0; i < ANONYMOUS_BUDGET; i += 1) {
      const { status, body } = await anonymous();
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    const refused = await anonymous();
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    // An authenticated call from the same address spends its actor's budget, not the address's.
    const token = await gateway.tokenFor(await agent());
    const authenticated = await postFrom(address, gateway.url, VIEWER, token);
    expect(authenticated.status).toBe(200);
  });

  it('should not limit GET /health when a probe polls it', async () => {
    for (let i = 0; i < ANONYMOUS_BUDGET + 2; i += 1) {
      expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    }
  });
});

/** A GraphQL POST sent from a chosen local address (loopback aliases need no setup on Linux). */
function postFrom(
  localAddress: string,
  url: string,
  query: string,
  token?: string,
): Promise<{ status: number; body: GraphQLResponse }> {
  const payload = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/graphql`,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLResponse,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
