import { randomUUID } from 'node:crypto';

import type { AgentEntity, OrganisationEntity } from '@spie/organisation/data-access';
import { OrientationEntity } from '@spie/orientation/data-access';
import { JobName, JobQueueService } from '@spie/platform/queue';
import {
  buildAgent,
  buildAgentWithOrganisation,
  buildOrganisation,
  buildPerson as buildBarePerson,
  placeInTerritory,
} from '@spie/shared/testing';

/** A person the orientation team may see: a new entrant of department 052's territory. */
const buildPerson: typeof buildBarePerson = async (dataSource, overrides) => {
  const person = await buildBarePerson(dataSource, overrides);
  await placeInTerritory(dataSource, { personId: person.id });
  return person;
};

import { createTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway';

const ORIENTATION_FIELDS = /* GraphQL */ `
  id
  type
  typeLabel
  structure { id name type }
  referent { id name organisationId }
  decidedAt
  decidedBy { id }
  reason
  supersededAt
  provenance { source sourceRef recordedBy }
`;

const ORIENT = /* GraphQL */ `
  mutation Orient($input: OrientPersonInput!) {
    orientPerson(input: $input) { ${ORIENTATION_FIELDS} }
  }
`;

const READ = /* GraphQL */ `
  query Read($id: ID!) {
    person(id: $id) {
      id
      orientation { ${ORIENTATION_FIELDS} }
      orientationHistory { id type supersededAt structure { id } referent { id } }
    }
  }
`;

interface OrientationOut {
  id: string;
  type: string;
  typeLabel: string | null;
  structure: { id: string; name: string; type: string };
  referent: { id: string; name: string; organisationId: string } | null;
  decidedAt: string;
  decidedBy: { id: string } | null;
  reason: string | null;
  supersededAt: string | null;
  provenance: { source: string; sourceRef: string | null; recordedBy: string };
}

interface HistoryOut {
  id: string;
  type: string;
  supersededAt: string | null;
  structure: { id: string };
  referent: { id: string } | null;
}

describe('orientation', () => {
  let gateway: TestGateway;
  let decider: { organisation: OrganisationEntity; agent: AgentEntity };
  let agency: OrganisationEntity;
  let agencyReferent: AgentEntity;
  let association: OrganisationEntity;
  let associationReferent: AgentEntity;

  const orient = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    gateway.graphql<{ orientPerson: OrientationOut }>(
      ORIENT,
      { input },
      { as: decider.agent.login, headers },
    );
  const read = (id: string) =>
    gateway.graphql<{
      person: { id: string; orientation: OrientationOut | null; orientationHistory: HistoryOut[] };
    }>(READ, { id }, { as: decider.agent.login });
  const reasonOf = (response: GraphQLResponse<unknown>) => ({
    code: response.errors?.[0]?.extensions?.['code'],
    reason: response.errors?.[0]?.extensions?.['reason'],
  });

  beforeAll(async () => {
    gateway = await createTestGateway();
    decider = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'department',
      roles: ['orientation'],
    });
    agency = await buildOrganisation(gateway.dataSource, {
      type: 'france_travail_agency',
      name: 'Agence France Travail Chaumont',
    });
    agencyReferent = await buildAgent(gateway.dataSource, {
      organisationId: agency.id,
      givenName: 'Nadia',
      usualName: 'Benali',
    });
    association = await buildOrganisation(gateway.dataSource, {
      type: 'association',
      name: 'Association Tremplin',
    });
    associationReferent = await buildAgent(gateway.dataSource, {
      organisationId: association.id,
      givenName: 'Paul',
      usualName: 'Henry',
    });
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should orient the person and read back the structure and the référent when a department agent decides', async () => {
    const person = await buildPerson(gateway.dataSource);
    const correlationId = `orient-${randomUUID()}`;
    const response = await orient(
      {
        personId: person.id,
        type: 'socio_pro',
        structureId: agency.id,
        referentAgentId: agencyReferent.id,
        reason: 'Projet professionnel et difficultés de logement',
        decidedAt: '2026-03-02T09:00:00.000Z',
      },
      { 'x-correlation-id': correlationId },
    );
    expect(response.errors).toBeUndefined();
    const created = response.data!.orientPerson;
    expect(created).toEqual({
      id: expect.any(String),
      type: 'socio_pro',
      typeLabel: 'Socio-professionnel',
      structure: { id: agency.id, name: 'Agence France Travail Chaumont', type: 'france_travail_agency' },
      referent: {
        id: agencyReferent.id,
        name: `Nadia ${agencyReferent.usualName}`,
        organisationId: agency.id,
      },
      decidedAt: '2026-03-02T09:00:00.000Z',
      decidedBy: { id: decider.agent.id },
      reason: 'Projet professionnel et difficultés de logement',
      supersededAt: null,
      provenance: { source: 'hub', sourceRef: correlationId, recordedBy: decider.agent.id },
    });

    const read1 = await read(person.id);
    expect(read1.errors).toBeUndefined();
    expect(read1.data?.person.orientation).toEqual(created);
    expect(read1.data?.person.orientationHistory.map((row) => row.id)).toEqual([created.id]);
  });

  it('should enqueue the parcours recompute with the actor and the correlation id when a person is oriented', async () => {
    const person = await buildPerson(gateway.dataSource);
    const correlationId = `orient-${randomUUID()}`;
    const response = await orient(
      { personId: person.id, type: 'pro', structureId: agency.id },
      { 'x-correlation-id': correlationId },
    );
    expect(response.errors).toBeUndefined();

    const queue = gateway.app.get(JobQueueService).queue(JobName.RecomputeParcoursStatus);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
    const mine = jobs.filter((job) => job?.data?.personId === person.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.name).toBe(JobName.RecomputeParcoursStatus);
    expect(mine[0]?.data).toEqual({
      personId: person.id,
      reason: 'orientation',
      correlationId,
      actor: {
        kind: 'agent',
        id: decider.agent.id,
        login: decider.agent.login,
        organisationId: decider.organisation.id,
      },
    });
    expect(mine[0]?.opts.deduplication?.id).toBe(`parcours__${person.id}`);
  });

  it('should keep the previous orientation in the history and one current when the person is re-oriented', async () => {
    const person = await buildPerson(gateway.dataSource);
    const first = await orient({
      personId: person.id,
      type: 'social',
      structureId: association.id,
      referentAgentId: associationReferent.id,
    });
    expect(first.errors).toBeUndefined();
    const second = await orient({
      personId: person.id,
      type: 'pro',
      structureId: agency.id,
      referentAgentId: agencyReferent.id,
    });
    expect(second.errors).toBeUndefined();

    const response = await read(person.id);
    expect(response.errors).toBeUndefined();
    expect(response.data?.person.orientation).toMatchObject({
      id: second.data!.orientPerson.id,
      type: 'pro',
      typeLabel: 'Professionnel',
    });
    const history = response.data!.person.orientationHistory;
    expect(history.map((row) => [row.id, row.type, row.structure.id, row.referent?.id])).toEqual([
      [second.data!.orientPerson.id, 'pro', agency.id, agencyReferent.id],
      [first.data!.orientPerson.id, 'social', association.id, associationReferent.id],
    ]);
    expect(history[0]?.supersededAt).toBeNull();
    expect(history[1]?.supersededAt).toEqual(expect.any(String));

    const rows = await gateway.dataSource
      .getRepository(OrientationEntity)
      .find({ where: { personId: person.id } });
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.supersededAt === null).map((row) => row.id)).toEqual([
      second.data!.orientPerson.id,
    ]);
  });

  it('should refuse with BAD_USER_INPUT REFERENT_NOT_IN_STRUCTURE and write nothing when the référent works elsewhere', async () => {
    const person = await buildPerson(gateway.dataSource);
    const response = await orient({
      personId: person.id,
      type: 'pro',
      structureId: agency.id,
      referentAgentId: associationReferent.id,
    });
    expect(response.data).toBeNull();
    expect(reasonOf(response)).toEqual({ code: 'BAD_USER_INPUT', reason: 'REFERENT_NOT_IN_STRUCTURE' });
    expect(
      await gateway.dataSource.getRepository(OrientationEntity).count({ where: { personId: person.id } }),
    ).toBe(0);
  });

  it('should refuse with BAD_USER_INPUT REFERENT_INACTIVE when the référent has left', async () => {
    const person = await buildPerson(gateway.dataSource);
    const gone = await buildAgent(gateway.dataSource, { organisationId: agency.id, active: false });
    const response = await orient({
      personId: person.id,
      type: 'pro',
      structureId: agency.id,
      referentAgentId: gone.id,
    });
    expect(reasonOf(response)).toEqual({ code: 'BAD_USER_INPUT', reason: 'REFERENT_INACTIVE' });
  });

  it('should answer NOT_FOUND, as for a person out of scope, when the person does not exist', async () => {
    const response = await orient({ personId: randomUUID(), type: 'pro', structureId: agency.id });
    const outOfScope = await buildBarePerson(gateway.dataSource);
    const hidden = await orient({ personId: outOfScope.id, type: 'pro', structureId: agency.id });
    expect(reasonOf(response)).toEqual({ code: 'NOT_FOUND', reason: undefined });
    expect(hidden.errors?.[0]?.message).toBe(response.errors?.[0]?.message);
    expect(reasonOf(hidden)).toEqual(reasonOf(response));
  });

  it('should answer NOT_FOUND STRUCTURE_NOT_FOUND when the structure does not exist', async () => {
    const person = await buildPerson(gateway.dataSource);
    const response = await orient({ personId: person.id, type: 'pro', structureId: randomUUID() });
    expect(reasonOf(response)).toEqual({ code: 'NOT_FOUND', reason: 'STRUCTURE_NOT_FOUND' });
  });

  it('should answer BAD_USER_INPUT naming each invalid field when the input breaks the rules', async () => {
    const response = await orient({
      personId: 'not-a-uuid',
      type: 'autre',
      structureId: agency.id,
      reason: 'x'.repeat(2001),
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const fields = (response.errors?.[0]?.extensions?.['invalidFields'] as Array<{ path: string }>)
      .map((field) => field.path)
      .sort();
    expect(fields).toEqual(['personId', 'reason', 'type']);
  });

  it('should return null orientation and an empty history when the person was never oriented', async () => {
    const person = await buildPerson(gateway.dataSource);
    const response = await read(person.id);
    expect(response.data?.person).toEqual({ id: person.id, orientation: null, orientationHistory: [] });
  });

  it('should give each person their own orientation when several people are read in one request', async () => {
    const lastName = `Orient${randomUUID().slice(0, 8)}`;
    const social = await buildPerson(gateway.dataSource, {
      lastName,
      firstNames: ['Alice'],
      birthDate: '1991-01-01',
    });
    const pro = await buildPerson(gateway.dataSource, {
      lastName,
      firstNames: ['Bruno'],
      birthDate: '1991-01-01',
    });
    await buildPerson(gateway.dataSource, { lastName, firstNames: ['Chloé'], birthDate: '1991-01-01' });
    expect(
      (await orient({ personId: social.id, type: 'social', structureId: association.id })).errors,
    ).toBeUndefined();
    expect((await orient({ personId: pro.id, type: 'pro', structureId: agency.id })).errors).toBeUndefined();

    const response = await gateway.graphql<{
      searchPersons: Array<{
        identity: { firstNames: string[] };
        orientation: { type: string; structure: { id: string } } | null;
      }>;
    }>(
      `query($lastName: String) { searchPersons(input: { lastName: $lastName, birthDate: "1991-01-01" }) {
        identity { firstNames } orientation { type structure { id } } } }`,
      { lastName },
      { as: decider.agent.login },
    );
    expect(response.errors).toBeUndefined();
    const byName = Object.fromEntries(
      response.data!.searchPersons.map((p) => [p.identity.firstNames[0], p.orientation]),
    );
    expect(byName).toEqual({
      Alice: { type: 'social', structure: { id: association.id } },
      Bruno: { type: 'pro', structure: { id: agency.id } },
      Chloé: null,
    });
  });
});
