import { buildAgent, buildAgentWithOrganisation, buildPerson, placeInTerritory } from '@spie/shared/testing';

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const NEW_ENTRANTS = /* GraphQL */ `
  query NewEntrants {
    newEntrants(first: 200) {
      daysSinceRightOpened
      rightOpenedOn
      person {
        id
        identity {
          lastName
        }
      }
    }
  }
`;

const PORTFOLIO = /* GraphQL */ `
  query Portfolio {
    portfolio(first: 500) {
      youAreReferent
      person {
        id
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

interface NewEntrantsOut {
  newEntrants: Array<{
    daysSinceRightOpened: number | null;
    rightOpenedOn: string | null;
    person: { id: string; identity: { lastName: string } | null };
  }>;
}

describe('worklists of the console: newEntrants (the orientation queue) and portfolio', () => {
  let gateway: TestGateway;

  /** A person with a household in `department` and a parcours status, the right opened `days` ago. */
  const entrant = async (options: {
    department: string;
    days: number;
    stage?: string;
    subject?: boolean;
  }) => {
    const person = await buildPerson(gateway.dataSource);
    await placeInTerritory(gateway.dataSource, { personId: person.id, departmentCode: options.department });
    await gateway.dataSource.query(
      `INSERT INTO person_parcours_status (person_id, stage, subject_to_rights_and_duties, right_opened_on, computed_at)
       VALUES ($1, $2, $3, current_date - $4::int, now())`,
      [person.id, options.stage ?? 'to_orient', options.subject ?? true, options.days],
    );
    return person;
  };

  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should list the people of its department to orient, oldest right first, with the days since it opened, when the orientation team asks', async () => {
    // A department no other spec fills, so that the people of other specs sharing the database (rights opened long
    // ago) do not push these two out of the first page.
    const team = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'department',
      roles: ['orientation'],
      departmentCode: '048',
    });
    const older = await entrant({ department: '048', days: 900 });
    const newer = await entrant({ department: '048', days: 899 });
    const elsewhere = await entrant({ department: '010', days: 950 });
    const oriented = await entrant({ department: '048', days: 950, stage: 'oriented' });
    const notSubject = await entrant({ department: '048', days: 950, subject: false });
    const mine = new Set([older.id, newer.id, elsewhere.id, oriented.id, notSubject.id]);

    const response = await gateway.graphql<NewEntrantsOut>(NEW_ENTRANTS, {}, { as: team.agent.login });

    expect(response.errors).toBeUndefined();
    const listed = response.data!.newEntrants.filter((row) => mine.has(row.person.id));
    expect(listed.map((row) => [row.person.id, row.daysSinceRightOpened])).toEqual([
      [older.id, 900],
      [newer.id, 899],
    ]);
    expect(listed[0].person.identity?.lastName).toBe(older.lastName);
    expect(listed[0].rightOpenedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('should list nobody outside the portfolio when an adviser of another structure asks', async () => {
    const adviser = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'france_travail_agency',
      roles: ['adviser'],
    });
    const person = await entrant({ department: '052', days: 800 });

    const response = await gateway.graphql<NewEntrantsOut>(NEW_ENTRANTS, {}, { as: adviser.agent.login });

    expect(response.errors).toBeUndefined();
    expect(response.data!.newEntrants.map((row) => row.person.id)).not.toContain(person.id);
  });

  it('should list the people oriented to the agent’s structure, their own first, and no one else, when an adviser asks', async () => {
    const team = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'department',
      roles: ['orientation'],
    });
    const adviser = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'france_travail_agency',
      roles: ['adviser', 'referent'],
    });
    const colleague = await buildAgent(gateway.dataSource, {
      organisationId: adviser.organisation.id,
      roles: ['adviser'],
    });
    const mine = await entrant({ department: '052', days: 20 });
    const colleagues = await entrant({ department: '052', days: 20 });
    const notOriented = await entrant({ department: '052', days: 20 });
    for (const [person, referent] of [
      [mine, adviser.agent],
      [colleagues, colleague],
    ] as const) {
      const oriented = await gateway.graphql(
        ORIENT,
        {
          input: {
            personId: person.id,
            type: 'pro',
            structureId: adviser.organisation.id,
            referentAgentId: referent.id,
          },
        },
        { as: team.agent.login },
      );
      expect(oriented.errors).toBeUndefined();
    }

    const response = await gateway.graphql<{
      portfolio: Array<{ youAreReferent: boolean; person: { id: string } }>;
    }>(PORTFOLIO, {}, { as: adviser.agent.login });

    expect(response.errors).toBeUndefined();
    const ids = [mine.id, colleagues.id, notOriented.id];
    expect(
      response
        .data!.portfolio.filter((row) => ids.includes(row.person.id))
        .map((row) => [row.person.id, row.youAreReferent]),
    ).toEqual([
      [mine.id, true],
      [colleagues.id, false],
    ]);
  });
});
