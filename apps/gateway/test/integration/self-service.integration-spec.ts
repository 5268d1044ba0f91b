import { buildAgentWithOrganisation, buildPerson } from '@spie/shared/testing';

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateMyContactInput!) {
    updateMyContact(input: $input) {
      changed
    }
  }
`;

const MY_CONTACT = /* GraphQL */ `
  query Mine {
    me {
      person {
        contact {
          email
          phone
          address {
            lines
            postalCode
            city
          }
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
  }
`;

interface MineOut {
  me: {
    person: {
      contact: {
        email: string | null;
        phone: string | null;
        address: { lines: string[]; postalCode: string | null; city: string | null } | null;
      } | null;
      history: Array<{ field: string; provenance: { source: string; recordedBy: string } }>;
    } | null;
  };
}

describe('updateMyContact: the person corrects their contact details from the portal', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should apply the new phone and address at once and record the person as their source', async () => {
    const person = await buildPerson(gateway.dataSource);
    const token = await gateway.tokenFor(person.id, { kind: 'person' });

    const response = await gateway.graphql<{ updateMyContact: { changed: string[] } }>(
      UPDATE,
      {
        input: {
          phone: '06 12 34 56 78',
          address: { lines: ['3 rue des Lilas'], postalCode: '52000', city: 'Chaumont' },
        },
      },
      { token },
    );

    expect(response.errors).toBeUndefined();
    expect(response.data!.updateMyContact.changed.sort()).toEqual(['address', 'phone']);
    const mine = await gateway.graphql<MineOut>(MY_CONTACT, {}, { token });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.me.person!.contact).toEqual({
      email: person.email,
      phone: '0612345678',
      address: { lines: ['3 rue des Lilas'], postalCode: '52000', city: 'Chaumont' },
    });
    const phoneChange = mine.data!.me.person!.history.find((change) => change.field === 'phone');
    expect(phoneChange?.provenance).toEqual({ source: 'person', recordedBy: 'person' });
  });

  it('should refuse an invalid phone number and change nothing', async () => {
    const person = await buildPerson(gateway.dataSource);
    const token = await gateway.tokenFor(person.id, { kind: 'person' });

    const response = await gateway.graphql(UPDATE, { input: { phone: 'call me maybe' } }, { token });

    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const mine = await gateway.graphql<MineOut>(MY_CONTACT, {}, { token });
    expect(mine.data!.me.person!.contact?.phone).toBe(person.phone);
  });

  it('should answer FORBIDDEN when an agent calls it', async () => {
    const { agent } = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['referent'] });

    const response = await gateway.graphql(UPDATE, { input: { phone: '0612345678' } }, { as: agent.login });

    expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
