import { buildAgentWithOrganisation, buildPerson, placeInPortfolio, randomNir } from '@spie/shared/testing';

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const PERSON_QUERY = /* GraphQL */ `
  query Person($id: ID!) {
    person(id: $id) {
      id
      identity {
        lastName
        firstNames
        birthDate
        sex
        hasNir
      }
      identifiers {
        system
        value
      }
      history {
        field
        provenance {
          source
          recordedBy
        }
      }
    }
  }
`;

describe('person queries', () => {
  let gateway: TestGateway;
  let login: string;
  let organisationId: string;

  beforeAll(async () => {
    gateway = await createTestGateway();
    const { agent, organisation } = await buildAgentWithOrganisation(gateway.dataSource, {
      roles: ['orientation'],
    });
    login = agent.login;
    organisationId = organisation.id;
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should refuse the call when no bearer token is sent', async () => {
    const response = await gateway.graphql('{ viewer { agent { name } } }', {}, { as: null });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('should refuse the call when the token is signed with another key', async () => {
    const forged = (await gateway.tokenFor(login)).replace(/\.[^.]+$/, '.c2lnbmF0dXJlLWZvcmdlZA');
    const response = await gateway.graphql('{ viewer { agent { name } } }', {}, { token: forged });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('should return the person with identity and history when asked by id', async () => {
    const person = await buildPerson(gateway.dataSource, {
      lastName: 'Dupont',
      firstNames: ['Jean', 'Paul'],
      nir: randomNir(13),
    });
    await placeInPortfolio(gateway.dataSource, { personId: person.id, organisationId });
    const response = await gateway.graphql<{
      person: { identity: Record<string, unknown>; history: Array<{ field: string }> };
    }>(PERSON_QUERY, { id: person.id }, { as: login });
    expect(response.errors).toBeUndefined();
    expect(response.data?.person.identity).toEqual({
      lastName: 'Dupont',
      firstNames: ['Jean', 'Paul'],
      birthDate: '1990-04-12',
      sex: 'F',
      hasNir: true,
    });
    expect(response.data?.person.history.map((row) => row.field).sort()).toEqual(
      ['birthDate', 'firstNames', 'lastName', 'nir', 'sex'].sort(),
    );
  });

  it('should find a person by a 15-character NIR when the CAF sent 13', async () => {
    const nir = randomNir(15);
    const person = await buildPerson(gateway.dataSource, { nir: nir.slice(0, 13) });
    await placeInPortfolio(gateway.dataSource, { personId: person.id, organisationId });
    const spaced = `${nir.slice(0, 1)} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} ${nir.slice(7, 10)} ${nir.slice(10, 13)} ${nir.slice(13)}`;
    const response = await gateway.graphql<{ searchPersons: Array<{ id: string }> }>(
      'query($nir: String) { searchPersons(input: { nir: $nir }) { id } }',
      { nir: spaced },
      { as: login },
    );
    expect(response.data?.searchPersons).toEqual([{ id: person.id }]);
  });

  it('should answer BAD_USER_INPUT with the field when an input is invalid', async () => {
    const response = await gateway.graphql(
      '{ searchPersons(input: { lastName: "Dupont", birthDate: "12/04/1990" }) { id } }',
      {},
      { as: login },
    );
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors?.[0]?.extensions?.['invalidFields'])).toContain('birthDate');
  });

  it('should refuse a search that is too broad', async () => {
    const response = await gateway.graphql(
      '{ searchPersons(input: { lastName: "Dupont" }) { id } }',
      {},
      { as: login },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SEARCH_TOO_BROAD',
    });
  });
});
