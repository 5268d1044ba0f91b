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

    const DECIDE_APPLIED = /* GraphQL */ `
      mutation Decide($input: DecideCorrectionRequestInput!) {
        decideCorrectionRequest(input: $input) {
          id
          status
          appliedAt
          proposal {
            identityField
            themeCode
            itemKind
            code
            label
            remove
            value
          }
        }
      }
    `;
    const FILE = /* GraphQL */ `
      query File($id: ID!) {
        person(id: $id) {
          identity {
            firstNames
          }
          history {
            field
            newValue
            provenance {
              source
              sourceRef
              observedAt
              recordedBy
            }
          }
          diagnostic {
            version
            themes {
              code
              situations {
                code
                provenance {
                  source
                  sourceRef
                  recordedBy
                }
              }
            }
          }
        }
      }
    `;
    interface FileOut {
      person: {
        identity: { firstNames: string[] };
        history: Array<{
          field: string;
          newValue: string | null;
          provenance: { source: string; sourceRef: string; observedAt: string; recordedBy: string };
        }>;
        diagnostic: {
          version: number;
          themes: Array<{
            code: string;
            situations: Array<{
              code: string;
              provenance: { source: string; sourceRef: string | null; recordedBy: string };
            }>;
          }>;
        } | null;
      } | null;
    }

    it('should write the first names the person stated, with their declaration as source, when the référent accepts', async () => {
      const { person, referent, token } = await followedPerson();
      const asked = await gateway.graphql<{ requestCorrection: { id: string } }>(
        REQUEST,
        {
          input: {
            topic: 'IDENTITY',
            message: 'Mon deuxième prénom s’écrit Marie-Anne.',
            identity: { field: 'firstNames', value: `${person.firstNames[0]} Marie-Anne` },
          },
        },
        { token },
      );
      expect(asked.errors).toBeUndefined();
      const before = await gateway.graphql<FileOut>(FILE, { id: person.id }, { as: referent.agent.login });
      expect(before.data!.person!.identity.firstNames).toEqual(person.firstNames);

      const decided = await gateway.graphql<{
        decideCorrectionRequest: { status: string; appliedAt: string | null; proposal: unknown };
      }>(
        DECIDE_APPLIED,
        { input: { id: asked.data!.requestCorrection.id, accepted: true, comment: 'C’est corrigé.' } },
        { as: referent.agent.login },
      );

      expect(decided.errors).toBeUndefined();
      expect(decided.data!.decideCorrectionRequest).toEqual({
        id: asked.data!.requestCorrection.id,
        status: 'ACCEPTED',
        appliedAt: expect.any(String),
        proposal: {
          identityField: 'firstNames',
          themeCode: null,
          itemKind: null,
          code: null,
          label: null,
          remove: false,
          value: `${person.firstNames[0]} Marie-Anne`,
        },
      });
      const after = await gateway.graphql<FileOut>(FILE, { id: person.id }, { as: referent.agent.login });
      expect(after.data!.person!.identity.firstNames).toEqual([person.firstNames[0], 'Marie-Anne']);
      const change = after.data!.person!.history.find(
        (row) => row.field === 'firstNames' && row.provenance.source === 'person',
      );
      expect(change).toEqual({
        field: 'firstNames',
        newValue: JSON.stringify([person.firstNames[0], 'Marie-Anne']),
        provenance: {
          source: 'person',
          sourceRef: `correction-request:${asked.data!.requestCorrection.id}`,
          observedAt: expect.any(String),
          recordedBy: referent.agent.id,
        },
      });
      // The history keeps the value the file held before (the creation row).
      expect(after.data!.person!.history.filter((row) => row.field === 'firstNames')).toHaveLength(2);
    });

    it('should record a new diagnostic version without the situation the person says is wrong, keeping the other values’ provenance', async () => {
      const { person, referent, token } = await followedPerson();
      const recorded = await gateway.graphql(
        /* GraphQL */ `
          mutation Record($input: RecordDiagnosticInput!) {
            recordDiagnostic(input: $input) {
              version
            }
          }
        `,
        {
          input: {
            personId: person.id,
            projects: [],
            themes: [
              { code: 'logement', situations: ['logement.difficulte_a_payer_le_loyer'] },
              { code: 'mobilite', situations: ['mobilite.aucun_moyen_de_transport_a_disposition'] },
            ],
          },
        },
        { as: referent.agent.login },
      );
      expect(recorded.errors).toBeUndefined();
      const asked = await gateway.graphql<{ requestCorrection: { id: string } }>(
        REQUEST,
        {
          input: {
            topic: 'DIAGNOSTIC',
            message: 'J’ai retrouvé une voiture.',
            diagnostic: {
              themeCode: 'mobilite',
              kind: 'situation',
              code: 'mobilite.aucun_moyen_de_transport_a_disposition',
              remove: true,
            },
          },
        },
        { token },
      );
      expect(asked.errors).toBeUndefined();

      const decided = await gateway.graphql<{
        decideCorrectionRequest: { appliedAt: string | null; proposal: { label: string | null } };
      }>(
        DECIDE_APPLIED,
        { input: { id: asked.data!.requestCorrection.id, accepted: true } },
        { as: referent.agent.login },
      );

      expect(decided.errors).toBeUndefined();
      expect(decided.data!.decideCorrectionRequest.appliedAt).not.toBeNull();
      expect(decided.data!.decideCorrectionRequest.proposal.label).toMatch(/transport/i);
      const after = await gateway.graphql<FileOut>(FILE, { id: person.id }, { as: referent.agent.login });
      const diagnostic = after.data!.person!.diagnostic!;
      expect(diagnostic.version).toBe(2);
      expect(diagnostic.themes.map((theme) => theme.code)).toEqual(['logement']);
      expect(diagnostic.themes[0].situations[0].provenance).toEqual({
        source: 'hub',
        sourceRef: expect.any(String),
        recordedBy: referent.agent.id,
      });
    });

    it('should refuse to apply an identity value for an agent whose habilitation does not write the identity, and leave the request pending', async () => {
      const team = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'department',
        roles: ['orientation'],
      });
      const adviser = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'france_travail_agency',
        roles: ['adviser'],
      });
      const person = await buildPerson(gateway.dataSource);
      await placeInTerritory(gateway.dataSource, { personId: person.id });
      const oriented = await gateway.graphql(
        ORIENT,
        {
          input: {
            personId: person.id,
            type: 'pro',
            structureId: adviser.organisation.id,
            referentAgentId: adviser.agent.id,
          },
        },
        { as: team.agent.login },
      );
      expect(oriented.errors).toBeUndefined();
      const token = await gateway.tokenFor(person.id, { kind: 'person' });
      const asked = await gateway.graphql<{ requestCorrection: { id: string } }>(
        REQUEST,
        {
          input: {
            topic: 'IDENTITY',
            message: 'Je suis née le 2 mars 1990.',
            identity: { field: 'birthDate', value: '1990-03-02' },
          },
        },
        { token },
      );
      expect(asked.errors).toBeUndefined();

      const decided = await gateway.graphql(
        DECIDE_APPLIED,
        { input: { id: asked.data!.requestCorrection.id, accepted: true } },
        { as: adviser.agent.login },
      );

      expect(decided.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const mine = await gateway.graphql<{
        me: { person: { correctionRequests: Array<{ status: string }> } };
      }>(MINE, {}, { token });
      expect(mine.data!.me.person.correctionRequests[0].status).toBe('PENDING');
      const declined = await gateway.graphql(
        DECIDE_APPLIED,
        {
          input: { id: asked.data!.requestCorrection.id, accepted: false, comment: 'Voyez le Département.' },
        },
        { as: adviser.agent.login },
      );
      expect(declined.errors).toBeUndefined();
    });

    it('should refuse a request whose diagnostic item is not in the référentiel', async () => {
      const { token } = await followedPerson();

      const asked = await gateway.graphql(
        REQUEST,
        {
          input: {
            topic: 'DIAGNOSTIC',
            message: 'Ce n’est pas ma situation.',
            diagnostic: {
              themeCode: 'mobilite',
              kind: 'situation',
              code: 'mobilite.nimporte_quoi',
              remove: false,
            },
          },
        },
        { token },
      );

      expect(asked.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
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
