import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import {
  generateCafFlux,
  generateHouseholds,
  type GenerateCafFluxOptions,
  type GeneratedFluxStats,
} from '@spie/connectors/caf-msa';
import {
  ImportBatchService,
  ImportSubmissionService,
  IngestionDataAccessModule,
  type ImportBatchEntity,
} from '@spie/ingestion/data-access';
import { HUB_ENTITIES } from '@spie/ops/schema';
import { EnvironmentVariables, HubConfigModule } from '@spie/platform/config';
import { hubDataSourceOptions } from '@spie/platform/database';
import { WORKSPACE_ROOT } from '@spie/platform/dev-services';
import { HubQueueModule, type JobEnvelope } from '@spie/platform/queue';
import { buildIngestSenders } from '@spie/shared/testing';

/**
 * What the resilience and bad-input integration tests share: generated CAF/MSA flux, a producer (the CLI's way in,
 * which consumes no job), real worker processes started with the command the CLI uses, and waiting for a batch.
 */

export const FINISHED = ['completed', 'completed_with_errors', 'failed'] as const;

export interface GeneratedFlux {
  bytes: Buffer;
  stats: GeneratedFluxStats;
  /** `organisme:matricule` of every household written, as the hub keys them (`caf:0123…`). */
  households: string[];
}

/** A generated flux in memory, with the generator's own count of households and persons. */
export async function generateFlux(options: GenerateCafFluxOptions): Promise<GeneratedFlux> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const stats = await generateCafFlux(options, out);
  const households = [...generateHouseholds(options)].map(
    (h) => `${h.organisme.toLowerCase()}:${h.matricule}`,
  );
  return { bytes: Buffer.concat(parts), stats, households };
}

@Module({
  imports: [
    HubConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) =>
        hubDataSourceOptions({
          url: env.DATABASE_URL,
          entities: HUB_ENTITIES,
          applicationName: 'spie-test-producer',
          poolSize: 4,
        }),
    }),
    HubQueueModule,
    IngestionDataAccessModule,
  ],
})
class ProducerModule {}

/** Submits files and reads batches like the CLI does; runs no queue worker, so only the workers under test apply. */
export class Producer {
  private constructor(
    readonly app: INestApplicationContext,
    readonly dataSource: DataSource,
    readonly submission: ImportSubmissionService,
    readonly batches: ImportBatchService,
  ) {}

  /** Reads `process.env` (DATABASE_URL, REDIS_URL…) as every hub process does. */
  static async open(): Promise<Producer> {
    return Producer.of(await NestFactory.createApplicationContext(ProducerModule, { logger: false }));
  }

  /** The same services from another application context (an in-process worker: it then applies what it submits). */
  static of(app: INestApplicationContext): Producer {
    return new Producer(
      app,
      app.get<DataSource>(getDataSourceToken()),
      app.get(ImportSubmissionService, { strict: false }),
      app.get(ImportBatchService, { strict: false }),
    );
  }

  private sender: JobEnvelope | undefined;

  /** A CAF technical account (made once per producer) that may send the flux: the batches act for it. */
  async envelope(): Promise<JobEnvelope> {
    this.sender ??= (await buildIngestSenders(this.dataSource)).envelopes['caf-msa'];
    return this.sender;
  }

  async submit(bytes: Buffer, fileName = `${randomUUID()}.xml`): Promise<ImportBatchEntity> {
    const { batch } = await this.submission.submit({
      source: 'caf-msa',
      fileName,
      input: Readable.from([bytes]),
      envelope: await this.envelope(),
    });
    return batch;
  }

  /** Submits the file and waits for the end of its batch. */
  async ingest(bytes: Buffer, timeoutMs = 60_000): Promise<ImportBatchEntity> {
    const batch = await this.submit(bytes);
    return waitForBatchEnd((id) => this.batches.get(id), batch.id, timeoutMs);
  }

  async batch(id: string): Promise<ImportBatchEntity> {
    const batch = await this.batches.get(id);
    if (!batch) throw new Error(`batch ${id} is not recorded`);
    return batch;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** Polls `probe` until it returns a value; fails with `describe()` when `timeoutMs` passes (a hang, not a slowness). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  options: { timeoutMs: number; intervalMs?: number; describe?: () => Promise<string> | string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) {
      const detail = options.describe ? await options.describe() : '';
      throw new Error(`gave up waiting for ${what} after ${options.timeoutMs} ms ${detail}`.trim());
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

/** Waits until the batch is completed, completed with errors or failed, and returns it. */
export function waitForBatchEnd(
  read: (id: string) => Promise<ImportBatchEntity | null>,
  id: string,
  timeoutMs = 120_000,
  describe?: () => string,
): Promise<ImportBatchEntity> {
  let last: ImportBatchEntity | null = null;
  return waitFor(
    `the end of batch ${id}`,
    async () => {
      last = await read(id);
      return last && (FINISHED as readonly string[]).includes(last.status) ? last : undefined;
    },
    {
      timeoutMs,
      intervalMs: 200,
      describe: () =>
        `(last state: ${JSON.stringify(
          last && {
            status: last.status,
            parsedAt: last.parsedAt,
            recordsRead: last.recordsRead,
            chunksStaged: last.chunksStaged,
            chunksApplied: last.chunksApplied,
          },
        )}) ${describe?.() ?? ''}`,
    },
  );
}

/**
 * A real worker process, started with the command the CLI uses (`node -r bin/register.js apps/worker/src/main.ts`),
 * with the test's environment plus `env`. Output is kept (last lines) to explain a failure.
 */
export class WorkerProcess {
  private static readonly running = new Set<WorkerProcess>();
  private readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    WorkerProcess.running.add(this);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        WorkerProcess.running.delete(this);
        resolve({ code, signal });
      }),
    );
    const keep = (chunk: Buffer) => {
      for (const line of String(chunk).split('\n')) if (line.trim()) this.output.push(line);
      if (this.output.length > 5000) this.output.splice(0, this.output.length - 5000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts a worker and resolves once it logged that its queue workers listen. */
  static async start(name: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
    const child = spawn(
      process.execPath,
      ['-r', join(WORKSPACE_ROOT, 'bin', 'register.js'), join(WORKSPACE_ROOT, 'apps/worker/src/main.ts')],
      {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, LOG_LEVEL: 'info', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const worker = new WorkerProcess(name, child);
    let exitedEarly = false;
    void worker.exited.then(() => (exitedEarly = true));
    await waitFor(`worker ${name} to be ready`, async () => exitedEarly || worker.saw('worker ready'), {
      timeoutMs: 60_000,
      describe: () => worker.tail(),
    });
    if (exitedEarly) throw new Error(`worker ${name} exited at boot ${worker.tail()}`);
    return worker;
  }

  /** Kills every worker a test started and did not stop (afterAll, or a failed test). */
  static async killAll(): Promise<void> {
    await Promise.all([...WorkerProcess.running].map((worker) => worker.kill('SIGKILL')));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** True when one line of the worker's output holds every one of `texts`. */
  saw(...texts: string[]): boolean {
    return this.output.some((line) => texts.every((text) => line.includes(text)));
  }

  tail(lines = 15): string {
    return `\n--- last output of worker ${this.name} ---\n${this.output.slice(-lines).join('\n')}`;
  }

  /** Sends a signal without waiting (SIGSTOP freezes the process with its jobs, locks and transactions; SIGCONT). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Sends `signal` (SIGKILL: no shutdown hook runs, running jobs keep their lock until it expires) and waits. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    await this.exited;
  }
}

/** What the database holds for the households of one generated flux, and what one batch recorded. */
export interface AppliedFacts {
  households: number;
  distinctHouseholds: number;
  openMemberships: number;
  memberPersons: number;
  householdRightRows: number;
  householdsWithRightRows: number;
  personCreatedEvents: number;
  personsWithCreatedEvent: number;
  createdHistoryRows: number;
  stagedChunksLeft: number;
}

export async function appliedFacts(
  dataSource: DataSource,
  batchId: string,
  households: string[],
): Promise<AppliedFacts> {
  const [row] = (await dataSource.query(
    `WITH h AS (SELECT id, organisme || ':' || matricule AS key FROM household
                 WHERE organisme || ':' || matricule = ANY($2::text[]))
     SELECT (SELECT count(*) FROM h)::int AS "households",
            (SELECT count(DISTINCT key) FROM h)::int AS "distinctHouseholds",
            (SELECT count(*) FROM household_member m JOIN h ON h.id = m.household_id WHERE m.valid_to IS NULL)::int
              AS "openMemberships",
            (SELECT count(DISTINCT m.person_id) FROM household_member m JOIN h ON h.id = m.household_id)::int
              AS "memberPersons",
            (SELECT count(*) FROM rsa_right_status WHERE source_ref = $1 AND person_id IS NULL)::int
              AS "householdRightRows",
            (SELECT count(DISTINCT household_id) FROM rsa_right_status WHERE source_ref = $1 AND person_id IS NULL)::int
              AS "householdsWithRightRows",
            (SELECT count(*) FROM domain_event WHERE source_ref = $1 AND type = 'person.created')::int
              AS "personCreatedEvents",
            (SELECT count(DISTINCT person_id) FROM domain_event WHERE source_ref = $1 AND type = 'person.created')::int
              AS "personsWithCreatedEvent",
            (SELECT count(*) FROM person_history WHERE source_ref = $1 AND field = 'created')::int
              AS "createdHistoryRows",
            (SELECT count(*) FROM import_chunk WHERE batch_id = $1::uuid)::int AS "stagedChunksLeft"`,
    [batchId, households],
  )) as AppliedFacts[];
  return row as AppliedFacts;
}

/**
 * The batch of a first ingestion of `flux` (households never seen before) applied every record exactly once: its
 * counters add up to the file, and the database holds each household and person once, with one right row, one
 * `person.created` event and one creation history row each, whatever crashed or ran twice on the way. A person of the
 * file may match a person already known (generated names and birth dates can meet those of another file): they are
 * then counted as updated or unchanged, or as a conflict, never created twice.
 */
export async function expectFirstIngestionAppliedOnce(
  dataSource: DataSource,
  batch: ImportBatchEntity,
  flux: GeneratedFlux,
): Promise<void> {
  const { households, persons } = flux.stats;
  const { counts } = batch;
  expect({
    status: batch.status,
    recordsRead: batch.recordsRead,
    recordsProcessed: batch.recordsProcessed,
    chunksApplied: batch.chunksApplied,
    households: [
      counts.householdsCreated,
      counts.householdsUpdated,
      counts.householdsUnchanged,
      counts.stale,
    ],
    persons: counts.personsCreated + counts.personsUpdated + counts.personsUnchanged + counts.conflicts,
    rejected: counts.rejected,
  }).toEqual({
    status: counts.conflicts > 0 ? 'completed_with_errors' : 'completed',
    recordsRead: households,
    recordsProcessed: households,
    chunksApplied: batch.chunksStaged,
    households: [households, 0, 0, 0],
    persons,
    rejected: 0,
  });
  // Persons the file brought and nobody had seen: the bulk of them.
  expect(counts.personsCreated).toBeGreaterThan(persons * 0.99);
  const members = persons - counts.conflicts;
  expect(await appliedFacts(dataSource, batch.id, flux.households)).toEqual({
    households,
    distinctHouseholds: households,
    openMemberships: members,
    memberPersons: members,
    householdRightRows: households,
    householdsWithRightRows: households,
    personCreatedEvents: counts.personsCreated,
    personsWithCreatedEvent: counts.personsCreated,
    createdHistoryRows: counts.personsCreated,
    stagedChunksLeft: 0,
  });
}
