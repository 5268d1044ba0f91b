import type { EntityManager } from 'typeorm';
import { copyRows } from '@spie/platform/database';

import type { IngestSource } from '@spie/ingestion/domain';
import type { SourceSystem } from '@spie/shared/kernel';

import type { ImportCounts } from '../entities/import-batch.entity';
import type { IdentityConflictReason } from '../entities/identity-conflict.entity';
import type { DomainEventType } from '../entities/domain-event.entity';

/** What an applier knows of the batch whose chunk it applies. */
export interface ApplyContext {
  manager: EntityManager;
  batchId: string;
  source: IngestSource;
  /** Reference date of the file, YYYY-MM-DD (the day the batch was received when the file has none). */
  referenceDate: string;
  fluxType: string | null;
  options: Record<string, string>;
  receivedAt: Date;
  /** `connector:<source>` or the agent who uploaded. */
  recordedBy: string;
}

export interface ConflictToRecord {
  position: number;
  recordKey: string;
  reason: IdentityConflictReason;
  candidatePersonIds: string[];
  observation: Record<string, unknown>;
  context: Record<string, unknown>;
}

export interface EventToRecord {
  type: DomainEventType;
  personId: string | null;
  householdId: string | null;
  effectiveOn: string | null;
  payload: Record<string, unknown>;
  source: SourceSystem;
}

export interface IssueToRecord {
  position: number;
  recordKey: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  field: string | null;
}

/** What applying one chunk did: counted into the batch, events and conflicts written in the same transaction. */
export interface ApplyResult {
  counts: Partial<ImportCounts>;
  /** People whose derived status may have changed. */
  touchedPersonIds: string[];
  conflicts: ConflictToRecord[];
  events: EventToRecord[];
  issues: IssueToRecord[];
}

export function emptyResult(): ApplyResult {
  return { counts: {}, touchedPersonIds: [], conflicts: [], events: [], issues: [] };
}

export function add(counts: Partial<ImportCounts>, key: keyof ImportCounts, value = 1): void {
  counts[key] = (counts[key] ?? 0) + value;
}

/** Provenance shared by the events one transaction writes. */
export interface EventProvenance {
  sourceRef: string;
  observedAt: Date;
  recordedAt: Date;
  recordedBy: string;
}

/** Appends domain events to the outbox (`domain_event`), by COPY, in the manager's transaction. */
export async function writeDomainEvents(
  manager: EntityManager,
  events: readonly EventToRecord[],
  provenance: EventProvenance,
): Promise<void> {
  await copyRows(
    manager,
    'domain_event',
    [
      'type',
      'person_id',
      'household_id',
      'effective_on',
      'payload',
      'source',
      'source_ref',
      'observed_at',
      'recorded_at',
      'recorded_by',
    ],
    events.map((e) => [
      e.type,
      e.personId,
      e.householdId,
      e.effectiveOn,
      e.payload,
      e.source,
      provenance.sourceRef,
      provenance.observedAt,
      provenance.recordedAt,
      provenance.recordedBy,
    ]),
  );
}
