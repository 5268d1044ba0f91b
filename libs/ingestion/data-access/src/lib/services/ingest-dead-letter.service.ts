import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';

import { maskNirInText } from '@spie/platform/logging';
import {
  INGEST_QUEUE,
  JOB_QUEUE,
  JobName,
  JobQueueService,
  type JobEnvelope,
  type QueueName,
} from '@spie/platform/queue';

import type { ImportBatchEntity } from '../entities/import-batch.entity';
import { ImportBatchService } from './import-batch.service';
import { ImportSubmissionService } from './import-submission.service';
import { applyJobId, parseJobId } from './ingest-job-ids';

/** A job of an ingestion queue that failed for good (attempts exhausted, or a permanent error). */
export interface DeadLetter {
  queue: QueueName;
  jobId: string;
  jobName: string;
  batchId: string | null;
  seq: number | null;
  attemptsMade: number;
  /** Why the last attempt failed, with anything shaped like a NIR masked. */
  failedReason: string;
  failedAt: Date | null;
}

export type JobReplay =
  | { outcome: 'retried'; job: DeadLetter }
  | { outcome: 'not-failed'; queue: QueueName; state: string }
  | { outcome: 'not-found' };

export interface BatchReplay {
  batch: ImportBatchEntity;
  /** Failed jobs of the batch sent back to their queue, attempts reset. */
  retried: DeadLetter[];
  /** What `ImportSubmissionService.resume` queued again, when jobs of the batch were lost. */
  resumed: { parse: boolean; chunks: number } | null;
}

const FINISHED = new Set(['completed', 'completed_with_errors', 'failed']);
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * The dead-letter list of the ingestion queues (BullMQ keeps failed jobs 30 days) and their replay: a failed job is
 * retried with a fresh attempt budget; a batch whose jobs were lost (Redis emptied, parse never queued) is resumed.
 * Replaying is safe because a parse restarts cleanly and a chunk is applied at most once.
 */
@Injectable()
export class IngestDeadLetterService {
  constructor(
    private readonly queues: JobQueueService,
    private readonly batches: ImportBatchService,
    private readonly submission: ImportSubmissionService,
  ) {}

  /** Every queue that carries ingestion jobs. */
  ingestQueues(): QueueName[] {
    return [...new Set([...Object.values(INGEST_QUEUE), JOB_QUEUE[JobName.MissionLocalePoll]])];
  }

  /** Failed jobs across the ingestion queues, latest failure first. */
  async list(options: { batchId?: string; limit?: number } = {}): Promise<DeadLetter[]> {
    const limit = options.limit ?? 100;
    // When filtering by batch, the batch's jobs may be anywhere in the failed sets: read them whole.
    const end = options.batchId ? -1 : limit - 1;
    const perQueue = await Promise.all(
      this.ingestQueues().map(async (name) => (await this.queue(name).getFailed(0, end)).map(deadLetter)),
    );
    return perQueue
      .flat()
      .filter((job) => !options.batchId || job.batchId === options.batchId)
      .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
      .slice(0, limit);
  }

  /** Retries one job by id, wherever it is; only a failed job is retried. */
  async replayJob(jobId: string): Promise<JobReplay> {
    for (const name of this.ingestQueues()) {
      const job = await this.queue(name).getJob(jobId);
      if (!job) continue;
      const state = await job.getState();
      if (state !== 'failed') return { outcome: 'not-failed', queue: name, state };
      const letter = deadLetter(job);
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return { outcome: 'retried', job: letter };
    }
    return { outcome: 'not-found' };
  }

  /**
   * Replays a batch. A held batch (its sender lost their rights) is resumed under `envelope.actor`, who must have the
   * rights its source needs (`IMPORT_NOT_HABILITATED` otherwise) and answers for it from now on. Its failed jobs are
   * retried; if it is unfinished and none of its jobs is failed or still queued (the queue lost them), it is resumed
   * likewise: its parse (not finished) or its pending chunks (parsed) are queued again, and a batch left open with
   * nothing pending is closed. Null when the batch does not exist.
   */
  async replayBatch(batchId: string, envelope: JobEnvelope): Promise<BatchReplay | null> {
    const batch = await this.batches.get(batchId);
    if (!batch) return null;
    const queue = this.queue(INGEST_QUEUE[batch.source]);
    let resumed: BatchReplay['resumed'] = null;
    const held = batch.status === 'held';
    if (held) resumed = await this.submission.resume(batch, envelope);
    const failed = (await queue.getFailed(0, -1)).filter((job) => jobBatchId(job) === batchId);
    const retried: DeadLetter[] = [];
    for (const job of failed) {
      retried.push(deadLetter(job));
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    }
    if (
      !held &&
      retried.length === 0 &&
      !FINISHED.has(batch.status) &&
      !(await this.hasLiveJob(queue, batch))
    ) {
      resumed = await this.submission.resume(batch, envelope);
    }
    // Parsed, every chunk applied, yet not closed (the process died in between): close it now.
    if (resumed && !resumed.parse && resumed.chunks === 0) await this.batches.completeIfDone(batch.id);
    return { batch, retried, resumed };
  }

  /** Whether a job of the batch (its parse, or the apply job of a pending chunk) is waiting or running. */
  private async hasLiveJob(queue: Queue, batch: ImportBatchEntity): Promise<boolean> {
    const ids = batch.parsedAt
      ? (await this.batches.pendingChunks(batch.id)).map((seq) => applyJobId(batch, seq))
      : [parseJobId(batch)];
    for (const id of ids) {
      const job = await queue.getJob(id);
      if (job && LIVE_STATES.has(await job.getState())) return true;
    }
    return false;
  }

  private queue(name: QueueName): Queue {
    return this.queues.queue(JobName.IngestParseFile, name);
  }
}

function jobBatchId(job: Job): string | null {
  const data = job.data as { batchId?: unknown } | undefined;
  return typeof data?.batchId === 'string' ? data.batchId : null;
}

function deadLetter(job: Job): DeadLetter {
  const data = job.data as { seq?: unknown } | undefined;
  return {
    queue: job.queueName as QueueName,
    jobId: String(job.id),
    jobName: job.name,
    batchId: jobBatchId(job),
    seq: typeof data?.seq === 'number' ? data.seq : null,
    attemptsMade: job.attemptsMade,
    failedReason: maskNirInText(job.failedReason ?? ''),
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}
