import { createServer, type Server } from 'node:http';

import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

import type { EnvironmentVariables } from '@spie/platform/config';

import { InvalidTokenError, IssuerUnavailableError } from './invalid-token.error';
import { OidcTokenVerifier } from './oidc-token-verifier';

const AUDIENCE = 'urn:spie-hub:gateway';

/** A minimal issuer on a loopback port: its discovery document and its key set, nothing else. */
async function startIssuer(options: { claimedIssuer?: (issuer: string) => string } = {}) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server: Server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/.well-known/openid-configuration')
      response.end(
        JSON.stringify({
          issuer: options.claimedIssuer ? options.claimedIssuer(issuer) : issuer,
          jwks_uri: `${issuer}/jwks`,
        }),
      );
    else if (request.url === '/jwks') response.end(JSON.stringify({ keys: [jwk] }));
    else response.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { issuer, privateKey, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function sign(
  key: KeyLike | Uint8Array,
  claims: JWTPayload,
  options: { alg?: string; typ?: string; kid?: string; ttl?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iat: now, exp: now + (options.ttl ?? 300), aud: AUDIENCE, ...claims })
    .setProtectedHeader({
      alg: options.alg ?? 'RS256',
      typ: options.typ ?? 'at+jwt',
      kid: options.kid ?? 'k1',
    })
    .sign(key);
}

function verifierFor(env: Partial<EnvironmentVariables>): OidcTokenVerifier {
  return new OidcTokenVerifier({
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_TWO_FACTOR_ACR: 'eidas2,https://proconnect.gouv.fr/assurance/self-asserted-2fa',
    OIDC_PERSON_CLIENTS: 'spie-portal',
    OIDC_SUBJECT_IS_LOGIN: false,
    ...env,
  } as EnvironmentVariables);
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof InvalidTokenError) return error.reason;
  if (error instanceof IssuerUnavailableError) return 'unavailable';
  throw new Error(`unexpected outcome: ${String(error)}`);
}

describe('OidcTokenVerifier', () => {
  let agents: Awaited<ReturnType<typeof startIssuer>>;
  let people: Awaited<ReturnType<typeof startIssuer>>;
  let verifier: OidcTokenVerifier;

  beforeAll(async () => {
    agents = await startIssuer();
    people = await startIssuer();
    verifier = verifierFor({ OIDC_ISSUER: agents.issuer, OIDC_PERSON_ISSUER: people.issuer });
  });

  afterAll(async () => {
    await agents.close();
    await people.close();
  });

  it('should accept a token of the agents’ issuer and say it is an agent’s, with its acr and expiry', async () => {
    const token = await sign(agents.privateKey, { iss: agents.issuer, sub: 'cd52-referent', acr: 'eidas1' });
    const verified = await verifier.verify(token);
    expect(verified).toMatchObject({
      issuer: agents.issuer,
      kind: 'agent',
      subject: 'cd52-referent',
      acr: 'eidas1',
    });
    expect(verified.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(verifier.isTwoFactorAcr(verified.acr)).toBe(false);
  });

  it('should say a token of the people’s issuer is a person’s', async () => {
    const token = await sign(people.privateKey, { iss: people.issuer, sub: 'fc-sub', acr: 'eidas2' });
    const verified = await verifier.verify(token);
    expect(verified.kind).toBe('person');
    expect(verifier.isTwoFactorAcr(verified.acr)).toBe(true);
  });

  it('should refuse a token signed by another issuer’s key', async () => {
    const token = await sign(people.privateKey, { iss: agents.issuer, sub: 'cd52-referent' });
    expect(await reasonOf(verifier.verify(token))).toBe('invalid');
  });

  it('should refuse a token whose payload was altered after signing', async () => {
    const token = await sign(agents.privateKey, { iss: agents.issuer, sub: 'cd52-referent' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'hub-admin' }),
    ).toString('base64url');
    expect(await reasonOf(verifier.verify(`${header}.${altered}.${signature}`))).toBe('invalid');
  });

  it('should refuse an unknown issuer, another audience, another type and a token not yet valid', async () => {
    const key = agents.privateKey;
    const cases = [
      sign(key, { iss: 'https://elsewhere.example', sub: 'x' }),
      sign(key, { iss: agents.issuer, sub: 'x', aud: 'urn:other' }),
      sign(key, { iss: agents.issuer, sub: 'x' }, { typ: 'JWT' }),
      sign(key, { iss: agents.issuer, sub: 'x', nbf: Math.floor(Date.now() / 1000) + 600 }),
      sign(key, { iss: agents.issuer }),
    ];
    for (const token of await Promise.all(cases))
      expect(await reasonOf(verifier.verify(token))).toBe('invalid');
  });

  it('should refuse a shared-secret (HS256) token and an unsigned one whatever they claim', async () => {
    const hs = await sign(
      new TextEncoder().encode('x'.repeat(32)),
      { iss: agents.issuer, sub: 'x' },
      { alg: 'HS256' },
    );
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        iss: agents.issuer,
        sub: 'x',
        aud: AUDIENCE,
        exp: Math.floor(Date.now() / 1000) + 60,
      }),
    ).toString('base64url');
    expect(await reasonOf(verifier.verify(hs))).toBe('invalid');
    expect(await reasonOf(verifier.verify(`${header}.${body}.`))).toBe('invalid');
    expect(await reasonOf(verifier.verify('not-a-jwt'))).toBe('invalid');
  });

  it('should say expired once exp has passed', async () => {
    const token = await sign(agents.privateKey, {
      iss: agents.issuer,
      sub: 'x',
      exp: Math.floor(Date.now() / 1000) - 5,
    });
    expect(await reasonOf(verifier.verify(token))).toBe('expired');
  });

  it('should say expired when a token verified earlier is used again after its exp', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = await sign(agents.privateKey, { iss: agents.issuer, sub: 'x', exp });
    expect((await verifier.verify(token)).subject).toBe('x');
    const now = jest.spyOn(Date, 'now').mockReturnValue((exp + 1) * 1000);
    try {
      // The first verification is remembered: this answer comes from the times checked again, not from jose.
      expect(await reasonOf(verifier.verify(token))).toBe('expired');
    } finally {
      now.mockRestore();
    }
  });

  it('should refuse a token verified earlier when one character of it changes', async () => {
    const token = await sign(agents.privateKey, { iss: agents.issuer, sub: 'x' });
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    expect(await reasonOf(verifier.verify(`${header}.${payload}.${flipped}`))).toBe('invalid');
  });

  it('should tell people from agents by client when one issuer signs both in', async () => {
    const shared = verifierFor({ OIDC_ISSUER: agents.issuer });
    const person = await sign(agents.privateKey, { iss: agents.issuer, sub: 'p', client_id: 'spie-portal' });
    const agent = await sign(agents.privateKey, { iss: agents.issuer, sub: 'a', client_id: 'spie-console' });
    expect((await shared.verify(person)).kind).toBe('person');
    expect((await shared.verify(agent)).kind).toBe('agent');
  });

  it('should not trust an issuer whose discovery document names another issuer', async () => {
    const liar = await startIssuer({ claimedIssuer: () => 'https://proconnect.example' });
    try {
      const token = await sign(liar.privateKey, { iss: liar.issuer, sub: 'x' });
      expect(await reasonOf(verifierFor({ OIDC_ISSUER: liar.issuer }).verify(token))).toBe('unavailable');
    } finally {
      await liar.close();
    }
  });

  it('should refuse to start without OIDC_ISSUER', () => {
    expect(() => verifierFor({})).toThrow(/OIDC_ISSUER is required/);
  });
});
