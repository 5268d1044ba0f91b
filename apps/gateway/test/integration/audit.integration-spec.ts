import { randomUUID } from 'node:crypto';

import { AuditAlertEntity, AuditService, type AuditEntryInput } from '@spie/audit/data-access';
import type { AgentEntity, OrganisationEntity } from '@spie/organisation/data-access';
import type { Actor } from '@spie/shared/kernel';
import { buildAgentWithOrganisation, buildPerson, placeInTerritory } from '@spie/shared/testing';

import { createTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway';

const ME = /* GraphQL */ `
  query Me($first: Int, $after: String) {
    me {
      personId
      accessLogKeptDays
      accessLog(first: $first, after: $after) {
        nodes {
          at
          organisation
          purpose
          categories
          action
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query Search($filter: AuditEntryFilter, $first: Int) {
    auditEntries(filter: $filter, first: $first) {
      nodes {
        seq
        actorLogin
        organisationName
        personId
        operation
        outcome
        reason
        categories
        hash
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface AccessLogOut {
  me: {
    personId: string;
    accessLogKeptDays: number;
    accessLog: {
      nodes: Array<{
        at: string;
        organisation: string;
        purpose: string;
        categories: string[];
        action: string;
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

const codeOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.['code'];

describe('audit: the person’s access log, the DPO’s search and alerts, the not-beneficiary declaration', () => {
  let gateway: TestGateway;
  let audit: AuditService;
  let adviser: { organisation: OrganisationEntity; agent: AgentEntity };
  let dpo: { organisation: OrganisationEntity; agent: AgentEntity };
  let orientation: { organisation: OrganisationEntity; agent: AgentEntity };
  let admin: { organisation: OrganisationEntity; agent: AgentEntity };
  let personId: string;

  /** A real token of the local FranceConnect-like provider, for the person's pivot identity. */
  const asPerson = async (id: string) => gateway.tokenFor(id, { kind: 'person' });

  const adviserActor = (): Actor => ({
    kind: 'agent',
    id: adviser.agent.id,
    login: adviser.agent.login,
    organisationId: adviser.organisation.id,
    displayName: 'Adviser',
    roles: ['adviser'],
  });

  const read = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
    actor: adviserActor(),
    organisationName: adviser.organisation.name,
    purpose: 'accompaniment',
    legalBasis: 'casf-l263-4-1',
    personId,
    operation: 'person.read',
    categories: ['identity', 'contact'],
    maskedFields: ['nir'],
    outcome: 'allowed',
    correlationId: randomUUID(),
    ...overrides,
  });

  beforeAll(async () => {
    gateway = await createTestGateway();
    audit = gateway.app.get(AuditService);
    adviser = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'france_travail_agency',
      roles: ['adviser'],
    });
    dpo = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['dpo'] });
    orientation = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['orientation'] });
    admin = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['admin'] });
    personId = (await buildPerson(gateway.dataSource, { birthDate: '1984-02-29' })).id;
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('should show the person the read an adviser made a moment earlier, newest first and in plain words', async () => {
    await audit.record([
      read({ at: new Date(Date.now() - 60_000), categories: ['rsa_rights'] }),
      read({ outcome: 'refused', reason: 'no habilitation' }),
      read({ personId: randomUUID() }),
    ]);
    await audit.record([read()]);
    const response = await gateway.graphql<AccessLogOut>(
      ME,
      { first: 10 },
      { token: await asPerson(personId) },
    );
    expect(response.errors).toBeUndefined();
    const me = response.data!.me;
    expect(me.personId).toBe(personId);
    expect(me.accessLogKeptDays).toBe(365);
    expect(me.accessLog.nodes.map((node) => [node.organisation, node.purpose, node.categories])).toEqual([
      [
        adviser.organisation.name,
        'Vous accompagner dans votre parcours vers l’emploi',
        ['Identité', 'Coordonnées'],
      ],
      [adviser.organisation.name, 'Vous accompagner dans votre parcours vers l’emploi', ['Droits au RSA']],
    ]);
    expect(Date.now() - Date.parse(me.accessLog.nodes[0].at)).toBeLessThan(30_000);
  });

  it('should page the access log and leave out the person’s own reads of it', async () => {
    // The previous test's read of the log is in the audit log, as the person's own: not listed.
    const first = await gateway.graphql<AccessLogOut>(ME, { first: 1 }, { token: await asPerson(personId) });
    expect(first.data!.me.accessLog.pageInfo.hasNextPage).toBe(true);
    const second = await gateway.graphql<AccessLogOut>(
      ME,
      { first: 1, after: first.data!.me.accessLog.pageInfo.endCursor },
      { token: await asPerson(personId) },
    );
    expect(second.data!.me.accessLog.nodes.map((node) => node.categories)).toEqual([['Droits au RSA']]);
    expect(second.data!.me.accessLog.pageInfo.hasNextPage).toBe(false);
    const bad = await gateway.graphql(
      ME,
      { first: 1, after: 'not-a-cursor' },
      { token: await asPerson(personId) },
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('should answer FORBIDDEN when an agent asks for me', async () => {
    const response = await gateway.graphql(ME, { first: 1 }, { as: adviser.agent.login });
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.extensions?.['reason']).toBe('AUDIT_NOT_A_PERSON');
    expect(response.data).toBeNull();
  });

  it('should let the DPO search the audit log, and record that search', async () => {
    const response = await gateway.graphql<{
      auditEntries: {
        nodes: Array<{ actorLogin: string; outcome: string; reason: string | null; operation: string }>;
      };
    }>(SEARCH, { filter: { personId, outcome: 'refused' }, first: 10 }, { as: dpo.agent.login });
    expect(response.errors).toBeUndefined();
    expect(
      response.data!.auditEntries.nodes.map((node) => [node.actorLogin, node.outcome, node.reason]),
    ).toEqual([[adviser.agent.login, 'refused', 'no habilitation']]);
    const own = await gateway.graphql<{
      auditEntries: { nodes: Array<{ operation: string; personId: string }> };
    }>(SEARCH, { filter: { actorLogin: dpo.agent.login }, first: 1 }, { as: dpo.agent.login });
    expect(own.data!.auditEntries.nodes).toEqual([
      { ...own.data!.auditEntries.nodes[0], operation: 'audit.search', personId },
    ]);
  });

  it('should refuse the audit search to every other role and to the person', async () => {
    for (const login of [admin.agent.login, adviser.agent.login, orientation.agent.login]) {
      expect(codeOf(await gateway.graphql(SEARCH, {}, { as: login }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gateway.graphql(SEARCH, {}, { token: await asPerson(personId) }))).toBe('FORBIDDEN');
    const invalid = await gateway.graphql(SEARCH, { filter: { personId: 'nope' } }, { as: dpo.agent.login });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
  });

  it('should list alerts to the DPO and let them acknowledge one', async () => {
    const alert = await gateway.dataSource.getRepository(AuditAlertEntity).save({
      kind: 'volume' as const,
      actorKind: 'agent',
      actorId: adviser.agent.id,
      actorLogin: adviser.agent.login,
      organisationId: adviser.organisation.id,
      organisationName: adviser.organisation.name,
      windowStart: new Date(Date.now() - 3_600_000),
      windowEnd: new Date(),
      count: 250,
      threshold: 200,
      details: { operations: { 'person.read': 260 }, windowMinutes: 60 },
      acknowledgedBy: null,
      acknowledgedAt: null,
    });
    const list = await gateway.graphql<{
      auditAlerts: { nodes: Array<{ id: string; kind: string; count: number; operations: unknown[] }> };
    }>(
      `query { auditAlerts(acknowledged: false, first: 100) { nodes { id kind count operations { operation count } } } }`,
      {},
      { as: dpo.agent.login },
    );
    expect(list.data!.auditAlerts.nodes.find((node) => node.id === alert.id)).toEqual({
      id: alert.id,
      kind: 'volume',
      count: 250,
      operations: [{ operation: 'person.read', count: 260 }],
    });
    const ACK = `mutation($id: ID!) { acknowledgeAuditAlert(id: $id) { id acknowledgedBy acknowledgedAt } }`;
    expect(codeOf(await gateway.graphql(ACK, { id: alert.id }, { as: admin.agent.login }))).toBe('FORBIDDEN');
    const ack = await gateway.graphql<{ acknowledgeAuditAlert: { acknowledgedBy: string } }>(
      ACK,
      { id: alert.id },
      { as: dpo.agent.login },
    );
    expect(ack.data!.acknowledgeAuditAlert.acknowledgedBy).toBe(dpo.agent.login);
    expect(codeOf(await gateway.graphql(ACK, { id: randomUUID() }, { as: dpo.agent.login }))).toBe(
      'NOT_FOUND',
    );
  });

  it('should hide a person declared not a beneficiary from agents at once and queue the destruction', async () => {
    const target = await buildPerson(gateway.dataSource);
    await placeInTerritory(gateway.dataSource, { personId: target.id });
    const DECLARE = `mutation($input: DeclareNotBeneficiaryInput!) {
      declarePersonNotBeneficiary(input: $input) { personId declaredAt destructionQueued }
    }`;
    const input = { personId: target.id, reason: 'never opened an RSA right' };
    expect(codeOf(await gateway.graphql(DECLARE, { input }, { as: adviser.agent.login }))).toBe('FORBIDDEN');
    // The orientation team of another department does not know this person: not found, and nothing changes.
    const elsewhere = await buildAgentWithOrganisation(gateway.dataSource, {
      roles: ['orientation'],
      departmentCode: '010',
    });
    expect(codeOf(await gateway.graphql(DECLARE, { input }, { as: elsewhere.agent.login }))).toBe(
      'NOT_FOUND',
    );
    const [untouched] = await gateway.dataSource.query(
      'SELECT not_beneficiary_by AS by FROM person WHERE id = $1',
      [target.id],
    );
    expect(untouched).toEqual({ by: null });
    const PERSON = `query($id: ID!) { person(id: $id) { id } }`;
    expect(
      (await gateway.graphql<{ person: unknown }>(PERSON, { id: target.id }, { as: orientation.agent.login }))
        .data!.person,
    ).not.toBeNull();
    const declared = await gateway.graphql<{ declarePersonNotBeneficiary: { destructionQueued: boolean } }>(
      DECLARE,
      { input },
      { as: orientation.agent.login },
    );
    expect(declared.errors).toBeUndefined();
    expect(declared.data!.declarePersonNotBeneficiary).toMatchObject({
      personId: target.id,
      destructionQueued: true,
    });
    expect(
      (await gateway.graphql<{ person: unknown }>(PERSON, { id: target.id }, { as: orientation.agent.login }))
        .data!.person,
    ).toBeNull();
    const [row] = await gateway.dataSource.query(
      'SELECT not_beneficiary_by AS by, not_beneficiary_reason AS reason FROM person WHERE id = $1',
      [target.id],
    );
    expect(row).toEqual({ by: orientation.agent.login, reason: 'never opened an RSA right' });
    const unknown = await gateway.graphql(
      DECLARE,
      { input: { ...input, personId: randomUUID() } },
      { as: orientation.agent.login },
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });
});
