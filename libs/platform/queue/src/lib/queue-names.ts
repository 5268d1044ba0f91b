import type { Actor } from '@spie/shared/kernel';

/** Every queue of the hub (kebab-case values are the Redis names). */
export enum QueueName {
  Parcours = 'parcours',
  /** One queue per source, so a big CAF flux never delays a France Travail file or a mission locale event. */
  IngestCafMsa = 'ingest-caf-msa',
  IngestFranceTravail = 'ingest-france-travail',
  IngestDepartment = 'ingest-department',
  IngestMissionLocale = 'ingest-mission-locale',
  /** Alert scans of the audit log. */
  Audit = 'audit',
  /** Retention runs (archive, destroy, audit purge): long, one at a time, never in the way of an alert scan. */
  Retention = 'retention',
}

/** Every job: one handler each, checked at worker boot. */
export enum JobName {
  RecomputeParcoursStatus = 'recompute-parcours-status',
  /**
   * Recomputes the persons marked pending (by import chunks) until none is left. Enqueue it with
   * `PARCOURS_DRAIN_DEDUPLICATION`: requests collapse into one run, and one more after a run in progress.
   */
  DrainParcoursStatus = 'drain-parcours-status',
  /** Reads a stored file, stages its records in chunks and queues one apply job per chunk. */
  IngestParseFile = 'ingest-parse-file',
  /** Applies one staged chunk (exactly once). */
  IngestApplyChunk = 'ingest-apply-chunk',
  /** Polls the i-Milo event feed: the events become a batch with one apply job per event, acknowledged once applied. */
  MissionLocalePoll = 'mission-locale-poll',
  /** Scans the last hours of the audit log for unusual patterns and records alerts (a job scheduler, every few minutes). */
  AuditAlertScan = 'audit-alert-scan',
  /**
   * Retention: archives, destroys and purges what is due (CASF R.263-8, `AUDIT_RETENTION_DAYS`); daily by a job
   * scheduler, and for one person at once after a "not a beneficiary" declaration.
   */
  RetentionRun = 'retention-run',
}

/** The deduplication id of every drain-parcours-status request. */
export const PARCOURS_DRAIN_DEDUPLICATION = 'parcours-drain';

/** Which queue carries which job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.RecomputeParcoursStatus]: QueueName.Parcours,
  [JobName.DrainParcoursStatus]: QueueName.Parcours,
  // Ingestion jobs go to the queue of their source (`INGEST_QUEUE`); this is the default.
  [JobName.IngestParseFile]: QueueName.IngestCafMsa,
  [JobName.IngestApplyChunk]: QueueName.IngestCafMsa,
  [JobName.MissionLocalePoll]: QueueName.IngestMissionLocale,
  [JobName.AuditAlertScan]: QueueName.Audit,
  [JobName.RetentionRun]: QueueName.Retention,
};

/** The queue of each ingestion source. */
export const INGEST_QUEUE: Record<string, QueueName> = {
  'caf-msa': QueueName.IngestCafMsa,
  'france-travail-principal': QueueName.IngestFranceTravail,
  'france-travail-actions': QueueName.IngestFranceTravail,
  'france-travail-diagnostic': QueueName.IngestFranceTravail,
  department: QueueName.IngestDepartment,
  'mission-locale': QueueName.IngestMissionLocale,
};

/** Fields every payload carries: who started it, under which correlation id. */
export interface JobEnvelope {
  correlationId: string;
  actor: Pick<Actor, 'kind' | 'id' | 'login' | 'organisationId'>;
}

export interface JobPayloadMap {
  [JobName.RecomputeParcoursStatus]: JobEnvelope & { personId: string; reason: string };
  [JobName.DrainParcoursStatus]: JobEnvelope;
  [JobName.IngestParseFile]: JobEnvelope & { batchId: string };
  [JobName.IngestApplyChunk]: JobEnvelope & { batchId: string; seq: number };
  [JobName.MissionLocalePoll]: JobEnvelope;
  [JobName.AuditAlertScan]: JobEnvelope;
  /** `personIds`: only these persons, and no audit purge. */
  [JobName.RetentionRun]: JobEnvelope & { dryRun: boolean; personIds?: string[] };
}

export type JobPayload<N extends JobName> = JobPayloadMap[N];
