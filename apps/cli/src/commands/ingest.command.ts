import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';

import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';

import {
  ImportBatchService,
  ImportSubmissionService,
  type ImportBatchEntity,
} from '@spie/ingestion/data-access';
import {
  INGEST_SOURCES,
  IngestionException,
  IngestionExceptionCode,
  isIngestSource,
  type IngestSource,
} from '@spie/ingestion/domain';

import { say } from '../cli-environment';
import { ingestAccount } from '../ingest-account';
import { openIngestContext } from '../ingest-context';

interface Changes {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The machine-readable summary printed on the last line of `spie ingest`. Every source prints every field; a count
 * is 0 when the source does not carry that kind of fact (a France Travail actions file creates no person).
 */
export interface IngestSummary {
  batchId: string;
  source: IngestSource;
  /** `held`: the account the batch acts for lost its rights before the end (see `spie imports report`). */
  status: 'completed' | 'completed_with_errors' | 'failed' | 'held';
  /** Login of the account the batch acts for. */
  actingAs: string | null;
  records: number;
  persons: Changes;
  households: Changes;
  /** Partners' follow-ups (France Travail PPAE, CEJ): states recorded, changed, already known. */
  followUps: Changes;
  /** Partners' actions and prestations. */
  actions: Changes;
  /** Partners' diagnostics: new versions recorded, statements that said nothing new. */
  diagnostics: { recorded: number; unchanged: number };
  /** Records refused, by the parser or while applying. */
  rejected: number;
  conflicts: number;
  /** Records applied to nothing (e.g. an action of a France Travail id the hub does not know). */
  skipped: number;
  /** Records older than what the hub already holds, left alone. */
  stale: number;
  seconds: number;
}

export function summarise(batch: ImportBatchEntity): IngestSummary {
  const seconds =
    batch.completedAt && (batch.startedAt ?? batch.receivedAt)
      ? (batch.completedAt.getTime() - (batch.startedAt ?? batch.receivedAt).getTime()) / 1000
      : 0;
  // Batches recorded before a counter existed lack its key.
  const count = (key: keyof ImportBatchEntity['counts']): number => batch.counts[key] ?? 0;
  return {
    batchId: batch.id,
    source: batch.source,
    status: batch.status as IngestSummary['status'],
    actingAs: batch.actingLogin,
    records: batch.recordsRead,
    persons: {
      created: count('personsCreated'),
      updated: count('personsUpdated'),
      unchanged: count('personsUnchanged'),
    },
    households: {
      created: count('householdsCreated'),
      updated: count('householdsUpdated'),
      unchanged: count('householdsUnchanged'),
    },
    followUps: {
      created: count('followUpsCreated'),
      updated: count('followUpsUpdated'),
      unchanged: count('followUpsUnchanged'),
    },
    actions: {
      created: count('actionsCreated'),
      updated: count('actionsUpdated'),
      unchanged: count('actionsUnchanged'),
    },
    diagnostics: { recorded: count('diagnosticsRecorded'), unchanged: count('diagnosticsUnchanged') },
    // `rejected` counts every refusal, the parser's and the appliers' (`rejectedOnApply` is a part of it).
    rejected: count('rejected'),
    conflicts: count('conflicts'),
    skipped: count('skipped'),
    stale: count('stale'),
    seconds: Math.round(seconds * 100) / 100,
  };
}

/** Where a batch stops moving on its own: finished, or held until a replay. */
const SETTLED = new Set(['completed', 'completed_with_errors', 'failed', 'held']);

/**
 * Polls a batch until it finishes (or is held), drawing its progress on stderr (records processed / read, rate, ETA).
 */
export async function waitForBatch(
  batches: ImportBatchService,
  batchId: string,
  progress: boolean,
): Promise<ImportBatchEntity> {
  const bar = progress
    ? new SingleBar({
        format: '{file} [{bar}] {percentage}% | {value}/{total} records | {rate}/s | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 20,
      })
    : null;
  const started = Date.now();
  let batch = await batches.get(batchId);
  bar?.start(1, 0, { file: batch?.fileName ?? batchId, rate: 0 });
  while (batch && !SETTLED.has(batch.status)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    batch = await batches.get(batchId);
    if (!batch) break;
    const total = Math.max(batch.recordsRead, 1);
    const rate = Math.round(batch.recordsProcessed / Math.max((Date.now() - started) / 1000, 0.001));
    bar?.setTotal(total);
    bar?.update(batch.recordsProcessed + (batch.parsedAt ? batch.counts.rejected : 0), { rate });
  }
  bar?.stop();
  if (!batch) throw new Error(`Batch ${batchId} disappeared`);
  return batch;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      `Ingest files from a partner (${INGEST_SOURCES.join(', ')}); waits for each batch and prints its summary`,
    )
    .argument('<source>', 'the source of the files')
    .argument('<files...>', 'the files, in order')
    .option('--department <code>', 'department code (department spreadsheets)', '052')
    .option(
      '--profile <id>',
      'column-mapping profile of a department spreadsheet (default: detected from the headers)',
    )
    .option('--france-travail-id <id>', 'France Travail id of a bare diagnostic answer')
    .option(
      '--reference-date <YYYY-MM-DD>',
      'extraction date of France Travail files (orders them; default: the day the file is received)',
    )
    .option(
      '--as <login>',
      'the agent account the batches act for, within its habilitation (default: SPIE_INGEST_AS, else the technical account of the source: caf-connector, ft-connector, cd52-connector, ml-connector)',
    )
    .option('--workers <n>', 'worker processes to start when none is running', '2')
    .option('--no-progress', 'do not draw the progress bar')
    .addHelpText(
      'after',
      '\nExit codes: 0 completed, 1 completed with errors, 2 file refused (or the account may not send this source),\n' +
        '3 batch held (the account lost its rights meanwhile: spie imports replay <batch> --as <login>).',
    )
    .action(
      async (
        source: string,
        files: string[],
        options: {
          department: string;
          profile?: string;
          franceTravailId?: string;
          referenceDate?: string;
          as?: string;
          workers: string;
          progress: boolean;
        },
      ) => {
        if (!isIngestSource(source)) {
          say(`unknown source "${source}": use one of ${INGEST_SOURCES.join(', ')}`);
          process.exitCode = 2;
          return;
        }
        if (options.referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate)) {
          say(`--reference-date "${options.referenceDate}" is not YYYY-MM-DD`);
          process.exitCode = 2;
          return;
        }
        for (const file of files) {
          if (!existsSync(file) || !statSync(file).isFile()) {
            say(`${file}: no such file`);
            process.exitCode = 2;
            return;
          }
        }
        const login = ingestAccount(source, options.as);
        const context = await openIngestContext({ workers: Number(options.workers) });
        let worst = 0;
        try {
          const envelope = await context.actAs(login);
          if (!envelope) {
            say(
              `no active agent account "${login}" to act as: name one with --as <login> (or SPIE_INGEST_AS)`,
            );
            worst = 2;
            return;
          }
          say(`acting as ${login}`);
          const submission = context.app.get(ImportSubmissionService);
          const batches = context.app.get(ImportBatchService);
          for (const file of files) {
            let submitted: Awaited<ReturnType<ImportSubmissionService['submit']>>;
            try {
              submitted = await submission.submit({
                source,
                fileName: basename(file),
                input: createReadStream(file, { highWaterMark: 1024 * 1024 }),
                options: {
                  departmentCode: options.department,
                  ...(options.profile ? { profile: options.profile } : {}),
                  ...(options.franceTravailId ? { franceTravailId: options.franceTravailId } : {}),
                  ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
                },
                envelope,
              });
            } catch (error) {
              if (
                error instanceof IngestionException &&
                error.code === IngestionExceptionCode.ImportNotHabilitated
              ) {
                say(
                  `${basename(file)}: ${error.code} (${String(error.details?.['reason'])}): ${error.message}`,
                );
                worst = 2;
                return;
              }
              throw error;
            }
            const { batch, joined } = submitted;
            say(`${basename(file)}: batch ${batch.id}${joined ? ' (already running: following it)' : ''}`);
            const done = await waitForBatch(
              batches,
              batch.id,
              options.progress && process.stderr.isTTY !== false,
            );
            const summary = summarise(done);
            if (done.errorCode) say(`${basename(file)}: ${done.errorCode}: ${done.errorMessage}`);
            if (done.holdCode) say(`${basename(file)}: held, ${done.holdCode}: ${done.holdMessage}`);
            for (const { code, severity, count } of await batches.issueCountsByCode(done.id)) {
              say(`  ${severity} ${code}: ${count}`);
            }
            worst = Math.max(
              worst,
              summary.status === 'held'
                ? 3
                : summary.status === 'failed'
                  ? 2
                  : summary.status === 'completed_with_errors'
                    ? 1
                    : 0,
            );
            console.log(JSON.stringify(summary));
          }
        } finally {
          await context.close();
          process.exitCode = worst;
        }
      },
    );
}
