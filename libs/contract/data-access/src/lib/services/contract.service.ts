import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';

import {
  amendmentStep,
  assertActionFollowable,
  assertContractDates,
  assertObjectiveFollowable,
  assertDraftEditable,
  CONTRACT_EVENT_KINDS,
  contractCodeReferences,
  contractContentHash,
  ContractException,
  ContractExceptionCode,
  localDateOf,
  INITIAL_OBJECTIVE_STATUS,
  resolveContractObjectives,
  signatureSteps,
  statusChangeStep,
  type ContractCodeReference,
  type ContractObjectiveContent,
  type ContractObjectiveInput,
  type ContractStatusChange,
  type ContractTransitionStep,
  type ContractType,
  type ObjectiveStatus,
  type SignatureMethod,
} from '@spie/contract/domain';
import { AgentEntity, OrganisationEntity } from '@spie/organisation/data-access';
import { PersonEntity } from '@spie/person/data-access';
import { PreparedEntityRead, PreparedJoinRead, provenanceOf } from '@spie/platform/database';
import { CodeListEntryEntity, ReferentielService } from '@spie/referentiel/data-access';
import { ReferentielException, ReferentielExceptionCode, type CodeListCode } from '@spie/referentiel/domain';
import { isUuid, type Actor, type Provenance } from '@spie/shared/kernel';

import { ContractActionStatusEntity } from '../entities/contract-action-status.entity';
import { ContractActionEntity } from '../entities/contract-action.entity';
import { ContractEventEntity } from '../entities/contract-event.entity';
import { ContractObjectiveStatusEntity } from '../entities/contract-objective-status.entity';
import { ContractObjectiveEntity } from '../entities/contract-objective.entity';
import { ContractVersionEntity } from '../entities/contract-version.entity';
import { ContractEntity } from '../entities/contract.entity';

export interface CreateContractData {
  type: ContractType;
  /** Defaults to the actor's organisation. */
  organisationId?: string | null;
  referentAgentId?: string | null;
  startDate: string;
  endDate: string;
  notes?: string | null;
  objectives: readonly ContractObjectiveInput[];
}

/** Parts left out are kept. `objectives`, when given, replace all objectives and actions of the draft. */
export interface UpdateContractDraftData {
  startDate?: string;
  endDate?: string;
  notes?: string | null;
  objectives?: readonly ContractObjectiveInput[];
}

export interface SignatureData {
  /** Defaults to now; never in the future. */
  signedAt?: Date | null;
  personAgreed: boolean;
  signatureMethod: SignatureMethod;
}

export type ContractObjectiveWithActions = Omit<ContractObjectiveEntity, 'actions'> & {
  actions: ContractActionEntity[];
};
export type ContractVersionWithContent = Omit<ContractVersionEntity, 'objectives'> & {
  objectives: ContractObjectiveWithActions[];
};

/** Status of a new action, before any follow-up. */
const INITIAL_ACTION_STATUS = 'planned';

const CONTRACTS_OF_PERSONS = new PreparedEntityRead(
  ContractEntity,
  'c',
  (columns) =>
    `SELECT ${columns} FROM contract c WHERE c.person_id = ANY($1::uuid[]) ORDER BY c.created_at DESC, c.id`,
);

/** Versions of contracts with their objectives and actions, each in its order. */
const VERSIONS_WITH_CONTENT = new PreparedJoinRead(
  { v: ContractVersionEntity, o: ContractObjectiveEntity, a: ContractActionEntity },
  (columns) =>
    `SELECT ${columns.v}, ${columns.o}, ${columns.a}
       FROM contract_version v
       LEFT JOIN contract_objective o ON o.contract_version_id = v.id
       LEFT JOIN contract_action a ON a.objective_id = o.id
      WHERE v.contract_id = ANY($1::uuid[])
      ORDER BY v.contract_id, v.version, o.position, o.id, a.position, a.id`,
);

const ACTION_STATUSES_OF = new PreparedEntityRead(
  ContractActionStatusEntity,
  's',
  (columns) =>
    `SELECT ${columns} FROM contract_action_status s WHERE s.action_id = ANY($1::uuid[]) ORDER BY s.recorded_at, s.id`,
);

/**
 * Persistence of contracts of engagement (CER, PPAE, CEJ, PACEA, contrat d'engagement): every command runs in one
 * transaction with the contract row locked, and every life-cycle step appends a `contract_event`.
 */
@Injectable()
export class ContractService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referentiel: ReferentielService,
  ) {}

  /** Creates a contract in draft with its version 1 (objectives → actions). */
  async create(
    personId: string,
    input: CreateContractData,
    provenance: Provenance,
    actor: Actor,
  ): Promise<ContractEntity> {
    assertContractDates(input.startDate, input.endDate);
    return this.dataSource.transaction(async (em) => {
      if (!isUuid(personId) || !(await em.getRepository(PersonEntity).exists({ where: { id: personId } }))) {
        throw new ContractException(ContractExceptionCode.PersonNotFound, 'Person not found');
      }
      const organisationId = input.organisationId ?? actor.organisationId;
      if (
        !organisationId ||
        !isUuid(organisationId) ||
        !(await em.getRepository(OrganisationEntity).exists({ where: { id: organisationId } }))
      ) {
        throw new ContractException(ContractExceptionCode.OrganisationNotFound, 'Organisation not found', {
          fields: ['organisationId'],
        });
      }
      const referentAgentId = input.referentAgentId ?? null;
      if (
        referentAgentId &&
        (!isUuid(referentAgentId) ||
          !(await em.getRepository(AgentEntity).exists({ where: { id: referentAgentId, active: true } })))
      ) {
        throw new ContractException(ContractExceptionCode.ReferentNotFound, 'Référent not found', {
          fields: ['referentAgentId'],
        });
      }
      const objectives = await this.resolveObjectives(input.objectives, em);
      const contract = await em.getRepository(ContractEntity).save(
        em.getRepository(ContractEntity).create({
          personId,
          type: input.type,
          status: 'draft',
          organisationId,
          referentAgentId,
          startDate: input.startDate,
          endDate: input.endDate,
          currentVersion: 1,
          endReason: null,
        }),
      );
      const version = await em.getRepository(ContractVersionEntity).save(
        em.getRepository(ContractVersionEntity).create({
          contractId: contract.id,
          version: 1,
          startDate: input.startDate,
          endDate: input.endDate,
          notes: input.notes ?? null,
          signedAt: null,
          signedByAgentId: null,
          personAgreed: null,
          signatureMethod: null,
          contentHash: null,
          provenance: provenanceOf(provenance),
        }),
      );
      await this.insertObjectives(version.id, objectives, em);
      await this.appendEvents(
        em,
        contract.id,
        1,
        [{ kind: 'created', fromStatus: null, toStatus: 'draft' }],
        null,
        provenance,
      );
      return contract;
    });
  }

  /** Replaces the content of the draft version; a signed version is refused with SIGNED_VERSION_IMMUTABLE. */
  async updateDraft(
    contractId: string,
    input: UpdateContractDraftData,
    provenance: Provenance,
  ): Promise<ContractEntity> {
    return this.dataSource.transaction(async (em) => {
      const contract = await this.lockContract(contractId, em);
      const draft = await this.latestVersion(contract.id, em);
      assertDraftEditable(contract.status, draft);
      const startDate = input.startDate ?? draft.startDate;
      const endDate = input.endDate ?? draft.endDate;
      assertContractDates(startDate, endDate);
      if (input.objectives) {
        const objectives = await this.resolveObjectives(input.objectives, em);
        await em.getRepository(ContractObjectiveEntity).delete({ contractVersionId: draft.id });
        await this.insertObjectives(draft.id, objectives, em);
      }
      await em.getRepository(ContractVersionEntity).update(
        { id: draft.id },
        {
          startDate,
          endDate,
          notes: input.notes === undefined ? draft.notes : input.notes,
          provenance: provenanceOf(provenance),
        },
      );
      if (contract.status === 'draft') {
        // Before the first signature, the draft is the version in force.
        contract.startDate = startDate;
        contract.endDate = endDate;
        return em.getRepository(ContractEntity).save(contract);
      }
      return contract;
    });
  }

  /**
   * Signs the draft version: signature record and content hash on the version; a first signature moves the contract
   * to `signed`, and on to `active` at once when its start date has come (see `signatureSteps`).
   */
  async sign(
    contractId: string,
    signature: SignatureData,
    provenance: Provenance,
    actor: Actor,
  ): Promise<ContractEntity> {
    return this.dataSource.transaction(async (em) => {
      const contract = await this.lockContract(contractId, em);
      const version = await this.latestVersion(contract.id, em);
      const now = new Date();
      const signedAt = signature.signedAt ?? now;
      const steps = signatureSteps({
        status: contract.status,
        latestVersion: version,
        startDate: version.startDate,
        personAgreed: signature.personAgreed,
        signedAt,
        now,
        today: localDateOf(now),
      });
      const objectives = (await this.objectivesOf([version.id], em)).get(version.id) ?? [];
      const contentHash = contractContentHash({
        startDate: version.startDate,
        endDate: version.endDate,
        objectives: objectives.map((objective) => ({
          themeCode: objective.themeCode,
          code: objective.code,
          label: objective.label,
          actions: objective.actions.map((action) => ({
            code: action.code,
            label: action.label,
            dueDate: action.dueDate,
          })),
        })),
      });
      await em.getRepository(ContractVersionEntity).update(
        { id: version.id },
        {
          signedAt,
          signedByAgentId: actor.kind === 'agent' ? actor.id : null,
          personAgreed: signature.personAgreed,
          signatureMethod: signature.signatureMethod,
          contentHash,
        },
      );
      contract.status = steps.reduce((_, step) => step.toStatus, contract.status);
      contract.currentVersion = version.version;
      contract.startDate = version.startDate;
      contract.endDate = version.endDate;
      const saved = await em.getRepository(ContractEntity).save(contract);
      await this.appendEvents(em, contract.id, version.version, steps, null, provenance);
      return saved;
    });
  }

  /** Activates, suspends, resumes or ends the contract (ending needs a reason). */
  async changeStatus(
    contractId: string,
    change: ContractStatusChange,
    reason: string | null,
    provenance: Provenance,
  ): Promise<ContractEntity> {
    return this.dataSource.transaction(async (em) => {
      const contract = await this.lockContract(contractId, em);
      const step = statusChangeStep(contract.status, change, reason);
      contract.status = step.toStatus;
      if (step.toStatus === 'ended') contract.endReason = reason?.trim() ?? null;
      const saved = await em.getRepository(ContractEntity).save(contract);
      await this.appendEvents(
        em,
        contract.id,
        contract.currentVersion,
        [step],
        reason?.trim() || null,
        provenance,
      );
      return saved;
    });
  }

  /**
   * Opens version n+1 as a draft copy of the signed version n. Each copied action starts from the current status of
   * the action it copies; the contract keeps its status and version in force until the amendment is signed.
   */
  async amend(contractId: string, provenance: Provenance): Promise<ContractEntity> {
    return this.dataSource.transaction(async (em) => {
      const contract = await this.lockContract(contractId, em);
      const signed = await this.latestVersion(contract.id, em);
      const step = amendmentStep(contract.status, signed);
      const objectives = (await this.objectivesOf([signed.id], em)).get(signed.id) ?? [];
      const actionIds = objectives.flatMap((objective) => objective.actions.map((action) => action.id));
      const statuses = await this.actionStatusesOf(actionIds, em);
      const objectiveStatuses = await this.objectiveStatusesOf(
        objectives.map((objective) => objective.id),
        em,
      );
      const draft = await em.getRepository(ContractVersionEntity).save(
        em.getRepository(ContractVersionEntity).create({
          contractId: contract.id,
          version: signed.version + 1,
          startDate: signed.startDate,
          endDate: signed.endDate,
          notes: signed.notes,
          signedAt: null,
          signedByAgentId: null,
          personAgreed: null,
          signatureMethod: null,
          contentHash: null,
          provenance: provenanceOf(provenance),
        }),
      );
      await this.insertObjectives(
        draft.id,
        objectives.map((objective) => ({
          themeCode: objective.themeCode,
          code: objective.code,
          label: objective.label,
          initialStatus: objectiveStatuses.get(objective.id)?.at(-1)?.status ?? objective.initialStatus,
          actions: objective.actions.map((action) => ({
            code: action.code,
            label: action.label,
            dueDate: action.dueDate,
            initialStatus: statuses.get(action.id)?.at(-1)?.status ?? action.initialStatus,
          })),
        })),
        em,
      );
      await this.appendEvents(em, contract.id, draft.version, [step], null, provenance);
      return contract;
    });
  }

  /** Appends a follow-up status (an `action-status` code) to an action of a signed version. */
  async setActionStatus(
    actionId: string,
    status: string,
    comment: string | null,
    provenance: Provenance,
  ): Promise<{ contract: ContractEntity; action: ContractActionEntity }> {
    return this.dataSource.transaction(async (em) => {
      const action = isUuid(actionId)
        ? await em.getRepository(ContractActionEntity).findOne({ where: { id: actionId } })
        : null;
      if (!action) throw new ContractException(ContractExceptionCode.ActionNotFound, 'Action not found');
      const objective = await em
        .getRepository(ContractObjectiveEntity)
        .findOneOrFail({ where: { id: action.objectiveId } });
      const version = await em
        .getRepository(ContractVersionEntity)
        .findOneOrFail({ where: { id: objective.contractVersionId } });
      const contract = await this.lockContract(version.contractId, em);
      assertActionFollowable(contract.status, version);
      await this.assertCodes([{ list: 'action-status', code: status, field: 'status' }], em);
      await em.getRepository(ContractActionStatusEntity).insert({
        actionId,
        status,
        comment: comment?.trim() || null,
        provenance: provenanceOf(provenance),
      });
      return { contract, action };
    });
  }

  /** Appends a follow-up status of an objective of a signed version (reached, not reached…). */
  async setObjectiveStatus(
    objectiveId: string,
    status: ObjectiveStatus,
    comment: string | null,
    provenance: Provenance,
  ): Promise<{ contract: ContractEntity; objective: ContractObjectiveEntity }> {
    return this.dataSource.transaction(async (em) => {
      const objective = isUuid(objectiveId)
        ? await em.getRepository(ContractObjectiveEntity).findOne({ where: { id: objectiveId } })
        : null;
      if (!objective)
        throw new ContractException(ContractExceptionCode.ObjectiveNotFound, 'Objective not found');
      const version = await em
        .getRepository(ContractVersionEntity)
        .findOneOrFail({ where: { id: objective.contractVersionId } });
      const contract = await this.lockContract(version.contractId, em);
      assertObjectiveFollowable(contract.status, version);
      await em.getRepository(ContractObjectiveStatusEntity).insert({
        objectiveId,
        status,
        comment: comment?.trim() || null,
        provenance: provenanceOf(provenance),
      });
      return { contract, objective };
    });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, ContractEntity>> {
    const wanted = ids.filter(isUuid);
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ContractEntity).findBy({ id: In(wanted) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async getById(id: string): Promise<ContractEntity> {
    const contract = (await this.byIds([id])).get(id);
    if (!contract) throw new ContractException(ContractExceptionCode.ContractNotFound, 'Contract not found');
    return contract;
  }

  /** Contracts of each person, newest first. */
  async contractsOfPersons(personIds: readonly string[]): Promise<Map<string, ContractEntity[]>> {
    const wanted = personIds.filter(isUuid);
    if (wanted.length === 0) return new Map();
    const rows = await CONTRACTS_OF_PERSONS.find(this.dataSource, [wanted]);
    return groupRows(rows, (row) => row.personId);
  }

  /** Every version of each contract, oldest first, with objectives and actions in their order. */
  async versionsOf(contractIds: readonly string[]): Promise<Map<string, ContractVersionWithContent[]>> {
    const wanted = contractIds.filter(isUuid);
    if (wanted.length === 0) return new Map();
    const versions = new Map<string, ContractVersionWithContent>();
    const objectives = new Map<string, ContractObjectiveWithActions>();
    for (const { v, o, a } of await VERSIONS_WITH_CONTENT.find(this.dataSource, [wanted])) {
      if (!v) continue;
      let version = versions.get(v.id);
      if (!version) {
        version = Object.assign(v, { objectives: [] as ContractObjectiveWithActions[] });
        versions.set(v.id, version);
      }
      if (!o) continue;
      let objective = objectives.get(o.id);
      if (!objective) {
        objective = Object.assign(o, { actions: [] as ContractActionEntity[] });
        objectives.set(o.id, objective);
        version.objectives.push(objective);
      }
      if (a) objective.actions.push(a);
    }
    const withContent = [...versions.values()];
    return groupRows(withContent, (version) => version.contractId);
  }

  /** Events of each contract in the order they happened. */
  async eventsOf(contractIds: readonly string[]): Promise<Map<string, ContractEventEntity[]>> {
    const wanted = contractIds.filter(isUuid);
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ContractEventEntity)
      .find({ where: { contractId: In(wanted) } });
    // Steps of one command share their instant: the life-cycle order breaks the tie (signed before activated).
    rows.sort(
      (a, b) =>
        a.provenance.recordedAt.getTime() - b.provenance.recordedAt.getTime() ||
        CONTRACT_EVENT_KINDS.indexOf(a.kind as never) - CONTRACT_EVENT_KINDS.indexOf(b.kind as never),
    );
    return groupRows(rows, (row) => row.contractId);
  }

  /** Follow-up statuses of each action, oldest first. */
  async actionStatusesOf(
    actionIds: readonly string[],
    em?: EntityManager,
  ): Promise<Map<string, ContractActionStatusEntity[]>> {
    const wanted = actionIds.filter(isUuid);
    if (wanted.length === 0) return new Map();
    const rows = em
      ? await em
          .getRepository(ContractActionStatusEntity)
          .find({ where: { actionId: In(wanted) }, order: { provenance: { recordedAt: 'ASC' }, id: 'ASC' } })
      : await ACTION_STATUSES_OF.find(this.dataSource, [wanted]);
    return groupRows(rows, (row) => row.actionId);
  }

  /** Follow-up statuses of each objective, oldest first. */
  async objectiveStatusesOf(
    objectiveIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ContractObjectiveStatusEntity[]>> {
    const wanted = objectiveIds.filter(isUuid);
    if (wanted.length === 0) return new Map();
    const rows = await em.getRepository(ContractObjectiveStatusEntity).find({
      where: { objectiveId: In(wanted) },
      order: { provenance: { recordedAt: 'ASC' }, id: 'ASC' },
    });
    return groupRows(rows, (row) => row.objectiveId);
  }

  private async lockContract(contractId: string, em: EntityManager): Promise<ContractEntity> {
    const contract = isUuid(contractId)
      ? await em
          .getRepository(ContractEntity)
          .findOne({ where: { id: contractId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!contract) throw new ContractException(ContractExceptionCode.ContractNotFound, 'Contract not found');
    return contract;
  }

  private async latestVersion(contractId: string, em: EntityManager): Promise<ContractVersionEntity> {
    const [latest] = await em
      .getRepository(ContractVersionEntity)
      .find({ where: { contractId }, order: { version: 'DESC' }, take: 1 });
    if (!latest) throw new Error(`contract ${contractId} has no version`);
    return latest;
  }

  private async objectivesOf(
    versionIds: readonly string[],
    em: EntityManager,
  ): Promise<Map<string, ContractObjectiveWithActions[]>> {
    if (versionIds.length === 0) return new Map();
    const objectives = await em.getRepository(ContractObjectiveEntity).find({
      where: { contractVersionId: In([...versionIds]) },
      relations: { actions: true },
      order: { position: 'ASC', actions: { position: 'ASC' } },
    });
    return groupRows(
      objectives.map((objective) => Object.assign(objective, { actions: objective.actions ?? [] })),
      (objective) => objective.contractVersionId,
    );
  }

  private async insertObjectives(
    versionId: string,
    objectives: ReadonlyArray<
      Omit<ContractObjectiveContent, 'actions'> & {
        initialStatus?: string;
        actions: Array<ContractObjectiveContent['actions'][number] & { initialStatus?: string }>;
      }
    >,
    em: EntityManager,
  ): Promise<void> {
    const repository = em.getRepository(ContractObjectiveEntity);
    await repository.save(
      objectives.map((objective, position) =>
        repository.create({
          contractVersionId: versionId,
          position,
          themeCode: objective.themeCode,
          code: objective.code,
          label: objective.label,
          initialStatus: objective.initialStatus ?? INITIAL_OBJECTIVE_STATUS,
          actions: objective.actions.map((action, actionPosition) =>
            em.getRepository(ContractActionEntity).create({
              position: actionPosition,
              code: action.code,
              label: action.label,
              dueDate: action.dueDate,
              initialStatus: action.initialStatus ?? INITIAL_ACTION_STATUS,
            }),
          ),
        }),
      ),
    );
  }

  private async appendEvents(
    em: EntityManager,
    contractId: string,
    version: number,
    steps: readonly ContractTransitionStep[],
    reason: string | null,
    provenance: Provenance,
  ): Promise<void> {
    await em.getRepository(ContractEventEntity).insert(
      steps.map((step) => ({
        contractId,
        version,
        kind: step.kind,
        fromStatus: step.fromStatus,
        toStatus: step.toStatus,
        reason,
        provenance: provenanceOf(provenance),
      })),
    );
  }

  /** Codes must exist in their list and be open; labels default to the référentiel's; codes must fit the theme. */
  private async resolveObjectives(
    objectives: readonly ContractObjectiveInput[],
    em: EntityManager,
  ): Promise<ContractObjectiveContent[]> {
    const references = contractCodeReferences(objectives);
    await this.assertCodes(references, em);
    const codes = references
      .filter((reference) => reference.list !== 'theme')
      .map((reference) => reference.code);
    const entries =
      codes.length === 0
        ? []
        : await em.getRepository(CodeListEntryEntity).find({
            select: { listCode: true, code: true, label: true, parentCode: true },
            where: { listCode: In(['objective', 'action']), code: In([...new Set(codes)]) },
          });
    return resolveContractObjectives(objectives, entries);
  }

  private async assertCodes(references: readonly ContractCodeReference[], em: EntityManager): Promise<void> {
    const byList = groupRows([...references], (reference) => reference.list);
    const problems: Array<{ code: ReferentielExceptionCode; message: string; fields: string[] }> = [];
    for (const [list, listed] of byList) {
      try {
        await this.referentiel.assertCodes(
          list as CodeListCode,
          listed.map((reference) => reference.code),
          {
            forNewData: true,
            manager: em,
          },
        );
      } catch (error) {
        if (!(error instanceof ReferentielException)) throw error;
        const codes = (error.details?.['codes'] as string[] | undefined) ?? [];
        problems.push({
          code: error.code,
          message: error.message,
          fields: listed
            .filter((reference) => codes.includes(reference.code))
            .map((reference) => reference.field),
        });
      }
    }
    if (problems.length === 0) return;
    const unknown = problems.some((problem) => problem.code === ReferentielExceptionCode.UnknownCode);
    throw new ContractException(
      unknown ? ContractExceptionCode.UnknownCode : ContractExceptionCode.ClosedCode,
      problems.map((problem) => problem.message).join('; '),
      { fields: problems.flatMap((problem) => problem.fields) },
    );
  }
}

function groupRows<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
