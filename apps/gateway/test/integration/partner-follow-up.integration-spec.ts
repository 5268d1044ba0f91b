import { emptyFollowUpFacts } from '@spie/orientation/domain';
import { recordPartnerActions, recordPartnerFollowUps } from '@spie/orientation/data-access';
import {
  buildAgentWithOrganisation,
  buildPerson as buildBarePerson,
  placeInTerritory,
} from '@spie/shared/testing';

/** A person the orientation team may see: a new entrant of department 052's territory. */
const buildPerson: typeof buildBarePerson = async (dataSource, overrides) => {
  const person = await buildBarePerson(dataSource, overrides);
  await placeInTerritory(dataSource, { personId: person.id });
  return person;
};

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const READ = /* GraphQL */ `
  query Read($id: ID!) {
    person(id: $id) {
      partnerFollowUps {
        partner
        kind
        structureCode
        accompanimentMode
        referent {
          lastName
          email
        }
        startOn
        workAxes
        provenance {
          source
          sourceRef
        }
      }
      partnerActions {
        code
        label
        themeCode
        status
        prescribedOn
        doneOn
        provenance {
          source
        }
      }
    }
  }
`;

interface Read {
  person: {
    partnerFollowUps: Array<Record<string, unknown>>;
    partnerActions: Array<Record<string, unknown>>;
  };
}

describe('partner follow-ups on the person', () => {
  let gateway: TestGateway;
  let login: string;

  beforeAll(async () => {
    gateway = await createTestGateway();
    login = (await buildAgentWithOrganisation(gateway.dataSource, { roles: ['orientation'] })).agent.login;
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should read the current follow-ups and the actions partners stated when a person has them', async () => {
    const person = await buildPerson(gateway.dataSource);
    const provenance = (sourceRef: string, day: string) => ({
      source: 'france_travail' as const,
      sourceRef,
      observedAt: new Date(`${day}T00:00:00Z`),
      recordedAt: new Date(),
      recordedBy: 'test',
    });
    const facts = {
      ...emptyFollowUpFacts(),
      structureCode: '52011',
      accompanimentMode: 'GUIDE',
      referent: { civility: 'Mme', lastName: 'DURAND', firstName: 'Claire', email: 'c.durand@ft.invalid' },
      startOn: '2026-01-05',
      workAxes: ['TECHNIQ. RECH. EMPL.'],
    };
    const followUp = { personId: person.id, partner: 'france_travail' as const, kind: 'ppae' as const };
    await recordPartnerFollowUps(
      gateway.dataSource.manager,
      [{ ...followUp, facts }],
      provenance('b1', '2026-01-31'),
    );
    await recordPartnerFollowUps(
      gateway.dataSource.manager,
      [{ ...followUp, facts: { ...facts, accompanimentMode: 'RENFORCE' } }],
      provenance('b2', '2026-02-28'),
    );
    const action = {
      personId: person.id,
      partner: 'france_travail' as const,
      themeCode: 'emploi',
      plannedStartOn: null,
      startOn: null,
      endOn: null,
      trainingObjective: null,
      training: null,
      communeCode: null,
    };
    await recordPartnerActions(
      gateway.dataSource.manager,
      [
        { ...action, code: 'A14', label: 'ATELIER', prescribedOn: '2026-01-10', doneOn: '2026-01-12' },
        { ...action, code: 'XXX', label: 'PRESTATION', prescribedOn: '2026-02-10', doneOn: null },
      ],
      provenance('b3', '2026-02-28'),
    );

    const response = await gateway.graphql<Read>(READ, { id: person.id }, { as: login });
    expect(response.errors).toBeUndefined();
    expect(response.data?.person.partnerFollowUps).toEqual([
      {
        partner: 'france_travail',
        kind: 'ppae',
        structureCode: '52011',
        accompanimentMode: 'RENFORCE',
        referent: { lastName: 'DURAND', email: 'c.durand@ft.invalid' },
        startOn: '2026-01-05',
        workAxes: ['TECHNIQ. RECH. EMPL.'],
        provenance: { source: 'france_travail', sourceRef: 'b2' },
      },
    ]);
    expect(response.data?.person.partnerActions).toEqual([
      {
        code: 'XXX',
        label: 'PRESTATION',
        themeCode: 'emploi',
        status: 'prescribed',
        prescribedOn: '2026-02-10',
        doneOn: null,
        provenance: { source: 'france_travail' },
      },
      {
        code: 'A14',
        label: 'ATELIER',
        themeCode: 'emploi',
        status: 'realised',
        prescribedOn: '2026-01-10',
        doneOn: '2026-01-12',
        provenance: { source: 'france_travail' },
      },
    ]);
  });
});
