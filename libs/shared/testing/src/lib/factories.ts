import { randomUUID } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { HabilitationService } from '@spie/access/data-access';
import { AgentEntity, OrganisationEntity, type OrganisationType } from '@spie/organisation/data-access';
import {
  NirCipherService,
  PersonService,
  type PersonEntity,
  type PersonIdentityInput,
} from '@spie/person/data-access';
import type { EnvironmentVariables } from '@spie/platform/config';
import type { Provenance } from '@spie/shared/kernel';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence += 1)}`;

export function testProvenance(overrides: Partial<Provenance> = {}): Provenance {
  return { source: 'hub', sourceRef: 'test', recordedAt: new Date(), recordedBy: 'test', ...overrides };
}

export async function buildOrganisation(
  dataSource: DataSource,
  overrides: Partial<OrganisationEntity> & { type?: OrganisationType } = {},
): Promise<OrganisationEntity> {
  const repository = dataSource.getRepository(OrganisationEntity);
  return repository.save(
    repository.create({
      type: 'department',
      name: `Structure ${next()}`,
      departmentCode: '052',
      territory: [],
      siret: null,
      safirCode: null,
      structureCode: null,
      ...overrides,
    }),
  );
}

export async function buildAgent(
  dataSource: DataSource,
  overrides: Partial<AgentEntity> & { organisationId: string },
): Promise<AgentEntity> {
  const repository = dataSource.getRepository(AgentEntity);
  return repository.save(
    repository.create({
      login: `agent-${next()}`,
      givenName: 'Camille',
      usualName: `Agent${next()}`,
      roles: [],
      email: null,
      phone: null,
      oidcSubject: null,
      active: true,
      ...overrides,
    }),
  );
}

/** Creates a person through the real PersonService (NIR encrypted, history written). */
export async function buildPerson(
  dataSource: DataSource,
  overrides: Partial<PersonIdentityInput> = {},
  provenance: Provenance = testProvenance(),
): Promise<PersonEntity> {
  const env = {
    NIR_ENCRYPTION_KEY: process.env['NIR_ENCRYPTION_KEY'],
    NIR_HMAC_KEY: process.env['NIR_HMAC_KEY'],
  } as EnvironmentVariables;
  const service = new PersonService(dataSource, new NirCipherService(env));
  return service.create(
    { lastName: `Martin${next()}`, firstNames: ['Léa'], birthDate: '1990-04-12', sex: 'F', ...overrides },
    provenance,
  );
}

/** An organisation with one agent whose login can be used with `gateway.graphql(…, { as: login })`. */
export async function buildAgentWithOrganisation(
  dataSource: DataSource,
  options: { type?: OrganisationType; roles?: string[]; login?: string; departmentCode?: string } = {},
): Promise<{ organisation: OrganisationEntity; agent: AgentEntity }> {
  const organisation = await buildOrganisation(dataSource, {
    type: options.type ?? 'department',
    ...(options.departmentCode ? { departmentCode: options.departmentCode } : {}),
  });
  // Like every structure of the hub, it holds its type's habilitations (libs/access/domain templates).
  await new HabilitationService(dataSource).seedFromTemplates([organisation], { grantedBy: 'test' });
  const agent = await buildAgent(dataSource, {
    organisationId: organisation.id,
    roles: options.roles ?? [],
    login: options.login ?? `agent-${randomUUID().slice(0, 8)}`,
  });
  return { organisation, agent };
}

/** A valid NIR never used before in this run: 13 characters (CAF form) or 15 with its key. */
export function randomNir(form: 13 | 15 = 15): string {
  const sex = 1 + Math.floor(Math.random() * 2);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const base = `${sex}${digits(2)}${month}${String(1 + Math.floor(Math.random() * 95)).padStart(2, '0')}${digits(6)}`;
  if (form === 13) return base;
  return base + String(97 - Number(BigInt(base) % 97n)).padStart(2, '0');
}

/**
 * Puts a person in an organisation's portfolio (need to know): a current orientation to it, with the agent as référent
 * when given. Supersedes the person's current orientation.
 */
export async function placeInPortfolio(
  dataSource: DataSource,
  options: { personId: string; organisationId: string; referentAgentId?: string | null },
): Promise<void> {
  await dataSource.query(
    `UPDATE orientation SET superseded_at = now() WHERE person_id = $1 AND superseded_at IS NULL`,
    [options.personId],
  );
  await dataSource.query(
    `INSERT INTO orientation (person_id, type, structure_id, referent_agent_id, decided_at, source, recorded_by)
     VALUES ($1, 'social', $2, $3, now(), 'hub', 'test')`,
    [options.personId, options.organisationId, options.referentAgentId ?? null],
  );
}

/**
 * Makes a person a new entrant of a department's territory (need to know of its orientation team): an open
 * membership, as applicant, of a fresh CAF household of that department. Returns the household id.
 */
export async function placeInTerritory(
  dataSource: DataSource,
  options: { personId: string; departmentCode?: string; role?: string },
): Promise<string> {
  const [{ id: householdId }] = (await dataSource.query(
    `INSERT INTO household (organisme, organisme_code, matricule, department_code)
     VALUES ('CAF', '521', $1, $2) RETURNING id`,
    [String(Math.floor(Math.random() * 1e12)).padStart(12, '0'), options.departmentCode ?? '052'],
  )) as [{ id: string }];
  await dataSource.query(
    `INSERT INTO household_member (household_id, person_id, role, valid_from, source, recorded_by)
     VALUES ($1, $2, $3, current_date - 10, 'caf', 'test')`,
    [householdId, options.personId, options.role ?? 'DEM'],
  );
  return householdId;
}
