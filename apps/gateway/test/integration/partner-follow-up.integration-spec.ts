import { emptyFollowUpFacts } from '@spie/orientation/domain';
import {
  recordAppointment,
  recordPartnerActions,
  recordPartnerFollowUps,
} from '@spie/orientation/data-access';
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

  describe('appointments', () => {
    const APPOINTMENTS = /* GraphQL */ `
      query Appointments($id: ID!) {
        person(id: $id) {
          all: appointments {
            startsAt
            status
            upcoming
          }
          next: appointments(upcoming: true) {
            startsAt
            kind
            place
            withWhom
            status
            structure {
              name
            }
            provenance {
              source
              sourceRef
            }
          }
        }
      }
    `;
    interface AppointmentsOut {
      person: {
        all: Array<{ startsAt: string; status: string; upcoming: boolean }>;
        next: Array<Record<string, unknown>>;
      };
    }
    const facts = (startsAt: Date, status: 'planned' | 'present') => ({
      startsAt: startsAt.toISOString(),
      endsAt: null,
      kind: 'Entretien individuel',
      subject: 'Point CEJ',
      place: 'Antenne de Langres',
      withWhom: 'Camille Durand',
      status,
    });
    const record = async (
      personId: string,
      externalId: string,
      startsAt: Date,
      status: 'planned' | 'present',
    ) =>
      // The writer runs in the caller's transaction, as the import chunk's.
      gateway.dataSource.transaction((manager) =>
        recordAppointment(
          manager,
          { personId, partner: 'mission_locale', externalId, facts: facts(startsAt, status) },
          {
            source: 'mission_locale',
            sourceRef: `batch-${externalId}`,
            observedAt: new Date(),
            recordedAt: new Date(),
            recordedBy: 'connector:mission-locale',
          },
        ),
      );

    it('should list the appointments the soonest first and the upcoming ones apart, with their provenance', async () => {
      const person = await buildPerson(gateway.dataSource);
      const day = 24 * 3600 * 1000;
      const past = new Date(Date.now() - 10 * day);
      const soon = new Date(Date.now() + 3 * day);
      expect(await record(person.id, `past-${person.id}`, past, 'present')).toBe('created');
      expect(await record(person.id, `soon-${person.id}`, soon, 'planned')).toBe('created');
      expect(await record(person.id, `soon-${person.id}`, soon, 'planned')).toBe('unchanged');

      const response = await gateway.graphql<AppointmentsOut>(APPOINTMENTS, { id: person.id }, { as: login });

      expect(response.errors).toBeUndefined();
      expect(response.data!.person.all).toEqual([
        { startsAt: past.toISOString(), status: 'present', upcoming: false },
        { startsAt: soon.toISOString(), status: 'planned', upcoming: true },
      ]);
      expect(response.data!.person.next).toEqual([
        {
          startsAt: soon.toISOString(),
          kind: 'Entretien individuel',
          place: 'Antenne de Langres',
          withWhom: 'Camille Durand',
          status: 'planned',
          structure: null,
          provenance: { source: 'mission_locale', sourceRef: `batch-soon-${person.id}` },
        },
      ]);
    });

    it('should mask the appointments, and say why, when the person objects to sharing them', async () => {
      const person = await buildPerson(gateway.dataSource);
      await record(person.id, `objected-${person.id}`, new Date(Date.now() + 86_400_000), 'planned');
      const token = await gateway.tokenFor(person.id, { kind: 'person' });
      const set = await gateway.graphql(
        `mutation { setMyChoice(code: "opposition-rendez-vous", active: true) { code active } }`,
        {},
        { token },
      );
      expect(set.errors).toBeUndefined();

      const response = await gateway.graphql<AppointmentsOut>(APPOINTMENTS, { id: person.id }, { as: login });

      expect(response.data!.person.next).toEqual([]);
      const masked = (
        response.extensions?.['access'] as { masked: Array<{ path: string; category: string }> }
      ).masked;
      expect(masked).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'person.next', category: 'appointments' })]),
      );
      // The person still sees their own appointments.
      const mine = await gateway.graphql<{ me: { person: { appointments: Array<{ place: string }> } } }>(
        `query { me { person { appointments(upcoming: true) { place } } } }`,
        {},
        { token },
      );
      expect(mine.data!.me.person.appointments).toEqual([{ place: 'Antenne de Langres' }]);
    });
  });
});
