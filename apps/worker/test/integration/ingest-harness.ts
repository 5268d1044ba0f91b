import { Readable } from 'node:stream';

import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  ImportBatchService,
  ImportSubmissionService,
  type ImportBatchEntity,
  type ImportIssueEntity,
} from '@spie/ingestion/data-access';
import type { IngestSource } from '@spie/ingestion/domain';
import { HUB_ENTITIES } from '@spie/ops/schema';
import { hubDataSourceOptions } from '@spie/platform/database';
import type { JobEnvelope } from '@spie/platform/queue';
import { buildIngestSenders } from '@spie/shared/testing';

import { createWorker } from '../../src/bootstrap';

const FINISHED = ['completed', 'completed_with_errors', 'failed'];

/** A real worker on its own Redis database, and the services that feed and read the pipeline. */
export interface IngestHarness {
  worker: INestApplicationContext;
  dataSource: DataSource;
  submission: ImportSubmissionService;
  batches: ImportBatchService;
  /** The Redis URL (with its database) the worker and the producers use. */
  redisUrl: string;
  /** A technical account allowed to send each source (`buildIngestSenders`), as a job envelope. */
  envelopes: Record<IngestSource, JobEnvelope>;
  /** Submits a file as the CLI does and waits until its batch is finished. */
  ingest(
    source: IngestSource,
    bytes: Buffer,
    options?: { fileName?: string; options?: Record<string, string> },
  ): Promise<ImportBatchEntity>;
  /** Waits until the batch is finished. */
  finished(batchId: string): Promise<ImportBatchEntity>;
  issues(batchId: string): Promise<ImportIssueEntity[]>;
  close(): Promise<void>;
}

/**
 * Starts the real worker (every queue, the same module as production) with its queues in Redis database `redisDb`,
 * so that the workers of other test files, which run at the same time on the same Redis, never take its jobs (their
 * configuration differs, e.g. without i-Milo). `env` is set before the worker reads its configuration.
 */
export async function startIngestHarness(options: {
  redisDb: number;
  env?: Record<string, string>;
}): Promise<IngestHarness> {
  const url = new URL(process.env['REDIS_URL'] as string);
  url.pathname = `/${options.redisDb}`;
  const redisUrl = url.toString();
  process.env['REDIS_URL'] = redisUrl;
  Object.assign(process.env, options.env ?? {});
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();

  // The senders exist before the worker boots: its i-Milo scheduler acts as the mission locale's account.
  const setup = await new DataSource(
    hubDataSourceOptions({
      url: process.env['DATABASE_URL'] as string,
      entities: HUB_ENTITIES,
      applicationName: 'spie-test-setup',
      poolSize: 1,
    }),
  ).initialize();
  const { envelopes } = await buildIngestSenders(setup).finally(() => setup.destroy());
  process.env['IMILO_CONNECTOR_LOGIN'] = envelopes['mission-locale'].actor.login;

  const worker = await createWorker({ logs: false });
  const dataSource = worker.get<DataSource>(getDataSourceToken());
  const submission = worker.get(ImportSubmissionService, { strict: false });
  const batches = worker.get(ImportBatchService, { strict: false });

  const finished = async (batchId: string): Promise<ImportBatchEntity> => {
    let current: ImportBatchEntity | null = null;
    for (let i = 0; i < 200; i += 1) {
      current = await batches.get(batchId);
      if (current && FINISHED.includes(current.status)) return current;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`batch ${batchId} did not finish in 50 s: still ${current?.status ?? 'missing'}`);
  };

  return {
    worker,
    dataSource,
    submission,
    batches,
    redisUrl,
    envelopes,
    finished,
    async ingest(source, bytes, more = {}) {
      const { batch } = await submission.submit({
        source,
        fileName: more.fileName ?? `${source}-${Date.now()}.csv`,
        input: Readable.from([bytes]),
        options: more.options ?? {},
        envelope: envelopes[source],
      });
      return finished(batch.id);
    },
    issues: (batchId) => batches.issues(batchId, { limit: 1000 }),
    close: () => worker.close(),
  };
}

/** Letters only, so that names built with it stay names after normalisation. */
export function randomLetters(length = 8): string {
  return Array.from({ length }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
}
