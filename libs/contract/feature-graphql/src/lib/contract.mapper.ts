import type {
  ContractActionStatusEntity,
  ContractEntity,
  ContractEventEntity,
  ContractVersionWithContent,
} from '@spie/contract/data-access';
import type { ContractObjectiveStatusEntity } from '@spie/contract/data-access';
import type { ContractStatus, ObjectiveStatus } from '@spie/contract/domain';

import type {
  ContractActionStatusChangeDTO,
  ContractDTO,
  ContractEventDTO,
  ContractObjectiveStatusChangeDTO,
  ContractVersionDTO,
} from './dtos/contract.dto';

export function toContractDTO(contract: ContractEntity): ContractDTO {
  return {
    id: contract.id,
    type: contract.type,
    status: contract.status,
    startDate: contract.startDate,
    endDate: contract.endDate,
    currentVersion: contract.currentVersion,
    endReason: contract.endReason,
    createdAt: contract.createdAt,
    personId: contract.personId,
    organisationId: contract.organisationId,
    referentAgentId: contract.referentAgentId,
  };
}

export function toContractVersionDTO(version: ContractVersionWithContent): ContractVersionDTO {
  return {
    id: version.id,
    version: version.version,
    startDate: version.startDate,
    endDate: version.endDate,
    notes: version.notes,
    signedAt: version.signedAt,
    personAgreed: version.personAgreed,
    signatureMethod: version.signatureMethod,
    contentHash: version.contentHash,
    signedByAgentId: version.signedByAgentId,
    objectives: version.objectives.map((objective) => ({
      id: objective.id,
      themeCode: objective.themeCode,
      code: objective.code,
      label: objective.label,
      initialStatus: objective.initialStatus as ObjectiveStatus,
      actions: objective.actions.map((action) => ({
        id: action.id,
        code: action.code,
        label: action.label,
        dueDate: action.dueDate,
        initialStatus: action.initialStatus,
      })),
    })),
  };
}

export function toContractEventDTO(event: ContractEventEntity): ContractEventDTO {
  return {
    kind: event.kind,
    fromStatus: event.fromStatus as ContractStatus | null,
    toStatus: event.toStatus as ContractStatus,
    version: event.version,
    at: event.provenance.recordedAt,
    by: event.provenance.recordedBy,
    reason: event.reason,
  };
}

export function toContractActionStatusChangeDTO(
  row: ContractActionStatusEntity,
): ContractActionStatusChangeDTO {
  return {
    status: row.status,
    at: row.provenance.recordedAt,
    by: row.provenance.recordedBy,
    comment: row.comment,
  };
}

export function toContractObjectiveStatusChangeDTO(
  row: ContractObjectiveStatusEntity,
): ContractObjectiveStatusChangeDTO {
  return {
    status: row.status as ObjectiveStatus,
    at: row.provenance.recordedAt,
    by: row.provenance.recordedBy,
    comment: row.comment,
  };
}
