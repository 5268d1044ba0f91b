import type {
  IdentityConflictEntity,
  IdentityConflictResolution,
  ImportBatchEntity,
  ImportIssueEntity,
  Page,
} from '@spie/ingestion/data-access';
import {
  batchProgress,
  encodeCursor,
  maskIdentifierValue,
  maskRecordKey,
  RESOLUTION_STATUS,
} from '@spie/ingestion/data-access';
import { maskNirInText } from '@spie/platform/logging';

import type { IdentityConflictDTO, ObservedPersonDTO } from './dtos/identity-conflict.dto';
import type { ImportBatchDTO, ImportIssueDTO } from './dtos/import-batch.dto';
import type { Connection } from './dtos/page.dto';

export function toImportBatchDTO(
  batch: ImportBatchEntity,
  now: Date = new Date(),
  averageRecordBytes: number | null = null,
): ImportBatchDTO {
  return {
    id: batch.id,
    source: batch.source,
    fileName: maskNirInText(batch.fileName),
    sha256: batch.fileHash,
    sizeBytes: Number(batch.fileSize),
    receivedAt: batch.receivedAt,
    receivedBy: batch.receivedBy,
    actingAs: batch.actingLogin,
    resumedBy: batch.resumedBy,
    resumedAt: batch.resumedAt,
    status: batch.status,
    referenceDate: batch.referenceDate,
    fluxType: batch.fluxType,
    startedAt: batch.startedAt,
    parsedAt: batch.parsedAt,
    completedAt: batch.completedAt,
    progress: batchProgress(batch, now, averageRecordBytes),
    counts: { ...batch.counts },
    error: batch.errorCode
      ? { code: batch.errorCode, message: maskNirInText(batch.errorMessage ?? '') }
      : null,
    hold:
      batch.status === 'held' && batch.holdCode && batch.heldAt
        ? { code: batch.holdCode, message: batch.holdMessage ?? '', heldAt: batch.heldAt }
        : null,
  };
}

export function toImportIssueDTO(issue: ImportIssueEntity): ImportIssueDTO {
  return {
    id: issue.id,
    position: issue.position,
    recordKey: issue.recordKey === null ? null : maskRecordKey(issue.recordKey),
    phase: issue.phase,
    severity: issue.severity,
    code: issue.code,
    message: maskNirInText(issue.message),
    field: issue.field,
  };
}

const RESOLUTION_OF_STATUS = Object.fromEntries(
  Object.entries(RESOLUTION_STATUS).map(([resolution, status]) => [status, resolution]),
) as Record<string, IdentityConflictResolution | undefined>;

export function toIdentityConflictDTO(conflict: IdentityConflictEntity): IdentityConflictDTO {
  const resolution = RESOLUTION_OF_STATUS[conflict.status] ?? null;
  return {
    id: conflict.id,
    batchId: conflict.batchId,
    source: conflict.source,
    position: conflict.position,
    recordKey: maskRecordKey(conflict.recordKey),
    reason: conflict.reason,
    candidatePersonIds: conflict.candidatePersonIds,
    observed: toObservedPerson(conflict.observation, conflict.context),
    status: conflict.status === 'open' ? 'open' : 'resolved',
    resolution,
    resolvedPersonId: conflict.resolvedPersonId,
    resolvedById: conflict.resolvedBy,
    resolvedAt: conflict.resolvedAt,
    comment: conflict.resolutionNote,
    createdAt: conflict.createdAt,
  };
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Only the identity fields a reviewer needs are read from the stored observation, by name: the encrypted NIR (and
 * anything else the source sent: contact details, address) never leaves the server.
 */
export function toObservedPerson(
  observation: Record<string, unknown>,
  context: Record<string, unknown>,
): ObservedPersonDTO {
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
  const birthDate = text(observation['birthDate']);
  const identifiers = Array.isArray(observation['identifiers']) ? observation['identifiers'] : [];
  return {
    lastName: text(observation['lastName']),
    birthName: text(observation['birthName']),
    firstNames: Array.isArray(observation['firstNames'])
      ? observation['firstNames'].filter((name): name is string => typeof name === 'string')
      : [],
    birthDate: birthDate && LOCAL_DATE.test(birthDate) ? birthDate : null,
    sex: text(observation['sex']),
    role: text(observation['role']) ?? text(context['role']),
    hasNir: observation['nirGiven'] === true || typeof observation['nirEncrypted'] === 'string',
    identifiers: identifiers.flatMap((identifier: unknown) => {
      const { system, value } = (identifier ?? {}) as { system?: unknown; value?: unknown };
      return typeof system === 'string' && typeof value === 'string'
        ? [{ system, value: maskIdentifierValue(system, value) }]
        : [];
    }),
  };
}

export function toConnection<E extends { id: string }, D>(page: Page<E>, map: (row: E) => D): Connection<D> {
  return {
    edges: page.items.map((row) => ({ cursor: encodeCursor(row.id), node: map(row) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
