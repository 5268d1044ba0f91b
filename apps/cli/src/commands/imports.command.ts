import type { Command } from 'commander';

import {
  batchProgress,
  IMPORT_BATCH_STATUSES,
  ImportBatchQueryService,
  ImportBatchService,
  IngestDeadLetterService,
  isUuid,
  maskRecordKey,
  type DeadLetter,
  type ImportBatchEntity,
  type ImportBatchStatus,
} from '@spie/ingestion/data-access';
import {
  INGEST_SOURCES,
  IngestionException,
  IngestionExceptionCode,
  isIngestSource,
  type ImportProgress,
} from '@spie/ingestion/domain';
import { maskNirInText } from '@spie/platform/logging';

import { say } from '../cli-environment';
import { ingestAccount } from '../ingest-account';
import { openIngestContext, type IngestContext } from '../ingest-context';
import { waitForBatch } from './ingest.command';

/**
 * Exit codes of `spie imports …`, so that scripts and monitoring can act on them:
 * 0 done (completed, replayed, nothing failed), 1 something to look at (completed with errors, dead letters present,
 * nothing left to replay), 2 failed batch, 3 batch still running, 4 unknown batch or job, 5 invalid argument, 6 batch
 * held (the account it acts for lost its rights), 7 the account named to replay may not send the batch's source.
 */
export const IMPORTS_EXIT = {
  ok: 0,
  attention: 1,
  failed: 2,
  running: 3,
  notFound: 4,
  invalid: 5,
  held: 6,
  forbidden: 7,
} as const;

const FINISHED: readonly string[] = ['completed', 'completed_with_errors', 'failed'];

/** One batch as the CLI prints it (list, report, replay). */
export interface BatchView {
  batchId: string;
  source: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  status: ImportBatchStatus;
  receivedAt: string;
  receivedBy: string;
  /** The account the batch acts for (its sender, or whoever resumed it last). */
  actingAs: string | null;
  resumedBy: string | null;
  completedAt: string | null;
  progress: ImportProgress;
  counts: ImportBatchEntity['counts'];
  error: { code: string; message: string } | null;
  /** Why the batch is held (`STARTER_RIGHTS_REVOKED`), while it is. */
  hold: { code: string; message: string; heldAt: string } | null;
}

export function batchView(
  batch: ImportBatchEntity,
  averageRecordBytes: number | null = null,
  now = new Date(),
): BatchView {
  return {
    batchId: batch.id,
    source: batch.source,
    fileName: maskNirInText(batch.fileName),
    sha256: batch.fileHash,
    sizeBytes: Number(batch.fileSize),
    status: batch.status,
    receivedAt: batch.receivedAt.toISOString(),
    receivedBy: batch.receivedBy,
    actingAs: batch.actingLogin,
    resumedBy: batch.resumedBy,
    completedAt: batch.completedAt?.toISOString() ?? null,
    progress: batchProgress(batch, now, averageRecordBytes),
    counts: batch.counts,
    error: batch.errorCode
      ? { code: batch.errorCode, message: maskNirInText(batch.errorMessage ?? '') }
      : null,
    hold:
      batch.status === 'held' && batch.holdCode
        ? {
            code: batch.holdCode,
            message: batch.holdMessage ?? '',
            heldAt: (batch.heldAt ?? batch.updatedAt).toISOString(),
          }
        : null,
  };
}

export function statusExitCode(status: ImportBatchStatus): number {
  if (status === 'completed') return IMPORTS_EXIT.ok;
  if (status === 'completed_with_errors') return IMPORTS_EXIT.attention;
  if (status === 'failed') return IMPORTS_EXIT.failed;
  if (status === 'held') return IMPORTS_EXIT.held;
  return IMPORTS_EXIT.running;
}

function positiveInt(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer`);
  return parsed;
}

/** Runs `work` inside the ingestion context (no worker started unless asked) and sets the exit code it returns. */
async function withContext(
  workers: number,
  work: (context: IngestContext) => Promise<number>,
): Promise<void> {
  const context = await openIngestContext({ workers });
  try {
    process.exitCode = await work(context);
  } finally {
    await context.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function percent(progress: ImportProgress): string {
  if (progress.percent === null) return '…';
  return progress.total === null ? `~${progress.percent}%` : `${progress.percent}%`;
}

export function registerImportsCommand(program: Command): void {
  const imports = program
    .command('imports')
    .description('Follow and operate import batches: list, dead-letter jobs, replay, report')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 needs attention (errors, dead letters, nothing to replay), 2 failed batch,\n' +
        '3 batch still running, 4 unknown batch or job, 5 invalid argument, 6 batch held (its account lost its\n' +
        'rights: replay it with --as <login>), 7 the account named to replay may not send the batch’s source.',
    );

  imports
    .command('list')
    .description('Import batches, newest first')
    .option('--source <source>', `only this source (${INGEST_SOURCES.join(', ')})`)
    .option('--status <status>', `only this status (${IMPORT_BATCH_STATUSES.join(', ')})`)
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'one JSON array on stdout instead of a table')
    .action(async (options: { source?: string; status?: string; limit: string; json?: boolean }) => {
      if (options.source && !isIngestSource(options.source)) {
        say(`unknown source "${options.source}": use one of ${INGEST_SOURCES.join(', ')}`);
        process.exitCode = IMPORTS_EXIT.invalid;
        return;
      }
      if (options.status && !(IMPORT_BATCH_STATUSES as readonly string[]).includes(options.status)) {
        say(`unknown status "${options.status}": use one of ${IMPORT_BATCH_STATUSES.join(', ')}`);
        process.exitCode = IMPORTS_EXIT.invalid;
        return;
      }
      const first = positiveInt(options.limit, '--limit');
      await withContext(0, async ({ app }) => {
        const page = await app.get(ImportBatchQueryService).list({
          source: options.source as (typeof INGEST_SOURCES)[number] | undefined,
          status: options.status as ImportBatchStatus | undefined,
          first: Math.min(first, 100),
        });
        const averages = await app
          .get(ImportBatchQueryService)
          .averageRecordBytes([...new Set(page.items.filter((b) => !b.parsedAt).map((b) => b.source))]);
        const views = page.items.map((batch) => batchView(batch, averages.get(batch.source) ?? null));
        if (options.json) console.log(JSON.stringify(views));
        else if (views.length === 0) say('no import batch');
        else {
          console.log(
            table([
              ['BATCH', 'SOURCE', 'STATUS', 'RECEIVED', 'DONE', 'RECORDS', 'REJECTED', 'CONFLICTS', 'FILE'],
              ...views.map((view) => [
                view.batchId,
                view.source,
                view.status,
                view.receivedAt.slice(0, 19).replace('T', ' '),
                percent(view.progress),
                view.progress.total !== null
                  ? String(view.progress.total)
                  : view.progress.estimatedTotal !== null
                    ? `~${view.progress.estimatedTotal}`
                    : `${view.progress.processed}+`,
                String(view.counts.rejected ?? 0),
                String(view.counts.conflicts ?? 0),
                view.fileName,
              ]),
            ]),
          );
        }
        return IMPORTS_EXIT.ok;
      });
    });

  imports
    .command('dlq')
    .description('Failed jobs of the ingestion queues (the dead-letter list), latest first; exits 1 when any')
    .option('--batch <batchId>', 'only the jobs of this batch')
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'one JSON array on stdout instead of a table')
    .action(async (options: { batch?: string; limit: string; json?: boolean }) => {
      const limit = positiveInt(options.limit, '--limit');
      await withContext(0, async ({ app }) => {
        const letters = await app.get(IngestDeadLetterService).list({ batchId: options.batch, limit });
        if (options.json) console.log(JSON.stringify(letters));
        else if (letters.length === 0) say('no failed ingestion job');
        else console.log(deadLetterTable(letters));
        return letters.length > 0 ? IMPORTS_EXIT.attention : IMPORTS_EXIT.ok;
      });
    });

  imports
    .command('replay')
    .description(
      'Retry the failed jobs of a batch (or one failed job by id); a batch whose jobs were lost, or held because ' +
        'its account lost its rights, is resumed under the account given (which answers for it from then on)',
    )
    .argument('<id>', 'a batch id, or a job id from `spie imports dlq`')
    .option(
      '--as <login>',
      'the agent account a batch is resumed under: it must be allowed to send the batch’s source (default: SPIE_INGEST_AS, else the technical account of the source)',
    )
    .option('--wait', 'follow the batch until it finishes (starts workers when none is running)')
    .option('--workers <n>', 'worker processes to start with --wait when none is running', '2')
    .action(async (id: string, options: { as?: string; wait?: boolean; workers: string }) => {
      const workers = options.wait ? positiveInt(options.workers, '--workers') : 0;
      await withContext(workers, async ({ app, actAs }) => {
        const deadLetters = app.get(IngestDeadLetterService);
        const batches = app.get(ImportBatchService);
        let batchId: string | null = null;
        let code: number;
        const batch = isUuid(id) ? await batches.get(id) : null;
        if (batch) {
          const login = ingestAccount(batch.source, options.as);
          const envelope = await actAs(login);
          if (!envelope) {
            say(
              `no active agent account "${login}" to replay as: name one with --as <login> (or SPIE_INGEST_AS)`,
            );
            return IMPORTS_EXIT.forbidden;
          }
          let replay: Awaited<ReturnType<IngestDeadLetterService['replayBatch']>>;
          try {
            replay = await deadLetters.replayBatch(batch.id, envelope);
          } catch (error) {
            if (
              error instanceof IngestionException &&
              error.code === IngestionExceptionCode.ImportNotHabilitated
            ) {
              say(
                `batch ${batch.id}: ${error.code} (${String(error.details?.['reason'])}): ${error.message}`,
              );
              return IMPORTS_EXIT.forbidden;
            }
            throw error;
          }
          if (!replay) return IMPORTS_EXIT.notFound;
          batchId = batch.id;
          const nothing = replay.retried.length === 0 && !replay.resumed;
          say(
            nothing
              ? `batch ${batch.id} (${batch.status}): nothing failed and nothing lost, nothing to replay`
              : `batch ${batch.id}: ${replay.retried.length} failed job(s) retried` +
                  (replay.resumed
                    ? (replay.resumed.parse
                        ? ', parse queued again'
                        : `, ${replay.resumed.chunks} pending chunk(s) queued again`) + `, acting as ${login}`
                    : ''),
          );
          console.log(
            JSON.stringify({
              batchId: batch.id,
              status: batch.status,
              retried: replay.retried,
              resumed: replay.resumed,
              actingAs: replay.resumed ? login : batch.actingLogin,
            }),
          );
          code = nothing ? IMPORTS_EXIT.attention : IMPORTS_EXIT.ok;
        } else {
          const replay = await deadLetters.replayJob(id);
          if (replay.outcome === 'not-found') {
            say(`no batch and no ingestion job with id ${id}`);
            return IMPORTS_EXIT.notFound;
          }
          if (replay.outcome === 'not-failed') {
            say(`job ${id} is ${replay.state} in ${replay.queue}, not failed: nothing to replay`);
            console.log(JSON.stringify({ jobId: id, queue: replay.queue, state: replay.state }));
            return IMPORTS_EXIT.attention;
          }
          say(`job ${id} retried in ${replay.job.queue}`);
          console.log(JSON.stringify({ retried: [replay.job] }));
          batchId = replay.job.batchId;
          code = IMPORTS_EXIT.ok;
        }
        if (!options.wait || !batchId || code !== IMPORTS_EXIT.ok) return code;
        const done = await waitForBatch(batches, batchId, process.stderr.isTTY === true);
        console.log(JSON.stringify(batchView(done)));
        return statusExitCode(done.status);
      });
    });

  imports
    .command('report')
    .description('The report of a batch as JSON: progress, counts, issues by record, conflicts')
    .argument('<batchId>', 'the batch')
    .option('--limit <n>', 'issues and conflicts listed at most', '1000')
    .action(async (batchId: string, options: { limit: string }) => {
      const limit = positiveInt(options.limit, '--limit');
      await withContext(0, async ({ app }) => {
        const queries = app.get(ImportBatchQueryService);
        const batch = await queries.get(batchId);
        if (!batch) {
          say(`no import batch ${batchId}`);
          return IMPORTS_EXIT.notFound;
        }
        const issues = await collect((after) => queries.issues(batch.id, { first: 500, after }), limit);
        const conflicts = await collect((after) => queries.conflicts(batch.id, { first: 100, after }), limit);
        const averages = batch.parsedAt
          ? new Map<string, number>()
          : await queries.averageRecordBytes([batch.source]);
        const report = {
          ...batchView(batch, averages.get(batch.source) ?? null),
          issueSummary: await app.get(ImportBatchService).issueCountsByCode(batch.id),
          issues: {
            total: issues.total,
            items: issues.items.map((issue) => ({
              position: issue.position,
              recordKey: issue.recordKey === null ? null : maskRecordKey(issue.recordKey),
              phase: issue.phase,
              severity: issue.severity,
              code: issue.code,
              message: maskNirInText(issue.message),
              field: issue.field,
            })),
          },
          conflicts: {
            total: conflicts.total,
            items: conflicts.items.map((conflict) => ({
              conflictId: conflict.id,
              position: conflict.position,
              recordKey: maskRecordKey(conflict.recordKey),
              reason: conflict.reason,
              status: conflict.status,
              candidatePersonIds: conflict.candidatePersonIds,
            })),
          },
        };
        console.log(JSON.stringify(report, null, 2));
        return FINISHED.includes(batch.status) || batch.status === 'held'
          ? statusExitCode(batch.status)
          : IMPORTS_EXIT.running;
      });
    });
}

/** Reads pages until `limit` rows (or the end). */
async function collect<T>(
  page: (
    after: string | null,
  ) => Promise<{ items: T[]; endCursor: string | null; hasNextPage: boolean; totalCount: number }>,
  limit: number,
): Promise<{ total: number; items: T[] }> {
  const items: T[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const current = await page(after);
    total = current.totalCount;
    items.push(...current.items);
    if (!current.hasNextPage || items.length >= limit) break;
    after = current.endCursor;
  }
  return { total, items: items.slice(0, limit) };
}

function deadLetterTable(letters: DeadLetter[]): string {
  return table([
    ['QUEUE', 'JOB', 'BATCH', 'ATTEMPTS', 'FAILED AT', 'REASON'],
    ...letters.map((letter) => [
      letter.queue,
      letter.jobId,
      letter.batchId ?? '-',
      String(letter.attemptsMade),
      letter.failedAt?.toISOString().slice(0, 19).replace('T', ' ') ?? '-',
      letter.failedReason.replace(/\s+/g, ' ').slice(0, 120),
    ]),
  ]);
}
