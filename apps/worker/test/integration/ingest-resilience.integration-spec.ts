import { join } from 'node:path';

import { findFreePort, startPrivateRedis, type RunningRedis } from '@spie/platform/dev-services';
import { JobName, JobQueueService, QueueName } from '@spie/platform/queue';

import {
  Producer,
  WorkerProcess,
  appliedFacts,
  expectFirstIngestionAppliedOnce,
  generateFlux,
  waitFor,
  waitForBatchEnd,
  type GeneratedFlux,
} from './support/ingestion-harness';

/**
 * The exactly-once promise of the ingestion pipeline under real failures: worker processes started with the CLI's
 * command, killed with SIGKILL, frozen with SIGSTOP, two of them on one batch, and Redis stopped and restarted. These
 * tests run on a private Redis of their own so that only the workers they start take the jobs; PostgreSQL is the run's.
 *
 * Workers get a 6 s job lock and a 1.5 s stalled check (`WORKER_LOCK_DURATION_MS`, `WORKER_STALLED_INTERVAL_MS`) so a
 * job of a killed worker comes back within seconds rather than BullMQ's default minute.
 */
jest.setTimeout(180_000);

const WORKER_ENV = { WORKER_LOCK_DURATION_MS: '6000', WORKER_STALLED_INTERVAL_MS: '1500' };
const HOUSEHOLDS = 3000;

describe('worker processes: a CAF/MSA batch is applied exactly once whatever happens to workers and Redis', () => {
  const dataDir = join(process.env['SPIE_TEST_DATA_DIR'] as string, `redis-resilience-${process.pid}`);
  const savedRedisUrl = process.env['REDIS_URL'];
  let redisPort: number;
  let redis: RunningRedis;
  let producer: Producer;
  // MSA households: the CAF-keyed households of the other integration files can never share a key with these.
  let nextOffset = 3_000_000;
  async function msaFlux(households = HOUSEHOLDS): Promise<GeneratedFlux> {
    const flux = await generateFlux({
      households,
      seed: 29,
      organisme: 'MSA',
      matriculeOffset: nextOffset,
      cohortDate: '2026-08-31',
      referenceDate: '2026-08-31',
    });
    nextOffset += 100_000;
    return flux;
  }

  function workers(...names: string[]): Promise<WorkerProcess[]> {
    return Promise.all(
      names.map((name) => WorkerProcess.start(name, { REDIS_URL: redis.url, ...WORKER_ENV })),
    );
  }

  async function queueDrained(): Promise<boolean> {
    const queue = producer.app.get(JobQueueService).queue(JobName.IngestApplyChunk, QueueName.IngestCafMsa);
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    return Object.values(counts).every((n) => n === 0);
  }

  beforeAll(async () => {
    redisPort = await findFreePort();
    redis = await startPrivateRedis({ dataDir, port: redisPort });
    process.env['REDIS_URL'] = redis.url;
    producer = await Producer.open();
  });

  afterAll(async () => {
    await WorkerProcess.killAll();
    await producer?.close();
    await redis?.stop();
    process.env['REDIS_URL'] = savedRedisUrl;
  });

  let survivor: WorkerProcess;

  it('should complete a batch whose parse job comes again after the end of the file was recorded (worker lost before completing)', async () => {
    // The state a parse leaves when its worker dies (or PostgreSQL refuses the last statement) right after recording
    // the end of the file and before completing the batch: parsed, every chunk applied (none here), still processing.
    // BullMQ then delivers the parse job again.
    const flux = await msaFlux(0);
    const batch = await producer.submit(flux.bytes);
    await producer.dataSource.query(
      `UPDATE import_batch SET status = 'processing', started_at = now(), parsed_at = now() WHERE id = $1`,
      [batch.id],
    );
    [survivor] = await workers('first');
    const done = await waitForBatchEnd((id) => producer.batches.get(id), batch.id, 10_000);
    expect(done.status).toBe('completed');
  });

  it('should apply every household once when the worker is killed with SIGKILL mid-batch and another takes over', async () => {
    const flux = await msaFlux();
    const victim = survivor ?? (await workers('victim'))[0];
    const batch = await producer.submit(flux.bytes);
    // Kill as soon as a chunk is applied: the parse job and other apply jobs are running in the victim.
    const atKill = await waitFor(
      'a first chunk to be applied',
      async () => {
        const current = await producer.batch(batch.id);
        return current.chunksApplied >= 1 ? current : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 50, describe: () => victim.tail() },
    );
    await victim.kill('SIGKILL');
    // Mid-batch: some chunks applied, the batch not complete.
    expect(atKill.chunksApplied).toBeGreaterThanOrEqual(1);
    expect((await producer.batch(batch.id)).status).toBe('processing');

    [survivor] = await workers('after-kill');
    const done = await waitForBatchEnd(
      (id) => producer.batches.get(id),
      batch.id,
      90_000,
      () => survivor.tail(),
    );
    await expectFirstIngestionAppliedOnce(producer.dataSource, done, flux);
  });

  it('should apply every household once when two worker processes consume the same batch', async () => {
    survivor ??= (await workers('one'))[0];
    const [second] = await workers('second');
    const flux = await msaFlux();
    const batch = await producer.submit(flux.bytes);
    const done = await waitForBatchEnd(
      (id) => producer.batches.get(id),
      batch.id,
      90_000,
      () => [survivor, second].map((w) => w.tail(5)).join(''),
    );
    await expectFirstIngestionAppliedOnce(producer.dataSource, done, flux);
    // Both processes took part (each logged apply jobs of this batch).
    expect([survivor, second].map((w) => w.saw(`"jobId":"${batch.id}-`))).toEqual([true, true]);
  });

  it('should lose nothing and apply nothing twice when Redis is stopped while chunks are applied, longer than a job lock, and started again', async () => {
    survivor ??= (await workers('one'))[0];
    const flux = await msaFlux();
    const batch = await producer.submit(flux.bytes);
    // Stopped once the file is parsed, with chunks still to apply: apply jobs are running or waiting in Redis. (Stopped
    // during the parse, the parse job is delivered again while the first one still runs: see the frozen parse below.)
    const atStop = await waitFor(
      'the file to be parsed',
      async () => {
        const current = await producer.batch(batch.id);
        return current.parsedAt ? current : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    await redis.stop();
    expect(atStop.status).toBe('processing');
    // Down longer than the job lock: the running jobs' locks expire and BullMQ delivers those jobs again.
    await new Promise((resolve) => setTimeout(resolve, Number(WORKER_ENV.WORKER_LOCK_DURATION_MS) + 1000));
    redis = await startPrivateRedis({ dataDir, port: redisPort });

    const done = await waitForBatchEnd(
      (id) => producer.batches.get(id),
      batch.id,
      120_000,
      () => survivor.tail(),
    );
    await expectFirstIngestionAppliedOnce(producer.dataSource, done, flux);
  });

  it('should not apply chunks again when a frozen parse wakes up after another worker completed its batch', async () => {
    // A worker frozen (GC pause, VM steal, SIGSTOP) longer than its job lock loses its parse job to another worker,
    // which parses the file again and completes the batch; then the frozen one wakes up and goes on parsing.
    await WorkerProcess.killAll();
    // One job at a time: busy with the parse, it leaves every apply job to the other worker.
    const frozen = await WorkerProcess.start('frozen', {
      REDIS_URL: redis.url,
      ...WORKER_ENV,
      WORKER_CONCURRENCY: '1',
    });
    const flux = await msaFlux();
    const batch = await producer.submit(flux.bytes);
    await waitFor(
      'a first chunk to be staged',
      async () => (await producer.batch(batch.id)).chunksStaged >= 1,
      {
        timeoutMs: 60_000,
        intervalMs: 20,
      },
    );
    // Freeze it between two statements: not inside a transaction, whose locks would block the other worker.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      frozen.signal('SIGSTOP');
      const [open] = (await producer.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'spie-worker' AND state LIKE 'idle in transaction%'`,
      )) as Array<{ n: number }>;
      if (open.n === 0) break;
      frozen.signal('SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }

    const [other] = await workers('other');
    const done = await waitForBatchEnd(
      (id) => producer.batches.get(id),
      batch.id,
      90_000,
      () => other.tail(),
    );
    await expectFirstIngestionAppliedOnce(producer.dataSource, done, flux);

    frozen.signal('SIGCONT');
    // The woken parse ends (completed, or failed when it notices it lost its job), then what it queued is drained.
    await waitFor(
      'the woken parse to end',
      async () =>
        frozen.saw(`"jobId":"${batch.id}-parse"`, '"msg":"job completed"') ||
        frozen.saw(`"jobId":"${batch.id}-parse"`, '"msg":"job failed'),
      { timeoutMs: 60_000, describe: () => frozen.tail() },
    );
    await waitFor('the queue to be drained', queueDrained, { timeoutMs: 60_000 });
    const after = await producer.batch(batch.id);
    expect({
      status: after.status,
      chunksApplied: after.chunksApplied,
      recordsProcessed: after.recordsProcessed,
      counts: after.counts,
    }).toEqual({
      status: 'completed',
      chunksApplied: done.chunksApplied,
      recordsProcessed: HOUSEHOLDS,
      counts: done.counts,
    });
    expect((await appliedFacts(producer.dataSource, batch.id, flux.households)).stagedChunksLeft).toBe(0);
  });
});
