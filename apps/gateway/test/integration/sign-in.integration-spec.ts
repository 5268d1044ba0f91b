import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';

import { ActorAuthenticator, InvalidTokenError } from '@spie/platform/auth';
import { AgentEntity } from '@spie/organisation/data-access';
import { buildAgent, buildAgentWithOrganisation, buildOrganisation, buildPerson } from '@spie/shared/testing';

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const VIEWER = '{ viewer { agent { name } organisation { name } } }';
const PROCONNECT_2FA = 'https://proconnect.gouv.fr/assurance/self-asserted-2fa';

function errorOf(response: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) {
  const [error] = response.errors ?? [];
  return { code: error?.extensions?.['code'], message: error?.message };
}

/** A token whose payload is changed after signing (the signature is kept). */
function altered(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...changes };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('sign-in with the local OpenID provider', () => {
  let gateway: TestGateway;
  let login: string;

  beforeAll(async () => {
    gateway = await createTestGateway();
    login = (await buildAgentWithOrganisation(gateway.dataSource, { roles: ['orientation'] })).agent.login;
  });

  afterAll(async () => {
    await gateway.close();
  });

  const accountsOf = (personId: string): Promise<Array<{ issuer: string; subject: string }>> =>
    gateway.dataSource.query('SELECT issuer, subject FROM person_account WHERE person_id = $1', [personId]);

  describe('agents', () => {
    it('should accept a token of the local provider and name the agent', async () => {
      const token = await gateway.tokenFor(login);
      expect(decodeJwt(token)).toMatchObject({
        iss: process.env['OIDC_ISSUER'],
        aud: 'urn:spie-hub:gateway',
        sub: login,
        client_id: 'spie-console',
      });
      const response = await gateway.graphql<{ viewer: { agent: { name: string } } }>(VIEWER, {}, { token });
      expect(response.errors).toBeUndefined();
      expect(response.data?.viewer.agent.name).toMatch(/^Camille /);
    });

    it('should give eidas1 without the one-time code, and a two-factor acr with it', async () => {
      const authenticator = gateway.app.get(ActorAuthenticator);
      const one = await authenticator.authenticate(await gateway.tokenFor(login));
      expect(one).toMatchObject({ kind: 'agent', login, acr: 'eidas1', twoFactor: false });
      const two = await authenticator.authenticate(await gateway.tokenFor(login, { acr: '2fa' }));
      expect(two).toMatchObject({ acr: PROCONNECT_2FA, twoFactor: true, issuer: process.env['OIDC_ISSUER'] });
    });

    it('should answer UNAUTHENTICATED "Token expired" once the token has expired', async () => {
      const token = await gateway.tokenFor(login, { ttlSeconds: 1 });
      expect((await gateway.graphql(VIEWER, {}, { token })).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(errorOf(await gateway.graphql(VIEWER, {}, { token }))).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Token expired',
      });
    });

    it('should refuse a token signed with another key under the provider’s key id', async () => {
      const genuine = await gateway.tokenFor(login);
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT(decodeJwt(genuine))
        .setProtectedHeader(decodeProtectedHeader(genuine) as { alg: string })
        .sign(privateKey);
      expect(errorOf(await gateway.graphql(VIEWER, {}, { token: forged }))).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Token invalid',
      });
    });

    it('should refuse a genuine token whose payload was altered (another agent, a two-factor acr)', async () => {
      const other = (await buildAgentWithOrganisation(gateway.dataSource, { roles: ['admin'] })).agent.login;
      const genuine = await gateway.tokenFor(login);
      for (const token of [altered(genuine, { sub: other }), altered(genuine, { acr: PROCONNECT_2FA })])
        expect(errorOf(await gateway.graphql(VIEWER, {}, { token }))).toEqual({
          code: 'UNAUTHENTICATED',
          message: 'Token invalid',
        });
    });

    it('should refuse a shared-secret token that claims to be the provider’s', async () => {
      const genuine = await gateway.tokenFor(login);
      const forged = await new SignJWT(decodeJwt(genuine))
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: decodeProtectedHeader(genuine).kid })
        .sign(new TextEncoder().encode('a shared secret of at least 32 bytes'));
      expect(errorOf(await gateway.graphql(VIEWER, {}, { token: forged })).message).toBe('Token invalid');
    });

    it('should refuse a token for another audience', async () => {
      const token = await gateway.tokenFor(login);
      const elsewhere = await createTestGateway({ env: { OIDC_AUDIENCE: 'urn:spie-hub:elsewhere' } });
      try {
        expect(errorOf(await elsewhere.graphql(VIEWER, {}, { token }))).toEqual({
          code: 'UNAUTHENTICATED',
          message: 'Token invalid',
        });
      } finally {
        await elsewhere.close();
      }
    });

    it('should refuse an agent at the people’s client', async () => {
      await expect(gateway.tokenFor(login, { kind: 'person' })).rejects.toThrow(/No person account/);
    });
  });

  describe('agents of an issuer that does not name them by login (ProConnect)', () => {
    let proconnect: TestGateway;

    beforeAll(async () => {
      proconnect = await createTestGateway({ env: { OIDC_SUBJECT_IS_LOGIN: 'false' } });
    });

    afterAll(async () => {
      await proconnect.close();
    });

    it('should find the agent by e-mail with their organisation’s SIRET, then by the subject it links', async () => {
      const organisation = await buildOrganisation(gateway.dataSource, { siret: randomSiret() });
      const agent = await buildAgent(gateway.dataSource, {
        organisationId: organisation.id,
        email: `Agent.${Date.now()}@Example.invalid`,
      });
      const response = await proconnect.graphql(VIEWER, {}, { as: agent.login });
      expect(response.errors).toBeUndefined();
      const linked = await gateway.dataSource.getRepository(AgentEntity).findOneByOrFail({ id: agent.id });
      expect(linked.oidcSubject).toBe(agent.login);
      // Linked: a change of e-mail no longer matters.
      await gateway.dataSource
        .getRepository(AgentEntity)
        .update(agent.id, { email: 'changed@example.invalid' });
      expect(
        (await proconnect.graphql(VIEWER, {}, { token: await proconnect.tokenFor(agent.login) })).errors,
      ).toBeUndefined();
    });

    it('should refuse an agent whose organisation has no SIRET, or who has no e-mail', async () => {
      const noSiret = await buildAgentWithOrganisation(gateway.dataSource);
      await gateway.dataSource
        .getRepository(AgentEntity)
        .update(noSiret.agent.id, { email: `nosiret.${Date.now()}@example.invalid` });
      const organisation = await buildOrganisation(gateway.dataSource, { siret: randomSiret() });
      const noEmail = await buildAgent(gateway.dataSource, { organisationId: organisation.id });
      for (const agent of [noSiret.agent, noEmail])
        expect(errorOf(await proconnect.graphql(VIEWER, {}, { as: agent.login })).message).toBe(
          'Token invalid',
        );
    });
  });

  describe('people', () => {
    it('should map a person’s token to their record by pivot identity, link the account, and keep agents’ queries closed', async () => {
      const person = await buildPerson(gateway.dataSource, {
        lastName: 'Thomas',
        birthName: 'Vautrin',
        firstNames: ['Aurélie', 'Marie'],
        birthDate: '1979-02-03',
        sex: 'F',
      });
      const token = await gateway.tokenFor(person.id, { kind: 'person' });
      expect(decodeJwt(token)).toMatchObject({
        client_id: 'spie-portal',
        family_name: 'Vautrin',
        given_name: 'Aurélie Marie',
        birthdate: '1979-02-03',
        gender: 'female',
        acr: 'eidas1',
      });
      const actor = await gateway.app.get(ActorAuthenticator).authenticate(token);
      expect(actor).toMatchObject({ kind: 'person', id: person.id, acr: 'eidas1', twoFactor: false });
      expect(await accountsOf(person.id)).toEqual([
        { issuer: process.env['OIDC_ISSUER'], subject: person.id },
      ]);
      const viewer = await gateway.graphql(VIEWER, {}, { token });
      expect(errorOf(viewer).code).toBe('FORBIDDEN');
    });

    it('should give eidas2 to a person who typed the one-time code', async () => {
      const person = await buildPerson(gateway.dataSource, { birthDate: '1981-05-06' });
      const actor = await gateway.app
        .get(ActorAuthenticator)
        .authenticate(await gateway.tokenFor(person.id, { kind: 'person', acr: '2fa' }));
      expect(actor).toMatchObject({ kind: 'person', id: person.id, acr: 'eidas2', twoFactor: true });
    });

    it('should refuse a person whose pivot identity matches two records', async () => {
      const identity = {
        lastName: `Double${Date.now()}`,
        firstNames: ['Inès'],
        birthDate: '1990-07-08',
        sex: 'F' as const,
      };
      const first = await buildPerson(gateway.dataSource, identity);
      await buildPerson(gateway.dataSource, identity);
      const token = await gateway.tokenFor(first.id, { kind: 'person' });
      const error = await gateway.app
        .get(ActorAuthenticator)
        .authenticate(token)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect(await accountsOf(first.id)).toEqual([]);
    });
  });

  describe('the browser sign-in page', () => {
    it('should refuse a wrong one-time code and let the account in with the right one', async () => {
      const issuer = process.env['OIDC_ISSUER'] as string;
      const browser = new Browser();
      let response = await browser.get(`${issuer}/demo/sign-in?as=agent`);
      while (response.status === 303)
        response = await browser.get(response.headers.get('location') as string, issuer);
      expect(response.status).toBe(200);
      const page = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1] as string;
      expect(action).toMatch(/^\/interaction\/[\w-]+\/login$/);
      const wrong = await browser.post(`${issuer}${action}`, { login, otp: '000000' });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('Wrong one-time code');
      response = await browser.post(`${issuer}${action}`, { login, otp: '123456' });
      while (response.status === 303)
        response = await browser.get(response.headers.get('location') as string, issuer);
      expect(response.status).toBe(200);
      const html = await response.text();
      const token = /<pre id="access-token">([^<]+)<\/pre>/.exec(html)?.[1] as string;
      expect(decodeJwt(token)).toMatchObject({ sub: login, acr: PROCONNECT_2FA, amr: ['mfa', 'otp'] });
      expect((await gateway.graphql(VIEWER, {}, { token })).errors).toBeUndefined();
    });
  });
});

let siretSequence = 0;
/** A SIRET no other test uses (14 digits; the hub does not check the Luhn key). */
function randomSiret(): string {
  siretSequence += 1;
  return `9${String(Date.now()).slice(-9)}${String(siretSequence).padStart(4, '0')}`;
}

/** fetch without automatic redirects, keeping cookies like a browser for one site. */
class Browser {
  private readonly cookies = new Map<string, string>();

  get(url: string, base?: string): Promise<Response> {
    return this.send(new URL(url, base), { method: 'GET' });
  }

  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(new URL(url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  private async send(url: URL, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      if (index > 0) this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }
}
