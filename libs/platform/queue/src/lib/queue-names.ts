import type { Actor } from '@spie/shared/kernel';

/** Every queue of the hub (kebab-case values are the Redis names). */
export enum QueueName {
  Parcours = 'parcours',
  /** One queue per source, so a big CAF flux never delays a France Travail file or a mission locale event. */
  IngestCafMsa = 'ingest-caf-msa',
  IngestFranceTravail = 'ingest-france-travail',
  IngestDepartment = 'ingest-department',
  IngestMissionLocale = 'ingest-mission-locale',
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
}

export type JobPayload<N extends JobName> = JobPayloadMap[N];
