import type { Actor } from '@spie/shared/kernel';

/** Every queue of the hub (kebab-case values are the Redis names). */
export enum QueueName {
  Parcours = 'parcours',
}

/** Every job: one handler each, checked at worker boot. */
export enum JobName {
  RecomputeParcoursStatus = 'recompute-parcours-status',
}

/** Which queue carries which job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.RecomputeParcoursStatus]: QueueName.Parcours,
};

/** Fields every payload carries: who started it, under which correlation id. */
export interface JobEnvelope {
  correlationId: string;
  actor: Pick<Actor, 'kind' | 'id' | 'login' | 'organisationId'>;
}

export interface JobPayloadMap {
  [JobName.RecomputeParcoursStatus]: JobEnvelope & { personId: string; reason: string };
}

export type JobPayload<N extends JobName> = JobPayloadMap[N];
