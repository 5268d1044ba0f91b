import { randomUUID } from 'node:crypto';

import { ConsentService, HabilitationService } from '@spie/access/data-access';
import { DataCategory } from '@spie/access/domain';
import { buildAgentWithOrganisation, buildPerson, placeInPortfolio } from '@spie/shared/testing';

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const FILE = /* GraphQL */ `
  query File($id: ID!) {
    person(id: $id) {
      id
      identity {
        lastName
      }
      contact {
        email
      }
      households {
        role
      }
    }
  }
`;

interface FileResponse {
  person: {
    id: string;
    identity: { lastName: string } | null;
    contact: unknown;
    households: unknown[];
  } | null;
}

describe('access: need to know, masks, oppositions, habilitations', () => {
  let gateway: TestGateway;
  let adviser: { login: string; organisationId: string };

  beforeAll(async () => {
    gateway = await createTestGateway();
    const { agent, organisation } = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'france_travail_agency',
      roles: ['adviser'],
    });
    adviser = { login: agent.login, organisationId: organisation.id };
  });

  afterAll(async () => {
    await gateway.close();
  });

  async function personInPortfolio(): Promise<string> {
    // A first name of its own: the person's FranceConnect pivot identity must match one record only.
    const person = await buildPerson(gateway.dataSource, {
      lastName: 'Portfolio',
      firstNames: [`Camille${randomUUID().slice(0, 8)}`],
    });
    await placeInPortfolio(gateway.dataSource, {
      personId: person.id,
      organisationId: adviser.organisationId,
    });
    return person.id;
  }

  it('should tell the agent the purposes they may act for, from their roles and their organisation’s habilitations', async () => {
    const both = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'department',
      roles: ['orientation', 'referent', 'admin'],
    });
    const ask = (login: string) =>
      gateway.graphql<{ viewer: { purposes: string[] } }>('{ viewer { purposes } }', {}, { as: login });

    expect((await ask(adviser.login)).data?.viewer.purposes).toEqual(['accompagnement']);
    expect((await ask(both.agent.login)).data?.viewer.purposes).toEqual(['orientation', 'accompagnement']);
  });

  it('should answer not found (null), never forbidden, for a person outside the portfolio', async () => {
    const stranger = await buildPerson(gateway.dataSource, { lastName: 'Inconnu' });
    const response = await gateway.graphql<FileResponse>(FILE, { id: stranger.id }, { as: adviser.login });
    expect(response.errors).toBeUndefined();
    expect(response.data?.person).toBeNull();
  });

  it('should not reveal through a search that a person outside the portfolio exists', async () => {
    const stranger = await buildPerson(gateway.dataSource, { lastName: 'Cachee', birthDate: '1980-01-02' });
    const response = await gateway.graphql<{ searchPersons: Array<{ id: string }> }>(
      '{ searchPersons(input: { lastName: "Cachee", birthDate: "1980-01-02" }) { id } }',
      {},
      { as: adviser.login },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.searchPersons.map((p) => p.id)).not.toContain(stranger.id);
  });

  it('should mask the categories the habilitation does not cover and say why', async () => {
    const id = await personInPortfolio();
    const response = await gateway.graphql<FileResponse>(FILE, { id }, { as: adviser.login });
    expect(response.errors).toBeUndefined();
    expect(response.data?.person?.identity?.lastName).toBe('Portfolio');
    // France Travail's habilitation does not cover the household (CAF data).
    expect(response.data?.person?.households).toEqual([]);
    const extensions = (
      response as unknown as { extensions?: { access?: { purpose: string; masked: unknown[] } } }
    ).extensions;
    expect(extensions?.access?.purpose).toBe('accompagnement');
    expect(extensions?.access?.masked).toEqual([
      expect.objectContaining({
        path: 'person.households',
        category: 'household',
        reason: 'not_habilitated',
      }),
    ]);
  });

  it('should apply an opposition from the next request', async () => {
    const id = await personInPortfolio();
    const before = await gateway.graphql<FileResponse>(FILE, { id }, { as: adviser.login });
    expect(before.data?.person?.contact).not.toBeNull();
    await new ConsentService(gateway.dataSource).record({
      personId: id,
      decision: 'deny',
      categories: [DataCategory.Contact],
      organisationIds: [adviser.organisationId],
      verificationMethod: 'franceconnect',
      verifiedBy: 'allocataire',
    });
    const after = await gateway.graphql<FileResponse>(FILE, { id }, { as: adviser.login });
    expect(after.data?.person?.contact).toBeNull();
    expect(after.data?.person?.identity?.lastName).toBe('Portfolio');
  });

  it('should refuse a purpose the organisation is not habilitated for', async () => {
    const id = await personInPortfolio();
    const response = await gateway.graphql<FileResponse>(
      FILE,
      { id },
      { as: adviser.login, headers: { 'x-spie-purpose': 'orientation' } },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PURPOSE_NOT_HABILITATED',
    });
    expect(response.data?.person ?? null).toBeNull();
  });

  it('should refuse the next request once the habilitation is revoked', async () => {
    const { agent, organisation } = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'mission_locale',
      roles: ['adviser'],
    });
    const person = await buildPerson(gateway.dataSource);
    await placeInPortfolio(gateway.dataSource, { personId: person.id, organisationId: organisation.id });
    const allowed = await gateway.graphql<FileResponse>(FILE, { id: person.id }, { as: agent.login });
    expect(allowed.data?.person?.id).toBe(person.id);
    const habilitations = new HabilitationService(gateway.dataSource);
    for (const row of await habilitations.list(organisation.id))
      await habilitations.revoke(row.id, 'dpo', 'test');
    const refused = await gateway.graphql<FileResponse>(FILE, { id: person.id }, { as: agent.login });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' });
    expect(refused.data?.person ?? null).toBeNull();
  });

  it('should refuse a write on a person outside the portfolio as not found', async () => {
    const stranger = await buildPerson(gateway.dataSource);
    const response = await gateway.graphql(
      `mutation($input: CreateContractInput!) { createContract(input: $input) { id } }`,
      {
        input: {
          personId: stranger.id,
          type: 'ppae',
          startDate: '2026-12-01',
          endDate: '2027-06-01',
          objectives: [],
        },
      },
      { as: adviser.login },
    );
    expect(JSON.stringify(response.errors)).toContain('NOT_FOUND');
  });

  describe('the person: their file, who read it, their choices', () => {
    const ME = /* GraphQL */ `
      query {
        me {
          personId
          person {
            id
            identity {
              lastName
            }
            contact {
              email
            }
          }
          accessLog(first: 5) {
            nodes {
              at
              organisation
              purpose
              categories
              action
            }
          }
          choices {
            code
            kind
            active
            since
          }
        }
      }
    `;
    interface MeOut {
      me: {
        personId: string;
        person: {
          id: string;
          identity: { lastName: string } | null;
          contact: { email: string | null } | null;
        };
        accessLog: {
          nodes: Array<{ at: string; organisation: string; purpose: string; categories: string[] }>;
        };
        choices: Array<{ code: string; kind: string; active: boolean; since: string | null }>;
      };
    }
    const SET = `mutation($code: String!, $active: Boolean!) { setMyChoice(code: $code, active: $active) { code active } }`;
    let personId: string;
    let organisationName: string;
    const asPerson = () => gateway.tokenFor(personId, { kind: 'person' });

    beforeAll(async () => {
      personId = await personInPortfolio();
      [{ name: organisationName }] = await gateway.dataSource.query(
        'SELECT name FROM organisation WHERE id = $1',
        [adviser.organisationId],
      );
    });

    it('should show the person their own file and, at once, the read an adviser made a second earlier', async () => {
      const read = await gateway.graphql<FileResponse>(FILE, { id: personId }, { as: adviser.login });
      expect(read.data?.person?.id).toBe(personId);
      const me = await gateway.graphql<MeOut>(ME, {}, { token: await asPerson() });
      expect(me.errors).toBeUndefined();
      expect(me.data!.me.person).toMatchObject({ id: personId, identity: { lastName: 'Portfolio' } });
      const [latest] = me.data!.me.accessLog.nodes;
      expect(latest).toMatchObject({
        organisation: organisationName,
        purpose: 'Vous accompagner dans votre parcours vers l’emploi',
        categories: expect.arrayContaining(['Identité', 'Coordonnées']),
        action: 'Consultation de votre dossier',
      });
      expect(Date.now() - Date.parse(latest!.at)).toBeLessThan(10_000);
    });

    it('should write exactly one audit entry per person read in a request, and one for the person’s own read', async () => {
      const other = await personInPortfolio();
      const correlationId = randomUUID();
      const response = await gateway.graphql(
        `query($a: ID!, $b: ID!) { a: person(id: $a) { id identity { lastName } } b: person(id: $b) { id contact { email } } again: person(id: $a) { id } }`,
        { a: personId, b: other },
        { as: adviser.login, headers: { 'x-correlation-id': correlationId } },
      );
      expect(response.errors).toBeUndefined();
      const entries: Array<{ person_id: string; outcome: string }> = await gateway.dataSource.query(
        'SELECT person_id, outcome FROM audit_entry WHERE correlation_id = $1 ORDER BY person_id',
        [correlationId],
      );
      expect(entries).toEqual([personId, other].sort().map((id) => ({ person_id: id, outcome: 'allowed' })));
    });

    it('should let the person object to sharing their contact details, effective on the adviser’s next request, and withdraw it', async () => {
      const token = await asPerson();
      const before = await gateway.graphql<MeOut>(ME, {}, { token });
      expect(before.data!.me.choices.find((c) => c.code === 'opposition-coordonnees')).toMatchObject({
        kind: 'OPPOSITION',
        active: false,
        since: null,
      });
      const set = await gateway.graphql(SET, { code: 'opposition-coordonnees', active: true }, { token });
      expect(set.errors).toBeUndefined();
      const masked = await gateway.graphql<FileResponse>(FILE, { id: personId }, { as: adviser.login });
      expect(masked.data?.person?.contact).toBeNull();
      expect(JSON.stringify(masked.extensions)).toContain('"reason":"opposition"');
      // The person still reads their own contact details.
      const mine = await gateway.graphql<MeOut>(ME, {}, { token });
      expect(mine.data!.me.person.contact).not.toBeNull();
      expect(mine.data!.me.choices.find((c) => c.code === 'opposition-coordonnees')?.active).toBe(true);

      await gateway.graphql(SET, { code: 'opposition-coordonnees', active: false }, { token });
      const back = await gateway.graphql<FileResponse>(FILE, { id: personId }, { as: adviser.login });
      expect(back.data?.person?.contact).not.toBeNull();
      const [{ n }] = await gateway.dataSource.query(
        `SELECT count(*)::int AS n FROM consent WHERE person_id = $1 AND status = 'inactive' AND withdrawn_by IS NOT NULL`,
        [personId],
      );
      expect(n).toBe(1);
    });

    it('should refuse an unknown choice, and choices or me to an agent', async () => {
      const unknown = await gateway.graphql(
        SET,
        { code: 'tout-cacher', active: true },
        { token: await asPerson() },
      );
      expect(unknown.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_CHOICE',
      });
      const agent = await gateway.graphql(
        SET,
        { code: 'opposition-coordonnees', active: true },
        { as: adviser.login },
      );
      expect(agent.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });

  describe('habilitations as data', () => {
    const LIST = `query($org: ID) { habilitations(organisationId: $org) { id purpose purposeLabel legalBasis { article url } readCategories revokedAt } }`;
    const REVOKE = `mutation($id: ID!, $reason: String!) { revokeHabilitation(id: $id, reason: $reason) { id revokedAt revokedBy } }`;

    it('should list an organisation’s habilitations to an administrator and revoke one with immediate effect', async () => {
      const admin = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['admin'] });
      const ml = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'mission_locale',
        roles: ['adviser'],
      });
      const person = await buildPerson(gateway.dataSource);
      await placeInPortfolio(gateway.dataSource, { personId: person.id, organisationId: ml.organisation.id });
      expect(
        (await gateway.graphql<FileResponse>(FILE, { id: person.id }, { as: ml.agent.login })).data?.person
          ?.id,
      ).toBe(person.id);
      const listed = await gateway.graphql<{
        habilitations: Array<{
          id: string;
          purpose: string;
          legalBasis: { article: string } | null;
          revokedAt: string | null;
        }>;
      }>(LIST, { org: ml.organisation.id }, { as: admin.agent.login });
      expect(listed.errors).toBeUndefined();
      const [habilitation] = listed.data!.habilitations;
      expect(habilitation).toMatchObject({ purpose: 'accompagnement', revokedAt: null });
      expect(habilitation!.legalBasis?.article).toMatch(/^L\./);

      expect(
        (await gateway.graphql(LIST, { org: ml.organisation.id }, { as: ml.agent.login })).errors?.[0]
          ?.extensions?.['code'],
      ).toBe('FORBIDDEN');
      expect(
        (
          await gateway.graphql(
            REVOKE,
            { id: habilitation!.id, reason: 'convention ended' },
            { as: ml.agent.login },
          )
        ).errors?.[0]?.extensions?.['code'],
      ).toBe('FORBIDDEN');
      const revoked = await gateway.graphql<{ revokeHabilitation: { revokedAt: string; revokedBy: string } }>(
        REVOKE,
        { id: habilitation!.id, reason: 'convention ended' },
        { as: admin.agent.login },
      );
      expect(revoked.data?.revokeHabilitation).toMatchObject({
        revokedBy: admin.agent.login,
        revokedAt: expect.any(String),
      });
      const refused = await gateway.graphql<FileResponse>(FILE, { id: person.id }, { as: ml.agent.login });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(
        (await gateway.graphql(REVOKE, { id: randomUUID(), reason: 'nothing' }, { as: admin.agent.login }))
          .errors?.[0]?.extensions?.['code'],
      ).toBe('NOT_FOUND');
    });
  });
});
