import { spawn } from 'node:child_process';
import { rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { HabilitationService } from '@spie/access/data-access';
import {
  ImportBatchService,
  ImportStorageService,
  parseJobId,
  type ImportBatchEntity,
} from '@spie/ingestion/data-access';
import type { AgentEntity } from '@spie/organisation/data-access';
import { EnvironmentVariables } from '@spie/platform/config';
import { WORKSPACE_ROOT } from '@spie/platform/dev-services';
import { JobName, JobQueueService, QueueName, type JobEnvelope } from '@spie/platform/queue';
import {
  buildAgentWithOrganisation,
  buildIngestSenders,
  cafFluxBytes,
  envelopeOf,
  startWorkerProcess,
  type WorkerProcess,
} from '@spie/shared/testing';

import { openIngestContext, type IngestContext } from '../../src/ingest-context';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npx spie …` as a user would, on the integration database and Redis. */
function spie(...args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'bin', 'spie.js'), ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

const lastJson = <T>(result: CliResult): T =>
  JSON.parse(result.stdout.trim().split('\n').pop() as string) as T;

describe('spie imports: dead-letter list, replay and report', () => {
  let context: IngestContext;
  let worker: WorkerProcess;
  let storageRoot: string;
  let batches: ImportBatchService;
  let sender: AgentEntity;
  let envelope: JobEnvelope;
  const offset = 40_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
  let ordinal = 0;

  beforeAll(async () => {
    context = await openIngestContext({
      workers: 0,
      environment: { env: process.env as Record<string, string> },
    });
    const env = context.app.get(EnvironmentVariables);
    storageRoot = resolve(env.IMPORT_STORAGE_DIR);
    batches = context.app.get(ImportBatchService);
    sender = (await buildIngestSenders(context.app.get<DataSource>(getDataSourceToken()))).agents['caf-msa'];
    envelope = envelopeOf(sender);
    worker = await startWorkerProcess();
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await context?.close();
  });

  const dataSource = () => context.app.get<DataSource>(getDataSourceToken());

  /** A batch recorded with its file stored, as `submit` leaves it, but with no job queued yet. */
  async function receivedBatch(by: AgentEntity = sender): Promise<ImportBatchEntity> {
    ordinal += 1;
    const bytes = await cafFluxBytes({
      households: 3,
      seed: 5,
      matriculeOffset: offset + ordinal * 100,
      referenceDate: '2026-08-31',
    });
    const file = await context.app.get(ImportStorageService).store(Readable.from([bytes]));
    const { batch } = await batches.receive({
      source: 'caf-msa',
      fileName: `dlq-${ordinal}.xml`,
      file,
      options: {},
      receivedBy: by.login,
      correlationId: 'imports-cli-test',
      actingAgentId: by.id,
    });
    return batch;
  }

  /** Hides the stored file and queues the parse with a single attempt: it fails for good (a dead letter). */
  async function failedParse(batch: ImportBatchEntity): Promise<() => Promise<void>> {
    const stored = join(storageRoot, batch.storagePath);
    await rename(stored, `${stored}.hidden`);
    const queue = context.app.get(JobQueueService).queue(JobName.IngestParseFile, QueueName.IngestCafMsa);
    const job = await queue.add(
      JobName.IngestParseFile,
      { ...envelope, batchId: batch.id },
      { jobId: `${batch.id}-parse`, attempts: 1 },
    );
    for (let i = 0; i < 200 && (await job.getState()) !== 'failed'; i += 1) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(await job.getState()).toBe('failed');
    return () => rename(`${stored}.hidden`, stored);
  }

  async function finished(batchId: string): Promise<ImportBatchEntity> {
    for (let i = 0; i < 240; i += 1) {
      const batch = await batches.get(batchId);
      if (batch && ['completed', 'completed_with_errors', 'failed'].includes(batch.status)) return batch;
      await new Promise((done) => setTimeout(done, 250));
    }
    throw new Error(`batch ${batchId} did not finish`);
  }

  it('should list a failed parse as a dead letter, replay the batch once its file is back, then report it', async () => {
    const batch = await receivedBatch();
    const restore = await failedParse(batch);

    const dlq = await spie('imports', 'dlq', '--batch', batch.id, '--json');
    expect(dlq.code).toBe(1);
    expect(lastJson(dlq)).toEqual([
      {
        queue: 'ingest-caf-msa',
        jobId: `${batch.id}-parse`,
        jobName: 'ingest-parse-file',
        batchId: batch.id,
        seq: null,
        attemptsMade: 1,
        failedReason: expect.stringContaining('ENOENT'),
        failedAt: expect.any(String),
      },
    ]);

    await restore();
    const replay = await spie('imports', 'replay', batch.id, '--as', sender.login);
    expect(replay.code).toBe(0);
    expect(lastJson(replay)).toMatchObject({
      batchId: batch.id,
      retried: [{ jobId: `${batch.id}-parse` }],
      resumed: null,
    });
    expect((await finished(batch.id)).status).toBe('completed');

    const [empty, report, again] = await Promise.all([
      spie('imports', 'dlq', '--batch', batch.id, '--json'),
      spie('imports', 'report', batch.id),
      spie('imports', 'replay', batch.id, '--as', sender.login),
    ]);
    expect(empty.code).toBe(0);
    expect(lastJson(empty)).toEqual([]);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({
      batchId: batch.id,
      status: 'completed',
      progress: { percent: 100, etaSeconds: 0 },
      counts: { householdsCreated: 3, rejected: 0 },
      issues: { total: 0, items: [] },
      conflicts: { total: 0, items: [] },
    });
    // Nothing failed and nothing is lost any more: nothing to replay.
    expect(again.code).toBe(1);
  }, 120_000);

  it('should retry one failed job given by its id, resume a batch whose parse was never queued, close a stuck one', async () => {
    const [byJob, lost, stuck] = await Promise.all([receivedBatch(), receivedBatch(), receivedBatch()]);
    const restore = await failedParse(byJob);
    await restore();
    // Parsed and every chunk applied, but never closed (the process died between the two).
    await batches.startParse(stuck.id);
    await batches.markParsed(stuck.id, { recordsRead: 0, chunks: 0, rejected: 0 });

    const [jobReplay, resumed, closed] = await Promise.all([
      spie('imports', 'replay', `${byJob.id}-parse`),
      spie('imports', 'replay', lost.id, '--as', sender.login),
      spie('imports', 'replay', stuck.id, '--as', sender.login),
    ]);
    expect(closed.code).toBe(0);
    expect(lastJson(closed)).toMatchObject({ batchId: stuck.id, resumed: { parse: false, chunks: 0 } });
    expect((await batches.get(stuck.id))?.status).toBe('completed');
    expect(jobReplay.code).toBe(0);
    expect(lastJson(jobReplay)).toMatchObject({
      retried: [{ jobId: `${byJob.id}-parse`, batchId: byJob.id }],
    });
    expect(resumed.code).toBe(0);
    expect(lastJson(resumed)).toMatchObject({
      batchId: lost.id,
      retried: [],
      resumed: { parse: true, chunks: 0 },
    });

    expect((await finished(byJob.id)).status).toBe('completed');
    expect((await finished(lost.id)).status).toBe('completed');
  }, 120_000);

  it('should report a held batch (exit 6), refuse its replay as an account without the rights (exit 7), resume it as one with them', async () => {
    // Sent by a CAF connector whose habilitation is revoked before the parse runs: the parse holds the batch.
    const revoked = await buildAgentWithOrganisation(dataSource(), { type: 'caf', roles: ['connector'] });
    const batch = await receivedBatch(revoked.agent);
    const habilitations = new HabilitationService(dataSource());
    for (const row of await habilitations.list(revoked.organisation.id))
      await habilitations.revoke(row.id, 'test', 'convention dénoncée');
    await context.app
      .get(JobQueueService)
      .enqueue(
        JobName.IngestParseFile,
        { ...envelopeOf(revoked.agent), batchId: batch.id },
        { jobId: parseJobId(batch), queue: QueueName.IngestCafMsa },
      );
    for (let i = 0; i < 200 && (await batches.get(batch.id))?.status !== 'held'; i += 1)
      await new Promise((done) => setTimeout(done, 100));

    const report = await spie('imports', 'report', batch.id);
    expect(report.code).toBe(6);
    expect(JSON.parse(report.stdout)).toMatchObject({
      status: 'held',
      actingAs: revoked.agent.login,
      hold: { code: 'STARTER_RIGHTS_REVOKED', message: expect.stringContaining('NO_HABILITATION') },
    });

    const ft = await buildAgentWithOrganisation(dataSource(), {
      type: 'france_travail_agency',
      roles: ['connector'],
    });
    const [refused, unknown] = await Promise.all([
      spie('imports', 'replay', batch.id, '--as', ft.agent.login),
      spie('imports', 'replay', batch.id, '--as', 'nobody-at-all'),
    ]);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toContain('IMPORT_NOT_HABILITATED (CATEGORIES_NOT_COVERED)');
    expect(unknown.code).toBe(7);
    expect(unknown.stderr).toContain('no active agent account "nobody-at-all"');
    expect((await batches.get(batch.id))?.status).toBe('held');

    const team = await buildAgentWithOrganisation(dataSource(), {
      type: 'department',
      roles: ['orientation'],
    });
    const resumed = await spie('imports', 'replay', batch.id, '--as', team.agent.login);
    expect(resumed.code).toBe(0);
    expect(lastJson(resumed)).toMatchObject({
      batchId: batch.id,
      status: 'held',
      resumed: { parse: true, chunks: 0 },
      actingAs: team.agent.login,
    });
    expect(await finished(batch.id)).toMatchObject({
      status: 'completed',
      actingAgentId: team.agent.id,
      resumedBy: team.agent.login,
    });
  }, 120_000);

  it('should exit 4 for an unknown batch or job and 5 for an invalid argument', async () => {
    const [unknownJob, unknownReport, invalid] = await Promise.all([
      spie('imports', 'replay', 'no-such-job'),
      spie('imports', 'report', '00000000-0000-4000-8000-000000000000'),
      spie('imports', 'list', '--source', 'fax'),
    ]);
    expect(unknownJob.code).toBe(4);
    expect(unknownReport.code).toBe(4);
    expect(invalid.code).toBe(5);
    expect(invalid.stderr).toContain('unknown source "fax"');
  }, 120_000);
});
