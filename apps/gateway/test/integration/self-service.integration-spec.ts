import { buildAgentWithOrganisation, buildPerson, placeInTerritory } from '@spie/shared/testing';

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

  describe('correction requests', () => {
    const REQUEST = /* GraphQL */ `
      mutation Request($input: RequestCorrectionInput!) {
        requestCorrection(input: $input) {
          id
          status
        }
      }
    `;
    const DECIDE = /* GraphQL */ `
      mutation Decide($input: DecideCorrectionRequestInput!) {
        decideCorrectionRequest(input: $input) {
          id
          status
          comment
          decidedAt
        }
      }
    `;
    const MINE = /* GraphQL */ `
      query Mine {
        me {
          person {
            correctionRequests {
              id
              topic
              message
              status
              comment
            }
          }
        }
      }
    `;
    const ORIENT = /* GraphQL */ `
      mutation Orient($input: OrientPersonInput!) {
        orientPerson(input: $input) {
          id
        }
      }
    `;

    /** A person oriented to a department's référent (so in the référent's portfolio), with their token. */
    const followedPerson = async () => {
      const team = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'department',
        roles: ['orientation'],
      });
      const referent = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'department',
        roles: ['referent'],
      });
      const person = await buildPerson(gateway.dataSource);
      await placeInTerritory(gateway.dataSource, { personId: person.id });
      const oriented = await gateway.graphql(
        ORIENT,
        {
          input: {
            personId: person.id,
            type: 'social',
            structureId: referent.organisation.id,
            referentAgentId: referent.agent.id,
          },
        },
        { as: team.agent.login },
      );
      expect(oriented.errors).toBeUndefined();
      return { person, referent, token: await gateway.tokenFor(person.id, { kind: 'person' }) };
    };

    it('should show the person the référent’s answer once the référent accepts their request', async () => {
      const { referent, token } = await followedPerson();
      const asked = await gateway.graphql<{ requestCorrection: { id: string; status: string } }>(
        REQUEST,
        { input: { topic: 'IDENTITY', message: 'Mon prénom est Anne-Marie, pas Anne.' } },
        { token },
      );
      expect(asked.errors).toBeUndefined();
      expect(asked.data!.requestCorrection.status).toBe('PENDING');

      const decided = await gateway.graphql<{ decideCorrectionRequest: { status: string; comment: string } }>(
        DECIDE,
        { input: { id: asked.data!.requestCorrection.id, accepted: true, comment: 'Corrigé.' } },
        { as: referent.agent.login },
      );
      expect(decided.errors).toBeUndefined();

      const mine = await gateway.graphql<{
        me: {
          person: {
            correctionRequests: Array<{ topic: string; message: string; status: string; comment: string }>;
          };
        };
      }>(MINE, {}, { token });
      expect(mine.data!.me.person.correctionRequests).toEqual([
        expect.objectContaining({
          topic: 'IDENTITY',
          message: 'Mon prénom est Anne-Marie, pas Anne.',
          status: 'ACCEPTED',
          comment: 'Corrigé.',
        }),
      ]);

      const again = await gateway.graphql(
        DECIDE,
        { input: { id: asked.data!.requestCorrection.id, accepted: false } },
        { as: referent.agent.login },
      );
      expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    });

    it('should answer NOT_FOUND when an agent outside the person’s portfolio decides', async () => {
      const { token } = await followedPerson();
      const stranger = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'france_travail_agency',
        roles: ['adviser'],
      });
      const asked = await gateway.graphql<{ requestCorrection: { id: string } }>(
        REQUEST,
        { input: { topic: 'DIAGNOSTIC', message: 'Je n’ai plus de problème de logement.' } },
        { token },
      );

      const decided = await gateway.graphql(
        DECIDE,
        { input: { id: asked.data!.requestCorrection.id, accepted: true } },
        { as: stranger.agent.login },
      );

      expect(decided.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    });
  });
});
