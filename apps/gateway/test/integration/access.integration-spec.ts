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
    const person = await buildPerson(gateway.dataSource, { lastName: 'Portfolio' });
    await placeInPortfolio(gateway.dataSource, {
      personId: person.id,
      organisationId: adviser.organisationId,
    });
    return person.id;
  }

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
});
