import { createHash } from 'node:crypto';

import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import {
  ContractActionEntity,
  ContractActionStatusEntity,
  ContractEntity,
  ContractEventEntity,
  ContractObjectiveEntity,
  ContractVersionEntity,
} from '@spie/contract/data-access';
import {
  DiagnosticEntity,
  DiagnosticItemEntity,
  DiagnosticProjectEntity,
} from '@spie/diagnostic/data-access';
import {
  HouseholdEntity,
  HouseholdMemberEntity,
  RsaRightStatusEntity,
} from '@spie/household-rights/data-access';
import { HabilitationService } from '@spie/access/data-access';
import { OrganisationEntity } from '@spie/organisation/data-access';
import { AppointmentEntity, OrientationEntity } from '@spie/orientation/data-access';
import { ParcoursStatusService, type ParcoursStage } from '@spie/parcours/feature-jobs';
import { NirCipherService, PersonService } from '@spie/person/data-access';
import { PersonException, PersonExceptionCode } from '@spie/person/domain';
import type { EnvironmentVariables } from '@spie/platform/config';
import type { ProvenanceColumns } from '@spie/platform/database';
import type { SourceSystem } from '@spie/shared/kernel';

import {
  CD52_SIRET,
  DEMO_AGENTS,
  DEMO_ORGANISATIONS,
  DEMO_RECORDED_BY,
  DEMO_REFERENTIEL_VERSION,
  DEMO_SOURCE_REF,
  demoAgentEmail,
  type DemoOrganisationKey,
} from './demo-catalog';
import { buildDemoDataset, DEMO_MARKER_HOUSEHOLD_ID, type DemoDataset } from './demo-dataset';
import { demoUuid } from './demo-random';

export interface DemoSeedOptions {
  /** Settings holding the NIR keys (the seed encrypts NIRs like any writer). */
  env: { NIR_ENCRYPTION_KEY: string; NIR_HMAC_KEY: string };
  /** Number of people (default 300), in households. */
  persons?: number;
  /** Day the dataset is relative to (default: now). */
  today?: Date;
  log?: (message: string) => void;
}

export interface DemoSeedReport {
  status: 'seeded' | 'already_seeded';
  organisations: number;
  agents: number;
  persons: number;
  households: number;
  /** Demo people by parcours stage. */
  stages: Partial<Record<ParcoursStage, number>>;
  /** Demo households by current `ETATDOSRSA`. */
  rightStates: Record<string, number>;
  durationMs: number;
}

export const DEFAULT_DEMO_PERSONS = 300;

/** Serialises concurrent seeds (two `npm start` on one database): the second waits, then finds the marker. */
const DEMO_SEED_LOCK_KEY = 52_2026_0052;

/**
 * Loads the demo dataset of department 052 (Haute-Marne): its structures and accounts, a few hundred people in CAF/MSA
 * households in every state of the parcours (new entrants waiting for orientation, oriented, under contract,
 * suspended, closed…), then their parcours statuses. All in one transaction; idempotent: when the dataset is already
 * there nothing is written and the report says `already_seeded`.
 */
export async function seedDemoData(
  dataSource: DataSource,
  options: DemoSeedOptions,
): Promise<DemoSeedReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const status = await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
    const marker = (await manager.query('SELECT 1 FROM household WHERE id = $1', [
      DEMO_MARKER_HOUSEHOLD_ID,
    ])) as unknown[];
    if (marker.length > 0) return 'already_seeded' as const;
    const dataset = buildDemoDataset({
      persons: options.persons ?? DEFAULT_DEMO_PERSONS,
      today: options.today ?? new Date(),
    });
    await new DemoDatasetWriter(manager, options.env, log).write(dataset);
    return 'seeded' as const;
  });
  const counts = await demoSeedCounts(dataSource.manager);
  const durationMs = Date.now() - started;
  if (status === 'seeded')
    log(
      `demo data of department 052: ${counts.persons} people in ${counts.households} households written in ${durationMs} ms`,
    );
  return { status, ...counts, durationMs };
}

/** What the demo dataset holds in the database now (the same figures after a seed and after a re-run). */
export async function demoSeedCounts(
  manager: EntityManager,
): Promise<Omit<DemoSeedReport, 'status' | 'durationMs'>> {
  const number = async (sql: string, parameters: unknown[] = []) =>
    Number(((await manager.query(sql, parameters)) as Array<{ n: string }>)[0]?.n ?? 0);
  const organisations = await number(
    'SELECT count(*) AS n FROM organisation WHERE id = ANY($1::uuid[]) OR siret = $2',
    [DEMO_ORGANISATIONS.map((organisation) => demoUuid('organisation', organisation.key)), CD52_SIRET],
  );
  const agents = await number('SELECT count(*) AS n FROM agent WHERE login = ANY($1::text[])', [
    DEMO_AGENTS.map((agent) => agent.login),
  ]);
  const persons = await number(
    'SELECT count(DISTINCT person_id) AS n FROM household_member WHERE source_ref = $1',
    [DEMO_SOURCE_REF],
  );
  const households = await number(
    'SELECT count(DISTINCT household_id) AS n FROM household_member WHERE source_ref = $1',
    [DEMO_SOURCE_REF],
  );
  const stageRows = (await manager.query(
    `SELECT stage, count(*) AS n FROM person_parcours_status
      WHERE person_id IN (SELECT person_id FROM household_member WHERE source_ref = $1)
      GROUP BY stage ORDER BY stage`,
    [DEMO_SOURCE_REF],
  )) as Array<{ stage: ParcoursStage; n: string }>;
  const stateRows = (await manager.query(
    `SELECT etat_dossier AS etat, count(*) AS n FROM (
       SELECT DISTINCT ON (household_id) household_id, etat_dossier FROM rsa_right_status
        WHERE source_ref = $1 AND person_id IS NULL
        ORDER BY household_id, reference_month DESC, recorded_at DESC
     ) latest GROUP BY etat_dossier ORDER BY etat_dossier`,
    [DEMO_SOURCE_REF],
  )) as Array<{ etat: string; n: string }>;
  return {
    organisations,
    agents,
    persons,
    households,
    stages: Object.fromEntries(stageRows.map((row) => [row.stage, Number(row.n)])),
    rightStates: Object.fromEntries(stateRows.map((row) => [row.etat, Number(row.n)])),
  };
}

/** Writes a dataset: people through `PersonService` (NIR encrypted, history), the other contexts through their entities. */
class DemoDatasetWriter {
  private readonly organisationIds = new Map<DemoOrganisationKey, string>();
  private readonly agentIds = new Map<string, string>();
  private readonly personIds = new Map<string, string>();
  private readonly people: PersonService;

  constructor(
    private readonly manager: EntityManager,
    env: DemoSeedOptions['env'],
    private readonly log: (message: string) => void,
  ) {
    this.people = new PersonService(manager.connection, new NirCipherService(env as EnvironmentVariables));
  }

  async write(dataset: DemoDataset): Promise<void> {
    await this.organisations();
    await this.habilitations();
    await this.agents();
    await this.persons(dataset);
    await this.households(dataset);
    await this.orientations(dataset);
    await this.diagnostics(dataset);
    await this.contracts(dataset);
    await this.appointments(dataset);
    await new ParcoursStatusService(this.manager.connection).recomputeMany([...this.personIds.values()], {
      manager: this.manager,
    });
  }

  /** The structures; one already known by SIRET or SAFIR code (an earlier seed, an import) is reused, not duplicated. */
  private async organisations(): Promise<void> {
    const repository = this.manager.getRepository(OrganisationEntity);
    for (const spec of DEMO_ORGANISATIONS) {
      const existing = spec.siret
        ? await repository.findOneBy({ siret: spec.siret })
        : spec.safirCode
          ? await repository.findOneBy({ safirCode: spec.safirCode })
          : null;
      const { key: _key, ...fields } = spec;
      const saved = await repository.save(
        repository.create({
          ...existing,
          ...fields,
          id: existing?.id ?? demoUuid('organisation', spec.key),
          departmentCode: '052',
        }),
      );
      this.organisationIds.set(spec.key, saved.id);
    }
  }

  /** Each structure's habilitations from its type's templates (libs/access/domain), and the DPO's to CD52. */
  private async habilitations(): Promise<void> {
    const organisations = DEMO_ORGANISATIONS.map((spec) => ({
      id: this.organisationId(spec.key),
      type: spec.type,
    }));
    const dpoOrganisations = DEMO_AGENTS.filter((agent) => agent.roles.includes('dpo')).map((agent) =>
      this.organisationId(agent.organisation),
    );
    await new HabilitationService(this.manager.connection).seedFromTemplates(organisations, {
      dpoOrganisationIds: dpoOrganisations,
      grantedBy: 'demo-seed',
      manager: this.manager,
    });
  }

  /** The accounts, upserted by login (an account of an earlier demo keeps its id). */
  private async agents(): Promise<void> {
    for (const spec of DEMO_AGENTS) {
      const email = demoAgentEmail(spec);
      const rows = (await this.manager.query(
        `INSERT INTO agent (id, login, organisation_id, given_name, usual_name, email, roles, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true)
         ON CONFLICT (login) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, given_name = EXCLUDED.given_name,
           usual_name = EXCLUDED.usual_name, email = EXCLUDED.email, roles = EXCLUDED.roles, active = true, updated_at = now()
         RETURNING id`,
        [
          demoUuid('agent', spec.login),
          spec.login,
          this.organisationId(spec.organisation),
          spec.givenName,
          spec.usualName,
          email,
          spec.roles,
        ],
      )) as Array<{ id: string }>;
      this.agentIds.set(spec.login, (rows[0] as { id: string }).id);
    }
  }

  private async persons(dataset: DemoDataset): Promise<void> {
    for (const person of dataset.persons) {
      const provenance = this.provenance(person.source, person.knownSince);
      let created;
      try {
        created = await this.people.create(person.identity, provenance, this.manager);
      } catch (error) {
        // A NIR already held by someone outside the demo: the demo person goes without it rather than failing the seed.
        if (!(error instanceof PersonException) || error.code !== PersonExceptionCode.NirAlreadyKnown)
          throw error;
        this.log(`demo person ${person.key}: NIR already known in this database, created without it`);
        created = await this.people.create({ ...person.identity, nir: null }, provenance, this.manager);
      }
      this.personIds.set(person.key, created.id);
      for (const identifier of person.identifiers) {
        try {
          await this.people.addIdentifier(
            created.id,
            { system: identifier.system, value: identifier.value, qualifier: identifier.qualifier },
            this.provenance(identifier.source, identifier.recordedAt),
            this.manager,
          );
        } catch (error) {
          if (
            !(error instanceof PersonException) ||
            error.code !== PersonExceptionCode.IdentifierAlreadyKnown
          )
            throw error;
          this.log(
            `demo person ${person.key}: ${identifier.system} identifier already known in this database, skipped`,
          );
        }
      }
    }
  }

  private async households(dataset: DemoDataset): Promise<void> {
    await this.insert(
      HouseholdEntity,
      dataset.households.map((household) => ({
        id: household.id,
        organisme: household.organisme,
        organismeCode: household.organismeCode,
        matricule: household.matricule,
        numDemRsa: household.numDemRsa,
        departmentCode: '052',
        familySituation: household.familySituation,
        address: household.address,
        lastReferenceAt: household.lastReferenceAt,
        contentHash: null,
      })),
    );
    await this.insert(
      HouseholdMemberEntity,
      dataset.households.flatMap((household) =>
        household.members.map((member) => ({
          id: member.id,
          householdId: household.id,
          personId: this.personId(member.personKey),
          role: member.role,
          validFrom: member.validFrom,
          validTo: null,
          provenance: this.provenance(
            household.organisme,
            household.rights[0]?.observedAt ?? household.lastReferenceAt,
          ),
        })),
      ),
    );
    await this.insert(
      RsaRightStatusEntity,
      dataset.households.flatMap((household) =>
        household.rights.map((right) => ({
          id: right.id,
          householdId: household.id,
          personId: right.personKey ? this.personId(right.personKey) : null,
          referenceMonth: right.referenceMonth,
          etatDossier: right.etatDossier,
          status: right.status,
          openedOn: right.openedOn,
          suspensionReason: right.suspensionReason,
          suspendedOn: right.suspendedOn,
          closureReason: right.closureReason,
          closedOn: right.closedOn,
          subjectToRightsAndDuties: right.subjectToRightsAndDuties,
          provenance: this.provenance(household.organisme, right.observedAt),
        })),
      ),
    );
  }

  private async orientations(dataset: DemoDataset): Promise<void> {
    await this.insert(
      OrientationEntity,
      dataset.orientations.map((orientation) => ({
        id: orientation.id,
        personId: this.personId(orientation.personKey),
        type: orientation.type,
        structureId: this.organisationId(orientation.structure),
        referentAgentId: orientation.referentLogin ? this.agentId(orientation.referentLogin) : null,
        decidedAt: orientation.decidedAt,
        decidedByAgentId: this.agentId(orientation.decidedByLogin),
        reason: orientation.reason,
        supersededAt: orientation.supersededAt,
        provenance: this.provenance('department', orientation.decidedAt),
      })),
    );
  }

  private async appointments(dataset: DemoDataset): Promise<void> {
    await this.insert(
      AppointmentEntity,
      dataset.appointments.map((appointment) => {
        const facts = {
          startsAt: appointment.startsAt.toISOString(),
          endsAt: appointment.endsAt.toISOString(),
          kind: appointment.kind,
          subject: appointment.subject,
          place: appointment.place,
          withWhom: appointment.withWhom,
          status: appointment.status,
        };
        return {
          id: appointment.id,
          personId: this.personId(appointment.personKey),
          partner: appointment.partner,
          externalId: appointment.externalId,
          organisationId: this.organisationId(appointment.structure),
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          kind: appointment.kind,
          subject: appointment.subject,
          place: appointment.place,
          withWhom: appointment.withWhom,
          status: appointment.status,
          contentHash: createHash('sha256').update(JSON.stringify(facts)).digest('hex'),
          provenance: this.provenance(appointment.partner, appointment.recordedAt),
        };
      }),
    );
  }

  private async diagnostics(dataset: DemoDataset): Promise<void> {
    await this.insert(
      DiagnosticEntity,
      dataset.diagnostics.map((diagnostic) => ({
        id: diagnostic.id,
        personId: this.personId(diagnostic.personKey),
        version: diagnostic.version,
        referentielVersion: DEMO_REFERENTIEL_VERSION,
        educationLevel: diagnostic.educationLevel,
        workSituation: diagnostic.workSituation,
        workSituationSince: diagnostic.workSituationSince,
        rqth: diagnostic.rqth,
        authorOrganisationId: this.organisationId(diagnostic.author),
        authorAgentId: this.agentId(diagnostic.authorLogin),
        provenance: this.provenance(diagnostic.source, diagnostic.recordedAt),
        createdAt: diagnostic.recordedAt,
      })),
    );
    await this.insert(
      DiagnosticItemEntity,
      dataset.diagnostics.flatMap((diagnostic) =>
        diagnostic.items.map((item) => ({
          ...item,
          diagnosticId: diagnostic.id,
          provenance: this.provenance(diagnostic.source, diagnostic.recordedAt),
        })),
      ),
    );
    await this.insert(
      DiagnosticProjectEntity,
      dataset.diagnostics.flatMap((diagnostic) =>
        diagnostic.projects.map((project) => ({
          ...project,
          diagnosticId: diagnostic.id,
          provenance: this.provenance(diagnostic.source, diagnostic.recordedAt),
        })),
      ),
    );
  }

  private async contracts(dataset: DemoDataset): Promise<void> {
    const { contracts } = dataset;
    await this.insert(
      ContractEntity,
      contracts.map((contract) => ({
        id: contract.id,
        personId: this.personId(contract.personKey),
        type: contract.type,
        status: contract.status,
        organisationId: this.organisationId(contract.organisation),
        referentAgentId: this.agentId(contract.referentLogin),
        startDate: contract.startDate,
        endDate: contract.endDate,
        currentVersion: contract.versions.length,
        endReason: contract.endReason,
        createdAt: contract.createdAt,
        updatedAt: contract.updatedAt,
        rowVersion: contract.events.length,
      })),
    );
    const versions = contracts.flatMap((contract) =>
      contract.versions.map((version) => ({ contract, version })),
    );
    // Versions are written unsigned, their content added, then signed: the database refuses content under a signed
    // version (contract immutability triggers), exactly as for the contract service.
    await this.insert(
      ContractVersionEntity,
      versions.map(({ contract, version }) => ({
        id: version.id,
        contractId: contract.id,
        version: version.version,
        startDate: version.startDate,
        endDate: version.endDate,
        notes: null,
        signedAt: null,
        signedByAgentId: null,
        personAgreed: null,
        signatureMethod: null,
        contentHash: null,
        provenance: this.provenance(contract.source, version.recordedAt),
        createdAt: version.recordedAt,
      })),
    );
    const objectives = versions.flatMap(({ version }) =>
      version.objectives.map((objective) => ({ version, objective })),
    );
    await this.insert(
      ContractObjectiveEntity,
      objectives.map(({ version, objective }) => ({
        id: objective.id,
        contractVersionId: version.id,
        position: objective.position,
        themeCode: objective.themeCode,
        code: objective.code,
        label: objective.label,
      })),
    );
    const actions = objectives.flatMap(({ objective }) =>
      objective.actions.map((action) => ({ objective, action })),
    );
    await this.insert(
      ContractActionEntity,
      actions.map(({ objective, action }) => ({
        id: action.id,
        objectiveId: objective.id,
        position: action.position,
        code: action.code,
        label: action.label,
        dueDate: action.dueDate,
        initialStatus: 'planned',
      })),
    );
    const signed = versions.map(({ version }) => version).filter((version) => version.signedAt !== null);
    await this.manager.query(
      `UPDATE contract_version v
          SET signed_at = s.signed_at, signed_by_agent_id = s.agent_id, person_agreed = true,
              signature_method = s.method, content_hash = s.content_hash
         FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[])
              AS s(id, signed_at, agent_id, method, content_hash)
        WHERE v.id = s.id`,
      [
        signed.map((version) => version.id),
        signed.map((version) => version.signedAt),
        signed.map((version) => (version.signedByLogin ? this.agentId(version.signedByLogin) : null)),
        signed.map((version) => version.signatureMethod),
        signed.map((version) => version.contentHash),
      ],
    );
    const sourceOfAction = new Map(
      versions.flatMap(({ contract, version }) =>
        version.objectives.flatMap((objective) =>
          objective.actions.map((action) => [action.id, contract.source] as const),
        ),
      ),
    );
    await this.insert(
      ContractActionStatusEntity,
      actions.flatMap(({ action }) =>
        action.statuses.map((status) => ({
          id: status.id,
          actionId: action.id,
          status: status.status,
          comment: status.comment,
          provenance: this.provenance(sourceOfAction.get(action.id) ?? 'department', status.recordedAt),
        })),
      ),
    );
    await this.insert(
      ContractEventEntity,
      contracts.flatMap((contract) =>
        contract.events.map((event) => ({
          id: event.id,
          contractId: contract.id,
          kind: event.kind,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          version: event.version,
          reason: event.reason,
          provenance: this.provenance(contract.source, event.recordedAt),
        })),
      ),
    );
  }

  /** Multi-row INSERTs in slices (PostgreSQL allows 65 535 parameters per statement). */
  private async insert<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    rows: Array<QueryDeepPartialEntity<T>>,
  ): Promise<void> {
    const sliceSize = 300;
    for (let start = 0; start < rows.length; start += sliceSize) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(target)
        .values(rows.slice(start, start + sliceSize))
        .updateEntity(false)
        .execute();
    }
  }

  private provenance(source: SourceSystem, at: Date): ProvenanceColumns {
    return {
      source,
      sourceRef: DEMO_SOURCE_REF,
      observedAt: at,
      recordedAt: at,
      recordedBy: DEMO_RECORDED_BY,
    };
  }

  private personId(key: string): string {
    return required(this.personIds.get(key), `person ${key}`);
  }

  private organisationId(key: DemoOrganisationKey): string {
    return required(this.organisationIds.get(key), `organisation ${key}`);
  }

  private agentId(login: string): string {
    return required(this.agentIds.get(login), `agent ${login}`);
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo dataset refers to an unknown ${what}`);
  return value;
}
