/**
 * `npm run bench:ingest -- --foyers 100000 [--workers 2] [--seed 1]`
 *
 * Generates a CAF/MSA flux in the real layout (windows-1252, couples, children, people without NIR, every ETATDOSRSA),
 * ingests it through the real queue and worker processes into a fresh PostgreSQL (its own embedded instance under
 * `.data/bench`), then ingests the same file again. Prints persons per second, the peak RSS of every process (the
 * bench itself, which stores the file and follows the batch, and each worker) and the time of the second ingest.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import { summarise, waitForBatch } from '../../apps/cli/src/commands/ingest.command';
import { openIngestContext } from '../../apps/cli/src/ingest-context';
import { generateCafFlux } from '@spie/connectors/caf-msa';
import { ImportBatchService, ImportSubmissionService } from '@spie/ingestion/data-access';
import { WORKSPACE_ROOT, say, startLocalStack } from '@spie/platform/dev-services';
import { buildIngestSenders } from '@spie/shared/testing';

import { cpuSeconds, postgresCpuSeconds } from './process-cpu';

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

/** Peak resident set size of a process (VmHWM), in MB. */
function peakRssMb(pid: number | 'self'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  const households = Number(arg('foyers', '100000'));
  const workers = Number(arg('workers', '2'));
  const seed = Number(arg('seed', '1'));
  const dataDir = join(WORKSPACE_ROOT, '.data', 'bench');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `flux-${households}-${seed}.xml`);
  if (!existsSync(file)) {
    say(`generating ${households} households → ${file}`);
    const stats = await generateCafFlux(
      { households, seed, referenceDate: '2026-10-31', organisme: 'mixed' },
      createWriteStream(file),
    );
    say(
      `generated ${stats.persons} persons (${stats.personsWithoutNir} without NIR), ${Math.round(stats.bytes / 1e6)} MB`,
    );
  }
  const stack = await startLocalStack({
    dataDir,
    database: 'spie_bench',
    postgresPort: 54339,
    redisPort: 63799,
    env: {},
    log: say,
  });
  // A fresh database and queue each run.
  const admin = new Client({ connectionString: stack.env['DATABASE_URL'] });
  await admin.connect();
  await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await admin.end();
  rmSync(join(dataDir, 'imports'), { recursive: true, force: true });
  const env: Record<string, string> = { ...stack.env, IMPORT_STORAGE_DIR: join(dataDir, 'imports') };
  const context = await openIngestContext({
    workers,
    environment: { env, stack },
    workerEnv: { LOG_LEVEL: 'warn' },
  });
  const { default: IORedis } = await import('ioredis');
  const redis = new IORedis(env['REDIS_URL'] as string);
  await redis.flushall();
  await redis.quit();
  // Let the workers boot before the clock starts.
  await new Promise((resolve) => setTimeout(resolve, 8000));
  const submission = context.app.get(ImportSubmissionService);
  const batches = context.app.get(ImportBatchService);
  // The flux is sent by a CAF technical account holding the CAF's transmission habilitation, as in production.
  const { envelopes } = await buildIngestSenders(context.app.get<DataSource>(getDataSourceToken()));
  // CPU seconds of every process of the pipeline: on a busy machine the wall time says little, CPU time does.
  const pipelineCpu = () => {
    const workers = context.workers.map((child) => cpuSeconds(child.pid ?? 0));
    return {
      bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      workers: workers.reduce((a, b) => a + b, 0),
      postgres: postgresCpuSeconds(dataDir),
    };
  };
  const run = async (label: string) => {
    const started = Date.now();
    const cpuBefore = pipelineCpu();
    const { batch } = await submission.submit({
      source: 'caf-msa',
      fileName: `flux-${households}.xml`,
      input: createReadStream(file, { highWaterMark: 1024 * 1024 }),
      envelope: envelopes['caf-msa'],
    });
    const done = await waitForBatch(batches, batch.id, process.stderr.isTTY === true);
    const seconds = (Date.now() - started) / 1000;
    const summary = summarise(done);
    const persons = summary.persons.created + summary.persons.updated + summary.persons.unchanged;
    say(
      `${label}: ${summary.status} in ${seconds.toFixed(1)} s, ${persons} persons, ${Math.round(persons / seconds)} persons/s`,
    );
    const cpuAfter = pipelineCpu();
    const cpu = {
      bench: Math.round((cpuAfter.bench - cpuBefore.bench) * 10) / 10,
      workers: Math.round((cpuAfter.workers - cpuBefore.workers) * 10) / 10,
      postgres: Math.round((cpuAfter.postgres - cpuBefore.postgres) * 10) / 10,
    };
    const cpuTotal = cpu.bench + cpu.workers + cpu.postgres;
    say(
      `${label}: CPU ${cpuTotal.toFixed(1)} s (workers ${cpu.workers} s, PostgreSQL ${cpu.postgres} s, bench ${cpu.bench} s), ` +
        `${Math.round((cpuTotal / persons) * 1e6)} µs per person`,
    );
    return { seconds, persons, summary, cpu, cpuTotal };
  };
  const first = await run('first ingest');
  // The parcours statuses are recomputed by drain jobs after each chunk: report when they have all caught up too.
  const settleStarted = Date.now();
  const pendingClient = new Client({ connectionString: env['DATABASE_URL'] });
  await pendingClient.connect();
  for (;;) {
    const { rows } = await pendingClient.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person_parcours_status_pending',
    );
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await pendingClient.end();
  const parcoursLagSeconds = (Date.now() - settleStarted) / 1000;
  say(`parcours statuses settled ${parcoursLagSeconds.toFixed(1)} s after the batch completed`);
  const second = await run('second ingest (same file)');
  const figures = {
    households,
    persons: first.persons,
    workers,
    firstIngest: {
      seconds: Math.round(first.seconds * 10) / 10,
      personsPerSecond: Math.round(first.persons / first.seconds),
      parcoursSettledAfterSeconds: Math.round(parcoursLagSeconds * 10) / 10,
      cpuSeconds: first.cpu,
      // What the machine's cores could do if the pipeline had them to itself.
      personsPerSecondIfCpuBound: Math.round((first.persons / first.cpuTotal) * os.availableParallelism()),
      summary: first.summary,
    },
    secondIngest: {
      seconds: Math.round(second.seconds * 10) / 10,
      speedup: Math.round((first.seconds / second.seconds) * 10) / 10,
      cpuSeconds: second.cpu,
      cpuSpeedup: Math.round((first.cpuTotal / second.cpuTotal) * 10) / 10,
      changes:
        second.summary.persons.created +
        second.summary.persons.updated +
        second.summary.households.created +
        second.summary.households.updated,
    },
    peakRssMb: {
      bench: peakRssMb('self'),
      ...Object.fromEntries(context.workers.map((child, i) => [`worker${i + 1}`, peakRssMb(child.pid ?? 0)])),
    },
    targets: { personsPerSecond: 10000, secondIngestSpeedup: 3, peakRssMb: 512 },
  };
  await context.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
